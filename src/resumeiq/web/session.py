"""The browser session: a signed cookie, and the CSRF token every form carries.

The cookie (``resumeiq_session``: Secure, HttpOnly, SameSite=Lax, Path=/) holds a JWT signed
with a key derived from the server's JWT secret, so it can never be used as a bearer token of
the API (nor a bearer token as a session). Its claims: ``csrf`` (a random token), ``exp`` and,
once signed in, ``sub`` (the user id). A visitor who is not signed in gets one too, so that the
sign-in and sign-up forms carry a CSRF token; signing in issues a new cookie with a new token.

CSRF protection is the synchronizer-token pattern kept in the signed cookie: every form posts
the token as ``csrf_token``, and a post whose token differs from the cookie's, or whose
``Origin`` header names another origin, is refused with 403 ``csrf_failed`` before any service
is called. SameSite=Lax stops most cross-site posts from carrying the cookie at all.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

import jwt
from starlette.requests import Request
from starlette.responses import Response

from resumeiq.db import utcnow
from resumeiq.errors import CsrfFailed

COOKIE_NAME = "resumeiq_session"
CSRF_FIELD = "csrf_token"
_ALGORITHM = "HS256"
_ANONYMOUS_HOURS = 12
_TYPE = "web-session"


def _key(secret: str) -> bytes:
    """A key of its own for session cookies, derived from the JWT secret."""
    return hmac.new(secret.encode(), b"resumeiq web session cookie", hashlib.sha256).digest()


@dataclass(slots=True)
class WebSession:
    csrf: str
    user_id: uuid.UUID | None
    expires_minutes: int
    changed: bool = False  # a new cookie must be sent with the response
    version: int = 0  # the user's token_version at sign-in: signing out anywhere ends this session

    @classmethod
    def new(cls, *, user_id: uuid.UUID | None, expires_minutes: int, version: int = 0) -> WebSession:
        return cls(
            csrf=secrets.token_urlsafe(32),
            user_id=user_id,
            expires_minutes=expires_minutes,
            changed=True,
            version=version,
        )

    def encode(self, secret: str) -> str:
        now = utcnow()
        claims: dict[str, object] = {
            "typ": _TYPE,
            "csrf": self.csrf,
            "iat": now,
            "exp": now + timedelta(minutes=self.expires_minutes),
        }
        if self.user_id is not None:
            claims["sub"] = str(self.user_id)
            claims["ver"] = self.version
        return jwt.encode(claims, _key(secret), algorithm=_ALGORITHM)


def read_session(request: Request, *, secret: str) -> WebSession | None:
    """The session in the request's cookie, or None if there is none or it is invalid/expired."""
    raw = request.cookies.get(COOKIE_NAME)
    if not raw:
        return None
    try:
        claims = jwt.decode(raw, _key(secret), algorithms=[_ALGORITHM], options={"require": ["exp", "csrf"]})
        if claims.get("typ") != _TYPE or not isinstance(claims["csrf"], str):
            return None
        user_id = uuid.UUID(claims["sub"]) if claims.get("sub") else None
        version = claims.get("ver", 0)
        if not isinstance(version, int):
            return None
    except (jwt.InvalidTokenError, ValueError, TypeError):
        return None
    minutes = int((claims["exp"] - claims.get("iat", claims["exp"])) // 60) or _ANONYMOUS_HOURS * 60
    return WebSession(csrf=claims["csrf"], user_id=user_id, expires_minutes=minutes, version=version)


def anonymous_session() -> WebSession:
    return WebSession.new(user_id=None, expires_minutes=_ANONYMOUS_HOURS * 60)


def set_cookie(response: Response, session: WebSession, *, secret: str) -> None:
    response.set_cookie(
        COOKIE_NAME,
        session.encode(secret),
        max_age=session.expires_minutes * 60,
        path="/",
        secure=True,
        httponly=True,
        samesite="lax",
    )


def clear_cookie(response: Response) -> None:
    response.delete_cookie(COOKIE_NAME, path="/", secure=True, httponly=True, samesite="lax")


def check_origin(request: Request) -> None:
    """Refuse a post whose ``Origin`` (browsers send it on every POST) is another origin."""
    origin = request.headers.get("origin")
    if origin is None:
        return  # not a browser, or an old one: the token still has to match
    parts = urlsplit(origin)
    host = request.headers.get("host", "")
    if origin == "null" or parts.netloc.lower() != host.lower():
        raise CsrfFailed("This form was posted from another site; reload the page and try again.")


def check_csrf(request: Request, session: WebSession | None, token: str | None) -> None:
    """Raise ``CsrfFailed`` unless ``token`` is this session's CSRF token (and the origin is ours)."""
    check_origin(request)
    if session is None or not token or not hmac.compare_digest(token.encode(), session.csrf.encode()):
        raise CsrfFailed(
            "The form's security token is missing or out of date (the session may have expired); "
            "reload the page and try again."
        )
