"""/api/v1/resumes and /api/v1/candidates."""

from __future__ import annotations

import uuid
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import FileResponse

from resumeiq.apidoc import FILE_UNREADABLE, FILE_UNSUPPORTED, file_response, problems
from resumeiq.db import SessionDep
from resumeiq.errors import InvalidUpload
from resumeiq.pagination import Page, PageDep
from resumeiq.ratelimit.dependencies import rate_limit
from resumeiq.ratelimit.limiter import LimitKind
from resumeiq.resumes import service
from resumeiq.resumes.dependencies import EnginePoolDep, StorageDep
from resumeiq.resumes.schemas import (
    CandidateCreate,
    CandidateOut,
    MasterRequest,
    ResumeDetail,
    ResumeOut,
    ResumeText,
    ResumeUploaded,
)
from resumeiq.resumes.upload import FILE_FIELD, receive_upload
from resumeiq.users.dependencies import CurrentUser, SettingsDep

router = APIRouter(tags=["resumes"])

_FILE_MEDIA_TYPES = (
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "text/plain",
    "text/markdown",
)

# The body is read as a stream (see resumes.upload), so describe it for /docs by hand.
_UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": [FILE_FIELD],
                    "properties": {
                        FILE_FIELD: {
                            "type": "string",
                            "format": "binary",
                            "description": "PDF, DOCX, TXT or MD",
                        },
                        "candidate_id": {
                            "type": "string",
                            "format": "uuid",
                            "description": "Add a version for this candidate (default: your own)",
                        },
                    },
                }
            }
        },
    }
}


@router.post(
    "/resumes",
    status_code=201,
    response_model=ResumeUploaded,
    openapi_extra=_UPLOAD_BODY,
    dependencies=[Depends(rate_limit(LimitKind.UPLOAD))],
    responses=problems(
        401,
        404,
        409,
        413,
        FILE_UNSUPPORTED,
        FILE_UNREADABLE,
        429,
        (503, "engine_unavailable"),
    ),
)
async def upload_resume(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    settings: SettingsDep,
    storage: StorageDep,
    engine: EnginePoolDep,
) -> ResumeUploaded:
    """Upload a resume: it is parsed before the answer, and stored only if it could be read."""
    # End the transaction that loaded the user: no connection is held while the body streams in
    # (SQLite has a single one per process).
    await session.commit()
    upload = await receive_upload(
        request, temp_path=storage.new_temp_path(), max_bytes=settings.upload_max_bytes
    )
    raw_candidate = upload.fields.get("candidate_id", "").strip()
    try:
        candidate_id = uuid.UUID(raw_candidate) if raw_candidate else None
    except ValueError as exc:
        upload.path.unlink(missing_ok=True)
        raise InvalidUpload("candidate_id must be a UUID.") from exc
    resume = await service.upload_resume(
        session=session, storage=storage, engine=engine, user=user, upload=upload, candidate_id=candidate_id
    )
    return ResumeUploaded.of(resume)


@router.get("/resumes", response_model=Page[ResumeOut], responses=problems(401, 422))
async def list_resumes(
    session: SessionDep,
    user: CurrentUser,
    page: PageDep,
    candidate_id: Annotated[uuid.UUID | None, Query()] = None,
) -> Page[ResumeOut]:
    """Your resumes, newest first; filter by candidate."""
    result = await service.list_resumes(session=session, user=user, page=page, candidate_id=candidate_id)
    return Page(
        items=[ResumeOut.of(r) for r in result.items],
        total=result.total,
        limit=page.limit,
        offset=page.offset,
    )


@router.get("/resumes/{resume_id}", response_model=ResumeDetail, responses=problems(401, 404, 422))
async def get_resume(resume_id: uuid.UUID, session: SessionDep, user: CurrentUser) -> ResumeDetail:
    resume = await service.get_owned_resume(session=session, user=user, resume_id=resume_id)
    return ResumeDetail.of(resume)


@router.get("/resumes/{resume_id}/text", response_model=ResumeText, responses=problems(401, 404, 422))
async def get_resume_text(resume_id: uuid.UUID, session: SessionDep, user: CurrentUser) -> ResumeText:
    """The text the engine extracted from the file."""
    resume = await service.get_owned_resume(session=session, user=user, resume_id=resume_id)
    return ResumeText(resume_id=resume.id, format=resume.format, text=resume.extracted_text or "")


def content_disposition(filename: str) -> str:
    """``attachment`` with the file's name, as Starlette's ``FileResponse`` writes it."""
    quoted = quote(filename)
    if quoted != filename:
        return f"attachment; filename*=utf-8''{quoted}"
    return f'attachment; filename="{filename}"'


@router.get(
    "/resumes/{resume_id}/file",
    response_class=FileResponse,
    responses=file_response("The file as uploaded", *_FILE_MEDIA_TYPES) | problems(401, 404, 422),
)
async def download_resume(
    resume_id: uuid.UUID, session: SessionDep, user: CurrentUser, storage: StorageDep
) -> Response:
    """The original file, as uploaded."""
    download = await service.get_download(session=session, storage=storage, user=user, resume_id=resume_id)
    headers = {"X-Content-Type-Options": "nosniff"}
    if download.path is None:
        assert download.content is not None
        headers["Content-Disposition"] = content_disposition(download.filename)
        return Response(download.content, media_type=download.media_type, headers=headers)
    return FileResponse(
        download.path,
        media_type=download.media_type,
        filename=download.filename,
        content_disposition_type="attachment",
        headers=headers,
    )


@router.post("/resumes/{resume_id}/master", response_model=ResumeOut, responses=problems(401, 404, 409, 422))
async def set_master(
    resume_id: uuid.UUID, session: SessionDep, user: CurrentUser, body: MasterRequest | None = None
) -> ResumeOut:
    """Make this version its candidate's master resume for a track (default ``"default"``)."""
    track = (body or MasterRequest()).track
    return ResumeOut.of(
        await service.set_master(session=session, user=user, resume_id=resume_id, track=track)
    )


@router.delete("/resumes/{resume_id}", status_code=204, responses=problems(401, 404, 422))
async def delete_resume(
    resume_id: uuid.UUID, session: SessionDep, user: CurrentUser, storage: StorageDep
) -> Response:
    await service.delete_resume(session=session, storage=storage, user=user, resume_id=resume_id)
    return Response(status_code=204)


@router.post(
    "/candidates",
    status_code=201,
    response_model=CandidateOut,
    tags=["candidates"],
    responses=problems(401, 403, 409, 422),
)
async def create_candidate(body: CandidateCreate, session: SessionDep, user: CurrentUser) -> CandidateOut:
    """A person whose resumes you will upload (recruiters); job seekers get their own on first upload."""
    candidate = await service.create_candidate(
        session=session, user=user, name=body.name, email=body.email, phone=body.phone, location=body.location
    )
    return CandidateOut.of(candidate)


@router.get(
    "/candidates",
    response_model=Page[CandidateOut],
    tags=["candidates"],
    responses=problems(401, 422),
)
async def list_candidates(
    session: SessionDep,
    user: CurrentUser,
    page: PageDep,
    q: Annotated[str | None, Query(max_length=200, description="Part of the name or e-mail")] = None,
    skill: Annotated[str | None, Query(max_length=100, description="A skill of their resumes")] = None,
) -> Page[CandidateOut]:
    """Your candidates, newest first; search by name or e-mail (``q``) and by skill."""
    result = await service.list_candidates(session=session, user=user, page=page, query=q, skill=skill)
    return Page(
        items=[CandidateOut.of(c) for c in result.items],
        total=result.total,
        limit=page.limit,
        offset=page.offset,
    )
