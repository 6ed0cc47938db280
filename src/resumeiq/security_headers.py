"""Security headers on every response (OWASP HTTP Headers Cheat Sheet and REST Security Cheat
Sheet), added by one ASGI middleware so that no route can forget them:

- ``X-Content-Type-Options: nosniff``, ``X-Frame-Options: DENY``, ``Referrer-Policy:
  no-referrer`` (the web pages keep their own ``same-origin``) and
  ``Cross-Origin-Resource-Policy: same-origin``;
- ``Content-Security-Policy``: ``default-src 'none'; frame-ancestors 'none'`` for API answers
  (JSON is never a document to run); the web pages set their own (``web.pages``: this site's own
  /static files only, no inline script or style). An HTML page with no policy of its own (the
  API docs) gets one allowing this site, the origins its ``<script src>``/``<link href>`` name,
  exactly its inline scripts (by their SHA-256) and workers made from its own blobs (ReDoc
  builds its search index in one), nothing else;
- ``Cache-Control: no-store`` on everything under ``/api/v1``: resumes, scores and e-mails are
  personal data that no shared or browser cache should keep;
- ``Strict-Transport-Security`` only when the request came over TLS (``https``, as uvicorn sees
  it: directly, or from a proxy whose forwarding headers it trusts); over plain HTTP the header
  means nothing and would only break a deployment moved to TLS later.
"""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

API_CSP = "default-src 'none'; frame-ancestors 'none'"
HSTS = "max-age=63072000; includeSubDomains"
_COMMON = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
}
_MAX_HTML_TO_HASH = 512 * 1024
_INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)
_SCRIPT_SRC = re.compile(rb"<script[^>]*\bsrc=[\"']([^\"']+)", re.I)
_LINK_HREF = re.compile(rb"<link[^>]*\bhref=[\"']([^\"']+)", re.I)


def _origins(urls: list[bytes]) -> list[str]:
    found = []
    for raw in urls:
        parts = urlsplit(raw.decode("latin-1"))
        if parts.scheme == "https" and parts.netloc:
            origin = f"https://{parts.netloc}"
            if origin not in found:
                found.append(origin)
    return found


def page_csp(html: bytes) -> str:
    """A policy for an HTML page that has none: its inline scripts by hash, and the origins it
    loads scripts and styles from."""
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(body).digest()).decode() + "'"
        for body in _INLINE_SCRIPT.findall(html)
    ]
    scripts = " ".join(["'self'", *_origins(_SCRIPT_SRC.findall(html)), *hashes])
    styles = " ".join(["'self'", "'unsafe-inline'", *_origins(_LINK_HREF.findall(html))])
    return (
        f"default-src 'self'; script-src {scripts}; style-src {styles}; img-src 'self' data: https:; "
        "connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; "
        "object-src 'none'; form-action 'self'"
    )


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, *, api_prefix: str = "/api/v1") -> None:
        self.app = app
        self.api_prefix = api_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        is_api = path == self.api_prefix or path.startswith(self.api_prefix + "/")
        tls = scope.get("scheme") == "https"
        held: Message | None = None  # the start of an HTML page without a policy, until its body
        body = bytearray()

        def add(message: Message) -> MutableHeaders:
            headers = MutableHeaders(scope=message)
            for key, value in _COMMON.items():
                headers.setdefault(key, value)
            if tls:
                headers.setdefault("Strict-Transport-Security", HSTS)
            if is_api:
                headers.setdefault("Cache-Control", "no-store")
            return headers

        async def send_with_headers(message: Message) -> None:
            nonlocal held
            if message["type"] == "http.response.start":
                headers = add(message)
                if "content-security-policy" in headers:
                    await send(message)
                    return
                if headers.get("content-type", "").startswith("text/html") and not is_api:
                    held = message  # its policy depends on its body
                    return
                headers["Content-Security-Policy"] = API_CSP
                await send(message)
                return
            if message["type"] == "http.response.body" and held is not None:
                body.extend(message.get("body", b""))
                if message.get("more_body", False) and len(body) <= _MAX_HTML_TO_HASH:
                    return
                start, held = held, None
                MutableHeaders(scope=start)["Content-Security-Policy"] = page_csp(bytes(body))
                await send(start)
                await send({**message, "body": bytes(body)})
                return
            await send(message)

        await self.app(scope, receive, send_with_headers)
