"""Offset pagination shared by every list endpoint: ``?limit=&offset=`` in, ``Page`` out.

Both are bounded here, for every list: a value a database integer cannot hold (``2**63``), a
negative one or one that is not an integer is a 422 ``validation_error`` before any query runs.
"""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel

T = TypeVar("T")

MAX_LIMIT = 100
# Far past any real list (a user's resumes, jobs or a screening's e-mails), and far inside what
# LIMIT/OFFSET take on SQLite and PostgreSQL (64-bit signed).
MAX_OFFSET = 1_000_000


class PageParams(BaseModel):
    limit: int = 20
    offset: int = 0


async def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip")] = 0,
) -> PageParams:
    return PageParams(limit=limit, offset=offset)


PageDep = Annotated[PageParams, Depends(page_params)]


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int
