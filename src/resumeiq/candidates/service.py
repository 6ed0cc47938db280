"""Candidate use cases: the page of one (versions, screenings, matches), change, delete.

Creating and listing live with the resumes (``resumes.service``), which find a recruiter's
candidates by identity on upload (``candidates.identity``).
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from resumeiq.analysis.models import ReviewRequest, ReviewResult, ReviewType
from resumeiq.candidates.identity import Identity, email_key, phone_key, text_key
from resumeiq.candidates.schemas import CandidateDetail, CandidateMatch, CandidatePatch, CandidateScreening
from resumeiq.errors import Conflict, InvalidInput
from resumeiq.jobs.models import Job
from resumeiq.resumes.models import Candidate, Resume
from resumeiq.resumes.schemas import CandidateOut, ResumeOut
from resumeiq.resumes.service import file_in_use, get_owned_candidate
from resumeiq.screening.models import Screening, ScreeningItem
from resumeiq.storage import FileStorage
from resumeiq.users.models import User

_DETAIL_ROWS = 200  # of each list on the page


async def candidate_detail(*, session: AsyncSession, user: User, candidate_id: uuid.UUID) -> CandidateDetail:
    candidate = await get_owned_candidate(session=session, user=user, candidate_id=candidate_id)
    versions = list(
        await session.scalars(
            select(Resume)
            .where(Resume.candidate_id == candidate.id)
            .order_by(Resume.version_number.desc())
            .limit(_DETAIL_ROWS)
        )
    )
    screenings = [
        CandidateScreening(
            screening_id=sid,
            job_id=job_id,
            job_title=title,
            item_id=item_id,
            resume_id=resume_id,
            status=status,
            score=score,
            category=category,
            created_at=created,
        )  # fmt: skip
        for sid, job_id, title, item_id, resume_id, status, score, category, created in await session.execute(
            select(
                Screening.id,
                Screening.job_id,
                Job.title,
                ScreeningItem.id,
                ScreeningItem.resume_id,
                ScreeningItem.status,
                ScreeningItem.score,
                ScreeningItem.category,
                Screening.created_at,
            )  # fmt: skip
            .join(Screening, Screening.id == ScreeningItem.screening_id)
            .join(Job, Job.id == Screening.job_id)
            .where(ScreeningItem.candidate_id == candidate.id, Screening.owner_user_id == user.id)
            .order_by(Screening.created_at.desc(), ScreeningItem.position)
            .limit(_DETAIL_ROWS)
        )
    ]
    matches = [
        CandidateMatch(
            match_id=rid,
            resume_id=resume_id,
            job_id=job_id,
            status=status,
            score=score,
            category=category,
            requested_at=requested,
        )  # fmt: skip
        for rid, resume_id, job_id, status, score, category, requested in await session.execute(
            select(
                ReviewRequest.id,
                ReviewRequest.resume_id,
                ReviewRequest.job_id,
                ReviewRequest.status,
                ReviewResult.match_score,
                ReviewResult.category,
                ReviewRequest.requested_at,
            )  # fmt: skip
            .join(Resume, Resume.id == ReviewRequest.resume_id)
            .outerjoin(ReviewResult, ReviewResult.review_request_id == ReviewRequest.id)
            .where(Resume.candidate_id == candidate.id, ReviewRequest.review_type == ReviewType.JOB_MATCH)
            .order_by(ReviewRequest.requested_at.desc())
            .limit(_DETAIL_ROWS)
        )
    ]
    out = CandidateDetail(
        **CandidateOut.of(candidate).model_dump(),
        versions=[ResumeOut.of(r) for r in versions],
        screenings=screenings,
        matches=matches,
    )
    await session.commit()
    return out


async def update_candidate(
    *, session: AsyncSession, user: User, candidate_id: uuid.UUID, patch: CandidatePatch
) -> Candidate:
    """Change the fields given. The identity keys follow; taking another candidate's e-mail or
    phone is a ``Conflict`` (merge them by deleting one instead)."""
    candidate = await get_owned_candidate(session=session, user=user, candidate_id=candidate_id)
    values: dict[str, Any] = patch.model_dump(include=patch.model_fields_set)
    if "email" in values and values["email"] is not None and email_key(values["email"]) is None:
        await session.rollback()
        raise InvalidInput("email: not an e-mail address.")
    for field, value in values.items():
        setattr(candidate, field, (value or "").strip() or None)
    candidate.email_key = email_key(candidate.email)
    candidate.phone_key = phone_key(candidate.phone)
    candidate.name_key = text_key(candidate.name)
    candidate.location_key = text_key(candidate.location)
    if not candidate.is_self:
        person = Identity(candidate.name, candidate.email, candidate.phone, candidate.location)
        clash = None
        for column, key in (
            (Candidate.email_key, candidate.email_key),
            (Candidate.phone_key, candidate.phone_key),
        ):
            if key and clash is None:
                clash = await session.scalar(
                    select(Candidate.id).where(
                        Candidate.owner_user_id == user.id, Candidate.id != candidate.id, column == key
                    )
                )
        if clash is not None:
            await session.rollback()
            raise Conflict(f"Candidate {clash} has this e-mail or phone already.", candidate_id=str(clash))
        candidate.identity_key = person.identity_key
    try:
        await session.commit()
    except IntegrityError as exc:
        await session.rollback()
        raise Conflict("Another candidate of yours is this person already.") from exc
    return candidate


async def delete_candidate(
    *, session: AsyncSession, storage: FileStorage, user: User, candidate_id: uuid.UUID
) -> None:
    """Delete a candidate and all of theirs: resume versions (with their reviews, matches and
    tailorings), their items in screenings (and the e-mails to them; each screening's total
    shrinks by their items), and the stored files no other row uses."""
    candidate = await get_owned_candidate(session=session, user=user, candidate_id=candidate_id)
    files = set(
        (
            await session.execute(
                select(Resume.sha256, Resume.storage_key).where(Resume.candidate_id == candidate.id)
            )
        ).all()
    )
    items = (
        await session.execute(
            select(ScreeningItem.screening_id, ScreeningItem.sha256, ScreeningItem.storage_key).where(
                ScreeningItem.candidate_id == candidate.id
            )
        )
    ).all()
    files |= {(sha, key) for _, sha, key in items if sha and key}
    per_screening: dict[uuid.UUID, int] = {}
    for screening_id, _, _ in items:
        per_screening[screening_id] = per_screening.get(screening_id, 0) + 1
    # Items that point at theirs as the original lose that link first (a foreign key with SET NULL
    # would do it on PostgreSQL; stated here so both databases do the same).
    their_items = select(ScreeningItem.id).where(ScreeningItem.candidate_id == candidate.id)
    await session.execute(
        update(ScreeningItem)
        .where(ScreeningItem.duplicate_of_id.in_(their_items))
        .values(duplicate_of_id=None)
        .execution_options(synchronize_session=False)
    )
    await session.execute(
        delete(ScreeningItem)
        .where(ScreeningItem.candidate_id == candidate.id)
        .execution_options(synchronize_session=False)
    )
    for screening_id, n in per_screening.items():
        await session.execute(
            update(Screening)
            .where(Screening.id == screening_id)
            .values(total=Screening.total - n)
            .execution_options(synchronize_session=False)
        )
    await session.delete(candidate)  # resumes cascade, and with them reviews and tailorings
    await session.commit()
    for sha256, key in files:
        async with storage.lock(sha256):
            if not await file_in_use(session=session, sha256=sha256):
                await storage.delete(key)
