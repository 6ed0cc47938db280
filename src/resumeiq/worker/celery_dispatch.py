"""The API side of the scale-out mode: job ids become Celery task messages on Redis.

``Enqueuer`` publishes and keeps, per job, a "waiting in the broker" mark in Redis (a key with a
time-to-live of ``queue_resend_seconds``), set after the message is published and removed when a
worker's main process receives the message (``celery_app._on_task_received``). The worker's sweeper queues a due job again only when it has no mark,
so a long backlog is not flooded with duplicates, while a job whose message never arrived (the
API stopped between its commit and the publish) or was taken by a worker that then died is queued
again within two sweeps.

``CeleryDispatcher`` is the ``Dispatcher`` the API uses with ``RESUMEIQ_QUEUE=celery``: ``submit``
only appends to a list; one background task publishes in batches from a thread, so a screening of
1,000 resumes never blocks the event loop on Redis. A publish that fails is logged and left to the
sweep.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Iterable

import redis
from celery import Celery

from resumeiq.config import Settings
from resumeiq.worker.celery_app import task_name

log = logging.getLogger(__name__)

_BATCH = 500


class Enqueuer:
    def __init__(self, app: Celery, settings: Settings) -> None:
        self._app = app
        self._queue = settings.celery_queue
        self._ttl = settings.queue_resend_seconds
        self._redis = redis.Redis.from_url(
            settings.redis_url or "", socket_timeout=30, socket_connect_timeout=10
        )

    def _mark(self, kind: str, job_id: uuid.UUID) -> str:
        return f"{self._queue}:waiting:{kind}:{job_id}"

    def not_waiting(self, kind: str, job_ids: Iterable[uuid.UUID]) -> list[uuid.UUID]:
        """The ids among ``job_ids`` that have no message waiting in the broker (blocking)."""
        ids = list(job_ids)
        if not ids:
            return []
        pipe = self._redis.pipeline(transaction=False)
        for job_id in ids:
            pipe.exists(self._mark(kind, job_id))
        return [job_id for job_id, waiting in zip(ids, pipe.execute(), strict=True) if not waiting]

    def enqueue(self, kind: str, job_ids: Iterable[uuid.UUID]) -> int:
        """Publish one message per id and mark it waiting (blocking); returns how many."""
        ids = list(job_ids)
        if not ids:
            return 0
        name = task_name(kind)
        with self._app.producer_or_acquire() as producer:
            for job_id in ids:
                self._app.send_task(name, args=[str(job_id)], queue=self._queue, producer=producer)
        # Marked after publishing: a crash in between leaves a message without a mark (at worst a
        # duplicate later), never a mark without a message.
        pipe = self._redis.pipeline(transaction=False)
        for job_id in ids:
            pipe.set(self._mark(kind, job_id), 1, ex=self._ttl)
        pipe.execute()
        return len(ids)

    def forget(self, kind: str, job_id: uuid.UUID) -> None:
        """A worker took the job's message: it is no longer waiting in the broker."""
        try:
            self._redis.delete(self._mark(kind, job_id))
        except redis.RedisError:
            log.warning("%s %s: could not clear its queued mark; the sweep may queue it late", kind, job_id)

    def close(self) -> None:
        self._redis.close()


class CeleryDispatcher:
    """Hands job ids of one kind to Celery (see module doc)."""

    def __init__(self, enqueuer: Enqueuer, kind: str) -> None:
        self._enqueuer = enqueuer
        self._kind = kind
        self._waiting: list[uuid.UUID] = []
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._publish_forever(), name=f"resumeiq-publish-{self._kind}")

    def submit(self, job_id: uuid.UUID) -> None:
        self._waiting.append(job_id)
        self._wake.set()

    async def stop(self) -> None:
        """Publish what is still waiting (for up to 10 s), then stop."""
        if self._task is None:
            return
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._task = None
        if self._waiting:
            try:
                await asyncio.wait_for(self._publish_waiting(), 10)
            except TimeoutError:
                log.warning(
                    "%d %s job(s) not queued before shutdown; the worker's sweep will queue them",
                    len(self._waiting),
                    self._kind,
                )

    async def _publish_forever(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            await self._publish_waiting()

    async def _publish_waiting(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting[:_BATCH], self._waiting[_BATCH:]
            try:
                await asyncio.to_thread(self._enqueuer.enqueue, self._kind, batch)
            except Exception:
                log.exception(
                    "could not queue %d %s job(s) on Redis; the worker's sweep will queue them",
                    len(batch),
                    self._kind,
                )
