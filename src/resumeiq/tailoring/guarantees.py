"""What a tailored resume must never do, checked against the original.

- Contact details (name, e-mail, phone, url, location, profiles) are the original's, unchanged.
- No employer, title, date, location, degree, field, institution, grade, certificate, issuer,
  project name or language appears that the original does not have in the same kind of field.
- No number appears that the original's text (or its parsed fields) does not contain, and no
  skill is named anywhere (summary, bullets, skills) that the original does not show.
- No entry disappears: every role, education, certificate, language, project and skill group is
  still there, and so is each highlight and each skill (a skill may carry the posting's name for
  it, the same taxonomy skill).

``violations(original, original_text, tailored)`` lists what is wrong, in words; empty is good
(``Guard`` reads the original once for many checks).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from resumeiq.engine.parse.skills import canonical_skill

CONTACT_FIELDS = ("name", "email", "phone", "url", "location", "profiles")
FACT_FIELDS: dict[str, tuple[str, ...]] = {
    "work": ("name", "position", "location", "startDate", "endDate", "url"),
    "education": ("institution", "area", "studyType", "startDate", "endDate", "score", "url"),
    "certificates": ("name", "issuer", "date", "url"),
    "projects": ("name", "startDate", "endDate", "url"),
    "languages": ("language", "fluency"),
}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def numbers_in(text: str) -> set[str]:
    return {m.group(0) for m in _NUMBER.finditer(text)}


def _skill_key(keyword: str) -> str:
    return (canonical_skill(keyword) or keyword).lower()


def violations(original: dict[str, Any], original_text: str, tailored: dict[str, Any]) -> list[str]:
    return Guard(original, original_text).violations(tailored)


class Guard:
    """The original's facts, read once, to check any number of tailored documents against."""

    def __init__(self, original: dict[str, Any], original_text: str) -> None:
        self.original = original
        self.known_facts = {
            (section, name): {e.get(name) for e in original.get(section) or [] if isinstance(e, dict)}
            for section, fields in FACT_FIELDS.items()
            for name in fields
        }
        self.skills_need = Counter(
            _skill_key(k) for g in original.get("skills") or [] for k in g.get("keywords") or []
        )
        self.known_skills = (
            set(self.skills_need)
            | {_skill_key(s) for s in _skill_mentions(original_text)}
            | {_skill_key(s) for text in _strings(original) for s in _skill_mentions(text)}
        )
        self.known_numbers = numbers_in(original_text) | {
            n for s in _strings(original) for n in numbers_in(s)
        }

    def violations(self, tailored: dict[str, Any]) -> list[str]:
        original = self.original
        out: list[str] = []
        ob, tb = original.get("basics") or {}, tailored.get("basics") or {}
        for key in CONTACT_FIELDS:
            if ob.get(key) != tb.get(key):
                out.append(f"the contact detail basics.{key} differs from the original")

        for section, fields in FACT_FIELDS.items():
            before, after = original.get(section) or [], tailored.get(section) or []
            if len(after) < len(before):
                out.append(f"{len(before) - len(after)} {section} entr(ies) of the original are missing")
            for name in fields:
                known = self.known_facts[(section, name)]
                for i, entry in enumerate(after):
                    value = entry.get(name) if isinstance(entry, dict) else None
                    if value is not None and value not in known:
                        out.append(f"{section}[{i}].{name} {value!r} is not in the original")
            for i, entry in enumerate(before):
                if i >= len(after) or section not in ("work", "projects"):
                    continue
                missing = Counter(entry.get("highlights") or []) - Counter(after[i].get("highlights") or [])
                for bullet in missing:
                    out.append(f"a highlight of {section}[{i}] is missing: {bullet[:60]!r}")

        if len(tailored.get("skills") or []) < len(original.get("skills") or []):
            out.append("a skill group of the original is missing")
        have = Counter(_skill_key(k) for g in tailored.get("skills") or [] for k in g.get("keywords") or [])
        for key in self.skills_need - have:
            out.append(f"the skill {key!r} of the original is missing")
        for key in have - self.skills_need:
            if key not in self.known_skills:
                out.append(f"the skill {key!r} is not in the original")

        named: set[str] = set()
        for text in _strings(tailored):
            for number in numbers_in(text) - self.known_numbers:
                out.append(f"the number {number} is not in the original")
            named.update(_skill_key(s) for s in _skill_mentions(text))
        for key in sorted(named - self.known_skills - set(have)):
            out.append(f"the skill {key!r} is named but the original does not show it")
        return out


def _skill_mentions(text: str) -> list[str]:
    from resumeiq.engine.parse.skills import find_skills

    return [hit.name for hit in find_skills(text)]
