"""Alembic environment. Used through ``resumeiq.migrations`` (a connection is passed in
``config.attributes``) or the ``alembic`` command line with ``sqlalchemy.url`` set."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy import Connection

import resumeiq.analysis.models
import resumeiq.credits.models
import resumeiq.emails.models
import resumeiq.jobs.models
import resumeiq.resumes.models
import resumeiq.screening.models
import resumeiq.users.models  # noqa: F401  (register the tables on the metadata)
from resumeiq.db import Base, create_engine

target_metadata = Base.metadata
config = context.config


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things in place: batch mode recreates the table.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_with_new_engine(url: str) -> None:
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(_configure)
    finally:
        await engine.dispose()


if context.is_offline_mode():
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()
elif (connection := config.attributes.get("connection")) is not None:
    _configure(connection)
else:
    asyncio.run(_run_with_new_engine(config.get_main_option("sqlalchemy.url") or ""))
