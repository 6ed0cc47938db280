"""Tailoring with a language model in a real Chromium: ``resumeiq serve`` configured with the
loopback fake OpenAI-compatible server (``tests/llm_server.py``). The form offers mode "llm"
(the model named), the preview says which mode and model made it and shows the model's rewrite
side by side; "deterministic" leaves the model out; a model that fails gives the deterministic
preview with the reason. At 375 px without JavaScript too; screenshots under ``test-artifacts/``."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from accessibility import check_page, fits_width
from test_browser import sign_up
from web_people import TAILOR_JOB, TAILOR_SEEKER
from webtools import shoot

from conftest import Server, running_server
from llm_server import FakeLLM, reply, status

MODEL = "fake-web-model-3b"
REWORDED = "Rebuilt the booking pages with React and JS for 12,000 monthly visitors"
GOOD = {"summary": None, "bullets": [{"path": "/work/0/highlights/1", "text": REWORDED}]}
JOB_LABEL = "Front-end Engineer · Brightwater Ledger"
ANSWER: dict[str, Any] = {"now": reply(GOOD)}  # what the fake model answers next


@pytest.fixture(scope="module")
def llm() -> Iterator[FakeLLM]:
    with FakeLLM([lambda request: ANSWER["now"]]) as server:
        yield server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, llm: FakeLLM) -> Iterator[Server]:
    """The whole service, as in ``conftest.server``, with the fake model configured."""
    yield from running_server(
        tmp_path_factory.mktemp("web-llm-server"),
        RESUMEIQ_LLM_BASE_URL=llm.base_url,
        RESUMEIQ_LLM_MODEL=MODEL,
        RESUMEIQ_LLM_API_KEY="sk-invented-browser-5eed-never-shown",
        RESUMEIQ_LLM_TIMEOUT_SECONDS="5",
        RESUMEIQ_LLM_MAX_RETRIES="0",
    )


def seeker_with_job(page: Any, server: Server) -> None:
    sign_up(page, server.url, f"llm-{uuid.uuid4().hex[:8]}@example.com")
    page.get_by_label("Resume file").set_input_files(
        files=[{"name": "anselm.txt", "mimeType": "text/plain", "buffer": TAILOR_SEEKER.encode()}]
    )
    page.get_by_role("button", name="Upload").click()
    page.get_by_role("status").wait_for()
    page.goto(server.url + "/jobs")
    page.get_by_label("Job description").fill(TAILOR_JOB)
    page.get_by_label("Company").fill("Brightwater Ledger")
    page.get_by_role("button", name="Create", exact=True).click()
    page.get_by_role("heading", name="What the posting asks for").wait_for()


def tailored_text(page: Any) -> str:
    side = page.get_by_role("table", name="The resume as text, original on the left, tailored on the right")
    return "\n".join(side.locator("tbody td:nth-child(2)").all_inner_texts())


def test_the_tailoring_page_offers_the_model_and_shows_what_it_did(server, llm, new_page):
    ANSWER["now"] = reply(GOOD)
    page = new_page()
    seeker_with_job(page, server)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Tailoring").click()
    mode_llm = page.get_by_label(f"llm: the language model {MODEL} also rewords bullets and the summary")
    assert mode_llm.is_checked()
    assert not page.get_by_label("deterministic: reorder and rename only, without the model").is_checked()
    page.get_by_label("Job", exact=True).select_option(label=JOB_LABEL)
    check_page(page)
    shoot(page, "30-tailoring-llm-form")
    asked = len(llm.requests)
    page.get_by_role("button", name="Preview").click()
    page.locator("#mode").wait_for()
    assert page.locator("#mode").inner_text() == "llm" and page.locator("#ai-model").inner_text() == MODEL
    assert REWORDED in tailored_text(page) and len(llm.requests) == asked + 1
    assert page.locator("ol.changes").get_by_text(MODEL).count() >= 1  # the change names its author
    check_page(page)
    shoot(page, "31-tailoring-llm-preview")

    # Deterministic: the model is not asked, and the page says so.
    page.get_by_role("link", name="Tailoring", exact=True).first.click()
    page.get_by_label("deterministic: reorder and rename only, without the model").check()
    page.get_by_role("button", name="Preview").click()
    page.locator("#mode").filter(has_text="deterministic").wait_for()
    assert page.locator("#ai-model").count() == 0 and len(llm.requests) == asked + 1
    assert REWORDED not in tailored_text(page)

    # The model fails: the deterministic preview, and a warning with the reason.
    ANSWER["now"] = status(500)
    page.get_by_role("link", name="Tailoring", exact=True).first.click()
    page.get_by_role("button", name="Preview").click()
    page.locator("#mode").filter(has_text="deterministic").wait_for()
    warnings = page.get_by_role("region", name="Warnings").inner_text()
    assert f"The language model {MODEL} could not be used" in warnings and "HTTP 500" in warnings
    check_page(page)
    shoot(page, "32-tailoring-llm-failed")
    ANSWER["now"] = reply(GOOD)


def test_the_mode_choice_works_at_375px_without_javascript(server, new_page):
    ANSWER["now"] = reply(GOOD)
    page = new_page(width=375, height=800, javascript=False)
    seeker_with_job(page, server)
    page.goto(server.url + "/tailoring")
    fits_width(page)
    check_page(page)
    shoot(page, "375px-tailoring-llm-form")
    page.get_by_role("button", name="Preview").click()
    page.locator("#ai-model").wait_for()
    assert page.locator("#ai-model").inner_text() == MODEL
    fits_width(page)
    check_page(page)
