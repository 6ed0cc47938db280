"""Issue 8, finding 3, for the web app: a NUL in any form field or query value of a page is a 422
page naming the field, on SQLite and PostgreSQL (the sign-in form's e-mail address with a NUL
was a 500 on PostgreSQL), and nothing is stored."""

from __future__ import annotations

from urllib.parse import quote

from webclient import Browser


def encoded(data: dict[str, str]) -> str:
    """A URL-encoded form; "@NUL@" in a value becomes %00, as a hostile client would send it."""
    return "&".join(f"{k}={quote(v).replace('%40NUL%40', '%00')}" for k, v in data.items())


async def post_form(browser: Browser, path: str, data: dict[str, str], token_from: str | None = None):
    data = {"csrf_token": await browser.token(token_from or path), **data}
    return await browser.client.post(
        path, content=encoded(data), headers={"content-type": "application/x-www-form-urlencoded"}
    )


def assert_refused(r, field: str) -> None:
    assert r.status_code == 422, (field, r.status_code, r.text[:300])
    assert "validation_error" in r.text and field in r.text, (field, r.text[:500])


async def test_finding3_nul_in_page_forms_is_a_422_page(api, resume_text):
    visitor = Browser(api.app)
    cases = [
        ("/sign-in", {"email": "ines@NUL@@example.com", "password": "an invented passphrase"}, "/sign-in", "email"),
        ("/sign-in", {"email": "ines@example.com", "password": "an invented@NUL@passphrase"}, "/sign-in", "password"),
        ("/create-account", {"email": "ines@NUL@@example.com", "password": "an invented passphrase"}, None, "email"),
        ("/create-account", {"email": "ines@example.com", "password": "an invented pass@NUL@phrase"}, None, "password"),
    ]
    for path, data, token_from, field in cases:
        assert_refused(await post_form(visitor, path, data, token_from), field)

    member = Browser(api.app)
    await member.sign_up_and_in()
    r = await member.upload("cv.txt", resume_text)
    assert r.status_code == 303, r.text
    resume_id = r.headers["location"].split("uploaded=")[1]
    posting = "Data engineer\nRequirements\n- Python and SQL\n"
    for data, field in (
        ({"text": posting.replace("Python", "Py@NUL@thon"), "title": "Data engineer"}, "text"),
        ({"text": posting, "title": "Data@NUL@ engineer"}, "title"),
        ({"text": posting, "company": "Invented@NUL@ Ltd"}, "company"),
    ):
        assert_refused(await post_form(member, "/jobs", data), field)
    assert "Data engineer" not in (await member.client.get("/jobs")).text

    r = await post_form(member, f"/resumes/{resume_id}/review", {"industry": "gene@NUL@ral"}, "/resumes")
    assert_refused(r, "industry")
    r = await member.client.get("/sign-in?next=/resumes%00")
    assert_refused(r, "next")
