"""GET /api/v1/credits (yours) and the administrator's /api/v1/admin/users/{id}/credits."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request

from resumeiq.accounts.dependencies import AdminUser
from resumeiq.apidoc import problems
from resumeiq.credits import service
from resumeiq.credits.schemas import CreditsOut, GrantRequest, LedgerEntry
from resumeiq.db import SessionDep
from resumeiq.errors import NotFound
from resumeiq.pagination import PageDep
from resumeiq.users.dependencies import CurrentUser
from resumeiq.users.models import User

router = APIRouter(tags=["credits"])


async def _credits_out(request: Request, session, user_id: uuid.UUID, page) -> CreditsOut:  # noqa: ANN001
    balance, entries = await service.ledger(session=session, user_id=user_id, page=page)
    return CreditsOut(
        enabled=request.app.state.settings.credits_enabled,
        balance=balance,
        items=[LedgerEntry.model_validate(e) for e in entries.items],
        total=entries.total,
        limit=entries.limit,
        offset=entries.offset,
    )


@router.get("/credits", response_model=CreditsOut, responses=problems((401, "not_authenticated", "invalid_token"), 422))
async def my_credits(request: Request, session: SessionDep, user: CurrentUser, page: PageDep) -> CreditsOut:
    """Your balance and ledger (grants, charges, refunds), newest first. A review costs 1 credit,
    a screening 1 per resume, when credits are enabled; failed items are refunded."""
    return await _credits_out(request, session, user.id, page)


@router.get(
    "/admin/users/{user_id}/credits",
    response_model=CreditsOut,
    tags=["admin"],
    responses=problems((401, "not_authenticated", "invalid_token"), (403, "role_required"), 404, 422),
)
async def user_credits(
    request: Request, user_id: uuid.UUID, session: SessionDep, admin: AdminUser, page: PageDep
) -> CreditsOut:
    """Administrators: a user's balance and ledger."""
    if await session.get(User, user_id) is None:
        raise NotFound.of("User", user_id)
    return await _credits_out(request, session, user_id, page)


@router.post(
    "/admin/users/{user_id}/credits",
    response_model=CreditsOut,
    status_code=201,
    tags=["admin"],
    responses=problems((401, "not_authenticated", "invalid_token"), (403, "role_required"), 404, 422),
)
async def grant_credits(
    request: Request, user_id: uuid.UUID, body: GrantRequest, session: SessionDep, admin: AdminUser, page: PageDep
) -> CreditsOut:
    """Administrators: give a user credits (a ``grant`` row in their ledger)."""
    await service.grant(session=session, user_id=user_id, amount=body.amount, reason=body.reason, granted_by=admin.id)
    return await _credits_out(request, session, user_id, page)
