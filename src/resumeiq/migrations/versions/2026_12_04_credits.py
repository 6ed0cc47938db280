"""credits: credit_balances and credit_ledger

Revision ID: 20261204_0040
Revises: 20261204_0030
Create Date: 2026-12-04 01:45:00

Imports nothing from the application.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261204_0040"
down_revision: str | None = "20261204_0030"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _ts(name: str) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def upgrade() -> None:
    op.create_table(
        "credit_balances",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("balance", sa.Integer(), nullable=False),
        _ts("updated_at"),
        sa.CheckConstraint("balance >= 0", name=op.f("ck_credit_balances_balance")),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_credit_balances_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_credit_balances")),
    )
    op.create_table(
        "credit_ledger",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("balance_after", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("review_request_id", sa.Uuid(), nullable=True),
        sa.Column("screening_id", sa.Uuid(), nullable=True),
        sa.Column("screening_item_id", sa.Uuid(), nullable=True),
        sa.Column("granted_by_user_id", sa.Uuid(), nullable=True),
        _ts("created_at"),
        sa.CheckConstraint("kind IN ('grant', 'charge', 'refund')", name=op.f("ck_credit_ledger_kind")),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_credit_ledger_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_ledger")),
    )
    op.create_index("ix_credit_ledger_user_created", "credit_ledger", ["user_id", "created_at"])
    op.create_index("uq_credit_ledger_kind_review", "credit_ledger", ["kind", "review_request_id"], unique=True)
    op.create_index("uq_credit_ledger_kind_screening", "credit_ledger", ["kind", "screening_id"], unique=True)
    op.create_index("uq_credit_ledger_kind_item", "credit_ledger", ["kind", "screening_item_id"], unique=True)


def downgrade() -> None:
    op.drop_table("credit_ledger")
    op.drop_table("credit_balances")
