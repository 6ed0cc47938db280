"""/api/v1/analysis/... (the review workflow) and /api/v1/industries."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends, Request, Response

from resumeiq.analysis import service
from resumeiq.analysis.dependencies import DispatcherDep
from resumeiq.analysis.schemas import (
    AnalysisStatus,
    AnalysisSummary,
    AnalyzeAccepted,
    AnalyzeRequest,
    Industry,
)
from resumeiq.db import SessionDep
from resumeiq.pagination import Page, PageDep
from resumeiq.ratelimit.dependencies import rate_limit
from resumeiq.ratelimit.limiter import LimitKind
from resumeiq.users.dependencies import CurrentUser

router = APIRouter(tags=["analysis"])


@router.post(
    "/analysis/resumes/{resume_id}/analyze",
    status_code=202,
    response_model=AnalyzeAccepted,
    dependencies=[Depends(rate_limit(LimitKind.ANALYSIS))],
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
    """Request a review of a resume for a target industry, and against one of your jobs with
    ``job_id``; poll the status URL for the result."""
    review = await service.request_review(
        session=session,
        user=user,
        resume_id=resume_id,
        industry=body.industry,
        dispatch=dispatcher.submit,
        charge_credits=request.app.state.settings.credits_enabled,
        job_id=body.job_id,
    )
    status_url = str(request.url_for("analysis_status", analysis_id=review.id).path)
    response.headers["Location"] = status_url
    return AnalyzeAccepted(
        analysis_id=review.id,
        status=review.status,
        message="Review queued; poll status_url for the result.",
        status_url=status_url,
    )


@router.get("/analysis/analysis/{analysis_id}/status", response_model=AnalysisStatus, name="analysis_status")
async def analysis_status(analysis_id: uuid.UUID, session: SessionDep, user: CurrentUser) -> AnalysisStatus:
    """Where a review stands; ``result`` is set once it is ``completed``, ``error`` if ``failed``."""
    request, result = await service.get_review(session=session, user=user, analysis_id=analysis_id)
    return AnalysisStatus.of(request, result)


@router.get("/analysis/analyses", response_model=Page[AnalysisSummary])
async def list_analyses(session: SessionDep, user: CurrentUser, page: PageDep) -> Page[AnalysisSummary]:
    """Your review requests, newest first."""
    return await service.list_reviews(session=session, user=user, page=page)


@router.get("/industries", response_model=list[Industry], tags=["industries"])
async def list_industries() -> list[Industry]:
    """The industry profiles a review can target."""
    return list(service.industries())
