"""/api/v1/stats."""

from __future__ import annotations

from fastapi import APIRouter

from resumeiq.apidoc import problems
from resumeiq.db import SessionDep
from resumeiq.stats import service
from resumeiq.stats.schemas import Stats
from resumeiq.users.dependencies import CurrentUser

router = APIRouter(tags=["stats"])


@router.get("/stats", response_model=Stats, responses=problems(401))
async def stats(session: SessionDep, user: CurrentUser) -> Stats:
    """Counts of your resumes, jobs, reviews and matches; score distributions; category totals."""
    return await service.user_stats(session=session, user=user)
