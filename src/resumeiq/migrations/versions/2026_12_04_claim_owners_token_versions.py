"""claim owners on job rows, token versions on users

Revision ID: 20261204_0030
Revises: 20261203_0020
Create Date: 2026-12-04 01:30:00

``claimed_by`` (review_requests, screening_items, email_messages): the process holding a
claim, so that a restart takes back the claims of a killed process at once. ``token_version``
(users): bumped by logging out; access tokens carry the version they were issued under.

Imports nothing from the application.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261204_0030"
down_revision: str | None = "20261203_0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_JOB_TABLES = ("review_requests", "screening_items", "email_messages")


def upgrade() -> None:
    for table in _JOB_TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("claimed_by", sa.String(length=200), nullable=True))
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("token_version", sa.Integer(), server_default="0", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("token_version")
    for table in _JOB_TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("claimed_by")
