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
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TypeVar

from resumeiq.engine import ExtractLimits
from resumeiq.errors import EngineUnavailable, ProcessingTimeout
from resumeiq.worker import engine_jobs
from resumeiq.worker.engine_jobs import EngineFailure, MatchReport, ParsedFile, ParsedJob, ReviewReport
from resumeiq.worker.fairshare import FairShares, Lane

log = logging.getLogger(__name__)
T = TypeVar("T")


def _context() -> multiprocessing.context.BaseContext:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["resumeiq.worker.engine_jobs", "resumeiq.engine"])
    return ctx


class EnginePool:
    """A bounded ``ProcessPoolExecutor`` that is replaced if a worker dies."""

    def __init__(
        self, size: int, *, limits: ExtractLimits | None = None, timeout: float = 60.0, nice: int = 0
    ) -> None:
        self.size = size
        self.nice = nice
        self.limits = limits or ExtractLimits()
        self.timeout = timeout
        self._executor: ProcessPoolExecutor | None = None
        self.shares = FairShares(size)

    def _get(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.size,
                mp_context=_context(),
                initializer=engine_jobs.init_worker,
                initargs=(self.nice, os.getpid()),
            )
        return self._executor

    async def _run(self, fn: Callable[..., T], *args: Any, lane: Lane = "light") -> T:
        # One call per process at a time, taken in fair turns (worker.fairshare): the executor's
        # own queue is first come, first served, so one user's burst would delay everyone.
        async with self.shares.slot(lane):
            return await self._run_now(fn, *args)

    async def _run_now(self, fn: Callable[..., T], *args: Any) -> T:
        executor = self._get()
        try:
            future = asyncio.get_running_loop().run_in_executor(executor, fn, *args)
            return await asyncio.wait_for(future, self.timeout)
        except TimeoutError as exc:
            # A running call cannot be cancelled; the only way to get the core back is to stop
            # the pool's processes. Calls in flight on them fail with EngineUnavailable.
            log.error("an engine call took over %.0f s; restarting the engine pool", self.timeout)
            self._discard(executor, kill=True)
            raise ProcessingTimeout(f"The file took longer than {self.timeout:.0f} s to process.") from exc
        except BrokenProcessPool as exc:
            log.error("an engine worker process died; starting a new pool")
            self._discard(executor, kill=False)
            raise EngineUnavailable("The parser process stopped unexpectedly; try again.") from exc

    def _discard(self, executor: ProcessPoolExecutor, *, kill: bool) -> None:
        if self._executor is not executor:
            return  # already replaced by a concurrent failure
        self._executor = None
        if kill:
            for process in list((getattr(executor, "_processes", None) or {}).values()):
                process.kill()
        executor.shutdown(wait=False, cancel_futures=True)

    async def start(self) -> None:
        """Start the workers now rather than on the first request."""
        await asyncio.gather(*(self._run_now(engine_jobs.ping) for _ in range(self.size)))

    async def parse_file(self, path: Path, filename: str) -> ParsedFile | EngineFailure:
        return await self._run(engine_jobs.parse_file, str(path), filename, self.limits)

    async def review_file(
        self,
        path: Path,
        filename: str,
        industry: str,
        job: tuple[str, dict[str, Any], str, tuple[float, float]] | None = None,
    ) -> ReviewReport | EngineFailure:
        """Review a resume file; with ``job`` (key, requirements, text, thresholds) also against it."""
        return await self._run(engine_jobs.review_file, str(path), filename, industry, self.limits, job)

    async def parse_job(
        self, *, text: str | None = None, path: Path | None = None, filename: str | None, title: str | None
    ) -> ParsedJob | EngineFailure:
        """Requirements of a job posting given as ``text`` or as a file at ``path``."""
        return await self._run(
            engine_jobs.parse_job_posting,
            text,
            str(path) if path else None,
            filename,
            title,
            self.limits,
            lane="heavy",  # a posting of up to the size limit, as often as the caller wants
        )

    async def match_file(
        self,
        path: Path,
        filename: str,
        *,
        job_key: str,
        job: dict[str, Any],
        job_text: str,
        thresholds: tuple[float, float],
    ) -> MatchReport | EngineFailure:
        """Parse a resume file and match it against one job (requirements as JSON);
        ``thresholds``: the selected and considered cut-offs."""
        return await self._run(
            engine_jobs.match_file, str(path), filename, job_key, job, job_text, thresholds, self.limits
        )

    async def match_file_many(
        self,
        path: Path,
        filename: str,
        jobs: list[tuple[str, dict[str, Any], str]],
        thresholds: tuple[float, float],
    ) -> list[MatchReport] | EngineFailure:
        """Parse a resume file once and match it against each ``(job_key, job, job_text)``."""
        return await self._run(
            engine_jobs.match_file_many,
            str(path),
            filename,
            jobs,
            thresholds,
            self.limits,
            lane="heavy",  # top matches and comparisons: as many jobs as the caller has
        )

    async def call(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn(*args, limits)`` in a worker (a module-level function that never raises, like
        those of ``engine_jobs``); the same time limit and crash handling as the calls above."""
        return await self._run(fn, *args, self.limits)

    def shutdown(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
