"""Deleting accounts: everything of a user goes, in the database and in the file storage.

The ``users`` row is the root of all a user owns: every table reaches it through foreign keys
declared ``ON DELETE CASCADE`` (candidates → resumes → reviews and tailorings; jobs →
screenings → items → e-mails; matches are reviews). Deleting that one row in one transaction
removes all of it on both databases (SQLite runs with ``PRAGMA foreign_keys=ON``). The stored
files are collected first, in the same transaction, with the user's row locked (``FOR UPDATE``
on PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` serialises writers), so that no upload can add a
file between the collection and the delete; after the commit, each file that no other row uses
(content addressing shares identical files between users) is removed.
"""

from __future__ import annotations

import logging
import uuid

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from resumeiq.errors import NotFound, PasswordMismatch, RoleRequired
from resumeiq.ratelimit.limiter import LimitKind, RateLimiter
from resumeiq.resumes.cleanup import remove_unused_files
from resumeiq.resumes.models import Resume
from resumeiq.screening.models import Screening, ScreeningItem
from resumeiq.storage import FileStorage
from resumeiq.users.models import Role, User
from resumeiq.users.schemas import normalise_email
from resumeiq.users.security import verify_password

log = logging.getLogger(__name__)


def require_admin(user: User) -> User:
    """``user`` if it has the admin role. Raises ``RoleRequired``."""
    if user.role != Role.ADMIN.value:
        raise RoleRequired("This needs the admin role.", required_roles=[Role.ADMIN.value])
    return user


async def delete_own_account(
    *, session: AsyncSession, storage: FileStorage, limiter: RateLimiter, user: User, password: str
) -> None:
    """Delete ``user`` and all it owns, once ``password`` is its password. Wrong passwords count
    against the account's login limit (a stolen token must not become a password oracle).
    Raises ``RateLimited`` or ``PasswordMismatch``."""
    user_id, email, password_hash = user.id, user.email, user.password_hash
    await limiter.hit(LimitKind.LOGIN_ACCOUNT, email)
    await session.commit()  # hold no connection while hashing
    if not await verify_password(password, password_hash):
        raise PasswordMismatch("The password is not this account's; nothing was deleted.")
    await limiter.clear(LimitKind.LOGIN_ACCOUNT, email)
    await delete_user(session=session, storage=storage, user_id=user_id)


async def delete_user(*, session: AsyncSession, storage: FileStorage, user_id: uuid.UUID) -> int:
    """Delete the user ``user_id`` with everything it owns; returns how many stored files were
    removed. Raises ``NotFound``."""
    found = await session.scalar(select(User.id).where(User.id == user_id).with_for_update())
    if found is None:
        await session.rollback()
        raise NotFound.of("User", user_id)
    resume_files = await session.execute(
        select(Resume.sha256, Resume.storage_key).where(Resume.owner_user_id == user_id)
    )
    item_files = await session.execute(
        select(ScreeningItem.sha256, ScreeningItem.storage_key)
        .join(Screening, Screening.id == ScreeningItem.screening_id)
        .where(Screening.owner_user_id == user_id, ScreeningItem.storage_key.is_not(None))
    )
    files = {(sha, key) for sha, key in [*resume_files.all(), *item_files.all()]}
    await session.execute(delete(User).where(User.id == user_id).execution_options(synchronize_session=False))
    await session.commit()
    removed = await remove_unused_files(session=session, storage=storage, files=files)
    log.info("deleted user %s: %d stored file(s) removed", user_id, removed)
    return removed


async def user_id_by_email(*, session: AsyncSession, email: str) -> uuid.UUID:
    """The id of the user with this e-mail. Raises ``NotFound``."""
    try:
        email = normalise_email(email)
    except ValueError as exc:
        raise NotFound(f"No user has the email {email!r}.") from exc
    user_id = await session.scalar(select(User.id).where(User.email == email))
    await session.commit()
    if user_id is None:
        raise NotFound(f"No user has the email {email!r}.")
    return user_id
