"""Schools' names as layouts write them: cut by the column between its first words (after the
degree and a dash) and the rest with the dates on the next line; written all in lower case.
The people and schools are invented."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from resumeiq.engine import parse_resume

B, R = "Helvetica-Bold", "Helvetica"


def _pdf_education(items) -> list[str | None]:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for x, y, text, font, size in [(60, 50, "Mara Quist", B, 18), (60, 70, "mara.quist@example.com", R, 9), (60, 100, "EDUCATION", B, 12), *items]:
        c.setFont(font, size)
        c.drawString(x, A4[1] - y, text)
    c.showPage()
    c.save()
    return [e.institution for e in parse_resume(buf.getvalue(), filename="cv.pdf").resume.education]


def test_a_schools_name_the_column_cut_is_read_whole():
    assert _pdf_education(
        [
            (60, 125, "Bachelor of Arts in Finance — Tullamore", B, 11),
            (60, 138, "State University (Sep 2017–Sep 2021)", R, 11),
            (60, 160, "High School Diploma — Ballycastle High", B, 11),
            (60, 173, "School (Sep 2015–Sep 2017)", R, 11),
        ]
    ) == ["Tullamore State University", "Ballycastle High School"]


def test_a_school_named_in_lower_case():
    work = parse_resume(
        "Mara Quist\nmara.quist@example.com\n\nEDUCATION\n"
        "Master of Business Administration - Finance — college of tullamore (2017)\n"
        "Bachelor of Commerce - Accounting — ballycastle school of business (2014)\n".encode(),
        filename="cv.txt",
    ).resume.education
    assert [e.institution for e in work] == ["college of tullamore", "ballycastle school of business"]


def test_a_lower_case_phrase_about_schooling_is_no_school():
    from resumeiq.engine.parse.education import is_institution

    assert not is_institution("their high school education")
    assert not is_institution("organised trips for the pupils of the school")
