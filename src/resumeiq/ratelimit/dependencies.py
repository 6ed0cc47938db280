"""FastAPI dependencies: the limiter, the client's address, and counting a request against the
current user's limit."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request

from resumeiq.ratelimit.limiter import LimitKind, RateLimiter
from resumeiq.users.dependencies import CurrentUser


async def get_limiter(request: Request) -> RateLimiter:
    return request.app.state.rate_limiter


LimiterDep = Annotated[RateLimiter, Depends(get_limiter)]


def client_address(request: Request) -> str:
    """The client's IP address as the server saw it (behind a proxy, the proxy's, unless the
    server is told to trust its forwarding headers: uvicorn ``--forwarded-allow-ips``)."""
    return request.client.host if request.client else "unknown"


def rate_limit(kind: LimitKind) -> Callable[[Request, CurrentUser], Awaitable[None]]:
    async def dependency(request: Request, user: CurrentUser) -> None:
        limiter: RateLimiter = request.app.state.rate_limiter
        await limiter.hit(kind, str(user.id))

    return dependency
