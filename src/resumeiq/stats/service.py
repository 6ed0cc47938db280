"""Statistics over one user's data, computed by the database (a few grouped queries)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from resumeiq.analysis.models import ReviewRequest, ReviewResult, ReviewType
from resumeiq.jobs.models import Job
from resumeiq.resumes.models import Candidate, Resume
from resumeiq.screening.models import Screening, ScreeningItem
from resumeiq.stats.schemas import (
    Bucket,
    Categories,
    Counts,
    MatchStats,
    ReviewStats,
    ScoreDistribution,
    ScreeningStats,
    Stats,
)
from resumeiq.users.models import User

_BUCKETS = 10


async def _count(session: AsyncSession, model: Any, *where: Any) -> int:
    return await session.scalar(select(func.count()).select_from(model).where(*where)) or 0


async def _by_status(session: AsyncSession, column: Any, *where: Any, source: Any = None) -> dict[str, int]:
    query = select(column, func.count())
    if source is not None:
        query = query.select_from(source)
    rows = await session.execute(query.where(*where).group_by(column))
    return {status: n for status, n in rows}


async def distribution(session: AsyncSession, score: Any, *where: Any, source: Any) -> ScoreDistribution:
    """Count, mean, min, max and ten buckets (0-9, …, 90-100) of ``score`` over ``source`` rows."""
    summary = (
        await session.execute(
            select(func.count(score), func.avg(score), func.min(score), func.max(score))
            .select_from(source)
            .where(score.is_not(None), *where)
        )
    ).one()
    bucket = case((score >= 100, _BUCKETS - 1), else_=score / 10)
    rows = await session.execute(
        select(bucket, func.count()).select_from(source).where(score.is_not(None), *where).group_by(bucket)
    )
    counts = {int(b): n for b, n in rows}
    return ScoreDistribution(
        count=summary[0] or 0,
        mean=round(float(summary[1]), 2) if summary[1] is not None else None,
        min=summary[2],
        max=summary[3],
        buckets=[
            Bucket(low=10 * i, high=10 * i + (10 if i == _BUCKETS - 1 else 9), count=counts.get(i, 0))
            for i in range(_BUCKETS)
        ],
    )


def categories(rows: Any) -> Categories:
    out = Categories()
    for category, n in rows:
        if category in Categories.model_fields:
            setattr(out, category, getattr(out, category) + n)
    return out


async def user_stats(*, session: AsyncSession, user: User) -> Stats:
    mine = ReviewRequest.requested_by_user_id == user.id
    is_review = ReviewRequest.review_type == ReviewType.REVIEW
    is_match = ReviewRequest.review_type == ReviewType.JOB_MATCH
    results = ReviewResult.__table__.join(
        ReviewRequest.__table__, ReviewRequest.id == ReviewResult.review_request_id
    )
    match_categories = categories(
        await session.execute(
            select(ReviewResult.category, func.count())
            .select_from(results)
            .where(mine, is_match, ReviewResult.category.is_not(None))
            .group_by(ReviewResult.category)
        )
    )
    items = ScreeningItem.__table__.join(Screening.__table__, Screening.id == ScreeningItem.screening_id)
    owns_screening = Screening.owner_user_id == user.id
    screening_categories = categories(
        await session.execute(
            select(ScreeningItem.category, func.count())
            .select_from(items)
            .where(owns_screening, ScreeningItem.category.is_not(None))
            .group_by(ScreeningItem.category)
        )
    )
    stats = Stats(
        counts=Counts(
            candidates=await _count(session, Candidate, Candidate.owner_user_id == user.id),
            resumes=await _count(session, Resume, Resume.owner_user_id == user.id),
            jobs=await _count(session, Job, Job.owner_user_id == user.id),
            reviews=await _count(session, ReviewRequest, mine, is_review),
            matches=await _count(session, ReviewRequest, mine, is_match),
            screenings=await _count(session, Screening, owns_screening),
            screening_items=await _count(session, items, owns_screening),
        ),
        reviews=ReviewStats(
            by_status=await _by_status(session, ReviewRequest.status, mine, is_review),
            overall_score=await distribution(
                session, ReviewResult.overall_score, mine, is_review, source=results
            ),
        ),
        matches=MatchStats(
            by_status=await _by_status(session, ReviewRequest.status, mine, is_match),
            match_score=await distribution(session, ReviewResult.match_score, mine, is_match, source=results),
            categories=match_categories,
        ),
        screenings=ScreeningStats(
            items_by_status=await _by_status(session, ScreeningItem.status, owns_screening, source=items),
            score=await distribution(session, ScreeningItem.score, owns_screening, source=items),
            categories=screening_categories,
        ),
        categories=Categories(
            **{
                name: getattr(match_categories, name) + getattr(screening_categories, name)
                for name in Categories.model_fields
            }
        ),
    )
    await session.commit()
    return stats
