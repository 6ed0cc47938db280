"""Every field of every page form, URL-encoded or multipart, and the query fields of the pages:
a NUL character or a lone surrogate (sent as the bytes a browser or a script would put on the
wire) is a 4xx page that says why, never a 500 and never stored; on SQLite and PostgreSQL."""

from __future__ import annotations

import html
import re
import uuid
from urllib.parse import quote

import pytest
from web_people import JOB, TAILOR_JOB, TAILOR_SEEKER
from webclient import Browser, token_of

from documents import text_pdf

# What a form post carries for each: percent-encoded in a URL-encoded body, raw in a multipart one.
BAD = {
    "nul": ("%00", b"\x00"),
    "surrogate": ("%ED%A0%80", b"\xed\xa0\x80"),  # U+D800 written as UTF-8-style bytes
}


def urlencoded(fields: dict[str, str], bad_field: str, bad: str) -> bytes:
    parts = [f"{quote(k)}={quote(v) + (bad if k == bad_field else '')}" for k, v in fields.items()]
    if bad_field not in fields:
        parts.append(f"{quote(bad_field)}=x{bad}")
    return "&".join(parts).encode("ascii")


def multipart(fields: dict[str, str], bad_field: str, bad: bytes, files: list[tuple[str, bytes]]) -> bytes:
    out = b""
    values = {k: v.encode() for k, v in fields.items()}
    values[bad_field] = values.get(bad_field, b"x") + bad
    for name, value in values.items():
        out += b"--B0undary\r\n" + f'Content-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
        out += value + b"\r\n"
    for name, content in files:
        out += (
            b"--B0undary\r\n"
            + f'Content-Disposition: form-data; name="{name}"; filename="f.txt"\r\n'.encode()
        )
        out += b"Content-Type: text/plain\r\n\r\n" + content + b"\r\n"
    return out + b"--B0undary--\r\n"


async def setting(b: Browser) -> dict[str, str]:
    """A signed-in recruiter with a resume (and so a candidate), a job, a screening and a
    tailoring preview."""
    await b.sign_up_and_in(role="recruiter")
    r = await b.upload("anselm.txt", TAILOR_SEEKER.encode())
    resume = r.headers["location"].split("uploaded=")[1]
    r = await b.post("/jobs", {"text": TAILOR_JOB})
    job = r.headers["location"].rsplit("/", 1)[1]
    token = await b.token("/screenings")
    r = await b.client.post(
        "/screenings", data={"csrf_token": token, "job_id": job}, files=[("files", ("a.pdf", text_pdf(JOB)))]
    )
    assert r.status_code == 303, r.text
    screening = r.headers["location"].rsplit("/", 1)[1]
    # Done before the tests count resumes: the screened file becomes a stored resume when processed.
    await b.wait_for(f"/screenings/{screening}", "1 of 1 processed")
    r = await b.post("/tailoring", {"resume_id": resume, "job_id": job})
    assert r.status_code == 303, r.text
    preview = r.headers["location"].rsplit("/", 1)[1]
    candidate = re.search(
        r'href="/candidates/([0-9a-f-]{36})"', (await b.client.get("/candidates")).text
    ).group(1)
    return {"resume": resume, "job": job, "screening": screening, "preview": preview, "candidate": candidate}


def form_cases(ids: dict[str, str]) -> list[tuple[str, dict[str, str]]]:
    """Every URL-encoded page form with valid values (its CSRF token added when posted)."""
    r, j, s, p, c = ids["resume"], ids["job"], ids["screening"], ids["preview"], ids["candidate"]
    return [
        ("/sign-in", {"email": "someone@example.com", "password": "a long passphrase here", "next": "/jobs"}),
        ("/create-account", {"email": "someone@example.com", "password": "a long passphrase here", "role": "job_seeker"}),
        ("/sign-out", {}),
        (f"/resumes/{r}/master", {}),
        (f"/resumes/{r}/delete", {}),
        (f"/resumes/{r}/review", {"industry": "general", "job_id": j}),
        (f"/resumes/{r}/match", {"job_id": j}),
        ("/jobs", {"text": JOB, "title": "Engineer", "company": "Quillmoor"}),
        (f"/jobs/{j}/delete", {}),
        (f"/screenings/{s}/emails", {"action": "preview", "subject_selected": "Hello", "body_selected": "Dear {first_name}"}),
        ("/tailoring", {"resume_id": r, "job_id": j, "cover_letter": "true", "outreach": "true"}),
        (f"/tailoring/{p}", {"preview_hash": "0" * 64, "change-d1": "reject", "action": "show"}),
        (f"/candidates/{c}", {"name": "Anselm", "email": "anselm@example.net", "phone": "", "location": ""}),
        (f"/candidates/{c}/delete", {}),
        ("/screenings/pool", {"job_id": j, "pool": "chosen", "candidate_id": c}),
    ]  # fmt: skip


async def counts(b: Browser) -> tuple[str, str]:
    resumes = re.search(r"Your resumes \((\d+)\)", (await b.client.get("/resumes")).text).group(1)
    jobs = re.search(r"Your jobs \((\d+)\)", (await b.client.get("/jobs")).text).group(1)
    return resumes, jobs


@pytest.mark.parametrize("kind", sorted(BAD))
async def test_bad_text_in_any_urlencoded_form_field_is_a_422_naming_it(web, kind):
    b = web()
    ids = await setting(b)
    before = await counts(b)
    bad = BAD[kind][0]
    token = token_of((await b.client.get("/resumes")).text)
    seen = 0
    for path, fields in form_cases(ids):
        fields = {"csrf_token": token, **fields}
        for name in [*fields, "note"]:  # "note": a field the form does not have
            r = await b.client.post(
                path,
                content=urlencoded(fields, name, bad),
                headers={"content-type": "application/x-www-form-urlencoded"},
            )
            assert r.status_code == 422, (path, name, r.status_code, r.text[-800:])
            text = html.unescape(r.text)
            assert "validation_error" in text and f"{name}: must be text: no NUL characters" in text, (
                path,
                name,
            )
            assert "text/html" in r.headers["content-type"]
            seen += 1
    assert seen >= 40
    assert await counts(b) == before  # nothing created, nothing deleted
    assert (await b.client.get(f"/resumes/{ids['resume']}/review")).status_code == 200  # still there


@pytest.mark.parametrize("kind", sorted(BAD))
async def test_bad_text_in_any_multipart_form_field_is_a_4xx_that_says_why(web, kind):
    b = web()
    ids = await setting(b)
    before = await counts(b)
    bad = BAD[kind][1]
    token = token_of((await b.client.get("/resumes")).text)
    cases = [
        ("/resumes", {"csrf_token": token}, [("file", TAILOR_SEEKER.encode())]),
        ("/jobs/file", {"csrf_token": token, "title": "Engineer", "company": "Quillmoor"}, [("file", JOB.encode())]),
        ("/screenings", {"csrf_token": token, "job_id": ids["job"], "blind": "true"}, [("files", JOB.encode())]),
        (f"/candidates/{ids['candidate']}/resumes", {"csrf_token": token}, [("file", TAILOR_SEEKER.encode())]),
    ]  # fmt: skip
    for path, fields, files in cases:
        for name in [*fields, "note"]:
            r = await b.client.post(
                path,
                content=multipart(fields, name, bad, files),
                headers={"content-type": "multipart/form-data; boundary=B0undary"},
            )
            assert 400 <= r.status_code < 500, (path, name, r.status_code, r.text[-800:])
            text = html.unescape(r.text)
            if (path, name) == ("/screenings", "job_id"):  # read first, to check the job before any file
                assert "invalid_input" in text and "Job: choose one of your jobs." in text
            else:
                assert "validation_error" in text and f"{name}: must be text: no NUL" in text, (path, name)
    assert await counts(b) == before
    screenings = (await b.client.get("/screenings")).text
    assert screenings.count('href="/screenings/') == 1  # only the one made in the setting


@pytest.mark.parametrize("kind", sorted(BAD))
async def test_bad_text_in_a_query_field_is_a_422(web, kind):
    b = web()
    ids = await setting(b)
    bad = BAD[kind][0]
    paths = [
        f"/screenings/{ids['screening']}?q=Anselm{bad}",
        f"/screenings/{ids['screening']}?category=selected{bad}",
        f"/sign-in?next=/jobs{bad}",
        f"/resumes/{ids['resume']}/review?evidence=job{bad}",
        f"/tailoring?resume_id={ids['resume']}{bad}",
        f"/resumes?uploaded={uuid.uuid4()}{bad}",
    ]
    for path in paths:
        r = await b.client.get(path)
        assert r.status_code == 422 and "must be text: no NUL characters" in html.unescape(r.text), path
