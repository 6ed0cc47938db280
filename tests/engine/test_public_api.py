"""The public API of ``resumeiq.engine`` is pinned: adding or removing a name is a deliberate change."""

from __future__ import annotations

import inspect

import pytest

import resumeiq.engine as engine

PUBLIC = [
    "Check",
    "CorruptFile",
    "EmptyFile",
    "EncryptedFile",
    "EngineError",
    "ExtractLimits",
    "ExtractedDocument",
    "IndustryProfile",
    "JobRequirements",
    "MatchResult",
    "NoTextLayer",
    "ParsedDocument",
    "RankedResume",
    "Recommendation",
    "ResumeData",
    "Review",
    "Section",
    "Thresholds",
    "TooLarge",
    "UnknownIndustry",
    "UnsupportedFormat",
    "analyze_resume",
    "extract_text",
    "get_industry",
    "list_industries",
    "match_resume_to_job",
    "parse_document",
    "parse_job",
    "parse_resume",
    "rank_resumes",
    "score_resume",
    "segment_sections",
]

ERRORS = {
    "EmptyFile": "empty_file",
    "CorruptFile": "corrupt_file",
    "EncryptedFile": "encrypted_file",
    "UnsupportedFormat": "unsupported_format",
    "TooLarge": "too_large",
    "NoTextLayer": "no_text_layer",
    "UnknownIndustry": "unknown_industry",
}


def test_all_is_pinned_and_sorted():
    assert engine.__all__ == PUBLIC
    assert sorted(dir(engine)) == PUBLIC


@pytest.mark.parametrize("name", PUBLIC)
def test_each_public_name_resolves(name):
    value = getattr(engine, name)
    assert value is not None
    assert inspect.isclass(value) or inspect.isfunction(value)
    assert value.__module__.startswith("resumeiq.engine")
    assert getattr(engine, name) is value  # cached after the first lookup


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'read_resume'"):
        engine.read_resume  # noqa: B018


@pytest.mark.parametrize("name, code", ERRORS.items())
def test_errors_form_one_tree_with_stable_codes(name, code):
    cls = getattr(engine, name)
    assert issubclass(cls, engine.EngineError)
    assert cls.code == code


def test_error_codes_are_unique():
    codes = [getattr(engine, name).code for name in ERRORS]
    assert len(set(codes)) == len(codes)
