"""Issue 8, finding 11 (headers): every answer carries the OWASP security headers; personal data
is never cached; HSTS only over TLS; the API docs page runs only its own scripts."""

from __future__ import annotations

import base64
import hashlib
import re

import httpx


def assert_common(r: httpx.Response) -> None:
    assert r.headers["x-content-type-options"] == "nosniff", r.url
    assert r.headers["x-frame-options"] == "DENY", r.url
    assert r.headers["referrer-policy"] in ("no-referrer", "same-origin"), r.url
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"], r.url


async def test_finding11_api_answers_carry_security_headers_and_are_not_cached(api, user):
    for r in (
        await user.get("/api/v1/users/me"),
        await user.get("/api/v1/resumes"),
        await user.get("/api/v1/resumes/00000000-0000-0000-0000-000000000000"),  # a 404 problem
        await api.client.post("/api/v1/auth/token", data={"username": "x@example.com", "password": "y"}),
    ):
        assert_common(r)
        assert r.headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"
        assert r.headers["cache-control"] == "no-store", r.url
        assert "strict-transport-security" not in r.headers  # plain HTTP: HSTS means nothing
    assert "no-store" not in (await api.client.get("/health")).headers.get("cache-control", "")


async def test_finding11_hsts_only_over_tls(api):
    transport = httpx.ASGITransport(app=api.app)
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as tls:
        r = await tls.get("/api/v1/industries")
    assert r.headers["strict-transport-security"] == "max-age=63072000; includeSubDomains"
    assert_common(r)


async def test_finding11_web_pages_and_static_files(api):
    transport = httpx.ASGITransport(app=api.app)
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as web:
        page = await web.get("/sign-in")
        assert page.status_code == 200
        assert_common(page)
        csp = page.headers["content-security-policy"]
        assert "script-src 'self';" in csp and "unsafe-inline" not in csp  # its own /static only
        assert page.headers["cache-control"] == "no-store"
        static = await web.get("/static/app.css")
        assert static.status_code == 200
        assert_common(static)


async def test_finding11_the_docs_page_may_run_its_own_inline_script_only(api):
    r = await api.client.get("/docs")
    assert r.status_code == 200
    assert_common(r)
    csp = r.headers["content-security-policy"]
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", r.text, re.S)
    assert inline, "the docs page has an inline script to allow"
    for body in inline:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    script_src = csp.split("script-src ", 1)[1].split(";", 1)[0]
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
