"""email_messages: the outbox of candidate e-mails

Revision ID: 20261130_0004
Revises: 20261130_0003
Create Date: 2026-11-30 21:30:00

Imports nothing from the application.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261130_0004"
down_revision: str | None = "20261130_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _ts(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "email_messages",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_user_id", sa.Uuid(), nullable=False),
        sa.Column("screening_id", sa.Uuid(), nullable=False),
        sa.Column("screening_item_id", sa.Uuid(), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("from_address", sa.String(length=320), nullable=False),
        sa.Column("to_address", sa.String(length=320), nullable=False),
        sa.Column("subject", sa.String(length=998), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("message_id", sa.String(length=255), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        _ts("lease_until", nullable=True),
        _ts("requested_at"),
        _ts("started_at", nullable=True),
        _ts("completed_at", nullable=True),
        sa.CheckConstraint(
            "status IN ('queued', 'sending', 'sent', 'failed')", name=op.f("ck_email_messages_status")
        ),
        sa.ForeignKeyConstraint(
            ["owner_user_id"],
            ["users.id"],
            name=op.f("fk_email_messages_owner_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["screening_id"],
            ["screenings.id"],
            name=op.f("fk_email_messages_screening_id_screenings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["screening_item_id"],
            ["screening_items.id"],
            name=op.f("fk_email_messages_screening_item_id_screening_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_email_messages")),
    )
    with op.batch_alter_table("email_messages") as batch_op:
        batch_op.create_index("ix_email_messages_status_lease", ["status", "lease_until"], unique=False)
        batch_op.create_index(
            "ix_email_messages_screening_requested", ["screening_id", "requested_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_email_messages_owner_user_id"), ["owner_user_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_email_messages_screening_item_id"), ["screening_item_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("email_messages")
