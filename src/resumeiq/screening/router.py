"""/api/v1/screenings."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response

from resumeiq.apidoc import file_response, problems
from resumeiq.bodies import media_type, read_json_model
from resumeiq.db import SessionDep
from resumeiq.errors import InvalidInput, UnsupportedMediaType
from resumeiq.exports import CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE
from resumeiq.pagination import Page, PageDep
from resumeiq.ratelimit.limiter import LimitKind, RateLimiter
from resumeiq.resumes.dependencies import StorageDep
from resumeiq.screening import service
from resumeiq.screening.dependencies import ScreeningDispatcherDep
from resumeiq.screening.export import screening_csv, screening_xlsx
from resumeiq.screening.schemas import (
    Category,
    ResultStatus,
    ScreeningAccepted,
    ScreeningCreate,
    ScreeningResults,
    ScreeningStatus,
    ScreeningSummary,
)
from resumeiq.screening.upload import ReceivedBatch, receive_batch
from resumeiq.users.dependencies import CurrentUser, SettingsDep

router = APIRouter(tags=["screenings"])

ExportFormat = Literal["json", "csv", "xlsx"]
_FORMAT = (
    "json: this page of results; csv or xlsx: a file of every item (ranked ones first, then failed "
    "and duplicate ones with their reason; with category, only that category), for a spreadsheet"
)

_JSON_BODY_BYTES = 256 * 1024
_TRUE, _FALSE = {"true", "1", "yes", "on"}, {"false", "0", "no", "off", ""}
_CREATE_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["job_id"],
                    "properties": {
                        "job_id": {
                            "type": "string",
                            "format": "uuid",
                            "description": "Before the files: it is checked before any file is stored",
                        },
                        "files": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            "description": "Resumes (PDF, DOCX, TXT, MD), up to 1,000",
                        },
                        "resume_ids": {
                            "type": "string",
                            "description": "Resumes uploaded before: ids, comma-separated or repeated",
                        },
                        "candidate_ids": {
                            "type": "string",
                            "description": "Candidates of yours (each by its master resume, else its newest): ids, comma-separated or repeated",
                        },
                        "all_candidates": {
                            "type": "boolean",
                            "description": "Screen every candidate of yours as well (no upload needed)",
                        },
                        "blind": {
                            "type": "boolean",
                            "description": "Hide names and contact details in results",
                        },
                    },
                }
            },
            "application/json": {"schema": ScreeningCreate.model_json_schema()},
        },
    }
}


def _uuid(raw: str, name: str) -> uuid.UUID:
    try:
        return uuid.UUID(raw.strip())
    except ValueError as exc:
        raise InvalidInput(f"{name} must be a UUID.") from exc


_FORM_FIELDS = ("job_id", "resume_ids", "candidate_ids", "all_candidates", "blind")


def _ids(batch: ReceivedBatch, name: str) -> list[uuid.UUID]:
    try:
        return [
            uuid.UUID(part.strip())
            for value in batch.fields.get(name, [])
            for part in value.split(",")
            if part.strip()
        ]
    except ValueError as exc:
        raise InvalidInput(f"{name} must be UUIDs (comma-separated or the field repeated).") from exc


def _flag(batch: ReceivedBatch, name: str) -> bool:
    value = (batch.field(name) or "").strip().lower()
    if value not in _TRUE | _FALSE:
        raise InvalidInput(f"{name} must be true or false.")
    return value in _TRUE


def _form(batch: ReceivedBatch) -> tuple[uuid.UUID, list[uuid.UUID], bool, dict[str, Any]]:
    empty_file_input = not any(v.strip() for v in batch.fields.get("files", ["x"]))  # no file chosen
    unknown = sorted(set(batch.fields) - set(_FORM_FIELDS) - ({"files"} if empty_file_input else set()))
    if unknown:
        raise InvalidInput(
            f"Unknown form field(s): {', '.join(unknown)}. A screening takes {', '.join(_FORM_FIELDS)} and files."
        )
    raw_job = (batch.field("job_id") or "").strip()
    if not raw_job:
        raise InvalidInput("job_id is required.")
    job_id = _uuid(raw_job, "job_id")
    pool = {"candidate_ids": _ids(batch, "candidate_ids"), "all_candidates": _flag(batch, "all_candidates")}
    return job_id, _ids(batch, "resume_ids"), _flag(batch, "blind"), pool


@router.post(
    "/screenings",
    status_code=202,
    response_model=ScreeningAccepted,
    openapi_extra=_CREATE_BODY,
    responses=problems(401, 404, 413, 415, (422, "validation_error", "invalid_input", "invalid_upload"), 429),
)
async def create_screening(
    request: Request,
    response: Response,
    session: SessionDep,
    user: CurrentUser,
    settings: SettingsDep,
    storage: StorageDep,
    dispatcher: ScreeningDispatcherDep,
) -> ScreeningAccepted:
    """Screen up to 1,000 resumes (uploaded files and/or resumes you stored before) against one of
    your jobs. Items are processed in the background; poll the status URL. In a multipart body,
    send ``job_id`` before the files: the job is checked before any file is stored."""
    await session.commit()  # hold no connection while the body streams in
    limiter: RateLimiter = request.app.state.rate_limiter
    # Held to the day's budget of screened resumes; counted (each item) once it is accepted.
    await limiter.check(LimitKind.SCREENING_FILES, str(user.id), role=user.role)
    kind = media_type(request)
    batch: ReceivedBatch | None = None
    pool: dict[str, Any] = {}
    if kind == "application/json":
        body = await read_json_model(request, ScreeningCreate, max_bytes=_JSON_BODY_BYTES)
        job_id, resume_ids, blind = body.job_id, body.resume_ids, body.blind
        pool = {"candidate_ids": body.candidate_ids, "all_candidates": body.all_candidates}
    elif kind == "multipart/form-data":

        async def check_job(raw: str) -> None:  # before any file is written
            await service.check_job(session=session, user=user, job_id=_uuid(raw, "job_id"))

        batch = await receive_batch(
            request,
            new_temp_path=storage.new_temp_path,
            max_bytes=settings.upload_max_bytes,
            max_files=settings.screening_max_files,
            max_total_bytes=settings.screening_max_bytes,
            check_job=check_job,
        )
        try:
            job_id, resume_ids, blind, pool = _form(batch)
        except BaseException:
            batch.discard()
            raise
    else:
        raise UnsupportedMediaType("Send a screening as multipart/form-data (files) or application/json.")
    screening, items = await service.create_screening(
        session=session,
        storage=storage,
        user=user,
        job_id=job_id,
        resume_ids=resume_ids,
        batch=batch,
        blind=blind,
        max_items=settings.screening_max_files,
        max_file_bytes=settings.upload_max_bytes,
        dispatch=dispatcher.submit,
        charge_credits=settings.credits_enabled,
        **pool,
    )
    await limiter.count(LimitKind.SCREENING_FILES, str(user.id), role=user.role, cost=screening.total)
    status_url = str(request.url_for("screening_status", screening_id=screening.id).path)
    response.headers["Location"] = status_url
    return ScreeningAccepted(
        screening_id=screening.id,
        status="processing",
        total=screening.total,
        duplicates=sum(i.status == "duplicate" for i in items),
        failed=sum(i.status == "failed" for i in items),
        status_url=status_url,
    )


@router.get("/screenings", response_model=Page[ScreeningSummary], responses=problems(401, 422))
async def list_screenings(session: SessionDep, user: CurrentUser, page: PageDep) -> Page[ScreeningSummary]:
    """Your screenings, newest first."""
    return await service.list_screenings(session=session, user=user, page=page)


@router.get(
    "/screenings/{screening_id}",
    response_model=ScreeningStatus,
    name="screening_status",
    responses=problems(401, 404, 422),
)
async def screening_status(
    screening_id: uuid.UUID, session: SessionDep, user: CurrentUser
) -> ScreeningStatus:
    """Progress and counts: total, processed, failed, duplicates, and per category."""
    return await service.screening_status(session=session, user=user, screening_id=screening_id)


@router.get(
    "/screenings/{screening_id}/results",
    response_model=ScreeningResults,
    responses=file_response("The results; with format=csv or xlsx, the export", "text/csv", XLSX_MEDIA_TYPE)
    | problems(401, 404, (422, "validation_error", "invalid_input")),
)
async def screening_results(
    screening_id: uuid.UUID,
    session: SessionDep,
    user: CurrentUser,
    status: Annotated[
        ResultStatus, Query(description="Which items; completed ones are ranked")
    ] = "completed",
    category: Annotated[Category | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    format: Annotated[ExportFormat, Query(description=_FORMAT)] = "json",  # noqa: A002
) -> ScreeningResults | Response:
    """Items best first; pass ``next_cursor`` as ``cursor`` for the next page."""
    if format != "json":
        return await _export(screening_id, session, user, format, category)
    return await service.screening_results(
        session=session,
        user=user,
        screening_id=screening_id,
        status=status,
        category=category,
        limit=limit,
        cursor=cursor,
    )


@router.get(
    "/screenings/{screening_id}/export.csv",
    response_class=Response,
    responses=file_response("The screening as CSV", "text/csv") | problems(401, 404, 422),
)
async def export_csv(screening_id: uuid.UUID, session: SessionDep, user: CurrentUser) -> Response:
    """Every item as CSV (UTF-8), ranked, failed and duplicate ones with their reason; the same as
    ``results?format=csv``."""
    return await _export(screening_id, session, user, "csv", None)


async def _export(
    screening_id: uuid.UUID, session: SessionDep, user: CurrentUser, fmt: str, category: str | None
) -> Response:
    screening, items, positions = await service.all_items(
        session=session, user=user, screening_id=screening_id
    )
    if fmt == "xlsx":
        content, media = screening_xlsx(screening, items, positions, category=category), XLSX_MEDIA_TYPE
    else:
        text = screening_csv(screening, items, positions, category=category)
        content, media = text.encode("utf-8"), CSV_MEDIA_TYPE
    return Response(
        content=content,
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="screening-{screening.id}.{fmt}"'},
    )


@router.delete("/screenings/{screening_id}", status_code=204, responses=problems(401, 404, 422))
async def delete_screening(
    screening_id: uuid.UUID, session: SessionDep, user: CurrentUser, storage: StorageDep
) -> Response:
    await service.delete_screening(session=session, storage=storage, user=user, screening_id=screening_id)
    return Response(status_code=204)
