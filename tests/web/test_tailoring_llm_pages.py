"""The Tailoring page with and without a language model configured, over plain HTTP (form posts,
no JavaScript), against a real OpenAI-compatible server on loopback (``tests/llm_server.py``)
reached through the real ``openai`` SDK: mode "llm" is offered only when the server has a
model, the preview page says which mode and which model really made it, a model that fails
leaves the deterministic preview with the reason, and a cover letter that cannot be written
says why."""

from __future__ import annotations

import html
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from test_tailoring_pages import make_preview, right_column, seeker_with_job
from web_people import TAILOR_SEEKER
from webclient import Browser

from llm_server import FakeLLM, reply, status

MODEL = "fake-web-model-3b"
KEY = "sk-invented-web-0ddba11-never-shown"
ORIGINAL = "Rebuilt the booking pages in JS and React for 12,000 monthly visitors"
REWORDED = "Rebuilt the booking pages with React and JS for 12,000 monthly visitors"
GOOD = {"summary": None, "bullets": [{"path": "/work/0/highlights/1", "text": REWORDED}]}
_MODE_INPUT = re.compile(r'<input id="t-mode-(\w+)" type="radio" name="mode" value="(\w+)"( checked)?>')


@asynccontextmanager
async def browser(start_api: Any, make_settings: Any, **settings: Any) -> AsyncIterator[Browser]:
    async with start_api(make_settings(**settings)) as api:
        b = Browser(api.app)
        try:
            yield b
        finally:
            await b.client.aclose()


def with_model(server: FakeLLM) -> dict[str, Any]:
    return {"llm_base_url": server.base_url, "llm_model": MODEL, "llm_api_key": KEY, "llm_timeout_seconds": 5,
            "llm_max_retries": 0}  # fmt: skip


def made_by(page: str) -> str:
    found = re.search(r'<p class="lead" id="made-by">(.*?)</p>', page, flags=re.S)
    assert found, "the preview page does not say how it was made"
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(1)))


async def test_with_a_model_the_page_offers_llm_and_shows_the_model_that_wrote_the_preview(
    start_api, make_settings
):
    with FakeLLM([reply(GOOD)]) as server:
        async with browser(start_api, make_settings, **with_model(server)) as b:
            _, resume_id, job_id = await seeker_with_job(b)
            form = (await b.client.get("/tailoring")).text
            assert _MODE_INPUT.findall(form) == [
                ("llm", "llm", " checked"),
                ("deterministic", "deterministic", ""),
            ]
            assert f"llm: the language model {MODEL} also rewords bullets and the summary" in form
            assert "is not offered" not in form

            page = (await b.client.get(await make_preview(b, resume_id, job_id, mode="llm"))).text
            assert made_by(page).startswith(f"Mode: llm, rewritten with the language model {MODEL}.")
            assert REWORDED in right_column(page) and ORIGINAL not in right_column(page)
            assert len(server.requests) == 1 and KEY not in page
            listing = (await b.client.get("/tailoring")).text
            assert f'<td>llm <span class="muted">({MODEL})</span></td>' in listing

            # Deterministic when asked: the model is not even asked.
            page = (await b.client.get(await make_preview(b, resume_id, job_id, mode="deterministic"))).text
            assert made_by(page).startswith("Mode: deterministic (resumeiq's own rules")
            assert ORIGINAL in right_column(page) and len(server.requests) == 1
            # No mode in the form (an older page): the server's default, llm.
            page = (await b.client.get(await make_preview(b, resume_id, job_id))).text
            assert made_by(page).startswith("Mode: llm") and len(server.requests) == 2
            r = await b.post("/tailoring", {"resume_id": resume_id, "job_id": job_id, "mode": "poetic"})
            assert r.status_code == 422 and "validation_error" in r.text and "mode" in r.text


async def test_a_model_that_fails_leaves_the_deterministic_preview_and_says_why(start_api, make_settings):
    with FakeLLM([status(500)]) as server:
        async with browser(start_api, make_settings, **with_model(server)) as b:
            _, resume_id, job_id = await seeker_with_job(b)
            page = (await b.client.get(await make_preview(b, resume_id, job_id, mode="llm"))).text
    assert made_by(page).startswith("Mode: deterministic (resumeiq's own rules")
    warnings = html.unescape(page.split('id="warn-h"', 1)[1].split("</section>", 1)[0])
    assert f"The language model {MODEL} could not be used" in warnings and "HTTP 500 (1 attempt)" in warnings
    assert re.search(r"\d+ warnings?\.$", made_by(page))  # the top of the page points to them
    assert ORIGINAL in right_column(page)


async def test_without_a_model_llm_is_not_offered_and_says_why(web):
    b = web()
    _, resume_id, job_id = await seeker_with_job(b)
    form = (await b.client.get("/tailoring")).text
    assert 'name="mode"' not in form
    assert "Mode: deterministic. Rewording by a language model (mode “llm”) is not offered" in html.unescape(
        form
    )
    assert "RESUMEIQ_LLM_BASE_URL" in form
    r = await b.post("/tailoring", {"resume_id": resume_id, "job_id": job_id, "mode": "llm"})
    assert r.status_code == 422 and "llm_not_configured" in r.text
    page = (await b.client.get(await make_preview(b, resume_id, job_id))).text
    assert made_by(page).startswith("Mode: deterministic")


UNRELATED_JOB = """Pipe Welder
Harrowgate Fabrication · Hull

Requirements
- 4+ years of TIG welding
- Pipefitting and blueprint reading
- Forklift licence
"""


async def test_a_cover_letter_that_cannot_be_written_says_why(web):
    b = web()
    await b.sign_up_and_in()
    r = await b.upload("anselm.txt", TAILOR_SEEKER.encode())
    resume_id = r.headers["location"].split("uploaded=")[1]
    r = await b.post("/jobs", {"text": UNRELATED_JOB, "title": "", "company": ""})
    assert r.status_code == 303, r.text
    page = (
        await b.client.get(await make_preview(b, resume_id, r.headers["location"].rsplit("/", 1)[1]))
    ).text
    letter = html.unescape(page.split('id="cover-letter-h"', 1)[1].split("</section>", 1)[0])
    assert "failed" in letter and "Cover letter failed" in letter
    assert "shows none of the job's skills, so there is no evidence to write a cover letter from" in letter
