"""FastAPI dependencies for the review workflow."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from resumeiq.worker.dispatch import LocalDispatcher


def get_dispatcher(request: Request) -> LocalDispatcher:
    return request.app.state.dispatcher


DispatcherDep = Annotated[LocalDispatcher, Depends(get_dispatcher)]
