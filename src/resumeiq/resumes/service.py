"""Resume use cases: upload (parse, store, version), list, get, master, delete.

Transactions are kept short and never span engine work or file I/O: on SQLite one connection
serves the whole process.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from sqlalchemy import Uuid, bindparam, exists, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from resumeiq.candidates.identity import (
    Identity,
    candidate_for,
    find_candidate,
    find_or_add_candidate,
    merge_skills,
    new_candidate,
    skill_key,
    skill_names,
)
from resumeiq.engine.errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    EngineError,
    NoTextLayer,
    TooLarge,
    UnsupportedFormat,
)
from resumeiq.errors import Conflict, NotFound, ResumeNotReady, UnprocessableFile
from resumeiq.pagination import Page, PageParams
from resumeiq.resumes.models import DEFAULT_TRACK, Candidate, ProcessingStatus, Resume
from resumeiq.resumes.upload import ReceivedUpload
from resumeiq.storage import FileStorage, StoredFileMissing
from resumeiq.users.models import User
from resumeiq.users.roles import is_recruiter, require_recruiter
from resumeiq.worker.engine_jobs import EngineFailure, ParsedFile
from resumeiq.worker.pool import EnginePool

log = logging.getLogger(__name__)

_INSERT_ATTEMPTS = 8
_ENGINE_ERRORS: dict[str, type[EngineError]] = {
    cls.code: cls for cls in (EmptyFile, CorruptFile, EncryptedFile, UnsupportedFormat, TooLarge, NoTextLayer)
}
_MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/plain; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
}


@dataclass(frozen=True, slots=True)
class Download:
    """A stored original to send: its local ``path``, or its ``content`` (from a bucket)."""

    path: str | None
    content: bytes | None
    filename: str
    media_type: str


# --------------------------------------------------------------------------- lookups


async def get_owned_candidate(*, session: AsyncSession, user: User, candidate_id: uuid.UUID) -> Candidate:
    candidate = await session.get(Candidate, candidate_id)
    if candidate is None or candidate.owner_user_id != user.id:
        raise NotFound.of("Candidate", candidate_id)
    return candidate


async def get_owned_resume(*, session: AsyncSession, user: User, resume_id: uuid.UUID) -> Resume:
    resume = await session.get(Resume, resume_id)
    if resume is None or resume.owner_user_id != user.id:
        raise NotFound.of("Resume", resume_id)
    return resume


async def get_ready_resume(
    *, session: AsyncSession, user: User, resume_id: uuid.UUID, purpose: str
) -> Resume:
    """The user's resume, parsed and ready for ``purpose`` ("review", "matching"); raises
    ``NotFound`` or ``ResumeNotReady``."""
    resume = await get_owned_resume(session=session, user=user, resume_id=resume_id)
    if resume.processing_status != ProcessingStatus.READY:
        raise ResumeNotReady(f"Resume {resume_id} is {resume.processing_status}, not ready for {purpose}.")
    return resume


# Built once: a statement's construction costs more CPU than SQLite's execution of it.
_RESUME_STATUS = select(Resume.processing_status).where(
    Resume.id == bindparam("resume_id"), Resume.owner_user_id == bindparam("owner_id", type_=Uuid())
)


async def get_ready_resume_id(
    *, session: AsyncSession, user: User, resume_id: uuid.UUID, purpose: str
) -> uuid.UUID:
    """``get_ready_resume`` reading one column instead of the whole row (its text and parsed
    JSON): for use cases that only refer to the resume."""
    status = await session.scalar(_RESUME_STATUS, {"resume_id": resume_id, "owner_id": user.id})
    if status is None:
        raise NotFound.of("Resume", resume_id)
    if status != ProcessingStatus.READY:
        raise ResumeNotReady(f"Resume {resume_id} is {status}, not ready for {purpose}.")
    return resume_id


# --------------------------------------------------------------------------- candidates


async def create_candidate(
    *,
    session: AsyncSession,
    user: User,
    name: str | None,
    email: str | None,
    phone: str | None = None,
    location: str | None = None,
) -> Candidate:
    """A person a recruiter will upload resumes of. Raises ``RoleRequired`` for a job seeker (who
    has their own candidate only) and ``Conflict`` if one of the user's candidates is already
    this person (by e-mail, else phone, else name and location)."""
    require_recruiter(user, action="add candidates")
    person = Identity(name=name, email=email, phone=phone, location=location)
    if await find_candidate(session=session, owner_id=user.id, person=person) is not None:
        await session.rollback()
        raise Conflict(
            "You have a candidate who is this person already (same e-mail, phone, or name and location)."
        )
    candidate = new_candidate(user.id, person)
    session.add(candidate)
    try:
        await session.commit()
    except IntegrityError as exc:
        await session.rollback()
        raise Conflict("You have a candidate who is this person already.") from exc
    return candidate


def _like(value: str) -> str:
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


async def list_candidates(
    *,
    session: AsyncSession,
    user: User,
    page: PageParams,
    query: str | None = None,
    skill: str | None = None,
) -> Page[Candidate]:
    """The user's candidates, newest first; ``query`` matches part of the name or e-mail (any
    case), ``skill`` a skill of their resumes (whole name or an alias of it, any case)."""
    where = [Candidate.owner_user_id == user.id]
    if query and query.strip():
        pattern = _like(query.strip())
        where.append(
            or_(
                func.lower(Candidate.name).like(pattern, escape="\\"),
                func.lower(Candidate.email).like(pattern, escape="\\"),
            )
        )
    if skill and skill.strip():
        names = {skill.strip().lower(), skill_key(skill)}  # as written, or by its canonical name
        where.append(or_(*(Candidate.skills.like(_like(f"|{n}|"), escape="\\") for n in sorted(names))))
    total = await session.scalar(select(func.count()).select_from(Candidate).where(*where))
    rows = await session.scalars(
        select(Candidate)
        .where(*where)
        .order_by(Candidate.created_at.desc(), Candidate.id)
        .limit(page.limit)
        .offset(page.offset)
    )
    return Page(items=list(rows), total=total or 0, limit=page.limit, offset=page.offset)


# --------------------------------------------------------------------------- upload


def raise_engine_failure(failure: EngineFailure) -> None:
    """Raise the engine error (or ``UnprocessableFile`` for a parser bug) that ``failure`` carries."""
    if failure.internal or failure.code not in _ENGINE_ERRORS:
        log.error("the engine failed on a file: %s", failure.message)
        raise UnprocessableFile("The file could not be processed (a parser error was logged).")
    raise _ENGINE_ERRORS[failure.code](failure.message)


async def upload_resume(
    *,
    session: AsyncSession,
    storage: FileStorage,
    engine: EnginePool,
    user: User,
    upload: ReceivedUpload,
    candidate_id: uuid.UUID | None,
) -> Resume:
    """Parse an uploaded file and store it as the next version of a candidate's resume.

    A file the engine cannot read is refused with the engine's error and leaves nothing behind;
    a parsed file is stored (content-addressed) and recorded as ``ready``. The first resume of a
    candidate becomes its master.
    """
    # Plain values: a retried transaction expires ORM objects (the user included).
    owner = _Owner(id=user.id, email=user.email, recruiter=is_recruiter(user))
    try:
        if candidate_id is not None:
            await get_owned_candidate(session=session, user=user, candidate_id=candidate_id)
            await session.commit()  # end the read: nothing is held while the engine works
        outcome = await engine.parse_file(upload.path, upload.filename)
        if isinstance(outcome, EngineFailure):
            raise_engine_failure(outcome)
        assert isinstance(outcome, ParsedFile)
    except BaseException:
        upload.path.unlink(missing_ok=True)
        raise

    async with storage.lock(upload.sha256):
        try:
            stored = await storage.put(upload.path, upload.sha256)
        except BaseException:
            upload.path.unlink(missing_ok=True)
            raise
        try:
            return await _insert_version(
                session=session,
                owner=owner,
                upload=upload,
                parsed=outcome,
                key=stored.key,
                candidate_id=candidate_id,
            )
        except BaseException:
            await session.rollback()
            if not await file_in_use(session=session, sha256=upload.sha256):
                await storage.delete(stored.key)
            raise


@dataclass(frozen=True, slots=True)
class _Owner:
    id: uuid.UUID
    email: str
    recruiter: bool = False  # uploads go to the candidate they name, not to one's own


async def _self_candidate_id(*, session: AsyncSession, owner: _Owner, parsed: ParsedFile) -> uuid.UUID:
    found = await session.scalar(
        select(Candidate.id).where(Candidate.owner_user_id == owner.id, Candidate.is_self)
    )
    if found is not None:
        return found
    candidate = Candidate(
        owner_user_id=owner.id, name=(parsed.name or "")[:200] or None, email=owner.email, is_self=True
    )
    session.add(candidate)
    await session.flush()  # a concurrent first upload makes this fail; the caller retries
    return candidate.id


async def _insert_version(
    *,
    session: AsyncSession,
    owner: _Owner,
    upload: ReceivedUpload,
    parsed: ParsedFile,
    key: str,
    candidate_id: uuid.UUID | None,
) -> Resume:
    """Insert the resume row with the next version number, master if the candidate has none.
    Two uploads racing for the same number (or both for master) collide on the unique
    constraint / partial unique index; the loser retries with fresh numbers."""
    if candidate_id is None and owner.recruiter:
        candidate_id, _ = await candidate_for(
            session=session, owner_id=owner.id, json_resume=parsed.json_resume
        )
    elif candidate_id is not None:
        await _add_skills(session, candidate_id, parsed.json_resume)
    if owner.recruiter:
        # The same file for the same person is the resume already stored, not a new version.
        existing = await session.scalar(
            select(Resume)
            .where(Resume.candidate_id == candidate_id, Resume.sha256 == upload.sha256)
            .order_by(Resume.version_number)
            .limit(1)
        )
        await session.commit()
        if existing is not None:  # (the upload's temp file was moved into the store already)
            existing.stored_before = True
            return existing
    for _ in range(_INSERT_ATTEMPTS):
        try:
            if candidate_id is None:
                target = await _self_candidate_id(session=session, owner=owner, parsed=parsed)
            else:
                target = candidate_id
            version = await session.scalar(
                select(func.coalesce(func.max(Resume.version_number), 0) + 1).where(
                    Resume.candidate_id == target
                )
            )
            has_master = await session.scalar(
                select(
                    exists().where(
                        Resume.candidate_id == target, Resume.track == DEFAULT_TRACK, Resume.is_master
                    )
                )
            )
            resume = Resume(
                candidate_id=target,
                owner_user_id=owner.id,
                version_number=version,
                filename=upload.filename,
                content_type=_MEDIA_TYPES.get(parsed.format, upload.content_type),
                size_bytes=upload.size_bytes,
                sha256=upload.sha256,
                storage_key=key,
                format=parsed.format,
                page_count=parsed.pages,
                extracted_text=parsed.text,
                parsed=parsed.json_resume,
                warnings=parsed.warnings,
                processing_status=ProcessingStatus.READY.value,
                is_master=not has_master,
                track=DEFAULT_TRACK,
            )
            session.add(resume)
            await session.commit()
            return resume
        except IntegrityError:
            await session.rollback()
    raise Conflict("Too many simultaneous uploads for this candidate; try again.")


_R, _C = Resume.__table__, Candidate.__table__
# A candidate's state for a new version: the resume with these very bytes (if any), the next
# version number, and whether the default track has a master. One statement.
_VERSION_STATE = select(
    select(_R.c.id)
    .where(_R.c.candidate_id == bindparam("candidate_id", type_=Uuid()), _R.c.sha256 == bindparam("sha256"))
    .order_by(_R.c.version_number)
    .limit(1)
    .scalar_subquery(),
    select(func.coalesce(func.max(_R.c.version_number), 0) + 1)
    .where(_R.c.candidate_id == bindparam("candidate_id", type_=Uuid()))
    .scalar_subquery(),
    exists().where(
        _R.c.candidate_id == bindparam("candidate_id", type_=Uuid()),
        _R.c.track == DEFAULT_TRACK,
        _R.c.is_master,
    ),
)
_SELF_CANDIDATE = select(_C.c.id).where(
    _C.c.owner_user_id == bindparam("owner_id", type_=Uuid()), _C.c.is_self
)
_INSERT_RESUME = insert(_R)
_INSERT_CANDIDATE = insert(_C)


async def add_parsed_file(
    *,
    session: AsyncSession,
    owner_id: uuid.UUID,
    owner_email: str,
    recruiter: bool,
    filename: str,
    size_bytes: int,
    sha256: str,
    key: str,
    parsed: ParsedFile,
) -> tuple[uuid.UUID, uuid.UUID, bool]:
    """A file already in the store (a screening's), parsed, recorded in the caller's transaction
    (not committed) with plain statements: (candidate id, resume id, whether the candidate was
    made just now). A recruiter's file goes to the candidate it names (the resume of
    that candidate with these very bytes if there is one), anyone else's to their own. An
    ``IntegrityError`` means a concurrent transaction took the person, the version number or the
    master: the caller rolls back and tries again."""
    made = False
    if recruiter:
        candidate_id, made = await find_or_add_candidate(
            session=session, owner_id=owner_id, json_resume=parsed.json_resume
        )
    else:
        found = await session.scalar(_SELF_CANDIDATE, {"owner_id": owner_id})
        if found is None:
            found, made = uuid.uuid4(), True
            await session.execute(
                _INSERT_CANDIDATE,
                {"id": found, "owner_user_id": owner_id, "name": (parsed.name or "")[:200] or None,
                 "email": owner_email, "is_self": True, "skills": "|"},
            )  # fmt: skip
        candidate_id = found
    version, has_master = 1, False
    if not made:
        existing, version, has_master = (
            await session.execute(_VERSION_STATE, {"candidate_id": candidate_id, "sha256": sha256})
        ).one()
        if existing is not None and recruiter:  # the same file for the same person: stored already
            return candidate_id, existing, False
    resume_id = uuid.uuid4()
    await session.execute(
        _INSERT_RESUME,
        {
            "id": resume_id, "candidate_id": candidate_id, "owner_user_id": owner_id,
            "version_number": version, "filename": filename,
            "content_type": _MEDIA_TYPES.get(parsed.format, "application/octet-stream"),
            "size_bytes": size_bytes, "sha256": sha256, "storage_key": key, "format": parsed.format,
            "page_count": parsed.pages, "extracted_text": parsed.text, "parsed": parsed.json_resume,
            "warnings": parsed.warnings, "processing_status": ProcessingStatus.READY.value,
            "is_master": not has_master, "track": DEFAULT_TRACK,
        },
    )  # fmt: skip
    return candidate_id, resume_id, made


async def _add_skills(session: AsyncSession, candidate_id: uuid.UUID, json_resume: dict | None) -> None:
    candidate = await session.get(Candidate, candidate_id)
    if candidate is not None:
        merged = merge_skills(candidate.skills, skill_names(json_resume))
        if merged != candidate.skills:
            candidate.skills = merged
    await session.commit()


async def file_in_use(*, session: AsyncSession, sha256: str) -> bool:
    """Whether a resume or a screening item still uses the stored file with this hash."""
    from resumeiq.screening.models import ScreeningItem  # the screening domain builds on this one

    in_use = await session.scalar(
        select(exists().where(Resume.sha256 == sha256) | exists().where(ScreeningItem.sha256 == sha256))
    )
    await session.commit()
    return bool(in_use)


# --------------------------------------------------------------------------- read


async def list_resumes(
    *, session: AsyncSession, user: User, page: PageParams, candidate_id: uuid.UUID | None
) -> Page[Resume]:
    """The user's resumes, newest first (a candidate's versions in descending order)."""
    conditions = [Resume.owner_user_id == user.id]
    if candidate_id is not None:
        await get_owned_candidate(session=session, user=user, candidate_id=candidate_id)
        conditions.append(Resume.candidate_id == candidate_id)
    total = await session.scalar(select(func.count()).select_from(Resume).where(*conditions))
    rows = await session.scalars(
        select(Resume)
        .where(*conditions)
        .order_by(Resume.created_at.desc(), Resume.version_number.desc(), Resume.id)
        .limit(page.limit)
        .offset(page.offset)
    )
    return Page(items=list(rows), total=total or 0, limit=page.limit, offset=page.offset)


async def get_download(
    *, session: AsyncSession, storage: FileStorage, user: User, resume_id: uuid.UUID
) -> Download:
    resume = await get_owned_resume(session=session, user=user, resume_id=resume_id)
    await session.commit()  # the file is sent after this returns: hold no connection meanwhile
    media_type = _MEDIA_TYPES.get(resume.format or "", "application/octet-stream")
    path = storage.local_path(resume.storage_key)
    content = None
    try:
        if path is None:  # a bucket: the bytes (at most the upload limit) instead of a path
            content = await storage.read_bytes(resume.storage_key)
        elif not path.is_file():
            raise StoredFileMissing(resume.storage_key)
    except StoredFileMissing as exc:
        log.error("stored file %s of resume %s is missing", resume.storage_key, resume.id)
        raise NotFound(f"The original file of resume {resume_id} is missing from storage.") from exc
    return Download(
        path=str(path) if path else None, content=content, filename=resume.filename, media_type=media_type
    )


# --------------------------------------------------------------------------- change


async def set_master(
    *, session: AsyncSession, user: User, resume_id: uuid.UUID, track: str = DEFAULT_TRACK
) -> Resume:
    """Make this resume its candidate's master for ``track`` (and no other version of that track).

    The partial unique index on (candidate, track) where ``is_master`` is what makes this atomic:
    two requests racing to set different masters of one track cannot both commit; the loser
    retries against the committed state, so exactly one master remains.
    """
    for _ in range(_INSERT_ATTEMPTS):
        resume = await get_owned_resume(session=session, user=user, resume_id=resume_id)
        if resume.is_master and resume.track == track:
            await session.commit()
            return resume
        candidate_id = resume.candidate_id
        try:
            await session.execute(
                update(Resume)
                .where(
                    Resume.candidate_id == candidate_id,
                    Resume.track == track,
                    Resume.is_master,
                    Resume.id != resume_id,
                )
                .values(is_master=False)
                .execution_options(synchronize_session=False)
            )
            done = await session.execute(
                update(Resume)
                .where(Resume.id == resume_id, Resume.owner_user_id == user.id)
                .values(is_master=True, track=track)
                .execution_options(synchronize_session=False)
            )
            if done.rowcount != 1:  # deleted meanwhile
                await session.rollback()
                raise NotFound.of("Resume", resume_id)
            await session.commit()
        except IntegrityError:
            await session.rollback()
            continue
        resume = await session.get(Resume, resume_id, populate_existing=True)
        if resume is None:
            raise NotFound.of("Resume", resume_id)
        await session.commit()
        return resume
    raise Conflict(f"Too many simultaneous changes of the {track!r} master; try again.")


async def delete_resume(
    *, session: AsyncSession, storage: FileStorage, user: User, resume_id: uuid.UUID
) -> None:
    """Delete a resume (its reviews go with it). If it was the master, the candidate's newest
    remaining version becomes master. The stored file is removed when no other row uses it."""
    resume = await get_owned_resume(session=session, user=user, resume_id=resume_id)
    sha256, key, candidate, was_master, track = (
        resume.sha256,
        resume.storage_key,
        resume.candidate_id,
        resume.is_master,
        resume.track,
    )
    await session.delete(resume)
    await session.flush()
    if was_master:
        newest = await session.scalar(
            select(Resume.id)
            .where(Resume.candidate_id == candidate, Resume.track == track)
            .order_by(Resume.version_number.desc())
            .limit(1)
        )
        if newest is not None:
            await session.execute(
                update(Resume)
                .where(Resume.id == newest)
                .values(is_master=True)
                .execution_options(synchronize_session=False)
            )
    await session.commit()
    async with storage.lock(sha256):
        if not await file_in_use(session=session, sha256=sha256):
            await storage.delete(key)
