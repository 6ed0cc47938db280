"""User use cases: register, create (admin CLI), authenticate, load by token."""

from __future__ import annotations

import time
import uuid

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from resumeiq.errors import EmailTaken, InvalidCredentials, InvalidToken, RegistrationClosed
from resumeiq.users.models import Role, User
from resumeiq.users.schemas import normalise_email
from resumeiq.users.security import hash_password, read_access_token, verify_password


async def create_user(*, session: AsyncSession, email: str, password: str, role: Role | str) -> User:
    """Create a user. Raises ``EmailTaken``."""
    email = normalise_email(email)
    user = User(email=email, password_hash=await hash_password(password), role=Role(role).value)
    session.add(user)
    try:
        await session.commit()
    except IntegrityError as exc:
        await session.rollback()
        raise EmailTaken(f"An account with the email {email} already exists.") from exc
    return user


async def register(
    *, session: AsyncSession, email: str, password: str, role: Role | str, registration_open: bool
) -> User:
    """Self-service sign-up. Raises ``RegistrationClosed`` or ``EmailTaken``."""
    if not registration_open:
        raise RegistrationClosed("Registration is closed; ask an administrator for an account.")
    if Role(role) is Role.ADMIN:
        raise RegistrationClosed("Administrator accounts are created with `resumeiq user create`.")
    return await create_user(session=session, email=email, password=password, role=role)


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


async def user_from_token(
    *, session: AsyncSession, token: str, secret: str, cache: UserCache | None = None
) -> User:
    """The user a bearer token belongs to. Raises ``InvalidToken``."""
    user_id = read_access_token(token, secret=secret)
    user = cache.get(user_id) if cache is not None else None
    if user is None:
        user = await get_by_id(session=session, user_id=user_id)
        if user is None:
            raise InvalidToken("The access token's user no longer exists.")
        if cache is not None:
            session.expunge(user)
            cache.put(user)
    return user
