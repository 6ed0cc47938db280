"""The name on a header line that also carries a headline after a comma."""

from __future__ import annotations

import pytest

from resumeiq.engine import parse_resume

BODY = "\n\nEXPERIENCE\nData Analyst, Brookfield Tiles Ltd\tJan 2019 – Present\n• Built dashboards for 40 managers.\n"


@pytest.mark.parametrize(
    "line, name",
    [
        ("Nadia Petrova, Data Engineer", "Nadia Petrova"),
        ("Kwame Mensah Boateng, Enterprise Sales", "Kwame Mensah Boateng"),
        ("Lucía Ferrer, Head of Growth", "Lucía Ferrer"),
        ("Idris Okafor, HR Specialist", "Idris Okafor"),
    ],
)
def test_a_name_followed_by_a_comma_and_a_headline_is_the_name(line, name):
    parsed = parse_resume(f"{line}\nn.p@example.org\n{BODY}".encode(), filename="cv.txt")

    assert parsed.resume.basics.name == name


def test_a_comma_after_something_that_is_no_name_gives_no_name():
    parsed = parse_resume(f"Senior Data Engineer, Platform\nn.p@example.org\n{BODY}".encode(), filename="cv.txt")

    assert parsed.resume.basics.name is None


def test_a_town_before_its_region_on_the_address_line_is_no_name():
    parsed = parse_resume(f"Resume\n14 Orchard Row, Alder Springs, CA 90210\nn.p@example.org\n{BODY}".encode(), filename="cv.txt")
    assert parsed.resume.basics.name != "Alder Springs"
    parsed = parse_resume(f"Alder Springs, CA 90210\nn.p@example.org\n{BODY}".encode(), filename="cv.txt")
    assert parsed.resume.basics.name is None


def test_a_name_in_a_labelled_personal_data_table():
    text = (
        "ÉTAT CIVIL\nPrénom : Aïssatou\nNom : NDIAYE\nTel : 77 000 00 00\nE-mail : aissatou.ndiaye@example.sn\n\n"
        "EXPÉRIENCE PROFESSIONNELLE\n2021 - 2023 : Assistante comptable, Cabinet Fall\n"
    )
    basics = parse_resume(text.encode(), filename="cv.txt").resume.basics
    assert basics.name == "Aïssatou Ndiaye"
    assert basics.email == "aissatou.ndiaye@example.sn"


def test_a_family_then_given_label_beside_its_value_in_a_pdf_table():
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    h = A4[1]
    c.setFont("Helvetica-Bold", 14)
    c.drawString(57, h - 60, "Lebenslauf")
    c.drawString(57, h - 90, "Persönliche Daten")
    c.setFont("Helvetica", 10)
    for k, (label, value) in enumerate([("Name, Vorname:", "Brandtner, Helga"), ("Geburtsort:", "Wernigerode"), ("E-Mail:", "helga.b@example.de")]):
        c.drawString(57, h - 110 - 14 * k, label)
        c.drawString(234, h - 110 - 14 * k, value)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(57, h - 170, "Berufserfahrung")
    c.setFont("Helvetica", 10)
    c.drawString(57, h - 190, "Teamleiterin\t03/2019 - heute")
    c.showPage()
    c.save()
    basics = parse_resume(buf.getvalue(), filename="lebenslauf.pdf").resume.basics
    assert basics.name == "Helga Brandtner"


def test_a_name_set_large_over_two_lines():
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    h = A4[1]
    c.setFont("Helvetica-Bold", 34)
    c.drawString(56, h - 70, "RENATA SOUZA")
    c.setFont("Helvetica-Bold", 33)
    c.drawString(44, h - 108, "MOREIRA LIMA")
    c.setFont("Helvetica", 16)
    c.drawString(60, h - 140, "Desenvolvedora Backend")
    c.setFont("Helvetica", 11)
    c.drawString(60, h - 165, "renata.lima@example.com.br")
    c.setFont("Helvetica-Bold", 14)
    c.drawString(60, h - 200, "Experiência profissional")
    c.setFont("Helvetica", 11)
    c.drawString(60, h - 220, "Desenvolvedora Backend - Arvoredo Sistemas  03/2021 - 05/2024")
    c.showPage()
    c.save()
    basics = parse_resume(buf.getvalue(), filename="curriculo.pdf").resume.basics
    assert basics.name == "Renata Souza Moreira Lima"


@pytest.mark.parametrize(
    "first",
    ["Key Elements", "Online Applications", "Do Not Copy", "Career Objectives", "Excellent Python", "PO Box 4471", "Sr Java Developer"],
)
def test_a_line_of_ordinary_words_is_no_name(first):
    # Capitalised like a name, but every word is an ordinary word or a skill: the resume names nobody.
    parsed = parse_resume(f"{first}\nn.p@example.org\n{BODY}".encode(), filename="cv.txt")
    assert parsed.resume.basics.name is None


@pytest.mark.parametrize("name", ["Grace Hill", "Will Fairbanks", "Mark Long", "Ruby Walker", "Oyelaran Hall", "Oyelaran Hand", "Tamsin Cook"])
def test_names_made_of_words_that_are_also_ordinary_words(name):
    parsed = parse_resume(f"{name}\nn.p@example.org\n{BODY}".encode(), filename="cv.txt")
    assert parsed.resume.basics.name == name


@pytest.mark.parametrize("first", ["RESUME OF Orlaith Brennock", "Curriculum Vitae of Orlaith Brennock", "CV de Orlaith Brennock"])
def test_a_resume_of_prefix_before_the_name(first):
    parsed = parse_resume(f"{first}\nn.p@example.org\n{BODY}".encode(), filename="cv.txt")
    assert parsed.resume.basics.name == "Orlaith Brennock"


@pytest.mark.parametrize("first", ["Farm Hand", "Head Cook", "Orvex Engineer", "Deloitte Consultant"])
def test_a_title_headed_by_a_surname_like_word_is_no_name(first):
    parsed = parse_resume(f"{first}\nn.p@example.org\n{BODY}".encode(), filename="cv.txt")
    assert parsed.resume.basics.name != first
