"""/api/v1/screenings/{id}/emails: queue candidate e-mails and follow their delivery."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel

from resumeiq.db import SessionDep
from resumeiq.emails import service
from resumeiq.emails.schemas import EmailOut, EmailRequest, EmailsQueued, EmailStatusCounts
from resumeiq.emails.templates import PLACEHOLDERS
from resumeiq.pagination import PageDep
from resumeiq.users.dependencies import CurrentUser, SettingsDep
from resumeiq.worker.dispatch import Dispatcher

router = APIRouter(tags=["emails"])


async def get_email_dispatcher(request: Request) -> Dispatcher:
    return request.app.state.email_dispatcher


EmailDispatcherDep = Annotated[Dispatcher, Depends(get_email_dispatcher)]


class EmailPage(BaseModel):
    items: list[EmailOut]
    total: int
    limit: int
    offset: int
    counts: EmailStatusCounts


@router.post(
    "/screenings/{screening_id}/emails",
    status_code=202,
    response_model=EmailsQueued,
    description="Placeholders: " + "; ".join(f"{{{k}}}: {v}" for k, v in PLACEHOLDERS.items()),
)
async def queue_emails(
    screening_id: uuid.UUID,
    body: EmailRequest,
    request: Request,
    response: Response,
    session: SessionDep,
    user: CurrentUser,
    settings: SettingsDep,
    dispatcher: EmailDispatcherDep,
) -> EmailsQueued:
    """Queue one personalised e-mail per scored candidate of a completed screening, with the
    template of their category; follow delivery at the status URL."""
    queued, skipped = await service.queue_emails(
        session=session,
        user=user,
        screening_id=screening_id,
        request=body,
        policy=service.EmailPolicy.from_settings(settings),
        dispatch=dispatcher.submit,
    )
    status_url = str(request.url_for("list_emails", screening_id=screening_id).path)
    response.headers["Location"] = status_url
    return EmailsQueued(screening_id=screening_id, queued=queued, skipped=skipped, status_url=status_url)


@router.get("/screenings/{screening_id}/emails", response_model=EmailPage, name="list_emails")
async def list_emails(
    screening_id: uuid.UUID,
    session: SessionDep,
    user: CurrentUser,
    page: PageDep,
    status: Annotated[Literal["queued", "sending", "sent", "failed"] | None, Query()] = None,
) -> EmailPage:
    """The screening's messages with their status and error, oldest first, and counts by status."""
    result, counts = await service.list_emails(
        session=session, user=user, screening_id=screening_id, page=page, status=status
    )
    return EmailPage(
        items=result.items, total=result.total, limit=result.limit, offset=result.offset, counts=counts
    )
