"""Tailoring: a resume and a job → a preview (original and tailored side by side, each change to
accept or reject, keywords before and after, suggestions, cover letter and outreach note) →
confirm (a new resume version) → download it as DOCX or PDF. The same service functions as
``/api/v1/tailorings``."""

from __future__ import annotations

import uuid
from typing import Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from pydantic import ValidationError
from starlette.responses import Response

from resumeiq.db import SessionDep
from resumeiq.errors import InvalidInput, NotFound, ServiceError
from resumeiq.jobs import service as jobs_service
from resumeiq.pagination import PageParams
from resumeiq.resumes import service as resumes_service
from resumeiq.resumes.dependencies import EnginePoolDep, StorageDep
from resumeiq.resumes.models import ProcessingStatus
from resumeiq.tailoring import service as tailoring_service
from resumeiq.tailoring.changes import PointerError
from resumeiq.tailoring.llm import LLMSettings
from resumeiq.tailoring.models import Tailoring
from resumeiq.tailoring.render import MEDIA_TYPES, render_resume
from resumeiq.tailoring.schemas import ConfirmRequest, Edit, PreviewRequest
from resumeiq.users.models import User
from resumeiq.web.forms import read_form
from resumeiq.web.pages import (
    USER_ERRORS,
    Failure,
    WebRoute,
    WebSessionDep,
    WebUser,
    failure_of,
    finish,
    redirect,
    render,
)
from resumeiq.web.session import CSRF_FIELD, check_csrf
from resumeiq.web.sidebyside import counts, side_by_side

router = APIRouter(route_class=WebRoute, include_in_schema=False)

_ALL = PageParams(limit=100, offset=0)
_CHANGE = "change-"  # the form field of a diff entry's accept/reject choice: change-d1, change-d2, …

_SECTIONS = {
    "basics": "Basics", "summary": "summary", "work": "Experience", "education": "Education",
    "skills": "Skills", "keywords": "keywords", "highlights": "bullets", "projects": "Projects",
    "certificates": "Certificates", "languages": "Languages",
}  # fmt: skip


def describe_path(path: str, doc: dict[str, Any]) -> str:
    """A JSON pointer in words: ``/work/0/highlights`` → "Experience: Backend Developer at Lumen
    Freight › bullets"; ``/skills/0/keywords/2`` → "Skills group 1 › keyword 3"."""
    parts = [p for p in path.split("/")[1:]]
    words: list[str] = []
    node: Any = doc
    for i, part in enumerate(parts):
        if isinstance(node, list) and part.isdigit():
            index = int(part)
            item = node[index] if index < len(node) else None
            parent = parts[i - 1] if i else ""
            if parent == "work" and isinstance(item, dict):
                words[-1] += ": " + " at ".join(str(v) for v in (item.get("position"), item.get("name")) if v)
            elif parent == "highlights":
                words[-1] = f"bullet {index + 1}"
            elif parent == "keywords":
                words[-1] = f"keyword {index + 1}"
            else:
                words[-1] += f" {index + 1}"
            node = item
            continue
        words.append(_SECTIONS.get(part, part))
        node = node.get(part) if isinstance(node, dict) else None
    return " › ".join(words) or "the whole resume"


def _resume_label(resume: Any, names: dict[uuid.UUID, str]) -> str:
    return f"{names.get(resume.candidate_id, 'Candidate')} · {resume.filename} v{resume.version_number}"


async def _start_context(session: Any, user: User) -> dict[str, Any]:
    resumes = (
        await resumes_service.list_resumes(session=session, user=user, page=_ALL, candidate_id=None)
    ).items
    candidates = (await resumes_service.list_candidates(session=session, user=user, page=_ALL)).items
    jobs = (await jobs_service.list_jobs(session=session, user=user, page=_ALL)).items
    previews = (await tailoring_service.list_tailorings(session=session, user=user, page=_ALL)).items
    await session.commit()
    names = {c.id: (c.name or c.email or "Candidate") for c in candidates}
    labels = {r.id: _resume_label(r, names) for r in resumes}
    titles = {j.id: (j.title or "Untitled job") + (f" · {j.company}" if j.company else "") for j in jobs}
    ready = [r for r in resumes if r.processing_status == ProcessingStatus.READY.value]
    return {"resumes": ready, "labels": labels, "jobs": jobs, "titles": titles, "previews": previews}


def _llm_model(request: Request) -> str | None:
    """The language model this server is configured with (the form offers mode "llm"), or None."""
    llm = LLMSettings.from_settings(request.app.state.settings)
    return llm.model if llm else None


@router.get("/tailoring")
async def tailoring_page(
    request: Request, session: SessionDep, user: WebUser, resume_id: uuid.UUID | None = None
) -> Response:
    context = await _start_context(session, user)
    model = _llm_model(request)
    return render(
        request, "tailoring.html", chosen_resume=resume_id, chosen_job=None, cover_letter=True, outreach=True,
        llm_model=model, chosen_mode="llm" if model else "deterministic", **context,
    )  # fmt: skip


def _uuid(raw: str, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(raw.strip())
    except ValueError:
        raise InvalidInput(f"{what}: choose one of your {what.lower()}s.") from None


@router.post("/tailoring")
async def make_preview(
    request: Request,
    session: SessionDep,
    user: WebUser,
    web: WebSessionDep,
    engine: EnginePoolDep,
    storage: StorageDep,
) -> Response:
    fields: dict[str, str] = {}
    try:
        fields = await read_form(request, max_fields=10)
        check_csrf(request, web, fields.get(CSRF_FIELD))
        body = PreviewRequest(
            resume_id=_uuid(fields.get("resume_id", ""), "Resume"),
            job_id=_uuid(fields.get("job_id", ""), "Job"),
            cover_letter=fields.get("cover_letter") == "true",
            outreach=fields.get("outreach") == "true",
            mode=fields.get("mode") or None,
        )
        row = await tailoring_service.preview(
            session=session, engine=engine, storage=storage, user=user, body=body,
            llm=LLMSettings.from_settings(request.app.state.settings),
        )  # fmt: skip
    except USER_ERRORS as exc:
        failure = failure_of(exc)
        context = await _start_context(session, user)
        return render(
            request, "tailoring.html", status_code=failure.status, error=failure,
            chosen_resume=_maybe_uuid(fields.get("resume_id")), chosen_job=_maybe_uuid(fields.get("job_id")),
            cover_letter=fields.get("cover_letter") == "true", outreach=fields.get("outreach") == "true",
            llm_model=_llm_model(request), chosen_mode=fields.get("mode") or None, **context,
        )  # fmt: skip
    return redirect(request, f"/tailoring/{row.id}")


def _maybe_uuid(raw: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(raw or "")
    except ValueError:
        return None


def _markdown(doc: dict[str, Any]) -> str:
    return render_resume(doc, "md").decode("utf-8")


async def _preview_context(
    session: Any, user: User, row: Tailoring, rejected: set[str], confirmed: uuid.UUID | None = None
) -> dict[str, Any]:
    """What the preview page shows: the tailored resume with the changes not ``rejected``."""
    resume = await resumes_service.get_owned_resume(session=session, user=user, resume_id=row.resume_id)
    job = await jobs_service.get_owned_job(session=session, user=user, job_id=row.job_id)
    version = None
    if row.confirmed_resume_id is not None:
        try:
            version = await resumes_service.get_owned_resume(
                session=session, user=user, resume_id=row.confirmed_resume_id
            )
        except NotFound:
            version = None  # the confirmed version was deleted since
    await session.commit()
    out: dict[str, Any] = row.output
    original = resume.parsed or {}
    diff = [{**entry, "where": describe_path(entry["path"], original)} for entry in out.get("diff") or []]
    view_error: Failure | None = None
    tailored = out.get("tailored") or {}
    if version is not None and version.parsed:
        tailored = version.parsed  # what was confirmed, with the choices made then
    elif rejected:
        body = _confirm_body(row, rejected)
        try:
            tailored, _, _ = tailoring_service.apply_edits(row, body, original)
        except USER_ERRORS as exc:
            view_error = failure_of(exc)
        except PointerError as exc:  # the original changed under the preview
            view_error = Failure(409, "stale_preview", f"The preview no longer fits the resume: {exc}.")
    rows = side_by_side(_markdown(original), _markdown(tailored))
    return {
        "row": row,
        "out": out,
        "resume": resume,
        "job": job,
        "version": version,
        "just_confirmed": confirmed is not None and version is not None and version.id == confirmed,
        "diff": diff,
        "rejected": rejected,
        "rows": rows,
        "row_counts": counts(rows),
        "view_error": view_error,
        "keywords": out.get("keywords") or {},
        "suggestions": out.get("suggestions") or [],
        "warnings": out.get("warnings") or [],
        "cover": out.get("cover_letter") or {},
        "outreach": out.get("outreach") or {},
    }


def _confirm_body(row: Tailoring, rejected: set[str], preview_hash: str | None = None) -> ConfirmRequest:
    return ConfirmRequest(
        preview_id=row.id,
        preview_hash=row.output_hash if preview_hash is None else preview_hash,
        edits=[Edit(action="reject", id=i) for i in sorted(rejected)],
    )


@router.get("/tailoring/{tailoring_id}")
async def preview_page(
    request: Request,
    tailoring_id: uuid.UUID,
    session: SessionDep,
    user: WebUser,
    confirmed: uuid.UUID | None = None,
    rejected: str = "",
) -> Response:
    """``confirmed``, ``rejected``: set by the redirect after confirming (the version made, and
    the ids of the changes left out), to say so on the page."""
    row = await tailoring_service.get_owned_tailoring(session=session, user=user, tailoring_id=tailoring_id)
    ids = {entry["id"] for entry in row.output.get("diff") or []}
    left_out = {i for i in rejected.split(",") if i in ids} if confirmed else set()
    context = await _preview_context(session, user, row, left_out, confirmed)
    return render(request, "tailoring_preview.html", section="tailoring", **context)


@router.post("/tailoring/{tailoring_id}")
async def decide(
    request: Request,
    tailoring_id: uuid.UUID,
    session: SessionDep,
    user: WebUser,
    web: WebSessionDep,
    engine: EnginePoolDep,
    storage: StorageDep,
) -> Response:
    """``action=show``: the page again with the rejected changes left out; ``action=confirm``:
    the new resume version (a stale preview, a wrong hash or a second confirm: the 409 page)."""
    fields = await read_form(request, max_fields=600)
    check_csrf(request, web, fields.get(CSRF_FIELD))
    row = await tailoring_service.get_owned_tailoring(session=session, user=user, tailoring_id=tailoring_id)
    await session.commit()
    ids = {entry["id"] for entry in row.output.get("diff") or []}
    rejected: set[str] = set()
    for key, value in fields.items():
        if not key.startswith(_CHANGE):
            continue
        entry = key[len(_CHANGE) :]
        if entry not in ids or value not in ("accept", "reject"):
            raise InvalidInput(f"The preview has no change {entry!r} to {value}.")
        if value == "reject":
            rejected.add(entry)
    failure: Failure | None = None
    if fields.get("action") == "confirm":
        try:
            body = _confirm_body(row, rejected, fields.get("preview_hash", ""))
            new, _, _, left_out, _ = await tailoring_service.confirm(
                session=session, engine=engine, storage=storage, user=user, body=body
            )
        except (ServiceError, ValidationError) as exc:
            failure = failure_of(exc)
        else:
            query = urlencode({"confirmed": str(new.id), "rejected": ",".join(left_out)})
            return redirect(request, f"/tailoring/{row.id}?{query}#confirmed")
        row = await tailoring_service.get_owned_tailoring(
            session=session, user=user, tailoring_id=tailoring_id
        )
    context = await _preview_context(session, user, row, rejected)
    return render(
        request, "tailoring_preview.html", status_code=failure.status if failure else 200, section="tailoring",
        error=failure, **context,
    )  # fmt: skip


def _download(request: Request, data: bytes, filename: str, fmt: str) -> Response:
    safe = filename.encode("ascii", "replace").decode().replace('"', "'")
    return finish(
        request,
        Response(
            content=data,
            media_type=MEDIA_TYPES[fmt],
            headers={"Content-Disposition": f'attachment; filename="{safe}"'},
        ),
    )


@router.get("/resumes/{resume_id}/export")
async def export_resume(
    request: Request,
    resume_id: uuid.UUID,
    session: SessionDep,
    user: WebUser,
    format: Literal["json", "md", "docx", "pdf"] = Query("docx"),  # noqa: A002
) -> Response:
    data, filename = await tailoring_service.export_resume(
        session=session, user=user, resume_id=resume_id, fmt=format
    )
    return _download(request, data, filename, format)


@router.get("/tailoring/{tailoring_id}/cover-letter")
async def export_cover_letter(
    request: Request,
    tailoring_id: uuid.UUID,
    session: SessionDep,
    user: WebUser,
    format: Literal["txt", "docx", "pdf"] = Query("docx"),  # noqa: A002
) -> Response:
    data, filename = await tailoring_service.export_cover_letter(
        session=session, user=user, tailoring_id=tailoring_id, fmt=format
    )
    return _download(request, data, filename, format)
