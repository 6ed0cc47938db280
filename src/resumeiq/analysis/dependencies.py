"""FastAPI dependencies for the review workflow."""

# Dependencies are async on purpose: FastAPI runs sync ones in a thread pool, a thread hop per
# request each.

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from resumeiq.worker.dispatch import Dispatcher


async def get_dispatcher(request: Request) -> Dispatcher:
    return request.app.state.dispatcher


DispatcherDep = Annotated[Dispatcher, Depends(get_dispatcher)]
