"""Who a resume belongs to, for a recruiter: the candidate found by identity, or a new one.

Identity, in order: the e-mail address; else the phone number (its digits); else the name with
one more field (the location). A candidate whose e-mail (or phone) differs from the file's is
another person even if a weaker field agrees: "Ana Silva, Lisbon" with another address is a
namesake, not a match. The recruiter's own candidate (``is_self``) is never one of them.

Two uploads of one new person at once must not make two candidates: a new row carries its
strongest key as ``identity_key``, unique per owner; the loser of that race reads the winner.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Uuid, bindparam, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from resumeiq.engine.parse.skills import canonical_skill
from resumeiq.errors import Conflict
from resumeiq.resumes.models import Candidate

_ATTEMPTS = 4
_MIN_PHONE_DIGITS = 7


@dataclass(frozen=True, slots=True)
class Identity:
    """A person as a resume names them, with the normalised keys compared."""

    name: str | None
    email: str | None
    phone: str | None
    location: str | None

    @property
    def email_key(self) -> str | None:
        return email_key(self.email)

    @property
    def phone_key(self) -> str | None:
        return phone_key(self.phone)

    @property
    def name_key(self) -> str | None:
        return text_key(self.name)

    @property
    def location_key(self) -> str | None:
        return text_key(self.location)

    @property
    def identity_key(self) -> str | None:
        """The strongest key: ``email:…``, ``phone:…`` or ``name:…|…``; None with a name alone."""
        if self.email_key:
            return f"email:{self.email_key}"
        if self.phone_key:
            return f"phone:{self.phone_key}"
        if self.name_key and self.location_key:
            return f"name:{self.name_key}|{self.location_key}"[:520]
        return None


def email_key(value: str | None) -> str | None:
    value = (value or "").strip().lower()
    return value[:320] if "@" in value else None


def phone_key(value: str | None) -> str | None:
    digits = re.sub(r"\D", "", value or "")
    return digits[-15:] if len(digits) >= _MIN_PHONE_DIGITS else None


def text_key(value: str | None) -> str | None:
    """Case, accents and spacing folded: "José  DA Silva" and "jose da silva" are one key."""
    if not value:
        return None
    folded = unicodedata.normalize("NFKD", value.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = " ".join(re.sub(r"[^\w]+", " ", folded).split())
    return folded[:200] or None


def identity_of(json_resume: dict[str, Any] | None) -> Identity:
    """The person a parsed resume (JSON Resume) names."""
    basics = (json_resume or {}).get("basics") or {}
    where = basics.get("location") or {}
    parts = [where.get(k) for k in ("city", "region", "countryCode")] if isinstance(where, dict) else []
    location = ", ".join(str(p) for p in parts if p) or None

    def clip(value: Any, n: int) -> str | None:
        return str(value).strip()[:n] or None if value else None

    return Identity(
        name=clip(basics.get("name"), 200),
        email=clip(basics.get("email"), 320),
        phone=clip(basics.get("phone"), 64),
        location=clip(location, 300),
    )


def skill_names(json_resume: dict[str, Any] | None) -> set[str]:
    """Lower-case skill names of a parsed resume (group names and their keywords), each by its
    canonical name where the skills taxonomy knows it ("AWS" is "amazon web services")."""
    names: set[str] = set()
    for group in (json_resume or {}).get("skills") or []:
        if not isinstance(group, dict):
            continue
        for value in [group.get("name"), *(group.get("keywords") or [])]:
            if isinstance(value, str) and value.strip() and "|" not in value:
                names.add(skill_key(value))
    return names


def skill_key(name: str) -> str:
    """How a skill is stored and searched: its canonical name, lower case ("k8s" → "kubernetes")."""
    name = name.strip()
    return (canonical_skill(name) or name).lower()[:100]


def merge_skills(current: str | None, names: Iterable[str]) -> str:
    have = {s for s in (current or "").split("|") if s}
    return "|" + "".join(f"{s}|" for s in sorted(have | set(names)))


def _agrees(candidate: Candidate, person: Identity) -> bool:
    """Whether the strongest field the two both have is equal: the same e-mail is the same person
    whatever their phones (people change numbers), another e-mail another person; without
    e-mails, the phone decides."""
    if candidate.email_key and person.email_key:
        return candidate.email_key == person.email_key
    return not (candidate.phone_key and person.phone_key and candidate.phone_key != person.phone_key)


async def find_candidate(*, session: AsyncSession, owner_id: uuid.UUID, person: Identity) -> Candidate | None:
    """The owner's candidate (never ``is_self``) that ``person`` is, or None: the rows any of
    its keys names, in one statement, chosen by ``_pick``."""
    found = _pick(await _named_rows(session, owner_id, person), person)
    return await session.get(Candidate, found.id) if found is not None else None


def fill_in(candidate: Candidate, person: Identity, skills: Iterable[str] = ()) -> None:
    """Add what the candidate lacks from a new resume of theirs (never overwrite: the recruiter
    may have corrected it) and its skills."""
    for column, value in _filled_in(candidate, person, skills).items():
        setattr(candidate, column, value)


def new_candidate(owner_id: uuid.UUID, person: Identity, skills: Iterable[str] = ()) -> Candidate:
    return Candidate(
        id=uuid.uuid4(),
        owner_user_id=owner_id,
        is_self=False,
        name=person.name,
        email=person.email,
        phone=person.phone,
        location=person.location,
        name_key=person.name_key,
        email_key=person.email_key,
        phone_key=person.phone_key,
        location_key=person.location_key,
        identity_key=person.identity_key,
        skills=merge_skills("|", skills),
    )


async def candidate_for(
    *, session: AsyncSession, owner_id: uuid.UUID, json_resume: dict[str, Any] | None
) -> tuple[uuid.UUID, bool]:
    """The id of the owner's candidate this parsed resume belongs to, made if none is found, and
    whether it was made. Commits."""
    person = identity_of(json_resume)
    skills = skill_names(json_resume)
    for _ in range(_ATTEMPTS):
        found = await find_candidate(session=session, owner_id=owner_id, person=person)
        if found is not None:
            fill_in(found, person, skills)
            found_id = found.id
            await session.commit()
            return found_id, False
        candidate = new_candidate(owner_id, person, skills)
        session.add(candidate)
        try:
            await session.commit()
        except IntegrityError:  # the same person made by another upload meanwhile: find it
            await session.rollback()
            continue
        return candidate.id, True
    raise Conflict("Too many simultaneous uploads of this person; try again.")


# ------------------------------------------------------------------ in the caller's transaction

_T = Candidate.__table__
# Every candidate of the owner that one of the person's keys names, oldest first: one statement
# for all the stages of ``find_candidate`` (a key the person lacks is bound as NULL, which equals
# nothing); the stages are then applied to these rows in order.
_NAMED_BY = (
    select(
        _T.c.id,
        _T.c.name,
        _T.c.email,
        _T.c.phone,
        _T.c.location,
        _T.c.email_key,
        _T.c.phone_key,
        _T.c.name_key,
        _T.c.location_key,
        _T.c.identity_key,
        _T.c.skills,
    )  # fmt: skip
    .where(
        _T.c.owner_user_id == bindparam("owner_id", type_=Uuid()),
        _T.c.is_self.is_(False),
        or_(
            _T.c.email_key == bindparam("email_key", type_=_T.c.email_key.type),
            _T.c.phone_key == bindparam("phone_key", type_=_T.c.phone_key.type),
            (_T.c.name_key == bindparam("name_key", type_=_T.c.name_key.type))
            & (_T.c.location_key == bindparam("location_key", type_=_T.c.location_key.type)),
            _T.c.identity_key == bindparam("identity_key", type_=_T.c.identity_key.type),
        ),
    )
    .order_by(_T.c.created_at)
)
_INSERT = insert(_T)
_UPDATE = update(_T).where(_T.c.id == bindparam("candidate_id"))


async def _named_rows(session: AsyncSession, owner_id: uuid.UUID, person: Identity) -> list[Any]:
    params = {
        "owner_id": owner_id,
        "email_key": person.email_key,
        "phone_key": person.phone_key,
        "name_key": person.name_key,
        "location_key": person.location_key,
        "identity_key": person.identity_key,
    }
    return list(await session.execute(_NAMED_BY, params))


def _pick(rows: list[Any], person: Identity) -> Any | None:
    """The candidate ``person`` is among the rows ``_NAMED_BY`` returned: by e-mail, else phone,
    else name and location (a stronger key both have must agree), else the row holding its
    identity key (made from it, fields edited since)."""
    stages = []
    if person.email_key:
        stages.append(lambda r: r.email_key == person.email_key)
    if person.phone_key:
        stages.append(lambda r: r.phone_key == person.phone_key)
    if person.name_key and person.location_key:
        stages.append(lambda r: r.name_key == person.name_key and r.location_key == person.location_key)
    for named in stages:
        for row in rows:
            if named(row) and _agrees(row, person):
                return row
    if person.identity_key:
        return next((r for r in rows if r.identity_key == person.identity_key), None)
    return None


def _filled_in(row: Any, person: Identity, skills: Iterable[str]) -> dict[str, Any]:
    """``fill_in``'s changes to a candidate row, as column values."""
    changes: dict[str, Any] = {}
    for field in ("name", "email", "phone", "location"):
        if not getattr(row, field) and getattr(person, field):
            changes[field], changes[f"{field}_key"] = getattr(person, field), getattr(person, f"{field}_key")
    merged = merge_skills(row.skills, skills)
    if merged != row.skills:
        changes["skills"] = merged
    return changes


async def find_or_add_candidate(
    *, session: AsyncSession, owner_id: uuid.UUID, json_resume: dict[str, Any] | None
) -> tuple[uuid.UUID, bool]:
    """``candidate_for`` in the caller's transaction, not committed, with plain statements (no ORM
    objects): the id of the owner's candidate this parsed resume belongs to, made if none is
    found, and whether it was made. An ``IntegrityError`` means the same person was made by
    another transaction meanwhile: the caller rolls back and tries again (it is found then)."""
    person = identity_of(json_resume)
    skills = skill_names(json_resume)
    found = _pick(await _named_rows(session, owner_id, person), person)
    if found is not None:
        changes = _filled_in(found, person, skills)
        if changes:
            await session.execute(_UPDATE.values(**changes), {"candidate_id": found.id})
        return found.id, False
    candidate_id = uuid.uuid4()
    await session.execute(
        _INSERT,
        {
            "id": candidate_id, "owner_user_id": owner_id, "is_self": False, "name": person.name,
            "email": person.email, "phone": person.phone, "location": person.location,
            "name_key": person.name_key, "email_key": person.email_key, "phone_key": person.phone_key,
            "location_key": person.location_key, "identity_key": person.identity_key,
            "skills": merge_skills("|", skills),
        },
    )  # fmt: skip
    return candidate_id, True
