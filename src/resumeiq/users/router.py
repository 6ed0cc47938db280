"""/api/v1/auth and /api/v1/users."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request, Response

from resumeiq.apidoc import problems
from resumeiq.db import SessionDep
from resumeiq.ratelimit.dependencies import LimiterDep, client_address
from resumeiq.users import service
from resumeiq.users.dependencies import CurrentUser, SettingsDep
from resumeiq.users.schemas import RegisterRequest, RegistrationAccepted, TokenForm, TokenOut, UserOut
from resumeiq.users.security import create_access_token

router = APIRouter(tags=["users"])


@router.post(
    "/auth/register",
    status_code=202,
    response_model=RegistrationAccepted,
    responses=problems((403, "registration_closed"), (422, "validation_error", "weak_password"), 429),
)
async def register(
    request: Request, body: RegisterRequest, session: SessionDep, settings: SettingsDep, limiter: LimiterDep
) -> RegistrationAccepted:
    """Sign up. The answer is the same whether the address had an account or not, so that it
    tells nobody which addresses have one; log in to use the new account."""
    email = await service.register(
        session=session,
        limiter=limiter,
        client=client_address(request),
        email=body.email,
        password=body.password,
        role=body.role,
        registration_open=settings.registration_open,
        min_password_length=settings.password_min_length,
        allow_recruiters=settings.registration_recruiters,
    )
    return RegistrationAccepted(email=email)


@router.post(
    "/auth/token",
    response_model=TokenOut,
    responses=problems((401, "invalid_credentials"), 422, 429),
)
async def token(
    request: Request,
    form: Annotated[TokenForm, Form()],
    session: SessionDep,
    settings: SettingsDep,
    limiter: LimiterDep,
) -> TokenOut:
    """Log in (OAuth2 password grant). Attempts are limited per account and per address."""
    user = await service.log_in(
        session=session,
        limiter=limiter,
        client=client_address(request),
        email=form.username,
        password=form.password,
    )
    return TokenOut(
        access_token=create_access_token(
            user.id,
            secret=settings.jwt_secret_value,
            expires_minutes=settings.jwt_expiry_minutes,
            version=user.token_version,
        ),
        expires_in=settings.jwt_expiry_minutes * 60,
    )


@router.post(
    "/auth/logout",
    status_code=204,
    responses=problems((401, "not_authenticated", "invalid_token")),
)
async def logout(request: Request, user: CurrentUser, session: SessionDep) -> Response:
    """Log out everywhere: every access token (and web session) of this user issued until now
    is refused from now on."""
    await service.log_out(session=session, user=user, cache=getattr(request.app.state, "user_cache", None))
    return Response(status_code=204)


@router.get(
    "/users/me",
    response_model=UserOut,
    responses=problems((401, "not_authenticated", "invalid_token")),
)
async def me(user: CurrentUser) -> UserOut:
    return UserOut.model_validate(user)
