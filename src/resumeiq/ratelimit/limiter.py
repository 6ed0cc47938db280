"""Rate limits with the ``limits`` library, per user or per client address.

Per user, sized for a working day: ``upload`` (a moving window, default 300 per hour),
``analysis`` (default 60 per hour, with a burst limit of 10 per minute; with ``block_seconds``
set, going over blocks the user that long), ``screening_files`` (files and resumes screened,
default 3,000 per day: a screening counts its items). Each can be set per role
(``RESUMEIQ_RATE_LIMITS_BY_ROLE``). The API checks a request before the work and counts it only
once it succeeded (``check`` then ``count``): a request refused for bad input, or by the limiter
itself, costs nothing. (Requests running at the same moment can pass one check together: the
limit may be overshot by the requests in flight.)
Against password guessing and mass sign-up (OWASP Authentication Cheat Sheet, "Login
Throttling"): ``login_account`` (login attempts per account, keyed by the e-mail given, whether
an account has it or not; a successful login clears it), ``login_ip`` (login attempts per client
address) and ``register_ip`` (registrations per client address), each a moving window.
``expensive``: engine work whose size the caller chooses (top matches, comparisons, job
postings), per user, counted by the engine pool's fair shares (``worker.fairshare``).
The block is itself a ``limits`` item (1 hit per ``block_seconds`` in a fixed window that starts
at the offending request), so it lives in the same storage and is shared by every API process
when the storage is Redis.

The limiter stores and names a digest of each identity, never the identity itself: an e-mail
address or a client address stays out of Redis keys and out of anything a storage error logs.

If the storage fails (Redis down), requests are let through and the failure is logged: a broken
limiter must not take the whole API down.
"""

from __future__ import annotations

import asyncio
import bisect
import hashlib
import logging
import math
import time
from enum import StrEnum

from limits import RateLimitItem, RateLimitItemPerSecond, parse
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import FixedWindowRateLimiter, MovingWindowRateLimiter
from limits.errors import StorageError

from resumeiq.config import Settings
from resumeiq.errors import RateLimited

log = logging.getLogger(__name__)


class LimitKind(StrEnum):
    UPLOAD = "upload"
    ANALYSIS = "analysis"
    SCREENING_FILES = "screening-files"
    LOGIN_ACCOUNT = "login-account"
    LOGIN_IP = "login-ip"
    REGISTER_IP = "register-ip"
    EXPENSIVE = "expensive"


# What a refusal says is over its limit.
_COUNTED = {
    LimitKind.UPLOAD: "upload requests",
    LimitKind.ANALYSIS: "analysis requests",
    LimitKind.SCREENING_FILES: "screened resumes",
    LimitKind.LOGIN_ACCOUNT: "login attempts for this account",
    LimitKind.LOGIN_IP: "login attempts from your address",
    LimitKind.REGISTER_IP: "registrations from your address",
    LimitKind.EXPENSIVE: "expensive requests (top matches, comparisons, job postings)",
}


class SweptMemoryStorage(MemoryStorage):
    """``limits``' memory storage, its clean-up of expired entries run at most once a second and
    on the event loop. The library's starts a pass over every key after each hit whose previous
    pass ended, each key's cut-off computed in a thread of its own: a sixth of the API's CPU
    under load. The counts never depend on the pass (reads skip expired entries themselves); it
    only frees memory."""

    SWEEP_SECONDS = 1.0
    _next_sweep = 0.0

    async def _MemoryStorage__schedule_expiry(self) -> None:  # the base class's private hook
        now = time.time()  # (the tests' fake clock moves this one)
        if now >= self._next_sweep and (self.timer is None or self.timer.done()):
            self._next_sweep = now + self.SWEEP_SECONDS
            self.timer = asyncio.create_task(self._sweep())

    async def _sweep(self) -> None:
        now = time.time()
        for key in list(self.events):
            events = self.events.get(key)
            if events:  # newest first: keep those not expired yet
                del events[bisect.bisect_left(events, -now, key=lambda event: -event.expiry) :]
            if not self.events.get(key):
                self.events.pop(key, None)
                self.locks.pop(key, None)
        for key in [k for k, at in self.expirations.items() if at <= now]:
            self.storage.pop(key, None)
            self.expirations.pop(key, None)
            self.locks.pop(key, None)


def storage_for(redis_url: str | None, *, key_prefix: str) -> Storage:
    """Memory storage, or Redis (through redis-py's asyncio client) when a URL is given."""
    if not redis_url:
        return SweptMemoryStorage()
    uri = redis_url if redis_url.startswith("async+") else f"async+{redis_url}"
    return RedisStorage(uri, implementation="redispy", key_prefix=key_prefix, wrap_exceptions=True)


class RateLimiter:
    def __init__(
        self,
        storage: Storage,
        *,
        upload: RateLimitItem,
        analysis: RateLimitItem,
        analysis_block_seconds: int,
        login_account: RateLimitItem | None = None,
        login_ip: RateLimitItem | None = None,
        register_ip: RateLimitItem | None = None,
        expensive: RateLimitItem | None = None,
        analysis_burst: RateLimitItem | None = None,
        screening_files: RateLimitItem | None = None,
        by_role: dict[str, dict[LimitKind, list[RateLimitItem]]] | None = None,
    ) -> None:
        """A kind given no item (``None``) is not limited. ``by_role``: the items of a kind for a
        role, instead of the default ones."""
        self.storage = storage
        self._moving = MovingWindowRateLimiter(storage)
        self._fixed = FixedWindowRateLimiter(storage)
        items = {
            LimitKind.UPLOAD: [upload],
            LimitKind.ANALYSIS: [analysis, analysis_burst],
            LimitKind.SCREENING_FILES: [screening_files],
            LimitKind.LOGIN_ACCOUNT: [login_account],
            LimitKind.LOGIN_IP: [login_ip],
            LimitKind.REGISTER_IP: [register_ip],
            LimitKind.EXPENSIVE: [expensive],
        }
        self._items = {kind: [i for i in its if i is not None] for kind, its in items.items()}
        self._items = {kind: its for kind, its in self._items.items() if its}
        self._by_role = by_role or {}
        self._blocks: dict[LimitKind, RateLimitItem] = {}
        if analysis_block_seconds > 0:
            self._blocks[LimitKind.ANALYSIS] = RateLimitItemPerSecond(1, analysis_block_seconds)

    @classmethod
    def from_settings(cls, settings: Settings) -> RateLimiter:
        by_role = {
            role: {LimitKind(kind): [parse(r) for r in rates.split(";")] for kind, rates in kinds.items()}
            for role, kinds in settings.rate_limits_by_role.items()
        }
        return cls(
            storage_for(settings.redis_url, key_prefix=settings.rate_limit_key_prefix),
            upload=parse(settings.rate_limit_upload),
            analysis=parse(settings.rate_limit_analysis),
            analysis_burst=parse(settings.rate_limit_analysis_burst)
            if settings.rate_limit_analysis_burst
            else None,
            analysis_block_seconds=settings.rate_limit_analysis_block_seconds,
            screening_files=parse(settings.rate_limit_screening_files),
            login_account=parse(settings.rate_limit_login_account),
            login_ip=parse(settings.rate_limit_login_ip),
            register_ip=parse(settings.rate_limit_register_ip),
            expensive=parse(settings.rate_limit_expensive),
            by_role=by_role,
        )

    def items_for(self, kind: LimitKind, role: str | None = None) -> list[RateLimitItem]:
        """The limits a request of ``kind`` is held to (the role's own, if it has some)."""
        role_items = self._by_role.get(role or "", {})
        return role_items.get(kind, self._items.get(kind, []))

    async def hit(self, kind: LimitKind, user_id: str, *, role: str | None = None, cost: int = 1) -> None:
        """Check and count one request of ``kind`` for ``user_id`` (a user id, an e-mail address
        or a client address, as the kind counts). Raises ``RateLimited`` with the seconds until a
        request of this kind would be accepted again; a refused request is not counted."""
        await self._guarded(kind, user_id, role, cost, record=True)

    async def check(self, kind: LimitKind, user_id: str, *, role: str | None = None, cost: int = 1) -> None:
        """Raise ``RateLimited`` if a request of ``kind`` (costing ``cost``) would be refused;
        counts nothing (``count`` does, once the request succeeded)."""
        await self._guarded(kind, user_id, role, cost, record=False)

    async def count(self, kind: LimitKind, user_id: str, *, role: str | None = None, cost: int = 1) -> None:
        """Count a request of ``kind`` that succeeded (never refuses)."""
        items = self.items_for(kind, role)
        if not items or cost <= 0:
            return
        try:
            key = _digest(user_id)
            for item in items:
                await self._moving.hit(item, kind.value, key, cost=min(cost, item.amount))
        except StorageError as exc:
            log.error("rate limit storage failed (%s); the request is not counted", exc)

    async def _guarded(
        self, kind: LimitKind, user_id: str, role: str | None, cost: int, *, record: bool
    ) -> None:
        items = self.items_for(kind, role)
        if not items:
            return
        try:
            await self._hit(
                kind, _digest(user_id), items, min(cost, min(i.amount for i in items)), record=record
            )
        except StorageError as exc:
            log.error("rate limit storage failed (%s); letting the request through", exc)

    async def clear(self, kind: LimitKind, user_id: str) -> None:
        """Forget the requests of ``kind`` counted for ``user_id``."""
        items = self._items.get(kind)
        if not items:
            return
        try:
            for item in items:
                await self._moving.clear(item, kind.value, _digest(user_id))
        except StorageError as exc:
            log.error("rate limit storage failed (%s); the count stays", exc)

    async def _hit(
        self, kind: LimitKind, user_id: str, items: list[RateLimitItem], cost: int, *, record: bool
    ) -> None:
        counted = _COUNTED[kind]
        block = self._blocks.get(kind)
        if block is not None and not await self._fixed.test(block, f"{kind}-block", user_id):
            reset = (await self._fixed.get_window_stats(block, f"{kind}-block", user_id)).reset_time
            raise RateLimited(
                f"Too many {counted}; you are blocked for a while.", retry_after=_seconds_until(reset)
            )
        for item in items:
            if await self._moving.test(item, kind.value, user_id, cost=cost):
                continue
            if block is not None:
                await self._fixed.hit(block, f"{kind}-block", user_id)
                raise RateLimited(
                    f"Too many {counted} (limit {item}); blocked for {block.get_expiry()} seconds.",
                    retry_after=block.get_expiry(),
                )
            reset = (await self._moving.get_window_stats(item, kind.value, user_id)).reset_time
            raise RateLimited(f"Too many {counted} (limit {item}).", retry_after=_seconds_until(reset))
        if record:
            for item in items:
                # ``test`` and ``hit`` can disagree at the window's very edge, or when another
                # request took the last room meanwhile: the hit decides.
                if not await self._moving.hit(item, kind.value, user_id, cost=cost):
                    reset = (await self._moving.get_window_stats(item, kind.value, user_id)).reset_time
                    raise RateLimited(
                        f"Too many {counted} (limit {item}).", retry_after=_seconds_until(reset)
                    )

    async def reset(self) -> None:
        await self.storage.reset()


def _digest(identity: str) -> str:
    """What the storage keys on instead of ``identity`` (an e-mail or client address is personal data)."""
    return hashlib.blake2b(identity.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _seconds_until(timestamp: float) -> int:
    return max(1, math.ceil(timestamp - time.time()))
