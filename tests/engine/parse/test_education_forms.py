"""Degree lines beyond one line of "Degree in Field, School": the field on the next line, in
brackets, or followed by a grade; author initials that only look like degrees. Inputs are
invented."""

from __future__ import annotations

import pytest

from resumeiq.engine import parse_resume


def _schools(body: str, heading: str = "EDUCATION"):
    parsed = parse_resume(f"Tomas Varga\ntomas@example.com\n\n{heading}\n{body}".encode(), filename="resume.txt")
    return parsed.document.text, parsed.resume.education


def _row(ed) -> tuple:
    return (ed.institution, ed.studyType, ed.area, ed.score)


# --- degree and field over two lines ----------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Master of Science\nMechanical Engineering\nNorthbrook University\t2014 – 2016\n",
        "Northbrook University\t2014 – 2016\nMaster of Science\nMechanical Engineering\n",
        "Northbrook University, Master of Science\nMechanical Engineering\n2014 – 2016\n",
    ],
    ids=["degree-field-school", "school-degree-field", "school-and-degree"],
)
def test_field_on_the_line_under_the_degree(body):
    text, [ed] = _schools(body)
    assert _row(ed) == ("Northbrook University", "Master of Science", "Mechanical Engineering", None)
    a, b = ed.evidence["area"]
    assert text[a:b] == "Mechanical Engineering"


@pytest.mark.parametrize(
    "second",
    ["GPA: 3.6/4.0", "Thesis: Heat flow in thin films", "Minor in Economics", "Boston, MA", "Summa Cum Laude"],
)
def test_lines_under_a_degree_that_are_no_field(second):
    _, [ed] = _schools(f"Northbrook University\t2014 – 2016\nMaster of Science\n{second}\n")
    assert ed.area is None


def test_line_under_a_degree_without_a_school_is_not_taken_as_the_field():
    # "Master of Science" over "Carnegie Mellon" would name the school: with no school found, the
    # line under the degree is not read as the field.
    _, [ed] = _schools("Master of Science\nHollins Ridge\t2014 – 2016\n")
    assert ed.area is None


def test_next_entry_is_not_the_field():
    _, education = _schools(
        "Northbrook University\nMaster of Business Administration\t2019 – 2021\n"
        "Lakeside College\nBachelor of Science in Physics\t2014 – 2018\n"
    )
    assert [_row(e) for e in education] == [
        ("Northbrook University", "Master of Business Administration", None, None),
        ("Lakeside College", "Bachelor of Science", "Physics", None),
    ]


def test_degree_with_field_is_no_heading():
    _, education = _schools("Lakeside College\t2010 – 2014\nBachelor of Arts in History\n")
    assert [_row(e) for e in education] == [("Lakeside College", "Bachelor of Arts", "History", None)]


# --- field in brackets, grade attached ----------------------------------------------------------


@pytest.mark.parametrize(
    "line, degree, area, score",
    [
        ("B.Sc. (Computer Science), Northbrook University, 2012", "B.Sc.", "Computer Science", None),
        ("BSc (Hons) Economics, Northbrook University, 2012", "BSc (Hons)", "Economics", None),
        ("B.Sc. Computer Science; 3.7 GPA, Northbrook University, 2012", "B.Sc.", "Computer Science", "3.7 GPA"),
        ("B.Sc. Computer Science, GPA 3.7/4.0, Northbrook University, 2012", "B.Sc.", "Computer Science", "3.7/4.0 GPA"),
        ("Bachelor of Arts in History GPA 3.7, Northbrook University, 2012", "Bachelor of Arts", "History", "3.7 GPA"),
    ],
)
def test_field_in_brackets_or_with_a_grade(line, degree, area, score):
    text, [ed] = _schools(line + "\n")
    assert _row(ed) == ("Northbrook University", degree, area, score)
    a, b = ed.evidence["area"]
    assert text[a:b] == area


# --- author initials are no degrees -------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Lindqvist, A.M., Okafor, B.E. and Rao, C. (2019). Heat flow in thin films. J. Therm. Sci. 12, 3–9.",
        "Okafor B.E., Rao C., Lindqvist A.M. Cooling of wafers. Thermal Letters 4, 2018.",
        "Rao, C.; Okafor, B.E.; Varga, M.S. Grain growth in alloys.",
        "Okafor, B.E. (2021). A note on wafer cooling.",
        "Okafor, B.E. et al. Wafer cooling at scale.",
    ],
)
def test_author_initials_are_no_degrees(line):
    from resumeiq.engine.parse.education import find_degree

    assert find_degree(line, 0, len(line)) is None


@pytest.mark.parametrize(
    "line, surface",
    [
        ("B.E. in Civil Engineering, Northbrook University", "B.E."),
        ("B.S. Biology, M.S. Chemistry", "B.S."),
        ("Civil Engineering, B.E., Northbrook University", "B.E."),
    ],
)
def test_dotted_degrees_outside_name_lists_stay_degrees(line, surface):
    from resumeiq.engine.parse.education import find_degree

    found = find_degree(line, 0, len(line))
    assert found is not None and found[0] == surface


def test_publications_under_education_add_no_degree():
    _, education = _schools(
        "Northbrook University\nMaster of Science in Physics\t2014 – 2016\n"
        "Thesis published: Lindqvist, A.M., Okafor, B.E. and Varga, T. (2017). Heat flow in films.\n"
    )
    assert [_row(e) for e in education] == [("Northbrook University", "Master of Science", "Physics", None)]


@pytest.mark.parametrize(
    "line, degree, area, score",
    [
        ("B.Sc. with Honours in Marine Biology, Northbrook University", "B.Sc.", "Marine Biology", "with Honours"),
        ("B.Sc. with distinction, Northbrook University", "B.Sc.", None, "with distinction"),
        ("MBA Candidate, Northbrook University", "MBA", None, None),
    ],
)
def test_honours_or_status_before_the_field(line, degree, area, score):
    text, [ed] = _schools(line + "\n")
    assert _row(ed) == ("Northbrook University", degree, area, score)
    if area:
        assert text[slice(*ed.evidence["area"])] == area


@pytest.mark.parametrize("label", ["Place", "Year", "Board", "Percentage"])
def test_table_labels_under_a_degree_are_no_field(label):
    _, [ed] = _schools(f"Northbrook University\nMaster of Science\n{label}\n")
    assert ed.area is None


@pytest.mark.parametrize(
    "line, degree, area",
    [
        ("MBA Candidate; Major in Supply Chain Analytics, Northbrook University", "MBA", "Supply Chain Analytics"),
        ("Bachelor of Science, Major in Physics, Northbrook University", "Bachelor of Science", "Physics"),
    ],
)
def test_major_after_the_degree(line, degree, area):
    text, [ed] = _schools(line + "\n")
    assert (ed.institution, ed.studyType, ed.area) == ("Northbrook University", degree, area)
    assert text[slice(*ed.evidence["area"])] == area


# --- schools set side by side in a grid ---------------------------------------------------------


def _grid_pdf(rows: list[tuple[str, str]]) -> bytes:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    pdf.setFont("Helvetica", 10)
    y = 800
    for line in ("Orsolya Fenwick", "orsolya.fenwick@example.net", "", "EDUCATION"):
        pdf.drawString(50, y, line)
        y -= 16
    for left, right in rows:
        pdf.drawString(50, y, left)
        pdf.drawString(300, y, right)
        y -= 16
    pdf.drawString(50, y - 16, "SKILLS")
    pdf.drawString(50, y - 32, "Surveying, Hydrology")
    pdf.save()
    return buf.getvalue()


GRID = [
    ("Vellmar Institute of Technology", "Harrowgate University"),
    ("Aug 2016 - May 2018", "Oct 2011 - Jul 2015"),
    ("Master of Engineering - Hydrology", "Bachelor of Science - Geology"),
]


@pytest.mark.parametrize("order", ["school-dates-degree", "degree-school-dates"])
def test_schools_side_by_side_are_read_column_by_column(order):
    rows = GRID if order == "school-dates-degree" else [GRID[2], GRID[0], GRID[1]]
    parsed = parse_resume(_grid_pdf(rows), filename="resume.pdf")
    got = [(e.institution, e.studyType, e.area, e.startDate, e.endDate) for e in parsed.resume.education]
    assert got == [
        ("Vellmar Institute of Technology", "Master of Engineering", "Hydrology", "2016-08", "2018-05"),
        ("Harrowgate University", "Bachelor of Science", "Geology", "2011-10", "2015-07"),
    ]


def test_a_school_beside_its_dates_is_no_grid():
    # One entry per row, its cells of different kinds: read row by row as before.
    _, education = _schools(
        "Harrowgate University\tOct 2011 – Jul 2015\nBachelor of Science in Geology\tKestrel Bay\n"
        "Vellmar Institute of Technology\tAug 2016 – May 2018\nMaster of Engineering in Hydrology\tLorne\n"
    )
    assert [(e.institution, e.startDate) for e in education] == [
        ("Harrowgate University", "2011-10"),
        ("Vellmar Institute of Technology", "2016-08"),
    ]


@pytest.mark.parametrize(
    "labels",
    [("Degree", "Institution", "Year"), ("Qualification", "University", "Passing Year"), ("Course", "College", "Year of Passing")],
)
def test_labelled_entries_leave_their_labels_out(labels):
    degree, school, year = labels
    body = (
        f"{degree}: M.Eng., Manufacturing Engineering\n{school}: Ostmark University\n{year}: 2016\n\n"
        f"{degree}: Bachelor of Science, Physics\n{school}: Brookfield Polytechnic\n{year}: 2012\n"
    )
    _text, schools = _schools(body)
    assert [(ed.institution, ed.studyType, ed.area) for ed in schools] == [
        ("Ostmark University", "M.Eng.", "Manufacturing Engineering"),
        ("Brookfield Polytechnic", "Bachelor of Science", "Physics"),
    ]


@pytest.mark.parametrize(
    "body, degree, area",
    [
        ("University of Ostmark\nPhysics, B.Com\n2022\n", "B.Com", "Physics"),
        ("Ostmark University\nComputer Engineering (B.A.)\nAug 2020 – Aug 2024\n", "B.A.", "Computer Engineering"),
        ("Harlow College\nBusiness Analytics – B.E.\n2019\n", "B.E.", "Business Analytics"),
        ("Lenmoor School of Business\nBachelor of Science\n(Accounting)\n2021\n", "Bachelor of Science", "Accounting"),
    ],
)
def test_field_before_its_degree_or_in_brackets_under_it(body, degree, area):
    _text, schools = _schools(body)
    assert [(ed.studyType, ed.area) for ed in schools] == [(degree, area)]
