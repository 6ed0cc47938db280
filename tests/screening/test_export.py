"""The CSV export: its columns, ranks for completed items only, reasons for the others, no
identity in a blind screening, and cells a spreadsheet would run as formulas quoted."""

from __future__ import annotations

import csv
import io
import uuid

import pytest

from resumeiq.screening.export import screening_csv
from resumeiq.screening.models import Screening, ScreeningItem

IDENTITY = ["name", "email", "phone", "location", "filename"]


def item(position: int, status: str, **kw) -> ScreeningItem:
    kw.setdefault("filename", f"cv-{position}.pdf")
    return ScreeningItem(id=uuid.uuid4(), position=position, status=status, **kw)


def export(items: list[ScreeningItem], *, blind: bool = False) -> tuple[list[str], list[list[str]], str]:
    screening = Screening(id=uuid.uuid4(), blind=blind, total=len(items))
    positions = {i.id: i.position for i in items}
    text = screening_csv(screening, items, positions)
    header, *rows = list(csv.reader(io.StringIO(text)))
    return header, rows, text


def test_columns_ranks_and_reasons():
    best = item(
        2,
        "completed",
        score=91,
        category="selected",
        candidate_name="Mirela Dantas",
        candidate_email="mirela@example.com",
        candidate_phone="+351 912 345 678",
        candidate_location="Porto, Portugal",
        details={
            "matched_required": [{"skill": "Python", "status": "work"}, {"skill": "SQL", "status": "listed"}],
            "related_required": [{"skill": "Django", "status": "related", "related_to": "Flask"}],
            "missing_required": [{"skill": "Go"}, {"skill": "Rust"}],
        },
    )
    second = item(1, "completed", score=55, category="considered", candidate_name=None, details=None)
    copy = item(3, "duplicate", duplicate_of_id=best.id)
    broken = item(4, "failed", error="corrupt_file: The Word document is damaged.")
    header, rows, text = export([best, second, copy, broken])
    assert header == [
        "rank", "position", "candidate", "status", "score", "category", *IDENTITY,
        "matched_required", "related_required", "missing_required", "duplicate_of_position", "error", "item_id",
    ]  # fmt: skip
    assert rows[0] == [
        "1", "2", "Mirela Dantas", "completed", "91", "selected",
        "Mirela Dantas", "mirela@example.com", "'+351 912 345 678", "Porto, Portugal", "cv-2.pdf",
        "Python; SQL", "Django (related: Flask)", "Go; Rust", "", "", str(best.id),
    ]  # fmt: skip
    assert rows[1] == [
        "2", "1", "Candidate 1", "completed", "55", "considered",
        "", "", "", "", "cv-1.pdf", "", "", "", "", "", str(second.id),
    ]  # fmt: skip
    assert rows[2][:4] == ["", "3", "Candidate 3", "duplicate"] and rows[2][-3:-1] == ["2", ""]
    assert rows[3][:4] == ["", "4", "Candidate 4", "failed"]
    assert rows[3][-2] == "corrupt_file: The Word document is damaged."
    assert text.endswith("\r\n") and text.count("\r\n") == 5  # one line per row, CRLF (RFC 4180)


def test_results_stored_before_the_split_show_related_skills_as_related():
    # Results saved by earlier versions listed related skills among the matched ones.
    old = item(1, "completed", score=70, category="selected", details={
        "matched_required": [{"skill": "PyTorch", "status": "related", "related_to": "TensorFlow"},
                             {"skill": "Python", "status": "work"}],
        "missing_required": [],
    })
    header, rows, _ = export([old])
    row = dict(zip(header, rows[0], strict=True))
    assert row["matched_required"] == "Python"
    assert row["related_required"] == "PyTorch (related: TensorFlow)"


def test_a_blind_screening_has_no_identity_columns():
    named = item(
        1, "completed", score=80, category="selected", candidate_name="Mirela Dantas",
        candidate_email="mirela@example.com",
    )  # fmt: skip
    header, rows, text = export([named], blind=True)
    assert not set(IDENTITY) & set(header) and len(header) == 12
    assert rows[0][:3] == ["1", "1", "Candidate 1"]
    assert "Mirela" not in text and "mirela@" not in text and "cv-1.pdf" not in text


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_starting_like_a_formula_is_quoted(start):
    """A spreadsheet runs a cell starting with = + - @ as a formula; a leading tab or carriage
    return is stripped by some of them before they look, so those are quoted too (OWASP)."""
    payload = f'{start}HYPERLINK("http://evil.example","x")'
    risky = item(
        1, "completed", score=70, category="selected", candidate_name=payload, candidate_email=payload,
        candidate_phone=payload, candidate_location=payload, filename=payload,
        details={"matched_required": [{"skill": payload}], "missing_required": [{"skill": payload}]},
        error=payload,
    )  # fmt: skip
    header, rows, _ = export([risky])
    row = dict(zip(header, rows[0], strict=True))
    for column in ("candidate", *IDENTITY, "matched_required", "missing_required", "error"):
        assert row[column] == "'" + payload, column


def test_a_formula_character_later_in_a_cell_is_left_alone():
    plain = item(1, "completed", score=70, category="selected", candidate_name="Ana Sofia-Reis = @home\t+")
    header, rows, _ = export([plain])
    assert dict(zip(header, rows[0], strict=True))["name"] == "Ana Sofia-Reis = @home\t+"
