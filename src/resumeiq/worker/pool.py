"""The engine process pool: where all CPU-bound engine work runs.

Why processes and not threads: parsing and scoring are pure-Python CPU work. In a thread they
would hold the GIL against the event loop, so every status request would wait behind them; in a
process they use the other cores and the API stays responsive. Processes also contain the damage
of a hostile file (a crash or a memory blow-up kills a worker, not the API). Workers are forked
from a ``forkserver`` that has already imported the engine, so they start fast and never inherit
the API's threads, sockets or database connections.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TypeVar

from resumeiq.engine import ExtractLimits
from resumeiq.errors import EngineUnavailable
from resumeiq.worker import engine_jobs
from resumeiq.worker.engine_jobs import EngineFailure, ParsedFile, ReviewReport

log = logging.getLogger(__name__)
T = TypeVar("T")


def _context() -> multiprocessing.context.BaseContext:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["resumeiq.worker.engine_jobs", "resumeiq.engine"])
    return ctx


class EnginePool:
    """A bounded ``ProcessPoolExecutor`` that is replaced if a worker dies."""

    def __init__(self, size: int, *, limits: ExtractLimits | None = None) -> None:
        self.size = size
        self.limits = limits or ExtractLimits()
        self._executor: ProcessPoolExecutor | None = None

    def _get(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.size, mp_context=_context(), initializer=engine_jobs.watch_parent
            )
        return self._executor

    async def _run(self, fn: Callable[..., T], *args: Any) -> T:
        executor = self._get()
        try:
            return await asyncio.get_running_loop().run_in_executor(executor, fn, *args)
        except BrokenProcessPool as exc:
            log.error("an engine worker process died; starting a new pool")
            if self._executor is executor:
                self._executor = None
                executor.shutdown(wait=False, cancel_futures=True)
            raise EngineUnavailable("The parser process stopped unexpectedly; try again.") from exc

    async def start(self) -> None:
        """Start the workers now rather than on the first request."""
        await asyncio.gather(*(self._run(engine_jobs.ping) for _ in range(self.size)))

    async def parse_file(self, path: Path, filename: str) -> ParsedFile | EngineFailure:
        return await self._run(engine_jobs.parse_file, str(path), filename, self.limits)

    async def review_file(self, path: Path, filename: str, industry: str) -> ReviewReport | EngineFailure:
        return await self._run(engine_jobs.review_file, str(path), filename, industry, self.limits)

    def shutdown(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
