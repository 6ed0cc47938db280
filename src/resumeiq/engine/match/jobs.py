"""Job postings: text → ``JobRequirements`` (title, occupation, required and preferred skills,
minimum years, degree, location), every skill with the spans of the text it was read from.

The posting is cut into sentences (a line, or a sentence of a prose line). Each sentence gets a
kind from the heading above it (``data/job_headings.json``: "Requirements" → required, "Nice to
have" → preferred, "What you'll do" → duties, "Benefits" → ignored) or an inline label
("Experience: …", "Preferred: …"), and its own wording overrides that: "… is a plus", "ideally",
"preferred" make a sentence preferred; "required", "must", "proficient in" make it required.
Sentences are also known by their own phrasing: "We offer …" is benefits, "… is an equal
opportunity employer" is how to apply, "Founded in …" is about the company.
Skills named in the sentence stating the years of experience ("5+ years of experience in civil
engineering") or the degree describe the field, not a skill, and go to ``fields``.

Skills are the taxonomy's (``skills.find_skills``), plus the items of a requirement list the
taxonomy does not know ("Experience with ANSYS", "Familiarity with Lever, Workday and …"): a
capitalised name of one to four words becomes a skill with ``in_taxonomy=False``, matched by its
wording; a known skill written with more name around it ("Epic Willow", "Capital Budgeting") is
read as that longer name.

The occupation ``family`` comes from the title's words, else from the field of the required
experience ("5 years in civil engineering", "as a site reliability engineer"), else from the
title's O*NET code; ``seniority`` from the title's level words.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from pydantic import BaseModel, Field

from resumeiq.engine.match.job_text import (
    BULLET,
    DEGREE_RANK,
    INLINE,
    UNLISTED,
    Sentence,
    read_degree,
    read_sentences,
    read_years,
    sentence_kind,
    with_unlisted,
)
from resumeiq.engine.match.occupations import TitleFamily, field_families, title_family
from resumeiq.engine.model import Location, Span
from resumeiq.engine.parse.places import read_location
from resumeiq.engine.parse.segment import normalize_heading
from resumeiq.engine.parse.skills import find_skills
from resumeiq.engine.parse.titles import match_occupation, seniority

__all__ = [
    "DEGREE_RANK",
    "JobRequirements",
    "JobSkill",
    "extract_job_text",
    "job_relevant_text",
    "parse_job",
    "read_company",
]

_TITLE_CUT = re.compile(r"\s+(?:[–—|·]|-\s|at\s)|\s\(")


class JobSkill(BaseModel):
    """A skill a posting asks for: canonical ``name`` and the ``spans`` naming it in the text.
    ``in_taxonomy`` is False for a name the skills taxonomy does not know ("ANSYS"); such a skill
    is matched by its wording."""

    name: str
    category: str | None = None
    spans: list[Span] = Field(default_factory=list)
    in_taxonomy: bool = True


class JobRequirements(BaseModel):
    """What a posting asks for; every span indexes the posting's text. ``content_hash`` is the
    SHA-256 of the normalised text (``normalise_job_text``), the key parsed postings are cached by."""

    title: str | None = None
    company: str | None = None  # the hiring organisation, when the posting names it (see read_company)
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
    degree_span: Span | None = None
    fields: list[str] = Field(default_factory=list)  # fields of experience ("Civil Engineering")
    location: Location | None = None
    keywords: list[str] = Field(default_factory=list)  # every skill named, in text order
    content_hash: str


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
    sentences, header = read_sentences(text)
    title = (title or header.get("title") or _first_line_title(text) or "").strip() or None
    required: dict[str, JobSkill] = {}
    preferred: dict[str, JobSkill] = {}
    keywords: dict[str, None] = {}
    fields: dict[str, None] = {}
    field_texts: list[str] = []
    min_years: tuple[int, Span] | None = None
    degree: tuple[str, bool, list[str], Span] | None = None
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
        kind = sentence_kind(body, sent.kind)
        field_span = None
        years = read_years(body) if kind != "preferred" else None
        if years is not None:
            n, (a, b), fspan = years
            if min_years is None:
                min_years = (n, (sent.start + a, sent.start + b))
            if fspan:
                field_span = (sent.start + fspan[0], sent.start + fspan[1])
                field_texts.append(text[field_span[0] : field_span[1]])
        found = read_degree(body)
        if found and (degree is None or (kind == "required" and not degree[1])):
            level, degree_fields, (a, b) = found
            is_required = kind != "preferred" and not re.search(r"\bnot\s+required\b", body, re.I)
            degree = (level, is_required, degree_fields, (sent.start + a, sent.start + b))
        skills = in_sentence
        if kind in ("required", "preferred") and not found:
            skills = with_unlisted(text, sent, in_sentence, field_span)
        for hit in skills:
            keywords.setdefault(hit.name)
            # The field of a degree or of the years of experience is not a skill to match.
            if found or (field_span and field_span[0] <= hit.start < field_span[1]):
                fields.setdefault(hit.name)
                continue
            target = required if kind == "required" else preferred if kind == "preferred" else None
            if target is not None:
                item = target.setdefault(
                    hit.name,
                    JobSkill(name=hit.name, category=hit.category, in_taxonomy=hit.category != UNLISTED),
                )
                item.spans.append((hit.start, hit.end))
    if not required:  # a posting without any requirement wording: what it names in its duties
        for sent in sentences:
            if sent.kind in ("duties", "other", "education"):
                for hit in find_skills(text, sent.start, sent.end):
                    if hit.name not in preferred:
                        required.setdefault(
                            hit.name, JobSkill(name=hit.name, category=hit.category)
                        ).spans.append((hit.start, hit.end))
    for name in required:
        preferred.pop(name, None)
    for item in (*required.values(), *preferred.values()):
        if not item.in_taxonomy:
            item.category = None
    found_family = _family(title, field_texts, list(fields), text, sentences)
    occupation = match_occupation(title) if title else None
    return JobRequirements(
        title=title,
        company=read_company(text, header),
        seniority=_seniority(title, found_family),
        occupation_code=occupation.code if occupation else None,
        occupation_title=occupation.title if occupation else None,
        family=found_family.family,
        required_skills=list(required.values()),
        preferred_skills=list(preferred.values()),
        min_years=min_years[0] if min_years else None,
        min_years_span=min_years[1] if min_years else None,
        degree_level=degree[0] if degree else None,
        degree_required=degree[1] if degree else False,
        degree_fields=degree[2] if degree else [],
        degree_span=degree[3] if degree else None,
        fields=list(fields),
        location=_location(text, header),
        keywords=list(keywords),
        content_hash=hashlib.sha256(normalise_job_text(text).encode("utf-8")).hexdigest(),
    )


def _family(
    title: str | None, field_texts: list[str], fields: list[str], text: str, sentences: list[Sentence]
) -> TitleFamily:
    """The posting's occupation family: the title's words, else the field of the required
    experience, else the title's O*NET code, else the fields the posting names most."""
    by_title = title_family(title) if title else TitleFamily(None, None)
    if by_title.via == "title":
        return by_title
    for piece in field_texts:  # "as a site reliability engineer", "in civil engineering"
        named = title_family(piece[:80])
        if named.via == "title":
            return TitleFamily(named.family, by_title.code, "field")
    counts = field_families(" ".join([*field_texts, *fields]))
    if counts:
        return TitleFamily(max(sorted(counts), key=counts.__getitem__), by_title.code, "field")
    if by_title.family:
        return by_title
    body = " ".join(
        text[s.start : s.end] for s in sentences if s.kind not in ("company", "benefits", "apply")
    )
    counts = field_families(body)
    if counts:
        return TitleFamily(max(sorted(counts), key=counts.__getitem__), by_title.code, "field")
    return by_title


def _seniority(title: str | None, family: TitleFamily) -> str | None:
    """The title's level; "executive" inside the occupation's own name ("Account Executive") is
    not a level."""
    if not title:
        return None
    level = seniority(title)
    if level == "executive" and family.phrase and "executive" in family.phrase.split():
        rest = re.sub(r"(?i)\bexecutive\b", " ", title)
        level = seniority(rest)
    return level


def job_relevant_text(text: str) -> str:
    """The posting without its company blurb, benefits and application notes: the text the role
    is described by (title, duties, requirements), for lexical relevance."""
    sentences, header = read_sentences(text)
    parts = [header.get("title", "")] + [
        text[s.start : s.end] for s in sentences if s.kind not in ("company", "benefits", "apply")
    ]
    return "\n".join(p for p in parts if p)


def _first_line_title(text: str) -> str | None:
    for raw in text.split("\n")[:5]:
        line = BULLET.sub("", raw).strip()
        if not line:
            continue
        m = INLINE.match(line)
        if m and normalize_heading(m.group("label")) in ("job title", "title", "role", "position"):
            line = m.group("rest")
        cut = _TITLE_CUT.search(line)
        line = line[: cut.start()] if cut else line
        return line.strip(" ,-–—") or None
    return None


_LEGAL_ABBR = re.compile(r"\b(?:Inc|Ltd|Co|Corp|LLC|L\.L\.C|S\.A|N\.V|PLC|Pty|Bros)\.$", re.IGNORECASE)
_COMPANY_SEP = re.compile(r"\s+(?:[–—|·•]|-|at|@)\s+")
_PIECES = re.compile(r"\s+[·|•]\s+")
_WORK_MODE = re.compile(r"^(?:remote|hybrid|on-?site|in-?office|full[- ]time|part[- ]time|contract)\b", re.I)


def _is_place(piece: str) -> bool:
    piece = re.sub(r"\(.*?\)", "", piece).strip()
    if not piece or _WORK_MODE.match(piece):
        return True
    loc = read_location(piece)
    return loc is not None and bool(loc.city or loc.region)


def _company_like(piece: str) -> bool:
    words = piece.split()
    ends = piece.endswith((":", "!", "?")) or (piece.endswith(".") and not _LEGAL_ABBR.search(piece))
    return 0 < len(words) <= 7 and not ends and not _is_place(piece)


def read_company(text: str, header: dict[str, str] | None = None) -> str | None:
    """The hiring organisation, from the common posting shapes: a "Company: / Organisation: /
    Employer:" line; a first line "Title – Company (City, ST)" or "Title at Company"; a second
    line "Company · City · Remote"; or a short second line followed by a place line."""
    if header and header.get("company"):
        return header["company"].strip() or None
    lines = [BULLET.sub("", raw).strip() for raw in text.split("\n")[:6]]
    lines = [ln for ln in lines if ln]
    if not lines:
        return None
    first = lines[0]
    m = INLINE.match(first)
    if m and normalize_heading(m.group("label")) in ("job title", "title", "role", "position"):
        first = m.group("rest")
    sep = _COMPANY_SEP.search(first)
    if sep:
        rest = first[sep.end() :]
        paren = re.search(r"\s*\(([^()]*)\)\s*$", rest)
        candidate = rest[: paren.start()] if paren else rest
        pieces = _PIECES.split(candidate.strip(" ,"))
        # "Title – Payments Platform" names a team, not an employer: a place must follow, or "at".
        placed = (paren and _is_place(paren.group(1))) or (len(pieces) > 1 and all(_is_place(p) for p in pieces[1:]))
        if (placed or sep.group(0).strip() in ("at", "@")) and _company_like(pieces[0]):
            return pieces[0]
    if len(lines) >= 2 and not INLINE.match(lines[1]):
        pieces = _PIECES.split(lines[1])
        if len(pieces) >= 2 and _company_like(pieces[0]) and all(_is_place(p) for p in pieces[1:]):
            return pieces[0]
        if len(pieces) == 1 and len(lines) >= 3 and _company_like(lines[1]) and _is_place(lines[2]):
            return lines[1]
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
