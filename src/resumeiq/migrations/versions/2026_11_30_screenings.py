"""screenings and screening_items

Revision ID: 20261130_0003
Revises: 20261130_0002
Create Date: 2026-11-30 21:00:00

Imports nothing from the application.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "20261130_0003"
down_revision: str | None = "20261130_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _ts(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "screenings",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_user_id", sa.Uuid(), nullable=False),
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column("blind", sa.Boolean(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        _ts("created_at"),
        sa.ForeignKeyConstraint(
            ["owner_user_id"],
            ["users.id"],
            name=op.f("fk_screenings_owner_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("fk_screenings_job_id_jobs"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screenings")),
    )
    with op.batch_alter_table("screenings") as batch_op:
        batch_op.create_index("ix_screenings_owner_created", ["owner_user_id", "created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_screenings_job_id"), ["job_id"], unique=False)

    op.create_table(
        "screening_items",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("screening_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("resume_id", sa.Uuid(), nullable=True),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("storage_key", sa.String(length=255), nullable=True),
        sa.Column("duplicate_of_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        _ts("lease_until", nullable=True),
        _ts("requested_at"),
        _ts("started_at", nullable=True),
        _ts("completed_at", nullable=True),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("rank_score", sa.Float(), nullable=True),
        sa.Column("category", sa.String(length=16), nullable=True),
        sa.Column("candidate_name", sa.String(length=200), nullable=True),
        sa.Column("candidate_email", sa.String(length=320), nullable=True),
        sa.Column("candidate_phone", sa.String(length=64), nullable=True),
        sa.Column("candidate_location", sa.String(length=300), nullable=True),
        sa.Column("details", JSON, nullable=True),
        sa.Column("processing_time_ms", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "status IN ('pending', 'processing', 'completed', 'failed', 'duplicate')",
            name=op.f("ck_screening_items_status"),
        ),
        sa.ForeignKeyConstraint(
            ["screening_id"],
            ["screenings.id"],
            name=op.f("fk_screening_items_screening_id_screenings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["resume_id"],
            ["resumes.id"],
            name=op.f("fk_screening_items_resume_id_resumes"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["duplicate_of_id"],
            ["screening_items.id"],
            name=op.f("fk_screening_items_duplicate_of_id_screening_items"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening_items")),
        sa.UniqueConstraint(
            "screening_id", "position", name=op.f("uq_screening_items_screening_id_position")
        ),
    )
    with op.batch_alter_table("screening_items") as batch_op:
        batch_op.create_index("ix_screening_items_screening_status", ["screening_id", "status"], unique=False)
        batch_op.create_index("ix_screening_items_status_lease", ["status", "lease_until"], unique=False)
        batch_op.create_index(batch_op.f("ix_screening_items_sha256"), ["sha256"], unique=False)


def downgrade() -> None:
    op.drop_table("screening_items")
    op.drop_table("screenings")
