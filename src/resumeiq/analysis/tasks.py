"""``process_review(request_id)``: the job that turns a review request into a review result.

A request is a review for a target industry (``review_type='review'``) or a match against a job
(``'job_match'``); both go through the same claim, lease and save path.

Idempotent: it claims the request first (see ``worker.claim``), so running it twice, or in two
processes, does the work once. The result row and the ``completed`` status are written in one
transaction, fenced by the claim token. Engine failures are recorded on the request (``failed``
with the engine's code and message); a crash mid-review leaves a lease that expires, and the
sweep gives the request to a new worker.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, Uuid, bindparam, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumeiq.analysis.models import ReviewRequest, ReviewResult, ReviewStatus, ReviewType
from resumeiq.credits.service import refund_failures
from resumeiq.jobs.models import Job
from resumeiq.resumes.models import Resume
from resumeiq.storage import FileStorage, StoredFileMissing
from resumeiq.worker import claim
from resumeiq.worker.engine_jobs import EngineFailure, MatchReport, ReviewReport
from resumeiq.worker.pool import EnginePool

log = logging.getLogger(__name__)

Outcome = ReviewReport | MatchReport | EngineFailure | None


@dataclass(frozen=True, slots=True)
class ReviewContext:
    sessionmaker: async_sessionmaker[AsyncSession]
    storage: FileStorage
    engine: EnginePool
    lease_seconds: float
    max_attempts: int
    match_thresholds: tuple[float, float] = (75.0, 36.0)  # see Settings.match_thresholds


async def find_due_reviews(ctx: ReviewContext) -> list[uuid.UUID]:
    """Requests waiting for a worker (pending or with an expired lease); gives up on those that
    used all their attempts."""
    async with ctx.sessionmaker() as session:
        failed = await claim.fail_exhausted(session, ReviewRequest, max_attempts=ctx.max_attempts)
        if failed:
            log.warning("%d review(s) failed after %d attempts", failed, ctx.max_attempts)
        due = await claim.due(session, ReviewRequest)
    if failed:
        await refund_failures(ctx.sessionmaker)
    return due


async def process_review(request_id: uuid.UUID, *, ctx: ReviewContext) -> str | None:
    """Run one review. Returns the status it ended in, or None if it was not ours to run."""

    async def save(token: int, outcome: Outcome) -> str | None:
        return await _save(ctx, request_id, token, outcome)

    status = await claim.run_claimed(
        ctx.sessionmaker,
        ReviewRequest,
        request_id,
        lease_seconds=ctx.lease_seconds,
        max_attempts=ctx.max_attempts,
        load=lambda session: _load(session, request_id),
        run=lambda row: _run_engine(ctx, request_id, row),
        save=save,
    )
    if status == ReviewStatus.FAILED.value:  # a charged review is paid back (credits)
        await refund_failures(ctx.sessionmaker, review_ids=[request_id])
    return status


# Built once: a statement's construction costs more CPU than SQLite's execution of it.
_REQUEST_WITH_FILE = (
    select(
        ReviewRequest.review_type,
        ReviewRequest.target_industry,
        Resume.storage_key,
        Resume.filename,
        Job.requirements_key,
        Job.requirements,
        Job.description,
    )
    .join(Resume, Resume.id == ReviewRequest.resume_id)
    .outerjoin(Job, Job.id == ReviewRequest.job_id)
    .where(ReviewRequest.id == bindparam("request_id", type_=Uuid()))
)
_INSERT_RESULT = insert(ReviewResult.__table__)


async def _load(session: AsyncSession, request_id: uuid.UUID) -> Row[Any] | None:
    """The request's file and job, read in the claim's transaction."""
    return (await session.execute(_REQUEST_WITH_FILE, {"request_id": request_id})).one_or_none()


async def _run_engine(ctx: ReviewContext, request_id: uuid.UUID, row: Row[Any] | None) -> Outcome:
    if row is None:
        return None  # deleted with its resume (or job) meanwhile
    review_type, industry, key, filename, job_key, requirements, job_text = row
    if review_type == ReviewType.JOB_MATCH and requirements is None:
        return None
    try:
        async with ctx.storage.local_copy(key) as path:
            if review_type == ReviewType.JOB_MATCH:
                return await ctx.engine.match_file(
                    path,
                    filename,
                    job_key=job_key,
                    job=requirements,
                    job_text=job_text,
                    thresholds=ctx.match_thresholds,
                )
            job = None
            if requirements is not None:  # a review against a job: the match report comes with it
                job = (job_key, requirements, job_text, ctx.match_thresholds)
            return await ctx.engine.review_file(path, filename, industry or "general", job)
    except StoredFileMissing:
        return EngineFailure(code="file_missing", message="The resume's stored file is missing.")


async def _save(ctx: ReviewContext, request_id: uuid.UUID, token: int, outcome: Outcome) -> str | None:
    if outcome is None:
        return None
    async with ctx.sessionmaker() as session:
        if isinstance(outcome, EngineFailure):
            status, error = ReviewStatus.FAILED.value, f"{outcome.code}: {outcome.message}"
        else:
            status, error = ReviewStatus.COMPLETED.value, None
        if not await claim.finish(session, ReviewRequest, request_id, token, status=status, error=error):
            await session.rollback()
            log.warning("review %s: lease lost before saving; the new holder will finish it", request_id)
            return None
        try:
            if isinstance(outcome, ReviewReport):
                await session.execute(_INSERT_RESULT, _result_row(request_id, outcome))
            elif isinstance(outcome, MatchReport):
                await session.execute(_INSERT_RESULT, _match_row(request_id, outcome))
            await session.commit()
        except IntegrityError:  # a result exists already: someone else finished it
            await session.rollback()
            return None
    if isinstance(outcome, EngineFailure):
        log.warning("review %s failed: %s", request_id, error)
    return status


def _result_row(request_id: uuid.UUID, outcome: ReviewReport) -> dict[str, Any]:
    """The result row's columns (inserted as a plain row: no ORM object is needed)."""
    report = outcome.report
    return dict(
        id=uuid.uuid4(),
        match_score=None,
        category=None,
        review_request_id=request_id,
        overall_score=report["overall_score"],
        ats_score=report["ats_score"],
        content_score=report["content_score"],
        formatting_score=report["formatting_score"],
        industry=report["industry"],
        executive_summary=report["executive_summary"],
        detailed_scores={
            "ats": report["ats_score"],
            "content": report["content_score"],
            "formatting": report["formatting_score"],
            "checks": report["checks"],
            "band": report.get("band"),
            "job_match": report.get("job_match"),
            "warnings": outcome.warnings,
        },
        strengths=report["strengths"],
        weaknesses=report["weaknesses"],
        recommendations=report["recommendations"],
        ai_model_used=None,  # rule-based engine; no LLM was involved
        processing_time_ms=outcome.processing_time_ms,
    )


def _match_row(request_id: uuid.UUID, outcome: MatchReport) -> dict[str, Any]:
    details = outcome.details
    return dict(
        id=uuid.uuid4(),
        ats_score=None,
        content_score=None,
        formatting_score=None,
        industry=None,
        review_request_id=request_id,
        overall_score=outcome.score,
        match_score=outcome.score,
        category=outcome.category,
        executive_summary=str(details.get("explanation") or ""),
        detailed_scores={**details, "warnings": outcome.warnings},
        strengths=list(details.get("strengths") or []),
        weaknesses=list(details.get("weaknesses") or []),
        recommendations=list(details.get("recommendations") or []),
        ai_model_used=None,
        processing_time_ms=outcome.processing_time_ms,
    )
