"""/api/v1/analyses (the review workflow; the earlier paths under /api/v1/analysis kept) and
/api/v1/industries."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends, Request, Response

from resumeiq.analysis import service
from resumeiq.analysis.dependencies import DispatcherDep
from resumeiq.analysis.schemas import (
    AnalysisCreate,
    AnalysisStatus,
    AnalysisSummary,
    AnalyzeAccepted,
    AnalyzeRequest,
    Industry,
)
from resumeiq.apidoc import problems
from resumeiq.db import SessionDep
from resumeiq.pagination import Page, PageDep
from resumeiq.ratelimit.dependencies import rate_limit
from resumeiq.ratelimit.limiter import LimitKind
from resumeiq.users.dependencies import CurrentUser

router = APIRouter(tags=["analysis"])

_STATUS_PATH = "/api/v1/analyses/{}"  # main.API_PREFIX + get_analysis's path


_COMPAT = "Kept for compatibility with clients of the earlier API; use {0}."


async def _request_review(
    request: Request,
    response: Response,
    *,
    resume_id: uuid.UUID,
    body: AnalyzeRequest,
    session: SessionDep,
    user: CurrentUser,
    dispatcher: DispatcherDep,
) -> AnalyzeAccepted:
    review = await service.request_review(
        session=session,
        user=user,
        resume_id=resume_id,
        industry=body.industry,
        dispatch=dispatcher.submit,
        charge_credits=request.app.state.settings.credits_enabled,
        job_id=body.job_id,
    )
    # The route's path written out (``request.url_for`` searched every route: a quarter of this
    # request's CPU).
    status_url = f"{request.scope.get('root_path', '')}{_STATUS_PATH.format(review.id)}"
    response.headers["Location"] = status_url
    return AnalyzeAccepted(
        id=review.id,
        status=review.status,
        message="Review queued; poll status_url for the result.",
        status_url=status_url,
    )


@router.post(
    "/analyses",
    status_code=202,
    response_model=AnalyzeAccepted,
    dependencies=[Depends(rate_limit(LimitKind.ANALYSIS))],
    responses=problems(
        401,
        404,
        (409, "resume_not_ready"),
        (422, "validation_error", "unknown_industry"),
        429,
    ),
)
async def create_analysis(
    body: AnalysisCreate,
    request: Request,
    response: Response,
    session: SessionDep,
    user: CurrentUser,
    dispatcher: DispatcherDep,
) -> AnalyzeAccepted:
    """Request a review of one of your resumes for a target industry, and against one of your
    jobs with ``job_id``; poll the status URL (``GET /analyses/{id}``) for the result."""
    return await _request_review(
        request,
        response,
        resume_id=body.resume_id,
        body=body,
        session=session,
        user=user,
        dispatcher=dispatcher,
    )


@router.get(
    "/analyses/{analysis_id}",
    response_model=AnalysisStatus,
    name="get_analysis",
    responses=problems(401, 404, 422),
)
async def get_analysis(analysis_id: uuid.UUID, session: SessionDep, user: CurrentUser) -> AnalysisStatus:
    """A review: where it stands; ``result`` is set once it is ``completed``, ``error`` if ``failed``."""
    return await service.review_status(session=session, user=user, analysis_id=analysis_id)


@router.get("/analyses", response_model=Page[AnalysisSummary], responses=problems(401, 422))
async def list_analyses(session: SessionDep, user: CurrentUser, page: PageDep) -> Page[AnalysisSummary]:
    """Your review requests, newest first."""
    return await service.list_reviews(session=session, user=user, page=page)


@router.post(
    "/analysis/resumes/{resume_id}/analyze",
    status_code=202,
    response_model=AnalyzeAccepted,
    dependencies=[Depends(rate_limit(LimitKind.ANALYSIS))],
    deprecated=True,
    summary="Analyze Resume (earlier path)",
    description=_COMPAT.format("POST /api/v1/analyses"),
    responses=problems(
        401,
        404,
        (409, "resume_not_ready"),
        (422, "validation_error", "unknown_industry"),
        429,
    ),
)
async def analyze_resume(
    resume_id: uuid.UUID,
    body: AnalyzeRequest,
    request: Request,
    response: Response,
    session: SessionDep,
    user: CurrentUser,
    dispatcher: DispatcherDep,
) -> AnalyzeAccepted:
    return await _request_review(
        request, response, resume_id=resume_id, body=body, session=session, user=user, dispatcher=dispatcher
    )


@router.get(
    "/analysis/analysis/{analysis_id}/status",
    response_model=AnalysisStatus,
    name="analysis_status",
    deprecated=True,
    summary="Analysis Status (earlier path)",
    description=_COMPAT.format("GET /api/v1/analyses/{analysis_id}"),
    responses=problems(401, 404, 422),
)
async def analysis_status(analysis_id: uuid.UUID, session: SessionDep, user: CurrentUser) -> AnalysisStatus:
    return await get_analysis(analysis_id, session, user)


@router.get(
    "/analysis/analyses",
    response_model=Page[AnalysisSummary],
    deprecated=True,
    summary="List Analyses (earlier path)",
    description=_COMPAT.format("GET /api/v1/analyses"),
    responses=problems(401, 422),
)
async def list_analyses_compat(
    session: SessionDep, user: CurrentUser, page: PageDep
) -> Page[AnalysisSummary]:
    return await list_analyses(session, user, page)


@router.get("/industries", response_model=list[Industry], tags=["industries"])
async def list_industries() -> list[Industry]:
    """The industry profiles a review can target."""
    return list(service.industries())
