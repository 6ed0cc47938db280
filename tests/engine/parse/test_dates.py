"""Dates as resumes write them → ``YYYY-MM`` / ``YYYY`` ranges with spans."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resumeiq.engine.parse.dates import find_date_ranges, month_index

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
FULL = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


@pytest.mark.parametrize(
    "text, start, end, current",
    [
        ("Aug 2024 - Current", "2024-08", None, True),
        ("2023-07 to present", "2023-07", None, True),
        ("02/2023 – Present", "2023-02", None, True),
        ("(2020-04 to 2022-05)", "2020-04", "2022-05", False),
        ("Jan. 2019 – Mar. 2020", "2019-01", "2020-03", False),
        ("2018 - 2020", "2018", "2020", False),
        ("September 2017 onwards", "2017-09", None, True),
        ("since 2015", "2015", None, True),
        ("09/14 - Present", "2014-09", None, True),
        ("05/13-08/14", "2013-05", "2014-08", False),
        ("Sep '21 – Jun '23", "2021-09", "2023-06", False),
        ("March 2021 to June 2022", "2021-03", "2022-06", False),
        ("2019–Present", "2019", None, True),
        ("1/2020 - 3/2021", "2020-01", "2021-03", False),
        ("Jan 2020 -- Now", "2020-01", None, True),
        ("(14 Juin, 2022 - ...)", "2022-06", None, True),  # an ellipsis leaves the end open
        ("Oct 2021 – …", "2021-10", None, True),
    ],
)
def test_ranges_as_resumes_write_them(text, start, end, current):
    [found] = find_date_ranges(text)
    assert (found.start, found.end, found.current, found.single) == (start, end, current, False)
    a, b = found.span
    assert text[a:b].strip("()") == text.strip("()")


@pytest.mark.parametrize(
    "text, value",
    [("Dec 2024", "2024-12"), ("Summer 2019", "2019-06"), ("15.02.2023", "2023-02"), ("2017", "2017")],
)
def test_single_dates(text, value):
    [found] = find_date_ranges(text)
    assert found.single and not found.current
    assert (found.start, found.end) == (value, None)


def test_reversed_range_is_put_in_order():
    [found] = find_date_ranges("2020 - 2018")
    assert (found.start, found.end) == ("2018", "2020")


def test_spans_index_the_searched_text_and_respect_bounds():
    text = "Senior Data Analyst, Acme Corp\tJan 2020 – Present\nData Analyst, Globex\tJun 2016 – Dec 2019"
    found = find_date_ranges(text)
    assert [text[a:b] for a, b in (d.span for d in found)] == ["Jan 2020 – Present", "Jun 2016 – Dec 2019"]
    second_line = text.index("\n") + 1
    [only] = find_date_ranges(text, second_line)
    assert only.start == "2016-06" and only.span[0] > second_line


@pytest.mark.parametrize(
    "text",
    [
        "Call (415) 555-0132 or +44 20 7946 0958",
        "Managed a budget of $2,500,000 across 14 projects",
        "ISO 9001 and ISO 27001 audits",
        "Room 1200, Building 7",
    ],
)
def test_numbers_that_are_not_dates(text):
    assert find_date_ranges(text) == []


def test_percentages_are_not_years():
    assert find_date_ranges("Grew online revenue 2000% in three years") == []


def test_month_index_orders_dates():
    assert month_index("2024-08") - month_index("2023-08") == 12
    assert month_index("2020") == month_index("2020-01")
    assert month_index("2020", default_month=12) == month_index("2020-12")
    assert month_index(None) is None


@settings(max_examples=80, deadline=None)
@given(
    y1=st.integers(1970, 2030),
    m1=st.integers(1, 12),
    months=st.integers(1, 120),
    style=st.sampled_from(["abbr", "full", "iso", "slash"]),
    dash=st.sampled_from([" - ", " – ", "–", " to ", " — "]),
)
def test_any_written_range_reads_back(y1, m1, months, style, dash):
    k = y1 * 12 + m1 - 1 + months
    y2, m2 = divmod(k, 12)
    m2 += 1

    def fmt(y: int, m: int) -> str:
        return {
            "abbr": f"{MONTHS[m - 1]} {y}",
            "full": f"{FULL[m - 1]} {y}",
            "iso": f"{y}-{m:02d}",
            "slash": f"{m:02d}/{y}",
        }[style]

    text = f"Data Analyst, Acme Corp\t{fmt(y1, m1)}{dash}{fmt(y2, m2)}"
    found = find_date_ranges(text)
    assert [(d.start, d.end, d.current) for d in found] == [(f"{y1}-{m1:02d}", f"{y2}-{m2:02d}", False)]


@settings(max_examples=40, deadline=None)
@given(y=st.integers(1970, 2040), m=st.integers(1, 12), word=st.sampled_from(["Present", "present", "Current", "Now"]))
def test_any_open_range_is_current(y, m, word):
    [found] = find_date_ranges(f"{MONTHS[m - 1]} {y} – {word}")
    assert (found.start, found.end, found.current) == (f"{y}-{m:02d}", None, True)


def _continued(first_line: str, second_line: str):
    from resumeiq.engine.parse.dates import continued_range

    text = f"{first_line}\n{second_line}"
    [first] = find_date_ranges(text, 0, len(first_line))
    return continued_range(text, first, len(first_line) + 1, len(text))


@pytest.mark.parametrize(
    "first, second, start, end, current",
    [
        ("Mar 2014", "current", "2014-03", None, True),
        ("Dec 2013", "Feb 2014", "2013-12", "2014-02", False),
        ("2005", "Present: Vehicle Technician", "2005", None, True),
        ("Sales Lead, Acme  2003", "- 2007", "2003", "2007", False),
        ("2019", "2019", "2019", "2019", False),
    ],
)
def test_range_continued_on_the_next_line(first, second, start, end, current):
    joined = _continued(first, second)
    assert (joined.start, joined.end, joined.current, joined.single) == (start, end, current, False)


@pytest.mark.parametrize(
    "first, second",
    [
        ("2016", "2014"),  # a list of years, newest first
        ("2010", "Feb 2007 - Nov 2012"),  # the next line holds a range of its own
        ("2015", "Date of birth: 1990"),
        ("2012 Winner, Chess Open", "Present in 3 clubs"),  # the date does not end its line
        ("Jan 2019", "Managed a team of 4"),
    ],
)
def test_lines_that_do_not_continue_a_range(first, second):
    assert _continued(first, second) is None


@pytest.mark.parametrize(
    "text, start, end, current",
    [("20132015", "2013", "2015", False), ("2016present", "2016", None, True), ("19992001 Analyst", "1999", "2001", False)],
)
def test_years_glued_together_are_a_range(text, start, end, current):
    found = find_date_ranges(text)[0]
    assert (found.start, found.end, found.current, found.single) == (start, end, current, False)


@pytest.mark.parametrize("text", ["20152013", "12345678", "19502010"])
def test_glued_digits_that_are_no_range(text):
    assert all(d.single for d in find_date_ranges(text))


@pytest.mark.parametrize(
    "text, start, end, current",
    [("Jan-2019 to Mar-2020", "2019-01", "2020-03", False), ("May/2016 - Present", "2016-05", None, True)],
)
def test_month_joined_to_its_year(text, start, end, current):
    [found] = find_date_ranges(text)
    assert (found.start, found.end, found.current) == (start, end, current)


def test_month_and_day_is_not_a_year():
    assert find_date_ranges("Jan-28") == []
