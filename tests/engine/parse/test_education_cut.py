"""Education entries on layouts the rules were not built on: headings in Portuguese and spaced
letters, schools set like headings, entries cut over lines by a narrow column."""

from __future__ import annotations

import io

from resumeiq.engine import parse_resume

HEAD = "Ilse Marchetti\nilse.marchetti@example.org\n\n"


def _txt(body: str):
    return parse_resume((HEAD + body).encode(), filename="resume.txt").resume.education


def _rows(education) -> list[tuple]:
    return [(e.studyType, e.area, e.institution) for e in education]


def _pdf(rows: list[tuple[float, float, str, str, float]], *, width: float = 595) -> bytes:
    """One page: rows of (x, y from the top, text, font, size); a tab in the text sets the rest
    right-aligned at the page's right margin."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(width, 842))
    for x, y, text, font, size in rows:
        c.setFont(font, size)
        left, _, right = text.partition("\t")
        c.drawString(x, 842 - y, left)
        if right:
            c.drawRightString(width - 40, 842 - y, right)
    c.save()
    return buf.getvalue()


def test_portuguese_heading_and_spaced_letters_with_an_accented_tail():
    body = "FORMAÇÃO\nBachelor of Science in Marine Biology — Universidade Federal de Pelotas (2019)\n"
    assert _rows(_txt(body)) == [("Bachelor of Science", "Marine Biology", "Universidade Federal de Pelotas")]
    body = "E X P E R IÊNCIA\nAnalyst, Verdant Loop\t2020 – 2022\n\nE D U C A ÇÃO:\nMSc in Geology, Universidade de Tavira\t2018 – 2020\n"
    assert _rows(_txt(body)) == [("MSc", "Geology", "Universidade de Tavira")]
    body = "F O R M A C IÓN:\nMaster of Arts in History — Universidad de Lorca (2015)\n"
    assert _rows(_txt(body)) == [("Master of Arts", "History", "Universidad de Lorca")]


def test_school_set_in_the_headings_type_is_an_entry_not_a_section():
    rows = [
        (40, 60, "Tomas Reyl", "Helvetica-Bold", 18),
        (40, 80, "tomas.reyl@example.org", "Helvetica", 10),
        (40, 120, "Experience", "Helvetica-Bold", 13),
        (40, 140, "Surveyor, Brantwick Maps\t2019 – 2023", "Helvetica", 10),
        (40, 180, "Education", "Helvetica-Bold", 13),
        (40, 200, "Harlow State University", "Helvetica-Bold", 13),
        (40, 216, "Master of Engineering in Geomatics", "Helvetica", 10),
        (40, 240, "Fenwick Polytechnic", "Helvetica-Bold", 13),
        (40, 256, "BSc in Surveying", "Helvetica", 10),
        (40, 290, "Skills", "Helvetica-Bold", 13),
        (40, 310, "GIS, AutoCAD", "Helvetica", 10),
    ]
    education = parse_resume(_pdf(rows)).resume.education
    assert _rows(education) == [
        ("Master of Engineering", "Geomatics", "Harlow State University"),
        ("BSc", "Surveying", "Fenwick Polytechnic"),
    ]
