"""Job titles: how title-like a short string is, its O*NET occupation and its seniority.

Backed by ``data/titles.json`` (O*NET occupation titles, alternate and reported titles, normalised;
built by ``scripts/build_taxonomy.py``), loaded once per process. All lookups are dict/set probes.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from resumeiq.engine._data import load_json
from resumeiq.engine.parse.fold import fold_accents

__all__ = ["Occupation", "match_occupation", "seniority", "title_score"]

# Kept in step with ``norm_title`` in scripts/build_taxonomy.py.
_ABBREV = {
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "mgr": "manager",
    "eng": "engineer",
    "engr": "engineer",
    "dev": "developer",
    "asst": "assistant",
    "assoc": "associate",
    "admin": "administrator",
    "vp": "vice president",
    "rep": "representative",
    "coord": "coordinator",
    "dir": "director",
    "exec": "executive",
    "svp": "senior vice president",
    "evp": "executive vice president",
    "swe": "software engineer",
    "sde": "software development engineer",
}
_WORD = re.compile(r"[a-z0-9+#]+")
_PAREN = re.compile(r"\([^)]*\)")
_ROMANCE_LINKS = frozenset(["de", "du", "des", "da", "do", "dos", "das", "del", "di", "della", "em", "en"])
_LEVELS = ("intern", "junior", "mid", "senior", "lead", "executive")
# Words that turn a string into a sentence or an achievement rather than a title.
_SENTENCE_WORDS = frozenset(
    [
        "by",
        "the",
        "with",
        "from",
        "to",
        "was",
        "were",
        "is",
        "are",
        "our",
        "we",
        "i",
        "my",
        "their",
        "this",
        "that",
        "which",
        "using",
        "through",
        "over",
        "per",
        "increased",
        "reduced",
        "improved",
        "led",
        "managed",
        "built",
        "created",
        "delivered",
        "achieved",
        "grew",
        "drove",
        "launched",
        "developed",
        "designed",
        "implemented",
        "responsible",
    ]
)
_STAFF_ROLES = frozenset(
    {"engineer", "developer", "scientist", "designer", "architect", "programmer", "researcher"}
)
_ROMAN = frozenset({"i", "ii", "iii", "iv", "v", "1", "2", "3", "4", "5"})


@dataclass(frozen=True, slots=True)
class Occupation:
    """An O*NET-SOC occupation: ``code`` such as "15-1252.00" and its ``title``."""

    code: str
    title: str


@dataclass(slots=True)
class _Titles:
    occupations: dict[str, str]
    titles: dict[str, str]
    tails: dict[str, str]
    heads: frozenset[str]
    modifiers: frozenset[str]
    seniority: dict[str, str]  # phrase -> level
    not_title: frozenset[str]


def _load_data() -> dict[str, Any]:
    base = resources.files("resumeiq.engine") / "data"
    plain = base / "titles.json"
    if plain.is_file():
        return json.loads(plain.read_text(encoding="utf-8"))
    return json.loads(gzip.decompress((base / "titles.json.gz").read_bytes()))


@functools.cache
def _data() -> _Titles:
    raw = _load_data()
    levels: dict[str, str] = {}
    for level in _LEVELS:  # later (higher) levels win a phrase listed twice
        for phrase in raw["seniority"].get(level, ()):
            levels[_norm(phrase)] = level
    modifiers = frozenset(_norm(m) for m in raw["modifiers"]) | frozenset(levels)
    return _Titles(
        occupations=raw["occupations"],
        titles=raw["titles"],
        tails=raw["tails"],
        heads=frozenset(raw["head_words"]),
        modifiers=modifiers,
        seniority=levels,
        not_title=frozenset(w.rstrip(".") for w in raw["not_title_words"]),
    )


_CO_PREFIX = re.compile(r"\bco-(?=[^\W\d_])")  # "co-founder", "co-lead": the role, not the "Co." of a name


@functools.cache
def _role_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """``data/entry_lexicon.json``, accents folded: (German heads, also at a compound's end; role
    nouns of other languages, which open a Romance title)."""
    raw = load_json("entry_lexicon.json")
    compound = frozenset(" ".join(_folded_words(w)) for w in raw["compound_role_heads"])
    return compound, frozenset(" ".join(_folded_words(w)) for w in raw["role_words"])


def _folded_words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", fold_accents(text.lower()))


def _other_language_role(raw: str) -> float:
    """A title in German, French, Spanish, Portuguese or Italian: "Softwareingenieur",
    "Wissenschaftliche Mitarbeiterin", "Développeur backend", "Analista de suporte"."""
    words = _folded_words(_PAREN.sub(" ", raw))
    if not words or len(words) > 6:
        return 0.0
    compound, lead = _role_nouns()
    score = 0.6 if len(words) == 1 else 0.75
    if words[0] in lead or len(words) == 1 and words[0] in compound:
        return score
    last = words[-1]
    stems = (last, last[:-2]) if last.endswith("in") else (last,)  # "Entwicklerin"
    for stem in stems:
        if stem in compound or any(len(stem) > len(h) + 2 and stem.endswith(h) for h in compound):
            return score
    return 0.0


def _norm(text: str) -> str:
    text = _CO_PREFIX.sub("", _PAREN.sub(" ", text.lower().replace("&", " and ")))
    out: list[str] = []
    for word in _WORD.findall(text):
        out.extend(_ABBREV.get(word, word).split())
    return " ".join(out)


def _core(words: list[str], modifiers: frozenset[str]) -> list[str]:
    """Title words without seniority modifiers ("senior software engineer ii" -> software engineer)."""
    out = list(words)
    while len(out) > 1 and (out[0] in modifiers or " ".join(out[:2]) in modifiers):
        out = out[2:] if " ".join(out[:2]) in modifiers and len(out) > 2 else out[1:]
    while len(out) > 1 and out[-1] in _ROMAN:
        out.pop()
    return out


def _role_part(words: list[str]) -> list[str]:
    """ "director of engineering" -> ["director"]; "software engineer, payments" is handled by callers."""
    if "of" in words:
        i = words.index("of")
        if i > 0:
            return words[:i]
    return words


@functools.lru_cache(maxsize=8192)
def title_score(text: str) -> float:
    """How much ``text`` looks like a job title, 0..1 ("Senior Data Scientist" ~1, "Acme Corp" ~0)."""
    raw = text.strip()
    if not raw or len(raw) > 80:
        return 0.0
    data = _data()
    if any(c in raw for c in "%$@") or re.search(r"\d{2,}", raw):
        return 0.0
    words = _norm(raw).split()
    if not words or len(words) > 8:
        return 0.0
    if any(w in data.not_title for w in words):
        return 0.05
    sentence_words = sum(w in _SENTENCE_WORDS for w in words)
    core = _core(words, data.modifiers)
    joined = " ".join(core)
    if joined in data.titles or " ".join(words) in data.titles:
        score = 0.95
    elif (
        "of" in words
        and 0 < words.index("of") < len(words) - 1
        and (
            words[words.index("of") - 1] in data.heads
            or " ".join(words[: words.index("of")]) in data.seniority
        )
    ):
        score = 0.9  # "Head of Product", "VP of Engineering", "Director of Sales"
    else:
        role = _role_part(core)
        last = role[-1]
        if last in data.heads or joined in data.seniority:
            score = 0.8 if len(role) > 1 or role != core else 0.6
            if " ".join(role[-2:]) in data.tails:
                score += 0.1
        elif any(w in data.heads for w in core):
            score = 0.35
        else:
            score = 0.05
    first = words[0]
    if first.endswith("ed") and score < 0.95 and len(words) > 2:
        score -= 0.5  # "Reduced churn ...", "Managed a team ..."
    if len(core) < len(words):  # a seniority word alongside a role
        score += 0.05
    score -= 0.3 * sentence_words
    if raw.endswith(".") and len(words) > 3:
        score -= 0.3
    if not sentence_words and (score <= 0.05 or score < 0.5 and (not raw.isascii() or _ROMANCE_LINKS.intersection(words))):
        score = max(score, _other_language_role(raw))
    return round(min(1.0, max(0.0, score)), 3)


def match_occupation(title: str) -> Occupation | None:
    """Best O*NET occupation for a job title: exact normalised title, then without seniority words,
    then the longest known ending ("... software engineer"), then the role before "of"."""
    data = _data()
    words = _norm(title).split()
    if not words or len(words) > 8:
        return None
    core = _core(words, data.modifiers)
    code = data.titles.get(" ".join(words)) or data.titles.get(" ".join(core))
    if code is None:
        role = _role_part(core)
        for candidate in (core, role):
            for n in (3, 2, 1):
                if len(candidate) >= n and (code := data.tails.get(" ".join(candidate[-n:]))):
                    break
            if code:
                break
    if code is None:
        return None
    return Occupation(code, data.occupations.get(code, ""))


def seniority(title: str) -> str | None:
    """Seniority level of a title: "intern", "junior", "mid", "senior", "lead", "executive" or None."""
    data = _data()
    words = _norm(title).split()
    if not words:
        return None
    found: set[str] = set()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i : i + n])
            level = data.seniority.get(phrase)
            if level is None:
                continue
            if n == 1 and phrase in _ROMAN and i != len(words) - 1:
                continue  # "i"/"ii" only as a trailing level marker
            if phrase == "staff" and words[-1] not in _STAFF_ROLES:
                continue  # "Staff Engineer" is a level; "Staff Accountant" is not
            if phrase == "head" and (i + 1 >= len(words) or words[i + 1] != "of"):
                continue
            found.add(level)
    if not found:
        return None
    if "intern" in found:
        return "intern"
    return max(found, key=_LEVELS.index)
