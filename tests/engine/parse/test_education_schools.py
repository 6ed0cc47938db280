"""Where the school of a degree is written: after French "à l’", by its initials set apart on the
degree's line, as a heading over several degrees; and French degree words that are degrees only
in an education section. Inputs are invented."""

from __future__ import annotations

import io

import pytest

from resumeiq.engine import parse_resume
from resumeiq.engine.parse.education import find_degree, section_degree


def _schools(body: str, heading: str = "EDUCATION"):
    parsed = parse_resume(f"Maelle Quintrec\nmaelle@example.org\n\n{heading}\n{body}".encode(), filename="resume.txt")
    return [(e.studyType, e.area, e.institution, e.startDate, e.endDate) for e in parsed.resume.education]


def test_french_a_before_a_school_named_by_initials():
    assert _schools(
        "2019-2021 : Master ingénierie logicielle à l’ISTRAV\n2016-2019 : Licence de chimie à l'UPVQ\n",
        heading="FORMATION",
    ) == [
        ("Master", "ingénierie logicielle", "ISTRAV", "2019", "2021"),
        ("Licence", "de chimie", "UPVQ", "2016", "2019"),
    ]


def test_french_au_before_a_named_school():
    [(degree, area, school, _s, _e)] = _schools("2015 : Licence musicologie au Conservatoire de Brellac\n", heading="FORMATION SUIVIE")
    assert (degree, area, school) == ("Licence", "musicologie", "Conservatoire de Brellac")


def test_initials_set_apart_after_the_field_are_the_school():
    assert _schools("BSc Hons Marine Robotics - KWMU - 2009-2012\n") == [
        ("BSc Hons", "Marine Robotics", "KWMU", "2009", "2012")
    ]


def test_initials_without_a_field_before_them_are_no_school():
    # "B.Tech - CSE": the initials name the branch, not the school.
    [(degree, _area, school, _s, _e)] = _schools("B.Tech - CSE - 2014-2018\n")
    assert degree == "B.Tech" and school is None


def test_initials_before_a_city_the_places_data_does_not_know():
    [(degree, area, school, start, end)] = _schools("2012—2015\nBachelor Chimie physique, UKVL, Tervenne\n")
    assert (degree, area, school) == ("Bachelor", "Chimie physique", "UKVL")


def test_licence_is_a_degree_only_where_an_education_entry_starts():
    assert section_degree("2016 : Licence de chimie", 0, 24)[0] == "Licence"
    assert section_degree("Classe préparatoire, Lycée Orvenne", 0, 34)[3] == "other"
    assert section_degree("Holder of a full driving licence", 0, 32) is None
    assert find_degree("A valid driving licence is required", 0, 35) is None


def _indented_pdf(rows: list[tuple[float, str]]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    pdf.setFont("Helvetica", 10)
    y = 800
    for x, line in [(50, "Maelle Quintrec"), (50, "maelle@example.org"), (50, ""), (50, "EDUCATION"), *rows, (50, ""), (50, "SKILLS"), (50, "Geodesy")]:
        pdf.drawString(x, y, line)
        y -= 15
    pdf.save()
    return buf.getvalue()


@pytest.mark.parametrize("indent", [4, 12])
def test_degrees_listed_under_their_school(indent):
    rows = [
        (50, "Corran Institute of Technology, Halden Bay"),
        (50 + indent, "Ph.D. in Ocean Acoustics    Sep 2015 - Jun 2019"),
        (50 + indent, "M.B.A.    Sep 2013 - Jun 2014"),
        (50 + indent, "M.S. in Ocean Acoustics    Sep 2011 - Jun 2013"),
        (50, "Westmarch College, Lindow"),
        (50 + indent, "B.S. in Physics    Sep 2007 - Jun 2011"),
    ]
    parsed = parse_resume(_indented_pdf(rows), filename="resume.pdf")
    got = [(e.studyType, e.institution) for e in parsed.resume.education]
    assert got == [
        ("Ph.D.", "Corran Institute of Technology"),
        ("M.B.A.", "Corran Institute of Technology"),
        ("M.S.", "Corran Institute of Technology"),
        ("B.S.", "Westmarch College"),
    ]


def test_degrees_not_set_under_a_school_keep_their_own():
    # Without indentation, a degree after a finished entry is not given the school above.
    assert [(d, s) for d, _a, s, _b, _e in _schools(
        "Corran Institute of Technology\nPh.D. in Ocean Acoustics\t2015 – 2019\nM.B.A.\t2013 – 2014\n"
    )] == [("Ph.D.", "Corran Institute of Technology"), ("M.B.A.", None)]


def test_a_school_level_is_the_degree_and_the_next_line_the_school():
    assert _schools("High School\nPennick Vidyalaya\n(2012-2014)\nSenior Secondary School Degree (Class 12)\nOrlen Public School\n") == [
        ("High School", None, "Pennick Vidyalaya", "2012", "2014"),
        ("Senior Secondary School", None, "Orlen Public School", None, None),
    ]


def test_a_school_level_in_brackets_beside_the_school():
    [(degree, _a, school, _s, end)] = _schools("Secondary (High School) from Dervy Lane School, Tomsk – 9.1 Marks (2016)\n")
    assert school == "Dervy Lane School" and end == "2016"


def test_hyphenated_degree_names_and_a_misspelt_university():
    assert _schools("Univeristy of Carlow Bay (2021-)\nB.Sc. Applied Optics\nHalsey Grammar College (2014-2021)\nA-Levels\n") == [
        ("B.Sc.", "Applied Optics", "Univeristy of Carlow Bay", "2021", None),
        ("A-Levels", None, "Halsey Grammar College", "2014", "2021"),
    ]


def test_the_degree_said_again_over_its_description_is_one_entry():
    body = (
        "Master's Degree in Tidal Engineering\nRavensholm University\t2020 - 2021\n"
        "\x88 Master's Degree in Tidal Engineering\nSkills: wave tanks, mooring design\n"
        "Bachelor's Degree in Harbour Surveying\nQuarry Hill University\t2015 - 2019\n"
    )
    assert [(d, s) for d, _a, s, _b, _e in _schools(body)] == [
        ("Master's Degree", "Ravensholm University"),
        ("Bachelor's Degree", "Quarry Hill University"),
    ]


def test_a_school_name_wrapped_in_a_narrow_sidebar_is_one_name():
    """A left sidebar set 150 pt wide under a longer e-mail line: its wrapped lines break at the
    list's own edge, not at the e-mail's, and are joined back."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    from resumeiq.engine import parse_resume

    def wrap(text: str, width: float = 150) -> list[str]:
        lines, line = [], ""
        for word in text.split():
            trial = f"{line} {word}".strip()
            if line and stringWidth(trial, "Helvetica", 10) > width:
                lines, line = [*lines, line], word
            else:
                line = trial
        return [*lines, line]

    side = [
        ("Helvetica-Bold", "CONTACT"),
        ("Helvetica", "marguerite.okonjo-whitfield@example.org"),
        ("Helvetica", "Leeds, United Kingdom"),
        ("Helvetica-Bold", "EDUCATION"),
        *[("Helvetica", t) for t in wrap("Northfield Institute of Marine Technology")],
        ("Helvetica", "MSc Naval Architecture"),
        ("Helvetica", "2014 - 2016"),
        *[("Helvetica", t) for t in wrap("Westmoor College of Applied Sciences")],
        ("Helvetica", "BSc Mechanical Engineering"),
        ("Helvetica", "2010 - 2014"),
    ]
    body = [
        ("Helvetica-Bold", "Marguerite Okonjo-Whitfield"),
        ("Helvetica-Bold", "EXPERIENCE"),
        ("Helvetica", "Hull Designer, Kestrel Yards Ltd, Leeds"),
        ("Helvetica", "2016-09 - Present"),
        ("Helvetica", "- Designed the hulls of four survey vessels and their stability calculations"),
    ]
    assert len(wrap("Northfield Institute of Marine Technology")) == 2  # the sidebar wrapped it
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for x, rows in ((40, side), (230, body)):
        y = A4[1] - 60
        for font, text in rows:
            c.setFont(font, 12 if font.endswith("Bold") and text.isupper() else 10)
            c.drawString(x, y, text)
            y -= 16 if text.isupper() else 13
    c.showPage()
    c.save()
    education = parse_resume(buf.getvalue(), filename="cv.pdf").resume.education
    assert [e.institution for e in education] == [
        "Northfield Institute of Marine Technology",
        "Westmoor College of Applied Sciences",
    ]
