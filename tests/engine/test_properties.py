"""Property-based tests: whatever the bytes, the engine answers with a result or a typed error.

Random bytes, and the built PDF, DOCX and TXT resumes damaged by truncation, bit flips and splices,
go through ``extract_text`` / ``parse_resume``; anything but an ``EngineError`` is a bug. Parsing is
deterministic and review scores are integers in 0..100. Examples are bounded so that the file runs
in seconds.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resumeiq.engine import EngineError, analyze_resume, extract_text, parse_resume, score_resume

COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}


@pytest.fixture(scope="session")
def samples(resume_pdf_bytes, two_column_pdf_bytes, resume_docx_bytes, resume_txt) -> dict[str, bytes]:
    return {
        "pdf": resume_pdf_bytes,
        "two_column_pdf": two_column_pdf_bytes,
        "docx": resume_docx_bytes,
        "txt": resume_txt.encode(),
    }


def _parse_or_typed_error(data: bytes, filename: str | None = None):
    """The parse result, or None for a typed refusal; any other exception fails the test."""
    try:
        return parse_resume(data, filename=filename)
    except EngineError as exc:
        assert exc.code and exc.code != "engine_error" and exc.message
        return None


@st.composite
def mutated(draw, base: bytes) -> bytes:
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["truncate", "flip", "splice", "delete", "duplicate"]))
        n = len(data)
        if n == 0:
            break
        i = draw(st.integers(0, n - 1))
        if kind == "truncate":
            del data[i:]
        elif kind == "flip":
            for k in draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=16)):
                data[k] ^= 1 << draw(st.integers(0, 7))
        elif kind == "splice":
            data[i:i] = draw(st.binary(min_size=1, max_size=64))
        elif kind == "delete":
            del data[i : i + draw(st.integers(1, 256))]
        else:  # a chunk of the file copied elsewhere (a badly merged download)
            j = draw(st.integers(0, n - 1))
            data[j:j] = data[i : i + draw(st.integers(1, 512))]
    return bytes(data)


@settings(max_examples=150, **COMMON)
@given(data=st.binary(max_size=2048), filename=st.sampled_from([None, "cv.pdf", "cv.docx", "cv.txt", "cv.md"]))
def test_random_bytes_give_a_result_or_a_typed_error(data, filename):
    _parse_or_typed_error(data, filename)


@settings(max_examples=60, **COMMON)
@given(head=st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"\x89PNG\r\n\x1a\n", b"\xef\xbb\xbf", b"\xff\xfe"]),
       tail=st.binary(max_size=1024))
def test_known_magic_with_garbage_gives_a_typed_error_or_text(head, tail):
    _parse_or_typed_error(head + tail)


@pytest.mark.parametrize("kind", ["pdf", "two_column_pdf", "docx", "txt"])
@settings(max_examples=70, **COMMON)
@given(data=st.data())
def test_damaged_files_give_a_result_or_a_typed_error(samples, kind, data):
    damaged = data.draw(mutated(samples[kind]), label="damaged")
    parsed = _parse_or_typed_error(damaged, filename=f"resume.{kind.split('_')[-1]}")
    if parsed is not None:
        # Whatever survived is still a coherent document: spans index the text.
        text = parsed.document.text
        for a, b in parsed.resume.evidence().values():
            assert 0 <= a <= b <= len(text)


@pytest.mark.parametrize("kind", ["pdf", "docx", "txt"])
@settings(max_examples=25, **COMMON)
@given(data=st.data())
def test_parse_and_review_are_deterministic(samples, kind, data):
    damaged = data.draw(mutated(samples[kind]), label="damaged")
    first = _parse_or_typed_error(damaged)
    if first is None:
        with pytest.raises(EngineError):
            extract_text(damaged)
        return
    second = parse_resume(damaged)
    assert first.document.text == second.document.text
    assert first.resume.model_dump() == second.resume.model_dump()
    assert first.resume.evidence() == second.resume.evidence()
    assert score_resume(first).to_report() == score_resume(second).to_report()


# --------------------------------------------------------------------------- generated resumes

HEADINGS = ["EXPERIENCE", "Work History", "EDUCATION", "Skills", "Projects", "Certifications", "Summary", "Languages"]
LINES = [
    "Senior Data Analyst, Acme Corp\tJan 2020 – Present",
    "Software Engineer at Initech LLC | 03/2016 - 08/2019",
    "B.S. in Statistics, University of Michigan\t2012 – 2016",
    "• Built a churn model in Python that cut attrition by 12%.",
    "• Led a team of 3 analysts across 4 markets.",
    "Python, SQL, Tableau, Power BI, Microsoft Excel",
    "maria.gonzalez@example.com | (415) 555-0132 | San Francisco, CA",
    "English (native), Spanish (fluent)",
    "I am a hard-working team player who is responsible for many things.",
    "AWS Certified Cloud Practitioner, Amazon Web Services\t2022",
    "",
]


@settings(max_examples=80, **COMMON)
@given(
    name=st.sampled_from(["Maria Gonzalez", "JOHN O'NEIL", "Wei Zhang", ""]),
    body=st.lists(st.one_of(st.sampled_from(HEADINGS), st.sampled_from(LINES), st.text(max_size=60)), max_size=30),
    industry=st.sampled_from(["general", "data_science", "software_engineering", "finance", "strategy_tech"]),
)
def test_scores_are_integers_between_0_and_100(name, body, industry):
    text = "\n".join([name, *body])
    try:
        _, review = analyze_resume(text.encode("utf-8", "surrogatepass"), industry=industry)
    except EngineError:
        return
    for score in (review.overall_score, review.ats_score, review.content_score, review.formatting_score):
        assert isinstance(score, int) and 0 <= score <= 100
    assert all(0 <= c.score <= 1 for c in review.checks)
