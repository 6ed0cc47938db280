"""Text helpers shared by the checks: the language word lists, words, quotes and skill names."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

_LANGUAGE_FILE = Path(__file__).resolve().parent.parent / "data" / "language.json"
WORD = re.compile(r"[A-Za-z0-9][\w'’&+#./-]*")
_LEADING = re.compile(r"^[\s\-–—•·*▪◦●○■□►▸‣⁃>+]+|^\(?\d{1,2}[.)]\s+")


@cache
def language() -> dict[str, Any]:
    """``data/language.json``, loaded once."""
    return json.loads(_LANGUAGE_FILE.read_text(encoding="utf-8"))


@cache
def action_verbs() -> frozenset[str]:
    return frozenset(v.lower() for group in language()["action_verbs"].values() for v in group)


@cache
def weak_phrases() -> tuple[tuple[str, str], ...]:
    """(phrase, replacement verb), longest phrase first so "was responsible for" wins."""
    items = language()["weak_phrases"].items()
    return tuple(sorted(items, key=lambda kv: (-len(kv[0]), kv[0])))


def words(text: str) -> list[str]:
    return WORD.findall(text)


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def strip_bullet(text: str) -> str:
    """A line or highlight without its bullet glyph or list number."""
    return _LEADING.sub("", text.strip()).strip()


def plural(n: int, noun: str, plural_form: str | None = None) -> str:
    """'1 page', '2 pages' (``plural_form`` for irregular nouns)."""
    return f"{n} {noun if n == 1 else plural_form or noun + 's'}"


def quote(text: str, limit: int = 90) -> str:
    """A short, single-line quote of resume text. Its apostrophes are typographic (’), so the
    straight quotes around a quote are never confused with one inside it ("the Americas’ region")."""
    flat = " ".join(text.split()).replace("'", "’")
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def is_action_verb(word: str) -> bool:
    """Whether a bullet's first word is an action verb, in the past or the present tense."""
    w = word.lower().strip(".,;:")
    verbs = action_verbs()
    if w in verbs:
        return True
    irregular = language()["irregular_verbs"]
    if irregular.get(w) in verbs:
        return True
    stems = {w, w[:-1]} if w.endswith("s") and not w.endswith("ss") else {w}
    for s in stems:
        if irregular.get(s) in verbs:
            return True
        candidates = {s + "d", s + "ed", s + s[-1:] + "ed"}
        if s.endswith("y"):
            candidates.add(s[:-1] + "ied")
        if s.endswith("ie"):  # "applies" → "applie" → "applied"
            candidates.add(s + "d")
        if s.endswith("e"):
            candidates.add(s[:-1] + "ed")
        if s.endswith("ing") and len(s) > 5:  # "building", "managing", "planning"
            base = s[:-3]
            candidates |= {base + "ed", base + "d"}
            if any(irregular.get(b) in verbs for b in (base, base + "e", base[:-1])):
                return True
        if candidates & verbs:
            return True
    return False


def canonical(surface: str) -> str:
    """The taxonomy's canonical skill name for a surface form (the surface itself when the
    taxonomy does not know it or is not available)."""
    try:
        from resumeiq.engine.parse.skills import canonical_skill
    except ImportError:  # the taxonomy module is optional for scoring
        return surface.strip()
    return canonical_skill(surface) or surface.strip()


def skill_key(name: str) -> str:
    """Comparison key for skill names: canonical, case- and space-insensitive."""
    return " ".join(canonical(name).casefold().split())
