"""``credit_balances`` (one row per user with credits) and ``credit_ledger`` (every movement).

The balance row is what makes a charge safe under concurrency: a charge is one conditional
UPDATE (``balance >= amount``), so two requests can never spend the same credit. The ledger
says why each balance is what it is: ``grant`` (an administrator), ``charge`` (a review or a
screening, with its id) and ``refund`` (a failed review or screening item, with its id). Unique
indexes on (kind, id) make each charge and each refund happen at most once. The ids are not
foreign keys: the ledger is history and stays when a review or screening is deleted (it goes
with the user).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from resumeiq.db import Base, UTCDateTime, UUIDPrimaryKey, utcnow


class LedgerKind(StrEnum):
    GRANT = "grant"
    CHARGE = "charge"
    REFUND = "refund"


class CreditBalance(Base):
    __tablename__ = "credit_balances"
    __table_args__ = (CheckConstraint("balance >= 0", name="balance"),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    balance: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class CreditLedger(UUIDPrimaryKey, Base):
    __tablename__ = "credit_ledger"
    __table_args__ = (
        CheckConstraint("kind IN ('grant', 'charge', 'refund')", name="kind"),
        Index("ix_credit_ledger_user_created", "user_id", "created_at"),
        Index("uq_credit_ledger_kind_review", "kind", "review_request_id", unique=True),
        Index("uq_credit_ledger_kind_screening", "kind", "screening_id", unique=True),
        Index("uq_credit_ledger_kind_item", "kind", "screening_item_id", unique=True),
    )

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    amount: Mapped[int] = mapped_column(Integer)  # credits added (grant, refund) or taken (charge, < 0)
    balance_after: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(300))
    review_request_id: Mapped[uuid.UUID | None] = mapped_column()
    screening_id: Mapped[uuid.UUID | None] = mapped_column()
    screening_item_id: Mapped[uuid.UUID | None] = mapped_column()
    granted_by_user_id: Mapped[uuid.UUID | None] = mapped_column()  # the administrator (grants)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
