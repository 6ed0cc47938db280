"""The local dispatcher: bounded concurrency, de-duplication, start-up sweep."""

from __future__ import annotations

import asyncio
import uuid

from resumeiq.worker.dispatch import LocalDispatcher


async def test_runs_jobs_with_bounded_concurrency_once_each():
    running, peak, done = 0, 0, []

    async def handler(job_id):
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        await asyncio.sleep(0.01)
        running -= 1
        done.append(job_id)

    async def nothing_due():
        return []

    dispatcher = LocalDispatcher(handler=handler, find_due=nothing_due, concurrency=3, sweep_interval=60)
    await dispatcher.start()
    ids = [uuid.uuid4() for _ in range(20)]
    for job_id in ids + ids[:5]:  # duplicates while queued are dropped
        dispatcher.submit(job_id)
    for _ in range(200):
        if len(done) == 20 and dispatcher.busy == 0:
            break
        await asyncio.sleep(0.01)
    await dispatcher.stop()
    assert sorted(done) == sorted(ids)
    assert peak == 3


async def test_startup_sweep_picks_up_due_jobs_and_survives_errors():
    due = [uuid.uuid4(), uuid.uuid4()]
    calls, seen = 0, []

    async def find_due():
        nonlocal calls
        calls += 1
        if calls == 1:
            return due
        raise RuntimeError("database down")

    async def handler(job_id):
        seen.append(job_id)
        if job_id == due[0]:
            raise ValueError("bug in a job")

    dispatcher = LocalDispatcher(handler=handler, find_due=find_due, concurrency=1, sweep_interval=0.01)
    await dispatcher.start()
    await asyncio.wait_for(dispatcher.swept.wait(), 2)
    for _ in range(100):
        if len(seen) == 2 and calls > 2:
            break
        await asyncio.sleep(0.01)
    await dispatcher.stop()
    assert seen == due  # the failing job did not stop the worker
    assert calls > 2  # the sweeper kept going after an error


async def test_a_job_that_ignores_its_cancellation_does_not_hold_the_shutdown(monkeypatch):
    import asyncio as aio

    from resumeiq.worker import dispatch

    monkeypatch.setattr(dispatch, "_STOP_SECONDS", 0.2)
    started, let_go = aio.Event(), aio.Event()

    async def stubborn(job_id):
        started.set()
        while not let_go.is_set():  # a release stuck in a driver: the cancellation does not end it
            try:
                await aio.sleep(3600)
            except aio.CancelledError:
                continue

    async def nothing_due():
        return []

    d = dispatch.LocalDispatcher(handler=stubborn, find_due=nothing_due, concurrency=1, sweep_interval=60)
    await d.start()
    d.submit(uuid.uuid4())
    await aio.wait_for(started.wait(), 5)
    tasks = list(d._tasks)
    await aio.wait_for(d.stop(), 5)  # returns: the shutdown is bounded
    assert not all(t.done() for t in tasks)  # the stubborn job was still running
    let_go.set()
    while not all(t.done() for t in tasks):  # the job ends, then its worker loop is cancelled too
        for t in tasks:
            t.cancel()
        await aio.sleep(0.01)
