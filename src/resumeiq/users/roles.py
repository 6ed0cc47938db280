"""What each role may do: ``job_seeker`` (own resumes, reviews, matches, tailoring),
``recruiter`` (+ candidates, screenings, candidate e-mail), ``admin`` (+ users).

Services call ``require_role`` at the start of a use case; routers never check roles.
"""

from __future__ import annotations

from resumeiq.errors import RoleRequired
from resumeiq.users.models import Role, User

RECRUITING = (Role.RECRUITER, Role.ADMIN)


def has_role(user: User, roles: tuple[Role, ...]) -> bool:
    return user.role in {r.value for r in roles}


def require_role(user: User, roles: tuple[Role, ...], *, action: str) -> None:
    """Raise ``RoleRequired`` (403) unless ``user`` has one of ``roles``; ``action`` says what was
    refused ("screen resumes")."""
    if not has_role(user, roles):
        names = [r.value for r in roles]
        raise RoleRequired(
            f"Only {' or '.join(names)} accounts can {action}; this account is a {user.role}.",
            required_roles=names,
        )


def require_recruiter(user: User, *, action: str) -> None:
    require_role(user, RECRUITING, action=action)


def is_recruiter(user: User) -> bool:
    return has_role(user, RECRUITING)
