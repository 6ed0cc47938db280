"""Every kind of background job: the function that runs one (given its row id) and the query that
finds those waiting for a worker.

Both dispatchers read this one table, so they run exactly the same code: the local dispatcher in
the API process (``main.py``) and the Celery worker (``worker.celery_app``). A new kind is added
here, in ``job_kinds`` and in ``KIND_NAMES`` (the Celery task names are made from those, before
any context exists).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumeiq.analysis.tasks import ReviewContext, find_due_reviews, process_review
from resumeiq.config import Settings
from resumeiq.emails.tasks import EmailContext, SmtpSettings, find_due_emails, send_email
from resumeiq.screening.tasks import ScreeningContext, find_due_items, process_screening_item
from resumeiq.storage import FileStorage
from resumeiq.worker.dispatch import DueFinder, JobHandler
from resumeiq.worker.pool import EnginePool

# ``review``: reviews and job matches (review_requests); ``screening_item``: one resume of a
# screening; ``email``: one outbox message.
KIND_NAMES = ("review", "screening_item", "email")


@dataclass(frozen=True, slots=True)
class JobKind:
    name: str
    handler: JobHandler  # runs one job by id; idempotent (it claims the row first)
    find_due: DueFinder  # ids waiting for a worker (pending, or with an expired lease)
    local_concurrency: int  # jobs of this kind run at once by the local dispatcher


def sweep_interval(settings: Settings) -> float:
    """Seconds between two sweeps for due jobs: often enough that a job whose worker died is
    picked up soon after its lease expires."""
    return min(10.0, settings.review_lease_seconds / 2)


def job_kinds(
    settings: Settings,
    *,
    sessionmaker: async_sessionmaker[AsyncSession],
    storage: FileStorage,
    engine: EnginePool,
) -> dict[str, JobKind]:
    """The job kinds, bound to one database, file storage and engine."""
    review_ctx = ReviewContext(
        sessionmaker=sessionmaker,
        storage=storage,
        engine=engine,
        lease_seconds=settings.review_lease_seconds,
        max_attempts=settings.review_max_attempts,
        match_thresholds=settings.match_thresholds,
    )
    screening_ctx = ScreeningContext(
        sessionmaker=sessionmaker,
        storage=storage,
        engine=engine,
        lease_seconds=settings.review_lease_seconds,
        max_attempts=settings.review_max_attempts,
        match_thresholds=settings.match_thresholds,
    )
    email_ctx = EmailContext(
        sessionmaker=sessionmaker,
        smtp=SmtpSettings.from_settings(settings),
        lease_seconds=settings.review_lease_seconds,
        max_attempts=settings.email_max_attempts,
        retry_seconds=settings.email_retry_seconds,
    )
    kinds = [
        JobKind(
            "review",
            partial(process_review, ctx=review_ctx),
            partial(find_due_reviews, review_ctx),
            local_concurrency=settings.worker_pool_size,
        ),
        # Twice the engine processes: while one item's result is written, the next is matched.
        JobKind(
            "screening_item",
            partial(process_screening_item, ctx=screening_ctx),
            partial(find_due_items, screening_ctx),
            local_concurrency=2 * settings.worker_pool_size,
        ),
        JobKind(
            "email",
            partial(send_email, ctx=email_ctx),
            partial(find_due_emails, email_ctx),
            local_concurrency=2,
        ),
    ]
    assert tuple(k.name for k in kinds) == KIND_NAMES, "add the new kind to KIND_NAMES"
    return {k.name: k for k in kinds}
