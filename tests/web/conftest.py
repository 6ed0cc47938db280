"""A real ``resumeiq serve`` on loopback and Debian's Chromium driven by Playwright.

Chromium is ``/usr/bin/chromium`` (``make test`` installs it with apt-get when missing); without
it the browser tests are skipped with the reason, except under ``CI=true`` where they fail.
Playwright's own browser downloads are never used.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from webclient import Browser

from availability import unavailable
from processes import CliProcess

CHROMIUM = Path(os.environ.get("RESUMEIQ_TEST_CHROMIUM", "/usr/bin/chromium"))


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server(CliProcess):
    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env = env
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        super().__init__(
            ["serve", "--host", "127.0.0.1", "--port", str(self.port), "--no-access-log"], env, log
        )

    def set_role(self, email: str, role: str) -> None:
        """``resumeiq user set-role``, as the operator runs it against this server's database."""
        done = subprocess.run(
            [sys.executable, "-c", "from resumeiq.cli import app; app()", "user", "set-role", email, role],
            env=self.env, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"the service exited with {self.proc.returncode}:\n{self.output()}")
            try:
                if httpx.get(f"{self.url}/ready", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"the service did not become ready:\n{self.output()}")


def running_server(tmp: Path, **extra_env: str) -> Iterator[Server]:
    """The whole service (SQLite, in-process worker) on a free loopback port, with the limits
    raised for a test's many sign-ups and uploads, and ``extra_env`` on top; stopped at the end."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESUMEIQ_")}
    env |= {
        "RESUMEIQ_DATA_DIR": str(tmp / "data"),
        "RESUMEIQ_JWT_SECRET": secrets.token_urlsafe(32),
        "RESUMEIQ_WORKER_POOL_SIZE": "2",
        "RESUMEIQ_RATE_LIMIT_ANALYSIS": "1000/minute",
        "RESUMEIQ_RATE_LIMIT_UPLOAD": "1000/minute",
        "RESUMEIQ_RATE_LIMIT_REGISTER_IP": "1000/minute",
        "RESUMEIQ_RATE_LIMIT_LOGIN_IP": "1000/minute",
        "RESUMEIQ_LOG_LEVEL": "WARNING",
    } | extra_env
    server = Server(env, tmp / "service.log")
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The whole service (SQLite, in-process worker) on a free loopback port."""
    yield from running_server(tmp_path_factory.mktemp("web-server"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.is_file():
        unavailable(
            f"Chromium is not installed at {CHROMIUM} (`make test` installs it: apt-get install chromium)"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        unavailable(f"playwright is not installed: {exc}")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


class ConsoleErrors:
    """Console errors and uncaught exceptions of a page: a test fails on any of them.

    One kind is the page's own answer, not an error of the page: Chromium logs "Failed to load
    resource: … status of 422" when a form post answers 422 (a refused upload shows its reason
    with its real status). Those are left out for documents only, matched by URL and status; a
    script, style sheet, image or fetch that fails still counts."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.documents: set[tuple[str, int]] = set()

    def watch(self, page: Any) -> None:
        def on_response(response: Any) -> None:
            if response.request.resource_type == "document" and response.status >= 400:
                self.documents.add((response.url, response.status))

        def on_console(msg: Any) -> None:
            if msg.type != "error":
                return
            found = re.search(
                r"Failed to load resource: the server responded with a status of (\d+)", msg.text
            )
            url = msg.location.get("url", "").split("#", 1)[0]
            if found and (url, int(found.group(1))) in self.documents:
                return
            self.errors.append(f"console {msg.type}: {msg.text} ({msg.location.get('url', '')})")

        page.on("response", on_response)
        page.on("console", on_console)
        page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))


@pytest.fixture
def new_page(browser: Any) -> Iterator[Any]:
    """``new_page(width=…, javascript=…)``: a fresh context and page; console errors fail the test."""
    contexts = []
    console = ConsoleErrors()

    def make(width: int = 1280, height: int = 900, javascript: bool = True) -> Any:
        context = browser.new_context(
            viewport={"width": width, "height": height}, java_script_enabled=javascript, accept_downloads=True
        )
        context.set_default_timeout(20_000)
        contexts.append(context)
        page = context.new_page()
        console.watch(page)
        return page

    yield make
    for context in contexts:
        context.close()
    assert not console.errors, "the browser reported errors:\n" + "\n".join(console.errors)


@pytest.fixture
async def web(api: Any) -> AsyncIterator[Any]:
    browsers: list[Browser] = []

    def make() -> Browser:
        browsers.append(Browser(api.app))
        return browsers[-1]

    yield make
    for b in browsers:
        await b.client.aclose()
