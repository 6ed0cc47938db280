"""Credits (RESUMEIQ_CREDITS_ENABLED): a review costs 1, a screening of N resumes N; 402 with
what is needed and what is left; grants by administrators (API, CLI); every movement a ledger
row; charged once, refunded once for failed items."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from accounts.everything import JOB, OWN_RESUME, SHARED_RESUME, poll
from accounts.test_delete_account import make_admin, register
from resumeiq.cli import app as cli
from resumeiq.db import Database

NEW_RESUME = b"Odile Brask\nodile.brask@example.com\n\nSKILLS\nRust, Go, Kafka\n"


@pytest.fixture
def settings(make_settings):
    return make_settings(
        credits_enabled=True,
        rate_limit_upload="1000/minute",
        rate_limit_analysis="1000/minute",
        upload_max_bytes=4096,  # a larger file in a screening is refused on arrival
    )


async def user_id(user) -> str:
    return (await user.get("/api/v1/users/me")).json()["id"]


async def credits(user) -> dict:
    r = await user.get("/api/v1/credits")
    assert r.status_code == 200, r.text
    return r.json()


async def review(user, resume_id):
    return await user.post(f"/api/v1/analysis/resumes/{resume_id}/analyze", json={"industry": "general"})


async def settled(user, analysis_id):
    r = await poll(
        lambda: user.get(f"/api/v1/analysis/analysis/{analysis_id}/status"),
        lambda r: r.json()["status"] in ("completed", "failed"),
    )
    return r.json()


async def test_without_credits_everything_is_free(start_api, make_settings):
    async with start_api(make_settings()) as api:
        user = await api.register()
        rid = (await user.upload(OWN_RESUME)).json()["resume_id"]
        assert (await review(user, rid)).status_code == 202
        body = await credits(user)
        assert body["enabled"] is False and body["balance"] == 0 and body["items"] == []


async def test_a_review_costs_one_credit_and_402_says_what_is_missing(api, settings):
    admin = await make_admin(api, settings)
    user = await register(api, role="job_seeker")
    rid = (await user.upload(OWN_RESUME)).json()["resume_id"]

    r = await review(user, rid)
    assert r.status_code == 402 and r.headers["content-type"] == "application/problem+json", r.text
    body = r.json()
    assert body["code"] == "insufficient_credits" and body["status"] == 402
    assert body["credits_needed"] == 1 and body["credits_available"] == 0
    assert (await user.get("/api/v1/analysis/analyses")).json()["total"] == 0  # nothing was written

    r = await admin.post(f"/api/v1/admin/users/{await user_id(user)}/credits", json={"amount": 2, "reason": "trial"})
    assert r.status_code == 201 and r.json()["balance"] == 2, r.text
    r = await review(user, rid)
    assert r.status_code == 202, r.text
    assert (await settled(user, r.json()["analysis_id"]))["status"] == "completed"
    body = await credits(user)
    assert body["enabled"] and body["balance"] == 1
    charge, grant = body["items"]
    assert (grant["kind"], grant["amount"], grant["balance_after"], grant["reason"]) == ("grant", 2, 2, "trial")
    assert (charge["kind"], charge["amount"], charge["balance_after"]) == ("charge", -1, 1)
    assert charge["review_request_id"] == r.json()["analysis_id"]


async def test_only_admins_grant_and_grants_are_checked(api, settings):
    admin = await make_admin(api, settings)
    user = await register(api, role="recruiter")
    uid = await user_id(user)
    r = await user.post(f"/api/v1/admin/users/{uid}/credits", json={"amount": 5})
    assert r.status_code == 403 and r.json()["code"] == "role_required"
    assert (await user.get(f"/api/v1/admin/users/{uid}/credits")).status_code == 403
    for amount in (0, -3, 1_000_001):
        r = await admin.post(f"/api/v1/admin/users/{uid}/credits", json={"amount": amount})
        assert r.status_code == 422, (amount, r.text)
    r = await admin.post(f"/api/v1/admin/users/{uuid.uuid4()}/credits", json={"amount": 5})
    assert r.status_code == 404 and r.json()["code"] == "not_found"
    assert (await admin.get(f"/api/v1/admin/users/{uid}/credits")).json()["balance"] == 0


async def grant(api, settings, user, amount):
    admin = await make_admin(api, settings)
    r = await admin.post(f"/api/v1/admin/users/{await user_id(user)}/credits", json={"amount": amount})
    assert r.status_code == 201, r.text


async def test_a_screening_costs_one_per_resume_and_failed_items_come_back_once(api, settings):
    user = await register(api, role="recruiter")
    job_id = (await user.post("/api/v1/jobs", json={"text": JOB})).json()["id"]
    await grant(api, settings, user, 2)
    files = [
        ("files", ("a.txt", OWN_RESUME)),
        ("files", ("b.txt", SHARED_RESUME)),
        ("files", ("blank.txt", b" \n")),  # fails in the engine
        ("files", ("big.txt", b"x" * 5000)),  # refused on arrival
    ]
    r = await user.post("/api/v1/screenings", data={"job_id": job_id}, files=files)
    assert r.status_code == 402, r.text
    assert (r.json()["credits_needed"], r.json()["credits_available"]) == (4, 2)
    assert (await user.get("/api/v1/screenings")).json()["total"] == 0 and (await credits(user))["balance"] == 2

    await grant(api, settings, user, 2)
    r = await user.post("/api/v1/screenings", data={"job_id": job_id}, files=files)
    assert r.status_code == 202, r.text
    sid = r.json()["id"]
    status = (
        await poll(lambda: user.get(f"/api/v1/screenings/{sid}"), lambda r: r.json()["status"] == "completed")
    ).json()
    assert (status["total"], status["completed"], status["failed"]) == (4, 2, 2), status

    async def refunded():
        body = await credits(user)
        return body if body["balance"] == 2 else None

    body = await poll(refunded, lambda b: b is not None)
    kinds = [(e["kind"], e["amount"]) for e in body["items"]]
    assert kinds.count(("charge", -4)) == 1 and kinds.count(("refund", 1)) == 2, kinds
    refunds = {e["screening_item_id"] for e in body["items"] if e["kind"] == "refund"}
    charge = next(e for e in body["items"] if e["kind"] == "charge")
    assert charge["screening_id"] == sid and len(refunds) == 2 and None not in refunds

    # Any later sweep finds nothing more to refund.
    from resumeiq.credits.service import refund_failures

    database = Database(settings.database_url)
    try:
        assert await refund_failures(database.sessionmaker) == 0
    finally:
        await database.dispose()
    assert (await credits(user))["balance"] == 2


async def test_a_failed_review_is_refunded(api, settings):
    user = await register(api, role="job_seeker")
    await grant(api, settings, user, 1)
    rid = (await user.upload(NEW_RESUME)).json()["resume_id"]
    storage = api.app.state.storage
    for key in await storage.keys():
        await storage.delete(key)  # the stored file is gone: the review fails
    r = await review(user, rid)
    assert r.status_code == 202
    done = await settled(user, r.json()["analysis_id"])
    assert done["status"] == "failed" and done["error"].startswith("file_missing")
    body = await poll(lambda: credits(user), lambda b: b["balance"] == 1)
    assert [e["kind"] for e in body["items"]] == ["refund", "charge", "grant"]
    assert body["items"][0]["review_request_id"] == r.json()["analysis_id"]


async def test_concurrent_requests_never_spend_a_credit_twice(api, settings, database_url):
    from resumeiq.credits.models import CreditLedger

    user = await register(api, role="job_seeker")
    await grant(api, settings, user, 3)
    rid = (await user.upload(OWN_RESUME)).json()["resume_id"]
    answers = await asyncio.gather(*(review(user, rid) for _ in range(8)))
    codes = sorted(r.status_code for r in answers)
    assert codes == [202] * 3 + [402] * 5, codes
    assert (await credits(user))["balance"] == 0
    database = Database(database_url)
    try:
        async with database.sessionmaker() as session:
            charges = (await session.scalars(select(CreditLedger).where(CreditLedger.kind == "charge"))).all()
    finally:
        await database.dispose()
    accepted = {r.json()["analysis_id"] for r in answers if r.status_code == 202}
    assert {str(c.review_request_id) for c in charges} == accepted and len(charges) == 3
    for analysis_id in accepted:  # let the reviews finish: the app stops with no job in flight
        await settled(user, analysis_id)


async def test_the_credits_command(api, settings, monkeypatch):
    user = await register(api, role="job_seeker")
    monkeypatch.setenv("RESUMEIQ_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("RESUMEIQ_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("RESUMEIQ_JWT_SECRET", settings.jwt_secret_value)
    runner = CliRunner()
    result = await asyncio.to_thread(runner.invoke, cli, ["credits", "grant", user.email, "7", "--reason", "pilot"])
    assert result.exit_code == 0 and f"granted 7 credit(s) to {user.email}; balance 7" in result.output, result.output
    shown = await asyncio.to_thread(runner.invoke, cli, ["credits", "show", user.email])
    assert "balance 7" in shown.output and "grant  +7  -> 7  pilot" in shown.output, shown.output
    bad = await asyncio.to_thread(runner.invoke, cli, ["credits", "grant", "nobody@example.com", "7"])
    assert bad.exit_code == 1 and "No user has the email" in bad.output
    assert (await credits(user))["balance"] == 7
