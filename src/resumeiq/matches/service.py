"""Match use cases: request a match (queued, like a review), read it, list them, and compute a
resume's matches against many jobs at once (top matches, comparisons).

A queued match is a ``review_requests`` row with ``review_type='job_match'`` and its result a
``review_results`` row (``match_score``, ``category``; the engine's explained result in
``detailed_scores``); ``analysis.tasks.process_review`` does the work.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from resumeiq.analysis.models import ReviewRequest, ReviewResult, ReviewStatus, ReviewType
from resumeiq.errors import InvalidInput, NotFound, ResultNotReady
from resumeiq.jobs.models import Job
from resumeiq.jobs.service import get_owned_job
from resumeiq.matches.schemas import (
    Comparison,
    JobMatch,
    MatchListItem,
    MatchRecommendations,
    MatchResultOut,
    MatchStatus,
    MatchSummary,
    SkillMatchOut,
    TopMatches,
    related_labels,
    skill_names,
    split_skills,
)
from resumeiq.pagination import Page, PageParams
from resumeiq.resumes.models import Resume
from resumeiq.resumes.service import get_ready_resume, raise_engine_failure
from resumeiq.storage import FileStorage, StoredFileMissing
from resumeiq.users.models import User
from resumeiq.worker.engine_jobs import EngineFailure
from resumeiq.worker.pool import EnginePool

# Top matches look at the user's newest jobs, at most this many (one engine call for all).
TOP_MATCHES_MAX_JOBS = 200
COMPARE_MAX_JOBS = 10


async def request_match(
    *,
    session: AsyncSession,
    user: User,
    resume_id: uuid.UUID,
    job_id: uuid.UUID,
    dispatch: Callable[[uuid.UUID], None],
) -> ReviewRequest:
    """Write a pending job-match request, then hand it to the dispatcher."""
    resume = await get_ready_resume(session=session, user=user, resume_id=resume_id, purpose="matching")
    job = await get_owned_job(session=session, user=user, job_id=job_id)
    request = ReviewRequest(
        resume_id=resume.id,
        requested_by_user_id=user.id,
        job_id=job.id,
        target_industry=None,
        review_type=ReviewType.JOB_MATCH.value,
        status=ReviewStatus.PENDING.value,
    )
    session.add(request)
    await session.commit()
    dispatch(request.id)
    return request


async def _load(session: AsyncSession, user: User, match_id: uuid.UUID) -> tuple[Any, ...]:
    row = (
        await session.execute(
            select(ReviewRequest, ReviewResult, Resume.extracted_text, Job.description, Job.title)
            .join(Resume, Resume.id == ReviewRequest.resume_id)
            .join(Job, Job.id == ReviewRequest.job_id)
            .outerjoin(ReviewResult, ReviewResult.review_request_id == ReviewRequest.id)
            .where(
                ReviewRequest.id == match_id,
                ReviewRequest.requested_by_user_id == user.id,
                ReviewRequest.review_type == ReviewType.JOB_MATCH,
            )
        )
    ).one_or_none()
    await session.commit()
    if row is None:
        raise NotFound.of("Match", match_id)
    return tuple(row)


def _result_out(
    request: ReviewRequest, result: ReviewResult, resume_text: str | None, job_text: str
) -> MatchResultOut:
    d = result.detailed_scores

    def skills(key: str) -> list[SkillMatchOut]:
        return SkillMatchOut.many(d.get(key), resume_text, job_text)

    req_matched, req_related = split_skills(d, "required")
    pref_matched, pref_related = split_skills(d, "preferred")

    return MatchResultOut(
        match_score=result.match_score or 0,
        category=result.category or "",
        explanation=result.executive_summary,
        thresholds=d.get("thresholds") or {},
        components=d.get("components") or [],
        matched_required=SkillMatchOut.many(req_matched, resume_text, job_text),
        related_required=SkillMatchOut.many(req_related, resume_text, job_text),
        missing_required=skills("missing_required"),
        matched_preferred=SkillMatchOut.many(pref_matched, resume_text, job_text),
        related_preferred=SkillMatchOut.many(pref_related, resume_text, job_text),
        missing_preferred=skills("missing_preferred"),
        experience=d.get("experience") or {},
        education=d.get("education") or {},
        strengths=result.strengths,
        weaknesses=result.weaknesses,
        recommendations=result.recommendations,
        as_of=d.get("as_of"),
        warnings=d.get("warnings") or [],
        processing_time_ms=result.processing_time_ms,
        completed_at=request.completed_at or result.created_at,
    )


async def get_match(*, session: AsyncSession, user: User, match_id: uuid.UUID) -> MatchStatus:
    request, result, resume_text, job_text, job_title = await _load(session, user, match_id)
    assert request.job_id is not None
    return MatchStatus(
        analysis_id=request.id,
        resume_id=request.resume_id,
        job_id=request.job_id,
        job_title=job_title,
        status=request.status,
        attempts=request.attempts,
        requested_at=request.requested_at,
        started_at=request.started_at,
        completed_at=request.completed_at,
        error=request.error,
        result=_result_out(request, result, resume_text, job_text) if result is not None else None,
    )


async def _completed(session: AsyncSession, user: User, match_id: uuid.UUID) -> tuple[Any, ...]:
    loaded = await _load(session, user, match_id)
    request, result = loaded[0], loaded[1]
    if result is None:
        raise ResultNotReady(
            f"Match {match_id} is {request.status}; its result is not available"
            + (f" ({request.error})." if request.error else "."),
            analysis_status=request.status,
            error=request.error,
        )
    return loaded


async def match_summary(*, session: AsyncSession, user: User, match_id: uuid.UUID) -> MatchSummary:
    request, result, _, _, job_title = await _completed(session, user, match_id)
    d = result.detailed_scores
    return MatchSummary(
        analysis_id=request.id,
        resume_id=request.resume_id,
        job_id=request.job_id,
        job_title=job_title,
        status=request.status,
        match_score=result.match_score or 0,
        category=result.category or "",
        explanation=result.executive_summary,
        matched_required=skill_names(split_skills(d, "required")[0]),
        related_required=related_labels(split_skills(d, "required")[1]),
        missing_required=skill_names(d.get("missing_required")),
        completed_at=request.completed_at or result.created_at,
    )


async def match_recommendations(
    *, session: AsyncSession, user: User, match_id: uuid.UUID
) -> MatchRecommendations:
    request, result, *_ = await _completed(session, user, match_id)
    d = result.detailed_scores
    return MatchRecommendations(
        analysis_id=request.id,
        match_score=result.match_score or 0,
        category=result.category or "",
        recommendations=result.recommendations,
        missing_required=skill_names(d.get("missing_required")),
        missing_preferred=skill_names(d.get("missing_preferred")),
    )


async def list_matches(
    *,
    session: AsyncSession,
    user: User,
    page: PageParams,
    resume_id: uuid.UUID | None = None,
    job_id: uuid.UUID | None = None,
) -> Page[MatchListItem]:
    """The user's matches, newest first; filter by resume or job."""
    conditions = [
        ReviewRequest.requested_by_user_id == user.id,
        ReviewRequest.review_type == ReviewType.JOB_MATCH,
    ]
    if resume_id is not None:
        conditions.append(ReviewRequest.resume_id == resume_id)
    if job_id is not None:
        conditions.append(ReviewRequest.job_id == job_id)
    total = await session.scalar(select(func.count()).select_from(ReviewRequest).where(*conditions))
    rows = await session.execute(
        select(ReviewRequest, ReviewResult.match_score, ReviewResult.category)
        .outerjoin(ReviewResult, ReviewResult.review_request_id == ReviewRequest.id)
        .where(*conditions)
        .order_by(ReviewRequest.requested_at.desc(), ReviewRequest.id.desc())
        .limit(page.limit)
        .offset(page.offset)
    )
    items = [
        MatchListItem(
            analysis_id=req.id,
            resume_id=req.resume_id,
            job_id=req.job_id,
            status=req.status,
            match_score=score,
            category=category,
            requested_at=req.requested_at,
            completed_at=req.completed_at,
            error=req.error,
        )
        for req, score, category in rows
    ]
    await session.commit()
    return Page(items=items, total=total or 0, limit=page.limit, offset=page.offset)


# --------------------------------------------------------------------------- computed on request


async def _match_jobs(
    *,
    session: AsyncSession,
    engine: EnginePool,
    storage: FileStorage,
    resume: Resume,
    jobs: list[Job],
    thresholds: tuple[float, float],
) -> list[JobMatch]:
    key, filename = resume.storage_key, resume.filename
    await session.commit()  # hold nothing while the engine works
    if not jobs:
        return []
    try:
        async with storage.local_copy(key) as path:
            outcome = await engine.match_file_many(
                path, filename, [(j.requirements_key, j.requirements, j.description) for j in jobs], thresholds
            )
    except StoredFileMissing as exc:
        raise NotFound(f"The original file of resume {resume.id} is missing from storage.") from exc
    if isinstance(outcome, EngineFailure):
        raise_engine_failure(outcome)
    assert isinstance(outcome, list)
    out = []
    for job, report in zip(jobs, outcome, strict=True):
        d = report.details
        out.append(
            JobMatch(
                job_id=job.id,
                title=job.title,
                company=job.company,
                match_score=report.score,
                category=report.category,
                explanation=d["explanation"],
                components=d["components"],
                matched_required=skill_names(split_skills(d, "required")[0]),
                related_required=related_labels(split_skills(d, "required")[1]),
                missing_required=skill_names(d["missing_required"]),
                matched_preferred=skill_names(split_skills(d, "preferred")[0]),
                related_preferred=related_labels(split_skills(d, "preferred")[1]),
                missing_preferred=skill_names(d["missing_preferred"]),
                experience=d["experience"],
                education=d["education"],
            )
        )
    return out


async def top_matches(
    *,
    session: AsyncSession,
    engine: EnginePool,
    storage: FileStorage,
    user: User,
    resume_id: uuid.UUID,
    limit: int,
    thresholds: tuple[float, float],
) -> TopMatches:
    """The user's jobs this resume matches best, best first (ties: newest job first)."""
    resume = await get_ready_resume(session=session, user=user, resume_id=resume_id, purpose="matching")
    total = (
        await session.scalar(select(func.count()).select_from(Job).where(Job.owner_user_id == user.id)) or 0
    )
    jobs = list(
        await session.scalars(
            select(Job)
            .where(Job.owner_user_id == user.id)
            .order_by(Job.created_at.desc(), Job.id)
            .limit(TOP_MATCHES_MAX_JOBS)
        )
    )
    matches = await _match_jobs(
        session=session, engine=engine, storage=storage, resume=resume, jobs=jobs, thresholds=thresholds
    )
    order = {job.id: i for i, job in enumerate(jobs)}
    matches.sort(key=lambda m: (-m.match_score, order[m.job_id]))
    warnings = []
    if total > len(jobs):
        warnings.append(f"Only your {len(jobs)} newest jobs of {total} were considered.")
    return TopMatches(
        resume_id=resume.id, jobs_considered=len(jobs), items=matches[:limit], warnings=warnings
    )


def parse_job_ids(raw: str) -> list[uuid.UUID]:
    """``a,b,c`` → distinct job ids in the given order (1 to COMPARE_MAX_JOBS)."""
    ids: list[uuid.UUID] = []
    for part in raw.split(","):
        part = part.strip()
        if not part:
            continue
        try:
            job_id = uuid.UUID(part)
        except ValueError as exc:
            raise InvalidInput(f"job_ids: {part!r} is not a UUID.") from exc
        if job_id not in ids:
            ids.append(job_id)
    if not ids:
        raise InvalidInput("job_ids: give at least one job id (comma-separated).")
    if len(ids) > COMPARE_MAX_JOBS:
        raise InvalidInput(f"job_ids: at most {COMPARE_MAX_JOBS} jobs can be compared at once.")
    return ids


async def compare(
    *,
    session: AsyncSession,
    engine: EnginePool,
    storage: FileStorage,
    user: User,
    resume_id: uuid.UUID,
    job_ids: list[uuid.UUID],
    thresholds: tuple[float, float],
) -> Comparison:
    """This resume matched against each of the given jobs, side by side, in the given order."""
    resume = await get_ready_resume(session=session, user=user, resume_id=resume_id, purpose="matching")
    jobs = [await get_owned_job(session=session, user=user, job_id=job_id) for job_id in job_ids]
    matches = await _match_jobs(
        session=session, engine=engine, storage=storage, resume=resume, jobs=jobs, thresholds=thresholds
    )
    return Comparison(resume_id=resume.id, items=matches)
