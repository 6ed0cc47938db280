"""FastAPI dependencies that count a request against the current user's limit."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Request

from resumeiq.ratelimit.limiter import LimitKind, RateLimiter
from resumeiq.users.dependencies import CurrentUser


def rate_limit(kind: LimitKind) -> Callable[[Request, CurrentUser], Awaitable[None]]:
    async def dependency(request: Request, user: CurrentUser) -> None:
        limiter: RateLimiter = request.app.state.rate_limiter
        await limiter.hit(kind, str(user.id))

    return dependency
