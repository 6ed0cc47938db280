"""Work entries written in German, French, Spanish and Portuguese, as PDFs drawn with reportlab.

O*NET knows English titles only; a German "Softwareentwickler" over "Nordlicht Robotik GmbH" must
still read as position and employer. The people and employers are invented.
"""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from resumeiq.engine import parse_resume
from resumeiq.engine.parse.titles import title_score

HEIGHT = A4[1]
R = "Helvetica"


def _pdf(rows: list[tuple[float, str, float]]) -> bytes:
    """One line per row (x, text, size), 14 pt apart; a tab-separated right part is drawn at x 420."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = 60.0
    for x, text, size in rows:
        left, _, right = text.partition("\t")
        c.setFont(R, size)
        c.drawString(x, HEIGHT - y, left)
        if right:
            c.drawString(420, HEIGHT - y, right)
        y += 24 if size > 11 else 14
    c.showPage()
    c.save()
    return buf.getvalue()


def _german_cv() -> bytes:
    return _pdf(
        [
            (240, "Jonas Feldkamp", 17),
            (57, "Kontakt:", 10.9),  # a known heading in the body's own type
            (57, "jonas.feldkamp@example.de", 10.9),
            (57, "Hafenstraße 3, 24103 Kiel", 10.9),
            (57, "Berufserfahrung", 12),
            (57, "Softwareentwickler\tMärz 2022 - Juni 2025", 10.9),
            (57, "Nordlicht Robotik GmbH", 10.9),
            (74, "• Steuerung der Greifarme in C++ neu geschrieben", 10.9),
            (74, "• Testabdeckung der Firmware auf 80 % erhöht", 10.9),
            (57, "Wissenschaftliche Mitarbeiterin\tApril 2019 - Februar 2022", 10.9),
            (57, "Fachhochschule Kiel", 10.9),
            (74, "• Simulation von Windparks", 10.9),
            (57, "Sprachen", 12),
            (57, "Deutsch, Englisch", 10.9),
        ]
    )


def test_a_short_line_in_body_type_is_not_a_heading_when_a_heading_shares_that_type():
    sections = parse_resume(_german_cv(), filename="lebenslauf.pdf").sections

    assert [s.heading for s in sections if s.heading] == ["Kontakt", "Berufserfahrung", "Sprachen"]


def test_german_titles_over_their_employers():
    work = parse_resume(_german_cv(), filename="lebenslauf.pdf").resume.work

    assert [(w.position, w.name, w.startDate, w.endDate) for w in work] == [
        ("Softwareentwickler", "Nordlicht Robotik GmbH", "2022-03", "2025-06"),
        ("Wissenschaftliche Mitarbeiterin", "Fachhochschule Kiel", "2019-04", "2022-02"),
    ]


@pytest.mark.parametrize(
    "title",
    [
        "Softwareingenieur",
        "Projektleiterin",
        "Werkstudent",
        "Développeur backend",
        "Ingénieure logiciel",
        "Chef de projet",
        "Desarrollador web",
        "Analista de sistemas",
        "Engenheira de dados",
        "Estagiário",
    ],
)
def test_titles_in_other_languages_score_as_titles(title):
    assert title_score(title) >= 0.5


@pytest.mark.parametrize(
    "text",
    ["Nordlicht Robotik GmbH", "Fachhochschule Kiel", "Informatik", "Wirtschaftsingenieurwesen", "Universidad de Sevilla"],
)
def test_organisations_and_fields_in_other_languages_do_not(text):
    assert title_score(text) < 0.35


def test_labelled_fields_in_portuguese_and_french():
    text = (
        "Lia Fontes\nlia.fontes@example.com.br\n\nEXPERIÊNCIA PROFISSIONAL\n"
        "Pitanga Sistemas\nCargo: Analista de dados\nPeríodo 02/2020 – 06/2023\nPrincipais atividades: relatórios semanais.\n\n"
        "Cabinet Morel\nPoste : Chargée de recrutement\nPériode 09/2017 – 01/2020\n"
    )
    work = parse_resume(text.encode(), filename="cv.txt").resume.work
    assert [(w.position, w.name, w.startDate, w.endDate) for w in work] == [
        ("Analista de dados", "Pitanga Sistemas", "2020-02", "2023-06"),
        ("Chargée de recrutement", "Cabinet Morel", "2017-09", "2020-01"),
    ]


def test_a_bracketed_date_before_title_at_employer():
    text = "Taras Melnyk\ntaras@example.com\n\nWORK EXPERIENCE\n[March 2022 - August 2023] Web Developer at Soniachna Fund\nBuilt the donation app.\n"
    work = parse_resume(text.encode(), filename="cv.txt").resume.work
    assert [(w.position, w.name, w.startDate, w.endDate) for w in work] == [("Web Developer", "Soniachna Fund", "2022-03", "2023-08")]


def _jobs(body: str) -> list[tuple]:
    parsed = parse_resume(f"Paul Varin\npaul.varin@example.org\n\nEXPÉRIENCE\n{body}".encode(), filename="cv.txt")
    return [(w.position, w.name, w.startDate, w.endDate) for w in parsed.resume.work]


@pytest.mark.parametrize(
    "line, title, employer",
    [
        ("Mars 2015 - Mai 2017 : Stage développeur chez Talvio Systèmes", "Stage développeur", "Talvio Systèmes"),
        ("Mars 2015 - Mai 2017 : Werkstudent bei Orvex Messtechnik GmbH", "Werkstudent", "Orvex Messtechnik GmbH"),
        ("Mars 2015 - Mai 2017 : Stage à l’ENSV (Lormont)", "Stage", "ENSV (Lormont)"),
        ("Mars 2015 - Mai 2017 : Apprentice iOS developer at Quillan Data (Kestrel)", "Apprentice iOS developer", "Quillan Data (Kestrel)"),
    ],
)
def test_title_joined_to_its_employer_by_at_in_several_languages(line, title, employer):
    # A long bulleted line after its dates and a colon is the entry's header, not an achievement.
    assert _jobs(f"• {line}\n   • Réalisation d'une application\n") == [(title, employer, "2015-03", "2017-05")]


def test_an_entry_dated_only_as_ongoing():
    assert _jobs("En cours : Ingénieur logiciel chez Norvane\n• Maintenance des outils\n") == [
        ("Ingénieur logiciel", "Norvane", None, None)
    ]


@pytest.mark.parametrize("word", ["Stage", "Praktikum", "Tirocinio", "Estágio", "Pasantía"])
def test_internships_in_other_languages_score_as_titles(word):
    assert title_score(f"{word} Informatik") >= 0.5 or title_score(word) >= 0.5


def test_a_long_header_of_title_employer_and_place_under_stacked_dates():
    # Nine words, but its commas set a title, an employer and a place apart: a header, not prose;
    # a note in brackets after the place ("(télétravail)") leaves the place a place.
    body = (
        "Sept. 2021—\nMars 2022\nStagiaire en recherche en statistique appliquée, Orvex Data Lab, Lyon\n"
        "• Étude de la robustesse des modèles\n"
        "2019—2021\nConsultant en énergie, Talvio Conseil, Bordeaux (télétravail)\n• Audits de bâtiments\n"
    )
    parsed = parse_resume(f"Paul Varin\npaul.varin@example.org\n\nEXPÉRIENCE\n{body}".encode(), filename="cv.txt")
    assert [(w.position, w.name, w.location, w.startDate) for w in parsed.resume.work] == [
        ("Stagiaire en recherche en statistique appliquée", "Orvex Data Lab", "Lyon", "2021-09"),
        ("Consultant en énergie", "Talvio Conseil", "Bordeaux (télétravail)", "2019"),
    ]
