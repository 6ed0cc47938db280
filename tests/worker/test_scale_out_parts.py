"""The parts of the scale-out mode that need no server: settings, the CLI's refusal, the Celery
app's delivery options, the API-side publisher and the in-process engine's timeout."""

from __future__ import annotations

import asyncio
import signal
import threading
import time
import uuid

import pytest
from typer.testing import CliRunner

from resumeiq.config import ConfigError, Settings
from resumeiq.errors import ProcessingTimeout
from resumeiq.worker.celery_dispatch import CeleryDispatcher
from resumeiq.worker.inline import InlineEngine


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    import os

    for name in list(os.environ):
        if name.startswith("RESUMEIQ_"):
            monkeypatch.delenv(name)


def test_celery_queue_needs_a_redis_url(tmp_path):
    with pytest.raises(ConfigError, match="RESUMEIQ_REDIS_URL"):
        Settings(data_dir=tmp_path, queue="celery")
    settings = Settings(data_dir=tmp_path, queue="CELERY", redis_url="redis://localhost:6379/0")
    assert settings.queue == "celery" and settings.celery_queue == "resumeiq"
    assert Settings(data_dir=tmp_path).queue == "local"


def test_worker_command_refuses_the_local_queue(tmp_path, monkeypatch):
    from resumeiq.cli import app

    monkeypatch.setenv("RESUMEIQ_DATA_DIR", str(tmp_path))
    result = CliRunner().invoke(app, ["worker"])
    assert result.exit_code == 2 and "RESUMEIQ_QUEUE=celery" in result.output
    monkeypatch.setenv("RESUMEIQ_QUEUE", "celery")
    result = CliRunner().invoke(app, ["worker"])
    assert result.exit_code == 2 and "RESUMEIQ_REDIS_URL" in result.output


def test_every_job_kind_is_a_celery_task_with_late_acks(tmp_path):
    from resumeiq.worker.celery_app import create_celery, task_name, worker_argv
    from resumeiq.worker.kinds import KIND_NAMES

    settings = Settings(data_dir=tmp_path, queue="celery", redis_url="redis://127.0.0.1:6379/0")
    app = create_celery(settings)
    assert {task_name(k) for k in KIND_NAMES} <= set(app.tasks)
    conf = app.conf
    assert conf.task_acks_late and conf.task_reject_on_worker_lost
    assert conf.worker_prefetch_multiplier == 1 and conf.task_ignore_result
    assert conf.task_default_queue == "resumeiq"
    assert "--concurrency=3" in worker_argv(settings, concurrency=3)


class FakeEnqueuer:
    """Records each publish and the thread it ran on; the first one may fail."""

    def __init__(self, fail_first: bool = False) -> None:
        self.batches: list[list[uuid.UUID]] = []
        self.calls = 0
        self.threads: set[int] = set()
        self.fail_first = fail_first

    def enqueue(self, kind: str, ids: list[uuid.UUID]) -> int:
        assert kind == "screening_item"
        self.calls += 1
        self.threads.add(threading.get_ident())
        if self.fail_first:
            self.fail_first = False
            raise ConnectionError("redis down")
        self.batches.append(list(ids))
        return len(ids)


async def wait_until(check, what: str, timeout: float = 10.0) -> None:
    """Let the event loop run until ``check()``; the timeout only keeps a broken build from hanging."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not check():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.005)


async def test_celery_dispatcher_publishes_in_batches_off_the_event_loop():
    fake = FakeEnqueuer()
    dispatcher = CeleryDispatcher(fake, "screening_item")  # type: ignore[arg-type]
    await dispatcher.start()
    ids = [uuid.uuid4() for _ in range(1200)]
    for job_id in ids:
        dispatcher.submit(job_id)
    assert fake.calls == 0  # submit only appends: nothing is published until the loop gets a turn
    await wait_until(lambda: sum(map(len, fake.batches)) == len(ids), "the publishes")
    await dispatcher.stop()
    assert [i for batch in fake.batches for i in batch] == ids
    assert [len(batch) for batch in fake.batches] == [500, 500, 200]
    # A publish blocks on Redis: it runs in a worker thread, never on the event loop's.
    assert fake.threads and threading.get_ident() not in fake.threads


async def test_a_failed_publish_is_logged_and_later_jobs_still_go_out(caplog):
    fake = FakeEnqueuer(fail_first=True)
    dispatcher = CeleryDispatcher(fake, "screening_item")  # type: ignore[arg-type]
    await dispatcher.start()
    lost = uuid.uuid4()
    dispatcher.submit(lost)
    logged = "could not queue 1 screening_item job(s) on Redis; the worker's sweep will queue them"
    await wait_until(lambda: logged in caplog.text, "the failed publish to be logged")
    later = uuid.uuid4()
    dispatcher.submit(later)
    await wait_until(lambda: fake.batches == [[later]], "the next publish")
    await dispatcher.stop()
    assert fake.batches == [[later]] and fake.calls == 2


async def test_stop_publishes_what_is_still_waiting():
    fake = FakeEnqueuer()
    dispatcher = CeleryDispatcher(fake, "screening_item")  # type: ignore[arg-type]
    await dispatcher.start()
    ids = [uuid.uuid4() for _ in range(3)]
    for job_id in ids:
        dispatcher.submit(job_id)
    await dispatcher.stop()  # before the publisher task had a turn
    assert [i for batch in fake.batches for i in batch] == ids


def _slow(seconds: float) -> str:
    time.sleep(seconds)
    return "done"


async def test_inline_engine_keeps_the_engine_timeout():
    """A call past the timeout is interrupted (it would otherwise return "done" after 5 s); after
    each call the alarm is disarmed and the previous SIGALRM handler is back."""
    engine = InlineEngine(timeout=0.2)
    before = signal.getsignal(signal.SIGALRM)
    assert await engine._run(_slow, 0.01) == "done"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before
    with pytest.raises(ProcessingTimeout):
        await engine._run(_slow, 5)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before
