"""FastAPI dependencies: the limiter, the client's address, and counting a request against the
current user's limit."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Annotated

from fastapi import Depends, Request

from resumeiq.ratelimit.limiter import LimitKind, RateLimiter
from resumeiq.users.dependencies import CurrentUser
from resumeiq.users.models import User


async def get_limiter(request: Request) -> RateLimiter:
    return request.app.state.rate_limiter


LimiterDep = Annotated[RateLimiter, Depends(get_limiter)]


async def check_limit(request: Request, kind: LimitKind, user: User, cost: int = 1) -> None:
    """For a web page's request: refuse it (``RateLimited``) if the user's (role's) limit of
    ``kind`` is used up; counts nothing: ``count_limit`` does once the work succeeded, so that a
    request refused for bad input costs nothing, as with the API's ``rate_limit``."""
    limiter: RateLimiter = request.app.state.rate_limiter
    await limiter.check(kind, str(user.id), role=user.role, cost=cost)


async def count_limit(request: Request, kind: LimitKind, user: User, cost: int = 1) -> None:
    limiter: RateLimiter = request.app.state.rate_limiter
    await limiter.count(kind, str(user.id), role=user.role, cost=cost)


def client_address(request: Request) -> str:
    """The client's IP address as the server saw it (behind a proxy, the proxy's, unless the
    server is told to trust its forwarding headers: uvicorn ``--forwarded-allow-ips``)."""
    return request.client.host if request.client else "unknown"


def rate_limit(kind: LimitKind) -> Callable[[Request, CurrentUser], AsyncIterator[None]]:
    """Hold the request to the user's (role's) limit of ``kind`` before it runs, and count it
    only if it succeeds: a request refused for bad input (422, 404, …), or by the limiter itself,
    costs nothing. (The code after ``yield`` does not run when the route raised.)"""

    async def dependency(request: Request, user: CurrentUser) -> AsyncIterator[None]:
        limiter: RateLimiter = request.app.state.rate_limiter
        await limiter.check(kind, str(user.id), role=user.role)
        yield
        await limiter.count(kind, str(user.id), role=user.role)

    return dependency
