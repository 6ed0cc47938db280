"""Jobs: create from pasted text or a file, the requirements read with their evidence; matching
a resume against a job, and one resume compared across jobs."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import JSONResponse, Response

from resumeiq.bodies import read_form_fields
from resumeiq.db import SessionDep
from resumeiq.errors import PayloadTooLarge
from resumeiq.jobs import service as jobs_service
from resumeiq.jobs.schemas import MAX_JOB_TEXT_CHARS, JobCreate, JobFileFields, JobKeywords
from resumeiq.matches import service as matches_service
from resumeiq.pagination import PageParams
from resumeiq.ratelimit.dependencies import check_limit, count_limit
from resumeiq.ratelimit.limiter import LimitKind
from resumeiq.resumes import service as resumes_service
from resumeiq.resumes.dependencies import EnginePoolDep, StorageDep
from resumeiq.resumes.upload import receive_upload
from resumeiq.users.dependencies import SettingsDep
from resumeiq.users.models import User
from resumeiq.web.charts import job_bars
from resumeiq.web.forms import check_fields
from resumeiq.web.highlight import Mark, pieces
from resumeiq.web.pages import (
    USER_ERRORS,
    WebRoute,
    WebSessionDep,
    WebUser,
    failure_of,
    finish,
    redirect,
    render,
)
from resumeiq.web.session import CSRF_FIELD, check_csrf, check_origin

router = APIRouter(route_class=WebRoute, include_in_schema=False)

Text = Annotated[str, Form(max_length=1000)]
_ALL = PageParams(limit=100, offset=0)
_FORM_BYTES = 4 * MAX_JOB_TEXT_CHARS  # URL-encoded text takes up to ~3 bytes a character


async def _jobs(session: Any, user: User) -> list[Any]:
    jobs = (await jobs_service.list_jobs(session=session, user=user, page=_ALL)).items
    await session.commit()
    return jobs


def _too_big(request: Request) -> None:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > _FORM_BYTES:
        raise PayloadTooLarge(f"A job description is at most {MAX_JOB_TEXT_CHARS:,} characters.")


@router.get("/jobs")
async def jobs_page(request: Request, session: SessionDep, user: WebUser) -> Response:
    return render(request, "jobs.html", jobs=await _jobs(session, user), text="", title="", company="")


@router.post("/jobs")
async def create_job(
    request: Request, session: SessionDep, user: WebUser, web: WebSessionDep, engine: EnginePoolDep
) -> Response:
    """From the pasted text (URL-encoded form)."""
    fields: dict[str, Any] = {}
    try:
        check_origin(request)
        _too_big(request)
        form = await request.form(max_fields=10)
        fields = {k: str(form.get(k, "")) for k in ("text", "title", "company")}
        check_csrf(request, web, str(form.get(CSRF_FIELD, "")))
        body = JobCreate(
            text=fields["text"], title=fields["title"] or None, company=fields["company"] or None
        )
        job = await jobs_service.create_job(
            session=session, engine=engine, user=user, text=body.text, title=body.title, company=body.company
        )
    except USER_ERRORS as exc:
        failure = failure_of(exc)
        return render(
            request, "jobs.html", status_code=failure.status, error=failure, jobs=await _jobs(session, user),
            text=fields.get("text", ""), title=fields.get("title", ""), company=fields.get("company", ""),
        )  # fmt: skip
    return redirect(request, f"/jobs/{job.id}")


@router.post("/jobs/file")
async def create_job_from_file(
    request: Request,
    session: SessionDep,
    user: WebUser,
    web: WebSessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    engine: EnginePoolDep,
) -> Response:
    """From a PDF, DOCX or TXT file (multipart)."""
    try:
        check_origin(request)
        await check_limit(request, LimitKind.UPLOAD, user)  # counted once the job is made
        upload = await receive_upload(
            request, temp_path=storage.new_temp_path(), max_bytes=settings.upload_max_bytes
        )
        try:
            check_fields(upload.fields)
            check_csrf(request, web, upload.fields.pop(CSRF_FIELD, None))
            fields = read_form_fields(upload.fields, JobFileFields)
        except BaseException:
            upload.path.unlink(missing_ok=True)
            raise
        job = await jobs_service.create_job(
            session=session, engine=engine, user=user, upload=upload,
            title=fields.title[:300] or None, company=fields.company[:200] or None,
        )  # fmt: skip
        await count_limit(request, LimitKind.UPLOAD, user)
    except USER_ERRORS as exc:
        failure = failure_of(exc)
        return render(
            request, "jobs.html", status_code=failure.status, error=failure, jobs=await _jobs(session, user),
            text="", title="", company="",
        )  # fmt: skip
    return redirect(request, f"/jobs/{job.id}")


@router.get("/jobs/{job_id}")
async def job_page(request: Request, job_id: uuid.UUID, session: SessionDep, user: WebUser) -> Response:
    job = await jobs_service.get_owned_job(session=session, user=user, job_id=job_id)
    await session.commit()
    keywords = JobKeywords.of(job)
    marks = [
        Mark(ev.start, ev.end, f"req-{i}-{j}", f"required: {kw.name}", "required")
        for i, kw in enumerate(keywords.required)
        for j, ev in enumerate(kw.evidence)
    ]
    marks += [
        Mark(ev.start, ev.end, f"pref-{i}-{j}", f"preferred: {kw.name}", "preferred")
        for i, kw in enumerate(keywords.preferred)
        for j, ev in enumerate(kw.evidence)
    ]
    if keywords.min_years and keywords.min_years.evidence:
        ev = keywords.min_years.evidence
        marks.append(Mark(ev.start, ev.end, "years", "minimum years", "years"))
    return render(
        request, "job.html", section="jobs", job=job, kw=keywords, pieces=pieces(job.description, marks)
    )


@router.post("/jobs/{job_id}/delete")
async def delete_job(
    request: Request,
    job_id: uuid.UUID,
    session: SessionDep,
    user: WebUser,
    web: WebSessionDep,
    storage: StorageDep,
    csrf_token: Text = "",
) -> Response:
    check_csrf(request, web, csrf_token)
    await jobs_service.delete_job(session=session, storage=storage, user=user, job_id=job_id)
    return redirect(request, "/jobs")


# --------------------------------------------------------------------------- match


@router.get("/resumes/{resume_id}/match")
async def match_page(
    request: Request,
    resume_id: uuid.UUID,
    session: SessionDep,
    user: WebUser,
    settings: SettingsDep,
    storage: StorageDep,
    engine: EnginePoolDep,
    match: uuid.UUID | None = None,
) -> Response:
    resume = await resumes_service.get_owned_resume(session=session, user=user, resume_id=resume_id)
    await session.commit()
    jobs = await _jobs(session, user)
    history = (
        await matches_service.list_matches(
            session=session, user=user, page=_ALL, resume_id=resume_id, job_id=None
        )
    ).items
    shown = None
    if match is not None or history:
        shown = await matches_service.get_match(
            session=session, user=user, match_id=match or history[0].analysis_id
        )
        if shown.resume_id != resume.id:
            shown = None
    chart = None
    if jobs and resume.processing_status == "ready":
        top = await matches_service.top_matches(
            session=session, engine=engine, storage=storage, user=user, resume_id=resume_id, limit=10,
            thresholds=settings.match_thresholds,
        )  # fmt: skip
        chart = job_bars([(m.title or "Untitled job", m.match_score, m.category) for m in top.items])
    titles = {j.id: j.title or "Untitled job" for j in jobs}
    return render(
        request, "match.html", section="resumes", resume=resume, jobs=jobs, match=shown, history=history,
        titles=titles, chart=chart, chosen=shown.job_id if shown else None,
    )  # fmt: skip


@router.post("/resumes/{resume_id}/match")
async def request_match(
    request: Request,
    resume_id: uuid.UUID,
    session: SessionDep,
    user: WebUser,
    web: WebSessionDep,
    job_id: Text = "",
    csrf_token: Text = "",
) -> Response:
    check_csrf(request, web, csrf_token)
    try:
        job = uuid.UUID(job_id)
    except ValueError:
        from resumeiq.errors import InvalidInput

        raise InvalidInput("Job: choose one of your jobs.") from None
    await check_limit(request, LimitKind.ANALYSIS, user)
    created = await matches_service.request_match(
        session=session,
        user=user,
        resume_id=resume_id,
        job_id=job,
        dispatch=request.app.state.dispatcher.submit,
    )
    await count_limit(request, LimitKind.ANALYSIS, user)
    return redirect(request, f"/resumes/{resume_id}/match?match={created.id}")


@router.get("/matches/{match_id}/status.json")
async def match_status(request: Request, match_id: uuid.UUID, session: SessionDep, user: WebUser) -> Response:
    found = await matches_service.get_match(session=session, user=user, match_id=match_id)
    return finish(request, JSONResponse({"status": found.status, "error": found.error}))
