"""Degree and school names: the degrees of ``data/degrees.json`` found in a text, and whether a
piece names a school. Shared by the readers of education entries, the segmenter (a school or a
degree set like a heading inside EDUCATION is an entry) and the job texts.

Degrees are recognised from ``data/degrees.json`` (full names case-insensitively; abbreviations
such as "B.S.", "BSc", "MBA" only in capitals, so that "be", "as" or "ma" in prose never match).
Institutions are pieces holding an institution word ("University", "College", "Institute" …).
"""

from __future__ import annotations

import re
from functools import cache

from resumeiq.engine._data import load_json
from resumeiq.engine.parse.fold import fold_in_place

__all__ = ["could_hold_school", "degree_level", "degree_patterns", "find_degree", "is_institution"]


@cache
def degree_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str], frozenset[str]]:
    data = load_json("degrees.json")
    full: list[str] = []
    abbr: list[str] = []
    levels: dict[str, str] = {}
    for deg in data["degrees"]:
        for alias in deg["aliases"]:
            key = alias.replace(" ", "")
            levels[key] = deg["level"]
            if " " in alias and len(key) > 5 or len(key) > 6:
                full.append(r"[\s-]+".join(re.escape(w) for w in alias.split()))  # "A-Levels"
            elif alias.isalpha() and len(alias) <= 2 and alias not in ("ba", "bs", "ms", "ma", "be", "me", "as", "aa", "jd", "md"):
                continue
            else:
                letters = [c for c in alias if c != " "]
                abbr.append(r"[.\-]?\s?".join(re.escape(c.upper()) if c.isalpha() else re.escape(c) for c in letters))
    full_re = re.compile(r"(?<![\w])(?:" + "|".join(sorted(full, key=len, reverse=True)) + r")(?:'s)?(?![\w])", re.IGNORECASE)
    # Abbreviations: capitals with optional dots ("B.Sc.", "BSc", "M.B.A."); mixed-case tails allowed ("BTech", "MSc").
    abbr_re = re.compile(
        r"(?<![\w.])(?:" + "|".join(sorted(abbr, key=len, reverse=True)) + r")\.?(?![\w])",
        re.IGNORECASE,
    )
    words = frozenset(w.lower() for w in data["institution_words"])
    return full_re, abbr_re, levels, words


def find_degree(text: str, start: int, end: int) -> tuple[str, int, int, str] | None:
    """The first degree named in ``text[start:end]``: (surface as written, start, end, level).
    Accents are folded for the match ("Baccalauréat", "Licenciatura em Ciências")."""
    full_re, abbr_re, levels, _ = degree_patterns()
    line = text[start:end]
    folded = fold_in_place(line)
    best = None
    for pattern in (full_re, abbr_re):
        m = pattern.search(folded) if pattern is full_re else _search_abbr(abbr_re, folded, 0, len(folded))
        if m and (best is None or start + m.start() < best[1]):
            surface = line[m.start() : m.end()].strip()
            after = line[m.start() + len(surface) : m.start() + len(surface) + 2]
            if after in ("'s", "’s"):
                surface += after  # "Master's"
            key = re.sub(r"[^a-z]", "", fold_in_place(surface).lower().removesuffix("'s").removesuffix("’s"))
            best = (surface, start + m.start(), start + m.start() + len(surface), levels.get(key, _level_guess(key)))
    return best


# Abbreviations that are no English word, so also read written "Bsc", "Msc", "Phd".
_PLAIN_ABBR = frozenset({"bsc", "msc", "phd", "mba", "bba", "bca", "mca"})


def _search_abbr(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    # The pattern ignores case; a match counts only when written with capitals ("BSc", "B.Tech", "MBA").
    for m in pattern.finditer(text, start, end):
        surface = m.group(0)
        if surface[:1].isupper() and (
            sum(c.isupper() for c in surface) >= 2 or len(surface.replace(".", "")) > 3 or surface.lower() in _PLAIN_ABBR
        ):
            if re.fullmatch(r"(?:[A-Z]\.){2,3}", surface) and _in_name_list(text, start, end, m.start()):
                continue  # an author's initials, not a degree
            if (
                len(surface) == 2
                and _state_after_city(text, start, m.start(), surface)
                and not re.match(r"\s+(?:in|of)\b|\s*\(", text[m.end() : end])
                and not could_hold_school(text[m.end() : end].split("\t")[0])
            ):
                continue  # "Cambridge, MA", "Orono, ME": a state, not a degree
            return m
    return None


# A surname with its initials in a list of authors or names: "Okafor, B.E.," "Rao C. and",
# "Lindqvist, A.M. (2019)" — the initials end the name (a comma, "and", a bracket or the end).
_NAME_INITIALS = re.compile(
    r"\b[A-Z][a-z][\w'’-]*,?\s(?P<ini>(?:[A-Z]\.\s?){1,3})(?=\s*(?:[,;&(]|and\b|et\b|$))"
)


def _in_name_list(text: str, start: int, end: int, at: int) -> bool:
    """The initials at ``at`` belong to a list of names ("Lindqvist, A.M., Okafor, B.E. and Rao,
    C."): a line with two or more surnames followed by their initials, one of them these; or one
    author of a citation ("Okafor, B.E. (2019)", "Okafor, B.E. et al.")."""
    line, k = text[start:end], at - start
    found = {m.start("ini"): m.end("ini") for m in _NAME_INITIALS.finditer(line)}
    if k in found:
        return len(found) >= 2 or bool(re.match(r"\s*(?:\((?:19|20)\d\d[a-z]?\)|et al\b)", line[found[k] :]))
    # the last of the names, before the title: "…; Varga, M.S. Grain growth in alloys"
    return len(found) >= 2 and bool(re.search(r"[,;&]\s*[A-Z][a-z][\w'’-]*,?\s$", line[:k]))


def _state_after_city(text: str, start: int, at: int, code: str) -> bool:
    before = text[start:at]
    m = re.search(r"([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}),\s*$", before)
    if not m:
        return False
    from resumeiq.engine.parse.places import read_location

    if is_institution(m.group(1)):
        return False  # "Harvard University, MA"
    loc = read_location(f"{m.group(1)}, {code}")
    return loc is not None and loc.city is not None and loc.region == code


def _level_guess(key: str) -> str:
    if key.startswith(("phd", "doctor")):
        return "doctorate"
    if key.startswith(("m", "master")):
        return "master"
    if key.startswith(("b", "bachelor")):
        return "bachelor"
    return "other"


def degree_level(study_type: str | None) -> str | None:
    if not study_type:
        return None
    hit = find_degree(study_type, 0, len(study_type))
    return hit[3] if hit else None


def is_institution(piece: str) -> bool:
    """A short, capitalised piece naming a school ("Delft University of Technology"), not a
    sentence that mentions one ("Organised trips for the pupils of the school")."""
    _, _, _, words = degree_patterns()
    tokens = piece.split()
    if tokens and piece == piece.lower() and piece[:1].isalpha():
        # a name written all in lower case ("college of kolkata"): short, no sentence's words
        if len(tokens) > 6 or tokens[0].endswith(("ed", "ing")) or any(t in _SENTENCE_WORDS for t in tokens):
            return False
        # (named as a school is: "summit college", "college of kolkata", "hollow school of business")
        return tokens[-1] in _SCHOOL_NOUNS or bool(re.search(r"\b(?:" + "|".join(_SCHOOL_NOUNS) + r") of \w", piece))
    if not tokens or len(tokens) > 9 or not (piece[:1].isupper() or piece[:1].isdigit()):
        return False
    if ":" in piece or piece.rstrip().endswith((".", ";")) and not piece.rstrip().endswith(("Inc.", "Tech.")):
        return False
    lowered = [w.strip(".,()") for w in piece.lower().split()]
    if any(w in _RELATIVE_WORDS for w in lowered):
        return False  # a sentence about a school: "École qui forme des ingénieurs", "a school that trains"
    return any(w in words or "-" in w and w.rsplit("-", 1)[1] in words for w in lowered)  # "Wirtschafts-Akademie"


_SCHOOL_NOUNS = ("university", "college", "school", "institute", "academy", "polytechnic")
_SENTENCE_WORDS = frozenset(["for", "with", "to", "in", "at", "on", "by", "from", "as", "the", "a", "an", "my", "our", "was", "were", "is", "are"])
_RELATIVE_WORDS = frozenset({"qui", "que", "which", "that", "who", "whose", "where", "où", "welche", "dove", "donde", "onde"})


def could_hold_school(line: str) -> bool:
    return any(is_institution(part.strip()) for part in re.split(r"[,;|\t]|\s[-–—]\s|\s(?:at|from)\s", line))
