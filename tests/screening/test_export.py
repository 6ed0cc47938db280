"""The CSV export quotes cells a spreadsheet would run as formulas."""

from __future__ import annotations

import csv
import io
import uuid

from resumeiq.screening.export import screening_csv
from resumeiq.screening.models import Screening, ScreeningItem


def test_formula_like_cells_are_quoted():
    screening = Screening(id=uuid.uuid4(), blind=False, total=1)
    item = ScreeningItem(
        id=uuid.uuid4(),
        position=1,
        filename='=HYPERLINK("http://x").txt',
        status="completed",
        score=80,
        category="selected",
        candidate_name="@SUM(A1:A9)",
        candidate_email="+1@example.com",
        details={"matched_required": [{"skill": "-Python"}]},
    )
    rows = list(csv.DictReader(io.StringIO(screening_csv(screening, [item], {item.id: 1}))))
    assert rows[0]["name"] == "'@SUM(A1:A9)" and rows[0]["candidate"] == "'@SUM(A1:A9)"
    assert rows[0]["filename"].startswith("'=") and rows[0]["email"] == "'+1@example.com"
    assert rows[0]["matched_required"] == "'-Python" and rows[0]["rank"] == "1"
