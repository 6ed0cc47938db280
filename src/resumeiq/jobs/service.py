"""Job use cases: create (from text or a file), list, get, update (re-parse), delete.

Parsing runs in the engine process pool and is cached by content: a posting whose normalised
text, given title and parser version were parsed before (by anyone: parsing is a pure function
of those) reuses the stored requirements instead of parsing again.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import uuid
from functools import lru_cache
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

import resumeiq.engine
from resumeiq.engine.match.jobs import normalise_job_text
from resumeiq.errors import InvalidInput, NotFound
from resumeiq.jobs.models import Job
from resumeiq.jobs.schemas import MAX_JOB_TEXT_CHARS
from resumeiq.pagination import Page, PageParams
from resumeiq.resumes.service import raise_engine_failure
from resumeiq.resumes.upload import ReceivedUpload
from resumeiq.storage import FileStorage
from resumeiq.users.models import User
from resumeiq.worker.engine_jobs import EngineFailure, ParsedJob
from resumeiq.worker.pool import EnginePool

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def parser_fingerprint() -> str:
    """SHA-256 over the engine's code and data files: cached requirements are reused only while
    the parser that produced them is unchanged."""
    root = Path(resumeiq.engine.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in {".py", ".json", ".gz"}):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def content_hash(normalised_text: str) -> str:
    return hashlib.sha256(normalised_text.encode("utf-8")).hexdigest()


async def _requirements_key(content: str, title: str | None) -> str:
    fingerprint = await asyncio.to_thread(parser_fingerprint)
    return hashlib.sha256(f"{fingerprint}\0{title or ''}\0{content}".encode()).hexdigest()


async def _cached(session: AsyncSession, key: str) -> dict | None:
    found = await session.scalar(select(Job.requirements).where(Job.requirements_key == key).limit(1))
    await session.commit()  # end the read: nothing is held while the engine works
    return found


async def _parse(
    *,
    session: AsyncSession,
    engine: EnginePool,
    text: str | None,
    upload: ReceivedUpload | None,
    title: str | None,
) -> tuple[ParsedJob, str, str]:
    """The parsed posting (normalised text and requirements), its content hash and its
    requirements key; from the cache when that key was parsed before."""
    if text is not None:
        text = normalise_job_text(text)
        content = content_hash(text)
        key = await _requirements_key(content, title)
        cached = await _cached(session, key)
        if cached is not None:
            return ParsedJob(text=text, requirements=cached), content, key
    outcome = await engine.parse_job(
        text=text,
        path=upload.path if upload else None,
        filename=upload.filename if upload else None,
        title=title,
    )
    if isinstance(outcome, EngineFailure):
        raise_engine_failure(outcome)
    assert isinstance(outcome, ParsedJob)
    if not outcome.text:
        raise InvalidInput("The job posting has no text.")
    if len(outcome.text) > MAX_JOB_TEXT_CHARS:
        raise InvalidInput(f"The job posting is longer than {MAX_JOB_TEXT_CHARS} characters.")
    content = content_hash(outcome.text)
    return outcome, content, await _requirements_key(content, title)


def _title(given: str | None, requirements: dict) -> str | None:
    return (given or "").strip() or requirements.get("title")


async def create_job(
    *,
    session: AsyncSession,
    engine: EnginePool,
    user: User,
    text: str | None = None,
    upload: ReceivedUpload | None = None,
    title: str | None = None,
    company: str | None = None,
) -> Job:
    """Parse a posting (``text``, or an uploaded file) and store it with its requirements."""
    owner = user.id
    title = (title or "").strip() or None
    try:
        parsed, content, key = await _parse(
            session=session, engine=engine, text=text, upload=upload, title=title
        )
    finally:
        if upload is not None:
            upload.path.unlink(missing_ok=True)
    job = Job(
        owner_user_id=owner,
        title=_title(title, parsed.requirements),
        title_given=title,
        company=(company or "").strip() or parsed.requirements.get("company"),
        description=parsed.text,
        source_filename=upload.filename if upload else None,
        source_format=parsed.format if upload else None,
        content_hash=content,
        requirements_key=key,
        requirements=parsed.requirements,
    )
    session.add(job)
    await session.commit()
    return job


async def get_owned_job(*, session: AsyncSession, user: User, job_id: uuid.UUID) -> Job:
    job = await session.get(Job, job_id)
    if job is None or job.owner_user_id != user.id:
        raise NotFound.of("Job", job_id)
    return job


async def list_jobs(*, session: AsyncSession, user: User, page: PageParams) -> Page[Job]:
    """The user's jobs, newest first."""
    where = Job.owner_user_id == user.id
    total = await session.scalar(select(func.count()).select_from(Job).where(where))
    rows = await session.scalars(
        select(Job).where(where).order_by(Job.created_at.desc(), Job.id).limit(page.limit).offset(page.offset)
    )
    items = list(rows)
    await session.commit()
    return Page(items=items, total=total or 0, limit=page.limit, offset=page.offset)


async def update_job(
    *, session: AsyncSession, engine: EnginePool, user: User, job_id: uuid.UUID, changes: dict
) -> Job:
    """Apply ``changes`` (text, title, company); a new text or title re-parses the posting."""
    job = await get_owned_job(session=session, user=user, job_id=job_id)
    text, title_given = job.description, job.title_given
    if "company" in changes:
        job.company = (changes["company"] or "").strip() or None
    reparse = False
    if "text" in changes and changes["text"] is not None and changes["text"] != text:
        text, reparse = changes["text"], True
    if "title" in changes:
        new_title = (changes["title"] or "").strip() or None
        reparse = reparse or new_title != title_given
        title_given = new_title
    if reparse:
        await session.commit()  # hold nothing while the engine works
        parsed, content, key = await _parse(
            session=session, engine=engine, text=text, upload=None, title=title_given
        )
        # Read it again: it may have been changed or deleted while the engine worked.
        job = await session.get(Job, job_id, populate_existing=True)
        if job is None or job.owner_user_id != user.id:
            raise NotFound.of("Job", job_id)
        job.description = parsed.text
        job.title_given = title_given
        job.title = _title(title_given, parsed.requirements)
        job.content_hash = content
        job.requirements_key = key
        job.requirements = parsed.requirements
    await session.commit()
    await session.refresh(job)
    return job


async def delete_job(
    *, session: AsyncSession, storage: FileStorage, user: User, job_id: uuid.UUID
) -> None:
    """Delete a job; its matches and screenings go with it, and the files uploaded for those
    screenings that nothing else uses."""
    from resumeiq.resumes.service import file_in_use
    from resumeiq.screening.models import Screening, ScreeningItem  # built on jobs: imported late

    job = await get_owned_job(session=session, user=user, job_id=job_id)
    files = set(
        (
            await session.execute(
                select(ScreeningItem.sha256, ScreeningItem.storage_key)
                .join(Screening, Screening.id == ScreeningItem.screening_id)
                .where(Screening.job_id == job.id, ScreeningItem.storage_key.is_not(None))
            )
        ).all()
    )
    await session.delete(job)
    await session.commit()
    for sha256, key in files:
        async with storage.lock(sha256):
            if not await file_in_use(session=session, sha256=sha256):
                await storage.delete(key)
