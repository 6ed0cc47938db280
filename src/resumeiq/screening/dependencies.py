"""FastAPI dependencies for screenings."""

# Async on purpose: FastAPI runs sync dependencies in a thread pool.

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from resumeiq.worker.dispatch import Dispatcher


async def get_screening_dispatcher(request: Request) -> Dispatcher:
    return request.app.state.screening_dispatcher


ScreeningDispatcherDep = Annotated[Dispatcher, Depends(get_screening_dispatcher)]
