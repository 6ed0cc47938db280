"""DELETE /api/v1/users/me and the administrator's /api/v1/admin/users/{id}."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, Response

from resumeiq.accounts import service
from resumeiq.accounts.dependencies import AdminUser
from resumeiq.accounts.schemas import DeleteAccountRequest
from resumeiq.apidoc import problems
from resumeiq.db import SessionDep
from resumeiq.ratelimit.dependencies import LimiterDep
from resumeiq.resumes.dependencies import StorageDep
from resumeiq.users.dependencies import CurrentUser

router = APIRouter(tags=["users"])


def _forget(request: Request, user_id: uuid.UUID) -> None:
    cache = getattr(request.app.state, "user_cache", None)
    if cache is not None:
        cache.drop(user_id)


@router.delete(
    "/users/me",
    status_code=204,
    responses=problems((401, "not_authenticated", "invalid_token"), (403, "password_mismatch"), 422, 429),
)
async def delete_me(
    request: Request,
    body: DeleteAccountRequest,
    session: SessionDep,
    storage: StorageDep,
    limiter: LimiterDep,
    user: CurrentUser,
) -> Response:
    """Delete your account and everything in it: candidates, resumes and their files, reviews,
    matches, jobs, screenings, tailorings and e-mails. Needs your password (403
    ``password_mismatch`` otherwise; attempts count against the login limit). Cannot be undone."""
    await service.delete_own_account(
        session=session, storage=storage, limiter=limiter, user=user, password=body.password
    )
    _forget(request, user.id)
    return Response(status_code=204)


@router.delete(
    "/admin/users/{user_id}",
    status_code=204,
    tags=["admin"],
    responses=problems((401, "not_authenticated", "invalid_token"), (403, "role_required"), 404, 422),
)
async def delete_user(
    request: Request, user_id: uuid.UUID, session: SessionDep, storage: StorageDep, admin: AdminUser
) -> Response:
    """Administrators: delete a user and everything it owns (as ``DELETE /users/me`` does)."""
    await service.delete_user(session=session, storage=storage, user_id=user_id)
    _forget(request, user_id)
    return Response(status_code=204)
