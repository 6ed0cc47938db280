"""/api/v1/candidates/{candidate_id}: one person's page, changes, deletion. (Creating and
listing candidates: ``resumes.router``.)"""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from resumeiq.apidoc import problems
from resumeiq.candidates import service
from resumeiq.candidates.schemas import CandidateDetail, CandidatePatch
from resumeiq.db import SessionDep
from resumeiq.resumes.dependencies import StorageDep
from resumeiq.resumes.schemas import CandidateOut
from resumeiq.users.dependencies import CurrentUser

router = APIRouter(tags=["candidates"])


@router.get("/candidates/{candidate_id}", response_model=CandidateDetail, responses=problems(401, 404, 422))
async def get_candidate(candidate_id: uuid.UUID, session: SessionDep, user: CurrentUser) -> CandidateDetail:
    """The person, their resume versions, the screenings they were in and their job matches."""
    return await service.candidate_detail(session=session, user=user, candidate_id=candidate_id)


@router.patch(
    "/candidates/{candidate_id}", response_model=CandidateOut, responses=problems(401, 404, 409, 422)
)
async def update_candidate(
    candidate_id: uuid.UUID, body: CandidatePatch, session: SessionDep, user: CurrentUser
) -> CandidateOut:
    """Correct a candidate's name, e-mail, phone or location (what later uploads are matched on)."""
    candidate = await service.update_candidate(
        session=session, user=user, candidate_id=candidate_id, patch=body
    )
    return CandidateOut.of(candidate)


@router.delete("/candidates/{candidate_id}", status_code=204, responses=problems(401, 404, 422))
async def delete_candidate(
    candidate_id: uuid.UUID, session: SessionDep, user: CurrentUser, storage: StorageDep
) -> Response:
    """Delete the candidate with their resumes, reviews, matches, screening items, e-mails and files."""
    await service.delete_candidate(session=session, storage=storage, user=user, candidate_id=candidate_id)
    return Response(status_code=204)
