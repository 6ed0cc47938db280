"""A clock the test moves by hand, for the rate limits: the ``limits`` memory storage and the
limiter read ``time.time()`` from their modules, and the ``clock`` fixture swaps both for it, so
that windows and blocks are checked to the second without sleeping. (A plugin of the root
conftest: every test can ask for ``clock``.)"""

from __future__ import annotations

import pytest


class FakeClock:
    """Stands in for the ``time`` module where ``time.time()`` is read."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start

    def time(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch) -> FakeClock:
    import limits.aio.storage.memory

    import resumeiq.ratelimit.limiter

    fake = FakeClock()
    monkeypatch.setattr(limits.aio.storage.memory, "time", fake)
    monkeypatch.setattr(resumeiq.ratelimit.limiter, "time", fake)
    return fake
