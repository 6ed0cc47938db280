"""The Celery app of the scale-out mode (``RESUMEIQ_QUEUE=celery``).

One task per job kind (``resumeiq.review``, ``resumeiq.screening_item``, ``resumeiq.email``; see
``worker.kinds``). A message carries only the row id. The task calls the same job function as the
local dispatcher, which claims the row first (``worker.claim``): a message delivered twice, or a
job also found by a sweep, is still done once.

Delivery: ``acks_late`` (a message is acknowledged when its task has returned),
``task_reject_on_worker_lost`` (a pool process that dies mid-task puts its message back) and a
prefetch of one (a worker holds no more messages than it runs). No result backend: outcomes are
rows in the database. Messages that are lost anyway (the whole worker killed while holding them,
Redis restarted without persistence, the API stopped between its commit and the publish) do not
lose work: the worker's sweeper (``worker.sweeper``) queues every due row again. A task that
raises (the database unreachable, say) is logged and acknowledged, not retried by Celery: its row
is still due, and the sweep queues it again.

Inside a pool process, jobs run on one event loop kept for the life of the process, with its own
database connections and the engine run in-process (``InlineEngine``).

``resumeiq worker`` starts the worker; ``celery -A resumeiq.worker.celery_app worker`` works too
(the module's ``app`` is built from the environment on first use).
"""

from __future__ import annotations

import asyncio
import logging
import os
import uuid
from typing import TYPE_CHECKING, Any

from celery import Celery, signals

from resumeiq.config import Settings, load_settings
from resumeiq.worker.kinds import KIND_NAMES

if TYPE_CHECKING:
    from celery.worker.request import Request

    from resumeiq.worker.celery_dispatch import Enqueuer
    from resumeiq.worker.kinds import JobKind

log = logging.getLogger(__name__)


def task_name(kind: str) -> str:
    return f"resumeiq.{kind}"


def create_celery(settings: Settings) -> Celery:
    """A Celery app for ``settings`` (broker: ``redis_url``), with the job tasks registered."""
    if not settings.redis_url:
        raise ValueError("the Celery app needs RESUMEIQ_REDIS_URL")
    app = Celery("resumeiq", broker=settings.redis_url, set_as_current=False)
    app.conf.update(
        task_default_queue=settings.celery_queue,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_ignore_result=True,
        task_serializer="json",
        accept_content=["json"],
        enable_utc=True,
        # Hard limit, the last resort behind the engine's own timeout: the pool process is killed,
        # the job's lease expires and the sweep gives it to another worker (until max attempts).
        task_time_limit=int(2 * settings.engine_timeout_seconds + settings.smtp_timeout_seconds + 60),
        broker_connection_retry_on_startup=True,
        broker_transport_options={"socket_timeout": 30, "socket_connect_timeout": 10},
        worker_send_task_events=False,
        worker_redirect_stdouts=False,
    )
    app.resumeiq_settings = settings  # type: ignore[attr-defined]
    for kind in KIND_NAMES:
        _register(app, kind)
    from resumeiq.worker.sweeper import SweeperStep

    app.steps["worker"].add(SweeperStep)
    return app


def _register(app: Celery, kind: str) -> None:
    def run(job_id: str) -> str | None:
        try:
            ident = uuid.UUID(job_id)
        except (TypeError, ValueError):
            log.error("%s: not a job id: %r; message dropped", task_name(kind), job_id)
            return None
        return _runtime(app).run(kind, ident)

    run.__name__ = run.__qualname__ = kind
    run.__doc__ = f"Run one {kind} job (by its row id)."
    app.task(name=task_name(kind), ignore_result=True, shared=False)(run)


class _Runtime:
    """What one pool process needs to run jobs; made on its first task (after the fork)."""

    def __init__(self, app: Celery) -> None:
        from resumeiq.db import Database, is_sqlite
        from resumeiq.engine import ExtractLimits
        from resumeiq.storage import open_storage
        from resumeiq.worker.inline import InlineEngine
        from resumeiq.worker.kinds import job_kinds

        settings: Settings = app.resumeiq_settings  # type: ignore[attr-defined]
        self.pid = os.getpid()
        self.loop = asyncio.new_event_loop()
        # PostgreSQL: one connection for the job, one for renewing its lease while it runs.
        # (SQLite keeps its single shared connection per process, see ``db``.)
        pool = {} if is_sqlite(settings.database_url) else {"pool_size": 2, "max_overflow": 2}
        self.database = Database(settings.database_url, **pool)
        engine = InlineEngine(
            limits=ExtractLimits(max_bytes=settings.upload_max_bytes), timeout=settings.engine_timeout_seconds
        )
        self.kinds: dict[str, JobKind] = job_kinds(
            settings,
            sessionmaker=self.database.sessionmaker,
            storage=open_storage(settings),
            engine=engine,
        )

    def run(self, kind: str, job_id: uuid.UUID) -> str | None:
        status = self.loop.run_until_complete(self.kinds[kind].handler(job_id))
        return status if isinstance(status, str) else None


_RUNTIME: _Runtime | None = None


def _runtime(app: Celery) -> _Runtime:
    global _RUNTIME
    if _RUNTIME is None or _RUNTIME.pid != os.getpid():
        _RUNTIME = _Runtime(app)
    return _RUNTIME


_RECEIVERS: dict[int, Enqueuer] = {}


@signals.task_received.connect(weak=False)
def _on_task_received(sender: Any = None, request: Request | None = None, **_: Any) -> None:
    """In the worker's main process, as soon as it takes a message: the job is no longer waiting
    in the broker, so if it is due again later (its worker died, it is retried), the sweep must
    queue it at once rather than wait for the mark to expire."""
    app = getattr(sender, "app", None)
    settings = getattr(app, "resumeiq_settings", None)
    name = getattr(request, "name", None) or ""
    if settings is None or not name.startswith("resumeiq.") or not request or not request.args:
        return
    try:
        job_id = uuid.UUID(str(request.args[0]))
    except ValueError:
        return
    enqueuer = _RECEIVERS.get(os.getpid())
    if enqueuer is None:
        from resumeiq.worker.celery_dispatch import Enqueuer

        enqueuer = _RECEIVERS[os.getpid()] = Enqueuer(app, settings)
    enqueuer.forget(name.removeprefix("resumeiq."), job_id)


def worker_argv(settings: Settings, *, concurrency: int, loglevel: str | None = None) -> list[str]:
    """The ``celery worker`` arguments ``resumeiq worker`` runs with."""
    return [
        "worker",
        f"--concurrency={concurrency}",
        f"--loglevel={loglevel or settings.log_level}",
        f"--queues={settings.celery_queue}",
        "--pool=prefork",
        # No broadcast chatter between workers: they share nothing but the queue.
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
    ]


_WARM_UP_RESUME = b"""Jane Doe
jane@example.com

EXPERIENCE
Software Engineer, Acme Ltd, 2020 - Present
- Built Python services on PostgreSQL

SKILLS
Python, SQL
"""
_WARM_UP_JOB = "Software Engineer\n\nRequirements\n- 3+ years of Python\n- SQL\n"


def warm_up() -> None:
    """Run the engine once (review and match) before the pool forks, so that every pool process
    starts with its data loaded (shared copy-on-write) instead of loading it on its first job."""
    import tempfile

    from resumeiq.engine import ExtractLimits
    from resumeiq.worker import engine_jobs

    limits = ExtractLimits()
    with tempfile.NamedTemporaryFile(suffix=".txt") as fh:
        fh.write(_WARM_UP_RESUME)
        fh.flush()
        engine_jobs.review_file(fh.name, "warm-up.txt", "general", limits)
        job = engine_jobs.parse_job_posting(_WARM_UP_JOB, None, None, None, limits)
        if isinstance(job, engine_jobs.ParsedJob):
            engine_jobs.match_file(
                fh.name, "warm-up.txt", "warm-up", job.requirements, job.text, (70.0, 50.0), limits
            )


def __getattr__(name: str) -> Any:
    """``app``: built from the environment on first use, for ``celery -A resumeiq.worker.celery_app``."""
    if name == "app":
        global app
        app = create_celery(load_settings())
        return app
    raise AttributeError(name)


__all__ = ["create_celery", "task_name", "worker_argv", "warm_up"]
