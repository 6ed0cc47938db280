"""The metric objects, in prometheus-client's default registry (see the package docstring)."""

from __future__ import annotations

from collections.abc import Mapping

from prometheus_client import Counter, Histogram

HTTP_REQUESTS = Counter(
    "resumeiq_http_requests",
    "HTTP requests answered, by method, route template and status code.",
    ["method", "route", "status"],
)
HTTP_REQUEST_SECONDS = Histogram(
    "resumeiq_http_request_duration_seconds",
    "Time from receiving a request to the end of its response, by method and route template.",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0),
)
ENGINE_STAGE_SECONDS = Histogram(
    "resumeiq_engine_stage_seconds",
    "Time the engine spent in one stage of one call (extract, parse, score, match, job_parse).",
    ["stage"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 60.0),
)
EMAILS = Counter(
    "resumeiq_emails",
    "E-mail sending attempts by outcome: sent, retry (a temporary failure, queued again), failed.",
    ["outcome"],
)

_EMAIL_OUTCOMES = {"sent": "sent", "queued": "retry", "failed": "failed"}


def observe_engine_stages(stages: Mapping[str, float]) -> None:
    """Record one engine call's time per stage (seconds)."""
    for stage, seconds in stages.items():
        ENGINE_STAGE_SECONDS.labels(stage).observe(seconds)


def observe_email(status: str | None) -> None:
    """Record the outcome of one sending attempt, given the status it left the message in."""
    outcome = _EMAIL_OUTCOMES.get(status or "")
    if outcome is not None:
        EMAILS.labels(outcome).inc()
