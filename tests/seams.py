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

    async def slow(ctx, request_id):
        outcome = await run_engine(ctx, request_id)
        await asyncio.sleep(seconds)
        return outcome

    tasks._run_engine = slow
