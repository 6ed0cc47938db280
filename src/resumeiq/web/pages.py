"""What every web page shares: templates, the session and signed-in user as dependencies, the
route class that turns service and engine errors into an HTML page with their code, and the
response headers (CSP without inline scripts or styles, no caching of signed-in pages)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, Request
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError
from starlette.responses import RedirectResponse, Response

from resumeiq.db import SessionDep
from resumeiq.engine.errors import EngineError
from resumeiq.errors import ServiceError
from resumeiq.problems import ENGINE_STATUS, status_of
from resumeiq.users import service as users_service
from resumeiq.users.models import User
from resumeiq.users.roles import is_recruiter
from resumeiq.web.forms import check_text_input
from resumeiq.web.session import WebSession, anonymous_session, read_session, set_cookie
from resumeiq.worker.fairshare import set_engine_share

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.globals["is_recruiter"] = is_recruiter  # the navigation shows "Candidates" to recruiters

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


class SignInRequired(Exception):
    """The page needs a signed-in user: the route answers with a redirect to the sign-in page."""


@dataclass(frozen=True, slots=True)
class Failure:
    """An error as a page shows it: the HTTP status, the stable code and the sentence."""

    status: int
    code: str
    message: str


def failure_of(exc: Exception) -> Failure:
    if isinstance(exc, ServiceError):
        return Failure(status_of(exc), exc.code, exc.message)
    if isinstance(exc, EngineError):
        return Failure(ENGINE_STATUS.get(exc.code, 422), exc.code, exc.message)
    if isinstance(exc, RequestValidationError | ValidationError):
        errors = exc.errors()
        text = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()) if p not in ('body', 'query', 'path'))}: {e.get('msg', '')}"
            for e in errors[:5]
        )
        return Failure(422, "validation_error", text or "Invalid input.")
    raise TypeError(f"not a user-facing error: {type(exc).__name__}")


USER_ERRORS = (ServiceError, EngineError, RequestValidationError, ValidationError)


def web_session(request: Request) -> WebSession:
    """The request's session (read once per request; a new anonymous one if it has none)."""
    found = getattr(request.state, "web_session", None)
    if found is None:
        secret = request.app.state.settings.jwt_secret_value
        found = read_session(request, secret=secret) or anonymous_session()
        request.state.web_session = found
    return found


def replace_session(request: Request, session: WebSession) -> None:
    request.state.web_session = session


def render(request: Request, name: str, *, status_code: int = 200, **context: Any) -> Response:
    session = web_session(request)
    response = templates.TemplateResponse(
        request,
        name,
        {"csrf": session.csrf, "user": getattr(request.state, "web_user", None), **context},
        status_code=status_code,
    )
    return finish(request, response)


def finish(request: Request, response: Response) -> Response:
    """Add the security headers, and the session cookie when the session is new."""
    session = web_session(request)
    if session.changed:
        set_cookie(response, session, secret=request.app.state.settings.jwt_secret_value)
    for key, value in SECURITY_HEADERS.items():
        response.headers.setdefault(key, value)
    return response


def redirect(request: Request, url: str) -> Response:
    """303 See Other: the browser follows with a GET (post/redirect/get)."""
    return finish(request, RedirectResponse(url, status_code=303))


def error_page(request: Request, exc: Exception) -> Response:
    failure = failure_of(exc)
    return render(request, "error.html", status_code=failure.status, failure=failure)


class WebRoute(APIRoute):
    """A page route: not signed in is a redirect to the sign-in page; a service or engine error
    (a 404 for another user's resource, a 422 for bad input, …) is an HTML page with its status,
    code and message, never a JSON problem. Query and URL-encoded form fields that are not
    storable text are refused first (``forms.check_text_input``)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                await check_text_input(request)
                return await handler(request)
            except SignInRequired:
                target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                if request.method != "GET":
                    target = "/"
                return redirect(request, f"/sign-in?next={quote(target, safe='')}")
            except USER_ERRORS as exc:
                return error_page(request, exc)

        return route


async def get_web_session(request: Request) -> WebSession:
    return web_session(request)


WebSessionDep = Annotated[WebSession, Depends(get_web_session)]


async def get_web_user(request: Request, session: SessionDep, web: WebSessionDep) -> User:
    """The signed-in user; raises ``SignInRequired`` when the session has none (or the user is gone)."""
    if web.user_id is None:
        raise SignInRequired
    user = await users_service.get_by_id(session=session, user_id=web.user_id)
    await session.commit()  # hold no connection (SQLite has one) while the page does its work
    if user is None or user.token_version != web.version:  # gone, or signed out since
        raise SignInRequired
    request.state.web_user = user
    set_engine_share(user.id, getattr(request.app.state, "rate_limiter", None))
    return user


WebUser = Annotated[User, Depends(get_web_user)]


async def reload_user(request: Request, session: Any, web: WebSession) -> User:
    """The signed-in user again, after a service rolled the session back (which expires every
    row it holds: reading the old ``User`` would need I/O the page cannot do)."""
    user = await users_service.get_by_id(session=session, user_id=web.user_id) if web.user_id else None
    await session.commit()
    if user is None:
        raise SignInRequired
    request.state.web_user = user
    return user


def safe_next(raw: str | None) -> str:
    """A path on this site to go to after signing in (never another site)."""
    if raw and raw.startswith("/") and not raw.startswith("//") and "\\" not in raw:
        return raw
    return "/resumes"
