"""Skill recognition: find known skills in text, resolve aliases, look up categories.

The taxonomy (``data/skills.json``, built by ``scripts/build_taxonomy.py``) is loaded once per
process into an Aho-Corasick automaton. ``find_skills`` makes one pass over the text:

* Text and keys are normalised alike — lower case, and every character other than letters, digits
  and ``+ # . & ' @ _`` becomes a space — so offsets stay those of the original text.
* Every key starts with a space, so a skill can only start at a word start ("Java" is not found in
  "OpenJava"); the character after a match must end the word too ("Java" is not in "JavaScript",
  "R" is not in "R&D", "C" is not in "C++").
* Short or ordinary-word surfaces ("Go", "R", "Excel", "Chef", "SAS") match only in their exact
  spelling, and some only where their context allows ("Go" never before "to").
* Overlapping candidates resolve leftmost-longest. Generic phrases listed as ``blocked`` in the data
  ("Programming Languages", "Operating Systems") take part but yield no hit, so no shorter skill is
  found inside them.
* An exact-case ordinary word opening a sentence and followed by a word such as "the" or "to" is prose
  ("Reporting to the director", "Closing the books"), not a skill.
"""

from __future__ import annotations

import functools
import gzip
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

import ahocorasick

__all__ = ["SkillHit", "canonical_skill", "find_skills", "skill_category", "skill_names"]

_KEEP = set("+#.&'@_")


class _SeparatorTable(dict[int, str]):
    """``str.translate`` table mapping each separator character to a space and every other to
    itself, filled lazily for the characters actually seen."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        self[code] = out = c if (c.isalnum() or c in _KEEP) else " "
        return out


_SEPARATOR_TABLE = _SeparatorTable()


@dataclass(frozen=True, slots=True)
class SkillHit:
    """A skill found in text: canonical ``name``, its ``category``, and the ``[start, end)``
    character span of the matched surface in the text passed to ``find_skills``."""

    name: str
    category: str | None
    start: int
    end: int


@dataclass(slots=True)  # not frozen: a frozen dataclass costs a setattr call per field, 12,000 times at load
class _Entry:
    name: str
    category: str | None
    exact: frozenset[str]  # spellings that must match exactly; empty = any case
    length: int  # length of the normalised key without its leading space
    suffix: str = ""  # punctuation an exact spelling ends with, which must follow the match ("Act!")


@dataclass(frozen=True, slots=True)
class _Context:
    deny_next: frozenset[str] = frozenset()
    deny_prev: frozenset[str] = frozenset()
    deny_next_chars: str = ""
    deny_prev_chars: str = ""
    deny_next_capitalized: bool = False
    deny_prev_capitalized: bool = False


@dataclass(slots=True)
class _Taxonomy:
    automaton: Any
    by_key: dict[str, str]  # normalised key -> canonical name
    categories: dict[str, str]  # canonical name -> category
    contexts: dict[str, _Context]  # exact surface -> context rule


def _normalise(text: str) -> str:
    """Lower-case ``text`` and turn separators into spaces, keeping its length."""
    low = text.lower()
    if len(low) != len(text):  # a few characters ("İ") lower-case to two; keep offsets aligned
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low.translate(_SEPARATOR_TABLE)


def _key(surface: str) -> str:
    return " ".join(_normalise(surface).split())


def _load_data() -> dict[str, Any]:
    base = resources.files("resumeiq.engine") / "data"
    plain = base / "skills.json"
    if plain.is_file():
        return json.loads(plain.read_text(encoding="utf-8"))
    return json.loads(gzip.decompress((base / "skills.json.gz").read_bytes()))


@functools.cache
def _taxonomy() -> _Taxonomy:
    data = _load_data()
    automaton = ahocorasick.Automaton()
    by_key: dict[str, str] = {}
    categories: dict[str, str] = {}
    for item in data["skills"]:
        name, category = item["name"], item.get("category")
        categories[name] = category
        exact = set(item.get("exact", ()))
        # Exact spellings by key: case variants of one surface ("Real Estate", "Real estate").
        variants: dict[str, set[str]] = {}
        for spelling in exact:
            variants.setdefault(_key(spelling), set()).add(spelling)
        for surface in (name, *item.get("aliases", ())):
            key = _key(surface)
            if not key:
                continue
            by_key.setdefault(key, name)
            spaced = " " + key
            existing = automaton.get(spaced, None)
            suffix = ""
            spellings: frozenset[str] = frozenset()
            if surface in exact:
                forms = {_surface_form(v) for v in variants[key]}
                suffix = _trailing(surface)
                spellings = frozenset(f.rstrip() for f in forms)
            if existing is not None:
                if existing.name != name:
                    continue
                # Same skill, another spelling: any-case wins over exact-case.
                spellings = frozenset() if not existing.exact or not spellings else existing.exact | spellings
                suffix = suffix if spellings else ""
            automaton.add_word(spaced, _Entry(name, category, spellings, len(key), suffix))
    for surface in data.get("blocked", ()):
        # Not a skill, but it takes its span: no shorter skill inside it ("Programming Languages").
        key = _key(surface)
        if key and automaton.get(" " + key, None) is None:
            automaton.add_word(" " + key, _Entry("", None, frozenset(), len(key)))
    automaton.make_automaton()
    contexts = {
        surface: _Context(
            deny_next=frozenset(rule.get("deny_next", ())),
            deny_prev=frozenset(rule.get("deny_prev", ())),
            deny_next_chars=rule.get("deny_next_chars", ""),
            deny_prev_chars=rule.get("deny_prev_chars", ""),
            deny_next_capitalized=rule.get("deny_next_capitalized", False),
            deny_prev_capitalized=rule.get("deny_prev_capitalized", False),
        )
        for surface, rule in data.get("context", {}).items()
    }
    return _Taxonomy(automaton, by_key, categories, contexts)


def _trailing(surface: str) -> str:
    """Separator characters an exact spelling ends with ("!" in "Act!")."""
    stripped = surface.rstrip()
    i = len(stripped)
    while i > 0 and not (stripped[i - 1].isalnum() or stripped[i - 1] in _KEEP):
        i -= 1
    return stripped[i:]


# Words after which a capitalised ordinary word opening a sentence is prose, not a skill
# ("Closing the deal", "Reporting to the director", "Excel at", "Access to records").
_PROSE_NEXT = frozenset(
    {"the", "a", "an", "to", "as", "at", "up", "out", "off", "is", "are", "was", "were", "be", "been"}
    | {"my", "our", "your", "their", "his", "her", "its", "this", "that", "these", "those"}
)


def _sentence_start(text: str, pos: int, lo: int) -> bool:
    i = pos
    while i > lo and text[i - 1] in " \t":
        i -= 1
    return i <= lo or text[i - 1] in "\n.!?•·*-–—\u2022"


def _surface_form(surface: str) -> str:
    """Spelling compared for exact-case surfaces: separators as spaces, case kept."""
    return "".join(c if (c.isalnum() or c in _KEEP) else " " for c in surface)


def _next_word(text: str, pos: int, limit: int) -> str:
    i = pos
    while i < limit and text[i] == " ":
        i += 1
    j = i
    while j < limit and (text[j].isalnum() or text[j] in "'-"):
        j += 1
    return text[i:j]


def _prev_word(text: str, pos: int, lo: int) -> str:
    i = pos
    while i > lo and text[i - 1] in " :":
        i -= 1
    j = i
    while j > lo and (text[j - 1].isalnum() or text[j - 1] in "'"):
        j -= 1
    return text[j:i]


def _context_ok(rule: _Context, text: str, start: int, end: int, lo: int, hi: int) -> bool:
    if rule.deny_next_chars and end < hi and text[end] in rule.deny_next_chars:
        return False
    if rule.deny_prev_chars and start > lo and text[start - 1] in rule.deny_prev_chars:
        return False
    if rule.deny_next or rule.deny_next_capitalized:
        nxt = _next_word(text, end, hi)
        if nxt.lower() in rule.deny_next or (rule.deny_next_capitalized and nxt[:1].isupper()):
            return False
    if rule.deny_prev or rule.deny_prev_capitalized:
        prev = _prev_word(text, start, lo)
        if prev.lower() in rule.deny_prev or (rule.deny_prev_capitalized and prev[:1].isupper()):
            return False
    return True


def _ends_word(norm: str, pos: int) -> bool:
    """True if a match ending just before ``pos`` ends a word: a space or the end follows, or a
    full stop / apostrophe that is not itself followed by a letter or digit ("Java." but not "Node.js")."""
    if pos >= len(norm):
        return True
    c = norm[pos]
    if c == " ":
        return True
    if c in ".'":
        return (
            pos + 1 >= len(norm)
            or not norm[pos + 1].isalnum()
            or norm[pos + 1 : pos + 3] == "s "
            and c == "'"
        )
    return False


def find_skills(text: str, start: int = 0, end: int | None = None) -> list[SkillHit]:
    """Skills mentioned in ``text[start:end]``: non-overlapping, leftmost-longest, in text order.
    Spans are offsets into the full ``text``. The range edges count as word boundaries."""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    if start >= end:
        return []
    tax = _taxonomy()
    segment = text[start:end]
    # Leading space: offsets in ``norm`` are one more than in ``segment``.
    norm = " " + _normalise(segment)
    candidates: list[tuple[int, int, _Entry]] = []
    for last, entry in tax.automaton.iter(norm):
        s = last - entry.length + 1  # start in norm; its predecessor is the leading space of the key
        e = last + 1
        if not _ends_word(norm, e):
            continue
        candidates.append((s, e, entry))
    if not candidates:
        return []
    candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
    hits: list[SkillHit] = []
    taken = 0
    for s, e, entry in candidates:
        if s < taken:
            continue
        a, b = start + s - 1, start + e - 1  # offsets in text
        if not entry.name:  # a blocked generic phrase
            taken = e
            continue
        if entry.exact:
            surface = _surface_form(text[a:b])
            if surface not in entry.exact:
                continue
            if entry.suffix:
                if text[b : b + len(entry.suffix)] != entry.suffix:
                    continue
                b += len(entry.suffix)
            rule = (
                tax.contexts.get(surface)
                or tax.contexts.get(surface + entry.suffix)
                or tax.contexts.get(entry.name)
            )
            if rule is not None and not _context_ok(rule, text, a, b, start, end):
                continue
            if (
                surface.isalpha()
                and surface[1:].islower()
                and _sentence_start(text, a, start)
                and _next_word(text, b, end).lower() in _PROSE_NEXT
                and (b >= end or text[b] == " ")
            ):
                continue  # "Closing the deal", "Reporting to the director"
        hits.append(SkillHit(entry.name, entry.category, a, b))
        taken = e + len(entry.suffix)
    return hits


def canonical_skill(surface: str) -> str | None:
    """Canonical name for a skill name or alias in any case ("k8s" -> "Kubernetes"), else None."""
    return _taxonomy().by_key.get(_key(surface))


def skill_category(name: str) -> str | None:
    """Category of a skill ("programming_language", "domain", ...), by canonical name or alias."""
    tax = _taxonomy()
    category = tax.categories.get(name)
    if category is None:
        canonical = canonical_skill(name)
        category = tax.categories.get(canonical) if canonical else None
    return category


@functools.cache
def skill_names() -> frozenset[str]:
    """All canonical skill names."""
    return frozenset(_taxonomy().categories)
