"""The pages hold a user to the same limits as the API: a request refused for bad input costs
nothing, one that succeeded counts, and the limit refuses the next with a 429 page."""

from __future__ import annotations

import pytest
from web_people import SEEKER

from documents import text_pdf


@pytest.fixture
def settings(make_settings):
    return make_settings(rate_limit_upload="2/hour", rate_limit_analysis="2/hour", rate_limit_analysis_burst="")


async def test_refused_uploads_and_reviews_do_not_count_and_the_limit_says_so(web):
    b = web()
    await b.sign_up_and_in()
    for _ in range(3):  # files the engine cannot read: refused, not counted
        r = await b.upload("broken.pdf", b"%PDF-1.4\n% nothing here\n")
        assert r.status_code == 422 and "corrupt_file" in r.text
    first = await b.upload("a.pdf", text_pdf(SEEKER))
    assert first.status_code == 303, first.text
    resume_id = first.headers["location"].split("uploaded=")[1]
    assert (await b.upload("b.pdf", text_pdf(SEEKER + "\nReferences on request.\n"))).status_code == 303
    third = await b.upload("c.pdf", text_pdf(SEEKER + "\nAvailable from June.\n"))
    assert third.status_code == 429 and "upload requests" in third.text

    for _ in range(3):  # an unknown industry: refused, not counted
        r = await b.post(f"/resumes/{resume_id}/review", {"industry": "nonsense"})
        assert r.status_code == 422 and "unknown_industry" in r.text
    for _ in range(2):
        assert (await b.post(f"/resumes/{resume_id}/review", {"industry": "general"})).status_code == 303
    r = await b.post(f"/resumes/{resume_id}/review", {"industry": "general"})
    assert r.status_code == 429 and "analysis requests" in r.text
