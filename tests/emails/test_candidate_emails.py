"""Candidate e-mails through the API: templates per category, personalised, queued in the outbox,
sent by the worker to a real SMTP server on loopback; skipped candidates say why."""

from __future__ import annotations

import asyncio

import pytest

from emails import smtp
from screening.screenings import JAVA_RESUME, NURSE_RESUME, create_job, start_screening, wait_for_screening


@pytest.fixture
def user(recruiter):
    """Screening and candidate e-mail are for recruiters: this module's user is one."""
    return recruiter


@pytest.fixture
def smtp_server():
    yield from smtp.serve_smtp()


@pytest.fixture
def settings(make_settings, smtp_server):
    return smtp.smtp_settings(make_settings, smtp_server)


TEMPLATES = {
    "selected": {
        "subject": "Next steps for {job_title}, {first_name}",
        "body": "Dear {candidate_name},\nYou are {category} ({score}/100) for {job_title} at {company}. {{braces}}\n",
    },
    "considered": {
        "subject": "Your application for {job_title}",
        "body": "Dear {candidate_name}, we are {category}.\n",
    },
    "rejected": {"subject": "Your application for {job_title}", "body": "Dear {first_name}, thank you.\n"},
}


async def finished_screening(user, resume_text, job_text, *, blind=False, extra=()):
    job_id = await create_job(user, job_text)
    r = await user.request("PATCH", f"/api/v1/jobs/{job_id}", json={"company": "Acme"})
    assert r.status_code == 200
    files = [("ada.txt", resume_text), ("florence.txt", NURSE_RESUME), ("grace.txt", JAVA_RESUME), *extra]
    r = await start_screening(user, job_id, files=files, blind=blind)
    assert r.status_code == 202, r.text
    sid = r.json()["screening_id"]
    await wait_for_screening(user, sid)
    results = (await user.get(f"/api/v1/screenings/{sid}/results")).json()["items"]
    return sid, {i["position"]: i for i in results}


async def send(user, sid, templates, **extra):
    """Preview, then send what it counted (as a recruiter does); returns the send's response."""
    r = await user.post(f"/api/v1/screenings/{sid}/emails/preview", json={"templates": templates})
    assert r.status_code == 200, r.text
    body = {"templates": templates, "confirm": True, "expected_count": r.json()["count"], **extra}
    return await user.post(f"/api/v1/screenings/{sid}/emails", json=body)


async def wait_for_delivery(user, sid, timeout=30.0):
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        page = (await user.get(f"/api/v1/screenings/{sid}/emails")).json()
        if page["counts"]["queued"] == 0 and page["counts"]["sending"] == 0:
            return page
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"e-mails still pending after {timeout}s: {page['counts']}")
        await asyncio.sleep(0.05)


async def test_personalised_emails_arrive_once(user, resume_text, job_text, smtp_server):
    sid, results = await finished_screening(user, resume_text, job_text)
    r = await send(user, sid, TEMPLATES)
    assert r.status_code == 202, r.text
    assert r.json()["queued"] == 3 and r.json()["skipped"] == []
    page = await wait_for_delivery(user, sid)
    assert page["counts"] == {"queued": 0, "sending": 0, "sent": 3, "failed": 0}
    assert all(m["status"] == "sent" and m["sent_at"] and m["error"] is None for m in page["items"])

    # Each candidate gets their category's template, filled in with their own details; what the
    # engine scored them is read from the results, so the check holds whatever the category.
    people = {
        1: ("ada@example.com", "Ada", "Ada Lovelace"),
        2: ("florence@example.org", "Florence", "Florence Nightingale"),
        3: ("grace@example.net", "Grace", "Grace Hopper"),
    }
    assert results[1]["category"] != "rejected" and results[2]["category"] == "rejected"
    for position, (address, first_name, full_name) in people.items():
        result = results[position]
        template = TEMPLATES[result["category"]]
        values = {
            "job_title": "Senior Python Engineer",
            "company": "Acme",
            "first_name": first_name,
            "candidate_name": full_name,
            "category": result["category"],
            "score": result["score"],
        }
        (mail,) = smtp_server.inbox.to(address)
        assert mail["From"] == "jobs@acme.test"  # RESUMEIQ_SMTP_FROM, whoever sends
        assert mail["Reply-To"] == user.email  # answers go to the recruiter
        assert mail["Subject"] == template["subject"].format(**values), position
        assert mail.get_content().replace("\r\n", "\n") == template["body"].format(**values), position
    assert len(smtp_server.inbox.messages) == 3

    # Asking again does not write to the same people twice.
    r = await send(user, sid, TEMPLATES)
    assert r.json()["queued"] == 0
    assert {s["reason"] for s in r.json()["skipped"]} == {"already_messaged"} and len(
        r.json()["skipped"]
    ) == 3
    # Nor can a request choose the sender, or ask to write to the same people again.
    for extra in ({"from_address": "ceo@bank.test"}, {"resend": True}):
        r = await send(user, sid, TEMPLATES, **extra)
        assert r.status_code == 422 and r.json()["code"] == "validation_error", extra
    await wait_for_delivery(user, sid)
    assert len(smtp_server.inbox.to("florence@example.org")) == 1


async def test_only_templated_categories_and_candidates_with_an_address(
    user, resume_text, job_text, smtp_server
):
    no_address = b"Alan Turing\nManchester, UK\n\nEXPERIENCE\nResearcher, University of Manchester\n2010-01 - Present\n- Python\n"
    sid, results = await finished_screening(user, resume_text, job_text, extra=[("alan.txt", no_address)])
    alan = results[4]
    r = await send(user, sid, {alan["category"]: TEMPLATES["rejected"]})
    assert r.status_code == 202, r.text
    skipped = r.json()["skipped"]
    assert {"item_id": alan["item_id"], "position": 4, "reason": "no_email_address"} in skipped
    expected = sum(1 for i in results.values() if i["category"] == alan["category"]) - 1
    assert r.json()["queued"] == expected
    page = await wait_for_delivery(user, sid)
    assert page["total"] == expected and len(smtp_server.inbox.messages) == expected


async def test_blind_screening_hides_addresses_in_the_outbox(user, resume_text, job_text, smtp_server):
    sid, _ = await finished_screening(user, resume_text, job_text, blind=True)
    r = await send(user, sid, TEMPLATES)
    assert r.json()["queued"] == 3
    page = await wait_for_delivery(user, sid)
    for m in page["items"]:
        assert m["to_address"] is None and m["subject"] is None and m["body"] is None
    listing = (await user.get(f"/api/v1/screenings/{sid}/emails")).text
    assert "ada@example.com" not in listing and "Ada" not in listing
    assert len(smtp_server.inbox.messages) == 3  # the candidates still get their e-mail


async def test_bad_templates_and_foreign_screenings(api, user, resume_text, job_text):
    sid, _ = await finished_screening(user, resume_text, job_text)
    bad = [
        {"templates": {"selected": {"subject": "Hi {name}", "body": "x"}}},
        {"templates": {"selected": {"subject": "Hi", "body": "{candidate_name.__class__}"}}},
        {"templates": {"selected": {"subject": "Hi\r\nBcc: x@y.z", "body": "x"}}},
        {"templates": {"selected": {"subject": "Hi", "body": "a lone { brace"}}},
        {"templates": {}},
        {"templates": {"hired": TEMPLATES["rejected"]}},
        {"templates": TEMPLATES, "from_address": "jobs@acme.test"},
    ]
    for body in bad:
        r = await user.post(f"/api/v1/screenings/{sid}/emails", json=body)
        assert r.status_code == 422 and r.json()["code"] == "validation_error", (body, r.text)
    assert (await user.get(f"/api/v1/screenings/{sid}/emails")).json()["total"] == 0

    other = await api.register(role="recruiter")
    r = await other.post(f"/api/v1/screenings/{sid}/emails", json={"templates": TEMPLATES})
    assert r.status_code == 404
    r = await other.post(f"/api/v1/screenings/{sid}/emails/preview", json={"templates": TEMPLATES})
    assert r.status_code == 404 and r.json()["code"] == "not_found"
    assert (await other.get(f"/api/v1/screenings/{sid}/emails")).status_code == 404


async def test_without_smtp_nothing_is_queued(start_api, make_settings, resume_text, job_text):
    async with start_api(make_settings(rate_limit_upload="1000/minute")) as api:
        user = await api.register(role="recruiter")
        sid, _ = await finished_screening(user, resume_text, job_text)
        body = {"templates": TEMPLATES, "confirm": True, "expected_count": 3}
        r = await user.post(f"/api/v1/screenings/{sid}/emails", json=body)
        assert r.status_code == 503 and r.json()["code"] == "email_not_configured"
        assert (await user.get(f"/api/v1/screenings/{sid}/emails")).json()["total"] == 0
