"""The Tailoring page over plain HTTP (form posts, no JavaScript), on SQLite and PostgreSQL:
preview, accept or reject each change, confirm into a new version, downloads, the cover letter
and outreach note, a stale preview's 409 with its reason, CSRF, and another user's preview."""

from __future__ import annotations

import html
import io
import re

import docx
from web_people import TAILOR_JOB, TAILOR_SEEKER
from webclient import Browser, token_of
from webtools import PASSWORD

_CHANGE = re.compile(r'name="change-(d\d+)" value="accept"')


async def seeker_with_job(b: Browser) -> tuple[str, str, str]:
    """(email, resume id, job id) for a signed-in job seeker with the invented resume and job."""
    email = await b.sign_up_and_in()
    r = await b.upload("anselm.txt", TAILOR_SEEKER.encode())
    assert r.status_code == 303, r.text
    resume_id = r.headers["location"].split("uploaded=")[1]
    r = await b.post("/jobs", {"text": TAILOR_JOB, "title": "", "company": "Brightwater Ledger"})
    assert r.status_code == 303, r.text
    job_id = r.headers["location"].rsplit("/", 1)[1]
    return email, resume_id, job_id


async def make_preview(b: Browser, resume_id: str, job_id: str, **extra: str) -> str:
    r = await b.post(
        "/tailoring",
        {"resume_id": resume_id, "job_id": job_id, "cover_letter": "true", "outreach": "true", **extra},
    )
    assert r.status_code == 303, r.text
    assert r.headers["location"].startswith("/tailoring/")
    return r.headers["location"]


def right_column(page: str) -> str:
    """The tailored side of the side-by-side table, as text."""
    body = page.split('class="sbs"', 1)[1].split("</table>", 1)[0]
    cells = re.findall(r"<tr class=\"\w+\"><td>.*?</td><td>(.*?)</td></tr>", body, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", "\n".join(cells)))


def skills_line(text: str) -> str:
    """The line of skills after the Skills heading of a rendered resume."""
    after = re.split(r"^(?:## )?Skills$", text, flags=re.M)[1]
    return next(line.strip() for line in after.splitlines() if line.strip())


def change_with(page: str, text: str) -> str:
    """The id of the change whose fieldset mentions ``text``."""
    for block in page.split('<fieldset class="change')[1:]:
        block = block.split("</fieldset>", 1)[0]
        if text in html.unescape(block):
            found = _CHANGE.search(block)
            assert found
            return found.group(1)
    raise AssertionError(f"no change mentions {text!r}")


async def test_tailoring_preview_choices_confirm_and_downloads(web):
    b = web()
    _, resume_id, job_id = await seeker_with_job(b)

    start = (await b.client.get("/tailoring")).text
    assert re.search(r'<a href="/tailoring" aria-current="page">Tailoring</a>', start)
    for label in ("Resume", "Job", "Cover letter", "Outreach note"):
        assert re.search(rf"<label [^>]*>(<input[^>]*> )?{label}</label>", start), label
    assert '<button type="submit">Preview</button>' in start
    # The resumes page links each ready resume to it.
    assert f'href="/tailoring?resume_id={resume_id}"' in (await b.client.get("/resumes")).text

    location = await make_preview(b, resume_id, job_id)
    page = (await b.client.get(location)).text
    assert "Tailored for Front-end Engineer at Brightwater Ledger" in page
    # The rename JS → JavaScript is one change to accept or reject; both sides are shown.
    rename = change_with(page, "the posting calls 'JS' 'JavaScript'")
    assert skills_line(right_column(page)).startswith("JavaScript, React")
    assert re.search(r"<td><del>[^<]*\bJS\b", page)  # the original line, marked as changed
    # Terraform is required and not on the resume: a suggestion, never an edit.
    assert "Terraform" not in right_column(page)
    assert re.search(r"If you used Terraform", page)
    # Cover letter and outreach note, each with a copy button the script shows (hidden without it).
    assert re.search(r'<textarea id="cover-letter-text" readonly[^>]*>Dear Hiring Manager at Brightwater Ledger', page)
    assert '<button type="button" class="secondary" hidden data-copy="cover-letter-text"' in page
    assert re.search(r'<textarea id="outreach-text" readonly[^>]*>Hello, I&#39;m Anselm Oyelaran-Brisk', page)
    assert "<script" not in page.split("</head>", 1)[1]  # no inline script: a strict CSP works

    # Reject the rename and look: the tailored side keeps "JS".
    preview_hash = re.search(r'name="preview_hash" value="([0-9a-f]+)"', page).group(1)
    choice = {f"change-{rename}": "reject", "preview_hash": preview_hash}
    r = await b.post(location, {**choice, "action": "show"})
    assert r.status_code == 200, r.text
    assert skills_line(right_column(r.text)).startswith("JS, React")
    assert re.search(rf'id="{rename}-reject"[^>]* checked', r.text)

    # Confirm with that choice: a new version, downloadable as DOCX and PDF.
    r = await b.post(location, {**choice, "action": "confirm"})
    assert r.status_code == 303, r.text
    new_id = re.search(r"confirmed=([0-9a-f-]+)", r.headers["location"]).group(1)
    page = (await b.client.get(r.headers["location"].split("#")[0])).text
    assert "this preview is <strong>version 2</strong>" in page
    assert '<button type="submit" name="action" value="confirm">' not in page  # done once
    # The page now shows the version as stored, and which change was left out of it.
    assert "<th scope=\"col\">Version 2 (confirmed)</th>" in page
    assert skills_line(right_column(page)).startswith("JS, React")
    assert page.count("Rejected: not in version 2") == 1
    assert re.search(r"<td>v2\b", (await b.client.get("/resumes")).text)  # listed with its parent's versions
    r = await b.client.get(f"/resumes/{new_id}/export?format=docx")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert r.headers["content-disposition"].startswith("attachment;")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(r.content)).paragraphs)
    assert "Anselm Oyelaran-Brisk" in text and "anselm.ob@example.net" in text
    assert "Quillmoor Studio" in text
    assert skills_line(text).startswith("JS, React")  # the rejected change stayed out
    r = await b.client.get(f"/resumes/{new_id}/export?format=pdf")
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    r = await b.client.get(f"{location}/cover-letter?format=docx")
    assert r.status_code == 200
    letter = "\n".join(p.text for p in docx.Document(io.BytesIO(r.content)).paragraphs)
    assert "Brightwater Ledger" in letter
    # A format that does not exist: a 422 page, not a file.
    r = await b.client.get(f"/resumes/{new_id}/export?format=exe")
    assert r.status_code == 422 and "format" in r.text

    # A second confirm (a stale page in another tab): refused with the reason.
    r = await b.post(location, {**choice, "action": "confirm"}, token_from=location)
    assert r.status_code == 409 and "already_confirmed" in r.text
    listing = (await b.client.get("/tailoring")).text
    assert "confirmed" in listing and location in listing


async def test_a_stale_preview_shows_the_409_and_its_reason(web, api):
    b = web()
    email, resume_id, job_id = await seeker_with_job(b)
    location = await make_preview(b, resume_id, job_id)
    page = (await b.client.get(location)).text
    preview_hash = re.search(r'name="preview_hash" value="([0-9a-f]+)"', page).group(1)
    # The job changes after the preview (through the API, as the same person).
    r = await api.client.post("/api/v1/auth/token", data={"username": email, "password": PASSWORD})
    token = r.json()["access_token"]
    r = await api.client.patch(
        f"/api/v1/jobs/{job_id}", json={"company": "Brightwater Ledger Group"},
        headers={"Authorization": f"Bearer {token}"},
    )  # fmt: skip
    assert r.status_code == 200, r.text
    r = await b.post(location, {"preview_hash": preview_hash, "action": "confirm"})
    assert r.status_code == 409
    assert "stale_preview" in r.text and "The job changed since preview" in html.unescape(r.text)
    assert '<button type="submit">Make a new preview</button>' in r.text
    # Nothing was created: still one version.
    assert not re.search(r"<td>v2\b", (await b.client.get("/resumes")).text)
    # The button makes a new preview from the resume and the job as they are now.
    fresh = await b.post("/tailoring", {"resume_id": resume_id, "job_id": job_id, "cover_letter": "true"},
                         token_from=location)  # fmt: skip
    assert fresh.status_code == 303 and fresh.headers["location"] != location
    assert "Brightwater Ledger Group" in (await b.client.get(fresh.headers["location"])).text


async def test_a_wrong_hash_or_an_unknown_change_is_refused_and_nothing_is_created(web):
    b = web()
    _, resume_id, job_id = await seeker_with_job(b)
    location = await make_preview(b, resume_id, job_id)
    r = await b.post(location, {"preview_hash": "0" * 64, "action": "confirm"})
    assert r.status_code == 409 and "preview_hash_mismatch" in r.text
    r = await b.post(location, {"preview_hash": "0" * 64, "change-d99": "reject", "action": "confirm"})
    assert r.status_code == 422 and "d99" in r.text
    assert not re.search(r"<td>v2\b", (await b.client.get("/resumes")).text)


async def test_tailoring_forms_need_the_csrf_token_and_anothers_preview_is_a_404(web):
    b = web()
    _, resume_id, job_id = await seeker_with_job(b)
    r = await b.client.post("/tailoring", data={"resume_id": resume_id, "job_id": job_id})
    assert r.status_code == 403 and "csrf_failed" in r.text
    location = await make_preview(b, resume_id, job_id)
    page = (await b.client.get(location)).text
    preview_hash = re.search(r'name="preview_hash" value="([0-9a-f]+)"', page).group(1)
    r = await b.client.post(location, data={"preview_hash": preview_hash, "action": "confirm"})
    assert r.status_code == 403 and "csrf_failed" in r.text
    assert not re.search(r"<td>v2\b", (await b.client.get("/resumes")).text)

    other = web()
    await other.sign_up_and_in()
    for path in (location, f"{location}/cover-letter?format=txt", f"/resumes/{resume_id}/export?format=docx"):
        r = await other.client.get(path)
        assert r.status_code == 404 and "Anselm" not in r.text, path
    token = token_of((await other.client.get("/tailoring")).text)
    r = await other.client.post(
        location, data={"csrf_token": token, "preview_hash": preview_hash, "action": "confirm"}
    )
    assert r.status_code == 404
    # Another's resume or job as the input of a preview: the same 404, shown on the form.
    r = await other.post("/tailoring", {"resume_id": resume_id, "job_id": job_id})
    assert r.status_code == 404 and "not_found" in r.text


async def test_a_preview_without_a_cover_letter_says_so(web):
    b = web()
    _, resume_id, job_id = await seeker_with_job(b)
    r = await b.post("/tailoring", {"resume_id": resume_id, "job_id": job_id})
    location = r.headers["location"]
    page = (await b.client.get(location)).text
    assert "Not requested: make a new preview with “Cover letter” ticked." in page
    assert 'data-copy="cover-letter-text"' not in page
    r = await b.client.get(f"{location}/cover-letter?format=pdf")
    assert r.status_code == 409 and "no_cover_letter" in r.text


async def test_a_resume_with_nothing_to_tailor_is_refused_on_the_form_with_the_reason(web):
    b = web()
    _, _, job_id = await seeker_with_job(b)
    r = await b.upload("name-only.txt", b"Wendeline Arkwright-Soto\n")
    assert r.status_code == 303, r.text  # a readable file: stored and ready, with nothing to tailor
    resume_id = r.headers["location"].split("uploaded=")[1]
    r = await b.post("/tailoring", {"resume_id": resume_id, "job_id": job_id})
    assert r.status_code == 422 and "nothing_to_tailor" in r.text
    assert re.search(rf'<option value="{resume_id}" selected>', r.text)  # the form keeps the choice
    assert "Your previews (0)" in r.text
