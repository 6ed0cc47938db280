"""Fair shares of the engine pool, so that one user cannot starve another.

Every engine call names its share (``engine_share``: the user of the request, set when the
request is authenticated, with the app's rate limiter; ``background`` for the job workers) and
its lane:

- ``light``: one document's work (an upload's parse, a review, a screening item, a match);
- ``heavy``: work whose size the caller chooses (top matches over up to 200 jobs, a comparison,
  a job posting's parse): at most ``heavy_slots`` of these run at once (the pool's size less
  one), so a light call always finds a process soon; at most one per share runs at a time, and
  a share may have ``heavy_queue`` more waiting (beyond that: 429), and each heavy call of a
  user counts against the ``expensive`` rate limit (``RESUMEIQ_RATE_LIMIT_EXPENSIVE``).

When a process frees, the next call is a light one if any waits, else a heavy one; within a
lane the shares take turns (round robin), each share's calls in their order. A share alone uses
the whole pool (the lanes' caps aside).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter, OrderedDict, deque
from collections.abc import AsyncIterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Literal

from resumeiq.errors import RateLimited
from resumeiq.ratelimit.limiter import LimitKind, RateLimiter

Lane = Literal["light", "heavy"]


@dataclass(frozen=True, slots=True)
class Share:
    key: str  # a user id, or "background"
    limiter: RateLimiter | None = None  # counts the user's heavy calls (LimitKind.EXPENSIVE)


BACKGROUND = Share("background")

engine_share: ContextVar[Share] = ContextVar("resumeiq_engine_share", default=BACKGROUND)


def set_engine_share(user_id: object, limiter: RateLimiter | None) -> None:
    """The engine calls of the current request belong to this user."""
    engine_share.set(Share(str(user_id), limiter))


class FairShares:
    def __init__(self, slots: int, *, heavy_queue: int = 4) -> None:
        self.slots = slots
        self.heavy_slots = max(1, slots - 1)
        self.heavy_queue = heavy_queue
        self._running = 0
        self._heavy_running: Counter[str] = Counter()
        self._waiting: dict[Lane, OrderedDict[str, deque[asyncio.Future[None]]]] = {
            "light": OrderedDict(),
            "heavy": OrderedDict(),
        }

    @property
    def waiting(self) -> int:
        return sum(len(q) for lane in self._waiting.values() for q in lane.values())

    @contextlib.asynccontextmanager
    async def slot(self, lane: Lane, share: str | None = None) -> AsyncIterator[None]:
        """Hold one engine process for the body, once it is this call's turn."""
        if share is None:
            current = engine_share.get()
            share = current.key
            if lane == "heavy" and current.limiter is not None:
                await current.limiter.hit(LimitKind.EXPENSIVE, share)
        await self._acquire(lane, share)
        try:
            yield
        finally:
            self._running -= 1
            if lane == "heavy":
                self._heavy_running[share] -= 1
                if self._heavy_running[share] <= 0:
                    del self._heavy_running[share]
            self._dispatch()

    def _can_run(self, lane: Lane, share: str) -> bool:
        if self._running >= self.slots:
            return False
        if lane == "heavy":
            return sum(self._heavy_running.values()) < self.heavy_slots and not self._heavy_running[share]
        return True

    async def _acquire(self, lane: Lane, share: str) -> None:
        queue = self._waiting[lane]
        if not queue and self._can_run(lane, share) and not (lane == "heavy" and self._waiting["light"]):
            self._grant(lane, share)
            return
        mine = queue.get(share)
        if lane == "heavy" and mine is not None and len(mine) >= self.heavy_queue:
            raise RateLimited(
                "Too many expensive requests of yours are waiting for the engine; retry when they finish.",
                retry_after=2,
            )
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        queue.setdefault(share, deque()).append(future)
        try:
            await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self._release_granted(lane, share)  # granted just as we were cancelled
            else:
                self._forget(lane, share, future)
            raise

    def _grant(self, lane: Lane, share: str) -> None:
        self._running += 1
        if lane == "heavy":
            self._heavy_running[share] += 1

    def _release_granted(self, lane: Lane, share: str) -> None:
        self._running -= 1
        if lane == "heavy":
            self._heavy_running[share] -= 1
            if self._heavy_running[share] <= 0:
                del self._heavy_running[share]
        self._dispatch()

    def _forget(self, lane: Lane, share: str, future: asyncio.Future[None]) -> None:
        queue = self._waiting[lane].get(share)
        if queue is not None:
            with contextlib.suppress(ValueError):
                queue.remove(future)
            if not queue:
                del self._waiting[lane][share]

    def _dispatch(self) -> None:
        """Start waiting calls while processes are free: light first, shares in turn."""
        for lane in ("light", "heavy"):
            queue = self._waiting[lane]
            progressed = True
            while queue and progressed and self._running < self.slots:
                progressed = False
                for share in list(queue):
                    if not self._can_run(lane, share):
                        continue
                    futures = queue.pop(share)  # the share goes to the back of the turn order
                    future = futures.popleft()
                    if futures:
                        queue[share] = futures
                    self._grant(lane, share)
                    future.set_result(None)
                    progressed = True
                    break
