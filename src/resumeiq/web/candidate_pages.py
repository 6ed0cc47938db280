"""Candidates: a recruiter's pool (search by name, e-mail or skill), each candidate's page
(resume versions, screenings, matches), correcting their details, deleting them after a
confirmation page. The same service functions as ``/api/v1/candidates``."""

from __future__ import annotations

import uuid
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from pydantic import ValidationError
from starlette.responses import Response

from resumeiq.candidates import service as candidates_service
from resumeiq.candidates.schemas import CandidatePatch
from resumeiq.db import SessionDep
from resumeiq.errors import ServiceError
from resumeiq.jobs import service as jobs_service
from resumeiq.pagination import PageParams
from resumeiq.ratelimit.dependencies import count_limit
from resumeiq.ratelimit.limiter import LimitKind
from resumeiq.resumes import service as resumes_service
from resumeiq.resumes.dependencies import EnginePoolDep, StorageDep
from resumeiq.users.dependencies import SettingsDep
from resumeiq.users.models import User
from resumeiq.users.roles import is_recruiter
from resumeiq.web.pages import (
    USER_ERRORS,
    WebRoute,
    WebSessionDep,
    WebUser,
    failure_of,
    redirect,
    reload_user,
    render,
)
from resumeiq.web.resume_pages import receive_checked_upload
from resumeiq.web.session import check_csrf, check_origin

router = APIRouter(route_class=WebRoute, include_in_schema=False)

PAGE_SIZE = 50
_FIELDS = ("name", "email", "phone", "location")
Text = Annotated[str, Form(max_length=1000)]


@router.get("/candidates")
async def candidates_page(
    request: Request,
    session: SessionDep,
    user: WebUser,
    q: Annotated[str, Query(max_length=200)] = "",
    skill: Annotated[str, Query(max_length=100)] = "",
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    deleted: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    """The pool, newest first, ``PAGE_SIZE`` a page; ``deleted``: the name of the candidate just
    deleted (set by the redirect after deleting, to say so)."""
    if not is_recruiter(user):  # says what the page is for, instead of a bare 403
        return render(request, "candidates.html", recruiters_only=True, q=q, skill=skill)
    page = await resumes_service.list_candidates(
        session=session, user=user, page=PageParams(limit=PAGE_SIZE, offset=offset), query=q, skill=skill
    )
    await session.commit()
    return render(
        request, "candidates.html", page=page, q=q.strip(), skill=skill.strip(), deleted=deleted,
        prev_offset=max(0, offset - PAGE_SIZE) if offset else None,
        next_offset=offset + PAGE_SIZE if offset + PAGE_SIZE < page.total else None,
    )  # fmt: skip


async def _detail_context(session: Any, user: User, candidate_id: uuid.UUID) -> dict[str, Any]:
    detail = await candidates_service.candidate_detail(session=session, user=user, candidate_id=candidate_id)
    jobs = (
        await jobs_service.list_jobs(session=session, user=user, page=PageParams(limit=100, offset=0))
    ).items
    await session.commit()
    titles = {j.id: (j.title or "Untitled job") + (f" · {j.company}" if j.company else "") for j in jobs}
    return {"c": detail, "titles": titles, "values": {f: getattr(detail, f) or "" for f in _FIELDS}}


@router.get("/candidates/{candidate_id}")
async def candidate_page(
    request: Request,
    candidate_id: uuid.UUID,
    session: SessionDep,
    user: WebUser,
    saved: bool = False,
    uploaded: uuid.UUID | None = None,
) -> Response:
    """``saved``, ``uploaded`` (a resume id): set by the redirects after a form, to say so."""
    context = await _detail_context(session, user, candidate_id)
    just_uploaded = next((v for v in context["c"].versions if v.id == uploaded), None)
    return render(request, "candidate.html", saved=saved, uploaded=just_uploaded, **context)


@router.post("/candidates/{candidate_id}/resumes")
async def upload_version(
    request: Request,
    candidate_id: uuid.UUID,
    session: SessionDep,
    user: WebUser,
    web: WebSessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    engine: EnginePoolDep,
) -> Response:
    """A new resume version of this candidate (``POST /api/v1/resumes`` with ``candidate_id``)."""
    check_origin(request)
    try:
        await resumes_service.get_owned_candidate(session=session, user=user, candidate_id=candidate_id)
        await session.commit()  # hold no connection while the file streams in
        upload = await receive_checked_upload(request, web, settings, storage, user)
        resume = await resumes_service.upload_resume(
            session=session,
            storage=storage,
            engine=engine,
            user=user,
            upload=upload,
            candidate_id=candidate_id,
        )
        await count_limit(request, LimitKind.UPLOAD, user)
    except USER_ERRORS as exc:
        failure = failure_of(exc)
        user = await reload_user(request, session, web)
        context = await _detail_context(session, user, candidate_id)
        return render(request, "candidate.html", status_code=failure.status, upload_error=failure, **context)
    return redirect(request, f"/candidates/{candidate_id}?uploaded={resume.id}#versions-h")


@router.post("/candidates/{candidate_id}")
async def update_candidate(
    request: Request,
    candidate_id: uuid.UUID,
    session: SessionDep,
    user: WebUser,
    web: WebSessionDep,
    name: Text = "",
    email: Text = "",
    phone: Text = "",
    location: Text = "",
    csrf_token: Text = "",
) -> Response:
    """The form sends every field: an empty one clears it (the API's ``null``)."""
    check_csrf(request, web, csrf_token)
    values = {"name": name, "email": email, "phone": phone, "location": location}
    try:
        patch = CandidatePatch.model_validate({k: v.strip() or None for k, v in values.items()})
        await candidates_service.update_candidate(
            session=session, user=user, candidate_id=candidate_id, patch=patch
        )
    except (ValidationError, *USER_ERRORS) as exc:
        failure = failure_of(exc)
        user = await reload_user(request, session, web)
        context = await _detail_context(session, user, candidate_id)
        context["values"] = values  # what was typed, to correct it
        clash = exc.extra.get("candidate_id") if isinstance(exc, ServiceError) else None
        return render(
            request, "candidate.html", status_code=failure.status, error=failure, clash=clash, **context
        )
    return redirect(request, f"/candidates/{candidate_id}?saved=true")


@router.get("/candidates/{candidate_id}/delete")
async def confirm_delete_page(
    request: Request, candidate_id: uuid.UUID, session: SessionDep, user: WebUser
) -> Response:
    """What deleting takes with it, and the button that does it (a page of its own, so that the
    confirmation works without JavaScript)."""
    context = await _detail_context(session, user, candidate_id)
    return render(request, "candidate_delete.html", **context)


@router.post("/candidates/{candidate_id}/delete")
async def delete_candidate(
    request: Request,
    candidate_id: uuid.UUID,
    session: SessionDep,
    user: WebUser,
    web: WebSessionDep,
    storage: StorageDep,
    csrf_token: Text = "",
) -> Response:
    check_csrf(request, web, csrf_token)
    candidate = await resumes_service.get_owned_candidate(
        session=session, user=user, candidate_id=candidate_id
    )
    name = candidate.name or candidate.email or "The candidate"
    await session.commit()
    await candidates_service.delete_candidate(
        session=session, storage=storage, user=user, candidate_id=candidate_id
    )
    return redirect(request, "/candidates?" + urlencode({"deleted": name[:200]}))
