"""``InlineEngine``: the engine pool's interface, run in the calling process.

For a process that already is a worker of its own (a Celery pool process): a second process hop
would only add pickling, and the isolation it buys (a crash or a hang kills a worker, not the
API) is already there. The timeout is kept: a call that runs longer than ``timeout`` seconds is
interrupted (SIGALRM, main thread only) and fails with ``ProcessingTimeout``, as in the pool.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from resumeiq.engine import ExtractLimits
from resumeiq.errors import ProcessingTimeout
from resumeiq.worker.pool import EnginePool

T = TypeVar("T")


class _Deadline(BaseException):
    """Raised by the alarm inside the engine call; a BaseException so that the engine's own
    ``except Exception`` (which turns bugs into typed failures) does not swallow it."""


class InlineEngine(EnginePool):
    def __init__(self, *, limits: ExtractLimits | None = None, timeout: float = 60.0) -> None:
        super().__init__(1, limits=limits, timeout=timeout)

    async def _run(self, fn: Callable[..., T], *args: Any, lane: str = "light") -> T:
        if threading.current_thread() is not threading.main_thread():
            return fn(*args)  # signals reach the main thread only; the caller's time limit applies

        armed = True

        def on_alarm(_signum: int, _frame: Any) -> None:
            if armed:  # never raise once the call is over (e.g. inside the ``finally`` below)
                raise _Deadline

        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, self.timeout)
        try:
            return fn(*args)
        except _Deadline:
            raise ProcessingTimeout(f"The file took longer than {self.timeout:.0f} s to process.") from None
        finally:
            armed = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    async def start(self) -> None:
        import resumeiq.engine  # noqa: F401

    def shutdown(self) -> None:
        pass
