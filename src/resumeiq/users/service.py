"""User use cases: register, create (admin CLI), log in, load by token.

Sign-up and login follow OWASP's Authentication Cheat Sheet: a registration answers the same
whether the address had an account or not (no enumeration), new passwords meet the policy of
``users.passwords``, and login attempts are throttled per account and per client address
before any password is checked (``ratelimit``).
"""

from __future__ import annotations

import time
import uuid

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from resumeiq.errors import (
    EmailTaken,
    InvalidCredentials,
    InvalidToken,
    NotFound,
    RegistrationClosed,
    WeakPassword,
)
from resumeiq.ratelimit.limiter import LimitKind, RateLimiter
from resumeiq.users.models import Role, User
from resumeiq.users.passwords import password_problem
from resumeiq.users.schemas import normalise_email
from resumeiq.users.security import hash_password, read_access_claims, verify_password


async def create_user(
    *, session: AsyncSession, email: str, password: str, role: Role | str, min_password_length: int
) -> User:
    """Create a user. Raises ``WeakPassword`` or ``EmailTaken``."""
    email = normalise_email(email)
    problem = password_problem(password, email=email, min_length=min_password_length)
    if problem is not None:
        raise WeakPassword(problem)
    user = User(email=email, password_hash=await hash_password(password), role=Role(role).value)
    session.add(user)
    try:
        await session.commit()
    except IntegrityError as exc:
        await session.rollback()
        raise EmailTaken(f"An account with the email {email} already exists.") from exc
    return user


async def register(
    *,
    session: AsyncSession,
    limiter: RateLimiter,
    client: str,
    email: str,
    password: str,
    role: Role | str,
    registration_open: bool,
    min_password_length: int,
    allow_recruiters: bool = False,
) -> str:
    """Self-service sign-up from the address ``client``; returns the normalised e-mail. An
    address that already has an account is left as it is, and the caller cannot tell: the same
    answer, after the same work (the password is hashed either way). Raises ``RateLimited``,
    ``RegistrationClosed`` or ``WeakPassword``. Recruiter accounts send mail and hold other
    people's data: unless ``allow_recruiters`` (``RESUMEIQ_REGISTRATION_RECRUITERS``), an
    administrator makes them (``resumeiq user set-role``)."""
    await limiter.hit(LimitKind.REGISTER_IP, client)
    if not registration_open:
        raise RegistrationClosed("Registration is closed; ask an administrator for an account.")
    if Role(role) is Role.ADMIN:
        raise RegistrationClosed("Administrator accounts are created with `resumeiq user create`.")
    if Role(role) is Role.RECRUITER and not allow_recruiters:
        raise RegistrationClosed(
            "Recruiter accounts are not open to sign-up here: register as a job seeker and ask an "
            "administrator to make you a recruiter (`resumeiq user set-role EMAIL recruiter`)."
        )
    try:
        user = await create_user(
            session=session, email=email, password=password, role=role, min_password_length=min_password_length
        )
    except EmailTaken:
        return normalise_email(email)
    return user.email


async def log_in(
    *, session: AsyncSession, limiter: RateLimiter, client: str, email: str, password: str
) -> User:
    """The user with these credentials, counted against the login limits of the account (the
    e-mail as given, normalised) and of the address ``client`` before the password is checked;
    a success clears the account's count. Raises ``RateLimited`` or ``InvalidCredentials``."""
    try:
        account = normalise_email(email)
    except ValueError:
        account = email.strip().lower()
    await limiter.hit(LimitKind.LOGIN_IP, client)
    await limiter.hit(LimitKind.LOGIN_ACCOUNT, account)
    user = await authenticate(session=session, email=email, password=password)
    await limiter.clear(LimitKind.LOGIN_ACCOUNT, account)
    return user


async def authenticate(*, session: AsyncSession, email: str, password: str) -> User:
    """The user with these credentials. Raises ``InvalidCredentials``."""
    try:
        email = normalise_email(email)
    except ValueError:
        email = ""
    user = (await session.scalars(select(User).where(User.email == email))).one_or_none() if email else None
    await session.commit()  # hashing takes ~0.1 s of CPU: hold no connection meanwhile
    if not await verify_password(password, user.password_hash if user else None) or user is None:
        raise InvalidCredentials("Incorrect email or password.")
    return user


async def set_role(*, session: AsyncSession, email: str, role: Role | str) -> User:
    """Give the user with this e-mail ``role``. Raises ``NotFound`` (or ``ValueError`` for a role
    that does not exist). A running service sees the change within its user cache's TTL (10 s)."""
    role_value = Role(role).value
    try:
        address = normalise_email(email)
    except ValueError:
        address = ""
    user = (await session.scalars(select(User).where(User.email == address))).one_or_none() if address else None
    if user is None:
        await session.rollback()
        raise NotFound(f"No user has the e-mail {email.strip()!r}.")
    user.role = role_value
    await session.commit()
    return user


async def get_by_id(*, session: AsyncSession, user_id: uuid.UUID) -> User | None:
    return await session.get(User, user_id)


class UserCache:
    """Users recently loaded by token, for ``ttl`` seconds: an authenticated request costs no
    database round trip for its user while the client polls. Holds detached rows whose columns
    are loaded (sessions do not expire on commit), at most ``max_size`` of them."""

    def __init__(self, ttl: float = 10.0, max_size: int = 10_000) -> None:
        self.ttl = ttl
        self.max_size = max_size
        self._users: dict[uuid.UUID, tuple[float, User]] = {}

    def get(self, user_id: uuid.UUID) -> User | None:
        hit = self._users.get(user_id)
        if hit is None or hit[0] < time.monotonic():
            return None
        return hit[1]

    def put(self, user: User) -> None:
        if len(self._users) >= self.max_size:
            now = time.monotonic()
            self._users = {k: v for k, v in self._users.items() if v[0] >= now}
            if len(self._users) >= self.max_size:
                self._users.clear()
        self._users[user.id] = (time.monotonic() + self.ttl, user)

    def drop(self, user_id: uuid.UUID) -> None:
        """Forget a user (deleted, role changed, logged out): its cached row is read again."""
        self._users.pop(user_id, None)


async def user_from_token(
    *, session: AsyncSession, token: str, secret: str, cache: UserCache | None = None
) -> User:
    """The user a bearer token belongs to. Raises ``InvalidToken`` (also for a token issued
    before the user last logged out)."""
    user_id, version = read_access_claims(token, secret=secret)
    user = cache.get(user_id) if cache is not None else None
    if user is None:
        user = await get_by_id(session=session, user_id=user_id)
        if user is None:
            raise InvalidToken("The access token's user no longer exists.")
        if cache is not None:
            session.expunge(user)
            cache.put(user)
    if version != user.token_version:
        raise InvalidToken("The access token was revoked (logged out); log in again.")
    return user


async def log_out(*, session: AsyncSession, user: User, cache: UserCache | None = None) -> None:
    """Revoke every access token and web session of ``user`` issued until now (OWASP JWT Cheat
    Sheet, "token revocation"): their version is no longer the user's."""
    await session.execute(
        update(User)
        .where(User.id == user.id)
        .values(token_version=User.token_version + 1)
        .execution_options(synchronize_session=False)
    )
    await session.commit()
    if cache is not None:
        cache.drop(user.id)
