"""The engine process pool: typed outcomes, a time limit, recovery after a worker dies."""

from __future__ import annotations

import os
import signal
import time

import pytest

from resumeiq.engine.errors import EmptyFile
from resumeiq.engine.extract import extract_text
from resumeiq.errors import EngineUnavailable, ProcessingTimeout
from resumeiq.worker.engine_jobs import EngineFailure, ParsedFile
from resumeiq.worker.pool import EnginePool


async def test_parse_outcomes(engine_pool, tmp_path, resume_text):
    good, empty = tmp_path / "cv.txt", tmp_path / "empty.pdf"
    good.write_bytes(resume_text)
    empty.write_bytes(b"")
    parsed = await engine_pool.parse_file(good, "cv.txt")
    assert isinstance(parsed, ParsedFile) and parsed.format == "txt" and "Ada" in parsed.text
    failure = await engine_pool.parse_file(empty, "empty.pdf")
    with pytest.raises(EmptyFile) as engine_error:  # what the engine itself says of that file
        extract_text(b"", filename="empty.pdf")
    assert engine_error.value.message  # a sentence for a person, carried over unchanged
    assert failure == EngineFailure(code="empty_file", message=engine_error.value.message)


async def test_timeout_restarts_the_pool():
    pool = EnginePool(1, timeout=0.5)
    try:
        with pytest.raises(ProcessingTimeout):
            await pool._run(time.sleep, 5)
        assert await pool._run(os.getpid) > 0  # a fresh worker answers
    finally:
        pool.shutdown()


async def test_a_dead_worker_is_replaced():
    pool = EnginePool(1)
    try:
        pid = await pool._run(os.getpid)
        with pytest.raises(EngineUnavailable):
            await pool._run(os.kill, pid, signal.SIGKILL)
        assert await pool._run(os.getpid) != pid
    finally:
        pool.shutdown()


async def test_workers_run_at_a_lower_priority_than_the_api():
    """A backlog of analyses must not take CPU from request handling: workers are niced."""
    pool = EnginePool(1, nice=7)
    try:
        assert await pool._run(os.nice, 0) == min(19, os.nice(0) + 7)
    finally:
        pool.shutdown()
