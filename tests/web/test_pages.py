"""The web pages over plain HTTP (no browser, so no JavaScript): the session cookie's flags, CSRF
refusals, another user's resources as 404 pages, and the whole flow as plain form posts. On
SQLite and PostgreSQL (the ``database_url`` fixture)."""

from __future__ import annotations

import re
import uuid

from web_people import JOB, SEEKER, applicants
from webtools import PASSWORD

from documents import text_pdf


async def test_session_cookie_is_secure_httponly_samesite_and_no_bearer_token(web, api):
    b = web()
    r = await b.client.get("/")
    cookie = r.headers["set-cookie"]
    assert cookie.startswith("resumeiq_session=")
    flags = {part.strip().lower() for part in cookie.split(";")[1:]}
    assert {"secure", "httponly", "samesite=lax", "path=/"} <= flags
    await b.sign_up_and_in()
    session = b.client.cookies["resumeiq_session"]
    # The cookie is not a bearer token of the API, and the API's bearer tokens are unchanged.
    me = await api.client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {session}"})
    assert me.status_code == 401
    user = await api.register()
    assert (await user.get("/api/v1/users/me")).status_code == 200
    # A bearer token opens no page: the pages answer to the session cookie only.
    page = await api.client.get("/resumes", headers=user.headers)
    assert page.status_code == 303 and page.headers["location"].startswith("/sign-in")


async def test_pages_need_a_session_and_send_back_to_them(web):
    b = web()
    r = await b.client.get("/jobs")
    assert r.status_code == 303 and r.headers["location"] == "/sign-in?next=%2Fjobs"
    assert (await b.client.get("/sign-in?next=%2Fjobs")).status_code == 200
    email = f"web-{uuid.uuid4().hex[:10]}@example.com"
    await b.post("/create-account", {"email": email, "password": PASSWORD})
    r = await b.post(
        "/sign-in", {"email": email, "password": PASSWORD, "next": "/jobs"}, token_from="/sign-in"
    )
    assert r.headers["location"] == "/jobs"
    # Never to another site.
    r = await b.post(
        "/sign-in", {"email": email, "password": PASSWORD, "next": "//evil.example/"}, token_from="/sign-in"
    )
    assert r.headers["location"] == "/resumes"


async def test_form_posts_without_the_sessions_csrf_token_are_refused(web, resume_text):
    b = web()
    await b.sign_up_and_in()
    good = await b.token("/resumes")
    other = web()
    foreign = await other.token("/")  # a valid token, of another session
    for data in ({}, {"csrf_token": ""}, {"csrf_token": "x" + good}, {"csrf_token": foreign}):
        r = await b.client.post("/resumes", data=data, files={"file": ("cv.txt", resume_text)})
        assert r.status_code == 403 and "csrf_failed" in r.text, r.text
        r = await b.client.post("/jobs", data={**data, "text": JOB})
        assert r.status_code == 403 and "csrf_failed" in r.text
    # From another origin, even with the right token.
    r = await b.client.post(
        "/jobs", data={"csrf_token": good, "text": JOB}, headers={"Origin": "https://evil.example"}
    )
    assert r.status_code == 403 and "csrf_failed" in r.text
    page = await b.client.get("/resumes")
    assert "Your resumes (0)" in page.text  # nothing was stored
    assert "No jobs yet" in (await b.client.get("/jobs")).text
    # Signing in needs the token too, and a sign-in gives a new one.
    anon = web()
    before = await anon.token("/")
    r = await anon.client.post("/sign-in", data={"email": "a@example.com", "password": PASSWORD})
    assert r.status_code == 403
    # With the right token it goes through.
    r = await b.client.post(
        "/jobs", data={"csrf_token": good, "text": JOB}, headers={"Origin": "https://testserver"}
    )
    assert r.status_code == 303
    email = await anon.sign_up_and_in()
    assert email and await anon.token("/resumes") != before


async def test_another_users_resources_are_404_pages(web, resume_text):
    owner, stranger = web(), web()
    await owner.sign_up_and_in(role="recruiter")
    await stranger.sign_up_and_in(role="recruiter")  # may screen: the 404s are about ownership
    r = await owner.upload("cv.txt", resume_text)
    resume_id = r.headers["location"].split("uploaded=")[1]
    r = await owner.post("/jobs", {"text": JOB}, token_from="/jobs")
    job_id = r.headers["location"].rsplit("/", 1)[1]
    token = await owner.token("/screenings")
    r = await owner.client.post(
        "/screenings", data={"csrf_token": token, "job_id": job_id}, files=[("files", ("a.txt", resume_text))]
    )
    assert r.status_code == 303, r.text
    screening_id = r.headers["location"].rsplit("/", 1)[1]

    for path in (
        f"/resumes/{resume_id}/review",
        f"/resumes/{resume_id}/match",
        f"/jobs/{job_id}",
        f"/screenings/{screening_id}",
        f"/screenings/{screening_id}/export.csv",
        f"/screenings/{screening_id}/progress.json",
    ):
        r = await stranger.client.get(path)
        assert r.status_code == 404, path
        assert "not_found" in r.text and "text/html" in r.headers["content-type"]
    for path, data in (
        (f"/resumes/{resume_id}/delete", {}),
        (f"/resumes/{resume_id}/review", {"industry": "general"}),
        (f"/resumes/{resume_id}/match", {"job_id": job_id}),
        (f"/jobs/{job_id}/delete", {}),
    ):
        r = await stranger.post(path, data, token_from="/resumes")
        assert r.status_code == 404, (path, r.text)
    # The owner still has all of it.
    assert (await owner.client.get(f"/resumes/{resume_id}/review")).status_code == 200
    assert (await owner.client.get(f"/jobs/{job_id}")).status_code == 200


async def test_the_whole_flow_as_plain_form_posts(web):
    b = web()
    await b.sign_up_and_in(role="recruiter")  # a recruiter does all a job seeker does, and screens
    # A file the engine cannot read: the page says why, with the engine's code and status.
    r = await b.upload("broken.pdf", b"%PDF-1.4\n% nothing here\n")
    assert r.status_code == 422 and "corrupt_file" in r.text
    r = await b.upload("blank.txt", b"")
    assert r.status_code == 422 and "empty_file" in r.text
    r = await b.upload("seeker.pdf", text_pdf(SEEKER))
    assert r.status_code == 303
    resume_id = r.headers["location"].split("uploaded=")[1]
    listing = await b.client.get(r.headers["location"])
    assert "seeker.pdf" in listing.text and "master" in listing.text

    r = await b.post(f"/resumes/{resume_id}/review", {"industry": "nonsense"})
    assert r.status_code == 422 and "unknown_industry" in r.text
    r = await b.post(f"/resumes/{resume_id}/review", {"industry": "software_engineering"})
    assert r.status_code == 303
    review = await b.wait_for(r.headers["location"], 'id="overall-score"')
    assert "Recommendations, by impact" in review and "<mark" in review

    r = await b.post("/jobs", {"text": "   "})
    assert r.status_code == 422 and "validation_error" in r.text
    r = await b.post("/jobs", {"text": JOB})
    assert r.status_code == 303
    job_id = r.headers["location"].rsplit("/", 1)[1]
    job = await b.client.get(r.headers["location"])
    assert "PostgreSQL" in job.text and 'class="required"' in job.text

    r = await b.post(f"/resumes/{resume_id}/match", {"job_id": job_id})
    assert r.status_code == 303
    match = await b.wait_for(r.headers["location"], 'id="match-score"')
    assert re.search(r'class="badge (selected|considered|rejected)"', match)

    files = [("files", (name, content)) for name, content in applicants(6)]
    token = await b.token("/screenings")
    r = await b.client.post(
        "/screenings", data={"csrf_token": token, "job_id": job_id, "blind": "true"}, files=files
    )
    assert r.status_code == 303, r.text
    board = await b.wait_for(r.headers["location"], "6 of 6 processed")
    assert "Blind screening" in board and "@example.org" not in board
    assert (
        board.count('class="badge selected"')
        + board.count('class="badge considered"')
        + board.count('class="badge rejected"')
        >= 6
    )
    screening = r.headers["location"]
    csv = await b.client.get(f"{screening}/export.csv")
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    assert len(csv.text.strip().splitlines()) == 7
    filtered = await b.client.get(f"{screening}?category=rejected")
    assert 'class="badge selected"' not in filtered.text.split('id="results"')[1].split("</table>")[0]
    bad = await b.client.get(f"{screening}?category=maybe")
    assert bad.status_code == 422 and "invalid_input" in bad.text
    r = await b.post(
        f"{screening}/emails",
        {
            "action": "preview",
            "subject_rejected": "About {job_title}",
            "body_rejected": "Dear {first_name}, thank you.",
        },
        token_from=screening,
    )
    assert r.status_code == 200 and "About Senior Python Engineer" in r.text
    assert "{first_name}" in r.text.split("Preview (")[1]  # blind: the name stays a placeholder
    r = await b.post(
        f"{screening}/emails",
        {"action": "preview", "subject_rejected": "{nope}", "body_rejected": "x"},
        token_from=screening,
    )
    assert r.status_code == 422 and "unknown placeholder" in r.text
    r = await b.post(
        f"{screening}/emails",
        {"action": "send", "subject_rejected": "Hi", "body_rejected": "x"},
        token_from=screening,
    )
    assert r.status_code == 503 and "email_not_configured" in r.text

    r = await b.post(f"/resumes/{resume_id}/delete", {}, token_from="/resumes")
    assert r.status_code == 303
    listing = (await b.client.get("/resumes")).text
    assert "seeker.pdf" not in listing  # gone; the screened applicants stay, as the recruiter's pool
    assert "Your resumes (6)" in listing
    r = await b.post("/sign-out", {}, token_from="/resumes")
    assert r.status_code == 303 and (await b.client.get("/resumes")).status_code == 303


async def test_a_job_seeker_is_told_screening_is_for_recruiters(web):
    b = web()
    await b.sign_up_and_in()
    r = await b.client.get("/screenings")
    assert r.status_code == 200 and "for recruiter accounts" in r.text
    assert 'action="/screenings"' not in r.text  # no form that could only be refused
    token = await b.token("/resumes")
    r = await b.client.post("/screenings", data={"csrf_token": token, "job_id": str(uuid.uuid4())},
                            files=[("files", ("a.txt", b"Ada"))])  # fmt: skip
    assert r.status_code == 403 and "role_required" in r.text


async def test_a_wrong_password_shows_the_reason_without_telling_whether_the_account_exists(web):
    b = web()
    email = await b.sign_up_and_in()
    other = web()
    for address in (email, "nobody-here@example.com"):
        r = await other.post(
            "/sign-in", {"email": address, "password": "not the password at all"}, token_from="/sign-in"
        )
        assert (
            r.status_code == 401
            and "invalid_credentials" in r.text
            and "Incorrect email or password." in r.text
        )
    r = await other.post("/create-account", {"email": "x@example.com", "password": "short"})
    assert r.status_code == 422 and "weak_password" in r.text
