"""initial schema: users, candidates, resumes, review_requests, review_results

Revision ID: 20261122_0001
Revises:
Create Date: 2026-11-22 08:23:18

Written by hand from autogenerate output; it imports nothing from the application so that later
model changes cannot alter it. Runs on SQLite (batch mode for indexes) and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "20261122_0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _ts(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        _ts("created_at"),
        sa.CheckConstraint("role IN ('job_seeker', 'recruiter', 'admin')", name=op.f("ck_users_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    op.create_table(
        "candidates",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_user_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("is_self", sa.Boolean(), nullable=False),
        _ts("created_at"),
        sa.ForeignKeyConstraint(
            ["owner_user_id"],
            ["users.id"],
            name=op.f("fk_candidates_owner_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidates")),
    )
    with op.batch_alter_table("candidates") as batch_op:
        batch_op.create_index(batch_op.f("ix_candidates_owner_user_id"), ["owner_user_id"], unique=False)
        batch_op.create_index(
            "uq_candidates_owner_self",
            ["owner_user_id"],
            unique=True,
            sqlite_where=sa.text("is_self"),
            postgresql_where=sa.text("is_self"),
        )

    op.create_table(
        "resumes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("candidate_id", sa.Uuid(), nullable=False),
        sa.Column("owner_user_id", sa.Uuid(), nullable=False),
        sa.Column("version_number", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("content_type", sa.String(length=127), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("storage_key", sa.String(length=255), nullable=False),
        sa.Column("format", sa.String(length=8), nullable=True),
        sa.Column("page_count", sa.Integer(), nullable=True),
        sa.Column("extracted_text", sa.Text(), nullable=True),
        sa.Column("parsed", JSON, nullable=True),
        sa.Column("warnings", JSON, nullable=False),
        sa.Column("processing_status", sa.String(length=16), nullable=False),
        sa.Column("processing_error", sa.Text(), nullable=True),
        sa.Column("is_master", sa.Boolean(), nullable=False),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        _ts("created_at"),
        _ts("updated_at"),
        sa.CheckConstraint(
            "processing_status IN ('pending', 'ready', 'failed')", name=op.f("ck_resumes_processing_status")
        ),
        sa.CheckConstraint("version_number >= 1", name=op.f("ck_resumes_version_number")),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name=op.f("fk_resumes_candidate_id_candidates"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_user_id"], ["users.id"], name=op.f("fk_resumes_owner_user_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["resumes.id"], name=op.f("fk_resumes_parent_id_resumes"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resumes")),
        sa.UniqueConstraint(
            "candidate_id", "version_number", name=op.f("uq_resumes_candidate_id_version_number")
        ),
    )
    with op.batch_alter_table("resumes") as batch_op:
        batch_op.create_index(batch_op.f("ix_resumes_owner_user_id"), ["owner_user_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_resumes_sha256"), ["sha256"], unique=False)
        batch_op.create_index(
            "uq_resumes_candidate_master",
            ["candidate_id"],
            unique=True,
            sqlite_where=sa.text("is_master"),
            postgresql_where=sa.text("is_master"),
        )

    op.create_table(
        "review_requests",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("resume_id", sa.Uuid(), nullable=False),
        sa.Column("requested_by_user_id", sa.Uuid(), nullable=False),
        sa.Column("job_id", sa.Uuid(), nullable=True),
        sa.Column("target_industry", sa.String(length=64), nullable=False),
        sa.Column("review_type", sa.String(length=32), nullable=False),
        sa.Column("analysis_depth", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        _ts("lease_until", nullable=True),
        _ts("requested_at"),
        _ts("started_at", nullable=True),
        _ts("completed_at", nullable=True),
        sa.CheckConstraint(
            "status IN ('pending', 'processing', 'completed', 'failed')",
            name=op.f("ck_review_requests_status"),
        ),
        sa.ForeignKeyConstraint(
            ["requested_by_user_id"],
            ["users.id"],
            name=op.f("fk_review_requests_requested_by_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["resume_id"],
            ["resumes.id"],
            name=op.f("fk_review_requests_resume_id_resumes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_requests")),
    )
    with op.batch_alter_table("review_requests") as batch_op:
        batch_op.create_index(
            "ix_review_requests_requester_requested", ["requested_by_user_id", "requested_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_review_requests_resume_id"), ["resume_id"], unique=False)
        batch_op.create_index("ix_review_requests_status_lease", ["status", "lease_until"], unique=False)

    op.create_table(
        "review_results",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("review_request_id", sa.Uuid(), nullable=False),
        sa.Column("overall_score", sa.Integer(), nullable=False),
        sa.Column("ats_score", sa.Integer(), nullable=False),
        sa.Column("content_score", sa.Integer(), nullable=False),
        sa.Column("formatting_score", sa.Integer(), nullable=False),
        sa.Column("match_score", sa.Integer(), nullable=True),
        sa.Column("industry", sa.String(length=64), nullable=False),
        sa.Column("executive_summary", sa.Text(), nullable=False),
        sa.Column("detailed_scores", JSON, nullable=False),
        sa.Column("strengths", JSON, nullable=False),
        sa.Column("weaknesses", JSON, nullable=False),
        sa.Column("recommendations", JSON, nullable=False),
        sa.Column("ai_model_used", sa.String(length=100), nullable=True),
        sa.Column("processing_time_ms", sa.Integer(), nullable=False),
        _ts("created_at"),
        sa.ForeignKeyConstraint(
            ["review_request_id"],
            ["review_requests.id"],
            name=op.f("fk_review_results_review_request_id_review_requests"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_results")),
        sa.UniqueConstraint("review_request_id", name=op.f("uq_review_results_review_request_id")),
    )


def downgrade() -> None:
    op.drop_table("review_results")
    op.drop_table("review_requests")
    op.drop_table("resumes")
    op.drop_table("candidates")
    op.drop_table("users")
