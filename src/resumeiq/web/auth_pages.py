"""Landing, sign in, create account, sign out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import Response

from resumeiq.db import SessionDep
from resumeiq.errors import InvalidInput, ServiceError
from resumeiq.ratelimit.dependencies import LimiterDep, client_address
from resumeiq.users import service as users_service
from resumeiq.users.dependencies import SettingsDep
from resumeiq.users.schemas import RegistrationAccepted, normalise_email
from resumeiq.web.pages import (
    WebRoute,
    WebSessionDep,
    failure_of,
    redirect,
    render,
    replace_session,
    safe_next,
)
from resumeiq.web.session import WebSession, anonymous_session, check_csrf

router = APIRouter(route_class=WebRoute, include_in_schema=False)

Text = Annotated[str, Form(max_length=1000)]
Secret = Annotated[str, Form(max_length=256)]


@router.get("/")
async def landing(request: Request, web: WebSessionDep) -> Response:
    if web.user_id is not None:
        return redirect(request, "/resumes")
    return render(request, "landing.html", next="/resumes", email="")


@router.get("/sign-in")
async def sign_in_page(request: Request, next: str = "/resumes") -> Response:
    return render(request, "sign_in.html", next=safe_next(next), email="")


@router.post("/sign-in")
async def sign_in(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    limiter: LimiterDep,
    web: WebSessionDep,
    email: Text = "",
    password: Secret = "",
    next: Text = "/resumes",
    csrf_token: Text = "",
) -> Response:
    check_csrf(request, web, csrf_token)
    try:
        user = await users_service.log_in(
            session=session, limiter=limiter, client=client_address(request), email=email, password=password
        )
    except ServiceError as exc:
        failure = failure_of(exc)
        return render(
            request,
            "sign_in.html",
            status_code=failure.status,
            error=failure,
            next=safe_next(next),
            email=email,
        )
    # A new session (and CSRF token) at sign-in: a token seen before it is worth nothing after.
    replace_session(
        request,
        WebSession.new(
            user_id=user.id, expires_minutes=settings.jwt_expiry_minutes, version=user.token_version
        ),
    )
    return redirect(request, safe_next(next))


@router.get("/create-account")
async def create_account_page(request: Request) -> Response:
    return render(request, "create_account.html", email="", role="job_seeker")


@router.post("/create-account")
async def create_account(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    limiter: LimiterDep,
    web: WebSessionDep,
    email: Text = "",
    password: Secret = "",
    role: Text = "job_seeker",
    csrf_token: Text = "",
) -> Response:
    check_csrf(request, web, csrf_token)
    try:
        if role not in ("job_seeker", "recruiter"):
            raise InvalidInput("Account type must be job seeker or recruiter.")
        try:
            email = normalise_email(email)
        except ValueError as exc:
            raise InvalidInput("Email: not a valid email address.") from exc
        accepted = await users_service.register(
            session=session,
            limiter=limiter,
            client=client_address(request),
            email=email,
            password=password,
            role=role,
            registration_open=settings.registration_open,
            min_password_length=settings.password_min_length,
            allow_recruiters=settings.registration_recruiters,
        )
    except ServiceError as exc:
        failure = failure_of(exc)
        return render(
            request, "create_account.html", status_code=failure.status, error=failure, email=email, role=role
        )
    # The same answer whether the address had an account (no enumeration): sign in next.
    return render(
        request,
        "sign_in.html",
        notice=RegistrationAccepted(email=accepted).message,
        next="/resumes",
        email=accepted,
    )


@router.post("/sign-out")
async def sign_out(
    request: Request, session: SessionDep, web: WebSessionDep, csrf_token: Text = ""
) -> Response:
    """Sign out everywhere: this session, the user's other sessions and API tokens all end."""
    check_csrf(request, web, csrf_token)
    if web.user_id is not None:
        user = await users_service.get_by_id(session=session, user_id=web.user_id)
        if user is not None and user.token_version == web.version:
            await users_service.log_out(
                session=session, user=user, cache=getattr(request.app.state, "user_cache", None)
            )
        await session.commit()
    replace_session(request, anonymous_session())
    return redirect(request, "/")
