"""The recruiter's candidate pool over plain HTTP (form posts, no JavaScript), on SQLite and
PostgreSQL: the Candidates page with search by name, e-mail and skill, a candidate's page
(versions, screenings, matches), correcting their details, deleting them after a confirmation
page, screening the pool (all or the ticked candidates) against a job without uploading, the
XLSX export next to the CSV, CSRF on every form, and another recruiter's candidate as a 404."""

from __future__ import annotations

import html
import io
import re
import uuid

import openpyxl
from web_people import FIRST, JOB, LAST, STRONG, applicants, resume
from webclient import Browser

_ROW_LINK = re.compile(r'<a href="/candidates/([0-9a-f-]{36})">([^<]+)</a>')


async def recruiter_with_pool(b: Browser, n: int = 6) -> tuple[str, dict[str, str]]:
    """A signed-in recruiter with a job and ``n`` invented applicants uploaded one by one on the
    resumes page: (job id, candidate name → candidate id)."""
    await b.sign_up_and_in(role="recruiter")
    for name, content in applicants(n):
        r = await b.upload(name, content)
        assert r.status_code == 303, r.text
    r = await b.post("/jobs", {"text": JOB}, token_from="/jobs")
    assert r.status_code == 303, r.text
    job_id = r.headers["location"].rsplit("/", 1)[1]
    page = await b.client.get("/candidates")
    assert page.status_code == 200, page.text
    return job_id, {html.unescape(name): cid for cid, name in _ROW_LINK.findall(page.text)}


def person(i: int) -> str:
    """The name of ``applicants()``'s ``i``-th invented applicant."""
    return f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}"


def names_on(page: str) -> set[str]:
    return {html.unescape(name) for _, name in _ROW_LINK.findall(page)}


async def test_the_candidates_page_lists_the_pool_and_searches_by_name_email_and_skill(web):
    b = web()
    _, pool = await recruiter_with_pool(b)
    assert len(pool) == 6  # one per invented applicant (each a different person)
    page = (await b.client.get("/candidates")).text
    assert '<a href="/candidates" aria-current="page">Candidates</a>' in page
    assert "Your candidates (6)" in page
    designers = {person(i) for i in range(6) if i % 3 == 2}  # web_people's graphic designers
    assert designers <= set(pool)
    r = await b.client.get("/candidates", params={"skill": "figma"})  # any case, whole skill name
    assert names_on(r.text) == designers and "Found (2)" in r.text
    first = next(iter(pool))
    r = await b.client.get("/candidates", params={"q": first.split()[1][:5].upper()})
    assert first in names_on(r.text)
    r = await b.client.get("/candidates", params={"q": "tadeo.1@example"})  # part of an e-mail
    assert names_on(r.text) == {n for n in pool if n.startswith("Tadeo")}
    r = await b.client.get("/candidates", params={"q": "nobody-like-this"})
    assert not names_on(r.text) and "No candidate matches" in r.text


async def test_a_job_seeker_has_no_candidates_link_and_is_told_what_the_page_is_for(web):
    b = web()
    await b.sign_up_and_in()
    page = (await b.client.get("/resumes")).text
    assert 'href="/candidates"' not in page
    r = await b.client.get("/candidates")
    assert r.status_code == 200 and "for recruiter accounts" in r.text and "<table" not in r.text


async def test_a_candidates_page_shows_versions_screenings_and_matches_and_saves_corrections(web):
    b = web()
    job_id, pool = await recruiter_with_pool(b, n=3)
    name, cid = next((n, c) for n, c in pool.items() if n.startswith("Orla"))
    page = (await b.client.get(f"/candidates/{cid}")).text
    assert f"<h1>{name}</h1>" in page and "applicant-01.pdf" in page and "Resume versions (1)" in page
    assert "python" in page.lower() and "Not in any screening yet." in page
    resume_id = re.search(r'href="/resumes/([0-9a-f-]{36})/match"', page).group(1)
    r = await b.post(
        f"/resumes/{resume_id}/match", {"job_id": job_id}, token_from=f"/resumes/{resume_id}/match"
    )
    assert r.status_code == 303, r.text
    await b.wait_for(r.headers["location"], 'id="match-score"')
    r = await b.post("/screenings/pool", {"job_id": job_id, "pool": "chosen", "candidate_id": cid},
                     token_from="/screenings")  # fmt: skip
    assert r.status_code == 303, r.text
    await b.wait_for(r.headers["location"], "1 of 1 processed")
    page = (await b.client.get(f"/candidates/{cid}")).text
    assert "Screenings (1)" in page and f'href="{r.headers["location"]}">Senior Python Engineer' in page
    assert "Job matches (1)" in page and f"/resumes/{resume_id}/match?match=" in page

    # Correct the location; clear the phone (an empty field is the API's null).
    values = {"name": name, "email": "orla.0@example.org", "phone": "", "location": "Harrogate, UK"}
    r = await b.post(f"/candidates/{cid}", values, token_from=f"/candidates/{cid}")
    assert r.status_code == 303 and r.headers["location"] == f"/candidates/{cid}?saved=true"
    page = (await b.client.get(r.headers["location"])).text
    assert (
        "Saved." in page
        and 'value="Harrogate, UK"' in page
        and 'name="phone" maxlength="64" value=""' in page
    )
    # A wrong e-mail is refused with its code; the form keeps what was typed.
    r = await b.post(
        f"/candidates/{cid}", {**values, "email": "not-an-address"}, token_from=f"/candidates/{cid}"
    )
    assert r.status_code == 422 and "invalid_input" in r.text and 'value="not-an-address"' in r.text
    # Another candidate's e-mail: a conflict, said so.
    other = next(c for n, c in pool.items() if c != cid)
    other_email = re.search(r'name="email" type="email" maxlength="320" value="([^"]*)"',
                            (await b.client.get(f"/candidates/{other}")).text).group(1)  # fmt: skip
    r = await b.post(f"/candidates/{cid}", {**values, "email": other_email}, token_from=f"/candidates/{cid}")
    assert r.status_code == 409 and "conflict" in r.text
    assert f'<a href="/candidates/{other}">Open the candidate who has them</a>' in r.text
    assert "Harrogate" in (await b.client.get(f"/candidates/{cid}")).text  # the good change stayed


async def test_deleting_a_candidate_asks_first_and_takes_their_resumes_with_them(web):
    b = web()
    _, pool = await recruiter_with_pool(b, n=2)
    name, cid = next(iter(pool.items()))
    page = (await b.client.get(f"/candidates/{cid}")).text
    assert f'href="/candidates/{cid}/delete"' in page
    confirm = await b.client.get(f"/candidates/{cid}/delete")
    assert (
        confirm.status_code == 200
        and f"Delete {name}?" in confirm.text
        and "cannot be undone" in confirm.text
    )
    assert f'action="/candidates/{cid}/delete"' in confirm.text
    # Without the form's token nothing happens.
    r = await b.client.post(f"/candidates/{cid}/delete", data={"csrf_token": "forged"})
    assert r.status_code == 403 and "csrf_failed" in r.text
    assert (await b.client.get(f"/candidates/{cid}")).status_code == 200
    r = await b.post(f"/candidates/{cid}/delete", {}, token_from=f"/candidates/{cid}/delete")
    assert r.status_code == 303 and r.headers["location"].startswith("/candidates?deleted=")
    listing = (await b.client.get(r.headers["location"])).text
    assert f"Deleted {name}" in listing and names_on(listing) == set(pool) - {name}
    assert (await b.client.get(f"/candidates/{cid}")).status_code == 404
    assert "Your resumes (1)" in (await b.client.get("/resumes")).text


async def test_another_recruiters_candidate_is_a_404_page_and_stays(web):
    owner, stranger = web(), web()
    _, pool = await recruiter_with_pool(owner, n=1)
    cid = next(iter(pool.values()))
    await stranger.sign_up_and_in(role="recruiter")
    for path in (f"/candidates/{cid}", f"/candidates/{cid}/delete"):
        r = await stranger.client.get(path)
        assert r.status_code == 404 and "not_found" in r.text
    r = await stranger.post(f"/candidates/{cid}/delete", {}, token_from="/candidates")
    assert r.status_code == 404
    r = await stranger.post(f"/candidates/{cid}", {"name": "Taken Over"}, token_from="/candidates")
    assert r.status_code == 404
    assert "Taken Over" not in (await owner.client.get(f"/candidates/{cid}")).text
    assert not names_on((await stranger.client.get("/candidates")).text)


async def test_screening_the_pool_all_or_ticked_without_uploading_and_exporting_xlsx(web):
    b = web()
    job_id, pool = await recruiter_with_pool(b, n=5)
    form = (await b.client.get("/screenings")).text
    assert 'action="/screenings/pool"' in form and "Screen all 5 candidates" in form
    for cid in pool.values():
        assert f'name="candidate_id" value="{cid}">' in form  # each to tick, none ticked
    # A candidate's page links here with theirs ticked.
    chosen = list(pool.values())[:2]
    ticked = (await b.client.get("/screenings", params={"candidate_id": chosen[0]})).text
    assert f'value="{chosen[0]}" checked>' in ticked and f'value="{chosen[1]}" checked>' not in ticked

    r = await b.post("/screenings/pool", {"job_id": job_id, "pool": "chosen"}, token_from="/screenings")
    assert r.status_code == 422 and "tick at least one candidate" in r.text
    token = await b.token("/screenings")
    data = {"csrf_token": token, "job_id": job_id, "pool": "chosen", "candidate_id": chosen}
    r = await b.client.post("/screenings/pool", data=data)
    assert r.status_code == 303, r.text
    board = await b.wait_for(r.headers["location"], "2 of 2 processed")
    names = {n for n, c in pool.items() if c in chosen}
    assert all(n in board for n in names) and not any(n in board for n in set(pool) - names)

    r = await b.post(
        "/screenings/pool", {"job_id": job_id, "pool": "all", "blind": "true"}, token_from="/screenings"
    )
    assert r.status_code == 303, r.text
    screening = r.headers["location"]
    board = await b.wait_for(screening, "5 of 5 processed")
    assert "Blind screening" in board and not any(n in board for n in pool)
    assert f'href="{screening}/export.xlsx"' in board and f'href="{screening}/export.csv"' in board
    x = await b.client.get(f"{screening}/export.xlsx")
    assert x.status_code == 200
    assert x.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert x.headers["content-disposition"].endswith('.xlsx"')
    sheet = openpyxl.load_workbook(io.BytesIO(x.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 6 and not any(n in str(rows) for n in pool)  # header + 5, blind
    csv_rows = (await b.client.get(f"{screening}/export.csv")).text.strip().splitlines()
    assert len(csv_rows) == len(rows)

    # Refused: a job that is not theirs, a candidate not theirs, no token.
    r = await b.post(
        "/screenings/pool", {"job_id": str(uuid.uuid4()), "pool": "all"}, token_from="/screenings"
    )
    assert r.status_code == 404 and "not_found" in r.text
    r = await b.post("/screenings/pool", {"job_id": job_id, "pool": "chosen", "candidate_id": str(uuid.uuid4())},
                     token_from="/screenings")  # fmt: skip
    assert r.status_code == 404 and "not_found" in r.text
    r = await b.client.post("/screenings/pool", data={"job_id": job_id, "pool": "all"})
    assert r.status_code == 403 and "csrf_failed" in r.text


async def test_a_job_seeker_cannot_screen_a_pool(web):
    b = web()
    await b.sign_up_and_in()
    r = await b.post("/screenings/pool", {"job_id": str(uuid.uuid4()), "pool": "all"}, token_from="/resumes")
    assert r.status_code == 403 and "role_required" in r.text


async def test_a_new_version_is_uploaded_from_the_candidates_page(web):
    b = web()
    _, pool = await recruiter_with_pool(b, n=2)
    name, cid = next((n, c) for n, c in pool.items() if n == person(0))
    newer = resume(name, "orla.0@example.org", title="Staff Software Engineer", skills=STRONG, years=10)
    token = await b.token(f"/candidates/{cid}")
    r = await b.client.post(
        f"/candidates/{cid}/resumes",
        data={"csrf_token": token},
        files={"file": ("orla-2026.txt", newer.encode())},
    )
    assert r.status_code == 303 and r.headers["location"].startswith(f"/candidates/{cid}?uploaded=")
    page = html.unescape(re.sub(r"<[^>]+>", "", (await b.client.get(r.headers["location"])).text))
    assert f"Uploaded orla-2026.txt as version 2 of {name}: ready." in page and "Resume versions (2)" in page
    # A file that cannot be read: the candidate's page says why, with the engine's code.
    r = await b.client.post(
        f"/candidates/{cid}/resumes", data={"csrf_token": token}, files={"file": ("blank.txt", b"")}
    )
    assert r.status_code == 422 and "empty_file" in r.text and "The upload failed" in r.text
    assert "Resume versions (2)" in r.text
    r = await b.client.post(
        f"/candidates/{cid}/resumes", data={"csrf_token": "forged"}, files={"file": ("x.txt", newer.encode())}
    )
    assert r.status_code == 403 and "csrf_failed" in r.text
    stranger = web()
    await stranger.sign_up_and_in(role="recruiter")
    token = await stranger.token("/candidates")
    r = await stranger.client.post(
        f"/candidates/{cid}/resumes", data={"csrf_token": token}, files={"file": ("x.txt", newer.encode())}
    )
    assert r.status_code == 404
    assert "Resume versions (2)" in (await b.client.get(f"/candidates/{cid}")).text
