"""User use cases: register, create (admin CLI), authenticate, load by token."""

from __future__ import annotations

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


async def user_from_token(*, session: AsyncSession, token: str, secret: str) -> User:
    """The user a bearer token belongs to. Raises ``InvalidToken``."""
    user = await get_by_id(session=session, user_id=read_access_token(token, secret=secret))
    if user is None:
        raise InvalidToken("The access token's user no longer exists.")
    return user
