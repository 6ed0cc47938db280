"""``send_email(message_id)``: hand one outbox message to the SMTP server (aiosmtplib).

Claimed like every job (``worker.claim``): a message is sent by one worker at a time. A temporary
failure (connection refused or dropped, timeout, a 4xx reply) puts it back ``queued`` with the
error and a back-off that doubles per attempt; a permanent one (a 5xx reply, e.g. the recipient
is refused) or the last allowed attempt marks it ``failed`` with the error. If the worker dies
after the server accepted the message but before ``sent`` was written, the message is sent again
when its lease expires: SMTP delivery is at-least-once, and the unchanged Message-ID lets mail
systems drop the copy.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from dataclasses import dataclass
from email.message import EmailMessage as MimeMessage
from email.utils import format_datetime, make_msgid

import aiosmtplib
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumeiq.config import Settings
from resumeiq.db import utcnow
from resumeiq.emails.models import EmailMessage, EmailStatus
from resumeiq.errors import EmailNotDelivered
from resumeiq.metrics.registry import observe_email
from resumeiq.worker import claim

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str
    port: int
    security: str  # starttls | tls | none
    username: str | None
    password: str | None
    timeout: float

    @classmethod
    def from_settings(cls, settings: Settings) -> SmtpSettings | None:
        if not settings.smtp_host:
            return None
        return cls(
            host=settings.smtp_host,
            port=settings.smtp_port,
            security=settings.smtp_security,
            username=settings.smtp_username,
            password=settings.smtp_password.get_secret_value() if settings.smtp_password else None,
            timeout=settings.smtp_timeout_seconds,
        )


@dataclass(frozen=True, slots=True)
class EmailContext:
    sessionmaker: async_sessionmaker[AsyncSession]
    smtp: SmtpSettings | None
    lease_seconds: float
    max_attempts: int
    retry_seconds: float


async def find_due_emails(ctx: EmailContext) -> list[uuid.UUID]:
    async with ctx.sessionmaker() as session:
        await claim.fail_exhausted(session, EmailMessage, max_attempts=ctx.max_attempts)
        return await claim.due(session, EmailMessage)


def _mime(message: EmailMessage) -> MimeMessage:
    mime = MimeMessage()
    mime["From"] = message.from_address
    mime["To"] = message.to_address
    if message.reply_to:
        mime["Reply-To"] = message.reply_to
    mime["Subject"] = message.subject
    mime["Date"] = format_datetime(utcnow())
    mime["Message-ID"] = message.message_id
    mime.set_content(message.body)
    return mime


def test_message(*, sender: str, to: str, subject: str, body: str) -> MimeMessage:
    mime = MimeMessage()
    mime["From"] = sender
    mime["To"] = to
    mime["Subject"] = subject
    mime["Date"] = format_datetime(utcnow())
    mime["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1])
    mime.set_content(body)
    return mime


async def deliver_now(smtp: SmtpSettings, mime: MimeMessage) -> None:
    """Send one message while the caller waits (a test send); a refusal is ``EmailNotDelivered``."""
    try:
        await _send(smtp, mime)
    except (_Permanent, aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
        raise EmailNotDelivered(f"The SMTP server did not take the message: {_describe(exc)}") from exc


class _Permanent(Exception):
    pass


async def _send(smtp: SmtpSettings, mime: MimeMessage) -> None:
    try:
        await aiosmtplib.send(
            mime,
            hostname=smtp.host,
            port=smtp.port,
            username=smtp.username,
            password=smtp.password,
            use_tls=smtp.security == "tls",
            start_tls=smtp.security == "starttls",
            timeout=smtp.timeout,
        )
    except aiosmtplib.SMTPRecipientsRefused as exc:
        codes = [r.code for r in exc.recipients]
        detail = "; ".join(f"{r.code} {r.message}" for r in exc.recipients)
        if all(500 <= c < 600 for c in codes):
            raise _Permanent(f"recipient refused: {detail}") from exc
        raise
    except aiosmtplib.SMTPResponseException as exc:
        if 500 <= exc.code < 600:
            raise _Permanent(f"{exc.code} {exc.message}") from exc
        raise


def _describe(exc: BaseException) -> str:
    if isinstance(exc, aiosmtplib.SMTPRecipientsRefused):
        return "recipient refused: " + "; ".join(f"{r.code} {r.message}" for r in exc.recipients)
    if isinstance(exc, aiosmtplib.SMTPResponseException):
        return f"{exc.code} {exc.message}"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


async def send_email(message_id: uuid.UUID, *, ctx: EmailContext) -> str | None:
    """Send one message. Returns the status it ended in (``sent``, ``queued`` for a retry,
    ``failed``), or None if it was not ours to send."""
    async with ctx.sessionmaker() as session:
        token = await claim.claim(
            session, EmailMessage, message_id, lease_seconds=ctx.lease_seconds, max_attempts=ctx.max_attempts
        )
        message = await session.get(EmailMessage, message_id) if token is not None else None
        await session.commit()
    if token is None or message is None:
        return None
    error: str | None = None
    permanent = False
    try:
        if ctx.smtp is None:
            permanent, error = True, "e-mail is not configured on this server (RESUMEIQ_SMTP_HOST)"
        else:
            async with claim.hold_lease(
                ctx.sessionmaker, EmailMessage, message_id, token, lease_seconds=ctx.lease_seconds
            ):
                await _send(ctx.smtp, _mime(message))
    except _Permanent as exc:
        permanent, error = True, str(exc)
    except asyncio.CancelledError:
        async with ctx.sessionmaker() as session:
            await asyncio.shield(claim.release(session, EmailMessage, message_id, token))
        raise
    except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
        error = _describe(exc)
    except Exception as exc:  # a bug, or a message the library refuses to serialise
        log.exception("e-mail %s could not be sent", message_id)
        permanent, error = True, _describe(exc)

    async with ctx.sessionmaker() as session:
        if error is None:
            done = await claim.finish(session, EmailMessage, message_id, token, status=EmailStatus.SENT)
            status = EmailStatus.SENT.value
        elif permanent or token >= ctx.max_attempts:
            if not permanent:
                error = f"gave up after {token} attempts; last error: {error}"
            done = await claim.finish(
                session, EmailMessage, message_id, token, status=EmailStatus.FAILED, error=error
            )
            status = EmailStatus.FAILED.value
        else:
            delay = ctx.retry_seconds * 2 ** (token - 1)
            done = await claim.retry_later(
                session, EmailMessage, message_id, token, delay_seconds=delay, error=error
            )
            status = EmailStatus.QUEUED.value
        await session.commit()
    if not done:
        log.warning("e-mail %s: lease lost before recording the outcome", message_id)
        return None
    observe_email(status)
    if error is not None:
        log.warning("e-mail %s: %s (%s)", message_id, error, status)
    return status
