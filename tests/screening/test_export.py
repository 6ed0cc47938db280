"""The screening export a recruiter opens: CSV and XLSX with the same columns, named for people;
ranks for completed items only, reasons for the others; no identity in a blind screening; and no
cell a spreadsheet would run as a formula (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io
import uuid
import zipfile

import pytest
from openpyxl import load_workbook

from resumeiq.exports import short_explanation
from resumeiq.screening.export import screening_csv, screening_xlsx
from resumeiq.screening.models import Screening, ScreeningItem

COLUMNS = [
    "Rank", "Name", "E-mail", "Phone", "Location", "Score", "Category", "Years of experience",
    "Matched required", "Related required", "Missing required", "Matched preferred", "Explanation",
    "File", "Duplicate of", "Error",
]  # fmt: skip
IDENTITY = ["E-mail", "Phone", "Location", "File"]
EXPLANATION = (
    "Scores 91/100 (selected) for Platform Engineer: shows 2 of 4 required skills (1 in work history); "
    "1 of 2 preferred; 6.4 years of relevant experience against 5 required."
)


def item(position: int, status: str, **kw) -> ScreeningItem:
    kw.setdefault("filename", f"cv-{position}.pdf")
    return ScreeningItem(id=uuid.uuid4(), position=position, status=status, **kw)


def screening(items: list[ScreeningItem], blind: bool = False) -> tuple[Screening, dict[uuid.UUID, int]]:
    return Screening(id=uuid.uuid4(), blind=blind, total=len(items)), {i.id: i.position for i in items}


def export_csv(items: list[ScreeningItem], *, blind: bool = False, **kw) -> tuple[list[str], list[list[str]], str]:
    s, positions = screening(items, blind)
    text = screening_csv(s, items, positions, **kw)
    header, *rows = list(csv.reader(io.StringIO(text)))
    return header, rows, text


def export_xlsx(items: list[ScreeningItem], *, blind: bool = False) -> tuple[bytes, list[list[object]]]:
    s, positions = screening(items, blind)
    data = screening_xlsx(s, items, positions)
    sheet = load_workbook(io.BytesIO(data)).active
    return data, [[c.value for c in row] for row in sheet.iter_rows()]


def sample() -> list[ScreeningItem]:
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
            "matched_preferred": [{"skill": "Terraform", "status": "listed"}],
            "experience": {"relevant_years": 6.42, "total_years": 8.0},
            "explanation": EXPLANATION,
        },
    )
    second = item(1, "completed", score=55, category="considered", candidate_name=None, details=None)
    copy = item(3, "duplicate", duplicate_of_id=best.id)
    broken = item(4, "failed", error="corrupt_file: The Word document is damaged.")
    return [best, second, copy, broken]


def test_csv_columns_are_named_for_people_with_ranks_and_reasons():
    header, rows, text = export_csv(sample())
    assert header == COLUMNS
    assert rows[0] == [
        "1", "Mirela Dantas", "mirela@example.com", "'+351 912 345 678", "Porto, Portugal", "91", "selected",
        "6.4", "Python; SQL", "Django (related: Flask)", "Go; Rust", "Terraform",
        "Shows 2 of 4 required skills (1 in work history); 1 of 2 preferred; 6.4 years of relevant "
        "experience against 5 required.",
        "cv-2.pdf", "", "",
    ]  # fmt: skip
    assert rows[1][:3] == ["2", "Candidate 1", ""] and rows[1][6] == "considered"
    duplicate = dict(zip(header, rows[2], strict=True))
    assert duplicate["Rank"] == "" and duplicate["Category"] == "duplicate"
    assert duplicate["Duplicate of"] == "Mirela Dantas (#1)"
    failed = dict(zip(header, rows[3], strict=True))
    assert failed["Rank"] == "" and failed["Category"] == "failed" and failed["Score"] == ""
    assert failed["Error"] == "corrupt_file: The Word document is damaged."
    assert text.endswith("\r\n") and text.count("\r\n") == 5  # one line per row, CRLF (RFC 4180)


def test_xlsx_has_the_same_columns_and_rows_with_numbers_as_numbers():
    items = sample()
    _, rows = export_xlsx(items)
    header, csv_rows, _ = export_csv(items)
    assert rows[0] == header
    best = dict(zip(header, rows[1], strict=True))
    assert best["Rank"] == 1 and best["Score"] == 91 and best["Years of experience"] == 6.4
    assert best["Name"] == "Mirela Dantas" and best["Phone"] == "+351 912 345 678"
    assert best["Matched required"] == "Python; SQL"
    for xlsx_row, csv_row in zip(rows[1:], csv_rows, strict=True):
        as_text = ["" if v is None else str(v) for v in xlsx_row]
        assert [v.removeprefix("'") for v in csv_row] == as_text


def test_a_category_export_keeps_the_ranks_of_the_whole_screening():
    header, rows, _ = export_csv(sample(), category="considered")
    assert [r[:2] for r in rows] == [["2", "Candidate 1"]]


def test_results_stored_before_the_split_show_related_skills_as_related():
    # Results saved by earlier versions listed related skills among the matched ones.
    old = item(1, "completed", score=70, category="selected", details={
        "matched_required": [{"skill": "PyTorch", "status": "related", "related_to": "TensorFlow"},
                             {"skill": "Python", "status": "work"}],
        "missing_required": [],
    })  # fmt: skip
    header, rows, _ = export_csv([old])
    row = dict(zip(header, rows[0], strict=True))
    assert row["Matched required"] == "Python"
    assert row["Related required"] == "PyTorch (related: TensorFlow)"


def test_a_blind_export_has_no_identity_columns():
    named = item(
        1, "completed", score=80, category="selected", candidate_name="Mirela Dantas",
        candidate_email="mirela@example.com",
    )  # fmt: skip
    header, rows, text = export_csv([named], blind=True)
    assert not set(IDENTITY) & set(header) and header == [c for c in COLUMNS if c not in IDENTITY]
    assert rows[0][:2] == ["1", "Candidate 1"]
    assert "Mirela" not in text and "mirela@" not in text and "cv-1.pdf" not in text
    data, _ = export_xlsx([named], blind=True)
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        xml = b"".join(book.read(n) for n in book.namelist())
    assert b"Mirela" not in xml and b"mirela@" not in xml and b"cv-1.pdf" not in xml


PAYLOAD = 'HYPERLINK("http://evil.example","x")'


def risky(start: str) -> ScreeningItem:
    payload = start + PAYLOAD
    return item(
        1, "completed", score=70, category="selected", candidate_name=payload, candidate_email=payload,
        candidate_phone=payload, candidate_location=payload, filename=payload, error=payload,
        details={"matched_required": [{"skill": payload}], "missing_required": [{"skill": payload}],
                 "matched_preferred": [{"skill": payload}], "explanation": payload},
    )  # fmt: skip


TEXT_COLUMNS = ["Name", *IDENTITY, "Matched required", "Missing required", "Matched preferred", "Explanation",
                "Error"]  # fmt: skip


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_csv_cell_starting_like_a_formula_is_quoted(start):
    """A spreadsheet runs a cell starting with = + - @ as a formula; a leading tab or carriage
    return is stripped by some of them before they look, so those are quoted too (OWASP)."""
    header, rows, _ = export_csv([risky(start)])
    row = dict(zip(header, rows[0], strict=True))
    for column in TEXT_COLUMNS:
        if column == "Explanation" and start in "\t\r":  # the explanation is stripped: no tab left
            assert row[column] == PAYLOAD
        else:
            assert row[column].startswith("'" + start), column


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_an_xlsx_cell_starting_like_a_formula_is_text_never_a_formula(start):
    data, rows = export_xlsx([risky(start)])
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
        styles = book.read("xl/styles.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet  # no formula element anywhere
    assert 'quotePrefix="1"' in styles  # kept as text even when the recruiter edits the cell
    cells = load_workbook(io.BytesIO(data)).active[2]
    values = dict(zip(rows[0], cells, strict=True))
    for column in TEXT_COLUMNS:
        cell = values[column]
        assert cell.data_type == "s" and cell.value == start + PAYLOAD and cell.quotePrefix, column


def test_a_formula_character_later_in_a_cell_is_left_alone():
    plain = item(1, "completed", score=70, category="selected", candidate_name="Ana Sofia-Reis = @home\t+")
    header, rows, _ = export_csv([plain])
    assert dict(zip(header, rows[0], strict=True))["Name"] == "Ana Sofia-Reis = @home\t+"


def test_a_short_explanation_leaves_out_the_score_and_stays_short():
    assert short_explanation(EXPLANATION).startswith("Shows 2 of 4 required skills")
    long = "Scores 40/100 (rejected) for Analyst: " + "; ".join(f"clause number {i}" for i in range(40))
    short = short_explanation(long)
    assert len(short) <= 241 and short.endswith("…") and "; clause" in short
    assert short_explanation(None) == ""
