"""Counting requests per route template (pure ASGI: it sees the response's status and end)."""

from __future__ import annotations

import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from resumeiq.metrics.registry import HTTP_REQUEST_SECONDS, HTTP_REQUESTS

# Any token is a method to the server; an unknown one must not make a series of its own.
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def route_template(scope: Scope) -> str:
    """The full template of the route that served ``scope`` (``/api/v1/resumes/{resume_id}``),
    or ``unmatched``. FastAPI keeps an included router's routes with their own paths and records
    the whole one, prefixes included, as the effective route's ``path_format``."""
    effective = (scope.get("fastapi") or {}).get("effective_route_context")
    path = getattr(effective, "path_format", None)
    if not isinstance(path, str) or not path:
        route = scope.get("route")
        path = getattr(route, "path_format", None) or getattr(route, "path", None)
    return path if isinstance(path, str) and path else "unmatched"


class MetricsMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # an exception escaping the app before a response is an error

        async def send_and_watch(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_watch)
        finally:
            route, method = route_template(scope), scope.get("method", "")
            method = method if method in _METHODS else "other"
            HTTP_REQUESTS.labels(method, route, str(status)).inc()
            HTTP_REQUEST_SECONDS.labels(method, route).observe(time.perf_counter() - started)
