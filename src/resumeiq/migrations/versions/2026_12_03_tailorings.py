"""master per track, and tailorings (one row per preview)

Revision ID: 20261203_0020
Revises: 20261130_0004
Create Date: 2026-12-03 20:15:00

Imports nothing from the application.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "20261203_0020"
down_revision: str | None = "20261130_0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _ts(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    with op.batch_alter_table("resumes") as batch_op:
        batch_op.add_column(
            sa.Column("track", sa.String(length=64), server_default="default", nullable=False)
        )
        batch_op.drop_index("uq_resumes_candidate_master")
        batch_op.create_index(
            "uq_resumes_candidate_track_master",
            ["candidate_id", "track"],
            unique=True,
            sqlite_where=sa.text("is_master"),
            postgresql_where=sa.text("is_master"),
        )

    op.create_table(
        "tailorings",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_user_id", sa.Uuid(), nullable=False),
        sa.Column("resume_id", sa.Uuid(), nullable=False),
        sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("ai_model_used", sa.String(length=200), nullable=True),
        sa.Column("cover_letter_requested", sa.Boolean(), nullable=False),
        sa.Column("outreach_requested", sa.Boolean(), nullable=False),
        sa.Column("resume_hash", sa.String(length=64), nullable=False),
        sa.Column("job_hash", sa.String(length=64), nullable=False),
        sa.Column("output", JSON, nullable=False),
        sa.Column("output_hash", sa.String(length=64), nullable=False),
        sa.Column("confirmed_resume_id", sa.Uuid(), nullable=True),
        _ts("confirmed_at", nullable=True),
        _ts("created_at"),
        sa.ForeignKeyConstraint(
            ["owner_user_id"],
            ["users.id"],
            name=op.f("fk_tailorings_owner_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["resume_id"], ["resumes.id"], name=op.f("fk_tailorings_resume_id_resumes"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("fk_tailorings_job_id_jobs"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["confirmed_resume_id"],
            ["resumes.id"],
            name=op.f("fk_tailorings_confirmed_resume_id_resumes"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tailorings")),
    )
    with op.batch_alter_table("tailorings") as batch_op:
        batch_op.create_index("ix_tailorings_owner_created", ["owner_user_id", "created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_tailorings_resume_id"), ["resume_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tailorings_job_id"), ["job_id"], unique=False)


def downgrade() -> None:
    op.drop_table("tailorings")
    # Back to one master per candidate: keep the default track's master, else the newest one.
    op.execute(
        "UPDATE resumes SET is_master = false WHERE is_master AND track <> 'default' AND EXISTS ("
        "SELECT 1 FROM resumes r2 WHERE r2.candidate_id = resumes.candidate_id AND r2.is_master "
        "AND r2.track = 'default')"
    )
    op.execute(
        "UPDATE resumes SET is_master = false WHERE is_master AND EXISTS ("
        "SELECT 1 FROM resumes r2 WHERE r2.candidate_id = resumes.candidate_id AND r2.is_master "
        "AND r2.version_number > resumes.version_number)"
    )
    with op.batch_alter_table("resumes") as batch_op:
        batch_op.drop_index("uq_resumes_candidate_track_master")
        batch_op.create_index(
            "uq_resumes_candidate_master",
            ["candidate_id"],
            unique=True,
            sqlite_where=sa.text("is_master"),
            postgresql_where=sa.text("is_master"),
        )
        batch_op.drop_column("track")
