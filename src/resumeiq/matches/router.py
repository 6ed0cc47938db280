"""/api/v1/matches, /api/v1/resumes/{id}/top-matches and /api/v1/resumes/{id}/compare."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from resumeiq.analysis.dependencies import DispatcherDep
from resumeiq.apidoc import problems
from resumeiq.db import SessionDep
from resumeiq.matches import service
from resumeiq.matches.schemas import (
    Comparison,
    MatchAccepted,
    MatchCreate,
    MatchListItem,
    MatchRecommendations,
    MatchStatus,
    MatchSummary,
    TopMatches,
)
from resumeiq.pagination import Page, PageDep
from resumeiq.ratelimit.dependencies import rate_limit
from resumeiq.ratelimit.limiter import LimitKind
from resumeiq.resumes.dependencies import EnginePoolDep, StorageDep
from resumeiq.users.dependencies import CurrentUser, SettingsDep

router = APIRouter(tags=["matches"])


@router.post(
    "/matches",
    status_code=202,
    response_model=MatchAccepted,
    dependencies=[Depends(rate_limit(LimitKind.ANALYSIS))],
    responses=problems(401, 404, (409, "resume_not_ready"), 422, 429),
)
async def create_match(
    body: MatchCreate,
    request: Request,
    response: Response,
    session: SessionDep,
    user: CurrentUser,
    dispatcher: DispatcherDep,
) -> MatchAccepted:
    """Match one of your resumes against one of your jobs; poll the status URL for the result."""
    match = await service.request_match(
        session=session, user=user, resume_id=body.resume_id, job_id=body.job_id, dispatch=dispatcher.submit
    )
    status_url = str(request.url_for("get_match", match_id=match.id).path)
    response.headers["Location"] = status_url
    return MatchAccepted(
        analysis_id=match.id,
        status=match.status,
        message="Match queued; poll status_url for the result.",
        status_url=status_url,
    )


@router.get("/matches", response_model=Page[MatchListItem], responses=problems(401, 422))
async def list_matches(
    session: SessionDep,
    user: CurrentUser,
    page: PageDep,
    resume_id: Annotated[uuid.UUID | None, Query()] = None,
    job_id: Annotated[uuid.UUID | None, Query()] = None,
) -> Page[MatchListItem]:
    """Your matches, newest first; filter by resume or job."""
    return await service.list_matches(
        session=session, user=user, page=page, resume_id=resume_id, job_id=job_id
    )


@router.get(
    "/matches/{match_id}",
    response_model=MatchStatus,
    name="get_match",
    responses=problems(401, 404, 422),
)
async def get_match(match_id: uuid.UUID, session: SessionDep, user: CurrentUser) -> MatchStatus:
    """The match's status and, once ``completed``, its full explained result (``error`` if ``failed``)."""
    return await service.get_match(session=session, user=user, match_id=match_id)


@router.get(
    "/matches/{match_id}/summary",
    response_model=MatchSummary,
    responses=problems(401, 404, (409, "result_not_ready"), 422),
)
async def match_summary(match_id: uuid.UUID, session: SessionDep, user: CurrentUser) -> MatchSummary:
    """Score, category, explanation and the required skills found and missing (409 until completed)."""
    return await service.match_summary(session=session, user=user, match_id=match_id)


@router.get(
    "/matches/{match_id}/recommendations",
    response_model=MatchRecommendations,
    responses=problems(401, 404, (409, "result_not_ready"), 422),
)
async def match_recommendations(
    match_id: uuid.UUID, session: SessionDep, user: CurrentUser
) -> MatchRecommendations:
    """What would raise the score most, most important first (409 until completed)."""
    return await service.match_recommendations(session=session, user=user, match_id=match_id)


@router.get(
    "/resumes/{resume_id}/top-matches",
    response_model=TopMatches,
    responses=problems(401, 404, (409, "resume_not_ready"), 422, (503, "engine_unavailable")),
)
async def top_matches(
    resume_id: uuid.UUID,
    session: SessionDep,
    user: CurrentUser,
    settings: SettingsDep,
    storage: StorageDep,
    engine: EnginePoolDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> TopMatches:
    """Your jobs this resume fits best, best first, computed now."""
    return await service.top_matches(
        session=session,
        engine=engine,
        storage=storage,
        user=user,
        resume_id=resume_id,
        limit=limit,
        thresholds=settings.match_thresholds,
    )


@router.get(
    "/resumes/{resume_id}/compare",
    response_model=Comparison,
    responses=problems(
        401,
        404,
        (409, "resume_not_ready"),
        (422, "validation_error", "invalid_input"),
        (503, "engine_unavailable"),
    ),
)
async def compare(
    resume_id: uuid.UUID,
    session: SessionDep,
    user: CurrentUser,
    settings: SettingsDep,
    storage: StorageDep,
    engine: EnginePoolDep,
    job_ids: Annotated[str, Query(max_length=4000, description="Comma-separated job ids (at most 10)")],
) -> Comparison:
    """This resume against each of the given jobs, side by side, in the order given."""
    return await service.compare(
        session=session,
        engine=engine,
        storage=storage,
        user=user,
        resume_id=resume_id,
        job_ids=service.parse_job_ids(job_ids),
        thresholds=settings.match_thresholds,
    )
