"""Credits: grant, charge (in the caller's transaction), refund, read.

Charges are written in the same transaction as the rows they pay for (the review request, the
screening and its items): either both are there or neither, so nothing is charged twice or
done unpaid. A refund is written in its own transaction when a charged job ends ``failed``,
once per job (the ledger's unique indexes), whichever process notices first.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumeiq.analysis.models import ReviewRequest, ReviewStatus
from resumeiq.credits.models import CreditBalance, CreditLedger, LedgerKind
from resumeiq.db import utcnow
from resumeiq.errors import InsufficientCredits, InvalidInput, NotFound
from resumeiq.pagination import Page, PageParams
from resumeiq.screening.models import ItemStatus, Screening, ScreeningItem
from resumeiq.users.models import User

log = logging.getLogger(__name__)

REVIEW_COST = 1  # credits per review
SCREENING_ITEM_COST = 1  # credits per resume in a screening
MAX_GRANT = 1_000_000


async def balance(session: AsyncSession, user_id: uuid.UUID) -> int:
    value = await session.scalar(select(CreditBalance.balance).where(CreditBalance.user_id == user_id))
    return value or 0


async def charge(
    session: AsyncSession,
    *,
    user_id: uuid.UUID,
    amount: int,
    reason: str,
    review_request_id: uuid.UUID | None = None,
    screening_id: uuid.UUID | None = None,
) -> int:
    """Take ``amount`` credits from the user in the caller's transaction (not committed here);
    returns the balance left. Raises ``InsufficientCredits`` (nothing taken) when the balance is
    short: one conditional UPDATE, so concurrent charges never overdraw."""
    now = utcnow()
    taken = await session.execute(
        update(CreditBalance)
        .where(CreditBalance.user_id == user_id, CreditBalance.balance >= amount)
        .values(balance=CreditBalance.balance - amount, updated_at=now)
        .returning(CreditBalance.balance)
    )
    left = taken.scalar_one_or_none()
    if left is None:
        available = await balance(session, user_id)
        raise InsufficientCredits(
            f"This needs {amount} credit(s) and {available} are left; ask an administrator for more.",
            credits_needed=amount,
            credits_available=available,
        )
    await session.execute(
        insert(CreditLedger).values(
            id=uuid.uuid4(),
            user_id=user_id,
            kind=LedgerKind.CHARGE.value,
            amount=-amount,
            balance_after=left,
            reason=reason[:300],
            review_request_id=review_request_id,
            screening_id=screening_id,
            created_at=now,
        )
    )
    return left


async def _credit(
    session: AsyncSession,
    *,
    user_id: uuid.UUID,
    amount: int,
    kind: LedgerKind,
    reason: str,
    granted_by: uuid.UUID | None = None,
    review_request_id: uuid.UUID | None = None,
    screening_item_id: uuid.UUID | None = None,
) -> int:
    """Add ``amount`` credits with a ledger row, in the caller's transaction; returns the new
    balance. Raises ``IntegrityError`` when that refund was made already."""
    now = utcnow()
    row = (
        await session.execute(
            update(CreditBalance)
            .where(CreditBalance.user_id == user_id)
            .values(balance=CreditBalance.balance + amount, updated_at=now)
            .returning(CreditBalance.balance)
        )
    ).scalar_one_or_none()
    if row is None:
        await session.execute(insert(CreditBalance).values(user_id=user_id, balance=amount, updated_at=now))
        row = amount
    await session.execute(
        insert(CreditLedger).values(
            id=uuid.uuid4(),
            user_id=user_id,
            kind=kind.value,
            amount=amount,
            balance_after=row,
            reason=reason[:300],
            granted_by_user_id=granted_by,
            review_request_id=review_request_id,
            screening_item_id=screening_item_id,
            created_at=now,
        )
    )
    return row


async def grant(
    *, session: AsyncSession, user_id: uuid.UUID, amount: int, reason: str, granted_by: uuid.UUID | None
) -> int:
    """Give a user ``amount`` credits (1 to 1,000,000); returns the new balance. Raises
    ``NotFound`` (no such user) or ``InvalidInput``."""
    if not 1 <= amount <= MAX_GRANT:
        raise InvalidInput(f"A grant is 1 to {MAX_GRANT} credits, not {amount}.")
    for attempt in range(3):
        if await session.get(User, user_id) is None:
            await session.rollback()
            raise NotFound.of("User", user_id)
        try:
            new = await _credit(
                session, user_id=user_id, amount=amount, kind=LedgerKind.GRANT, reason=reason, granted_by=granted_by
            )
            await session.commit()
            return new
        except IntegrityError:  # the balance row was created concurrently (or the user deleted)
            await session.rollback()
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


async def refund_review(session: AsyncSession, *, review_request_id: uuid.UUID, user_id: uuid.UUID) -> bool:
    """Refund a failed review if it was charged and not refunded yet; commits. True if done."""
    charged = await session.scalar(
        select(CreditLedger.amount).where(
            CreditLedger.kind == LedgerKind.CHARGE.value, CreditLedger.review_request_id == review_request_id
        )
    )
    if charged is None:
        await session.commit()
        return False
    try:
        await _credit(
            session,
            user_id=user_id,
            amount=-charged,
            kind=LedgerKind.REFUND,
            reason="refund: the review failed",
            review_request_id=review_request_id,
        )
        await session.commit()
    except IntegrityError:  # refunded already (another process got there first)
        await session.rollback()
        return False
    return True


async def refund_item(session: AsyncSession, *, item_id: uuid.UUID, screening_id: uuid.UUID, user_id: uuid.UUID) -> bool:
    """Refund one failed item of a charged screening, once; commits. True if done."""
    charged = await session.scalar(
        select(func.count()).where(
            CreditLedger.kind == LedgerKind.CHARGE.value, CreditLedger.screening_id == screening_id
        )
    )
    if not charged:
        await session.commit()
        return False
    try:
        await _credit(
            session,
            user_id=user_id,
            amount=SCREENING_ITEM_COST,
            kind=LedgerKind.REFUND,
            reason="refund: a screening item failed",
            screening_item_id=item_id,
        )
        await session.commit()
    except IntegrityError:
        await session.rollback()
        return False
    return True


async def refund_failures(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    review_ids: Sequence[uuid.UUID] | None = None,
    item_ids: Sequence[uuid.UUID] | None = None,
    limit: int = 1000,
) -> int:
    """Refund the charged reviews and screening items that ended ``failed`` and were not refunded
    yet: those of ``review_ids`` / ``item_ids``, or (both None) any, up to ``limit`` of each.
    Returns how many refunds were made. Errors are logged, not raised: a refund missed now is
    made by a later call."""
    made = 0
    try:
        async with sessionmaker() as session:
            reviews = []
            if item_ids is None or review_ids is not None:
                charged = select(CreditLedger.review_request_id).where(
                    CreditLedger.kind == LedgerKind.CHARGE.value, CreditLedger.review_request_id.is_not(None)
                )
                refunded = select(CreditLedger.review_request_id).where(
                    CreditLedger.kind == LedgerKind.REFUND.value, CreditLedger.review_request_id.is_not(None)
                )
                query = select(ReviewRequest.id, ReviewRequest.requested_by_user_id).where(
                    ReviewRequest.status == ReviewStatus.FAILED.value,
                    ReviewRequest.id.in_(charged),
                    ReviewRequest.id.not_in(refunded),
                )
                if review_ids is not None:
                    query = query.where(ReviewRequest.id.in_(list(review_ids)))
                reviews = (await session.execute(query.limit(limit))).all()
            items = []
            if review_ids is None or item_ids is not None:
                charged_screenings = select(CreditLedger.screening_id).where(
                    CreditLedger.kind == LedgerKind.CHARGE.value, CreditLedger.screening_id.is_not(None)
                )
                refunded_items = select(CreditLedger.screening_item_id).where(
                    CreditLedger.kind == LedgerKind.REFUND.value, CreditLedger.screening_item_id.is_not(None)
                )
                query = (
                    select(ScreeningItem.id, Screening.id, Screening.owner_user_id)
                    .join(Screening, Screening.id == ScreeningItem.screening_id)
                    .where(
                        ScreeningItem.status == ItemStatus.FAILED.value,
                        Screening.id.in_(charged_screenings),
                        ScreeningItem.id.not_in(refunded_items),
                    )
                )
                if item_ids is not None:
                    query = query.where(ScreeningItem.id.in_(list(item_ids)))
                items = (await session.execute(query.limit(limit))).all()
            await session.commit()
            for review_id, user_id in reviews:
                made += await refund_review(session, review_request_id=review_id, user_id=user_id)
            for item_id, screening_id, user_id in items:
                made += await refund_item(session, item_id=item_id, screening_id=screening_id, user_id=user_id)
    except Exception:
        log.exception("refunding failed jobs did not finish; a later sweep does the rest")
    return made


async def ledger(*, session: AsyncSession, user_id: uuid.UUID, page: PageParams) -> tuple[int, Page[CreditLedger]]:
    """The user's balance and ledger page, newest first, read in one statement (one snapshot:
    a refund committed meanwhile is in both or in neither)."""
    current_balance = (
        select(CreditBalance.balance).where(CreditBalance.user_id == user_id).scalar_subquery()
    )
    total = select(func.count()).select_from(CreditLedger).where(CreditLedger.user_id == user_id).scalar_subquery()
    rows = (
        await session.execute(
            select(CreditLedger, current_balance, total)
            .where(CreditLedger.user_id == user_id)
            .order_by(CreditLedger.created_at.desc(), CreditLedger.id)
            .limit(page.limit)
            .offset(page.offset)
        )
    ).all()
    if rows:
        current, count = rows[0][1] or 0, rows[0][2]
    else:
        current = await balance(session, user_id)
        count = await session.scalar(
            select(func.count()).select_from(CreditLedger).where(CreditLedger.user_id == user_id)
        )
    await session.commit()
    items = [row[0] for row in rows]
    return current, Page(items=items, total=count or 0, limit=page.limit, offset=page.offset)
