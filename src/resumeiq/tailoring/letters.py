"""Cover letter and outreach note from templates, filled with the resume's matched evidence.

Nothing is written that the resume does not show: the job title and company come from the job,
the person's name and contact from the original resume, and each strength is a required skill the
resume shows, with the role where it shows it and that role's own bullet, quoted. When the resume
shows none of the job's skills there is no evidence to write from: the part fails, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from resumeiq.engine.match.results import MatchResult
from resumeiq.engine.parse.skills import find_skills

STRENGTHS = 3
OUTREACH_MAX_CHARS = 600


class NoEvidence(ValueError):
    """The resume shows none of the job's skills: nothing honest to write."""


@dataclass(slots=True)
class Strength:
    skill: str
    employer: str | None
    position: str | None
    bullet: str | None  # the role's bullet naming the skill, verbatim


def _entry_showing(resume: dict[str, Any], skill: str) -> tuple[dict[str, Any], str | None] | None:
    for entry in resume.get("work") or []:
        parts = [*(entry.get("highlights") or []), entry.get("summary") or "", entry.get("position") or ""]
        for part in parts:
            if any(hit.name == skill for hit in find_skills(part)) or skill.lower() in part.lower():
                return entry, part if part in (entry.get("highlights") or []) else None
    return None


def strengths(resume: dict[str, Any], match: MatchResult) -> list[Strength]:
    """The strongest matched required skills (shown in a role first), at most ``STRENGTHS``."""
    rank = {"work": 0, "summary": 1, "listed": 2}
    shown = sorted(
        (m for m in match.matched_required if m.status in rank),
        key=lambda m: rank[m.status],
    )
    if not shown:
        shown = [m for m in match.matched_preferred if m.status in rank]
    out = []
    for m in shown[:STRENGTHS]:
        found = _entry_showing(resume, m.skill)
        if found is None:
            out.append(Strength(m.skill, None, None, None))
        else:
            entry, bullet = found
            out.append(Strength(m.skill, entry.get("name"), entry.get("position"), bullet))
    return out


def _where(s: Strength) -> str:
    if s.position and s.employer:
        return f"as {s.position} at {s.employer}"
    if s.employer:
        return f"at {s.employer}"
    if s.position:
        return f"as {s.position}"
    return "as listed in my skills"


def _job_words(title: str | None, company: str | None) -> tuple[str, str]:
    return (f"the {title} role" if title else "this role"), (company or "your team")


def cover_letter(
    resume: dict[str, Any], match: MatchResult, *, job_title: str | None, company: str | None
) -> str:
    found = strengths(resume, match)
    if not found:
        raise NoEvidence(
            "The resume shows none of the job's skills, so there is no evidence to write a cover letter from."
        )
    basics = resume.get("basics") or {}
    role, team = _job_words(job_title, company)
    lines = [f"Dear Hiring Manager at {team}," if company else "Dear Hiring Manager,", ""]
    lines.append(f"I am writing to apply for {role}{f' at {company}' if company else ''}.")
    lines.append("The posting asks for skills my experience shows:")
    lines.append("")
    for s in found:
        line = f"- {s.skill}: {_where(s)}"
        if s.bullet:
            line += f" — “{s.bullet.rstrip('.')}”"
        lines.append(line + ".")
    lines += ["", "I would welcome the chance to talk about how I could contribute.", "", "Kind regards,"]
    lines.append(basics.get("name") or "")
    contact = " · ".join(v for v in (basics.get("email"), basics.get("phone")) if v)
    if contact:
        lines.append(contact)
    return "\n".join(lines).rstrip() + "\n"


def outreach(
    resume: dict[str, Any], match: MatchResult, *, job_title: str | None, company: str | None
) -> str:
    found = strengths(resume, match)
    if not found:
        raise NoEvidence(
            "The resume shows none of the job's skills, so there is no evidence to write an outreach "
            "note from."
        )
    basics = resume.get("basics") or {}
    role, team = _job_words(job_title, company)
    name = basics.get("name")
    intro = f"Hello, I'm {name}." if name else "Hello."
    skills = [s for s in found if s.employer or s.position][:2] or found[:2]
    shown = "; ".join(f"{s.skill} {_where(s)}" for s in skills)
    text = (
        f"{intro} I saw {role} at {team} and it fits what I have done: {shown}. "
        "Would you be open to a short conversation?"
    )
    return text[:OUTREACH_MAX_CHARS]
