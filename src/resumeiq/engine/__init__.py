"""resumeiq's pure analysis engine: bytes in, typed results out.

Pipeline: ``extract_text`` (bytes → ExtractedDocument) → ``segment_sections`` (→ Section list)
→ ``parse_document`` (→ ParsedDocument with ResumeData) → ``score_resume`` (→ Review).
Jobs: ``parse_job`` (posting text → JobRequirements); ``match_resume_to_job`` (ParsedDocument × job →
MatchResult); ``rank_resumes`` (many resumes × jobs → ranked RankedResume lists).
No database, web, settings or network access; same input, same output.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Public name → module that defines it. Loaded on first use, so that importing the engine for
# extraction alone does not load the scoring data.
_EXPORTS = {
    "CorruptFile": "errors",
    "EmptyFile": "errors",
    "EncryptedFile": "errors",
    "EngineError": "errors",
    "NoTextLayer": "errors",
    "TooLarge": "errors",
    "UnknownIndustry": "errors",
    "UnsupportedFormat": "errors",
    "ExtractLimits": "extract",
    "extract_text": "extract",
    "IndustryProfile": "score.industries",
    "get_industry": "score.industries",
    "list_industries": "score.industries",
    "JobRequirements": "match.jobs",
    "parse_job": "match.jobs",
    "MatchResult": "match.results",
    "Thresholds": "match.results",
    "match_resume_to_job": "match.match",
    "Check": "model",
    "ExtractedDocument": "model",
    "ParsedDocument": "model",
    "Recommendation": "model",
    "ResumeData": "model",
    "Review": "model",
    "Section": "model",
    "analyze_resume": "pipeline",
    "parse_document": "pipeline",
    "parse_resume": "pipeline",
    "score_resume": "score",
    "RankedResume": "match.rank",
    "rank_resumes": "match.rank",
    "segment_sections": "parse.segment",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'resumeiq.engine' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"resumeiq.engine.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # pragma: no cover
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
    from resumeiq.engine.match.jobs import JobRequirements, parse_job
    from resumeiq.engine.match.match import match_resume_to_job
    from resumeiq.engine.match.rank import RankedResume, rank_resumes
    from resumeiq.engine.match.results import MatchResult, Thresholds
    from resumeiq.engine.model import (
        Check,
        ExtractedDocument,
        ParsedDocument,
        Recommendation,
        ResumeData,
        Review,
        Section,
    )
    from resumeiq.engine.parse.segment import segment_sections
    from resumeiq.engine.pipeline import analyze_resume, parse_document, parse_resume
    from resumeiq.engine.score import score_resume
    from resumeiq.engine.score.industries import IndustryProfile, get_industry, list_industries
