"""Date forms beyond the common ones: two-digit years with an apostrophe, month names in more
languages, every dash and range word, one year written for two months, labels and dates stacked
over two lines. Inputs are invented."""

from __future__ import annotations

from datetime import date

import pytest

from resumeiq.engine import parse_resume
from resumeiq.engine.parse.dates import _year2, find_date_ranges


def _one(text: str) -> tuple:
    [found] = find_date_ranges(text)
    return found.start, found.end, found.current, found.single


# --- two-digit years with an apostrophe -------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sept ’17 – present", ("2017-09", None, True, False)),
        ("Mar '09 - Jun '11", ("2009-03", "2011-06", False, False)),
        ("’15–’18", ("2015", "2018", False, False)),
        ("'15 - '18", ("2015", "2018", False, False)),
        ("Jan ‘19 – Dec ‘20", ("2019-01", "2020-12", False, False)),
        ("Aug ’89 – Feb ’94", ("1989-08", "1994-02", False, False)),
        ("’12 – Present", ("2012", None, True, False)),
    ],
)
def test_two_digit_years_with_an_apostrophe(text, expected):
    assert _one(text) == expected


def test_apostrophe_year_range_spans_the_whole_range():
    text = "Designer, Pellworth Studio  ’15–’18"
    [found] = find_date_ranges(text)
    assert text[found.span[0] : found.span[1]] == "’15–’18"


@pytest.mark.parametrize("text", ["the ’90s", "Class of ’15 reunion", "rock ’n’ roll"])
def test_lone_apostrophe_years_are_no_dates(text):
    assert find_date_ranges(text) == []


def test_two_digit_years_pivot_on_today():
    today = date(2026, 3, 1)
    assert _year2("17", today) == 2017
    assert _year2("31", today) == 2031  # a planned end of studies a few years ahead
    assert _year2("89", today) == 1989
    assert _year2("32", today) is None  # 1932: earlier than any resume date the rules read
    assert _year2("05", date(2003, 1, 1)) == 2005
    assert _year2("17", date(2005, 1, 1)) is None  # 1917, not a 2017 twelve years ahead


def test_work_dates_with_apostrophe_years():
    parsed = parse_resume(
        "Tomas Varga\ntomas@example.com\n\nEXPERIENCE\nField Engineer, Holmgard Energy\tSept ’17 – present\n"
        "• Commissioned 14 wind turbines.\nTechnician, Brightwater Utilities\tMar '09 - Jun '11\n• Serviced pumps.\n".encode(),
        filename="resume.txt",
    )
    assert [(w.name, w.startDate, w.endDate) for w in parsed.resume.work] == [
        ("Holmgard Energy", "2017-09", None),
        ("Brightwater Utilities", "2009-03", "2011-06"),
    ]
