"""resumeiq's pure analysis engine: bytes in, typed results out.

Pipeline: ``extract_text`` (bytes → ExtractedDocument) → ``segment_sections`` (→ Section list)
→ ``parse_document`` (→ ParsedDocument with ResumeData) → ``score_resume`` (→ Review).
No database, web, settings or network access; same input, same output.
"""

from resumeiq.engine.errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    EngineError,
    NoTextLayer,
    TooLarge,
    UnknownIndustry,
    UnsupportedFormat,
)
from resumeiq.engine.extract import ExtractLimits, extract_text
from resumeiq.engine.industries import IndustryProfile, get_industry, list_industries
from resumeiq.engine.model import (
    Check,
    ExtractedDocument,
    ParsedDocument,
    Recommendation,
    ResumeData,
    Review,
    Section,
)
from resumeiq.engine.pipeline import analyze_resume, parse_document, parse_resume
from resumeiq.engine.score import score_resume
from resumeiq.engine.segment import segment_sections

__all__ = [
    "Check",
    "CorruptFile",
    "EmptyFile",
    "EncryptedFile",
    "EngineError",
    "ExtractLimits",
    "ExtractedDocument",
    "IndustryProfile",
    "NoTextLayer",
    "ParsedDocument",
    "Recommendation",
    "ResumeData",
    "Review",
    "Section",
    "TooLarge",
    "UnknownIndustry",
    "UnsupportedFormat",
    "analyze_resume",
    "extract_text",
    "get_industry",
    "list_industries",
    "parse_document",
    "parse_resume",
    "score_resume",
    "segment_sections",
]
