"""The web app in a real Chromium against the real service: a job seeker's and a recruiter's
journeys, each page screenshotted (``test-artifacts/``) and checked for accessibility; console
errors fail the test (the fixture). ``RESUMEIQ_UPDATE_DOCS_SCREENSHOTS=1`` also writes the
README's screenshots under ``docs/``."""

from __future__ import annotations

import csv
import io
import os
import re
import uuid
from pathlib import Path
from typing import Any

import docx
import httpx
from accessibility import check_page, fits_width
from web_people import JOB, SEEKER, TAILOR_JOB, TAILOR_SEEKER, applicants
from webtools import PASSWORD, ROOT, shoot

from documents import text_pdf

EMAIL_WAIT = 120_000  # ms: a review or a 20-file screening on a loaded 2-core machine


def docs_copy(page: Any, name: str, start: Any = None, height: int = 1300) -> None:
    """With ``RESUMEIQ_UPDATE_DOCS_SCREENSHOTS=1``: the README's screenshot ``docs/NAME``, the
    page from ``start`` (a locator; else the top) down ``height`` pixels, in at most 256 colours
    so that the committed PNG stays small."""
    if os.environ.get("RESUMEIQ_UPDATE_DOCS_SCREENSHOTS") != "1":
        return
    from PIL import Image

    (ROOT / "docs").mkdir(exist_ok=True)
    path = ROOT / "docs" / name
    page.evaluate("window.scrollTo(0, 0)")
    top = int(start.bounding_box()["y"]) - 16 if start is not None else 0
    size = page.viewport_size
    full = page.evaluate("document.documentElement.scrollHeight")
    clip = {"x": 0, "y": max(0, top), "width": size["width"], "height": min(height, full - max(0, top))}
    page.screenshot(path=str(path), full_page=True, clip=clip)
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def sign_up(page: Any, base: str, email: str) -> None:
    page.goto(base + "/")
    check_page(page)
    shoot(page, "01-landing")
    page.get_by_role("link", name="Create account").click()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    check_page(page)
    shoot(page, "02-create-account")
    page.get_by_role("button", name="Create account").click()
    # No enumeration: the answer tells to sign in, whether the address had an account or not.
    page.get_by_role("status").wait_for()  # waits for the answer page (is_visible does not wait)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    nav = page.get_by_role("navigation", name="Main")
    nav.wait_for()  # the sign-in's redirect may still be loading (is_visible does not wait)
    for name in ("Resumes", "Jobs", "Screenings"):
        assert nav.get_by_role("link", name=name).is_visible()


def test_job_seeker_uploads_reads_the_review_creates_a_job_and_matches(server, new_page, tmp_path):
    page = new_page()
    base = server.url
    sign_up(page, base, f"seeker-{uuid.uuid4().hex[:8]}@example.com")

    # A broken file: the page says why, with the engine's code, and keeps the form.
    broken = tmp_path / "scan.pdf"
    broken.write_bytes(b"%PDF-1.4\n% not a real document\n")
    page.get_by_label("Resume file").set_input_files(str(broken))
    page.get_by_role("button", name="Upload").click()
    alert = page.get_by_role("alert")
    assert "corrupt_file" in alert.inner_text()
    check_page(page)
    shoot(page, "03-upload-failed")

    pdf = tmp_path / "marisol-quennell-adebayo.pdf"
    pdf.write_bytes(text_pdf(SEEKER))
    page.get_by_label("Resume file").set_input_files(str(pdf))
    page.get_by_role("button", name="Upload").click()
    assert "as version 1: ready (master)" in page.get_by_role("status").inner_text()
    check_page(page)
    shoot(page, "04-resumes")

    page.get_by_role("link", name="Review", exact=True).first.click()
    page.get_by_label("Industry").select_option("software_engineering")
    page.get_by_role("button", name="Run review").click()
    page.locator("#overall-score").wait_for(timeout=EMAIL_WAIT)  # live: the script reloads when done
    overall = int(page.locator("#overall-score").inner_text())
    assert 0 < overall <= 100
    assert page.get_by_text("Recommendations, by impact").is_visible()
    for group in ("ATS", "Content", "Formatting"):
        assert page.get_by_role("heading", name=group, exact=True).is_visible()
    marks = page.locator("pre.resume-text mark")
    assert marks.count() > 0  # evidence highlighted in the resume's own text
    assert "marisol.qa@example.net" in page.locator("pre.resume-text").inner_text()
    check_page(page)
    shoot(page, "05-review")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Jobs").click()
    page.get_by_label("Job description").fill(JOB)
    check_page(page)
    page.get_by_role("button", name="Create", exact=True).click()
    page.get_by_role("heading", name="What the posting asks for").wait_for()
    required = page.locator("li.chip.required").all_inner_texts()
    assert {"Python", "PostgreSQL", "Docker"} <= set(required)
    assert "Kubernetes" in page.locator("li.chip.preferred").all_inner_texts()
    check_page(page)
    shoot(page, "06-job")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Resumes").click()
    page.get_by_role("link", name="Match", exact=True).first.click()
    page.get_by_label("Job", exact=True).select_option(label="Senior Python Engineer · Fernhollow Systems Ltd")
    page.get_by_role("button", name="Match").click()
    page.locator("#match-score").wait_for(timeout=EMAIL_WAIT)
    score = int(page.locator("#match-score").inner_text())
    assert 0 < score <= 100
    assert page.locator(".badge").filter(has_text=re.compile("^(selected|considered|rejected)$")).count() >= 1
    assert page.locator("li.chip.matched").filter(has_text="Python").count() >= 1
    assert page.get_by_role("img", name="Match score per job").is_visible()
    check_page(page)
    shoot(page, "07-match")

    # The review again, against the job: the band and the job match as the API names them.
    page.get_by_role("link", name="Review", exact=True).click()
    page.get_by_label("Against a job").select_option(label="Senior Python Engineer · Fernhollow Systems Ltd")
    page.get_by_role("button", name="Review again").click()
    page.locator("#job-match-score").wait_for(timeout=EMAIL_WAIT)
    assert page.locator("#band").inner_text() in {"poor", "fair", "good", "strong"}
    assert page.get_by_role("heading", name="Against Senior Python Engineer").is_visible()
    category = page.locator("#jm-h ~ .overall .badge").inner_text()
    assert category in {"selected", "considered", "rejected"}
    check_page(page)
    shoot(page, "05b-review-with-job")
    docs_copy(page, "review.png", height=1500)
    # A matched skill links to its evidence in the text (the view that marks the job's skills).
    page.locator("li.chip.matched").filter(has_text="Python").get_by_role("link").click()
    target = page.locator("mark:target")
    assert target.inner_text() == "Python" and "matched for the job" in target.get_attribute("title")
    check_page(page)


def test_recruiter_screens_twenty_files_and_reads_the_board(server, new_page, tmp_path):
    page = new_page()
    base = server.url
    email = f"recruiter-{uuid.uuid4().hex[:8]}@example.com"
    sign_up(page, base, email)
    server.set_role(email, "recruiter")  # sign-up makes job seekers; the operator makes recruiters
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Jobs").click()
    page.get_by_label("Job description").fill(JOB)
    page.get_by_role("button", name="Create", exact=True).click()
    page.get_by_role("heading", name="What the posting asks for").wait_for()

    files = []
    for name, content in applicants(20):
        path = tmp_path / name
        path.write_bytes(content)
        files.append(str(path))
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Screenings").click()
    check_page(page)
    shoot(page, "08-screenings")
    page.get_by_label("Job", exact=True).select_option(label="Senior Python Engineer · Fernhollow Systems Ltd")
    page.get_by_label("Resume files").set_input_files(files)
    page.get_by_role("button", name="Start").click()

    # Live progress: the count moves while it runs (seen at least once before the end), then
    # the page shows "completed" and the board.
    page.get_by_role("heading", name="Progress").wait_for()
    seen = set()
    status = page.locator('[data-field="status"]')
    for _ in range(600):
        seen.add(page.locator('[data-field="text"]').inner_text())
        if status.inner_text() == "completed":
            break
        page.wait_for_timeout(200)
    assert status.inner_text() == "completed"
    page.wait_for_selector("[data-progress]", state="detached")  # the script reloaded the page
    assert page.locator('[data-field="status"]').inner_text() == "completed"
    # The page was loaded while the screening ran, and the script took it to the end by itself.
    assert any(re.fullmatch(r"\d+ of 20 processed", text) and text != "20 of 20 processed" for text in seen), seen
    assert "20 of 20 processed" in page.locator('[data-field="text"]').inner_text()
    rows = page.locator("#results tbody tr")
    assert rows.count() == 20
    categories = page.locator("#results tbody td .badge").all_inner_texts()
    assert set(categories) <= {"selected", "considered", "rejected"} and len(categories) == 20
    assert {"selected", "considered", "rejected"} <= set(categories)
    scores = [int(s) for s in page.locator("#results tbody tr td:nth-child(4)").all_inner_texts()]
    assert scores == sorted(scores, reverse=True)  # ranked, best first
    assert page.get_by_role("img", name="Resumes per score band, by category").is_visible()
    check_page(page)
    shoot(page, "09-screening")
    docs_copy(page, "screening.png", page.locator("section", has=page.locator("#dist-h")), height=1500)

    # Filter by category (a plain GET form: no script needed).
    page.get_by_label("Category", exact=True).select_option("selected")
    page.get_by_role("button", name="Filter").click()
    shown = page.locator("#results tbody td .badge").all_inner_texts()
    assert shown and set(shown) == {"selected"}
    # Search by name.
    page.get_by_label("Category", exact=True).select_option("")
    page.get_by_label("Search", exact=True).fill("Quennell")
    page.get_by_role("button", name="Filter").click()
    names = page.locator("#results tbody tr td:nth-child(2)").all_inner_texts()
    assert names and all("Quennell" in n for n in names)
    # Hide identities.
    page.get_by_label("Search", exact=True).fill("")
    page.get_by_label("Hide identities").check()
    page.get_by_role("button", name="Filter").click()
    labels = page.locator("#results tbody tr td:nth-child(2)").all_inner_texts()
    assert all(re.fullmatch(r"Candidate \d+", label) for label in labels)
    assert "@example.org" not in page.locator("#results").inner_text()
    check_page(page)

    # CSV export: every file, ranked.
    with page.expect_download() as download:
        page.get_by_role("link", name="Export CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    rows_csv = list(csv.DictReader(io.StringIO(text)))
    assert len(rows_csv) == 20 and {r["Category"] for r in rows_csv} <= {"selected", "considered", "rejected"}

    # E-mail by category: a preview of each message; sending says why it cannot (no SMTP here).
    page.get_by_label("Subject for selected").fill("Your application for {job_title}")
    page.get_by_label("Message for selected").fill("Dear {first_name},\nwe would like to talk to you.")
    page.get_by_role("button", name="Preview").click()
    previews = page.locator("ol.previews > li")
    assert previews.count() == categories.count("selected")
    first = previews.first.inner_text()
    assert (
        "Your application for Senior Python Engineer" in first
        and "Dear " in first
        and "{first_name}" not in first
    )
    check_page(page)
    shoot(page, "10-email-preview")
    page.get_by_role("button", name=re.compile(r"^Send these \d+ e-mails?$")).click()  # after a preview only
    assert "email_not_configured" in page.get_by_role("alert").inner_text()


def test_pages_fit_a_375px_screen_and_work_by_keyboard(server, new_page, tmp_path):
    page = new_page(width=375, height=800)
    base = server.url
    page.goto(base + "/")
    fits_width(page)
    # Keyboard only: tab to the fields and the button, type, press Enter.
    email = f"narrow-{uuid.uuid4().hex[:8]}@example.com"
    page.get_by_role("link", name="Create account").focus()
    page.keyboard.press("Enter")
    page.get_by_label("Email").focus()
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    page.get_by_role("navigation", name="Main").wait_for()
    pdf = tmp_path / "narrow.pdf"
    pdf.write_bytes(text_pdf(SEEKER))
    page.get_by_label("Resume file").set_input_files(str(pdf))
    page.get_by_role("button", name="Upload").click()
    page.get_by_role("status").wait_for()
    for path in ("/resumes", "/jobs", "/screenings", "/candidates", "/tailoring"):  # /candidates: for recruiters
        page.goto(base + path)
        fits_width(page)
        check_page(page)
        shoot(page, f"375px{path.replace('/', '-')}")


def test_upload_and_review_work_with_javascript_disabled(server, new_page, tmp_path):
    page = new_page(javascript=False)
    base = server.url
    sign_up(page, base, f"nojs-{uuid.uuid4().hex[:8]}@example.com")
    pdf = tmp_path / "nojs.pdf"
    pdf.write_bytes(text_pdf(SEEKER))
    page.get_by_label("Resume file").set_input_files(str(pdf))
    page.get_by_role("button", name="Upload").click()
    assert "ready" in page.get_by_role("status").inner_text()
    page.get_by_role("link", name="Review", exact=True).first.click()
    page.get_by_role("button", name="Run review").click()
    # Without the script the page refreshes itself (<noscript> meta refresh) until the review is done.
    page.locator("#overall-score").wait_for(timeout=EMAIL_WAIT)
    assert int(page.locator("#overall-score").inner_text()) > 0


def skills_line(text: str) -> str:
    after = re.split(r"^(?:## )?Skills$", text, flags=re.M)[1]
    return next(line.strip() for line in after.splitlines() if line.strip())


def test_job_seeker_tailors_a_resume_reviews_each_change_and_downloads_a_docx(server, new_page, tmp_path):
    from playwright.sync_api import expect

    page = new_page()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    base = server.url
    sign_up(page, base, f"tailor-{uuid.uuid4().hex[:8]}@example.com")
    pdf = tmp_path / "anselm-oyelaran-brisk.pdf"
    pdf.write_bytes(text_pdf(TAILOR_SEEKER))
    page.get_by_label("Resume file").set_input_files(str(pdf))
    page.get_by_role("button", name="Upload").click()
    assert "ready" in page.get_by_role("status").inner_text()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Jobs").click()
    page.get_by_label("Job description").fill(TAILOR_JOB)
    page.get_by_label("Company").fill("Brightwater Ledger")
    page.get_by_role("button", name="Create", exact=True).click()
    page.get_by_role("heading", name="What the posting asks for").wait_for()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Tailoring").click()
    page.get_by_role("heading", name="Tailoring", exact=True).wait_for()
    check_page(page)
    shoot(page, "11-tailoring")
    page.get_by_label("Resume", exact=True).select_option(index=0)
    page.get_by_label("Job", exact=True).select_option(label="Front-end Engineer · Brightwater Ledger")
    assert page.get_by_label("Cover letter").is_checked() and page.get_by_label("Outreach note").is_checked()
    page.get_by_role("button", name="Preview").click()

    page.get_by_role("heading", name="Tailored for Front-end Engineer at Brightwater Ledger").wait_for()
    side = page.get_by_role("table", name="The resume as text, original on the left, tailored on the right")
    assert side.get_by_role("columnheader", name="Original").is_visible()
    assert side.locator("ins").count() > 0 and side.locator("del").count() > 0
    tailored = "\n".join(side.locator("tbody td:nth-child(2)").all_inner_texts())
    assert skills_line(tailored).startswith("JavaScript, React")
    assert page.get_by_text("If you used Terraform").count() >= 1  # a suggestion, not an edit
    check_page(page)
    shoot(page, "12-tailoring-preview")
    docs_copy(page, "tailoring.png", page.locator("section", has=page.locator("#changes-h")), height=1200)

    # Reject the rename, see the result, then confirm with that choice.
    rename = page.get_by_role("group").filter(has_text="the posting calls 'JS' 'JavaScript'")
    rename.get_by_label("Reject").check()
    page.get_by_role("button", name="Show my choices").click()
    tailored = "\n".join(side.locator("tbody td:nth-child(2)").all_inner_texts())
    assert skills_line(tailored).startswith("JS, React")
    assert page.get_by_role("group").filter(has_text="the posting calls").get_by_label("Reject").is_checked()

    # The copy buttons (the script shows them) put the text on the clipboard.
    page.get_by_role("button", name="Copy cover letter").click()
    expect(page.locator("#cover-letter-copied")).to_have_text("Copied.")  # waits: the copy is async
    clipboard = page.evaluate("navigator.clipboard.readText()")
    assert clipboard == page.get_by_label("Cover letter text").input_value()
    assert clipboard.startswith("Dear Hiring Manager at Brightwater Ledger")
    page.get_by_role("button", name="Copy outreach note").click()
    expect(page.locator("#outreach-copied")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()").startswith("Hello, I'm Anselm Oyelaran-Brisk")

    page.get_by_role("button", name="Confirm").click()
    confirmed = page.get_by_role("status").filter(has_text="Confirmed")
    assert "version 2" in confirmed.inner_text()
    check_page(page)
    shoot(page, "13-tailoring-confirmed")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download DOCX").click()
    assert download.value.suggested_filename.endswith(".docx")
    document = docx.Document(download.value.path())
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Anselm Oyelaran-Brisk" in text and "Quillmoor Studio" in text
    assert skills_line(text).startswith("JS, React")  # as confirmed: the rejected rename left out
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    with page.expect_download() as download:
        page.get_by_role("link", name="Cover letter as DOCX").click()
    letter = "\n".join(p.text for p in docx.Document(download.value.path()).paragraphs)
    assert "Brightwater Ledger" in letter

    # The new version is on the resumes page, with its parent's candidate.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Resumes").click()
    page.get_by_role("heading", name="Resumes", exact=True).wait_for()  # count() does not wait for the page
    assert page.get_by_role("cell", name=re.compile(r"^v2")).count() == 1


def test_the_tailoring_page_works_without_javascript_and_at_375px(server, new_page, tmp_path):
    page = new_page(width=375, height=800, javascript=False)
    base = server.url
    email = f"tailor-nojs-{uuid.uuid4().hex[:8]}@example.com"
    sign_up(page, base, email)
    page.get_by_label("Resume file").set_input_files(
        files=[{"name": "anselm.txt", "mimeType": "text/plain", "buffer": TAILOR_SEEKER.encode()}]
    )
    page.get_by_role("button", name="Upload").click()
    page.get_by_role("status").wait_for()
    page.goto(base + "/jobs")
    page.get_by_label("Job description").fill(TAILOR_JOB)
    page.get_by_role("button", name="Create", exact=True).click()
    page.get_by_role("heading", name="What the posting asks for").wait_for()
    page.goto(base + "/tailoring")
    fits_width(page)
    check_page(page)
    page.get_by_role("button", name="Preview").click()
    page.get_by_role("heading", name=re.compile("^Tailored for")).wait_for()
    # No script: no copy buttons (the text stays selectable in its field), everything else works.
    assert page.get_by_role("button", name="Copy cover letter").count() == 0
    assert page.get_by_label("Cover letter text").input_value().startswith("Dear Hiring Manager")
    fits_width(page)
    check_page(page)
    shoot(page, "375px-tailoring-preview")

    # The job changes after the preview (through the API, as the same person): confirming shows
    # the 409 with its reason, and a button makes a new preview from things as they are now.
    token = httpx.post(f"{base}/api/v1/auth/token", data={"username": email, "password": PASSWORD}).json()
    headers = {"Authorization": f"Bearer {token['access_token']}"}
    job = httpx.get(f"{base}/api/v1/jobs", headers=headers).json()["items"][0]
    r = httpx.patch(f"{base}/api/v1/jobs/{job['id']}", json={"company": "Brightwater Ledger Group"}, headers=headers)
    assert r.status_code == 200, r.text
    page.get_by_role("button", name="Confirm").click()
    alert = page.get_by_role("alert")
    assert "stale_preview" in alert.inner_text() and "The job changed since preview" in alert.inner_text()
    assert "HTTP 409" in alert.inner_text()
    fits_width(page)
    check_page(page)
    shoot(page, "375px-tailoring-stale")
    page.get_by_role("button", name="Make a new preview").click()
    page.get_by_role("heading", name=re.compile("at Brightwater Ledger Group$")).wait_for()
    page.get_by_role("button", name="Confirm").click()
    assert "version 2" in page.get_by_role("status").filter(has_text="Confirmed").inner_text()
    fits_width(page)
    check_page(page)

    # The other pages a visitor meets: sign-in on its own and an error page.
    page.goto(base + f"/tailoring/{uuid.uuid4()}")
    assert page.get_by_role("heading", name="Not found").is_visible()
    fits_width(page)
    check_page(page)
    page.get_by_role("button", name="Sign out").click()
    page.goto(base + "/sign-in")
    fits_width(page)
    check_page(page)
