"""The review page over plain HTTP, on SQLite and PostgreSQL: the score band and the job match
named as the API names them, and every piece of evidence linked to its highlight in the text."""

from __future__ import annotations

import html
import re

from web_people import JOB, SEEKER

from documents import text_pdf


async def test_review_against_a_job_shows_band_category_and_linked_evidence(web):
    b = web()
    await b.sign_up_and_in()
    r = await b.upload("seeker.pdf", text_pdf(SEEKER))
    resume_id = r.headers["location"].split("uploaded=")[1]
    r = await b.post("/jobs", {"text": JOB, "company": "Fernhollow Systems Ltd"})
    job_id = r.headers["location"].rsplit("/", 1)[1]

    form = (await b.client.get(f"/resumes/{resume_id}/review")).text
    assert '<label for="review-job">Against a job' in form and '<option value="">No job</option>' in form
    r = await b.post(f"/resumes/{resume_id}/review", {"industry": "software_engineering", "job_id": job_id})
    assert r.status_code == 303
    page = await b.wait_for(r.headers["location"], 'id="overall-score"')

    # The band, as the API's `band` names it.
    overall = int(re.search(r'id="overall-score">(\d+)<', page).group(1))
    band = re.search(r'<span class="badge band-(\w+)" id="band"[^>]*>(\w+)</span>', page)
    assert band and band.group(1) == band.group(2)
    expected = "poor" if overall < 50 else "fair" if overall < 70 else "good" if overall < 85 else "strong"
    assert band.group(1) == expected

    # The job match: score, category and per-skill status in the API's words.
    assert "Against Senior Python Engineer" in page
    assert re.search(r'id="job-match-score">\d+<', page)
    assert re.search(r'<span class="badge (selected|considered|rejected)">\1</span>', page)
    chips = {
        html.unescape(m.group(2)).strip(): m.group(1)
        for m in re.finditer(r'<li class="chip (matched|related|missing)">(?:<a [^>]+>)?([^<]+)', page)
    }
    assert chips.get("Python") == "matched" and chips.get("PostgreSQL") == "matched"
    assert chips.get("Terraform") == "missing"  # preferred, not on the resume
    assert re.search(r'<dt>Years</dt><dd><span class="badge (matched|related|missing|not_assessed)">\1<', page)

    # Every evidence link points at a highlight drawn in the resume's text: the checks' evidence
    # on this view, the job's skills on the other (their spans overlap too much for one view).
    def marks_of(view: str) -> dict[str, str]:
        text = view.split('aria-label="Extracted resume text">', 1)[1].split("</pre>", 1)[0]
        return dict(re.findall(r'<mark id="([^"]+)" class="\w+"[^>]*>([^<]*)</mark>', text))

    here = set(re.findall(r'href="#(ev-[^"]+)"', page))
    assert here and here <= set(marks_of(page)), here - set(marks_of(page))
    python = re.search(r'<a href="([^"]*)#(jm-[^"]+)">Python</a>', page)
    assert python, "the matched skill links to its evidence"
    job_view = (await b.client.get(f"/resumes/{resume_id}/review" + html.unescape(python.group(1)))).text
    assert "with the job's skills marked" in job_view
    assert marks_of(job_view)[python.group(2)] == "Python"
    there = set(re.findall(r'href="#(jm-[^"]+)"', job_view))
    assert there and there <= set(marks_of(job_view))


async def test_a_review_with_a_job_that_is_not_a_uuid_is_a_422(web):
    b = web()
    await b.sign_up_and_in()
    r = await b.upload("seeker.pdf", text_pdf(SEEKER))
    resume_id = r.headers["location"].split("uploaded=")[1]
    r = await b.post(f"/resumes/{resume_id}/review", {"industry": "general", "job_id": "not-a-job"})
    assert r.status_code == 422 and "choose one of your jobs" in r.text
