"""Screenings: start one (files + a job), live progress, the ranked board with filters, search,
a score chart, CSV export, a blind view, and e-mails by category with a preview."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import ValidationError
from starlette.responses import JSONResponse, Response

from resumeiq.db import SessionDep
from resumeiq.emails import service as emails_service
from resumeiq.emails.schemas import EmailRequest
from resumeiq.emails.templates import PLACEHOLDERS
from resumeiq.errors import InvalidInput, NotFound
from resumeiq.exports import XLSX_MEDIA_TYPE
from resumeiq.jobs import service as jobs_service
from resumeiq.pagination import PageParams
from resumeiq.ratelimit.dependencies import check_limit, count_limit
from resumeiq.ratelimit.limiter import LimitKind, RateLimiter
from resumeiq.resumes import service as resumes_service
from resumeiq.resumes.dependencies import StorageDep
from resumeiq.screening import service as screening_service
from resumeiq.screening.export import screening_csv, screening_xlsx
from resumeiq.screening.upload import ReceivedBatch, receive_batch
from resumeiq.users.dependencies import SettingsDep
from resumeiq.users.models import User
from resumeiq.users.roles import is_recruiter
from resumeiq.web.charts import score_histogram
from resumeiq.web.forms import check_fields
from resumeiq.web.pages import (
    USER_ERRORS,
    Failure,
    WebRoute,
    WebSessionDep,
    WebUser,
    failure_of,
    finish,
    redirect,
    reload_user,
    render,
)
from resumeiq.web.session import CSRF_FIELD, check_csrf, check_origin

router = APIRouter(route_class=WebRoute, include_in_schema=False)

_ALL = PageParams(limit=100, offset=0)
POOL_SHOWN = 200  # candidates listed to tick on the pool form ("all" takes every one)
_POOL = PageParams(limit=POOL_SHOWN, offset=0)
CATEGORIES = ("selected", "considered", "rejected")


async def _list_context(
    session: Any, user: User, *, chosen: Sequence[uuid.UUID] = (), pool_job: uuid.UUID | None = None
) -> dict[str, Any]:
    """The forms' choices: jobs, and the pool (the newest ``POOL_SHOWN`` candidates to tick, and
    those ``chosen`` before, first), and the screenings so far."""
    jobs = (await jobs_service.list_jobs(session=session, user=user, page=_ALL)).items
    screenings = (await screening_service.list_screenings(session=session, user=user, page=_ALL)).items
    pool = await resumes_service.list_candidates(session=session, user=user, page=_POOL)
    await session.commit()
    people = [c for c in pool.items if not c.is_self]
    shown = {c.id for c in people}
    for candidate_id in chosen:  # ticked on an older candidate's page: listed too, first
        if candidate_id not in shown:
            try:
                found = await resumes_service.get_owned_candidate(
                    session=session, user=user, candidate_id=candidate_id
                )
            except NotFound:
                continue
            people.insert(0, found)
            shown.add(found.id)
    await session.commit()
    return {
        "jobs": jobs,
        "screenings": screenings,
        "titles": {j.id: j.title or "Untitled job" for j in jobs},
        "pool": people,
        "pool_total": pool.total - sum(c.is_self for c in pool.items),
        "chosen": set(chosen),
        "pool_job": pool_job,
    }


@router.get("/screenings")
async def screenings_page(
    request: Request,
    session: SessionDep,
    user: WebUser,
    candidate_id: Annotated[list[uuid.UUID], Query(max_length=POOL_SHOWN)] = [],  # noqa: B006
) -> Response:
    """``candidate_id`` (repeated): candidates to tick in the pool form (a candidate's page links
    here with theirs)."""
    if not is_recruiter(user):  # says what the page is for, instead of a bare 403
        return render(request, "screenings.html", recruiters_only=True, jobs=[], screenings=[], titles={})
    return render(request, "screenings.html", **await _list_context(session, user, chosen=candidate_id))


@router.post("/screenings/pool")
async def screen_pool(
    request: Request,
    session: SessionDep,
    user: WebUser,
    web: WebSessionDep,
    settings: SettingsDep,
    storage: StorageDep,
) -> Response:
    """Screen candidates already in the pool (each by their master resume, else their newest
    ready one) against a job, nothing uploaded: ``pool=all`` every candidate, ``pool=chosen``
    the ticked ``candidate_id`` ones. The same service call as ``POST /api/v1/screenings`` with
    ``all_candidates`` or ``candidate_ids``."""
    form = await request.form(max_fields=POOL_SHOWN + 10, max_files=0)
    check_csrf(request, web, str(form.get(CSRF_FIELD, "")))
    chosen: list[uuid.UUID] = []
    job_id: uuid.UUID | None = None
    try:
        try:
            chosen = [uuid.UUID(str(v)) for v in form.getlist("candidate_id")]
        except ValueError as exc:
            raise InvalidInput("Candidates: tick candidates of yours.") from exc
        try:
            job_id = uuid.UUID(str(form.get("job_id", "")).strip())
        except ValueError as exc:
            raise InvalidInput("Job for your candidates: choose one of your jobs.") from exc
        everyone = form.get("pool") == "all"
        if not everyone and not chosen:
            raise InvalidInput("Candidates: tick at least one candidate, or screen all of them.")
        limiter: RateLimiter = request.app.state.rate_limiter
        await limiter.check(LimitKind.SCREENING_FILES, str(user.id), role=user.role)
        screening, _ = await screening_service.create_screening(
            session=session, storage=storage, user=user, job_id=job_id, resume_ids=[],
            batch=None, blind=form.get("blind") == "true", candidate_ids=[] if everyone else chosen,
            all_candidates=everyone, max_items=settings.screening_max_files,
            max_file_bytes=settings.upload_max_bytes, dispatch=request.app.state.screening_dispatcher.submit,
            charge_credits=settings.credits_enabled,
        )  # fmt: skip
        await limiter.count(LimitKind.SCREENING_FILES, str(user.id), role=user.role, cost=screening.total)
    except USER_ERRORS as exc:
        failure = failure_of(exc)
        user = await reload_user(request, session, web)
        context = await _list_context(session, user, chosen=chosen, pool_job=job_id)
        return render(request, "screenings.html", status_code=failure.status, pool_error=failure, **context)
    return redirect(request, f"/screenings/{screening.id}")


def _form(batch: ReceivedBatch) -> tuple[uuid.UUID, bool]:
    try:
        job_id = uuid.UUID((batch.field("job_id") or "").strip())
    except ValueError as exc:
        raise InvalidInput("Job: choose one of your jobs.") from exc
    return job_id, (batch.field("blind") or "") == "true"


@router.post("/screenings")
async def start_screening(
    request: Request,
    session: SessionDep,
    user: WebUser,
    web: WebSessionDep,
    settings: SettingsDep,
    storage: StorageDep,
) -> Response:
    try:
        check_origin(request)
        # The day's budget of screened resumes, as the API holds it; counted (each file) once accepted.
        await check_limit(request, LimitKind.SCREENING_FILES, user)

        async def check_job(raw: str) -> None:  # before any file is written
            try:
                job_id = uuid.UUID(raw.strip())
            except ValueError as exc:
                raise InvalidInput("Job: choose one of your jobs.") from exc
            await screening_service.check_job(session=session, user=user, job_id=job_id)

        batch = await receive_batch(
            request,
            new_temp_path=storage.new_temp_path,
            max_bytes=settings.upload_max_bytes,
            max_files=settings.screening_max_files,
            max_total_bytes=settings.screening_max_bytes,
            check_job=check_job,
        )
        try:
            check_fields(batch.fields)
            check_csrf(request, web, batch.field(CSRF_FIELD))
            job_id, blind = _form(batch)
            empty = [f for f in batch.files if not f.size_bytes and f.filename == "upload"]  # no file chosen
            for f in empty:
                if f.path is not None:
                    f.path.unlink(missing_ok=True)
            batch.files = [f for f in batch.files if f not in empty]
            if not batch.files:
                raise InvalidInput("Resume files: choose at least one file.")
        except BaseException:
            batch.discard()
            raise
        screening, _ = await screening_service.create_screening(
            session=session, storage=storage, user=user, job_id=job_id, resume_ids=[], batch=batch, blind=blind,
            max_items=settings.screening_max_files, max_file_bytes=settings.upload_max_bytes,
            dispatch=request.app.state.screening_dispatcher.submit,
            charge_credits=settings.credits_enabled,
        )  # fmt: skip
        await count_limit(request, LimitKind.SCREENING_FILES, user, cost=screening.total)
    except USER_ERRORS as exc:
        failure = failure_of(exc)
        user = await reload_user(request, session, web)
        context = await _list_context(session, user)
        return render(request, "screenings.html", status_code=failure.status, error=failure, **context)
    return redirect(request, f"/screenings/{screening.id}")


async def _all_results(session: Any, user: User, screening_id: uuid.UUID) -> list[Any]:
    items: list[Any] = []
    cursor = None
    while True:
        page = await screening_service.screening_results(
            session=session, user=user, screening_id=screening_id, status="all", category=None, limit=200,
            cursor=cursor,
        )  # fmt: skip
        items += page.items
        cursor = page.next_cursor
        if cursor is None:
            return items


def _matches(item: Any, query: str) -> bool:
    haystack = [
        item.label,
        item.filename or "",
        *(item.matched_required or []),
        *(item.related_required or []),
        *(item.missing_required or []),
    ]
    if item.candidate is not None:
        haystack += [item.candidate.email or "", item.candidate.location or ""]
    return any(query in value.lower() for value in haystack)


async def _board(
    request: Request, session: Any, user: User, screening_id: uuid.UUID, **extra: Any
) -> dict[str, Any]:
    status = await screening_service.screening_status(session=session, user=user, screening_id=screening_id)
    items = await _all_results(session, user, screening_id)
    params = request.query_params
    category = params.get("category") or None
    if category not in (None, *CATEGORIES):
        raise InvalidInput(f"Category must be one of {', '.join(CATEGORIES)}.")
    query = (params.get("q") or "").strip()
    hide = status.blind or params.get("view") == "blind"
    scored = [i for i in items if i.status == "completed" and i.score is not None]
    shown = [i for i in items if category is None or i.category == category]
    if query:
        shown = [i for i in shown if _matches(i, query.lower())]
    outbox, counts = await emails_service.list_emails(
        session=session, user=user, screening_id=screening_id, page=_ALL, status=None
    )
    return {
        "status": status,
        "items": shown,
        "all_count": len(items),
        "category": category,
        "q": query,
        "hide": hide,
        "chart": score_histogram([(i.score, i.category or "rejected") for i in scored]),
        "outbox": outbox,
        "outbox_counts": counts,
        "placeholders": PLACEHOLDERS,
        "templates": extra.pop("templates", {}),
        "sender": request.app.state.settings.smtp_from,
        "smtp": bool(request.app.state.settings.smtp_host),
        **extra,
    }


@router.get("/screenings/{screening_id}")
async def screening_page(
    request: Request, screening_id: uuid.UUID, session: SessionDep, user: WebUser
) -> Response:
    context = await _board(request, session, user, screening_id)
    return render(request, "screening.html", section="screenings", **context)


@router.get("/screenings/{screening_id}/progress.json")
async def screening_progress(
    request: Request, screening_id: uuid.UUID, session: SessionDep, user: WebUser
) -> Response:
    status = await screening_service.screening_status(session=session, user=user, screening_id=screening_id)
    return finish(request, JSONResponse(status.model_dump(mode="json")))


async def _export(request: Request, session: Any, user: User, screening_id: uuid.UUID, fmt: str) -> Response:
    """Every item of the screening as a file: the API's CSV or XLSX of the same rows."""
    screening, items, positions = await screening_service.all_items(
        session=session, user=user, screening_id=screening_id
    )
    if fmt == "csv":
        content, media_type = screening_csv(screening, items, positions).encode("utf-8"), "text/csv; charset=utf-8"
    else:
        content, media_type = screening_xlsx(screening, items, positions), XLSX_MEDIA_TYPE
    return finish(
        request,
        Response(
            content=content,
            media_type=media_type,
            headers={"Content-Disposition": f'attachment; filename="screening-{screening.id}.{fmt}"'},
        ),
    )


@router.get("/screenings/{screening_id}/export.csv")
async def export_csv(
    request: Request, screening_id: uuid.UUID, session: SessionDep, user: WebUser
) -> Response:
    return await _export(request, session, user, screening_id, "csv")


@router.get("/screenings/{screening_id}/export.xlsx")
async def export_xlsx(
    request: Request, screening_id: uuid.UUID, session: SessionDep, user: WebUser
) -> Response:
    """The same workbook as ``GET /api/v1/screenings/{id}/results?format=xlsx``."""
    return await _export(request, session, user, screening_id, "xlsx")


def _email_request(form: Any) -> tuple[dict[str, dict[str, str]], EmailRequest]:
    templates = {
        c: {"subject": str(form.get(f"subject_{c}", "")), "body": str(form.get(f"body_{c}", ""))}
        for c in CATEGORIES
    }
    chosen = {c: t for c, t in templates.items() if t["subject"].strip() or t["body"].strip()}
    raw_count = str(form.get("expected_count", "")).strip()
    expected = int(raw_count) if raw_count.isdigit() else None
    return templates, EmailRequest.model_validate(
        {"templates": chosen, "confirm": expected is not None, "expected_count": expected}
    )


@router.post("/screenings/{screening_id}/emails")
async def emails(
    request: Request,
    screening_id: uuid.UUID,
    session: SessionDep,
    user: WebUser,
    web: WebSessionDep,
    settings: SettingsDep,
) -> Response:
    """``action=preview``: each message as it would be sent; ``action=send``: queue them."""
    form = await request.form(max_fields=20, max_part_size=64 * 1024)
    check_csrf(request, web, str(form.get(CSRF_FIELD, "")))
    templates: dict[str, dict[str, str]] = {}
    try:
        templates = {
            c: {"subject": str(form.get(f"subject_{c}", "")), "body": str(form.get(f"body_{c}", ""))}
            for c in CATEGORIES
        }
        templates, body = _email_request(form)
        if form.get("action") == "send":
            queued, skipped, _ = await emails_service.queue_emails(
                session=session, user=user, screening_id=screening_id, request=body,
                policy=emails_service.EmailPolicy.from_settings(settings),
                dispatch=request.app.state.email_dispatcher.submit,
            )  # fmt: skip
            extra: dict[str, Any] = {"queued": queued, "skipped": skipped}
        else:
            preview = await emails_service.preview_emails(
                session=session, user=user, screening_id=screening_id, request=body
            )
            extra = {"previews": preview.messages, "preview_count": preview.count}
    except (ValidationError, *USER_ERRORS) as exc:
        failure: Failure = failure_of(exc)
        context = await _board(request, session, user, screening_id, templates=templates)
        return render(request, "screening.html", status_code=failure.status, section="screenings",
                      email_error=failure, **context)  # fmt: skip
    context = await _board(request, session, user, screening_id, templates=templates)
    return render(request, "screening.html", section="screenings", **extra, **context)
