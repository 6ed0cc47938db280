"""Job postings: text → ``JobRequirements`` (title, occupation, required and preferred skills,
minimum years, degree, location), every skill with the spans of the text it was read from.

The posting is cut into sentences (a line, or a sentence of a prose line). Each sentence gets a
kind from the heading above it (``data/job_headings.json``: "Requirements" → required, "Nice to
have" → preferred, "What you'll do" → duties, "Benefits" → ignored) or an inline label
("Experience: …", "Preferred: …"), and its own wording overrides that: "… is a plus", "ideally",
"preferred" make a sentence preferred; "required", "must", "proficient in" make it required.
Skills named in the sentence stating the years of experience ("5+ years of experience in civil
engineering") describe the field, not a skill, and go to ``fields``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, Field

from resumeiq.engine._data import load_json
from resumeiq.engine.education import find_degree
from resumeiq.engine.model import Location, Span
from resumeiq.engine.occupations import field_families, title_family
from resumeiq.engine.places import read_location
from resumeiq.engine.segment import normalize_heading
from resumeiq.engine.skills import find_skills
from resumeiq.engine.titles import match_occupation, seniority

__all__ = ["DEGREE_RANK", "JobRequirements", "JobSkill", "extract_job_text", "parse_job"]

DEGREE_RANK = {"associate": 1, "bachelor": 2, "master": 3, "doctorate": 4}
_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
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
_FIELD_AFTER = re.compile(r"\bexperience\s+(?:in|within|as|of)\s+(?:an?\s+|the\s+)?(?P<f>[^.;:\n]+)", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")
_BULLET = re.compile(r"^\s*(?:[-*•·●▪◦➢►–]|\d{1,2}[.)])\s+")
_INLINE = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z '’&/-]{1,40}?)\s*:\s*(?P<rest>\S.*)$")
_DEGREE_FIELDS = re.compile(
    r"\b(?:degree|diploma|bachelor'?s?|master'?s?|phd|doctorate|ba|bs|bsc|ms|msc|mba)\b[^.;\n]*?\b(?:in|of)\s+"
    r"(?P<f>[A-Z][^.;\n(]*?)(?=\s*(?:,?\s*or\s+(?:a\s+)?(?:closely\s+)?related|,?\s*or\s+equivalent|\(|[.;\n]|$| from | and an? | with ))"
)
_TITLE_CUT = re.compile(r"\s+(?:[–—|·]|-\s|at\s)|\s\(")
_NOT_SKILL_CATEGORIES = frozenset({"soft_skill"})


class JobSkill(BaseModel):
    """A skill a posting asks for: canonical ``name`` and the ``spans`` naming it in the text."""

    name: str
    category: str | None = None
    spans: list[Span] = Field(default_factory=list)


class JobRequirements(BaseModel):
    title: str | None = None
    seniority: str | None = None
    occupation_code: str | None = None  # O*NET-SOC code of the title, e.g. "15-1252.00"
    occupation_title: str | None = None
    family: str | None = None  # occupation family id from data/occupation_families.json
    required_skills: list[JobSkill] = Field(default_factory=list)
    preferred_skills: list[JobSkill] = Field(default_factory=list)
    min_years: int | None = None
    min_years_span: Span | None = None
    degree_level: str | None = None  # associate | bachelor | master | doctorate
    degree_required: bool = False
    degree_fields: list[str] = Field(default_factory=list)
    fields: list[str] = Field(default_factory=list)  # fields of experience ("Civil Engineering")
    location: Location | None = None
    keywords: list[str] = Field(default_factory=list)  # every skill named, in text order
    content_hash: str


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    kind: str  # required | preferred | duties | company | benefits | apply | education | other


@cache
def _headings() -> tuple[dict[str, str], dict[str, str]]:
    raw = load_json("job_headings.json")
    sections = {p: kind for kind, phrases in raw["sections"].items() for p in phrases}
    fields = {p: kind for kind, phrases in raw["fields"].items() for p in phrases}
    return sections, fields


def normalise_job_text(text: str) -> str:
    """NFC, line endings, trailing spaces and runs of blank lines normalised; used for the hash."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def extract_job_text(data: bytes, filename: str | None = None) -> str:
    """Text of a posting given as PDF, DOCX, TXT or MD bytes (raises the engine's typed errors)."""
    from resumeiq.engine.extract import extract_text

    return extract_text(data, filename=filename).text


def parse_job(text: str, *, title: str | None = None) -> JobRequirements:
    """Read a job posting's requirements. ``title`` overrides the title found in the text."""
    sentences, header = _sentences(text)
    title = (title or header.get("title") or _first_line_title(text) or "").strip() or None
    required: dict[str, JobSkill] = {}
    preferred: dict[str, JobSkill] = {}
    keywords: dict[str, None] = {}
    fields: dict[str, None] = {}
    min_years: tuple[int, Span] | None = None
    degree: tuple[str, bool, list[str]] | None = None
    hits = find_skills(text)
    k = 0
    for sent in sentences:
        while k < len(hits) and hits[k].start < sent.start:
            k += 1
        in_sentence = []
        while k < len(hits) and hits[k].end <= sent.end:
            in_sentence.append(hits[k])
            k += 1
        if sent.kind in ("company", "benefits", "apply"):
            continue
        body = text[sent.start : sent.end]
        kind = _kind(body, sent.kind)
        field_span = None
        years = _years(body) if kind != "preferred" else None
        if years is not None:
            n, (a, b), fspan = years
            if min_years is None:
                min_years = (n, (sent.start + a, sent.start + b))
            field_span = (sent.start + fspan[0], sent.start + fspan[1]) if fspan else None
        if degree is None or (kind == "required" and not degree[1]):
            found = _degree(body)
            if found:
                degree = (found[0], kind != "preferred" and not re.search(r"\bnot\s+required\b", body, re.I), found[1])
        for hit in in_sentence:
            keywords.setdefault(hit.name)
            if field_span and field_span[0] <= hit.start < field_span[1]:
                fields.setdefault(hit.name)
                continue
            if hit.category in _NOT_SKILL_CATEGORIES:
                continue
            target = required if kind == "required" else preferred if kind == "preferred" else None
            if target is not None:
                item = target.setdefault(hit.name, JobSkill(name=hit.name, category=hit.category))
                item.spans.append((hit.start, hit.end))
    if not required:  # a posting without any requirement wording: what it names in its duties
        for sent in sentences:
            if sent.kind in ("duties", "other", "education"):
                for hit in find_skills(text, sent.start, sent.end):
                    if hit.name not in preferred and hit.category not in _NOT_SKILL_CATEGORIES:
                        required.setdefault(hit.name, JobSkill(name=hit.name, category=hit.category)).spans.append(
                            (hit.start, hit.end)
                        )
    for name in required:
        preferred.pop(name, None)
    occupation = match_occupation(title) if title else None
    family = title_family(title).family if title else None
    if family is None:
        counts = field_families(" ".join(text[s.start : s.end] for s in sentences if s.kind not in ("company", "benefits", "apply")))
        family = max(sorted(counts), key=counts.get) if counts else None
    location = _location(text, header)
    return JobRequirements(
        title=title,
        seniority=seniority(title) if title else None,
        occupation_code=occupation.code if occupation else None,
        occupation_title=occupation.title if occupation else None,
        family=family,
        required_skills=list(required.values()),
        preferred_skills=list(preferred.values()),
        min_years=min_years[0] if min_years else None,
        min_years_span=min_years[1] if min_years else None,
        degree_level=degree[0] if degree else None,
        degree_required=degree[1] if degree else False,
        degree_fields=degree[2] if degree else [],
        fields=list(fields),
        location=location,
        keywords=list(keywords),
        content_hash=hashlib.sha256(normalise_job_text(text).encode("utf-8")).hexdigest(),
    )


def _sentences(text: str) -> tuple[list[_Sentence], dict[str, str]]:
    """Sentences with their kind, and header facts given as "Label: value" lines."""
    sections, field_labels = _headings()
    out: list[_Sentence] = []
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
        bullet = _BULLET.match(raw)
        body_start = start + (bullet.end() if bullet else len(raw) - len(raw.lstrip()))
        line_kind = kind
        m = _INLINE.match(raw)
        if m and not bullet:
            label = normalize_heading(m.group("label"))
            if label in field_labels:
                if field_labels[label] != "ignore":
                    header.setdefault(field_labels[label], m.group("rest").strip())
                continue
            line_kind = sections.get(label, line_kind)  # "Preferred: Kafka, Go"; "Experience: 5+ years …"
        for s, e in _split_sentences(text, body_start, end):
            piece_kind = line_kind
            inline = _INLINE.match(text[s:e])
            if inline and s != body_start:  # "… Education: Master's degree …" inside a prose line
                label = normalize_heading(inline.group("label"))
                piece_kind = sections.get(label, line_kind)
            out.append(_Sentence(s, e, piece_kind))
    return out, header


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    s = start
    for m in _SENTENCE.finditer(text, start, end):
        out.append((s, m.start()))
        s = m.end()
    out.append((s, end))
    return [(a, b) for a, b in out if b > a]


def _kind(body: str, section_kind: str) -> str:
    if _PREFERRED.search(body):
        return "preferred"
    if section_kind == "preferred":
        return "preferred"
    if section_kind in ("required", "education") or _REQUIRED.search(body):
        return "required"
    return section_kind


def _years(body: str) -> tuple[int, Span, Span | None] | None:
    """(minimum years, span of the phrase, span of the field named after it) of a sentence."""
    for m in _YEARS.finditer(body):
        after = body[m.end() :]
        if _NOT_EXPERIENCE.match(after):
            continue
        if not re.search(r"experience|expertise|background|track record|practice|in\s+(?:a|an|the)\s", body, re.I):
            continue
        word = m.group("n").lower()
        n = _NUMBERS.get(word, int(word) if word.isdigit() else 0)
        if not 0 < n <= 30:
            continue
        field = _FIELD_AFTER.search(body, m.end())
        fspan = (m.end(), field.end("f")) if field else (m.end(), m.end() + after.lower().find("experience")) if "experience" in after.lower() else None
        return n, (m.start(), m.end()), fspan
    return None


def _degree(body: str) -> tuple[str, list[str]] | None:
    levels = []
    pos = 0
    while True:
        found = find_degree(body, pos, len(body))
        if found is None:
            break
        if found[3] in DEGREE_RANK:
            levels.append(found[3])
        pos = found[2]
    if not levels and re.search(r"\bdegree\b", body, re.I) and re.search(r"\b(?:university|college|4-year|four-year)\b", body, re.I):
        levels.append("bachelor")
    if not levels:
        return None
    fields: list[str] = []
    m = _DEGREE_FIELDS.search(body)
    if m:
        for part in re.split(r",\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+|/", m.group("f")):
            part = part.strip(" .")
            if part and part[:1].isupper() and len(part.split()) <= 4:
                fields.append(part)
    return min(levels, key=DEGREE_RANK.__getitem__), fields


def _first_line_title(text: str) -> str | None:
    for raw in text.split("\n")[:5]:
        line = _BULLET.sub("", raw).strip()
        if not line:
            continue
        m = _INLINE.match(line)
        if m and normalize_heading(m.group("label")) in ("job title", "title", "role", "position"):
            line = m.group("rest")
        cut = _TITLE_CUT.search(line)
        line = line[: cut.start()] if cut else line
        return line.strip(" ,-–—") or None
    return None


def _location(text: str, header: dict[str, str]) -> Location | None:
    candidates = [header["location"]] if "location" in header else []
    for raw in text.split("\n")[:6]:
        candidates.extend(re.findall(r"\(([^()]{3,60})\)", raw))
        candidates.extend(p.strip() for p in re.split(r"\s+[·|•–—]\s+", raw)[1:])
        candidates.append(raw.strip())
    for piece in candidates:
        loc = read_location(piece) if piece else None
        if loc is not None and (loc.city or loc.region):
            return loc
    return None
