"""/api/v1/jobs."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request, Response

from resumeiq.apidoc import FILE_UNREADABLE, FILE_UNSUPPORTED, problems
from resumeiq.bodies import media_type, read_form_fields, read_json_model
from resumeiq.db import SessionDep
from resumeiq.errors import UnsupportedMediaType
from resumeiq.jobs import service
from resumeiq.jobs.schemas import JobCreate, JobDetail, JobFileFields, JobKeywords, JobOut, JobUpdate
from resumeiq.pagination import Page, PageDep
from resumeiq.ratelimit.limiter import LimitKind, RateLimiter
from resumeiq.resumes.dependencies import EnginePoolDep, StorageDep
from resumeiq.resumes.upload import FILE_FIELD, receive_upload
from resumeiq.users.dependencies import CurrentUser, SettingsDep

router = APIRouter(tags=["jobs"])

_JSON_BODY_BYTES = 512 * 1024
_CREATE_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": JobCreate.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": [FILE_FIELD],
                    "properties": {
                        FILE_FIELD: {"type": "string", "format": "binary", "description": "PDF, DOCX or TXT"},
                        "title": {"type": "string", "description": "Overrides the title read from the file"},
                        "company": {"type": "string"},
                    },
                }
            },
        },
    }
}


@router.post(
    "/jobs",
    status_code=201,
    response_model=JobDetail,
    openapi_extra=_CREATE_BODY,
    responses=problems(401, 413, FILE_UNSUPPORTED, FILE_UNREADABLE, 429, (503, "engine_unavailable")),
)
async def create_job(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    settings: SettingsDep,
    storage: StorageDep,
    engine: EnginePoolDep,
) -> JobDetail:
    """Create a job from its text (JSON) or from a PDF, DOCX or TXT file (multipart); its
    requirements are parsed before the answer."""
    await session.commit()  # hold no connection while the body streams in
    kind = media_type(request)
    if kind == "application/json":
        body = await read_json_model(request, JobCreate, max_bytes=_JSON_BODY_BYTES)
        job = await service.create_job(
            session=session, engine=engine, user=user, text=body.text, title=body.title, company=body.company
        )
    elif kind == "multipart/form-data":
        limiter: RateLimiter = request.app.state.rate_limiter
        await limiter.check(LimitKind.UPLOAD, str(user.id), role=user.role)  # counted once it succeeds
        upload = await receive_upload(
            request, temp_path=storage.new_temp_path(), max_bytes=settings.upload_max_bytes
        )
        try:
            fields = read_form_fields(upload.fields, JobFileFields)
        except BaseException:
            upload.path.unlink(missing_ok=True)
            raise
        job = await service.create_job(
            session=session,
            engine=engine,
            user=user,
            upload=upload,
            title=fields.title[:300] or None,
            company=fields.company[:200] or None,
        )
        await limiter.count(LimitKind.UPLOAD, str(user.id), role=user.role)
    else:
        raise UnsupportedMediaType(
            "Send the job as application/json {\"text\": …} or as multipart/form-data with a 'file' field."
        )
    return JobDetail.of(job)


@router.get("/jobs", response_model=Page[JobOut], responses=problems(401, 422))
async def list_jobs(session: SessionDep, user: CurrentUser, page: PageDep) -> Page[JobOut]:
    """Your jobs, newest first."""
    result = await service.list_jobs(session=session, user=user, page=page)
    return Page(
        items=[JobOut.of(j) for j in result.items], total=result.total, limit=page.limit, offset=page.offset
    )


@router.get("/jobs/{job_id}", response_model=JobDetail, responses=problems(401, 404, 422))
async def get_job(job_id: uuid.UUID, session: SessionDep, user: CurrentUser) -> JobDetail:
    return JobDetail.of(await service.get_owned_job(session=session, user=user, job_id=job_id))


@router.patch(
    "/jobs/{job_id}",
    response_model=JobDetail,
    responses=problems(401, 404, 422, (503, "engine_unavailable")),
)
async def update_job(
    job_id: uuid.UUID, body: JobUpdate, session: SessionDep, user: CurrentUser, engine: EnginePoolDep
) -> JobDetail:
    """Change a job; a new text or title parses its requirements again."""
    changes = body.model_dump(include=body.model_fields_set)
    job = await service.update_job(session=session, engine=engine, user=user, job_id=job_id, changes=changes)
    return JobDetail.of(job)


@router.delete("/jobs/{job_id}", status_code=204, responses=problems(401, 404, 422))
async def delete_job(
    job_id: uuid.UUID, session: SessionDep, user: CurrentUser, storage: StorageDep
) -> Response:
    """Delete a job, the matches made against it and its screenings."""
    await service.delete_job(session=session, storage=storage, user=user, job_id=job_id)
    return Response(status_code=204)


@router.get("/jobs/{job_id}/keywords", response_model=JobKeywords, responses=problems(401, 404, 422))
async def job_keywords(job_id: uuid.UUID, session: SessionDep, user: CurrentUser) -> JobKeywords:
    """The requirements read from the posting, each with the spans of text it was read from."""
    return JobKeywords.of(await service.get_owned_job(session=session, user=user, job_id=job_id))
