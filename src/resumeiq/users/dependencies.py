"""FastAPI dependencies: the current user from the bearer token."""

# Dependencies are async on purpose: FastAPI runs sync ones in a thread pool, a thread hop per
# request each.

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer

from resumeiq.config import Settings
from resumeiq.db import SessionDep
from resumeiq.errors import AuthenticationFailed
from resumeiq.users import service
from resumeiq.users.models import User
from resumeiq.worker.fairshare import set_engine_share

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_settings)]


async def get_current_user(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    token: Annotated[str | None, Depends(oauth2_scheme)],
) -> User:
    if not token:
        raise AuthenticationFailed("Log in first: send 'Authorization: Bearer <token>'.")
    user = await service.user_from_token(
        session=session,
        token=token,
        secret=settings.jwt_secret_value,
        cache=getattr(request.app.state, "user_cache", None),
    )
    set_engine_share(user.id, getattr(request.app.state, "rate_limiter", None))
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]
