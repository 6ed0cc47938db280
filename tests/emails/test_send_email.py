"""``send_email`` against a real SMTP server on loopback: sent once however often it runs,
temporary failures retried with the error kept, permanent ones failed with the error."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from emails import smtp
from resumeiq.db import Database
from resumeiq.emails.models import EmailMessage
from resumeiq.emails.tasks import EmailContext, SmtpSettings, find_due_emails, send_email
from resumeiq.jobs.models import Job
from resumeiq.screening.models import Screening, ScreeningItem
from resumeiq.users.models import User

TO = "ada@example.com"


@pytest.fixture
def smtp_server():
    yield from smtp.serve_smtp()


@pytest.fixture
async def database(database_url):
    db = Database(database_url)
    yield db
    await db.dispose()


async def make_message(database: Database, to: str = TO) -> uuid.UUID:
    async with database.sessionmaker() as session:
        user = User(email=f"r-{uuid.uuid4().hex[:6]}@example.com", password_hash="x", role="recruiter")
        session.add(user)
        await session.flush()
        job = Job(
            owner_user_id=user.id,
            description="Python developer",
            content_hash="0" * 64,
            requirements_key="0" * 64,
            requirements={},
        )
        session.add(job)
        await session.flush()
        screening = Screening(owner_user_id=user.id, job_id=job.id, blind=False, total=1)
        session.add(screening)
        await session.flush()
        item = ScreeningItem(screening_id=screening.id, position=1, filename="ada.txt", status="completed")
        session.add(item)
        await session.flush()
        message = EmailMessage(
            owner_user_id=user.id,
            screening_id=screening.id,
            screening_item_id=item.id,
            category="selected",
            from_address="jobs@acme.test",
            to_address=to,
            subject="Your application, Ada",
            body="Dear Ada,\nGood news.\n",
            message_id="<test-1@acme.test>",
        )
        session.add(message)
        await session.commit()
        return message.id


def context(database, port, *, max_attempts=3) -> EmailContext:
    smtp = SmtpSettings(
        host="127.0.0.1", port=port, security="none", username=None, password=None, timeout=10
    )
    return EmailContext(
        sessionmaker=database.sessionmaker,
        smtp=smtp,
        lease_seconds=30,
        max_attempts=max_attempts,
        retry_seconds=0,
    )


async def row(database, message_id) -> EmailMessage:
    async with database.sessionmaker() as session:
        return await session.get(EmailMessage, message_id)


async def test_sent_once_however_often_it_runs(database, smtp_server):
    message_id = await make_message(database)
    ctx = context(database, smtp_server.port)
    assert await find_due_emails(ctx) == [message_id]
    outcomes = await asyncio.gather(*(send_email(message_id, ctx=ctx) for _ in range(4)))
    assert sorted(map(str, outcomes)) == ["None", "None", "None", "sent"]
    assert await send_email(message_id, ctx=ctx) is None
    (received,) = smtp_server.inbox.to(TO)
    assert received["Subject"] == "Your application, Ada" and received["From"] == "jobs@acme.test"
    assert received["Message-ID"] == "<test-1@acme.test>"
    assert received.get_content().replace("\r\n", "\n") == "Dear Ada,\nGood news.\n"
    sent = await row(database, message_id)
    assert (sent.status, sent.attempts, sent.error) == ("sent", 1, None) and sent.completed_at


async def test_a_temporary_failure_is_retried_with_its_error_kept(database, smtp_server):
    message_id = await make_message(database)
    smtp_server.inbox.refuse[TO] = ["451 4.3.0 Mailbox busy, try later"]
    ctx = context(database, smtp_server.port)
    assert await send_email(message_id, ctx=ctx) == "queued"
    waiting = await row(database, message_id)
    assert waiting.status == "queued" and waiting.attempts == 1 and "451" in waiting.error
    assert smtp_server.inbox.to(TO) == []
    assert await find_due_emails(ctx) == [message_id]  # no back-off in this context
    assert await send_email(message_id, ctx=ctx) == "sent"
    assert len(smtp_server.inbox.to(TO)) == 1
    done = await row(database, message_id)
    assert (done.status, done.attempts, done.error) == ("sent", 2, None)


async def test_a_permanent_failure_fails_with_the_servers_reply(database, smtp_server):
    message_id = await make_message(database, to="nobody@example.com")
    smtp_server.inbox.refuse["nobody@example.com"] = ["550 5.1.1 No such user"]
    ctx = context(database, smtp_server.port)
    assert await send_email(message_id, ctx=ctx) == "failed"
    failed = await row(database, message_id)
    assert failed.status == "failed" and "550" in failed.error and "No such user" in failed.error
    assert await send_email(message_id, ctx=ctx) is None
    assert smtp_server.inbox.messages == []


async def test_attempts_run_out_and_the_last_error_is_kept(database, smtp_server):
    message_id = await make_message(database)
    smtp_server.inbox.refuse[TO] = ["421 4.7.0 Too many connections"] * 2
    ctx = context(database, smtp_server.port, max_attempts=2)
    assert await send_email(message_id, ctx=ctx) == "queued"
    assert await send_email(message_id, ctx=ctx) == "failed"
    failed = await row(database, message_id)
    assert failed.error.startswith("gave up after 2 attempts") and "421" in failed.error
    assert await find_due_emails(ctx) == []


async def test_an_unreachable_server_is_a_temporary_failure(database):
    message_id = await make_message(database)
    ctx = context(database, smtp.free_port())  # nothing listens there
    assert await send_email(message_id, ctx=ctx) == "queued"
    waiting = await row(database, message_id)
    assert waiting.status == "queued" and waiting.error


async def test_back_off_keeps_a_retry_waiting(database, smtp_server):
    message_id = await make_message(database)
    smtp_server.inbox.refuse[TO] = ["451 4.3.0 try later"]
    ctx = context(database, smtp_server.port)
    ctx = EmailContext(
        sessionmaker=ctx.sessionmaker, smtp=ctx.smtp, lease_seconds=30, max_attempts=3, retry_seconds=3600
    )
    assert await send_email(message_id, ctx=ctx) == "queued"
    assert await find_due_emails(ctx) == []  # not due for an hour
    assert await send_email(message_id, ctx=ctx) is None
