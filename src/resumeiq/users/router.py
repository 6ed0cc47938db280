"""/api/v1/auth and /api/v1/users."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form

from resumeiq.db import SessionDep
from resumeiq.users import service
from resumeiq.users.dependencies import CurrentUser, SettingsDep
from resumeiq.users.schemas import RegisterRequest, TokenForm, TokenOut, UserOut
from resumeiq.users.security import create_access_token

router = APIRouter(tags=["users"])


@router.post("/auth/register", status_code=201, response_model=UserOut)
async def register(body: RegisterRequest, session: SessionDep, settings: SettingsDep) -> UserOut:
    user = await service.register(
        session=session,
        email=body.email,
        password=body.password,
        role=body.role,
        registration_open=settings.registration_open,
    )
    return UserOut.model_validate(user)


@router.post("/auth/token", response_model=TokenOut)
async def token(form: Annotated[TokenForm, Form()], session: SessionDep, settings: SettingsDep) -> TokenOut:
    user = await service.authenticate(session=session, email=form.username, password=form.password)
    return TokenOut(
        access_token=create_access_token(
            user.id, secret=settings.jwt_secret_value, expires_minutes=settings.jwt_expiry_minutes
        ),
        expires_in=settings.jwt_expiry_minutes * 60,
    )


@router.get("/users/me", response_model=UserOut)
async def me(user: CurrentUser) -> UserOut:
    return UserOut.model_validate(user)
