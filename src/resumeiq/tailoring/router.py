"""/api/v1/tailorings and /api/v1/resumes/{id}/export."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response

from resumeiq.apidoc import file_response, problems
from resumeiq.db import SessionDep
from resumeiq.pagination import Page, PageDep
from resumeiq.resumes.dependencies import EnginePoolDep, StorageDep
from resumeiq.tailoring import service
from resumeiq.tailoring.models import Tailoring
from resumeiq.tailoring.render import MEDIA_TYPES
from resumeiq.tailoring.schemas import (
    ConfirmOut,
    ConfirmRequest,
    PreviewOut,
    PreviewRequest,
    TailoringListItem,
)
from resumeiq.users.dependencies import CurrentUser

router = APIRouter(tags=["tailoring"])


def _preview_out(row: Tailoring) -> PreviewOut:
    out: dict[str, Any] = row.output
    return PreviewOut(
        preview_id=row.id,
        preview_hash=row.output_hash,
        resume_id=row.resume_id,
        job_id=row.job_id,
        mode=row.mode,  # type: ignore[arg-type]
        ai_model_used=row.ai_model_used,
        tailored=out["tailored"],
        diff=out["diff"],
        keywords=out["keywords"],
        suggestions=out.get("suggestions") or [],
        cover_letter=out["cover_letter"],
        outreach=out["outreach"],
        warnings=out.get("warnings") or [],
        confirmed_resume_id=row.confirmed_resume_id,
        created_at=row.created_at,
    )


@router.post(
    "/tailorings/preview",
    status_code=201,
    response_model=PreviewOut,
    responses=problems(
        401,
        404,
        (409, "resume_not_ready"),
        (422, "validation_error", "nothing_to_tailor", "llm_not_configured"),
        (503, "engine_unavailable"),
    ),
)
async def preview(
    body: PreviewRequest, session: SessionDep, user: CurrentUser, engine: EnginePoolDep, storage: StorageDep
) -> PreviewOut:
    """Tailor a resume to a job: the tailored resume, a field-level diff, keywords before and
    after, suggestions, and the cover letter and outreach note if asked for. Stored as its own
    preview; nothing changes until you confirm it."""
    row = await service.preview(session=session, engine=engine, storage=storage, user=user, body=body)
    return _preview_out(row)


@router.get("/tailorings", response_model=Page[TailoringListItem], responses=problems(401, 422))
async def list_tailorings(
    session: SessionDep,
    user: CurrentUser,
    page: PageDep,
    resume_id: Annotated[uuid.UUID | None, Query()] = None,
    job_id: Annotated[uuid.UUID | None, Query()] = None,
) -> Page[TailoringListItem]:
    """Your previews, newest first; filter by resume or job."""
    result = await service.list_tailorings(
        session=session, user=user, page=page, resume_id=resume_id, job_id=job_id
    )
    items = [
        TailoringListItem(
            preview_id=row.id,
            preview_hash=row.output_hash,
            resume_id=row.resume_id,
            job_id=row.job_id,
            mode=row.mode,  # type: ignore[arg-type]
            changes=len(row.output.get("diff") or []),
            cover_letter=row.output["cover_letter"]["status"],
            outreach=row.output["outreach"]["status"],
            warnings=len(row.output.get("warnings") or []),
            confirmed_resume_id=row.confirmed_resume_id,
            created_at=row.created_at,
        )
        for row in result.items
    ]
    return Page(items=items, total=result.total, limit=page.limit, offset=page.offset)


@router.get("/tailorings/{tailoring_id}", response_model=PreviewOut, responses=problems(401, 404, 422))
async def get_tailoring(tailoring_id: uuid.UUID, session: SessionDep, user: CurrentUser) -> PreviewOut:
    row = await service.get_owned_tailoring(session=session, user=user, tailoring_id=tailoring_id)
    await session.commit()
    return _preview_out(row)


@router.post(
    "/tailorings/confirm",
    status_code=201,
    response_model=ConfirmOut,
    responses=problems(
        401,
        404,
        (409, "preview_hash_mismatch", "already_confirmed", "stale_preview"),
        (422, "validation_error", "invalid_resume"),
        (503, "engine_unavailable"),
    ),
)
async def confirm(
    body: ConfirmRequest, session: SessionDep, user: CurrentUser, engine: EnginePoolDep, storage: StorageDep
) -> ConfirmOut:
    """Store the preview (with your edits: accept or reject diff entries, or set your own values)
    as a new version of the resume, its ``parent_id`` the original."""
    new, row, applied, rejected, warnings = await service.confirm(
        session=session, engine=engine, storage=storage, user=user, body=body
    )
    assert new.parent_id is not None
    return ConfirmOut(
        resume_id=new.id,
        parent_id=new.parent_id,
        candidate_id=new.candidate_id,
        version_number=new.version_number,
        preview_id=row.id,
        applied=applied,
        rejected=rejected,
        warnings=warnings,
    )


def _file(data: bytes, filename: str, fmt: str) -> Response:
    return Response(
        content=data,
        media_type=MEDIA_TYPES[fmt],
        headers={
            "Content-Disposition": f'attachment; filename="{filename.encode("ascii", "replace").decode()}"',
            "X-Content-Type-Options": "nosniff",
        },
    )


@router.get(
    "/resumes/{resume_id}/export",
    tags=["resumes"],
    response_class=Response,
    responses=file_response("The resume in the format asked for", *MEDIA_TYPES.values())
    | problems(401, 404, (422, "validation_error", "nothing_to_tailor", "invalid_input")),
)
async def export_resume(
    resume_id: uuid.UUID,
    session: SessionDep,
    user: CurrentUser,
    format: Annotated[Literal["json", "md", "docx", "pdf"], Query()] = "json",  # noqa: A002
) -> Response:
    """The resume's structured content (as parsed; a confirmed tailoring's version: as tailored)
    as JSON Resume, Markdown, DOCX or PDF: one column, standard headings, selectable text."""
    data, filename = await service.export_resume(session=session, user=user, resume_id=resume_id, fmt=format)
    return _file(data, filename, format)


@router.get(
    "/tailorings/{tailoring_id}/cover-letter",
    response_class=Response,
    responses=file_response("The cover letter in the format asked for", *MEDIA_TYPES.values())
    | problems(401, 404, (409, "no_cover_letter"), (422, "validation_error", "invalid_input")),
)
async def export_cover_letter(
    tailoring_id: uuid.UUID,
    session: SessionDep,
    user: CurrentUser,
    format: Annotated[Literal["txt", "docx", "pdf"], Query()] = "txt",  # noqa: A002
) -> Response:
    data, filename = await service.export_cover_letter(
        session=session, user=user, tailoring_id=tailoring_id, fmt=format
    )
    return _file(data, filename, format)
