"""Job posting text, sentence by sentence: the kind of each sentence (required, preferred, duties,
company, benefits, apply, education, other), the minimum years and the degree a sentence states,
and the skill names of a requirement list that the taxonomy does not know. Used by ``jobs``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from resumeiq.engine._data import load_json
from resumeiq.engine.model import Span
from resumeiq.engine.parse.education import find_degree
from resumeiq.engine.parse.segment import normalize_heading
from resumeiq.engine.parse.skills import SkillHit, canonical_skill, skill_category

DEGREE_RANK = {"associate": 1, "bachelor": 2, "master": 3, "doctorate": 4}
_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven "  # noqa: SIM905
        "twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUM = r"(?:\d{1,2}|" + "|".join(_NUMBERS) + r")"
_YEARS = re.compile(
    rf"(?:(?P<floor>at\s+least|minimum(?:\s+of)?|min\.?|over|more\s+than|no\s+less\s+than)\s+)?"
    rf"(?P<n>{_NUM})(?:\s*\(\d{{1,2}}\))?\s*(?:\+|plus)?\s*(?:(?:-|–|—|to)\s*{_NUM}\s*\+?\s*)?(?:years?|yrs?)\b",
    re.IGNORECASE,
)
_NOT_EXPERIENCE = re.compile(r"^\W*(?:ago|old|of\s+age|in\s+business|history|running)\b", re.IGNORECASE)
_PREFERRED = re.compile(
    r"\b(?:nice[\s-]to[\s-]haves?|(?:is|are|would\s+be)\s+(?:a\s+)?(?:big\s+|strong\s+|definite\s+)?(?:plus|bonus|advantage)|"
    r"a\s+plus|preferred|preferably|desirable|desired|ideally|bonus|good\s+to\s+have|advantageous|"
    r"an\s+advantage|beneficial|not\s+required|would\s+be\s+great)\b",
    re.IGNORECASE,
)
_REQUIRED = re.compile(
    r"\b(?:required|requires?|must|mandatory|essential|proficien(?:t|cy)|expert(?:ise)?|strong|solid|"
    r"hands[\s-]on|experience\s+(?:with|in|using)|knowledge\s+of|skilled\s+in|fluen(?:t|cy)\s+in|need\s+to)\b",
    re.IGNORECASE,
)
# The field named after "experience in/as": up to the end of its clause ("… in accounting and
# proficiency in SAP" names the field "accounting").
_FIELD_AFTER = re.compile(
    r"\bexperience\s+(?:in|within|as|of)\s+(?:an?\s+|the\s+)?"
    r"(?P<f>.+?)(?=\s+(?:and|with|including|using|plus|who|where|while|as\s+well\s+as)\s|"
    r"\s+or\s+(?:in|as|a|an|the|similar|related|equivalent|other)\b|\s*[,;:(.]|\n|$)",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[A-Za-z0-9)][.!?])\s+(?=[A-Z])")
# A full stop after one of these is not the end of a sentence ("e.g. Python", "U.S. Army").
_ABBREVIATION = re.compile(
    r"\b(?:e\.g|i\.e|etc|vs|approx|incl|esp|dr|mr|mrs|ms|st|no|inc|ltd|co|corp|jr|sr|u\.s|u\.k|dept|min)\.$",
    re.IGNORECASE,
)
_BENEFITS_SENTENCE = re.compile(
    r"^\W*(?:we\s+(?:also\s+)?(?:offer|provide)|benefits\s+include|perks\s+include|our\s+(?:benefits|perks)|in\s+return|"
    r"you(?:'|’)?ll\s+(?:get|receive|enjoy)|you\s+will\s+(?:get|receive|enjoy)|what\s+we\s+offer)\b",
    re.IGNORECASE,
)
_APPLY_SENTENCE = re.compile(
    r"\b(?:equal\s+(?:employment\s+)?opportunit(?:y|ies)|do\s+not\s+discriminate|without\s+regard\s+to|welcome\s+applications|"
    r"reasonable\s+(?:adjustments?|accommodations?)|to\s+apply|please\s+(?:send|submit|apply|email)|apply\s+(?:now|today|online)|"
    r"cover(?:ing)?\s+letter)\b",
    re.IGNORECASE,
)
_COMPANY_SENTENCE = re.compile(
    r"^\W*(?:founded\b|since\s+(?:its\s+)?founding|for\s+over\s+\w+\s+years)|\bheadquartered\s+in\b|"
    r"\b(?:is|are)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}(?:company|organi[sz]ation|firm|business|employer|provider|hospital|school|"
    r"agency|startup|start-up|community|group|brand|leader)\b",
    re.IGNORECASE,
)
_DUTIES_SENTENCE = re.compile(
    r"^\W*(?:in\s+this\s+role|you\s+will\s+be\s+responsible|responsibilities\s+include|your\s+day|day\s+to\s+day|as\s+an?\s+[\w\s-]{2,40}?,?\s+you\s+will)\b",
    re.IGNORECASE,
)
# The words that introduce a list of skills ("proficient in", "experience with", "knowledge of").
_LIST_LEAD = re.compile(
    r"\b(?:experience|experienced|proficiency|proficient|expertise|expert|knowledge|familiarity|familiar|understanding|"
    r"skilled|skills?|background|competen(?:ce|cy|t)|fluen(?:cy|t)|command|exposure|comfortable|versed)\s+(?:with|in|of|using|on)\s+",
    re.IGNORECASE,
)
_LIST_TAIL = re.compile(
    r"(?:\s+(?:is|are|would\s+be|will\s+be|as)\s+(?:an?\s+)?(?:big\s+|strong\s+|definite\s+|real\s+)?"
    r"(?:plus|bonus|advantage|advantageous|beneficial|desirable|preferred|required|essential|must)\b"
    r"|\s+(?:experience|skills?|knowledge|proficiency|expertise|background|tools?)\b\s*[.;:!]?\s*$"
    r"|\s*\(|\s+(?:preferred|required|desired|a\s+plus|an\s+advantage|ideally|is\s+a\s+must)\b"
    r"|\s*[.;:!]\s*$)",
    re.IGNORECASE,
)
# Qualifiers before a skill name in a list item ("Hands-on SolidWorks experience").
_QUALIFIERS = re.compile(
    r"^(?:(?:hands[\s-]on|strong|solid|proven|advanced|expert|working|basic|good|excellent|practical|extensive|"
    r"demonstrated|some|prior|previous|professional|relevant|commercial|production|in[\s-]depth|thorough|sound|"
    r"familiarity\s+with|knowledge\s+of|experience\s+(?:with|in)|proficiency\s+in|proficient\s+in)\b[\s,]*)+",
    re.IGNORECASE,
)
_LIST_SEPARATOR = re.compile(r"\s*(?:,|;|\band\b|\bor\b|\s&\s|\s/\s|\betc\b\.?)\s*", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w.+#'’-]*|[a-z]+[A-Z][\w.+#-]*|\d[\w.+#-]*[A-Za-z][\w.+#-]*)$")
_NAME_CONNECTORS = frozenset({"of", "and", "for", "in", "on", "&", "-", "de", "the"})
_NOT_A_NAME = frozenset(
    "a an the our we you your they this that these those i it its bachelor bachelor's bachelors "  # noqa: SIM905
    "master master's masters degree diploma phd doctorate experience experienced years year yrs "
    "knowledge skills skill ability abilities strong excellent good great proven demonstrated solid "
    "working must should would will can may familiarity proficiency understanding any all other some "
    "similar related relevant equivalent including include includes such etc minimum at least plus "
    "bonus preferred required desirable nice ideally hands-on hands on advanced expert basic "
    "practical extensive deep proven".split()
)
BULLET = re.compile(r"^\s*(?:[-*•·●▪◦➢►–]|\d{1,2}[.)])\s+")
INLINE = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z '’&/-]{1,40}?)\s*:\s*(?P<rest>\S.*)$")
_DEGREE_FIELDS = re.compile(
    r"\b(?:[Dd]egree|diploma|bachelor'?s?|master'?s?|phd|doctorate|ba|bs|bsc|ms|msc|mba)\b[^.;\n]*?\b(?:in|of)\s+"
    r"(?P<f>[A-Z][^.;\n(]*?)(?=\s*(?:,?\s*or\s+(?:a\s+)?(?:closely\s+)?related|,?\s*or\s+equivalent|\(|[.;\n]|$| from | and an? | with |(?:is|are|would\s+be|will\s+be)\s))"
)


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    kind: str  # required | preferred | duties | company | benefits | apply | education | other
    item: bool = False  # a whole list item (a bullet line, or the value of an inline label)


@cache
def job_headings() -> tuple[dict[str, str], dict[str, str]]:
    raw = load_json("job_headings.json")
    sections = {p: kind for kind, phrases in raw["sections"].items() for p in phrases}
    fields = {p: kind for kind, phrases in raw["fields"].items() for p in phrases}
    return sections, fields


def read_sentences(text: str) -> tuple[list[Sentence], dict[str, str]]:
    """Sentences with their kind, and header facts given as "Label: value" lines."""
    sections, field_labels = job_headings()
    out: list[Sentence] = []
    header: dict[str, str] = {}
    kind = "other"
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        line = raw.strip()
        if not line:
            continue
        norm = normalize_heading(line)
        if len(norm.split()) <= 7 and not line.endswith(".") and norm in sections:
            kind = sections[norm]
            continue
        bullet = BULLET.match(raw)
        body_start = start + (bullet.end() if bullet else len(raw) - len(raw.lstrip()))
        line_kind = kind
        labelled = False
        m = INLINE.match(raw)
        if m and not bullet:
            label = normalize_heading(m.group("label"))
            if label in field_labels:
                if field_labels[label] != "ignore":
                    header.setdefault(field_labels[label], m.group("rest").strip())
                continue
            line_kind = sections.get(label, line_kind)  # "Preferred: Kafka, Go"; "Experience: 5+ years …"
            labelled = label in sections
        pieces = _split_sentences(text, body_start, end)
        for s, e in pieces:
            piece_kind = line_kind
            inline = INLINE.match(text[s:e])
            if inline and s != body_start:  # "… Education: Master's degree …" inside a prose line
                label = normalize_heading(inline.group("label"))
                piece_kind = sections.get(label, line_kind)
            piece_kind = _phrasing_kind(text[s:e], piece_kind)
            out.append(Sentence(s, e, piece_kind, item=bool(bullet or labelled) and len(pieces) == 1))
    return out, header


def _phrasing_kind(body: str, kind: str) -> str:
    """A sentence that says it is about benefits, applying or the company, wherever it stands."""
    if kind in ("required", "preferred", "education"):
        return kind
    if _BENEFITS_SENTENCE.search(body):
        return "benefits"
    if _APPLY_SENTENCE.search(body):
        return "apply"
    if _COMPANY_SENTENCE.search(body):
        return "company"
    if _DUTIES_SENTENCE.search(body):
        return "duties"
    return kind


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    s = start
    for m in _SENTENCE.finditer(text, start, end):
        if _ABBREVIATION.search(text, max(start, m.start() - 8), m.start()):
            continue
        out.append((s, m.start()))
        s = m.end()
    out.append((s, end))
    return [(a, b) for a, b in out if b > a]


def sentence_kind(body: str, section_kind: str) -> str:
    if _PREFERRED.search(body):
        return "preferred"
    if section_kind == "preferred":
        return "preferred"
    if section_kind in ("required", "education") or _REQUIRED.search(body):
        return "required"
    return section_kind


def read_years(body: str) -> tuple[int, Span, Span | None] | None:
    """(minimum years, span of the phrase, span of the field named after it) of a sentence."""
    for m in _YEARS.finditer(body):
        after = body[m.end() :]
        if _NOT_EXPERIENCE.match(after):
            continue
        if not re.search(
            r"experience|expertise|background|track record|practice|in\s+(?:a|an|the)\s", body, re.I
        ):
            continue
        word = m.group("n").lower()
        n = _NUMBERS.get(word, int(word) if word.isdigit() else 0)
        if not 0 < n <= 30:
            continue
        field = _FIELD_AFTER.search(body, m.end())
        fspan = (
            (m.end(), field.end("f"))
            if field
            else (m.end(), m.end() + after.lower().find("experience"))
            if "experience" in after.lower()
            else None
        )
        return n, (m.start(), m.end()), fspan
    return None


_BARE_DEGREE = re.compile(r"\b[Dd]egree\s+in\s+(?:[A-Z]|the\s+field\s+of\s+[A-Z])")


def read_degree(body: str) -> tuple[str, list[str], Span] | None:
    """(lowest degree level named, its fields, span of the first degree named) of a sentence."""
    levels = []
    span: Span | None = None
    pos = 0
    while True:
        found = find_degree(body, pos, len(body))
        if found is None:
            break
        if found[3] in DEGREE_RANK:
            levels.append(found[3])
            span = span or (found[1], found[2])
        pos = found[2]
    if not levels and (
        (
            re.search(r"\bdegree\b", body, re.I)
            and re.search(r"\b(?:university|college|4-year|four-year)\b", body, re.I)
        )
        # "Degree in Electrical Engineering": a degree without a level word is a first degree.
        or _BARE_DEGREE.search(body)
    ):
        levels.append("bachelor")
        m = re.search(r"\bdegree\b", body, re.I)
        span = (m.start(), m.end()) if m else None
    if not levels:
        return None
    fields: list[str] = []
    m = _DEGREE_FIELDS.search(body)
    if m:
        for part in re.split(r",\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+|/", m.group("f")):
            part = part.strip(" .")
            if part and part[:1].isupper() and len(part.split()) <= 4:
                fields.append(part)
    return min(levels, key=DEGREE_RANK.__getitem__), fields, span or (0, len(body))


UNLISTED = "\x00unlisted"  # category marker of a skill read from a list item, not the taxonomy


def with_unlisted(text: str, sent: Sentence, hits: list[SkillHit], field_span: Span | None) -> list[SkillHit]:
    """The sentence's taxonomy hits plus the names in its skill lists that the taxonomy does not
    know; a hit with more capitalised name attached ("Epic" in "Epic Willow") becomes that name."""
    region = _list_region(text, sent)
    if region is None:
        return hits
    lo, hi = region
    if field_span:
        lo = max(lo, field_span[1])
    for h in hits:  # a skill the region's start cuts through stays whole ("Advanced Excel")
        if h.start < lo < h.end:
            lo = h.start
    if lo >= hi:
        return hits
    out = [h for h in hits if not (lo <= h.start < hi)]
    inside = [h for h in hits if lo <= h.start < hi]
    pieces: list[tuple[int, int, SkillHit | None]] = []  # (start, end, hit) in text order
    pos = lo
    for h in [*inside, None]:
        gap_end = h.start if h is not None else hi
        for a, b in _split_items(text, pos, gap_end):
            pieces.append((a, b, None))
        if h is not None:
            pieces.append((h.start, h.end, h))
            pos = h.end
    merged: list[tuple[int, int, list[SkillHit]]] = []
    for a, b, h in pieces:
        if merged and text[merged[-1][1] : a].strip() == "" and (h is None or not merged[-1][2]):
            # a name written on without a separator: "Epic" + "Willow", "Capital" + "Budgeting"
            prev = merged[-1]
            merged[-1] = (prev[0], b, prev[2] + ([h] if h else []))
        else:
            merged.append((a, b, [h] if h else []))
    for a, b, found in merged:
        if (
            len(found) >= 1
            and all(text[f.start : f.end] for f in found)
            and (a, b) == (found[0].start, found[-1].end)
        ):
            out.extend(found)  # only taxonomy skills: keep them as they are
            continue
        name = " ".join(text[a:b].split())
        if _is_name(name):
            known = canonical_skill(name)  # a listed skill the context rules passed over ("… and R.")
            out.append(
                SkillHit(known, skill_category(known), a, b) if known else SkillHit(name, UNLISTED, a, b)
            )
        else:
            out.extend(found)
    out.sort(key=lambda h: h.start)
    return out


def _list_region(text: str, sent: Sentence) -> Span | None:
    """The part of a sentence that lists skills: after "experience with", "proficient in", …, or
    a whole short bullet item; up to "is a plus", a trailing "experience" or the full stop."""
    body = text[sent.start : sent.end]
    lead = _LIST_LEAD.search(body)
    if lead is not None:
        start = lead.end()
    elif sent.item and len(body.split()) <= 8:
        start = 0
    else:
        return None
    qualifiers = _QUALIFIERS.match(body[start:])
    if qualifiers:
        start += qualifiers.end()
    tail = _LIST_TAIL.search(body, start)
    end = tail.start() if tail else len(body)
    return (sent.start + start, sent.start + end) if end > start else None


def _split_items(text: str, start: int, end: int) -> list[Span]:
    out = []
    pos = start
    for m in _LIST_SEPARATOR.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    spans = []
    for a, b in out:
        piece = text[a:b]
        stripped = piece.strip(" \t-–—:;,.()\"'")
        if stripped:
            k = a + piece.find(stripped)
            spans.append((k, k + len(stripped)))
    return spans


def _is_name(phrase: str) -> bool:
    """A capitalised name of one to four words ("ANSYS", "Meta Ads Manager", "Pain Management")."""
    words = phrase.split()
    if not 1 <= len(words) <= 4 or len(phrase) > 40:
        return False
    if words[0].lower() in _NAME_CONNECTORS or words[-1].lower() in _NAME_CONNECTORS:
        return False
    if any(w.lower().strip(".,") in _NOT_A_NAME for w in words):
        return False
    return all(w.lower() in _NAME_CONNECTORS or _NAME_WORD.match(w) for w in words) and any(
        c.isalpha() for c in phrase
    )
