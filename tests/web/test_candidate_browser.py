"""The recruiter's candidate pool in a real Chromium against the real service: the "Candidates"
link, search by skill and by name (by keyboard), a candidate's page, correcting their details,
deleting one after the confirmation page, screening the ticked candidates without uploading,
and the XLSX export; at 375 px and without JavaScript too. Each page is screenshotted
(``test-artifacts/``) and checked for accessibility; console errors fail the test."""

from __future__ import annotations

import io
import re
import uuid
from pathlib import Path
from typing import Any

import openpyxl
from accessibility import check_page, fits_width
from test_browser import EMAIL_WAIT, sign_up
from web_people import FIRST, JOB, LAST, applicants
from webtools import shoot

JOB_LABEL = "Senior Python Engineer · Fernhollow Systems Ltd"


def person(i: int) -> str:
    return f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}"


def recruiter_with_pool(page: Any, server: Any, tmp_path: Path, n: int = 6) -> None:
    """A new recruiter with the job and ``n`` invented applicants uploaded on the Resumes page."""
    email = f"pool-{uuid.uuid4().hex[:8]}@example.com"
    sign_up(page, server.url, email)
    server.set_role(email, "recruiter")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Jobs").click()
    page.get_by_label("Job description").fill(JOB)
    page.get_by_role("button", name="Create", exact=True).click()
    page.get_by_role("heading", name="What the posting asks for").wait_for()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Resumes").click()
    for name, content in applicants(n):
        path = tmp_path / name
        path.write_bytes(content)
        page.get_by_label("Resume file").set_input_files(str(path))
        page.get_by_role("button", name="Upload").click()
        assert "ready" in page.get_by_role("status").inner_text()


def listed(page: Any) -> list[str]:
    return page.locator("#main table tbody tr td:first-child a").all_inner_texts()


def test_recruiter_searches_the_pool_edits_deletes_and_screens_chosen_candidates(server, new_page, tmp_path):
    page = new_page()
    recruiter_with_pool(page, server, tmp_path)
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="Candidates").click()
    page.get_by_role("heading", name="Your candidates (6)").wait_for()
    assert set(listed(page)) == {person(i) for i in range(6)}
    check_page(page)
    shoot(page, "20-candidates")

    # Search by skill: the graphic designers (applicants 3 and 6); then by name, by keyboard only.
    page.get_by_label("Skill").fill("Figma")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("heading", name="Found (2)").wait_for()
    assert set(listed(page)) == {person(2), person(5)}
    page.get_by_label("Skill").fill("")
    page.get_by_label("Name or e-mail").focus()
    page.keyboard.type(person(0).split()[1])
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/candidates\?q=\w+"))
    assert listed(page) == [person(0)]
    check_page(page)
    shoot(page, "21-candidates-search")

    # Their page: the version, the skills; correct the location.
    page.get_by_role("link", name=person(0)).click()
    page.get_by_role("heading", name=person(0), exact=True).wait_for()
    assert page.get_by_role("cell", name="applicant-01.pdf").is_visible()
    assert page.locator("li.chip").filter(has_text=re.compile("^python$")).count() == 1
    page.get_by_label("Location").fill("Harrogate, UK")
    page.get_by_role("button", name="Save").click()
    assert page.get_by_role("status").inner_text() == "Saved."
    assert page.get_by_label("Location").input_value() == "Harrogate, UK"
    # Another candidate's e-mail: refused with the reason (the form keeps what was typed).
    page.get_by_label("Email").fill(f"{person(3).split()[0].lower()}.3@example.org")
    page.get_by_role("button", name="Save").click()
    alert = page.get_by_role("alert").inner_text()
    assert "conflict" in alert and "has this e-mail or phone already" in alert and "HTTP 409" in alert
    assert page.get_by_label("Email").input_value() == "kwame.3@example.org"
    check_page(page)
    shoot(page, "22-candidate-refused")

    # Screen this candidate and one more, ticked, against the job: nothing uploaded.
    page.get_by_role("link", name=f"Screen {person(0)} against a job").click()
    assert page.get_by_label(person(0)).is_checked()
    page.get_by_label(person(3)).check()
    page.get_by_label("Job for your candidates").select_option(label=JOB_LABEL)
    check_page(page)
    shoot(page, "23-screenings-pool-form")
    page.get_by_role("button", name="Screen the ticked candidates").click()
    page.locator('[data-field="status"]').filter(has_text="completed").wait_for(timeout=EMAIL_WAIT)
    page.wait_for_selector("[data-progress]", state="detached")
    assert page.locator("#results tbody tr").count() == 2
    board = page.locator("#results").inner_text()
    assert person(0) in board and person(3) in board and person(1) not in board
    check_page(page)
    shoot(page, "24-pool-screening")
    with page.expect_download() as download:
        page.get_by_role("link", name="Export XLSX").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    workbook = openpyxl.load_workbook(
        io.BytesIO(Path(download.value.path()).read_bytes())
    )  # it reads by the name's suffix
    rows = list(workbook.active.iter_rows(values_only=True))
    assert len(rows) == 3 and person(0) in str(rows) and person(3) in str(rows)

    # The screening is on the candidate's page now, with its outcome.
    nav.get_by_role("link", name="Candidates").click()
    page.get_by_role("link", name=person(0)).click()
    screened = page.get_by_role("table", name=f"Screenings {person(0)} was in, newest first")
    screened.get_by_role("link", name="Senior Python Engineer").wait_for()
    assert screened.locator(".badge").inner_text() in {"selected", "considered", "rejected"}
    check_page(page)
    shoot(page, "25-candidate")

    # Delete another one: a confirmation page first; "Keep" leaves them.
    nav.get_by_role("link", name="Candidates").click()
    page.get_by_role("link", name=person(1)).click()
    page.get_by_role("link", name="Delete this candidate…").click()
    page.get_by_role("heading", name=f"Delete {person(1)}?").wait_for()
    check_page(page)
    shoot(page, "26-candidate-delete")
    page.get_by_role("link", name=f"Keep {person(1)}").click()
    page.get_by_role("link", name="Delete this candidate…").click()
    page.get_by_role("button", name=f"Delete {person(1)}").click()
    assert f"Deleted {person(1)}" in page.get_by_role("status").inner_text()
    assert person(1) not in listed(page) and len(listed(page)) == 5


def test_the_candidate_pages_work_at_375px_without_javascript(server, new_page, tmp_path):
    page = new_page(width=375, height=800, javascript=False)
    recruiter_with_pool(page, server, tmp_path, n=3)
    base = server.url
    page.goto(base + "/candidates")
    fits_width(page)
    check_page(page)
    shoot(page, "375px-candidates-recruiter")
    page.get_by_role("link", name=person(2)).click()
    page.get_by_label("New version's file").set_input_files(
        files=[
            {
                "name": "ilse-2026.txt",
                "mimeType": "text/plain",
                "buffer": applicants(3)[2][1] + b"\nFigma, Sketch\n",
            }
        ]
    )
    page.get_by_role("button", name="Upload version").click()
    assert f"as version 2 of {person(2)}: ready" in page.get_by_role("status").inner_text()
    assert page.get_by_role("heading", name="Resume versions (2)").is_visible()
    fits_width(page)
    check_page(page)
    shoot(page, "375px-candidate")
    page.get_by_role("link", name="Delete this candidate…").click()
    fits_width(page)
    check_page(page)
    page.get_by_role("button", name=f"Delete {person(2)}").click()
    assert f"Deleted {person(2)}" in page.get_by_role("status").inner_text()
    page.goto(base + "/screenings")
    fits_width(page)
    check_page(page)
    shoot(page, "375px-screenings-pool")
    page.get_by_label("Job for your candidates").select_option(label=JOB_LABEL)
    page.get_by_role("button", name="Screen all 2 candidates").click()
    # Without the script the board refreshes itself (<noscript> meta refresh) until it is done.
    page.locator('[data-field="status"]').filter(has_text="completed").wait_for(timeout=EMAIL_WAIT)
    names = {
        cell.split("\n")[0] for cell in page.locator("#results tbody tr td:nth-child(2)").all_inner_texts()
    }
    assert names == {person(0), person(1)}  # the two left, person(2) was deleted
    fits_width(page)
    check_page(page)
