"""jobs; job matches in review_requests / review_results

Revision ID: 20261130_0002
Revises: 20261122_0001
Create Date: 2026-11-30 20:40:00

Adds the ``jobs`` table; ``review_requests.job_id`` becomes a foreign key to it (with an index and
ON DELETE CASCADE) and ``review_type`` is checked ('review' | 'job_match'); a job match has no
target industry nor ATS/content/formatting scores, so those columns become nullable, and
``review_results`` gets the match ``category``.

SQLite alters a table by copying it into a new one and dropping the old one. Dropping
``review_requests`` with foreign keys enforced would delete every ``review_results`` row through
ON DELETE CASCADE, so on SQLite the results are set aside and put back around that step.
Imports nothing from the application.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "20261130_0002"
down_revision: str | None = "20261122_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
_BACKUP = "_review_results_backup_0002"


def _ts(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _is_sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def _alter_review_requests(alter) -> None:  # noqa: ANN001
    """Run ``alter(batch_op)`` on review_requests without losing review_results rows on SQLite."""
    if _is_sqlite():
        op.execute(f"CREATE TABLE {_BACKUP} AS SELECT * FROM review_results")
    with op.batch_alter_table("review_requests") as batch_op:
        alter(batch_op)
    if _is_sqlite():
        op.execute(
            f"INSERT INTO review_results SELECT * FROM {_BACKUP} WHERE id NOT IN (SELECT id FROM review_results)"
        )
        op.execute(f"DROP TABLE {_BACKUP}")


def upgrade() -> None:
    op.create_table(
        "jobs",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_user_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=True),
        sa.Column("title_given", sa.String(length=300), nullable=True),
        sa.Column("company", sa.String(length=200), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("source_filename", sa.String(length=255), nullable=True),
        sa.Column("source_format", sa.String(length=8), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("requirements_key", sa.String(length=64), nullable=False),
        sa.Column("requirements", JSON, nullable=False),
        _ts("created_at"),
        _ts("updated_at"),
        sa.ForeignKeyConstraint(
            ["owner_user_id"], ["users.id"], name=op.f("fk_jobs_owner_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jobs")),
    )
    with op.batch_alter_table("jobs") as batch_op:
        batch_op.create_index("ix_jobs_owner_created", ["owner_user_id", "created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_jobs_content_hash"), ["content_hash"], unique=False)
        batch_op.create_index(batch_op.f("ix_jobs_requirements_key"), ["requirements_key"], unique=False)

    with op.batch_alter_table("review_results") as batch_op:
        for column in ("ats_score", "content_score", "formatting_score"):
            batch_op.alter_column(column, existing_type=sa.Integer(), nullable=True)
        batch_op.alter_column("industry", existing_type=sa.String(length=64), nullable=True)
        batch_op.add_column(sa.Column("category", sa.String(length=16), nullable=True))

    def alter(batch_op) -> None:  # noqa: ANN001
        batch_op.alter_column("target_industry", existing_type=sa.String(length=64), nullable=True)
        batch_op.create_foreign_key(
            batch_op.f("fk_review_requests_job_id_jobs"), "jobs", ["job_id"], ["id"], ondelete="CASCADE"
        )
        batch_op.create_index(batch_op.f("ix_review_requests_job_id"), ["job_id"], unique=False)
        batch_op.create_check_constraint(
            op.f("ck_review_requests_review_type"), "review_type IN ('review', 'job_match')"
        )

    _alter_review_requests(alter)


def downgrade() -> None:
    # Job matches cannot be represented in the older schema.
    op.execute("DELETE FROM review_requests WHERE review_type = 'job_match'")

    def alter(batch_op) -> None:  # noqa: ANN001
        batch_op.drop_constraint(batch_op.f("ck_review_requests_review_type"), type_="check")
        batch_op.drop_index(batch_op.f("ix_review_requests_job_id"))
        batch_op.drop_constraint(batch_op.f("fk_review_requests_job_id_jobs"), type_="foreignkey")
        batch_op.alter_column("target_industry", existing_type=sa.String(length=64), nullable=False)

    _alter_review_requests(alter)
    with op.batch_alter_table("review_results") as batch_op:
        batch_op.drop_column("category")
        batch_op.alter_column("industry", existing_type=sa.String(length=64), nullable=False)
        for column in ("ats_score", "content_score", "formatting_score"):
            batch_op.alter_column(column, existing_type=sa.Integer(), nullable=False)
    op.drop_table("jobs")
