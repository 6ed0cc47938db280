"""Claiming review requests with leases; process_review runs each request once."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from resumeiq.analysis.models import ReviewRequest, ReviewResult
from resumeiq.analysis.tasks import ReviewContext, find_due_reviews, process_review
from resumeiq.db import Database, utcnow
from resumeiq.resumes.models import Candidate, Resume
from resumeiq.storage import LocalFileStorage
from resumeiq.users.models import User
from resumeiq.worker import claim


@pytest.fixture
async def database(database_url):
    db = Database(database_url)
    yield db
    await db.dispose()


@pytest.fixture
def storage(tmp_path):
    return LocalFileStorage(tmp_path / "data")


async def make_request(database: Database, storage: LocalFileStorage, content: bytes, **kw) -> ReviewRequest:
    sha = hashlib.sha256(content).hexdigest()
    temp = storage.new_temp_path()
    temp.write_bytes(content)
    stored = await storage.put(temp, sha)
    async with database.sessionmaker() as session:
        user = User(email=f"{sha[:8]}-{kw.get('tag', '')}@example.com", password_hash="x")
        session.add(user)
        await session.flush()
        candidate = Candidate(owner_user_id=user.id, is_self=True)
        session.add(candidate)
        await session.flush()
        resume = Resume(
            candidate_id=candidate.id,
            owner_user_id=user.id,
            version_number=1,
            filename="cv.txt",
            content_type="text/plain",
            size_bytes=len(content),
            sha256=sha,
            storage_key=stored.key,
            processing_status="ready",
            is_master=True,
        )
        session.add(resume)
        await session.flush()
        request = ReviewRequest(
            resume_id=resume.id, requested_by_user_id=user.id, target_industry=kw.get("industry", "general")
        )
        session.add(request)
        await session.commit()
        return request


async def expire_lease(database: Database, request_id) -> None:
    async with database.sessionmaker() as session:
        await session.execute(
            update(ReviewRequest)
            .where(ReviewRequest.id == request_id)
            .values(lease_until=utcnow() - timedelta(seconds=1))
        )
        await session.commit()


async def test_claim_lease_and_fencing(database, storage):
    req = await make_request(database, storage, b"Ada")
    async with database.sessionmaker() as s:
        assert await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=3) == 1
        assert await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=3) is None
        assert await claim.due(s, ReviewRequest) == []
    await expire_lease(database, req.id)
    async with database.sessionmaker() as s:
        assert await claim.due(s, ReviewRequest) == [req.id]
        assert await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=3) == 2
        # The first worker lost its lease: it can neither renew nor finish.
        assert not await claim.renew(s, ReviewRequest, req.id, 1, lease_seconds=60)
        assert not await claim.finish(s, ReviewRequest, req.id, 1, status="completed")
        assert await claim.renew(s, ReviewRequest, req.id, 2, lease_seconds=60)
        assert await claim.finish(s, ReviewRequest, req.id, 2, status="completed")
        await s.commit()
        assert await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=3) is None
        row = await s.get(ReviewRequest, req.id)
        assert (row.status, row.attempts, row.lease_until) == ("completed", 2, None)


async def test_exhausted_attempts_fail_with_a_reason(database, storage):
    req = await make_request(database, storage, b"Ada")
    async with database.sessionmaker() as s:
        assert await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=1) == 1
    await expire_lease(database, req.id)
    async with database.sessionmaker() as s:
        assert await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=1) is None
        assert await claim.fail_exhausted(s, ReviewRequest, max_attempts=1) == 1
        row = await s.get(ReviewRequest, req.id)
        assert row.status == "failed" and "gave up after 1 attempts" in row.error


async def test_release_makes_it_pending_again(database, storage):
    req = await make_request(database, storage, b"Ada")
    async with database.sessionmaker() as s:
        token = await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=3)
        assert await claim.release(s, ReviewRequest, req.id, token)
        assert await claim.due(s, ReviewRequest) == [req.id]


async def test_process_review_twice_at_once_does_the_work_once(database, storage, engine_pool, resume_text):
    req = await make_request(database, storage, resume_text)
    ctx = ReviewContext(
        sessionmaker=database.sessionmaker,
        storage=storage,
        engine=engine_pool,
        lease_seconds=30,
        max_attempts=3,
    )
    outcomes = await asyncio.gather(*(process_review(req.id, ctx=ctx) for _ in range(4)))
    assert sorted(map(str, outcomes)) == ["None", "None", "None", "completed"]
    assert await process_review(req.id, ctx=ctx) is None  # already done
    async with database.sessionmaker() as s:
        results = await s.scalar(select(func.count()).select_from(ReviewResult))
        row = await s.get(ReviewRequest, req.id)
    assert results == 1
    assert row.status == "completed" and row.attempts == 1 and row.completed_at is not None


async def test_engine_failure_is_recorded(database, storage, engine_pool, resume_text):
    req = await make_request(database, storage, resume_text, industry="no_such_industry")
    ctx = ReviewContext(
        sessionmaker=database.sessionmaker,
        storage=storage,
        engine=engine_pool,
        lease_seconds=30,
        max_attempts=3,
    )
    assert await process_review(req.id, ctx=ctx) == "failed"
    async with database.sessionmaker() as s:
        row = await s.get(ReviewRequest, req.id)
        assert row.status == "failed" and row.error.startswith("unknown_industry:")
        assert await s.scalar(select(func.count()).select_from(ReviewResult)) == 0
    assert await find_due_reviews(ctx) == []


# --------------------------------------------------------------------------- on a fixed clock


class Clock:
    """``claim.utcnow`` replaced by a clock the test moves by hand."""

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


async def fetch_row(database: Database, request_id) -> ReviewRequest:
    async with database.sessionmaker() as s:
        return await s.get(ReviewRequest, request_id)


async def claimable(database: Database, request_id) -> bool:
    """Whether the request is due: pending and not waiting out a retry, or with an expired lease."""
    async with database.sessionmaker() as s:
        return request_id in await claim.due(s, ReviewRequest)


async def test_a_lease_holds_until_it_has_passed_and_no_longer(database, storage, clock):
    req = await make_request(database, storage, b"Ada")
    start = clock.now
    async with database.sessionmaker() as s:
        assert await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=3) == 1
    row = await fetch_row(database, req.id)
    assert (row.status, row.attempts) == ("processing", 1)
    assert row.lease_until == start + timedelta(seconds=60) and row.started_at == start

    clock.advance(60)  # the lease ends at this instant: still held
    assert not await claimable(database, req.id)
    async with database.sessionmaker() as s:
        assert await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=3) is None
    clock.advance(0.001)
    assert await claimable(database, req.id)
    async with database.sessionmaker() as s:
        assert await claim.claim(s, ReviewRequest, req.id, lease_seconds=30, max_attempts=3) == 2
    row = await fetch_row(database, req.id)
    assert row.lease_until == clock.now + timedelta(seconds=30) and row.started_at == clock.now

    clock.advance(10)
    async with database.sessionmaker() as s:
        assert await claim.renew(s, ReviewRequest, req.id, 2, lease_seconds=45)
    assert (await fetch_row(database, req.id)).lease_until == clock.now + timedelta(seconds=45)


async def test_a_retry_waits_out_its_delay_then_is_due(database, storage, clock):
    req = await make_request(database, storage, b"Ada")
    async with database.sessionmaker() as s:
        token = await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=3)
        assert not await claim.retry_later(s, ReviewRequest, req.id, token + 1, delay_seconds=30, error="x")
        assert await claim.retry_later(s, ReviewRequest, req.id, token, delay_seconds=30, error="busy")
    row = await fetch_row(database, req.id)
    assert (row.status, row.error, row.lease_until) == ("pending", "busy", clock.now + timedelta(seconds=30))
    clock.advance(29.999)
    assert not await claimable(database, req.id)
    clock.advance(0.001)  # a waiting retry is due the instant its delay ends
    assert await claimable(database, req.id)
    async with database.sessionmaker() as s:
        assert await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=3) == 2


async def test_release_and_finish_need_the_token(database, storage, clock):
    req = await make_request(database, storage, b"Ada")
    async with database.sessionmaker() as s:
        token = await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=3)
        assert not await claim.release(s, ReviewRequest, req.id, token + 1)
        assert await claim.release(s, ReviewRequest, req.id, token)
        assert not await claim.release(s, ReviewRequest, req.id, token)  # no longer processing
    row = await fetch_row(database, req.id)
    assert (row.status, row.lease_until, row.attempts) == ("pending", None, 1)
    assert await claimable(database, req.id)

    async with database.sessionmaker() as s:
        token = await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=3)
        clock.advance(5)
        assert await claim.finish(s, ReviewRequest, req.id, token, status="failed", error="engine: boom")
        await s.commit()
        assert not await claim.renew(s, ReviewRequest, req.id, token, lease_seconds=60)  # finished
        assert not await claim.retry_later(s, ReviewRequest, req.id, token, delay_seconds=1, error="x")
    row = await fetch_row(database, req.id)
    assert (row.status, row.error, row.lease_until, row.completed_at) == (
        "failed",
        "engine: boom",
        None,
        clock.now,
    )


async def test_fail_exhausted_fails_only_claimable_rows_out_of_attempts(database, storage, clock):
    spent = await make_request(database, storage, b"Ada", tag="spent")
    running = await make_request(database, storage, b"Ada", tag="running")
    fresh = await make_request(database, storage, b"Ada", tag="fresh")
    async with database.sessionmaker() as s:
        for req in (spent, running):
            assert await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=2) == 1
    clock.advance(61)
    async with database.sessionmaker() as s:
        assert await claim.claim(s, ReviewRequest, spent.id, lease_seconds=60, max_attempts=2) == 2
        assert await claim.claim(s, ReviewRequest, running.id, lease_seconds=600, max_attempts=2) == 2
    clock.advance(61)  # spent's lease has expired, running's has not
    async with database.sessionmaker() as s:
        assert await claim.fail_exhausted(s, ReviewRequest, max_attempts=2) == 1
        assert await claim.fail_exhausted(s, ReviewRequest, max_attempts=2) == 0
    rows = {r: await fetch_row(database, r.id) for r in (spent, running, fresh)}
    assert (rows[spent].status, rows[spent].lease_until, rows[spent].completed_at) == (
        "failed",
        None,
        clock.now,
    )
    assert rows[spent].error == "gave up after 2 attempts: the worker stopped before finishing each time"
    assert rows[running].status == "processing" and rows[fresh].status == "pending"


async def test_due_lists_the_oldest_first_up_to_a_limit(database, storage, clock):
    reqs = [await make_request(database, storage, b"Ada", tag=str(i)) for i in range(3)]
    async with database.sessionmaker() as s:
        for i, req in enumerate(reqs):  # requested in the order 2, 0, 1
            await s.execute(
                update(ReviewRequest)
                .where(ReviewRequest.id == req.id)
                .values(requested_at=clock.now - timedelta(minutes=[2, 3, 1][i]))
            )
        await s.commit()
        assert await claim.due(s, ReviewRequest) == [reqs[1].id, reqs[0].id, reqs[2].id]
        assert await claim.due(s, ReviewRequest, limit=2) == [reqs[1].id, reqs[0].id]


# --------------------------------------------------------------------------- the lease while a job runs


async def wait_for(check, what: str, timeout: float = 10.0):
    """Poll ``check`` (async) until it is true; the timeout only keeps a broken build from hanging."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not (value := await check()):
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)
    return value


async def test_the_lease_is_renewed_while_a_long_job_runs(database, storage, clock):
    """A job that runs several times its lease keeps it: renewed every third of the lease, it is
    never due, and another worker cannot claim it."""
    req = await make_request(database, storage, b"Ada")
    lease = 0.3  # renewed every 0.1 s of real time; the clock that dates the lease moves by hand
    async with database.sessionmaker() as s:
        token = await claim.claim(s, ReviewRequest, req.id, lease_seconds=lease, max_attempts=3)
    async with claim.hold_lease(database.sessionmaker, ReviewRequest, req.id, token, lease_seconds=lease):
        for _ in range(6):  # 6 × 0.2 s = 1.2 s on the clock: four times the lease
            clock.advance(0.2)
            renewed = clock.now + timedelta(seconds=lease)

            async def was_renewed(renewed=renewed) -> bool:
                return (await fetch_row(database, req.id)).lease_until == renewed

            await wait_for(was_renewed, "the lease to be renewed")
            assert not await claimable(database, req.id)
            async with database.sessionmaker() as s:
                assert (
                    await claim.claim(s, ReviewRequest, req.id, lease_seconds=lease, max_attempts=3) is None
                )
    # After the body the renewals stop: the lease runs out.
    clock.advance(lease + 0.001)
    assert await claimable(database, req.id)


async def test_a_lost_lease_stops_the_renewals(database, storage, clock, caplog):
    req = await make_request(database, storage, b"Ada")
    async with database.sessionmaker() as s:
        token = await claim.claim(s, ReviewRequest, req.id, lease_seconds=0.3, max_attempts=3)
    async with claim.hold_lease(database.sessionmaker, ReviewRequest, req.id, token, lease_seconds=0.3):
        clock.advance(1)  # the lease expires and another worker takes the job over
        async with database.sessionmaker() as s:
            assert await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=3) == token + 1
        taken = (await fetch_row(database, req.id)).lease_until

        async def lost() -> bool:
            return f"review_requests {req.id}: lease lost" in caplog.text

        await wait_for(lost, "the lost lease to be logged")
        clock.advance(1)
        await asyncio.sleep(0.3)  # three renewal periods: a renewal now would be a bug
        assert (await fetch_row(database, req.id)).lease_until == taken
    assert caplog.text.count("lease lost") == 1


class FlakySessions:
    """A sessionmaker whose next ``fail`` sessions cannot connect."""

    def __init__(self, sessionmaker, fail: int) -> None:
        self.sessionmaker = sessionmaker
        self.fail = fail

    def __call__(self):
        if self.fail:
            self.fail -= 1
            raise ConnectionRefusedError("database restarting")
        return self.sessionmaker()


async def test_a_failed_renewal_is_logged_and_retried(database, storage, clock, caplog):
    req = await make_request(database, storage, b"Ada")
    async with database.sessionmaker() as s:
        token = await claim.claim(s, ReviewRequest, req.id, lease_seconds=0.3, max_attempts=3)
    sessions = FlakySessions(database.sessionmaker, fail=1)
    async with claim.hold_lease(sessions, ReviewRequest, req.id, token, lease_seconds=0.3):
        clock.advance(0.2)
        renewed = clock.now + timedelta(seconds=0.3)

        async def was_renewed() -> bool:
            return (await fetch_row(database, req.id)).lease_until == renewed

        await wait_for(was_renewed, "a renewal after the failed one")
    assert f"review_requests {req.id}: renewing the lease failed" in caplog.text
    assert "database restarting" in caplog.text and sessions.fail == 0


# --------------------------------------------------------------------------- run_claimed


async def run_one(database, req, run, *, max_attempts=3):
    saved: list = []

    async def save(token, outcome):
        saved.append((token, outcome))
        return "saved"

    status = await claim.run_claimed(
        database.sessionmaker,
        ReviewRequest,
        req.id,
        lease_seconds=60,
        max_attempts=max_attempts,
        run=run,
        save=save,
    )
    return status, saved


async def test_run_claimed_saves_the_outcome_with_the_token(database, storage):
    req = await make_request(database, storage, b"Ada")

    async def run():
        assert (await fetch_row(database, req.id)).status == "processing"  # claimed while it runs
        return "report"

    assert await run_one(database, req, run) == ("saved", [(1, "report")])


async def test_run_claimed_does_not_run_what_it_cannot_claim(database, storage):
    req = await make_request(database, storage, b"Ada")
    async with database.sessionmaker() as s:
        await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=3)

    async def run():
        raise AssertionError("must not run")

    assert await run_one(database, req, run) == (None, [])


async def test_run_claimed_saves_a_timeout_and_a_bug_as_failures(database, storage, caplog):
    from resumeiq.errors import ProcessingTimeout
    from resumeiq.worker.engine_jobs import EngineFailure

    slow, buggy = [await make_request(database, storage, b"Ada", tag=t) for t in ("slow", "buggy")]

    async def times_out():
        raise ProcessingTimeout("The file took longer than 60 s to process.")

    async def has_a_bug():
        raise KeyError("span")

    assert await run_one(database, slow, times_out) == (
        "saved",
        [(1, EngineFailure(code="processing_timeout", message="The file took longer than 60 s to process."))],
    )
    assert await run_one(database, buggy, has_a_bug) == (
        "saved",
        [(1, EngineFailure(code="internal_error", message="KeyError: 'span'", internal=True))],
    )
    assert f"review_requests {buggy.id} failed unexpectedly" in caplog.text


async def test_run_claimed_gives_the_job_back_when_the_engine_dies_or_on_shutdown(database, storage):
    from resumeiq.errors import EngineUnavailable

    dead, stopped = [await make_request(database, storage, b"Ada", tag=t) for t in ("dead", "stopped")]

    async def engine_died():
        raise EngineUnavailable("The engine process died.")

    assert await run_one(database, dead, engine_died) == ("pending", [])

    async def cancelled():
        raise asyncio.CancelledError

    with pytest.raises(asyncio.CancelledError):
        await run_one(database, stopped, cancelled)
    for req in (dead, stopped):
        row = await fetch_row(database, req.id)
        assert (row.status, row.lease_until, row.attempts) == ("pending", None, 1)


async def test_run_claimed_gives_the_job_back_when_its_outcome_cannot_be_saved(database, storage, caplog):
    from resumeiq.errors import Conflict

    req = await make_request(database, storage, b"Ada")

    async def run():
        return "report"

    async def save(token, outcome):
        raise Conflict("Too many simultaneous uploads of this person; try again.")

    status = await claim.run_claimed(
        database.sessionmaker, ReviewRequest, req.id, lease_seconds=60, max_attempts=3, run=run, save=save
    )
    assert status == "pending"
    row = await fetch_row(database, req.id)
    assert (row.status, row.lease_until, row.attempts) == ("pending", None, 1)  # not held for the lease
    assert f"review_requests {req.id}: its outcome could not be saved" in caplog.text


async def test_release_quietly_logs_instead_of_raising(database, storage, caplog):
    req = await make_request(database, storage, b"Ada")
    await claim.release_quietly(FlakySessions(database.sessionmaker, fail=1), ReviewRequest, req.id, 1)
    assert f"review_requests {req.id}: could not release the claim; its lease will expire" in caplog.text


async def test_the_e_mail_outbox_uses_its_own_state_names(database, storage, clock):
    from emails.test_send_email import make_message
    from resumeiq.emails.models import EmailMessage

    message_id = await make_message(database)
    async with database.sessionmaker() as s:
        assert await claim.due(s, EmailMessage) == [message_id]
        token = await claim.claim(s, EmailMessage, message_id, lease_seconds=60, max_attempts=3)
        assert (await s.get(EmailMessage, message_id)).status == "sending"
        assert await claim.release(s, EmailMessage, message_id, token)
        s.expire_all()
        assert (await s.get(EmailMessage, message_id)).status == "queued"
        token = await claim.claim(s, EmailMessage, message_id, lease_seconds=60, max_attempts=token + 1)
        assert await claim.finish(s, EmailMessage, message_id, token, status="sent")
        await s.commit()
        assert await claim.fail_exhausted(s, EmailMessage, max_attempts=1) == 0
        s.expire_all()
        assert (await s.get(EmailMessage, message_id)).status == "sent"


async def test_renew_and_retry_touch_only_their_own_job(database, storage, clock):
    """Two jobs held with the same token number: renewing or retrying one leaves the other alone."""
    one, other = [await make_request(database, storage, b"Ada", tag=t) for t in ("one", "other")]
    async with database.sessionmaker() as s:
        for req in (one, other):
            assert await claim.claim(s, ReviewRequest, req.id, lease_seconds=60, max_attempts=3) == 1
    held = (await fetch_row(database, other.id)).lease_until
    clock.advance(10)
    async with database.sessionmaker() as s:
        assert await claim.renew(s, ReviewRequest, one.id, 1, lease_seconds=60)
        assert await claim.retry_later(s, ReviewRequest, one.id, 1, delay_seconds=5, error="busy")
    untouched = await fetch_row(database, other.id)
    assert (untouched.status, untouched.lease_until, untouched.error) == ("processing", held, None)


async def test_renew_and_retry_use_the_models_own_state_names(database, clock):
    from emails.test_send_email import make_message
    from resumeiq.emails.models import EmailMessage

    message_id = await make_message(database)
    async with database.sessionmaker() as s:
        token = await claim.claim(s, EmailMessage, message_id, lease_seconds=60, max_attempts=3)
        assert await claim.renew(s, EmailMessage, message_id, token, lease_seconds=90)
        assert await claim.retry_later(s, EmailMessage, message_id, token, delay_seconds=5, error="busy")
        s.expire_all()
        row = await s.get(EmailMessage, message_id)
        assert (row.status, row.lease_until) == ("queued", clock.now + timedelta(seconds=5))
