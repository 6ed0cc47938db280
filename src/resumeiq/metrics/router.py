"""``GET /metrics`` in Prometheus' text format.

Off unless configured (404): metrics describe the service's traffic and backlog, which is no
business of the public (OWASP: do not expose internal details). ``RESUMEIQ_METRICS_TOKEN``
serves them to a scraper sending ``Authorization: Bearer <token>`` (Prometheus'
``authorization`` setting); ``RESUMEIQ_METRICS_OPEN=true`` serves them to anyone, for a
deployment whose network already keeps the public away.
"""

from __future__ import annotations

import hmac
import os

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.multiprocess import MultiProcessCollector

from resumeiq.config import Settings
from resumeiq.db import Database
from resumeiq.errors import AuthenticationFailed, NotFound
from resumeiq.metrics.queue import QueueCollector, queue_states

router = APIRouter(tags=["health"])


def check_access(settings: Settings, authorization: str | None) -> None:
    """Raises ``NotFound`` when metrics are off, ``AuthenticationFailed`` without the token."""
    token = settings.metrics_token.get_secret_value() if settings.metrics_token else None
    if token is None:
        if settings.metrics_open:
            return
        raise NotFound("Metrics are off; set RESUMEIQ_METRICS_TOKEN (or RESUMEIQ_METRICS_OPEN=true).")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise AuthenticationFailed("Send the metrics token: 'Authorization: Bearer <RESUMEIQ_METRICS_TOKEN>'.")


def _process_metrics() -> bytes:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest(REGISTRY)


@router.get("/metrics", response_class=Response, include_in_schema=False)
async def metrics(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    check_access(settings, request.headers.get("authorization"))
    database: Database = request.app.state.database
    async with database.sessionmaker() as session:
        states = await queue_states(session)
    queue = CollectorRegistry(auto_describe=False)
    queue.register(QueueCollector(states))
    return Response(_process_metrics() + generate_latest(queue), media_type=CONTENT_TYPE_LATEST)
