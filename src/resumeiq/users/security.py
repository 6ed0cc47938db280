"""Password hashing (argon2id) and access tokens (JWT, HS256).

Hashing costs tens of milliseconds of CPU by design, so the async helpers run it in a thread
(argon2-cffi releases the GIL while hashing).
"""

from __future__ import annotations

import uuid
from datetime import timedelta

import anyio
import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from resumeiq.db import utcnow
from resumeiq.errors import InvalidToken

_hasher = PasswordHasher()  # argon2id, RFC 9106 "low memory" profile
_ALGORITHM = "HS256"
_dummy_hash: str | None = None


def _dummy() -> str:
    """A hash verified against when the email is unknown, so that timing does not reveal it."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _hasher.hash("resumeiq-timing-equaliser")
    return _dummy_hash


async def hash_password(password: str) -> str:
    return await anyio.to_thread.run_sync(_hasher.hash, password)


async def verify_password(password: str, password_hash: str | None) -> bool:
    def verify() -> bool:
        try:
            return _hasher.verify(password_hash or _dummy(), password) and password_hash is not None
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    return await anyio.to_thread.run_sync(verify)


def create_access_token(user_id: uuid.UUID, *, secret: str, expires_minutes: int, version: int = 0) -> str:
    """A signed token for ``user_id``; ``version``: the user's ``token_version`` now (logging
    out bumps it, and a token of an older version is refused)."""
    now = utcnow()
    claims = {
        "sub": str(user_id),
        "ver": version,
        "iat": now,
        "exp": now + timedelta(minutes=expires_minutes),
    }
    return jwt.encode(claims, secret, algorithm=_ALGORITHM)


def read_access_token(token: str, *, secret: str) -> uuid.UUID:
    """The user id in a valid, unexpired token. Raises ``InvalidToken``."""
    return read_access_claims(token, secret=secret)[0]


def read_access_claims(token: str, *, secret: str) -> tuple[uuid.UUID, int]:
    """The user id and token version in a valid, unexpired token. Raises ``InvalidToken``."""
    try:
        claims = jwt.decode(token, secret, algorithms=[_ALGORITHM], options={"require": ["sub", "exp"]})
        version = claims.get("ver", 0)
        if not isinstance(version, int) or isinstance(version, bool):
            raise ValueError("token version")
        return uuid.UUID(claims["sub"]), version
    except jwt.ExpiredSignatureError as exc:
        raise InvalidToken("The access token has expired; log in again.") from exc
    except (jwt.InvalidTokenError, ValueError) as exc:
        raise InvalidToken("The access token is not valid.") from exc
