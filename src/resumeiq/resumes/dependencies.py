"""FastAPI dependencies for the resumes domain: shared resources from the app state."""

# Dependencies are async on purpose: FastAPI runs sync ones in a thread pool, a thread hop per
# request each.

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from resumeiq.storage import FileStorage
from resumeiq.worker.pool import EnginePool


async def get_storage(request: Request) -> FileStorage:
    return request.app.state.storage


async def get_engine_pool(request: Request) -> EnginePool:
    return request.app.state.engine_pool


StorageDep = Annotated[FileStorage, Depends(get_storage)]
EnginePoolDep = Annotated[EnginePool, Depends(get_engine_pool)]
