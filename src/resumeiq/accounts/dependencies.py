"""``AdminUser``: the current user, who must have the admin role (else 403 ``role_required``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from resumeiq.accounts.service import require_admin
from resumeiq.users.dependencies import CurrentUser
from resumeiq.users.models import User


async def get_admin_user(user: CurrentUser) -> User:
    return require_admin(user)


AdminUser = Annotated[User, Depends(get_admin_user)]
