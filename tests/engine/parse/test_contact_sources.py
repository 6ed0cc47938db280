"""Whose contact details: the candidate's come from the header and contact boxes, never from the
referees listed further down; e-mail addresses that PDF extraction wrapped or glued to their
neighbours are read back to the address (invented people)."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from resumeiq.engine import parse_resume

JOB = "\n\nEXPERIENCE\nData Analyst, Acme Corp\tJan 2019 – Present\n• Built dashboards in Tableau for 40 managers.\n"


def _parse(text: str):
    return parse_resume(text.encode(), filename="resume.txt")


def test_a_referee_in_a_references_section_is_not_the_candidate():
    basics = _parse(
        "Helena Brandt\nSenior Data Analyst"
        + JOB
        + "\nREFERENCES\nDr. Alan Whitcombe, Professor of Statistics\n"
        "alan.whitcombe@uni.example.edu | +1 (312) 555-0188 | linkedin.com/in/alanwhitcombe\n"
    ).resume.basics
    assert basics.name == "Helena Brandt"
    assert basics.email is None
    assert basics.phone is None
    assert basics.profiles == []


@pytest.mark.parametrize("label", ["Reference:", "Referees -", "Références :", "Referências:", "Referee"])
def test_a_referee_named_after_a_label_is_not_the_candidate(label):
    basics = _parse(
        "Helena Brandt" + JOB + "\nADDITIONAL INFORMATION\nDriving licence, happy to relocate.\n"
        f"{label} Dr. Alan Whitcombe, alan.whitcombe@uni.example.edu, +1 (312) 555-0188\n"
    ).resume.basics
    assert basics.email is None and basics.phone is None


def test_the_candidates_address_after_the_referees_is_found():
    parsed = _parse(
        "Helena Brandt" + JOB + "\nREFERENCES\nDr. Alan Whitcombe, alan.whitcombe@uni.example.edu\n"
        "\nINTERESTS\nRowing and chess. Write to helena.brandt@mail.example.org\n"
    )
    basics = parsed.resume.basics
    assert basics.email == "helena.brandt@mail.example.org"
    a, b = basics.evidence["email"]
    assert parsed.document.text[a:b] == "helena.brandt@mail.example.org"


def test_the_header_contact_wins_over_the_referees():
    basics = _parse(
        "Helena Brandt\nhelena.brandt@mail.example.org | (415) 555-0101"
        + JOB
        + "\nREFERENCES\nAlan Whitcombe, alan.whitcombe@uni.example.edu, (415) 555-0188\n"
    ).resume.basics
    assert basics.email == "helena.brandt@mail.example.org"
    assert basics.phone == "+1 415-555-0101"


def _pdf(items: list[tuple[float, float, str, str, float]]) -> bytes:
    """Strings drawn at (x, y from the top); an x of None continues the previous string with no gap."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    x_end = 0.0
    for x, y, text, font, size in items:
        x = x_end if x is None else x
        c.setFont(font, size)
        c.drawString(x, A4[1] - y, text)
        x_end = x + stringWidth(text, font, size)
    c.showPage()
    c.save()
    return buf.getvalue()


B, R = "Helvetica-Bold", "Helvetica"
BODY = [(40, 160, "EXPERIENCE", B, 12), (40, 180, "Data Analyst, Acme Corp   Jan 2019 - Present", R, 10)]


@pytest.mark.parametrize(
    "pieces, email",
    [
        (["jane.doherty@mail.com", "LinkedIn"], "jane.doherty@mail.com"),  # an icon link's label after it
        (["JANE.DOHERTY@MAIL.COM", "LinkedIn"], "JANE.DOHERTY@MAIL.COM"),
        (["jane.doherty@mail.io", "GitHub"], "jane.doherty@mail.io"),
        (["jane.doherty@mail.fr", "H"], "jane.doherty@mail.fr"),  # an icon font's letter after it
        (["Email", "jane.doherty@mail.com"], "jane.doherty@mail.com"),  # its label before it
        (["jane.doherty@mail.com", "0151 23456789"], "jane.doherty@mail.com"),
    ],
)
def test_an_address_glued_to_its_neighbour_in_a_pdf(pieces, email):
    first, second = pieces
    data = _pdf([(40, 60, "Jane Doherty", B, 20), (40, 90, first, R, 9), (None, 90, second, R, 9), *BODY])
    parsed = parse_resume(data)
    assert first + second in parsed.document.text  # the extractor glued them, as PDFs do
    basics = parsed.resume.basics
    assert basics.email == email
    a, b = basics.evidence["email"]
    assert parsed.document.text[a:b] == email


def test_an_address_wrapped_in_a_narrow_column():
    data = _pdf(
        [
            (40, 60, "RUTH OKAFOR", B, 20),
            (40, 90, "RUTH.OKAFOR@YAHOO.CO", R, 9),
            (40, 102, "M", R, 9),
            (40, 114, "MAAIKE.DEKKER@GMAI", R, 9),
            (40, 126, "L.COM", R, 9),
            *BODY,
        ]
    )
    basics = parse_resume(data).resume.basics
    assert basics.email == "RUTH.OKAFOR@YAHOO.COM"
    assert basics.url is None  # "M" or "L.COM" is no web site


@pytest.mark.parametrize(
    "header, email",
    [
        ("Maria Gonzalez\nmaria.g@mail.example.com\nMBA candidate", "maria.g@mail.example.com"),
        ("Maria Gonzalez\nmaria.g@gmai\nl.com", "maria.g@gmail.com"),
    ],
)
def test_the_next_line_continues_an_address_only_into_a_known_ending(header, email):
    assert _parse(header + JOB).resume.basics.email == email
