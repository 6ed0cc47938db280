"""Education: degree (studyType), field (area), institution, dates and grade."""

from __future__ import annotations

import pytest

from resumeiq.engine import parse_resume
from resumeiq.engine.parse.education import degree_level, find_degree

HEAD = "Maria Gonzalez\nmaria@example.com\n\nEDUCATION\n"


def _education(body: str):
    parsed = parse_resume((HEAD + body).encode(), filename="resume.txt")
    return parsed.document.text, parsed.resume.education


def _row(ed) -> tuple:
    return (ed.studyType, ed.area, ed.institution, ed.startDate, ed.endDate)


@pytest.mark.parametrize("fixture", ["resume_pdf_bytes", "resume_docx_bytes", "two_column_pdf_bytes"])
def test_education_of_built_files(request, fixture, person):
    parsed = parse_resume(request.getfixturevalue(fixture))
    s = person.school
    assert [_row(e) for e in parsed.resume.education] == [(s.study_type, s.area, s.institution, s.start, s.end)]
    ed = parsed.resume.education[0]
    a, b = ed.evidence["institution"]
    assert parsed.document.text[a:b] == s.institution


@pytest.mark.parametrize(
    "line, expected",
    [
        (
            "Bachelor of Science in Computer Science, Boston University\t2012 – 2016",
            ("Bachelor of Science", "Computer Science", "Boston University", "2012", "2016"),
        ),
        (
            "M.Sc. Data Science — University of Edinburgh\tSep 2017 – Aug 2018",
            ("M.Sc.", "Data Science", "University of Edinburgh", "2017-09", "2018-08"),
        ),
        ("MBA, Northwestern University\t2021", ("MBA", None, "Northwestern University", None, "2021")),
        (
            "Ph.D. in Chemistry, Imperial College London\t2015 – 2019",
            ("Ph.D.", "Chemistry", "Imperial College London", "2015", "2019"),
        ),
    ],
)
def test_degree_lines(line, expected):
    text, education = _education(line + "\n")
    assert [_row(e) for e in education] == [expected]
    ed = education[0]
    for key in ("studyType", "institution"):
        a, b = ed.evidence[key]
        assert text[a:b] == getattr(ed, key)


def test_two_line_entries_and_grades():
    _, education = _education(
        "Boston University\nBachelor of Science in Economics\t2012 – 2016\nGPA: 3.8/4.0\n\n"
        "Northwestern University\nMaster of Business Administration\t2019 – 2021\n"
    )
    assert [_row(e) for e in education] == [
        ("Bachelor of Science", "Economics", "Boston University", "2012", "2016"),
        ("Master of Business Administration", None, "Northwestern University", "2019", "2021"),
    ]
    assert education[0].score == "3.8/4.0 GPA"
    assert education[1].score is None


def test_honours_are_the_score():
    _, education = _education("B.A. in History, Yale University, 2014, magna cum laude\n")
    assert education[0].score == "magna cum laude"


def test_ongoing_studies_have_no_end_date():
    _, education = _education("Master of Science in Statistics, Columbia University\tSep 2023 – Present\n")
    assert (education[0].startDate, education[0].endDate) == ("2023-09", None)


def test_institution_with_at_in_its_name_is_kept_whole():
    _, education = _education("Bachelor of Science in Geology\nUniversity of Calder at Westbrook, 2008 – 2012\n")
    assert education[0].institution == "University of Calder at Westbrook"


def test_parenthesised_degree_abbreviation_is_not_the_area():
    _, education = _education("Master of Business Administration (MBA), Stanford University, 2014\n")
    assert education[0].studyType == "Master of Business Administration"
    assert education[0].area in (None, "MBA")


@pytest.mark.parametrize(
    "text, surface, level",
    [
        ("Bachelor of Arts in English", "Bachelor of Arts", "bachelor"),
        ("B.Tech in Mechanical Engineering", "B.Tech", "bachelor"),
        ("MSc Finance", "MSc", "master"),
        ("PhD, Physics", "PhD", "doctorate"),
    ],
)
def test_find_degree(text, surface, level):
    found = find_degree(text, 0, len(text))
    assert found is not None and (found[0], found[3]) == (surface, level)
    assert degree_level(surface) == level


@pytest.mark.parametrize("text", ["I can be reached by phone", "Worked as a barista", "ms word and ma office"])
def test_short_lowercase_words_are_not_degrees(text):
    assert find_degree(text, 0, len(text)) is None


def test_secondary_school_under_a_degree_is_listed_as_written():
    _, education = _education(
        "B.Tech in Civil Engineering, Eastfield Institute of Technology, 2013\n"
        "SSC, St. Agnes Convent High School, 2007\n"
        "A levels, Harlow Vale College, 2009\n"
    )
    assert [(e.studyType, e.institution, e.endDate) for e in education] == [
        ("B.Tech", "Eastfield Institute of Technology", "2013"),
        ("SSC", "St. Agnes Convent High School", "2007"),
        ("A levels", "Harlow Vale College", "2009"),
    ]


def test_secondary_school_alone_is_kept():
    _, education = _education("High School Diploma, Lincoln High School, 2015\n")
    assert [(e.studyType, e.institution) for e in education] == [("High School Diploma", "Lincoln High School")]


def test_degrees_at_the_top_without_a_heading():
    parsed = parse_resume(
        (
            "Master of Science in Reading Education\nMay 2009\nBramwell University, Richmond, Virginia\n"
            "Bachelor of Arts in Psychology\nHollins Ridge College, Norfolk, Virginia\n"
            "PROFESSIONAL EXPERIENCE\nReading Specialist, Fairhaven Middle School\t2010 – Present\n"
        ).encode(),
        filename="resume.txt",
    )
    assert [(e.studyType, e.area, e.institution) for e in parsed.resume.education] == [
        ("Master of Science", "Reading Education", "Bramwell University"),
        ("Bachelor of Arts", "Psychology", "Hollins Ridge College"),
    ]


@pytest.mark.parametrize("text", ["Harvard University, Cambridge, MA", "University of Maine, Orono, ME, 2012", "Boston, MA 02110"])
def test_state_codes_after_a_city_are_not_degrees(text):
    assert find_degree(text, 0, len(text)) is None


@pytest.mark.parametrize("text", ["MA, English", "MS in Computer Science", "Harvard University, MA in Economics"])
def test_degree_codes_elsewhere_are_degrees(text):
    assert find_degree(text, 0, len(text))[0] in ("MA", "MS")


@pytest.mark.parametrize("text, surface", [("Bsc", "Bsc"), ("Msc Physics", "Msc"), ("Phd in Chemistry", "Phd")])
def test_abbreviations_written_in_lower_case_after_the_capital(text, surface):
    assert find_degree(text, 0, len(text))[0] == surface


def test_possessive_degree_keeps_its_field():
    _, education = _education("Master's in Water Resources Engineering\nAshcombe University\nSeptember 2014 to February 2016\n")
    assert [(e.studyType, e.area, e.institution) for e in education] == [
        ("Master's", "Water Resources Engineering", "Ashcombe University")
    ]
