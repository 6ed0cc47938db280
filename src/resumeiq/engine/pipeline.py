"""The whole pipeline for one file: extract → segment → parse (→ score)."""

from __future__ import annotations

from resumeiq.engine.extract import DEFAULT_LIMITS, ExtractLimits, extract_text
from resumeiq.engine.model import ExtractedDocument, ParsedDocument, Review
from resumeiq.engine.parse.resume import build_resume
from resumeiq.engine.parse.segment import segment_sections


def parse_document(doc: ExtractedDocument) -> ParsedDocument:
    """Segment and parse an extracted document."""
    sections = segment_sections(doc)
    resume = build_resume(doc, sections)
    return ParsedDocument(document=doc, sections=sections, resume=resume)


def parse_resume(
    data: bytes, *, filename: str | None = None, limits: ExtractLimits = DEFAULT_LIMITS
) -> ParsedDocument:
    """Bytes of a PDF/DOCX/TXT/MD file → ParsedDocument. Raises only ``EngineError`` subclasses."""
    return parse_document(extract_text(data, filename=filename, limits=limits))


def analyze_resume(
    data: bytes,
    *,
    industry: str = "general",
    filename: str | None = None,
    limits: ExtractLimits = DEFAULT_LIMITS,
) -> tuple[ParsedDocument, Review]:
    """Parse and review one file for a target industry (an id from ``list_industries``)."""
    from resumeiq.engine.score import score_resume  # parsing alone does not load the scoring rules

    parsed = parse_resume(data, filename=filename, limits=limits)
    return parsed, score_resume(parsed, industry=industry)
