"""/docs and /redoc in a real Chromium with every other host unreachable: both render the whole
API from the assets the service serves itself."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit


def offline(page: Any, base: str) -> list[str]:
    """Abort every request to another host; the list of those asked for."""
    elsewhere: list[str] = []
    host = urlsplit(base).netloc

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if urlsplit(url).netloc == host or url.startswith(("data:", "blob:")):
            request_route.continue_()
        else:
            elsewhere.append(url)
            request_route.abort()

    page.route("**/*", route)
    return elsewhere


def test_swagger_ui_renders_every_operation_offline(server, new_page):
    page = new_page()
    elsewhere = offline(page, server.url)
    page.goto(server.url + "/docs")
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() >= 45
    assert page.locator(".opblock-deprecated").count() == 3  # the earlier /analysis paths
    page.locator(".opblock-summary-path", has_text="/api/v1/analyses/{analysis_id}").first.click()
    responses = page.locator(".opblock.is-open .responses-table").first.inner_text()
    assert "404" in responses and "401" in responses and "application/problem+json" in page.content()
    assert elsewhere == []


def test_redoc_renders_offline(server, new_page):
    page = new_page()
    elsewhere = offline(page, server.url)
    page.goto(server.url + "/redoc")
    page.get_by_role("heading", name="Get Analysis").first.wait_for(timeout=60_000)
    assert page.get_by_role("heading", name="List Analyses (earlier path)").count() >= 1
    assert elsewhere == []
