"""Review use cases: request a review, read its status and result, list, industries."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import lru_cache

from sqlalchemy import Uuid, bindparam, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from resumeiq.analysis.models import ReviewRequest, ReviewResult, ReviewStatus, ReviewType
from resumeiq.analysis.schemas import AnalysisStatus, AnalysisSummary, Industry, ReviewResultOut
from resumeiq.db import read_only, utcnow
from resumeiq.engine import list_industries
from resumeiq.errors import NotFound, UnknownIndustryRequested
from resumeiq.jobs.service import get_owned_job
from resumeiq.pagination import Page, PageParams
from resumeiq.resumes.service import get_ready_resume_id
from resumeiq.users.models import User


@lru_cache(maxsize=1)
def industries() -> tuple[Industry, ...]:
    """The engine's industry profiles (read once; they ship with the package)."""
    return tuple(
        Industry(id=p.id, name=p.name, description=getattr(p, "description", "") or "")
        for p in list_industries()
    )


def check_industry(industry: str) -> None:
    valid = [p.id for p in industries()]
    if industry not in valid:
        raise UnknownIndustryRequested(industry, valid)


_INSERT_REQUEST = insert(ReviewRequest.__table__)


async def request_review(
    *,
    session: AsyncSession,
    user: User,
    resume_id: uuid.UUID,
    industry: str,
    dispatch: Callable[[uuid.UUID], None],
    charge_credits: bool,
    job_id: uuid.UUID | None = None,
) -> ReviewRequest:
    """Write a pending review request, then hand it to the dispatcher. With ``job_id`` (one of
    the user's jobs, else 404) the review also reports the resume against that posting. With
    ``charge_credits`` it costs the user one credit, taken in the same transaction (raises
    ``InsufficientCredits``, and nothing is written, when none is left)."""
    check_industry(industry)
    await get_ready_resume_id(session=session, user=user, resume_id=resume_id, purpose="review")
    job = await get_owned_job(session=session, user=user, job_id=job_id) if job_id is not None else None
    values = {
        "id": uuid.uuid4(),
        "resume_id": resume_id,
        "requested_by_user_id": user.id,
        "job_id": job.id if job is not None else None,
        "target_industry": industry,
        "review_type": ReviewType.REVIEW.value,
        "analysis_depth": "standard",
        "status": ReviewStatus.PENDING.value,
        "attempts": 0,
        "requested_at": utcnow(),
    }
    # A plain INSERT (no ORM unit of work); the object returned is not attached to the session.
    await session.execute(_INSERT_REQUEST, values)
    request = ReviewRequest(**values)
    if charge_credits:
        from resumeiq.credits.service import REVIEW_COST, charge

        try:
            await charge(
                session, user_id=user.id, amount=REVIEW_COST, reason="review", review_request_id=request.id
            )
        except BaseException:
            await session.rollback()
            raise
    await session.commit()
    dispatch(request.id)
    return request


# Built once: a statement's construction costs more CPU than the database's execution of it.
_REVIEW_WITH_RESULT = (
    select(ReviewRequest, ReviewResult)
    .outerjoin(ReviewResult, ReviewResult.review_request_id == ReviewRequest.id)
    .where(
        ReviewRequest.id == bindparam("id"),
        ReviewRequest.requested_by_user_id == bindparam("owner_id"),
        ReviewRequest.review_type == ReviewType.REVIEW,
    )
)


async def get_review(
    *, session: AsyncSession, user: User, analysis_id: uuid.UUID
) -> tuple[ReviewRequest, ReviewResult | None]:
    row = (await session.execute(_REVIEW_WITH_RESULT, {"id": analysis_id, "owner_id": user.id})).one_or_none()
    await session.commit()
    if row is None:
        raise NotFound.of("Analysis", analysis_id)
    return row[0], row[1]


_RQ, _RS = ReviewRequest.__table__, ReviewResult.__table__
_STATUS_ROW = (
    select(
        _RQ.c.id,
        _RQ.c.resume_id,
        _RQ.c.status,
        _RQ.c.target_industry,
        _RQ.c.job_id,
        _RQ.c.attempts,
        _RQ.c.requested_at,
        _RQ.c.started_at,
        _RQ.c.completed_at,
        _RQ.c.error,
        _RS.c.id.label("result_id"),
        _RS.c.overall_score,
        _RS.c.ats_score,
        _RS.c.content_score,
        _RS.c.formatting_score,
        _RS.c.industry,
        _RS.c.executive_summary,
        _RS.c.detailed_scores,
        _RS.c.strengths,
        _RS.c.weaknesses,
        _RS.c.recommendations,
        _RS.c.ai_model_used,
        _RS.c.processing_time_ms,
        _RS.c.created_at.label("result_created_at"),
    )  # fmt: skip
    .outerjoin(_RS, _RS.c.review_request_id == _RQ.c.id)
    .where(
        _RQ.c.id == bindparam("id", type_=Uuid()),
        _RQ.c.requested_by_user_id == bindparam("owner_id", type_=Uuid()),
        _RQ.c.review_type == ReviewType.REVIEW.value,
    )
)


async def review_status(*, session: AsyncSession, user: User, analysis_id: uuid.UUID) -> AnalysisStatus:
    """``get_review`` as the API answers it, read as one plain row (no ORM objects)."""
    await read_only(session)
    row = (await session.execute(_STATUS_ROW, {"id": analysis_id, "owner_id": user.id})).one_or_none()
    await session.commit()
    if row is None:
        raise NotFound.of("Analysis", analysis_id)
    result = None
    if row.result_id is not None:
        scores = row.detailed_scores or {}
        result = ReviewResultOut(
            analysis_id=row.id,
            overall_score=row.overall_score,
            ats_score=row.ats_score,
            content_score=row.content_score,
            formatting_score=row.formatting_score,
            industry=row.industry,
            band=scores.get("band"),
            executive_summary=row.executive_summary,
            detailed_scores=row.detailed_scores,
            job_match=scores.get("job_match"),
            strengths=row.strengths,
            weaknesses=row.weaknesses,
            recommendations=row.recommendations,
            ai_model_used=row.ai_model_used,
            processing_time_ms=row.processing_time_ms,
            completed_at=row.completed_at or row.result_created_at,
        )
    return AnalysisStatus(
        analysis_id=row.id,
        resume_id=row.resume_id,
        status=row.status,
        industry=row.target_industry,
        job_id=row.job_id,
        attempts=row.attempts,
        requested_at=row.requested_at,
        started_at=row.started_at,
        completed_at=row.completed_at,
        error=row.error,
        result=result,
    )


async def list_reviews(*, session: AsyncSession, user: User, page: PageParams) -> Page[AnalysisSummary]:
    """The user's review requests (not their job matches), newest first."""
    where = (ReviewRequest.requested_by_user_id == user.id) & (ReviewRequest.review_type == ReviewType.REVIEW)
    total = await session.scalar(select(func.count()).select_from(ReviewRequest).where(where))
    rows = await session.execute(
        select(ReviewRequest, ReviewResult.overall_score)
        .outerjoin(ReviewResult, ReviewResult.review_request_id == ReviewRequest.id)
        .where(where)
        .order_by(ReviewRequest.requested_at.desc(), ReviewRequest.id.desc())
        .limit(page.limit)
        .offset(page.offset)
    )
    items = [
        AnalysisSummary(
            analysis_id=req.id,
            resume_id=req.resume_id,
            status=req.status,
            industry=req.target_industry,
            job_id=req.job_id,
            requested_at=req.requested_at,
            completed_at=req.completed_at,
            overall_score=score,
            error=req.error,
        )
        for req, score in rows
    ]
    await session.commit()
    return Page(items=items, total=total or 0, limit=page.limit, offset=page.offset)
