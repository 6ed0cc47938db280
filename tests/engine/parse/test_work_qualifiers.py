"""A job title with its own qualifier: a subject in brackets, a team or department after a comma,
a place in brackets. The people and employers are invented."""

from __future__ import annotations

from resumeiq.engine import parse_resume


def _work(body: str):
    text = "Mara Quist\nmara.quist@example.com\n\nEXPERIENCE\n" + body
    return [(w.position, w.name, w.location) for w in parse_resume(text.encode(), filename="cv.txt").resume.work]


def test_a_bracketed_subject_stays_in_the_title():
    assert _work("Teaching Assistant (Compiler Design)\nWestbrook University | Jan 2020 - May 2021\n- Graded labs\n") == [
        ("Teaching Assistant (Compiler Design)", "Westbrook University", None)
    ]


def test_a_department_after_the_title_is_the_titles_when_the_employer_has_its_own_line():
    assert _work(
        "Offering Manager, Cloud Support Services\nHalvorsen Systems GmbH | Jun 2021 - Present\n- Owned the offering\n\n"
        "Intern, Radio Astronomy Lab\nKestrel Institute | Jun 2019 - Aug 2019\n- Calibrated antennas\n"
    ) == [
        ("Offering Manager, Cloud Support Services", "Halvorsen Systems GmbH", None),
        ("Intern, Radio Astronomy Lab", "Kestrel Institute", None),
    ]


def test_an_employer_after_the_title_stays_the_employer():
    assert _work("Data Analyst, Pelican Freight Inc\nJun 2021 - Present\n- Built the weekly report\n") == [
        ("Data Analyst", "Pelican Freight Inc", None)
    ]


def test_a_place_in_brackets_is_the_location():
    assert _work("Product Manager (Houston, TX)\nPelican Freight Inc | 2019 - 2021\n- Ran pricing\n") == [
        ("Product Manager", "Pelican Freight Inc", "Houston, TX")
    ]


def test_an_acronym_and_the_name_it_stands_for_are_one_employer():
    assert _work(
        "Teaching Assistant\tJanuary, 2024 - Continue\nKIET - Karachi Institute of Economics and Technology\tKarachi, Pakistan\n- Ran labs\n"
    ) == [("Teaching Assistant", "KIET - Karachi Institute of Economics and Technology", "Karachi, Pakistan")]


def test_continue_as_the_end_of_a_range_means_current():
    work = parse_resume(
        b"Mara Quist\nmara@example.com\n\nEXPERIENCE\nTeaching Assistant\tJanuary, 2024 - Continue\nWestbrook University\n- Ran labs\n",
        filename="cv.txt",
    ).resume.work
    assert [(w.name, w.startDate, w.endDate) for w in work] == [("Westbrook University", "2024-01", None)]
