"""Occupation families: which occupation a job title belongs to, and how close two occupations are.

Backed by ``data/occupation_families.json``: each family lists title phrases, field names
("civil engineering"), O*NET-SOC code prefixes and the domains it belongs to. A title maps to the
family of its longest matching phrase ("Senior Analyst, FP&A" → financial_analyst, "Cloud Support
Engineer" → devops_sre rather than it_support); a title no phrase matches falls back to its O*NET
occupation (``titles.match_occupation``) and the family that claims that code's prefix.
Two families are the same occupation (fit 1.0), adjacent when they share a domain (0.5), or
unrelated (0.1); titles with no family at all compare by O*NET code and major group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from resumeiq.engine._data import load_json
from resumeiq.engine.parse.titles import match_occupation

__all__ = [
    "FIT_ADJACENT",
    "FIT_OTHER",
    "FIT_SAME",
    "TitleFamily",
    "family_fit",
    "families",
    "field_families",
    "title_family",
]

FIT_SAME = 1.0
FIT_ADJACENT = 0.5
FIT_OTHER = 0.1
_WORD = re.compile(r"[a-z0-9+#.]+")


@dataclass(frozen=True, slots=True)
class TitleFamily:
    """The family (or None) and O*NET code (or None) of one title; ``via`` says what decided the
    family ("title": a phrase of the title, "onet": the O*NET code, "field": fields of work named
    around it) and ``phrase`` is the title phrase that named it."""

    family: str | None
    code: str | None
    via: str | None = None
    phrase: str | None = None


@dataclass(frozen=True, slots=True)
class _Families:
    phrases: dict[str, str]  # title phrase -> family
    fields: dict[str, str]  # field phrase -> family
    onet: list[tuple[str, str]]  # (code prefix, family), longest prefix first
    domains: dict[str, frozenset[str]]
    longest: int


def _words(text: str) -> list[str]:
    text = text.lower().replace("&", " and ").replace("/", " ")
    return [w.strip(".") for w in _WORD.findall(text) if w.strip(".")]


@cache
def _families() -> _Families:
    raw = load_json("occupation_families.json")["families"]
    phrases: dict[str, str] = {}
    fields: dict[str, str] = {}
    onet: list[tuple[str, str]] = []
    domains: dict[str, frozenset[str]] = {}
    for name, fam in raw.items():
        domains[name] = frozenset(fam.get("domains", ()))
        for p in fam.get("titles", ()):
            phrases.setdefault(" ".join(_words(p)), name)
        for p in fam.get("fields", ()):
            fields.setdefault(" ".join(_words(p)), name)
        onet.extend((prefix, name) for prefix in fam.get("onet", ()))
    onet.sort(key=lambda item: -len(item[0]))
    longest = max(len(p.split()) for p in (*phrases, *fields))
    return _Families(phrases, fields, onet, domains, longest)


def _longest_phrase(words: list[str], table: dict[str, str], longest: int) -> tuple[str, str] | None:
    """(family, phrase) of the longest listed phrase in ``words`` (leftmost among equals)."""
    for n in range(min(longest, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i : i + n])
            family = table.get(phrase)
            if family is not None:
                return family, phrase
    return None


@lru_cache(maxsize=4096)
def title_family(title: str | None) -> TitleFamily:
    """Family and O*NET code of a job title ("Senior Platform Engineer" → devops_sre)."""
    if not title or not title.strip():
        return TitleFamily(None, None)
    data = _families()
    occupation = match_occupation(title)
    code = occupation.code if occupation else None
    found = _longest_phrase(_words(title)[:12], data.phrases, data.longest)
    if found is not None:
        return TitleFamily(found[0], code, "title", found[1])
    family = next((fam for prefix, fam in data.onet if code.startswith(prefix)), None) if code else None
    return TitleFamily(family, code, "onet" if family else None)


def families() -> list[str]:
    """Every family id, sorted."""
    return sorted(_families().domains)


def field_families(text: str) -> dict[str, int]:
    """How often each family's field is named in a text ("experience in civil engineering")."""
    data = _families()
    words = _words(text)
    counts: dict[str, int] = {}
    for n in range(min(4, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            family = data.fields.get(" ".join(words[i : i + n]))
            if family is not None:
                counts[family] = counts.get(family, 0) + n
    return counts


def family_fit(a: TitleFamily, b: TitleFamily) -> float | None:
    """Closeness of two occupations, 0..1, or None when neither family nor code says anything."""
    if a.family and b.family:
        if a.family == b.family:
            return FIT_SAME
        domains = _families().domains
        if domains.get(a.family, frozenset()) & domains.get(b.family, frozenset()):
            return FIT_ADJACENT
        return FIT_OTHER
    if a.code and b.code:
        if a.code[:7] == b.code[:7]:
            return 0.9
        if a.code[:4] == b.code[:4]:
            return 0.4  # same O*NET minor group ("15-12")
        return FIT_OTHER
    return None
