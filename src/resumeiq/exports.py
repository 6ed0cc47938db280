"""Ranked candidates as a recruiter opens them: CSV and XLSX with the same columns, named for
people, and no cell a spreadsheet would run as a formula.

Used by the screening export (API and web) and ``resumeiq rank --csv/--xlsx``; it knows nothing
of the database, so the command line can use it without the service.

Formula injection (OWASP "CSV injection"): a text cell starting with ``=``, ``+``, ``-`` or ``@``
(or a tab or carriage return, which some spreadsheets strip before looking) is run as a formula. In
CSV such a cell gets a leading ``'``; in XLSX it is written as a string cell with the "quote prefix"
style, so it shows as typed and stays text even when edited. Numbers (rank, score, years) are
written as numbers.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Header, and whether the column names or reaches the person (left out of a blind export).
COLUMNS: tuple[tuple[str, bool], ...] = (
    ("Rank", False),
    ("Name", False),
    ("E-mail", True),
    ("Phone", True),
    ("Location", True),
    ("Score", False),
    ("Category", False),
    ("Years of experience", False),
    ("Matched required", False),
    ("Related required", False),
    ("Missing required", False),
    ("Matched preferred", False),
    ("Explanation", False),
    ("File", True),
    ("Duplicate of", False),
    ("Error", False),
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SCORE_PREFIX = re.compile(r"^Scores \d+/100 \(\w+\) for .*?: ")
SHORT_EXPLANATION_CHARS = 240

Cell = str | int | float | None


@dataclass(slots=True)
class CandidateRow:
    """One ranked (or unranked: failed, duplicate, pending) candidate. ``name`` is the label in a
    blind export ("Candidate 3"); ``category`` the item's status when it has no category."""

    rank: int | None
    name: str
    score: float | int | None
    category: str | None
    years: float | None = None
    matched_required: list[str] = field(default_factory=list)
    related_required: list[str] = field(default_factory=list)
    missing_required: list[str] = field(default_factory=list)
    matched_preferred: list[str] = field(default_factory=list)
    explanation: str | None = None
    email: str | None = None
    phone: str | None = None
    location: str | None = None
    file: str | None = None
    duplicate_of: str | None = None
    error: str | None = None

    def cells(self, *, blind: bool) -> list[Cell]:
        values: dict[str, Cell] = {
            "Rank": self.rank,
            "Name": self.name,
            "E-mail": self.email,
            "Phone": self.phone,
            "Location": self.location,
            "Score": self.score,
            "Category": self.category,
            "Years of experience": round(self.years, 1) if self.years is not None else None,
            "Matched required": "; ".join(self.matched_required),
            "Related required": "; ".join(self.related_required),
            "Missing required": "; ".join(self.missing_required),
            "Matched preferred": "; ".join(self.matched_preferred),
            "Explanation": short_explanation(self.explanation),
            "File": self.file,
            "Duplicate of": self.duplicate_of,
            "Error": self.error,
        }
        return [values[name] for name in header(blind=blind)]


def header(*, blind: bool) -> list[str]:
    return [name for name, identifies in COLUMNS if not (blind and identifies)]


def short_explanation(text: str | None) -> str:
    """The explanation without the score and category it repeats, at most about 240 characters
    (cut after a whole clause)."""
    if not text:
        return ""
    short = _SCORE_PREFIX.sub("", text.strip())
    short = short[:1].upper() + short[1:]
    if len(short) <= SHORT_EXPLANATION_CHARS:
        return short
    cut = short.rfind("; ", 0, SHORT_EXPLANATION_CHARS)
    return (short[:cut] if cut > 0 else short[: SHORT_EXPLANATION_CHARS - 1]) + "…"


def neutralise(value: Cell) -> Cell:
    """A text cell that a spreadsheet would read as a formula, with a leading ``'``."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(columns: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
    """CSV text (RFC 4180: CRLF line ends), every risky text cell neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(c) for c in columns])
    for row in rows:
        writer.writerow(["" if c is None else neutralise(c) for c in row])
    return out.getvalue()


def to_xlsx(sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[Cell]]]]) -> bytes:
    """An XLSX workbook: one sheet per ``(title, columns, rows)``; text is always a string cell,
    never a formula, and one that starts like a formula has the quote-prefix style."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    for title, columns, rows in sheets:
        sheet = book.create_sheet(_sheet_title(title))
        bold = Font(bold=True)

        def cell(value: Cell, *, head: bool = False, sheet=sheet, bold=bold) -> WriteOnlyCell:  # noqa: ANN001
            out = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                out.data_type = "s"  # openpyxl would make "=…" a formula
                if value.startswith(_FORMULA_START):
                    out.quotePrefix = True
            if head:
                out.font = bold
            return out

        sheet.freeze_panes = "A2"
        sheet.append([cell(c, head=True) for c in columns])
        for row in rows:
            sheet.append([cell(_xlsx_text(c)) for c in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def _xlsx_text(value: Cell) -> Cell:
    # XML 1.0 has no control characters but tab, newline and carriage return.
    return _ILLEGAL_XML.sub("", value) if isinstance(value, str) else value


def _sheet_title(title: str) -> str:
    return (_SHEET_CHARS.sub(" ", title).strip() or "Sheet")[:31]
