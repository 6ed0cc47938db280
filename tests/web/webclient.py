"""The pages over plain HTTP as a browser without JavaScript would post them: a cookie-keeping
client and the ``web`` fixture (``web()`` makes one per user)."""

from __future__ import annotations

import asyncio
import re
import uuid
from typing import Any

import httpx
from webtools import PASSWORD

_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def token_of(html: str) -> str:
    found = _TOKEN.search(html)
    assert found, "the page has no CSRF token"
    return found.group(1)


class Browser:
    """A cookie-keeping client over https (the session cookie is Secure) that follows nothing."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="https://testserver", follow_redirects=False
        )

    async def token(self, path: str = "/") -> str:
        r = await self.client.get(path)
        assert r.status_code == 200, r.text
        return token_of(r.text)

    async def post(
        self, path: str, data: dict[str, str], *, token_from: str | None = None, **kw: Any
    ) -> httpx.Response:
        data = {"csrf_token": await self.token(token_from or path), **data}
        return await self.client.post(path, data=data, **kw)

    async def sign_up_and_in(self, email: str | None = None, role: str | None = None) -> str:
        """A new account (``role``: then given that role, as an administrator does), signed in."""
        email = email or f"web-{uuid.uuid4().hex[:10]}@example.com"
        r = await self.post("/create-account", {"email": email, "password": PASSWORD})
        assert r.status_code == 200 and "sign in" in r.text.lower(), r.text
        if role is not None:
            from resumeiq.users.service import set_role

            async with self.app.state.database.sessionmaker() as session:
                await set_role(session=session, email=email, role=role)
        r = await self.post(
            "/sign-in", {"email": email, "password": PASSWORD, "next": "/resumes"}, token_from="/sign-in"
        )
        assert r.status_code == 303 and r.headers["location"] == "/resumes", r.text
        return email

    async def upload(self, name: str, content: bytes) -> httpx.Response:
        token = await self.token("/resumes")
        return await self.client.post("/resumes", data={"csrf_token": token}, files={"file": (name, content)})

    async def wait_for(self, path: str, marker: str, timeout: float = 60) -> str:
        for _ in range(int(timeout / 0.1)):
            r = await self.client.get(path)
            assert r.status_code == 200, r.text
            if marker in r.text:
                return r.text
            await asyncio.sleep(0.1)
        raise AssertionError(f"{marker!r} never appeared on {path}")
