"""RFC 9457 problem responses: the one place where errors become HTTP.

Every error response has ``type``, ``title``, ``status``, ``detail``, ``instance`` and a stable
``code``; some add fields (``errors`` for validation, ``valid_industries``, ``retry_after``).

Every response carries ``X-Request-ID`` (the client's, if it sent a plain one, else a new one);
the log lines of the request carry it too. An unexpected error is a 500 ``internal_error`` with
``request_id`` in its body, logged by ``RequestIdMiddleware`` as the exception's type and frames
and that id: never its message or the request's data (see ``resumeiq.logging``). It is handled
there, inside Starlette's outermost middleware, so that the server never sees the exception
either (uvicorn would log it whole).
"""

from __future__ import annotations

import logging
import re
import uuid
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from resumeiq import errors
from resumeiq.engine.errors import EngineError
from resumeiq.logging import describe_exception, request_id

log = logging.getLogger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"

# Most specific class first: the first match wins.
_SERVICE_STATUS: list[tuple[type[errors.ServiceError], int]] = [
    (errors.NotFound, 404),
    (errors.InvalidInput, 422),
    (errors.PayloadTooLarge, 413),
    (errors.UnsupportedMediaType, 415),
    (errors.Conflict, 409),
    (errors.Forbidden, 403),
    (errors.AuthenticationFailed, 401),
    (errors.InsufficientCredits, 402),
    (errors.RateLimited, 429),
    (errors.ServiceUnavailable, 503),
]

ENGINE_STATUS: dict[str, int] = {
    "unsupported_format": 415,
    "too_large": 413,
    "empty_file": 422,
    "corrupt_file": 422,
    "encrypted_file": 422,
    "no_text_layer": 422,
    "unknown_industry": 422,
}

_HTTP_CODES = {404: "not_found", 405: "method_not_allowed", 401: "not_authenticated", 413: "too_large"}


class Problem(JSONResponse):
    media_type = PROBLEM_MEDIA_TYPE


def problem(
    request: Request,
    *,
    status: int,
    code: str,
    detail: str,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> Problem:
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
        "code": code,
        **extra,
    }
    return Problem(body, status_code=status, headers=headers)


def status_of(exc: errors.ServiceError) -> int:
    for cls, status in _SERVICE_STATUS:
        if isinstance(exc, cls):
            return status
    return 500


async def _service_error(request: Request, exc: Exception) -> Problem:
    assert isinstance(exc, errors.ServiceError)
    status = status_of(exc)
    headers: dict[str, str] = {}
    if isinstance(exc, errors.RateLimited):
        headers["Retry-After"] = str(exc.retry_after)
    if isinstance(exc, errors.AuthenticationFailed):
        headers["WWW-Authenticate"] = "Bearer"
    if status >= 500:
        log.warning("service unavailable: %s", exc.message)
    return problem(request, status=status, code=exc.code, detail=exc.message, headers=headers, **exc.extra)


async def _engine_error(request: Request, exc: Exception) -> Problem:
    assert isinstance(exc, EngineError)
    extra: dict[str, Any] = {}
    if exc.code == "unknown_industry":
        extra["valid_industries"] = list(getattr(exc, "valid", []))
    return problem(
        request, status=ENGINE_STATUS.get(exc.code, 422), code=exc.code, detail=exc.message, **extra
    )


async def _validation_error(request: Request, exc: Exception) -> Problem:
    assert isinstance(exc, RequestValidationError)
    # Input values are left out: they can be large or sensitive (passwords).
    details = [
        {"loc": list(err.get("loc", ())), "msg": err.get("msg", ""), "type": err.get("type", "")}
        for err in exc.errors()
    ]
    summary = "; ".join(f"{'.'.join(map(str, d['loc']))}: {d['msg']}" for d in details[:5])
    return problem(
        request, status=422, code="validation_error", detail=summary or "Invalid request.", errors=details
    )


async def _http_error(request: Request, exc: Exception) -> Problem:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, HTTPStatus(exc.status_code).phrase.lower().replace(" ", "_"))
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).description
    return problem(request, status=exc.status_code, code=code, detail=detail, headers=exc.headers)


REQUEST_ID_HEADER = "X-Request-ID"
_CLIENT_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


class RequestIdMiddleware:
    """Gives each HTTP request an id (``X-Request-ID``, in the logs and on the response) and turns
    an exception no handler took into a 500 problem, logged without its message."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sent = dict(scope.get("headers") or []).get(REQUEST_ID_HEADER.lower().encode(), b"")
        given = sent.decode("latin-1")
        rid = given if _CLIENT_REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        token = request_id.set(rid)
        started = False

        async def send_with_id(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = rid
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception as exc:  # noqa: BLE001 - every error becomes a problem, none a traceback
            method, path = scope.get("method", ""), scope.get("path", "")
            log.error("unhandled error on %s %s (request %s):\n%s", method, path, rid, describe_exception(exc))
            if not started:  # else the response is cut short: the client sees a broken body
                response = problem(
                    Request(scope),
                    status=500,
                    code="internal_error",
                    detail="An unexpected error occurred; quote the request id when you report it.",
                    request_id=rid,
                )
                await response(scope, receive, send_with_id)
        finally:
            request_id.reset(token)


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(errors.ServiceError, _service_error)
    app.add_exception_handler(EngineError, _engine_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_middleware(RequestIdMiddleware)
