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


# --- month names in English, French, Spanish, German and Portuguese ---------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sept 2016 – Oct 2018", ("2016-09", "2018-10", False, False)),
        ("Sept. 2016 – Febr. 2018", ("2016-09", "2018-02", False, False)),
        ("fév. 2016 – juill. 2018", ("2016-02", "2018-07", False, False)),
        ("Septembre 2014 – Décembre 2016", ("2014-09", "2016-12", False, False)),
        ("junio de 2015 – diciembre de 2019", ("2015-06", "2019-12", False, False)),
        ("enero del 2019 - hoy", ("2019-01", None, True, False)),
        ("março de 2017 – atual", ("2017-03", None, True, False)),
        ("Okt. 2015 – Dez. 2017", ("2015-10", "2017-12", False, False)),
        ("set/2019 - out/2020", ("2019-09", "2020-10", False, False)),
        ("Oct 2015 - Set/2018", ("2015-10", "2018-09", False, False)),
    ],
)
def test_month_names_in_five_languages(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text", ["Out of 2019 budget", "set 2019 goals"])
def test_everyday_words_before_a_year_are_no_months(text):
    [found] = find_date_ranges(text)
    assert (found.start, found.single) == ("2019", True)


def test_months_joined_to_their_year_are_listed_once():
    from resumeiq.engine._data import load_json

    data = load_json("dates.json")
    names = {n for ns in data["months"].values() for n in ns}
    joined = [n for ns in data["months_joined"].values() for n in ns]
    assert joined and not names & set(joined) and all(n == n.lower() for n in joined)
    assert set(data["months_joined"]) <= set(data["months"])


# --- range separators and open ends -----------------------------------------------------------


@pytest.mark.parametrize(
    "dash",
    ["-", "--", "–", "—", "\u00ad", "\u2010", "\u2011", "\u2012", "\u2015", "\u2212", "~"],
    ids=["hyphen", "two-hyphens", "en", "em", "soft", "u2010", "u2011", "figure", "bar", "minus", "tilde"],
)
@pytest.mark.parametrize("space", ["", " "], ids=["tight", "spaced"])
def test_every_dash_separates_a_range(dash, space):
    assert _one(f"Jan 2019{space}{dash}{space}Mar 2021") == ("2019-01", "2021-03", False, False)
    assert _one(f"2016{space}{dash}{space}2018") == ("2016", "2018", False, False)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2019 to 2021", ("2019", "2021", False, False)),
        ("2019 until 2021", ("2019", "2021", False, False)),
        ("mai 2016 à juin 2018", ("2016-05", "2018-06", False, False)),
        ("du 2016 au 2018", ("2016", "2018", False, False)),
        ("2016 jusqu’à 2018", ("2016", "2018", False, False)),
        ("März 2016 bis Juni 2018", ("2016-03", "2018-06", False, False)),
        ("enero 2015 a marzo 2017", ("2015-01", "2017-03", False, False)),
        ("enero 2015 hasta marzo 2017", ("2015-01", "2017-03", False, False)),
        ("janeiro 2015 até março 2017", ("2015-01", "2017-03", False, False)),
        ("09/14 − 05/16", ("2014-09", "2016-05", False, False)),
    ],
)
def test_range_words_in_five_languages(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize(
    "word",
    ["present", "Current", "now", "today", "heute", "aujourd'hui", "aujourd’hui", "actualidad", "en la actualidad", "atual", "atualidade", "à présent"],
)
def test_open_ends_in_five_languages(word):
    assert _one(f"2019 – {word}") == ("2019", None, True, False)


@pytest.mark.parametrize("text", ["since 2019", "desde 2019", "seit 2019", "depuis 2019"])
def test_since_is_an_open_start(text):
    assert _one(text) == ("2019", None, True, False)


def test_from_with_an_end_is_a_closed_range():
    assert _one("from 2016 to 2018") == ("2016", "2018", False, False)
    parsed = parse_resume(
        "Tomas Varga\ntomas@example.com\n\nEXPERIENCE\nBuyer, Kessling Foods\tFrom Jan 2016 to Mar 2018\n• Cut costs 8%.\n".encode(),
        filename="resume.txt",
    )
    [job] = parsed.resume.work
    assert (job.startDate, job.endDate) == ("2016-01", "2018-03")


def test_a_word_that_is_no_end_leaves_a_single_date():
    assert _one("Jan 2019 – tomorrow") == ("2019-01", None, False, True)


# --- one year written for two months, two-digit end years -------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("May–August 2016", ("2016-05", "2016-08", False, False)),
        ("May to Aug 2016", ("2016-05", "2016-08", False, False)),
        ("mai – août 2016", ("2016-05", "2016-08", False, False)),
        ("Jan – Mar ’16", ("2016-01", "2016-03", False, False)),
        ("Nov – Feb 2016", ("2015-11", "2016-02", False, False)),  # a range runs forward
        ("2014–16", ("2014", "2016", False, False)),
        ("2014 - 16", ("2014", "2016", False, False)),
        ("1998–02", ("1998", "2002", False, False)),
        ("2019/20", ("2019", "2020", False, False)),
    ],
)
def test_one_year_for_both_ends(text, expected):
    assert _one(text) == expected
    [found] = find_date_ranges(text)
    assert found.span == (0, len(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Dec 2015 – Feb", ("2015-12", None, False, True)),  # no year for February is invented
        ("2014-06", ("2014-06", None, False, True)),  # a year and a month
        ("2011/12", ("2011-12", None, False, True)),
        ("you may – August 2016", ("2016-08", None, False, True)),
        ("hired in 2019 - 20 people", ("2019", None, False, True)),
    ],
)
def test_what_does_not_share_a_year(text, expected):
    assert _one(text) == expected


def test_day_after_a_year_is_no_two_digit_end_year():
    found = find_date_ranges("Spring term, 2017 - 24 June 2020")
    assert all(d.end != "2024" for d in found)


def test_summer_job_with_one_year():
    parsed = parse_resume(
        "Tomas Varga\ntomas@example.com\n\nEXPERIENCE\nResearch Intern, Quillmark Labs\tMay–August 2016\n• Ran 40 assays.\n"
        "Lab Assistant, Ferrow Institute\t2013–15\n• Kept stock.\n".encode(),
        filename="resume.txt",
    )
    assert [(w.startDate, w.endDate) for w in parsed.resume.work] == [("2016-05", "2016-08"), ("2013", "2015")]



# --- labels before a range --------------------------------------------------------------------


def _jobs(body: str) -> list[tuple]:
    parsed = parse_resume(f"Tomas Varga\ntomas@example.com\n\nEXPERIENCE\n{body}".encode(), filename="resume.txt")
    return [(w.position, w.name, w.startDate, w.endDate) for w in parsed.resume.work]


@pytest.mark.parametrize("label", ["Dates:", "Date:", "Period:", "Dates :", "Période :", "Zeitraum:", "Periodo:", "Dates of employment:"])
def test_labelled_dates_first_are_no_employer(label):
    body = (
        f"{label} Jan 2019 – Mar 2021\nData Engineer\nNorthwind Freight\n• Built 12 pipelines.\n\n"
        f"{label} Feb 2016 – Dec 2018\nAnalyst\nBluefin Grocers\n• Wrote weekly reports.\n"
    )
    assert _jobs(body) == [
        ("Data Engineer", "Northwind Freight", "2019-01", "2021-03"),
        ("Analyst", "Bluefin Grocers", "2016-02", "2018-12"),
    ]


def test_labelled_dates_beside_the_header():
    assert _jobs("Data Engineer | Northwind | Dates: 2019 – 2021\n• Built 12 pipelines.\n") == [
        ("Data Engineer", "Northwind", "2019", "2021")
    ]


def test_from_and_to_labels():
    assert _one("From: Jan 2019 To: Mar 2021") == ("2019-01", "2021-03", False, False)
    assert _jobs("Data Engineer\nNorthwind Freight\nFrom: Jan 2019 To: Mar 2021\n• Built 12 pipelines.\n") == [
        ("Data Engineer", "Northwind Freight", "2019-01", "2021-03")
    ]


def test_label_span_is_found_before_the_date():
    from resumeiq.engine.parse.dates import label_start

    text = "Analyst | Dates: 2019 – 2021"
    at = text.index("2019")
    assert text[label_start(text, 0, at) : at] == "Dates: "
    plain = "Acme Data 2019 – 2021"  # a name ending in a label word, without the colon, keeps it
    assert label_start(plain, 0, plain.index("2019")) == plain.index("2019")


def test_labelled_school_dates_are_no_institution():
    parsed = parse_resume(
        "Tomas Varga\ntomas.varga@example.net\n\nEDUCATION\nBachelor of Science in Chemistry\nDates Attended: 2012 – 2016\n".encode(),
        filename="resume.txt",
    )
    [ed] = parsed.resume.education
    assert (ed.institution, ed.studyType, ed.startDate, ed.endDate) == (None, "Bachelor of Science", "2012", "2016")


# --- days written with the month's name -------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("12 May 2016 – 3 Aug 2017", ("2016-05", "2017-08", False, False)),
        ("May 12, 2016 – Aug 3, 2017", ("2016-05", "2017-08", False, False)),
        ("(14 Novembre, 2016 - 2 Avril, 2018)", ("2016-11", "2018-04", False, False)),
        ("15. März 2018 – heute", ("2018-03", None, True, False)),
        ("1er mai 2016 - 30 juin 2018", ("2016-05", "2018-06", False, False)),
        ("2 de enero de 2015 – 31 de marzo de 2017", ("2015-01", "2017-03", False, False)),
    ],
)
def test_days_with_month_names(text, expected):
    assert _one(text) == expected
    [found] = find_date_ranges(text)
    assert text[found.span[0] : found.span[1]] == text.strip("()")


# --- dates stacked in a timeline column -------------------------------------------------------


def _schools(body: str) -> list[tuple]:
    parsed = parse_resume(f"Tomas Varga\ntomas@example.com\n\nEDUCATION\n{body}".encode(), filename="resume.txt")
    return [(e.institution, e.studyType, e.startDate, e.endDate) for e in parsed.resume.education]


@pytest.mark.parametrize("start, end", [("2014", "2016"), ("Sep 2014 –", "Jun 2016"), ("2014 -", "2016")])
def test_school_dates_stacked_over_two_lines_are_one_range(start, end):
    body = (
        f"{start}\n{end}\nNorthbrook University\nMaster of Science, Mechanical Engineering\n\n"
        "2010\n2014\nLakeside College\nBachelor of Science, Physics\n"
    )
    first, second = _schools(body)
    assert first[:2] == ("Northbrook University", "Master of Science")
    assert (first[2][:4], first[3][:4]) == ("2014", "2016")
    assert second == ("Lakeside College", "Bachelor of Science", "2010", "2014")


def test_school_dates_stacked_under_the_school():
    assert _schools("Northbrook University\nMaster of Science, Mechanical Engineering\n2014 –\n2016\n") == [
        ("Northbrook University", "Master of Science", "2014", "2016")
    ]


@pytest.mark.parametrize("middle", ["to", "–", "bis", "until"])
def test_dates_stacked_around_a_line_holding_only_the_separator(middle):
    assert _jobs(f"2019\n{middle}\n2021\nData Engineer\nNorthwind Freight\n• Built 12 pipelines.\n") == [
        ("Data Engineer", "Northwind Freight", "2019", "2021")
    ]
    assert _schools(f"Northbrook University\nMaster of Science, Physics\nJan 2014\n{middle}\nDec 2015\n") == [
        ("Northbrook University", "Master of Science", "2014-01", "2015-12")
    ]


def test_stacked_range_reports_the_lines_it_used():
    from resumeiq.engine.parse.dates import stacked_range

    text = "2019\nto\n2021\nAnalyst"
    [first] = find_date_ranges(text, 0, 4)
    lines = [(5, 7), (8, 12), (13, 20)]
    joined, used = stacked_range(text, first, lines)
    assert (joined.start, joined.end, used) == ("2019", "2021", 2)
    assert stacked_range(text, first, [(5, 7)]) is None  # no line after the "to"


def test_german_ab_before_a_start_date_is_an_open_range():
    [d] = find_date_ranges("Masterstudium Maschinenbau\tab März 2026")
    assert (d.start, d.end, d.current) == ("2026-03", None, True)


@pytest.mark.parametrize("text", ["Tarnwick College (2021-)", "Tarnwick College (Sep 2021 – )"])
def test_a_bracketed_range_left_open_is_ongoing(text):
    [d] = find_date_ranges(text)
    assert d.current and not d.single and d.end is None and d.start.startswith("2021")


@pytest.mark.parametrize("text", ["Tarnwick College (2021)", "2021 –"])
def test_a_year_alone_or_before_a_dash_at_the_end_is_no_open_range(text):
    # "2021 –" at a line's end may be a range continued on the next line: left to the stacking rule.
    [d] = find_date_ranges(text)
    assert d.single and not d.current
