"""Queue depth and age per job kind, read from the job tables at scrape time (the tables are
the queue: a job is a row, pending or processing until it finishes; the broker only carries
ids). One grouped query per kind; the gauges are made fresh for each scrape."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from resumeiq.analysis.models import ReviewRequest, ReviewStatus
from resumeiq.db import utcnow
from resumeiq.emails.models import EmailMessage, EmailStatus
from resumeiq.screening.models import ItemStatus, ScreeningItem

# kind (as in worker.kinds) → table, its pending and its processing status
_KINDS = {
    "review": (ReviewRequest, ReviewStatus.PENDING.value, ReviewStatus.PROCESSING.value),
    "screening_item": (ScreeningItem, ItemStatus.PENDING.value, ItemStatus.PROCESSING.value),
    "email": (EmailMessage, EmailStatus.QUEUED.value, EmailStatus.SENDING.value),
}


def _as_utc(value: datetime | str | None) -> datetime | None:
    """MIN() of a datetime column, as a UTC datetime: SQLite gives its text, and neither
    backend applies the column's type to an aggregate."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class QueueState:
    kind: str
    pending: int
    processing: int
    oldest_pending_age_seconds: float  # 0 when nothing waits


async def queue_states(session: AsyncSession) -> list[QueueState]:
    now = utcnow()
    states = []
    for kind, (model, pending, processing) in _KINDS.items():
        rows = (
            await session.execute(
                select(model.status, func.count(), func.min(model.requested_at))
                .where(model.status.in_([pending, processing]))
                .group_by(model.status)
            )
        ).all()
        counts = {status: (count, oldest) for status, count, oldest in rows}
        oldest = _as_utc(counts.get(pending, (0, None))[1])
        states.append(
            QueueState(
                kind=kind,
                pending=counts.get(pending, (0, None))[0],
                processing=counts.get(processing, (0, None))[0],
                oldest_pending_age_seconds=max(0.0, (now - oldest).total_seconds()) if oldest else 0.0,
            )
        )
    await session.commit()
    return states


class QueueCollector(Collector):
    """The gauges of one scrape's ``QueueState`` list."""

    def __init__(self, states: list[QueueState]) -> None:
        self.states = states

    def collect(self) -> Iterator[GaugeMetricFamily]:
        jobs = GaugeMetricFamily(
            "resumeiq_queue_jobs", "Jobs waiting (pending) or running (processing), by kind.", labels=["kind", "status"]
        )
        age = GaugeMetricFamily(
            "resumeiq_queue_oldest_pending_age_seconds",
            "Age of the oldest pending job of each kind (0 when none waits).",
            labels=["kind"],
        )
        for state in self.states:
            jobs.add_metric([state.kind, "pending"], state.pending)
            jobs.add_metric([state.kind, "processing"], state.processing)
            age.add_metric([state.kind], state.oldest_pending_age_seconds)
        yield jobs
        yield age
