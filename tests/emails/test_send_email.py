"""``send_email`` against a real SMTP server on loopback: sent once however often it runs,
temporary failures retried with the error kept, permanent ones failed with the error."""

from __future__ import annotations

import asyncio
import email.utils
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from emails import smtp
from resumeiq.db import Database
from resumeiq.emails.models import EmailMessage
from resumeiq.emails.tasks import EmailContext, SmtpSettings, find_due_emails, send_email
from resumeiq.jobs.models import Job
from resumeiq.screening.models import Screening, ScreeningItem
from resumeiq.users.models import User
from resumeiq.worker import claim

TO = "ada@example.com"


@pytest.fixture
def smtp_server():
    # Not 127.0.0.1: a client that ignored the configured host would reach "localhost" instead.
    yield from smtp.serve_smtp(host="127.0.0.2")


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


def context(database, port, *, max_attempts=3, retry_seconds=0, host="127.0.0.2", timeout=10) -> EmailContext:
    smtp = SmtpSettings(
        host=host, port=port, security="none", username=None, password=None, timeout=timeout
    )
    return EmailContext(
        sessionmaker=database.sessionmaker,
        smtp=smtp,
        lease_seconds=30,
        max_attempts=max_attempts,
        retry_seconds=retry_seconds,
    )


class Clock:
    """``claim.utcnow`` (which dates leases and back-offs) replaced by a clock moved by hand."""

    def __init__(self) -> None:
        self.now = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(claim, "utcnow", fake)
    return fake


def logged(caplog) -> list[str]:
    """The log messages, each whole (a substring check would pass a garbled line)."""
    return [r.getMessage() for r in caplog.records]


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
    assert email.utils.parsedate_to_datetime(received["Date"]).utcoffset() == timedelta(0)
    sent = await row(database, message_id)
    assert (sent.status, sent.attempts, sent.error) == ("sent", 1, None) and sent.completed_at


async def test_a_temporary_failure_is_retried_with_its_error_kept(database, smtp_server):
    message_id = await make_message(database)
    smtp_server.inbox.refuse[TO] = ["451 4.3.0 Mailbox busy, try later"]
    ctx = context(database, smtp_server.port)
    assert await send_email(message_id, ctx=ctx) == "queued"
    waiting = await row(database, message_id)
    assert (waiting.status, waiting.attempts) == ("queued", 1)
    assert waiting.error == "recipient refused: 451 4.3.0 Mailbox busy, try later"
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
    assert (failed.status, failed.error) == ("failed", "recipient refused: 550 5.1.1 No such user")
    assert await send_email(message_id, ctx=ctx) is None
    assert smtp_server.inbox.messages == []


async def test_attempts_run_out_and_the_last_error_is_kept(database, smtp_server):
    message_id = await make_message(database)
    smtp_server.inbox.refuse[TO] = ["421 4.7.0 Too many connections"] * 2
    ctx = context(database, smtp_server.port, max_attempts=2)
    assert await send_email(message_id, ctx=ctx) == "queued"
    assert await send_email(message_id, ctx=ctx) == "failed"
    failed = await row(database, message_id)
    assert failed.error == "gave up after 2 attempts; last error: recipient refused: 421 4.7.0 Too many connections"
    assert await find_due_emails(ctx) == []


async def test_an_unreachable_server_is_a_temporary_failure(database):
    message_id = await make_message(database)
    ctx = context(database, smtp.free_port())  # nothing listens there
    assert await send_email(message_id, ctx=ctx) == "queued"
    waiting = await row(database, message_id)
    assert waiting.status == "queued" and waiting.error.startswith("SMTPConnectError: ")


async def test_the_back_off_doubles_with_each_attempt(database, smtp_server, clock, caplog):
    """60 s after the first failure, 120 s after the second, 240 s after the third; the message
    is not due a moment earlier, and due the moment its back-off ends."""
    message_id = await make_message(database)
    smtp_server.inbox.refuse[TO] = ["451 4.3.0 try later"] * 3
    ctx = context(database, smtp_server.port, max_attempts=5, retry_seconds=60)
    for attempt, back_off in ((1, 60), (2, 120), (3, 240)):
        assert await send_email(message_id, ctx=ctx) == "queued"
        waiting = await row(database, message_id)
        assert waiting.attempts == attempt and waiting.lease_until == clock.now + timedelta(seconds=back_off)
        clock.advance(back_off - 0.001)
        assert await find_due_emails(ctx) == []
        assert await send_email(message_id, ctx=ctx) is None  # not before its time
        clock.advance(0.001)
        assert await find_due_emails(ctx) == [message_id]
    assert await send_email(message_id, ctx=ctx) == "sent"
    assert (await row(database, message_id)).attempts == 4 and len(smtp_server.inbox.to(TO)) == 1
    assert f"e-mail {message_id}: recipient refused: 451 4.3.0 try later (queued)" in logged(caplog)


async def test_a_refused_message_body_is_permanent_or_temporary_by_its_code(database, smtp_server):
    later, never = await make_message(database), await make_message(database)
    ctx = context(database, smtp_server.port)
    smtp_server.inbox.refuse_data[:] = ["452 4.3.1 Insufficient system storage"]
    assert await send_email(later, ctx=ctx) == "queued"
    assert (await row(database, later)).error == "452 4.3.1 Insufficient system storage"
    smtp_server.inbox.refuse_data[:] = ["554 5.6.0 Message content rejected"]
    assert await send_email(never, ctx=ctx) == "failed"
    assert (await row(database, never)).error == "554 5.6.0 Message content rejected"
    assert smtp_server.inbox.messages == []


async def test_some_recipients_refused_for_now_is_temporary(database, smtp_server):
    message_id = await make_message(database)
    smtp_server.inbox.refuse[TO] = ["450 4.2.1 Try again later"]
    ctx = context(database, smtp_server.port)
    assert await send_email(message_id, ctx=ctx) == "queued"


async def test_without_an_smtp_server_configured_the_message_fails_at_once(database):
    message_id = await make_message(database)
    ctx = replace(context(database, 1), smtp=None)
    assert await send_email(message_id, ctx=ctx) == "failed"
    failed = await row(database, message_id)
    assert (failed.status, failed.attempts) == ("failed", 1)
    assert failed.error == "e-mail is not configured on this server (RESUMEIQ_SMTP_HOST)"


async def test_an_unexpected_error_fails_the_message_and_is_logged(database, smtp_server, monkeypatch, caplog):
    from resumeiq.emails import tasks

    def unserialisable(message):
        raise ValueError("header contains a newline")

    monkeypatch.setattr(tasks, "_mime", unserialisable)
    message_id = await make_message(database)
    assert await send_email(message_id, ctx=context(database, smtp_server.port)) == "failed"
    assert (await row(database, message_id)).error == "ValueError: header contains a newline"
    assert f"e-mail {message_id} could not be sent" in logged(caplog)


async def test_a_cancelled_send_gives_the_message_back(database, monkeypatch):
    from resumeiq.emails import tasks

    started = asyncio.Event()

    async def hangs(smtp_settings, mime):
        started.set()
        await asyncio.Event().wait()

    monkeypatch.setattr(tasks, "_send", hangs)
    message_id = await make_message(database)
    sending = asyncio.create_task(send_email(message_id, ctx=context(database, 1)))
    await started.wait()
    sending.cancel()
    with pytest.raises(asyncio.CancelledError):
        await sending
    back = await row(database, message_id)
    assert (back.status, back.lease_until, back.attempts) == ("queued", None, 1)


async def test_a_lost_lease_records_nothing(database, monkeypatch, caplog):
    """Another worker took the message over while this one was sending: this one's outcome is
    not written over the new holder's."""
    from resumeiq.emails import tasks

    message_id = await make_message(database)

    async def slow_send(smtp_settings, mime):
        async with database.sessionmaker() as s:
            await s.execute(update(EmailMessage).where(EmailMessage.id == message_id).values(attempts=2))
            await s.commit()

    monkeypatch.setattr(tasks, "_send", slow_send)
    assert await send_email(message_id, ctx=context(database, 1)) is None
    taken = await row(database, message_id)
    assert (taken.status, taken.attempts, taken.error) == ("sending", 2, None)
    assert f"e-mail {message_id}: lease lost before recording the outcome" in logged(caplog)


@pytest.mark.parametrize("where", ["rcpt", "data"])
async def test_a_500_reply_is_permanent(database, smtp_server, where):
    message_id = await make_message(database)
    if where == "rcpt":
        smtp_server.inbox.refuse[TO] = ["500 5.5.1 Command unrecognized"]
    else:
        smtp_server.inbox.refuse_data[:] = ["500 5.5.1 Command unrecognized"]
    assert await send_email(message_id, ctx=context(database, smtp_server.port)) == "failed"


async def test_an_error_without_a_message_is_named_by_its_type(database, monkeypatch):
    from resumeiq.emails import tasks

    async def times_out(smtp_settings, mime):
        raise TimeoutError

    monkeypatch.setattr(tasks, "_send", times_out)
    message_id = await make_message(database)
    assert await send_email(message_id, ctx=context(database, 1)) == "queued"
    assert (await row(database, message_id)).error == "TimeoutError"


async def test_a_server_that_never_answers_times_out(database):
    """The configured timeout holds (the library's default would wait a minute)."""
    import socket

    with socket.socket() as silent:
        silent.bind(("127.0.0.2", 0))
        silent.listen()  # accepts connections, never sends the greeting
        message_id = await make_message(database)
        ctx = context(database, silent.getsockname()[1], timeout=0.5)
        assert await asyncio.wait_for(send_email(message_id, ctx=ctx), 20) == "queued"
    assert "Timeout" in (await row(database, message_id)).error


async def test_the_lease_is_renewed_while_a_message_is_sent(database, monkeypatch, clock):
    from resumeiq.emails import tasks

    message_id = await make_message(database)
    renewed: list = []

    async def slow_send(smtp_settings, mime):
        for _ in range(3):
            clock.advance(0.2)
            expected = clock.now + timedelta(seconds=0.3)
            for _ in range(1000):
                if (await row(database, message_id)).lease_until == expected:
                    renewed.append(expected)
                    break
                await asyncio.sleep(0.01)

    monkeypatch.setattr(tasks, "_send", slow_send)
    ctx = replace(context(database, 1), lease_seconds=0.3)
    assert await send_email(message_id, ctx=ctx) == "sent"
    assert len(renewed) == 3
