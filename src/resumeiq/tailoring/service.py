"""Tailoring use cases: preview (its own row each time), read, list, confirm (a new resume version).

A preview records the hashes of the resume and the job it was made from and the hash of its
output (``preview_hash``); confirm refuses a preview whose inputs changed since (409
``stale_preview``), a hash that is not the preview's (409 ``preview_hash_mismatch``) and a second
confirm of the same preview (409 ``already_confirmed``). Transactions never span engine work.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import uuid
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from resumeiq.db import utcnow
from resumeiq.errors import (
    AlreadyConfirmed,
    Conflict,
    InvalidInput,
    InvalidTailoredResume,
    NoCoverLetter,
    NotFound,
    NothingToTailor,
    PreviewHashMismatch,
    StalePreview,
)
from resumeiq.jobs.models import Job
from resumeiq.jobs.service import get_owned_job
from resumeiq.pagination import Page, PageParams
from resumeiq.resumes.models import DEFAULT_TRACK, ProcessingStatus, Resume
from resumeiq.resumes.service import file_in_use, get_ready_resume, raise_engine_failure
from resumeiq.storage import FileStorage, StoredFileMissing
from resumeiq.tailoring import work
from resumeiq.tailoring.changes import Change, PointerError, apply_changes, set_value
from resumeiq.tailoring.guarantees import Guard
from resumeiq.tailoring.llm import LLMSettings
from resumeiq.tailoring.models import Tailoring
from resumeiq.tailoring.modes import choose_mode, model_rewrites, settle_mode
from resumeiq.tailoring.render import UnsupportedCharacters, render_letter, render_resume
from resumeiq.tailoring.schemas import ConfirmRequest, JsonResume, PreviewRequest
from resumeiq.users.models import User
from resumeiq.worker.engine_jobs import EngineFailure, ParsedFile
from resumeiq.worker.pool import EnginePool

log = logging.getLogger(__name__)

_INSERT_ATTEMPTS = 8


def canonical_hash(value: Any) -> str:
    data = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def resume_hash(resume: Resume) -> str:
    return canonical_hash({"file": resume.sha256, "parsed": resume.parsed, "text": resume.extracted_text})


def job_hash(job: Job) -> str:
    return canonical_hash(
        {
            "requirements": job.requirements_key,
            "text": job.content_hash,
            "title": job.title,
            "company": job.company,
        }
    )


# --------------------------------------------------------------------------- preview


async def preview(
    *,
    session: AsyncSession,
    engine: EnginePool,
    storage: FileStorage,
    user: User,
    body: PreviewRequest,
    llm: LLMSettings | None = None,
) -> Tailoring:
    """``llm``: the configured language model, if any; ``mode`` defaults to ``llm`` with one. When
    the model cannot be used (down, slow, garbage, or every rewrite dropped) the preview is the
    deterministic one, ``mode: "deterministic"``, with a warning saying why."""
    mode = choose_mode(body.mode, llm)
    owner = user.id
    resume = await get_ready_resume(session=session, user=user, resume_id=body.resume_id, purpose="tailoring")
    job = await get_owned_job(session=session, user=user, job_id=body.job_id)
    if not resume.parsed:
        raise NothingToTailor(f"Resume {resume.id} has no parsed content to tailor.")
    inputs = {
        "resume_id": resume.id,
        "job_id": job.id,
        "resume_hash": resume_hash(resume),
        "job_hash": job_hash(job),
    }
    key, filename, parsed = resume.storage_key, resume.filename, resume.parsed
    job_args = (job.requirements_key, job.requirements, job.description, job.title, job.company)
    await session.commit()  # hold nothing while the engine works
    rewrites, llm_warnings = await model_rewrites(mode, llm, parsed, *job_args[1:])
    try:
        async with storage.local_copy(key) as path:
            outcome = await engine.call(
                work.preview_llm,
                str(path),
                filename,
                parsed,
                *job_args,
                body.cover_letter,
                body.outreach,
                rewrites,
            )
    except StoredFileMissing as exc:
        raise NotFound(f"The original file of resume {body.resume_id} is missing from storage.") from exc
    if isinstance(outcome, EngineFailure):
        if outcome.code == work.NOTHING_TO_TAILOR:
            raise NothingToTailor(outcome.message)
        raise_engine_failure(outcome)
    assert isinstance(outcome, dict)
    outcome.pop("processing_time_ms", None)
    output = settle_mode(outcome, mode, llm, rewrites, llm_warnings)
    final_mode, used_model = output["mode"], output["ai_model_used"]
    row = Tailoring(
        owner_user_id=owner,
        resume_id=inputs["resume_id"],
        job_id=inputs["job_id"],
        mode=final_mode,
        ai_model_used=used_model,
        cover_letter_requested=body.cover_letter,
        outreach_requested=body.outreach,
        resume_hash=inputs["resume_hash"],
        job_hash=inputs["job_hash"],
        output=output,
        output_hash=canonical_hash({"inputs": {k: str(v) for k, v in inputs.items()}, "output": output}),
    )
    session.add(row)
    try:
        await session.commit()
    except IntegrityError as exc:  # the resume or the job was deleted while the engine worked
        await session.rollback()
        raise NotFound("The resume or the job was deleted while the preview was being made.") from exc
    return row


async def get_owned_tailoring(*, session: AsyncSession, user: User, tailoring_id: uuid.UUID) -> Tailoring:
    row = await session.get(Tailoring, tailoring_id)
    if row is None or row.owner_user_id != user.id:
        raise NotFound.of("Tailoring preview", tailoring_id)
    return row


async def list_tailorings(
    *,
    session: AsyncSession,
    user: User,
    page: PageParams,
    resume_id: uuid.UUID | None = None,
    job_id: uuid.UUID | None = None,
) -> Page[Tailoring]:
    """The user's previews, newest first; filter by resume or job."""
    conditions = [Tailoring.owner_user_id == user.id]
    if resume_id is not None:
        conditions.append(Tailoring.resume_id == resume_id)
    if job_id is not None:
        conditions.append(Tailoring.job_id == job_id)
    total = await session.scalar(select(func.count()).select_from(Tailoring).where(*conditions))
    rows = list(
        await session.scalars(
            select(Tailoring)
            .where(*conditions)
            .order_by(Tailoring.created_at.desc(), Tailoring.id)
            .limit(page.limit)
            .offset(page.offset)
        )
    )
    await session.commit()
    return Page(items=rows, total=total or 0, limit=page.limit, offset=page.offset)


# --------------------------------------------------------------------------- confirm


def _pointer_path(loc: tuple[Any, ...]) -> str:
    return "".join(f"/{part}" for part in loc)


def _plain(error: Any) -> str:
    """Pydantic's message, in words a person understands where it names a pattern."""
    field = str(error["loc"][-1]) if error["loc"] else ""
    if error["type"] == "string_pattern_mismatch":
        if field == "email":
            return "must be an e-mail address"
        return "must be a date written YYYY, YYYY-MM or YYYY-MM-DD"
    if error["type"] == "extra_forbidden":
        return "is not a JSON Resume field"
    return error["msg"]


def apply_edits(
    row: Tailoring, body: ConfirmRequest, original: dict[str, Any]
) -> tuple[dict[str, Any], list[str], list[str]]:
    """The document ``body.edits`` make of the preview: accepted entries applied to the original,
    then the user's own values set. Raises ``InvalidInput`` / ``InvalidTailoredResume``."""
    changes = [Change.from_json(c) for c in row.output.get("diff") or []]
    ids = {c.id for c in changes}
    rejected: set[str] = set()
    for edit in body.edits:
        if edit.action in ("accept", "reject") and edit.id not in ids:
            raise InvalidInput(
                f"edits: the preview has no diff entry {edit.id!r} (it has {', '.join(sorted(ids)) or 'none'}).",
                errors=[{"path": "", "message": f"unknown diff entry {edit.id!r}"}],
            )
        if edit.action == "reject":
            rejected.add(edit.id or "")
        elif edit.action == "accept":
            rejected.discard(edit.id or "")
    accepted = [c for c in changes if c.id not in rejected]
    doc = apply_changes(original, accepted)
    for edit in body.edits:
        if edit.action != "set":
            continue
        try:
            set_value(doc, edit.path or "", edit.value, create=True)
        except PointerError as exc:
            raise InvalidTailoredResume(
                f"edits: {edit.path}: {exc.message} (at {exc.path or '/'}).",
                errors=[{"path": edit.path, "message": exc.message}],
            ) from exc
    try:
        JsonResume.model_validate(doc)
    except ValidationError as exc:
        errors = [{"path": _pointer_path(tuple(e["loc"])), "message": _plain(e)} for e in exc.errors()]
        summary = "; ".join(f"{e['path']}: {e['message']}" for e in errors[:5])
        raise InvalidTailoredResume(
            f"The edited resume is not valid JSON Resume: {summary}.", errors=errors
        ) from exc
    return doc, [c.id for c in accepted], sorted(rejected)


async def confirm(
    *,
    session: AsyncSession,
    engine: EnginePool,
    storage: FileStorage,
    user: User,
    body: ConfirmRequest,
) -> tuple[Resume, Tailoring, list[str], list[str], list[str]]:
    """Create the tailored resume as a new version of the original's candidate (``parent_id``:
    the original). Returns the version, the preview, the applied and rejected diff ids, warnings."""
    owner = user.id
    row = await get_owned_tailoring(session=session, user=user, tailoring_id=body.preview_id)
    if body.preview_hash != row.output_hash:
        raise PreviewHashMismatch(
            f"preview_hash does not match preview {row.id}; send the preview_hash the preview returned."
        )
    if row.confirmed_resume_id is not None:
        raise AlreadyConfirmed(
            f"Preview {row.id} was already confirmed as resume {row.confirmed_resume_id}.",
            resume_id=str(row.confirmed_resume_id),
        )
    resume = await session.get(Resume, row.resume_id)
    job = await session.get(Job, row.job_id)
    if resume is None or job is None:  # deleting either deletes the preview too; a race
        raise NotFound.of("Tailoring preview", row.id)
    changed = [
        what
        for what, now, then in (
            ("resume", resume_hash(resume), row.resume_hash),
            ("job", job_hash(job), row.job_hash),
        )
        if now != then
    ]
    if changed:
        raise StalePreview(
            f"The {' and the '.join(changed)} changed since preview {row.id} was made; make a new preview.",
            changed=changed,
        )
    original = resume.parsed or {}
    doc, applied, rejected = apply_edits(row, body, original)
    user_set = any(e.action == "set" for e in body.edits)
    if not user_set:
        kept = set(applied)
        rewritten = [
            d["path"]
            for d in row.output.get("diff") or []
            if d["id"] in kept and d["op"] == "changed" and "/highlights/" in d["path"]
        ]
        problems = Guard(original, resume.extracted_text or "").violations(doc, rewritten)
        if problems:  # a subset of the preview's changes broke a guarantee: refuse, never store it
            raise InvalidTailoredResume(
                f"Those edits would break a tailoring guarantee: {problems[0]}.",
                errors=[{"path": "", "message": p} for p in problems],
            )
    candidate_id, resume_id, stem = resume.candidate_id, resume.id, resume.filename.rsplit(".", 1)[0]
    preview_id = row.id
    await session.commit()

    data = render_resume(doc, "md")
    sha256 = hashlib.sha256(data).hexdigest()
    temp = storage.new_temp_path()
    temp.write_bytes(data)
    filename = f"{stem[:200]}-tailored.md"
    try:
        parsed = await engine.parse_file(temp, filename)
        if isinstance(parsed, EngineFailure):
            raise_engine_failure(parsed)
        assert isinstance(parsed, ParsedFile)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    warnings = [
        "The new version's file is the tailored resume as Markdown; export it as DOCX or PDF with "
        "GET /resumes/{id}/export."
    ]
    async with storage.lock(sha256):
        stored = await storage.put(temp, sha256)
        try:
            new = await _insert_version(
                session=session,
                owner=owner,
                candidate_id=candidate_id,
                parent_id=resume_id,
                preview_id=preview_id,
                filename=filename,
                data=data,
                sha256=sha256,
                key=stored.key,
                parsed=parsed,
                doc=doc,
            )
        except BaseException:
            await session.rollback()
            if not await file_in_use(session=session, sha256=sha256):
                await storage.delete(stored.key)
            raise
    row = await get_owned_tailoring(session=session, user=user, tailoring_id=preview_id)
    await session.refresh(row)
    await session.commit()
    return new, row, applied, rejected, warnings


async def _insert_version(
    *,
    session: AsyncSession,
    owner: uuid.UUID,
    candidate_id: uuid.UUID,
    parent_id: uuid.UUID,
    preview_id: uuid.UUID,
    filename: str,
    data: bytes,
    sha256: str,
    key: str,
    parsed: ParsedFile,
    doc: dict[str, Any],
) -> Resume:
    """Insert the version with the next number and mark the preview confirmed, in one transaction:
    the conditional UPDATE must change exactly one row, else a concurrent confirm won."""
    for _ in range(_INSERT_ATTEMPTS):
        try:
            version = await session.scalar(
                select(func.coalesce(func.max(Resume.version_number), 0) + 1).where(
                    Resume.candidate_id == candidate_id
                )
            )
            new = Resume(
                candidate_id=candidate_id,
                owner_user_id=owner,
                version_number=version,
                filename=filename,
                content_type="text/markdown; charset=utf-8",
                size_bytes=len(data),
                sha256=sha256,
                storage_key=key,
                format="md",
                page_count=parsed.pages,
                extracted_text=parsed.text,
                parsed=doc,
                warnings=list(parsed.warnings),
                processing_status=ProcessingStatus.READY.value,
                is_master=False,
                track=DEFAULT_TRACK,
                parent_id=parent_id,
            )
            session.add(new)
            await session.flush()
            claimed = await session.execute(
                update(Tailoring)
                .where(Tailoring.id == preview_id, Tailoring.confirmed_resume_id.is_(None))
                .values(confirmed_resume_id=new.id, confirmed_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            if claimed.rowcount != 1:  # a concurrent confirm of the same preview won
                await session.rollback()
                raise AlreadyConfirmed(f"Preview {preview_id} was already confirmed.")
            await session.commit()
            return new
        except IntegrityError:
            await session.rollback()
    raise Conflict("Too many simultaneous new versions for this candidate; try again.")


# --------------------------------------------------------------------------- exports


async def export_resume(
    *, session: AsyncSession, user: User, resume_id: uuid.UUID, fmt: str
) -> tuple[bytes, str]:
    """The resume's structured content (parsed, or tailored for a confirmed version) in ``fmt``;
    returns the bytes and a file name."""
    resume = await get_ready_resume(session=session, user=user, resume_id=resume_id, purpose="export")
    doc, stem = resume.parsed, resume.filename.rsplit(".", 1)[0]
    await session.commit()
    if not doc:
        raise NothingToTailor(f"Resume {resume_id} has no parsed content to export.")
    data = await asyncio.to_thread(_render, render_resume, doc, fmt)
    return data, f"{stem}.{fmt}"


async def export_cover_letter(
    *, session: AsyncSession, user: User, tailoring_id: uuid.UUID, fmt: str
) -> tuple[bytes, str]:
    row = await get_owned_tailoring(session=session, user=user, tailoring_id=tailoring_id)
    part = (row.output or {}).get("cover_letter") or {}
    await session.commit()
    if part.get("status") != "success" or not part.get("text"):
        reason = {
            "not_requested": "no cover letter was requested for it (preview again with cover_letter: true)",
            "failed": f"its cover letter failed: {part.get('error')}",
        }.get(part.get("status", ""), "it has no cover letter")
        raise NoCoverLetter(f"Preview {tailoring_id} has no cover letter to export: {reason}.")
    data = await asyncio.to_thread(_render, render_letter, part["text"], fmt)
    return data, f"cover-letter-{tailoring_id}.{fmt}"


def _render(fn: Any, value: Any, fmt: str) -> bytes:
    try:
        return fn(value, fmt)
    except UnsupportedCharacters as exc:
        raise InvalidInput(str(exc), characters=exc.chars) from exc
