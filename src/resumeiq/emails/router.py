"""/api/v1/screenings/{id}/emails: queue candidate e-mails and follow their delivery."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel

from resumeiq.apidoc import problems
from resumeiq.db import SessionDep
from resumeiq.emails import service
from resumeiq.emails.schemas import (
    EmailOut,
    EmailPreviewRequest,
    EmailRequest,
    EmailsPreview,
    EmailsQueued,
    EmailStatusCounts,
    EmailTestRequest,
    TestEmailSent,
)
from resumeiq.emails.tasks import SmtpSettings
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
    responses=problems(
        401,
        (403, "role_required"),
        404,
        (409, "result_not_ready", "preview_count_mismatch"),
        (422, "validation_error", "confirmation_required"),
        (429, "email_cap_reached"),
        (503, "email_not_configured"),
    ),
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
    """Send what the preview showed (``confirm: true``, ``expected_count``): one personalised
    e-mail per scored candidate of a completed screening, with the template of their category,
    at most one per candidate and category; follow delivery at the status URL. With an
    ``idempotency_key``, a repeated request answers the same and queues nothing."""
    queued, skipped, replayed = await service.queue_emails(
        session=session,
        user=user,
        screening_id=screening_id,
        request=body,
        policy=service.EmailPolicy.from_settings(settings),
        dispatch=dispatcher.submit,
    )
    status_url = str(request.url_for("list_emails", screening_id=screening_id).path)
    response.headers["Location"] = status_url
    return EmailsQueued(
        screening_id=screening_id, queued=queued, skipped=skipped, status_url=status_url, replayed=replayed
    )


@router.post(
    "/screenings/{screening_id}/emails/preview",
    response_model=EmailsPreview,
    description="Placeholders: " + "; ".join(f"{{{k}}}: {v}" for k, v in PLACEHOLDERS.items()),
    responses=problems(401, (403, "role_required"), 404, 422),
)
async def preview_emails(
    screening_id: uuid.UUID, body: EmailPreviewRequest, session: SessionDep, user: CurrentUser
) -> EmailsPreview:
    """Every message the templates would send, rendered, and why any would be skipped; nothing
    is sent. Send them with ``confirm: true`` and this ``count`` as ``expected_count``."""
    return await service.preview_emails(session=session, user=user, screening_id=screening_id, request=body)


@router.post(
    "/screenings/{screening_id}/emails/test",
    response_model=TestEmailSent,
    responses=problems(
        401,
        (403, "role_required"),
        404,
        (422, "validation_error", "invalid_input"),
        (429, "email_cap_reached"),
        (503, "email_not_configured", "email_not_delivered"),
    ),
)
async def send_test_email(
    screening_id: uuid.UUID,
    body: EmailTestRequest,
    session: SessionDep,
    user: CurrentUser,
    settings: SettingsDep,
) -> TestEmailSent:
    """Send one message of a category, rendered for its first candidate, to your own address
    (subject marked ``[test]``), now; no candidate gets anything."""
    return await service.send_test_email(
        session=session,
        user=user,
        screening_id=screening_id,
        request=body,
        policy=service.EmailPolicy.from_settings(settings),
        smtp=SmtpSettings.from_settings(settings),
    )


@router.get(
    "/screenings/{screening_id}/emails",
    response_model=EmailPage,
    name="list_emails",
    responses=problems(401, 404, 422),
)
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
