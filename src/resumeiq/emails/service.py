"""E-mail use cases: queue personalised messages for a screening's candidates, preview them,
list the outbox."""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from email.utils import make_msgid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from resumeiq.config import Settings
from resumeiq.db import utcnow
from resumeiq.emails.models import EmailMessage, EmailStatus
from resumeiq.emails.schemas import EmailOut, EmailRequest, EmailStatusCounts, Skipped, valid_address
from resumeiq.emails.templates import one_line, render
from resumeiq.errors import EmailCapReached, EmailNotConfigured, ResultNotReady
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


async def queue_emails(
    *,
    session: AsyncSession,
    user: User,
    screening_id: uuid.UUID,
    request: EmailRequest,
    policy: EmailPolicy,
    dispatch: Callable[[uuid.UUID], None],
) -> tuple[int, list[Skipped]]:
    """Write one message per scored candidate whose category has a template; returns how many
    were queued and which items were skipped, with why. Every message is from the configured
    sender, with the recruiter's address as Reply-To. Raises ``RoleRequired``,
    ``EmailNotConfigured``, ``ResultNotReady`` or ``EmailCapReached``."""
    require_recruiter(user, action="e-mail candidates")
    if not policy.smtp_configured:
        raise EmailNotConfigured("E-mail is not configured on this server (set RESUMEIQ_SMTP_HOST).")
    sender = policy.sender
    if not sender or not valid_address(sender):
        raise EmailNotConfigured("E-mail has no sender on this server (set RESUMEIQ_SMTP_FROM).")
    reply_to = user.email if valid_address(user.email) else None
    progress = await screening_status(session=session, user=user, screening_id=screening_id)
    if progress.status != "completed":
        raise ResultNotReady(
            f"Screening {screening_id} is still processing ({progress.processed} of {progress.total}); "
            "queue e-mails once it is completed.",
            screening_status=progress.status,
        )
    screening = await get_owned_screening(session=session, user=user, screening_id=screening_id)
    job = await session.get(Job, screening.job_id)
    assert job is not None
    items = list(
        await session.scalars(
            select(ScreeningItem)
            .where(ScreeningItem.screening_id == screening.id, ScreeningItem.status == ItemStatus.COMPLETED)
            .order_by(ScreeningItem.position)
        )
    )
    already = set(
        await session.scalars(
            select(EmailMessage.screening_item_id).where(
                EmailMessage.screening_id == screening.id, EmailMessage.status != EmailStatus.FAILED
            )
        )
    )
    messages: list[EmailMessage] = []
    skipped: list[Skipped] = []
    domain = sender.rsplit("@", 1)[-1]
    for item in items:
        template = getattr(request.templates, item.category or "", None)
        if template is None:
            continue  # no e-mail for this category was asked for
        reason = None
        if item.id in already:
            reason = "already_messaged"
        elif not item.candidate_email or not valid_address(item.candidate_email):
            reason = "no_email_address"
        if reason is not None:
            skipped.append(Skipped(item_id=item.id, position=item.position, reason=reason))
            continue
        values = _values(item, job)
        messages.append(
            EmailMessage(
                id=uuid.uuid4(),
                owner_user_id=user.id,
                screening_id=screening.id,
                screening_item_id=item.id,
                category=item.category or "",
                from_address=sender,
                reply_to=reply_to,
                to_address=item.candidate_email,
                subject=one_line(render(template.subject, values))[:998],
                body=render(template.body, values),
                message_id=make_msgid(domain=domain),
                status=EmailStatus.QUEUED.value,
                attempts=0,
            )
        )
    await check_caps(session=session, user=user, policy=policy, adding=len(messages))
    session.add_all(messages)
    await session.commit()
    for message in messages:
        dispatch(message.id)
    return len(messages), skipped


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


@dataclass(frozen=True, slots=True)
class EmailPreview:
    """One message as ``queue_emails`` would write it; ``skipped`` says why it would not be."""

    position: int
    category: str
    to_address: str | None
    subject: str
    body: str
    skipped: str | None


async def preview_emails(
    *, session: AsyncSession, user: User, screening_id: uuid.UUID, request: EmailRequest
) -> list[EmailPreview]:
    """The messages the templates would give each scored candidate, by position, without writing
    anything. In a blind screening the recipient is left out and the name placeholders stay as
    written (the preview shows no identity the results hide)."""
    require_recruiter(user, action="e-mail candidates")
    screening = await get_owned_screening(session=session, user=user, screening_id=screening_id)
    job = await session.get(Job, screening.job_id)
    assert job is not None
    items = list(
        await session.scalars(
            select(ScreeningItem)
            .where(ScreeningItem.screening_id == screening.id, ScreeningItem.status == ItemStatus.COMPLETED)
            .order_by(ScreeningItem.position)
        )
    )
    await session.commit()
    out = []
    for item in items:
        template = getattr(request.templates, item.category or "", None)
        if template is None:
            continue
        values = _values(item, job)
        if screening.blind:
            values |= {"candidate_name": "{candidate_name}", "first_name": "{first_name}"}
        has_address = bool(item.candidate_email and valid_address(item.candidate_email))
        out.append(
            EmailPreview(
                position=item.position,
                category=item.category or "",
                to_address=None if screening.blind else item.candidate_email,
                subject=one_line(render(template.subject, values))[:998],
                body=render(template.body, values),
                skipped=None if has_address else "no_email_address",
            )
        )
    return out
