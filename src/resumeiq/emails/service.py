"""E-mail use cases: queue personalised messages for a screening's candidates, preview them,
list the outbox."""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from email.utils import make_msgid
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from resumeiq.config import Settings
from resumeiq.db import utcnow
from resumeiq.emails.models import EmailBatch, EmailMessage, EmailStatus
from resumeiq.emails.schemas import (
    EmailOut,
    EmailPreviewRequest,
    EmailRequest,
    EmailsPreview,
    EmailStatusCounts,
    EmailTemplates,
    EmailTestRequest,
    MessagePreview,
    Skipped,
    TestEmailSent,
    valid_address,
)
from resumeiq.emails.tasks import SmtpSettings, deliver_now, test_message
from resumeiq.emails.templates import one_line, render
from resumeiq.errors import (
    ConfirmationRequired,
    Conflict,
    EmailCapReached,
    EmailNotConfigured,
    InvalidInput,
    PreviewCountMismatch,
    ResultNotReady,
)
from resumeiq.jobs.models import Job
from resumeiq.pagination import Page, PageParams
from resumeiq.screening.models import ItemStatus, ScreeningItem
from resumeiq.screening.service import get_owned_screening, screening_status
from resumeiq.users.models import User
from resumeiq.users.roles import require_recruiter


def _values(item: ScreeningItem, job: Job) -> dict[str, str]:
    name = one_line(item.candidate_name or "")
    return {
        "candidate_name": name or "there",
        "first_name": name.split(" ")[0] if name else "there",
        "job_title": one_line(job.title or ""),
        "company": one_line(job.company or ""),
        "category": item.category or "",
        "score": str(item.score if item.score is not None else ""),
    }


@dataclass(frozen=True, slots=True)
class EmailPolicy:
    """Who sends and how much: the one configured sender, and caps over any 24 hours."""

    sender: str | None
    smtp_configured: bool
    max_per_user_per_day: int
    max_per_day: int

    @classmethod
    def from_settings(cls, settings: Settings) -> EmailPolicy:
        return cls(
            sender=settings.smtp_from,
            smtp_configured=bool(settings.smtp_host),
            max_per_user_per_day=settings.email_max_per_user_per_day,
            max_per_day=settings.email_max_per_day,
        )


_DAY = timedelta(days=1)


async def check_caps(*, session: AsyncSession, user: User, policy: EmailPolicy, adding: int) -> None:
    """Raise ``EmailCapReached`` if ``adding`` more messages would pass the user's or the
    server's cap over the last 24 hours; its ``retry_after`` is when the oldest counted message
    leaves the window."""
    if adding <= 0:
        return
    since = utcnow() - _DAY
    for cap, where, whose in (
        (policy.max_per_user_per_day, [EmailMessage.owner_user_id == user.id], "your account"),
        (policy.max_per_day, [], "this server"),
    ):
        sent, oldest = (
            await session.execute(
                select(func.count(), func.min(EmailMessage.requested_at)).where(
                    EmailMessage.requested_at > since, *where
                )
            )
        ).one()
        if sent + adding > cap:
            await session.commit()
            wait = (oldest + _DAY - utcnow()).total_seconds() if oldest is not None else _DAY.total_seconds()
            raise EmailCapReached(
                f"These {adding} message(s) would pass the cap of {cap} e-mails per 24 hours for "
                f"{whose} ({sent} already queued in that time).",
                retry_after=max(1, math.ceil(wait)),
            )


@dataclass(slots=True)
class _Planned:
    """One message of a batch, rendered; ``skipped`` says why it will not be sent."""

    item: ScreeningItem
    category: str
    subject: str
    body: str
    skipped: str | None
    failed_id: uuid.UUID | None = None  # an earlier message that failed: sent again in its row


async def _screening_and_job(session: AsyncSession, user: User, screening_id: uuid.UUID) -> tuple[Any, Job]:
    screening = await get_owned_screening(session=session, user=user, screening_id=screening_id)
    job = await session.get(Job, screening.job_id)
    assert job is not None
    return screening, job


async def _completed_screening(session: AsyncSession, user: User, screening_id: uuid.UUID) -> tuple[Any, Job]:
    progress = await screening_status(session=session, user=user, screening_id=screening_id)
    if progress.status != "completed":
        raise ResultNotReady(
            f"Screening {screening_id} is still processing ({progress.processed} of {progress.total}); "
            "e-mail candidates once it is completed.",
            screening_status=progress.status,
        )
    screening = await get_owned_screening(session=session, user=user, screening_id=screening_id)
    job = await session.get(Job, screening.job_id)
    assert job is not None
    return screening, job


async def _plan(
    session: AsyncSession, screening: Any, job: Job, templates: EmailTemplates, *, blind_preview: bool = False
) -> list[_Planned]:
    """The messages the templates give each scored candidate, by position."""
    items = list(
        await session.scalars(
            select(ScreeningItem)
            .where(ScreeningItem.screening_id == screening.id, ScreeningItem.status == ItemStatus.COMPLETED)
            .order_by(ScreeningItem.position)
        )
    )
    earlier = {
        (item_id, category): (status, message_id)
        for item_id, category, status, message_id in await session.execute(
            select(
                EmailMessage.screening_item_id, EmailMessage.category, EmailMessage.status, EmailMessage.id
            ).where(EmailMessage.screening_id == screening.id)
        )
    }
    out = []
    for item in items:
        category = item.category or ""
        template = getattr(templates, category, None)
        if template is None:
            continue  # no e-mail for this category was asked for
        values = _values(item, job)
        if blind_preview:
            values |= {"candidate_name": "{candidate_name}", "first_name": "{first_name}"}
        status, message_id = earlier.get((item.id, category), (None, None))
        skipped = None
        if status is not None and status != EmailStatus.FAILED:
            skipped = "already_messaged"
        elif not item.candidate_email or not valid_address(item.candidate_email):
            skipped = "no_email_address"
        out.append(
            _Planned(
                item=item,
                category=category,
                subject=one_line(render(template.subject, values))[:998],
                body=render(template.body, values),
                skipped=skipped,
                failed_id=message_id if status == EmailStatus.FAILED else None,
            )
        )
    return out


def _sender(policy: EmailPolicy) -> str:
    if not policy.smtp_configured:
        raise EmailNotConfigured("E-mail is not configured on this server (set RESUMEIQ_SMTP_HOST).")
    if not policy.sender or not valid_address(policy.sender):
        raise EmailNotConfigured("E-mail has no sender on this server (set RESUMEIQ_SMTP_FROM).")
    return policy.sender


async def _replay(session: AsyncSession, user: User, key: str | None) -> EmailBatch | None:
    if key is None:
        return None
    return await session.scalar(
        select(EmailBatch).where(EmailBatch.owner_user_id == user.id, EmailBatch.idempotency_key == key)
    )


async def queue_emails(
    *,
    session: AsyncSession,
    user: User,
    screening_id: uuid.UUID,
    request: EmailRequest,
    policy: EmailPolicy,
    dispatch: Callable[[uuid.UUID], None],
) -> tuple[int, list[Skipped], bool]:
    """Send what the preview showed: one message per scored candidate whose category has a
    template, never a second one of a category to a candidate (one that failed is tried again).
    Needs ``confirm`` and the preview's count. Returns (queued, skipped, replayed): the same
    idempotency key again returns its first answer and queues nothing. Raises ``RoleRequired``,
    ``EmailNotConfigured``, ``ConfirmationRequired``, ``ResultNotReady``, ``PreviewCountMismatch``
    or ``EmailCapReached``."""
    require_recruiter(user, action="e-mail candidates")
    sender = _sender(policy)
    for _ in range(2):  # a concurrent send of the same messages: the second pass skips them
        done = await _replay(session, user, request.idempotency_key)
        if done is not None:
            await session.commit()
            if done.screening_id != screening_id:
                raise Conflict("This idempotency_key was used for another screening.")
            return done.queued, [Skipped(**s) for s in done.skipped], True
        screening, job = await _completed_screening(session, user, screening_id)
        if not request.confirm or request.expected_count is None:
            await session.commit()
            raise ConfirmationRequired(
                "Preview first (POST …/emails/preview), then send with confirm: true and the preview's "
                "count as expected_count."
            )
        plan = await _plan(session, screening, job, request.templates)
        sending = [p for p in plan if p.skipped is None]
        skipped = [
            Skipped(item_id=p.item.id, position=p.item.position, reason=p.skipped) for p in plan if p.skipped
        ]
        if len(sending) != request.expected_count:
            await session.commit()
            raise PreviewCountMismatch(
                f"The preview you confirmed had {request.expected_count} message(s); {len(sending)} would be "
                "sent now (results or earlier e-mails changed): preview again.",
                count=len(sending),
            )
        await check_caps(session=session, user=user, policy=policy, adding=len(sending))
        ids = []
        for p in sending:
            fields = {
                "from_address": sender,
                "reply_to": user.email if valid_address(user.email) else None,
                "to_address": p.item.candidate_email,
                "subject": p.subject,
                "body": p.body,
                "message_id": make_msgid(domain=sender.rsplit("@", 1)[-1]),
                "status": EmailStatus.QUEUED.value,
                "attempts": 0,
                "error": None,
                "lease_until": None,
                "started_at": None,
                "completed_at": None,
                "requested_at": utcnow(),
            }
            if p.failed_id is not None:
                await session.execute(
                    update(EmailMessage)
                    .where(EmailMessage.id == p.failed_id, EmailMessage.status == EmailStatus.FAILED)
                    .values(**fields)
                    .execution_options(synchronize_session=False)
                )
                ids.append(p.failed_id)
                continue
            message = EmailMessage(
                id=uuid.uuid4(),
                owner_user_id=user.id,
                screening_id=screening.id,
                screening_item_id=p.item.id,
                category=p.category,
                **fields,
            )
            session.add(message)
            ids.append(message.id)
        if request.idempotency_key is not None:
            session.add(
                EmailBatch(
                    owner_user_id=user.id,
                    screening_id=screening.id,
                    idempotency_key=request.idempotency_key,
                    queued=len(ids),
                    skipped=[s.model_dump(mode="json") for s in skipped],
                )
            )
        try:
            await session.commit()
        except IntegrityError:
            await session.rollback()
            continue
        for message_id in ids:
            dispatch(message_id)
        return len(ids), skipped, False
    raise Conflict("Another request is sending these e-mails right now; look at the outbox.")


async def list_emails(
    *, session: AsyncSession, user: User, screening_id: uuid.UUID, page: PageParams, status: str | None
) -> tuple[Page[EmailOut], EmailStatusCounts]:
    """The screening's messages in the order they were queued, and counts by status."""
    require_recruiter(user, action="e-mail candidates")
    screening = await get_owned_screening(session=session, user=user, screening_id=screening_id)
    where = [EmailMessage.screening_id == screening.id]
    counts = EmailStatusCounts(
        **{
            s: n
            for s, n in await session.execute(
                select(EmailMessage.status, func.count()).where(*where).group_by(EmailMessage.status)
            )
        }
    )
    if status is not None:
        where.append(EmailMessage.status == status)
    total = await session.scalar(select(func.count()).select_from(EmailMessage).where(*where))
    rows = await session.execute(
        select(EmailMessage, ScreeningItem.position)
        .join(ScreeningItem, ScreeningItem.id == EmailMessage.screening_item_id)
        .where(*where)
        .order_by(EmailMessage.requested_at, ScreeningItem.position, EmailMessage.id)
        .limit(page.limit)
        .offset(page.offset)
    )
    items = [EmailOut.of(m, position, blind=screening.blind) for m, position in rows]
    await session.commit()
    return Page(items=items, total=total or 0, limit=page.limit, offset=page.offset), counts


async def preview_emails(
    *, session: AsyncSession, user: User, screening_id: uuid.UUID, request: EmailPreviewRequest
) -> EmailsPreview:
    """The messages the templates would give each scored candidate, by position, without writing
    anything; ``count`` is what sending them needs as ``expected_count``. In a blind screening
    the recipient is left out and the name placeholders stay as written (the preview shows no
    identity the results hide)."""
    require_recruiter(user, action="e-mail candidates")
    screening, job = await _screening_and_job(
        session, user, screening_id
    )  # while it runs: those scored so far
    plan = await _plan(session, screening, job, request.templates, blind_preview=screening.blind)
    await session.commit()
    messages = [
        MessagePreview(
            item_id=p.item.id,
            position=p.item.position,
            candidate_id=None if screening.blind else p.item.candidate_id,
            category=p.category,
            to_address=None if screening.blind else p.item.candidate_email,
            subject=p.subject,
            body=p.body,
            skipped=p.skipped,
        )
        for p in plan
    ]
    sending = sum(m.skipped is None for m in messages)
    return EmailsPreview(
        screening_id=screening.id, count=sending, skipped=len(messages) - sending, messages=messages
    )


async def send_test_email(
    *,
    session: AsyncSession,
    user: User,
    screening_id: uuid.UUID,
    request: EmailTestRequest,
    policy: EmailPolicy,
    smtp: SmtpSettings | None,
) -> TestEmailSent:
    """Send one rendered message (of ``request.category``, for its first candidate) to the
    recruiter's own address, now, marked as a test; nothing goes to a candidate or the outbox.
    Counts against the caps like any message."""
    require_recruiter(user, action="e-mail candidates")
    sender = _sender(policy)
    if smtp is None or not valid_address(user.email):
        raise EmailNotConfigured("E-mail is not configured on this server (set RESUMEIQ_SMTP_HOST).")
    screening, job = await _screening_and_job(session, user, screening_id)
    plan = await _plan(session, screening, job, request.templates)
    category = request.category or next(
        c for c in ("selected", "considered", "rejected") if getattr(request.templates, c) is not None
    )
    template = getattr(request.templates, category)
    if template is None:
        raise InvalidInput(f"category: no template for {category!r} was given.")
    first = next((p for p in plan if p.category == category), None)
    if first is not None:
        subject, body = first.subject, first.body
    else:
        values = {k: f"{{{k}}}" for k in ("candidate_name", "first_name", "category", "score")}
        values |= {"job_title": one_line(job.title or ""), "company": one_line(job.company or "")}
        subject, body = one_line(render(template.subject, values))[:990], render(template.body, values)
    await check_caps(session=session, user=user, policy=policy, adding=1)
    await session.commit()
    mime = test_message(sender=sender, to=user.email, subject=f"[test] {subject}", body=body)
    await deliver_now(smtp, mime)
    return TestEmailSent(to_address=user.email, from_address=sender, subject=f"[test] {subject}")
