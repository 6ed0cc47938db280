"""E-mail that cannot embarrass: a preview sends nothing; sending needs ``confirm`` and the
preview's count; an idempotency key makes a repeat a no-op; one message per candidate and
category; a test send goes to the recruiter only."""

from __future__ import annotations

import uuid

import pytest

from emails import smtp
from emails.test_candidate_emails import TEMPLATES, finished_screening, send, wait_for_delivery


@pytest.fixture
def smtp_server():
    yield from smtp.serve_smtp()


@pytest.fixture
def settings(make_settings, smtp_server):
    return smtp.smtp_settings(make_settings, smtp_server)


async def test_a_preview_renders_every_message_and_sends_nothing(
    recruiter, resume_text, job_text, smtp_server
):
    sid, results = await finished_screening(recruiter, resume_text, job_text)
    r = await recruiter.post(f"/api/v1/screenings/{sid}/emails/preview", json={"templates": TEMPLATES})
    assert r.status_code == 200, r.text
    preview = r.json()
    assert preview["count"] == 3 and preview["skipped"] == 0
    by_position = {m["position"]: m for m in preview["messages"]}
    ada = by_position[1]
    assert ada["to_address"] == "ada@example.com" and ada["candidate_id"] == results[1]["candidate_id"]
    assert ada["category"] == results[1]["category"] and "Ada" in ada["subject"] + ada["body"]
    assert smtp_server.inbox.messages == []
    assert (await recruiter.get(f"/api/v1/screenings/{sid}/emails")).json()["total"] == 0


async def test_sending_needs_confirm_and_the_previews_count(recruiter, resume_text, job_text, smtp_server):
    sid, _ = await finished_screening(recruiter, resume_text, job_text)
    url = f"/api/v1/screenings/{sid}/emails"
    r = await recruiter.post(url, json={"templates": TEMPLATES})
    assert r.status_code == 422 and r.json()["code"] == "confirmation_required"
    r = await recruiter.post(url, json={"templates": TEMPLATES, "confirm": False, "expected_count": 3})
    assert r.status_code == 422 and r.json()["code"] == "confirmation_required"
    r = await recruiter.post(url, json={"templates": TEMPLATES, "confirm": True, "expected_count": 73})
    assert r.status_code == 409 and r.json()["code"] == "preview_count_mismatch" and r.json()["count"] == 3
    assert (await recruiter.get(url)).json()["total"] == 0 and smtp_server.inbox.messages == []
    r = await recruiter.post(url, json={"templates": TEMPLATES, "confirm": True, "expected_count": 3})
    assert r.status_code == 202 and r.json()["queued"] == 3
    await wait_for_delivery(recruiter, sid)
    assert len(smtp_server.inbox.messages) == 3


async def test_a_repeated_request_with_its_idempotency_key_is_a_no_op(
    recruiter, resume_text, job_text, smtp_server
):
    sid, _ = await finished_screening(recruiter, resume_text, job_text)
    key = str(uuid.uuid4())
    first = await send(recruiter, sid, TEMPLATES, idempotency_key=key)
    assert first.status_code == 202 and first.json()["queued"] == 3 and first.json()["replayed"] is False
    await wait_for_delivery(recruiter, sid)
    # The client retries (a timeout, a double click): the same answer, nothing more is sent.
    body = {"templates": TEMPLATES, "confirm": True, "expected_count": 3, "idempotency_key": key}
    again = await recruiter.post(f"/api/v1/screenings/{sid}/emails", json=body)
    assert again.status_code == 202 and again.json()["replayed"] is True and again.json()["queued"] == 3
    # Without the key, the one-per-candidate-and-category rule holds as well.
    third = await send(recruiter, sid, TEMPLATES)
    assert third.json()["queued"] == 0 and {s["reason"] for s in third.json()["skipped"]} == {
        "already_messaged"
    }
    await wait_for_delivery(recruiter, sid)
    recipients = [m["To"] for m in smtp_server.inbox.messages]
    assert len(recipients) == 3 and len(set(recipients)) == 3


async def test_a_test_send_goes_to_the_recruiter_only(recruiter, resume_text, job_text, smtp_server):
    sid, results = await finished_screening(recruiter, resume_text, job_text)
    category = results[1]["category"]
    r = await recruiter.post(
        f"/api/v1/screenings/{sid}/emails/test", json={"templates": TEMPLATES, "category": category}
    )
    assert r.status_code == 200, r.text
    assert r.json()["to_address"] == recruiter.email and r.json()["subject"].startswith("[test] ")
    (mail,) = smtp_server.inbox.messages
    assert mail["To"] == recruiter.email and mail["From"] == "jobs@acme.test"
    assert mail["Subject"].startswith("[test] ")
    assert (await recruiter.get(f"/api/v1/screenings/{sid}/emails")).json()["total"] == 0
