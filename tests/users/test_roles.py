"""Roles mean something: screenings and candidate e-mail are for recruiters (and admins); a job
seeker gets 403 ``role_required``; sign-up gives no recruiter unless the operator allows it; mail
goes out from the configured sender only, within the daily caps."""

from __future__ import annotations

import uuid

import pytest

from emails import smtp
from screening.screenings import NURSE_RESUME, create_job, start_screening, wait_for_screening

TEMPLATE = {"subject": "About {job_title}", "body": "Dear {first_name}, thank you.\n"}


def assert_role_required(r, what):
    assert r.status_code == 403, (what, r.status_code, r.text)
    assert r.headers["content-type"].startswith("application/problem+json"), what
    body = r.json()
    assert body["code"] == "role_required" and body["required_roles"] == ["recruiter", "admin"], what


async def test_a_job_seeker_can_neither_screen_nor_email(api, user, recruiter, resume_text, job_text):
    job_id = await create_job(user, job_text)
    resume_id = (await user.upload(resume_text)).json()["resume_id"]
    # The recruiter's screening exists, so a 403 here is about the role, not about the id.
    r_job = await create_job(recruiter, job_text)
    r = await start_screening(recruiter, r_job, files=[("ada.txt", resume_text)])
    assert r.status_code == 202, r.text
    sid = r.json()["screening_id"]
    await wait_for_screening(recruiter, sid)

    for what, r in [
        ("json", await start_screening(user, job_id, resume_ids=[resume_id])),
        ("files", await start_screening(user, job_id, files=[("ada.txt", resume_text)])),
        ("list", await user.get("/api/v1/screenings")),
        ("status", await user.get(f"/api/v1/screenings/{sid}")),
        ("results", await user.get(f"/api/v1/screenings/{sid}/results")),
        (
            "emails",
            await user.post(f"/api/v1/screenings/{sid}/emails", json={"templates": {"rejected": TEMPLATE}}),
        ),
        ("outbox", await user.get(f"/api/v1/screenings/{sid}/emails")),
    ]:
        assert_role_required(r, what)
    # The job seeker's own work is untouched by the refusal.
    assert (await user.get(f"/api/v1/resumes/{resume_id}")).status_code == 200


async def test_an_admin_may_screen(api, job_text, resume_text):
    admin = await api.register(role="admin")
    job_id = await create_job(admin, job_text)
    r = await start_screening(admin, job_id, files=[("ada.txt", resume_text)])
    assert r.status_code == 202, r.text


async def test_sign_up_as_recruiter_is_refused_by_default(api):
    email = f"r-{uuid.uuid4().hex[:8]}@example.com"
    r = await api.client.post(
        "/api/v1/auth/register",
        json={"email": email, "password": "correct horse battery", "role": "recruiter"},
    )
    assert r.status_code == 403 and r.json()["code"] == "registration_closed"
    assert "set-role" in r.json()["detail"]
    # Nothing was created: the address can still sign up as a job seeker.
    seeker = await api.register(email)
    me = (await seeker.get("/api/v1/users/me")).json()
    assert me["role"] == "job_seeker"


async def test_sign_up_as_recruiter_when_the_operator_allows_it(
    start_api, make_settings, job_text, resume_text
):
    async with start_api(make_settings(registration_recruiters=True)) as api:
        email = f"r-{uuid.uuid4().hex[:8]}@example.com"
        r = await api.client.post(
            "/api/v1/auth/register",
            json={"email": email, "password": "correct horse battery", "role": "recruiter"},
        )
        assert r.status_code == 202, r.text
        r = await api.client.post(
            "/api/v1/auth/token", data={"username": email, "password": "correct horse battery"}
        )
        headers = {"Authorization": f"Bearer {r.json()['access_token']}"}
        assert (await api.client.get("/api/v1/users/me", headers=headers)).json()["role"] == "recruiter"
        assert (await api.client.get("/api/v1/screenings", headers=headers)).status_code == 200


@pytest.fixture
def smtp_server():
    yield from smtp.serve_smtp()


async def test_the_daily_cap_refuses_a_batch_that_would_pass_it(
    start_api, make_settings, smtp_server, job_text, resume_text
):
    settings = smtp.smtp_settings(make_settings, smtp_server).model_copy(
        update={"email_max_per_user_per_day": 1}
    )
    async with start_api(settings) as api:
        recruiter = await api.register(role="recruiter")
        job_id = await create_job(recruiter, job_text)
        r = await start_screening(
            recruiter, job_id, files=[("ada.txt", resume_text), ("florence.txt", NURSE_RESUME)]
        )
        sid = r.json()["screening_id"]
        await wait_for_screening(recruiter, sid)
        templates = dict.fromkeys(("selected", "considered", "rejected"), TEMPLATE)
        body = {"templates": templates, "confirm": True, "expected_count": 2}
        r = await recruiter.post(f"/api/v1/screenings/{sid}/emails", json=body)
        assert r.status_code == 429 and r.json()["code"] == "email_cap_reached", r.text
        assert int(r.headers["Retry-After"]) > 0
        assert "cap of 1" in r.json()["detail"]
        assert (await recruiter.get(f"/api/v1/screenings/{sid}/emails")).json()["total"] == 0
        assert smtp_server.inbox.messages == []
