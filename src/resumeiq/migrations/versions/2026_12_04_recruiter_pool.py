"""the recruiter's workflow: candidates by identity, screened files as resumes, e-mail reply-to,
one message per candidate and category, idempotent e-mail batches

Revision ID: 20261204_0050
Revises: 20261204_0040
Create Date: 2026-12-04 01:40:00

Imports nothing from the application.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "20261204_0050"
down_revision: str | None = "20261204_0040"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("candidates") as batch_op:
        batch_op.add_column(sa.Column("phone", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("location", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("email_key", sa.String(length=320), nullable=True))
        batch_op.add_column(sa.Column("phone_key", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("name_key", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("location_key", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("identity_key", sa.String(length=520), nullable=True))
        batch_op.add_column(sa.Column("skills", sa.Text(), server_default="|", nullable=False))
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index("uq_candidates_owner_identity", ["owner_user_id", "identity_key"], unique=True)
        batch_op.create_index("ix_candidates_owner_email_key", ["owner_user_id", "email_key"])
        batch_op.create_index("ix_candidates_owner_phone_key", ["owner_user_id", "phone_key"])
        batch_op.create_index("ix_candidates_owner_name_key", ["owner_user_id", "name_key"])
    # Rows from before: their e-mail and name become comparable keys (no identity key: older
    # rows are matched, never made unique after the fact).
    op.execute("UPDATE candidates SET email_key = lower(trim(email)) WHERE email IS NOT NULL")
    op.execute("UPDATE candidates SET name_key = lower(trim(name)) WHERE name IS NOT NULL")

    # No foreign key: adding one on SQLite rebuilds the table, and dropping the old table would
    # cascade-delete the e-mails that refer to its rows. ``candidates.service`` deletes a
    # candidate's items itself.
    with op.batch_alter_table("screening_items") as batch_op:
        batch_op.add_column(sa.Column("candidate_id", sa.Uuid(), nullable=True))
        batch_op.create_index("ix_screening_items_candidate_id", ["candidate_id"])
        batch_op.create_index(
            "uq_screening_items_screening_candidate_completed",
            ["screening_id", "candidate_id"],
            unique=True,
            sqlite_where=sa.text("status = 'completed'"),
            postgresql_where=sa.text("status = 'completed'"),
        )

    with op.batch_alter_table("email_messages") as batch_op:
        batch_op.add_column(sa.Column("reply_to", sa.String(length=320), nullable=True))
    # Messages from before may repeat a candidate (the removed ``resend``): keep the first.
    op.execute(
        "DELETE FROM email_messages WHERE id IN (SELECT m.id FROM email_messages m WHERE EXISTS ("
        "SELECT 1 FROM email_messages o WHERE o.screening_item_id = m.screening_item_id "
        "AND o.category = m.category AND (o.requested_at < m.requested_at "
        "OR (o.requested_at = m.requested_at AND o.id < m.id))))"
    )
    op.create_index(
        "uq_email_messages_item_category", "email_messages", ["screening_item_id", "category"], unique=True
    )

    op.create_table(
        "email_batches",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_user_id", sa.Uuid(), nullable=False),
        sa.Column("screening_id", sa.Uuid(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=200), nullable=False),
        sa.Column("queued", sa.Integer(), nullable=False),
        sa.Column("skipped", JSON, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_user_id"], ["users.id"], name="fk_email_batches_owner_user_id_users", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["screening_id"],
            ["screenings.id"],
            name="fk_email_batches_screening_id_screenings",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_email_batches"),
        sa.UniqueConstraint(
            "owner_user_id", "idempotency_key", name="uq_email_batches_owner_user_id_idempotency_key"
        ),
    )


def downgrade() -> None:
    op.drop_table("email_batches")
    op.drop_index("uq_email_messages_item_category", "email_messages")
    with op.batch_alter_table("email_messages") as batch_op:
        batch_op.drop_column("reply_to")
    op.drop_index("uq_screening_items_screening_candidate_completed", "screening_items")
    op.drop_index("ix_screening_items_candidate_id", "screening_items")
    with op.batch_alter_table("screening_items") as batch_op:
        batch_op.drop_column("candidate_id")
    with op.batch_alter_table("candidates") as batch_op:
        batch_op.drop_index("ix_candidates_owner_name_key")
        batch_op.drop_index("ix_candidates_owner_phone_key")
        batch_op.drop_index("ix_candidates_owner_email_key")
        batch_op.drop_index("uq_candidates_owner_identity")
        for column in (
            "updated_at", "skills", "identity_key", "location_key", "name_key", "phone_key", "email_key",
            "location", "phone",
        ):  # fmt: skip
            batch_op.drop_column(column)
