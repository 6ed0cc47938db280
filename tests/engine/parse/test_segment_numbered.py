"""Numbered section headings ("3. Employment History", "II) Education")."""

from __future__ import annotations

import pytest

from resumeiq.engine import extract_text, segment_sections
from resumeiq.engine.parse.segment import heading_kind


@pytest.mark.parametrize(
    ("heading", "kind"),
    [("3. Employment History", "experience"), ("II) Education", "education"), ("4. Academic Studies:", "education")],
)
def test_numbered_headings_are_known(heading, kind):
    assert heading_kind(heading) == kind


def test_numbered_headings_split_a_plain_text():
    text = (
        "CV Rosa Lindqvist\n"
        "1. Nationality: Swedish\n"
        "2. Academic Studies:\n"
        "Master of Laws\nUppsala University\n2004\n"
        "3. Employment History\n"
        "Since: March 2010 Until: Currently\n"
        "Company: Norrvik Energi AB\n"
        "Position: Senior Counsel\n"
    )
    doc = extract_text(text.encode(), filename="cv.txt")
    assert [s.kind for s in segment_sections(doc)] == ["header", "education", "experience"]


def test_a_numbered_line_of_a_list_is_no_heading():
    assert heading_kind("2. Led the 2019 audit") is None
