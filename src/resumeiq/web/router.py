"""Mount the pages and the static files on the app."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from resumeiq.web import (
    auth_pages,
    candidate_pages,
    job_pages,
    resume_pages,
    screening_pages,
    tailoring_pages,
)
from resumeiq.web.pages import HERE


def install_web(app: FastAPI) -> None:
    for module in (auth_pages, resume_pages, job_pages, screening_pages, candidate_pages, tailoring_pages):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
