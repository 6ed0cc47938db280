"""Typed data the engine stages pass along.

``ExtractedDocument`` (extract) → ``Section`` list (segment) → ``ResumeData`` (parse) → ``Review`` (score).
Character spans (``Span``) index into ``ExtractedDocument.text`` so that every parsed value can
point at the evidence it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Span = tuple[int, int]
DocFormat = Literal["pdf", "docx", "txt", "md"]


# --------------------------------------------------------------------------- extraction


@dataclass(slots=True)
class Line:
    """One visual line of the document. Geometry is in PDF points with a top-left origin
    (``top`` grows downwards, pages are stacked by ``page``); it is zero for TXT/MD/DOCX."""

    start: int
    end: int
    page: int = 0
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    bold: bool = False
    style: str = ""  # DOCX paragraph style ("Heading 1", "List Bullet", "Title"), MD "h1".."h6"
    column: int = 0  # 0 = full width or left column, 1 = right column
    rail: str = ""  # PDF: "left" for an item of a left margin rail (a heading, a date), "right" for a
    # right-aligned date or place moved up from a bullet line to its entry; "" for the body
    in_table: bool = False
    bullet: bool = False  # a list item: a bullet glyph, a list style or a numbered item


@dataclass(slots=True)
class Layout:
    """Facts about the document's layout that matter for ATS parsing."""

    pages: int = 1
    columns: int = 1  # most text columns seen on one page
    column_pages: int = 0  # pages laid out in columns
    tables: int = 0
    table_cells_with_text: int = 0
    images: int = 0
    text_chars: int = 0
    header_footer_chars: int = 0  # DOCX header/footer text (often dropped by ATS)
    text_boxes: int = 0  # DOCX text boxes / shapes with text


@dataclass(slots=True)
class Link:
    """An address the file links to: a PDF link annotation's URI, a DOCX hyperlink's external
    target ("https://…", "mailto:…"). ``span`` is the text it is set on (the whole line when a PDF
    link covers only an icon), None when no text lies under it."""

    url: str
    span: Span | None = None


@dataclass(slots=True)
class ExtractedDocument:
    text: str
    format: DocFormat
    lines: list[Line]
    layout: Layout
    warnings: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)  # in reading order of their text, then the rest

    def line_text(self, line: Line) -> str:
        return self.text[line.start : line.end]


@dataclass(slots=True)
class Section:
    """A run of lines under one heading. ``kind`` is a canonical id from headings.json
    (``experience``, ``education``, ``skills``, …), ``header`` for the lines before the first
    heading, ``other`` for an unrecognised heading."""

    kind: str
    heading: str | None
    heading_span: Span | None
    first_line: int  # index into ExtractedDocument.lines of the first body line
    end_line: int  # exclusive
    start: int  # character offset of the body
    end: int


# --------------------------------------------------------------------------- JSON Resume


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid")
    evidence: dict[str, Span] = Field(default_factory=dict, exclude=True)


class Location(_Item):
    address: str | None = None
    postalCode: str | None = None
    city: str | None = None
    countryCode: str | None = None
    region: str | None = None


class Profile(_Item):
    network: str | None = None
    username: str | None = None
    url: str | None = None


class Basics(_Item):
    name: str | None = None
    label: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    summary: str | None = None
    location: Location | None = None
    profiles: list[Profile] = Field(default_factory=list)


class Work(_Item):
    name: str | None = None
    position: str | None = None
    location: str | None = None
    url: str | None = None
    startDate: str | None = None
    endDate: str | None = None
    summary: str | None = None
    highlights: list[str] = Field(default_factory=list)


class Education(_Item):
    institution: str | None = None
    url: str | None = None
    area: str | None = None
    studyType: str | None = None
    startDate: str | None = None
    endDate: str | None = None
    score: str | None = None
    courses: list[str] = Field(default_factory=list)


class Skill(_Item):
    name: str | None = None
    level: str | None = None
    keywords: list[str] = Field(default_factory=list)


class Certificate(_Item):
    name: str | None = None
    date: str | None = None
    issuer: str | None = None
    url: str | None = None


class Language(_Item):
    language: str | None = None
    fluency: str | None = None


class Project(_Item):
    name: str | None = None
    description: str | None = None
    highlights: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    startDate: str | None = None
    endDate: str | None = None
    url: str | None = None


class SkillMention(BaseModel):
    """A taxonomy skill found anywhere in the text (not only in the skills section)."""

    name: str  # canonical name
    category: str | None = None
    span: Span
    section: str  # kind of the section it was found in


class ResumeData(BaseModel):
    """A parsed resume. ``to_json_resume()`` gives exactly a JSON Resume v1 document; the
    ``evidence`` of every item maps a field name ("name", "startDate", "highlights.2") to the
    character span it was read from."""

    basics: Basics = Field(default_factory=Basics)
    work: list[Work] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)
    certificates: list[Certificate] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    skill_mentions: list[SkillMention] = Field(default_factory=list, exclude=True)

    def to_json_resume(self) -> dict[str, Any]:
        data = self.model_dump(mode="json", exclude_none=True)
        return _drop_empty(data)

    def evidence(self) -> dict[str, Span]:
        """Flat map of JSON pointer → span for every field that has evidence."""
        out: dict[str, Span] = {}

        def walk(prefix: str, item: _Item) -> None:
            for key, span in item.evidence.items():
                out[f"{prefix}/{key.replace('.', '/')}"] = span

        walk("/basics", self.basics)
        if self.basics.location:
            walk("/basics/location", self.basics.location)
        for i, p in enumerate(self.basics.profiles):
            walk(f"/basics/profiles/{i}", p)
        for name in ("work", "education", "skills", "certificates", "languages", "projects"):
            for i, item in enumerate(getattr(self, name)):
                walk(f"/{name}/{i}", item)
        return out


def _drop_empty(value: Any) -> Any:
    if isinstance(value, dict):
        cleaned = {k: _drop_empty(v) for k, v in value.items()}
        return {k: v for k, v in cleaned.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [v for v in (_drop_empty(v) for v in value) if v not in (None, "", [], {})]
    return value


# --------------------------------------------------------------------------- review

CheckStatus = Literal["passed", "partial", "failed"]
ScoreGroup = Literal["ats", "content", "formatting"]


class Check(BaseModel):
    """One named check. ``score`` is 0..1 (1 passed, 0 failed); the group score is the
    weighted mean of its checks' scores."""

    id: str
    group: ScoreGroup
    title: str
    status: CheckStatus
    score: float
    weight: float
    message: str
    evidence: list[str] = Field(default_factory=list)
    spans: list[Span] = Field(default_factory=list)
    suggestion: str | None = None


class Recommendation(BaseModel):
    priority: int  # 1 = most important
    check_id: str
    text: str
    impact: float  # points of overall score at stake


class Review(BaseModel):
    overall_score: int
    ats_score: int
    content_score: int
    formatting_score: int
    industry: str
    checks: list[Check]
    band: str = ""  # poor | fair | good | strong (see score.band)
    executive_summary: str
    strengths: list[str]
    weaknesses: list[str]
    recommendations: list[Recommendation]

    def to_report(self) -> dict[str, Any]:
        return {
            "overall_score": self.overall_score,
            "ats_score": self.ats_score,
            "content_score": self.content_score,
            "formatting_score": self.formatting_score,
            "industry": self.industry,
            "band": self.band,
            "checks": [c.model_dump(mode="json") for c in self.checks],
            "executive_summary": self.executive_summary,
            "strengths": self.strengths,
            "weaknesses": self.weaknesses,
            "recommendations": [r.model_dump(mode="json") for r in self.recommendations],
        }


@dataclass(slots=True)
class ParsedDocument:
    """Everything the parse stages produced for one file, input to scoring and matching."""

    document: ExtractedDocument
    sections: list[Section]
    resume: ResumeData
