"""Test-only seams, installed into a ``resumeiq`` subprocess by ``processes.CliProcess``; nothing
in the package knows of them.

``slow_reviews(seconds)`` makes every review (and job match) wait ``seconds`` after the engine
has scored it and before its result is saved, still inside its claim and lease, so that a test
can kill the service or the worker while the review is surely in flight. It wraps the module
function ``resumeiq.analysis.tasks._run_engine``, which ``process_review`` looks up at call
time; a Celery pool process inherits the wrap from the worker's main process (prefork).
"""

from __future__ import annotations

import asyncio


def slow_reviews(seconds: float) -> None:
    from resumeiq.analysis import tasks

    run_engine = tasks._run_engine

    async def slow(ctx, request_id, *rest):
        outcome = await run_engine(ctx, request_id, *rest)
        await asyncio.sleep(seconds)
        return outcome

    tasks._run_engine = slow


def slow_screening_items(seconds: float, journal: str) -> None:
    """Each screening item waits ``seconds`` after the engine matched it, inside its claim. The
    process appends to ``journal`` a line ``run <item id> <pid>`` as it starts matching an item
    (in its claim), and ``saved <item id> <pid>`` once an outcome's transaction committed
    (``resumeiq.screening.tasks._save`` returned a status)."""
    import os

    from resumeiq.screening import tasks

    run_engine, save = tasks._run_engine, tasks._save

    def note(what, item_id):
        fd = os.open(journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, f"{what} {item_id} {os.getpid()}\n".encode())
        finally:
            os.close(fd)

    async def slow(ctx, item_id, *rest):
        note("run", item_id)
        outcome = await run_engine(ctx, item_id, *rest)
        await asyncio.sleep(seconds)
        return outcome

    async def journaled(ctx, item_id, token, outcome):
        status = await save(ctx, item_id, token, outcome)
        if status is not None:
            note("saved", item_id)
        return status

    tasks._run_engine, tasks._save = slow, journaled
