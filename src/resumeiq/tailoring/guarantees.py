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

Text a language model rewrote (a bullet, the summary) may say the same thing in other words, so
its slot is exempt from "the highlight is still there verbatim" (``rewritten`` paths), and it
is held to a stricter rule instead (``Guard.new_text_problems``): every name-like word (a
capitalised word that is not an ordinary word opening a sentence, an acronym, a month) and every
number word ("five", "dozen") must be in the original's text — this is what stops an invented
employer, title, institution, degree, certificate or date written into free text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterator
from functools import cache
from typing import Any

from resumeiq.engine._data import load_json
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
_WORD = re.compile(r"[^\W\d_][\w'’]*(?:[-/&.][^\W\d_][\w'’]*)*")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;•·|()\[\]\"“”]|\s[-–—*]|\n)\s*$")
_HIGHLIGHT_SLOT = re.compile(r"^/(work|projects)/(\d+)/highlights/(\d+)$")
NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "dozen",
        "dozens",
        "double",
        "doubled",
        "triple",
        "tripled",
        "quadrupled",
        "half",
        "once",
        "twice",
        "thrice",
    ]
)


@cache
def _common_words() -> frozenset[str]:
    return frozenset(load_json("common_words.json")["words"])


def _ordinary_opening(word: str) -> bool:
    """An ordinary word (often a verb: "Led", "Mentored") that is capitalised only because it
    opens a sentence or a bullet."""
    lower = word.lower()
    common = _common_words()
    if lower in common:
        return True
    for suffix in ("ed", "d", "ing", "s", "es"):
        if lower.endswith(suffix) and lower[: -len(suffix)] in common:
            return True
    return False


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
        self.original_text = original_text
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

    def violations(self, tailored: dict[str, Any], rewritten: Collection[str] = ()) -> list[str]:
        """What ``tailored`` breaks; ``rewritten``: highlight paths (of the original, like
        ``/work/0/highlights/2``) whose text was rewritten on purpose."""
        original = self.original
        slots: set[tuple[str, int, int]] = set()
        for path in rewritten:
            m = _HIGHLIGHT_SLOT.match(path)
            if m:
                slots.add((m.group(1), int(m.group(2)), int(m.group(3))))
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
                highlights = entry.get("highlights") or []
                now = after[i].get("highlights") or []
                if len(now) < len(highlights):
                    out.append(f"{len(highlights) - len(now)} highlight(s) of {section}[{i}] are missing")
                kept = [h for j, h in enumerate(highlights) if (section, i, j) not in slots]
                missing = Counter(kept) - Counter(now)
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

    def new_text_problems(self, text: str) -> list[str]:
        """Name-like words and number words of ``text`` (rewritten free text) that the original
        does not have; see the module doc."""
        if not hasattr(self, "_known_words"):
            words: set[str] = set()
            for source in (self.original_text, *_strings(self.original)):
                words.update(w.lower() for w in _WORD.findall(source))
                words.update(p.lower() for w in _WORD.findall(source) for p in re.split(r"[-/&.]", w) if p)
            self._known_words = words
        known = self._known_words
        # Words inside a skill the original shows ("JavaScript" for its "JS") are that skill.
        covered = [
            (hit.start, hit.end) for hit in _skill_hits(text) if _skill_key(hit.name) in self.known_skills
        ]
        out: list[str] = []
        for m in _WORD.finditer(text):
            word = m.group(0)
            lower = word.lower()
            if lower in known or any(a <= m.start() and m.end() <= b for a, b in covered):
                continue
            if lower in NUMBER_WORDS:
                out.append(f"the number word {word!r} is not in the original")
                continue
            if not any(c.isupper() for c in word) or word == "I":
                continue
            opening = _SENTENCE_END.search(text[: m.start()]) is not None
            if opening and word[1:] == word[1:].lower() and _ordinary_opening(word):
                continue
            out.append(f"the name {word!r} is not in the original")
        return list(dict.fromkeys(out))


def _skill_hits(text: str) -> list[Any]:
    from resumeiq.engine.parse.skills import find_skills

    return find_skills(text)


def _skill_mentions(text: str) -> list[str]:
    from resumeiq.engine.parse.skills import find_skills

    return [hit.name for hit in find_skills(text)]
