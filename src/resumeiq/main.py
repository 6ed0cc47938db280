"""The FastAPI application: ``create_app(settings)`` wires settings, database, storage, rate
limits, the engine pool and the dispatchers (local, or Celery with ``RESUMEIQ_QUEUE=celery``), and
mounts every router under ``/api/v1``.

Run it with ``resumeiq serve`` (migrates first), or ``uvicorn --factory resumeiq.main:create_app``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI, Request

from resumeiq import __version__
from resumeiq.accounts.router import router as accounts_router
from resumeiq.analysis.router import router as analysis_router
from resumeiq.apidoc import problems
from resumeiq.apidoc.document import install_api_docs, offline_assets
from resumeiq.candidates.router import router as candidates_router
from resumeiq.config import Settings, ensure_jwt_secret, load_settings
from resumeiq.credits.router import router as credits_router
from resumeiq.db import Database
from resumeiq.emails.router import router as emails_router
from resumeiq.engine import ExtractLimits
from resumeiq.errors import ServiceUnavailable
from resumeiq.jobs.router import router as jobs_router
from resumeiq.logging import configure_logging
from resumeiq.matches.router import router as matches_router
from resumeiq.metrics.middleware import MetricsMiddleware
from resumeiq.metrics.router import router as metrics_router
from resumeiq.migrations import migration_state
from resumeiq.problems import install_problem_handlers
from resumeiq.ratelimit.limiter import RateLimiter
from resumeiq.resumes.router import router as resumes_router
from resumeiq.retention.tasks import RetentionTask
from resumeiq.screening.router import router as screening_router
from resumeiq.security_headers import SecurityHeadersMiddleware
from resumeiq.stats.router import router as stats_router
from resumeiq.storage import FileStorage, open_storage
from resumeiq.tailoring.router import router as tailoring_router
from resumeiq.users.router import router as users_router
from resumeiq.users.service import UserCache
from resumeiq.web import install_web
from resumeiq.worker.celery_app import create_celery
from resumeiq.worker.celery_dispatch import CeleryDispatcher, Enqueuer
from resumeiq.worker.dispatch import Dispatcher, LocalDispatcher
from resumeiq.worker.kinds import KIND_NAMES, job_kinds, sweep_interval
from resumeiq.worker.pool import EnginePool

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"


def local_dispatchers(
    settings: Settings, database: Database, storage: FileStorage, pool: EnginePool
) -> dict[str, LocalDispatcher]:
    """One local dispatcher per job kind of ``worker.kinds`` (``review``: reviews and job matches,
    ``screening_item``, ``email``): a bounded pool of workers in this process, plus a periodic
    sweep (first at start-up) for jobs left pending or with an expired lease."""
    kinds = job_kinds(settings, sessionmaker=database.sessionmaker, storage=storage, engine=pool)
    return {
        name: LocalDispatcher(
            handler=kind.handler,
            find_due=kind.find_due,
            concurrency=kind.local_concurrency,
            sweep_interval=sweep_interval(settings),
        )
        for name, kind in kinds.items()
    }


def celery_dispatchers(settings: Settings) -> tuple[dict[str, Dispatcher], Enqueuer]:
    """With ``RESUMEIQ_QUEUE=celery``: one dispatcher per job kind, each publishing Celery tasks
    on Redis for ``resumeiq worker`` to run (the same job functions); the API runs no jobs."""
    enqueuer = Enqueuer(create_celery(settings), settings)
    return {name: CeleryDispatcher(enqueuer, name) for name in KIND_NAMES}, enqueuer


def create_app(settings: Settings | None = None, *, engine_pool: EnginePool | None = None) -> FastAPI:
    """Build the app. ``engine_pool``: share one engine process pool (tests); by default the app
    starts its own with ``worker_pool_size`` processes and stops it on shutdown."""
    settings = ensure_jwt_secret(settings or load_settings())
    configure_logging(settings.log_level)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        database = Database(settings.database_url)
        storage = open_storage(settings)
        await storage.prepare(create=settings.s3_create_bucket)
        pool = engine_pool or EnginePool(
            settings.worker_pool_size,
            limits=ExtractLimits(max_bytes=settings.upload_max_bytes),
            timeout=settings.engine_timeout_seconds,
            nice=settings.engine_nice,
        )
        limiter = RateLimiter.from_settings(settings)
        enqueuer: Enqueuer | None = None
        dispatchers: dict[str, Dispatcher]
        if settings.queue == "celery":
            dispatchers, enqueuer = celery_dispatchers(settings)
        else:
            dispatchers = dict(local_dispatchers(settings, database, storage, pool))
        app.state.settings = settings
        app.state.database = database
        app.state.storage = storage
        app.state.engine_pool = pool
        app.state.rate_limiter = limiter
        app.state.dispatcher = dispatchers["review"]
        app.state.screening_dispatcher = dispatchers["screening_item"]
        app.state.email_dispatcher = dispatchers["email"]
        if engine_pool is None:
            await pool.start()
        for dispatcher in dispatchers.values():
            await dispatcher.start()
        # The periodic purge runs where the jobs run: here, or in the Celery workers' sweepers.
        retention = RetentionTask(settings, sessionmaker=database.sessionmaker, storage=storage)
        if enqueuer is None:
            await retention.start()
        log.info(
            "resumeiq %s started: database %s, data dir %s, rate limits in %s, %d engine worker(s), %s",
            __version__,
            database.safe_url,
            settings.data_dir,
            "redis" if settings.redis_url else "memory",
            settings.worker_pool_size,
            f"jobs queued for Celery workers (queue {settings.celery_queue!r})"
            if enqueuer is not None
            else "jobs run in this process",
        )
        try:
            yield
        finally:
            await retention.stop()
            for dispatcher in dispatchers.values():
                await dispatcher.stop()
            if enqueuer is not None:
                enqueuer.close()
            if engine_pool is None:
                await asyncio.to_thread(pool.shutdown)
            storage.close()
            await database.dispose()

    app = FastAPI(
        title="resumeiq",
        version=__version__,
        summary="Self-hostable resume intelligence: parse, review, match, screen and tailor resumes.",
        lifespan=lifespan,
        docs_url=None,  # served by install_api_docs, with assets from a package (no CDN)
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.user_cache = UserCache()
    install_problem_handlers(app)
    app.add_middleware(SecurityHeadersMiddleware, api_prefix=API_PREFIX)  # outside the request ids
    app.add_middleware(MetricsMiddleware)  # outermost: it sees every answer, 500s included

    api = APIRouter(prefix=API_PREFIX)
    api.include_router(users_router)
    api.include_router(accounts_router)
    api.include_router(credits_router)
    api.include_router(resumes_router)
    api.include_router(candidates_router)
    api.include_router(analysis_router)
    api.include_router(jobs_router)
    api.include_router(matches_router)
    api.include_router(screening_router)
    api.include_router(emails_router)
    api.include_router(stats_router)
    api.include_router(tailoring_router)
    app.include_router(api)
    app.include_router(_health_router())
    app.include_router(metrics_router)
    install_api_docs(app, assets=offline_assets())
    install_web(app)  # the pages at /, after the API
    return app


async def _ping_redis(url: str) -> None:
    """Raises ``ServiceUnavailable`` unless the Redis at ``url`` answers a PING within 2 s."""
    from redis.asyncio import Redis
    from redis.exceptions import RedisError

    client = Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
    try:
        await client.ping()
    except (RedisError, OSError) as exc:
        log.warning("readiness check: redis unreachable: %s", type(exc).__name__)
        raise ServiceUnavailable("Redis is unreachable.") from exc
    finally:
        await client.aclose()


def _health_router() -> APIRouter:
    router = APIRouter(tags=["health"])

    @router.get("/health")
    async def health() -> dict[str, str]:
        """Liveness: the process answers."""
        return {"status": "ok"}

    @router.get("/ready", responses=problems((503, "service_unavailable")))
    async def ready(request: Request) -> dict[str, Any]:
        """Readiness: the database answers and its schema is at the latest migration, the file
        storage (a bucket) answers, and Redis (rate limits, the Celery broker) answers when one
        is configured."""
        database: Database = request.app.state.database
        settings: Settings = request.app.state.settings
        try:
            async with database.engine.connect() as conn:
                state = await migration_state(conn)
        except Exception as exc:
            log.warning("readiness check: database unreachable: %s", exc)
            raise ServiceUnavailable("The database is unreachable.") from exc
        if not state.at_head:
            raise ServiceUnavailable(
                "The database schema is not at the latest migration; run `resumeiq db upgrade`.",
                current=sorted(state.current),
                head=sorted(state.heads),
            )
        try:
            await request.app.state.storage.check()
        except Exception as exc:
            log.warning("readiness check: file storage unreachable: %s", type(exc).__name__)
            raise ServiceUnavailable("The file storage is unreachable.") from exc
        redis = "not_configured"
        if settings.redis_url:
            await _ping_redis(settings.redis_url)
            redis = "ok"
        return {
            "status": "ready",
            "database": "ok",
            "migration": ",".join(sorted(state.current)),
            "redis": redis,
        }

    return router
