"""Dates and date ranges as resumes write them → ``YYYY-MM`` / ``YYYY``.

"Aug 2024 - Current", "2023-07 to present", "02/2023 – Present", "(2020-04 to 2022-05)",
"Jan. 2019 – Mar. 2020", "2018 - 2020", "Summer 2019", "September 2017 onwards", "since 2015".
An ongoing range has ``end=None`` and ``current=True``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from resumeiq.engine._data import load_json


@dataclass(frozen=True, slots=True)
class DateRange:
    start: str | None  # "YYYY-MM" or "YYYY"
    end: str | None  # None when current (or unknown for a single date)
    current: bool
    span: tuple[int, int]  # in the text searched
    single: bool = False  # one date, not a range ("2019-05", "Dec 2024")


@cache
def _tables() -> tuple[dict[str, int], list[str], dict[str, int]]:
    data = load_json("dates.json")
    months = {name: int(num) for num, names in data["months"].items() for name in names}
    return months, data["present"], data["seasons"]


@cache
def _joined_months() -> dict[str, int]:
    """Month abbreviations that are everyday words too ("set", "out"): months only when joined
    to their year ("set/2019", "out-2020")."""
    data = load_json("dates.json")
    return {name: int(num) for num, names in data["months_joined"].items() for name in names}


_APOS = "['’‘`´]"  # before a two-digit year: straight, curly (either way), grave or acute
# Dashes between the two ends of a range: hyphen, soft hyphen, the Unicode hyphens and dashes
# U+2010–U+2015, minus, tilde and the full-width forms.
DASHES = "\u00ad\u2010\u2011\u2012\u2013\u2014\u2015\u2212~\uff0d\uff5e-"  # hyphen last: literal in a [class]
_DASH = f"[{DASHES}]"


def _alternation(words) -> str:
    """Regex alternation of phrases, longest first, spaces matching any run of spaces."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


@cache
def _separator() -> str:
    """The text between the two ends of a range: a dash, or a word of ``dates.json`` ("to",
    "until", "bis", "hasta", "até" …), alone or after a dash ("– to")."""
    words = _alternation(load_json("dates.json")["range_words"])
    # a word may carry a label's colon: "From: Jan 2019 To: Mar 2021"
    return rf"\s*(?:{_DASH}{{1,2}}(?:\s*(?:{words})(?![^\W\d_]))?|(?:{words})(?![^\W\d_]):?)\s*"


@cache
def _label_before() -> re.Pattern[str]:
    labels = _alternation(load_json("dates.json")["labels"])
    return re.compile(rf"(?<![^\W_])(?:{labels})\s*[:：]\s*$", re.IGNORECASE)


def label_start(text: str, start: int, at: int) -> int:
    """Where a label written with its colon just before the date at ``at`` begins ("Dates: ",
    "Période : ", "Dates of employment: "); ``at`` when there is none. ``start`` bounds the
    search (the start of the line)."""
    m = _label_before().search(text[max(start, at - 40) : at])
    return at - len(m.group(0)) if m else at


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    months, present, seasons = _tables()
    month_alt = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    season_alt = "|".join(seasons)
    present_alt = "|".join(sorted((re.escape(p) for p in present), key=len, reverse=True))
    joined_alt = "|".join(sorted((re.escape(m) for m in _joined_months()), key=len, reverse=True))
    year = r"(?:19[5-9]\d|20[0-4]\d)"
    one = (
        rf"(?:(?:[0-3]?\d(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?)?"  # a day first: 3 Aug 2017, 15. März 2018, 1er mai 2016
        rf"(?P<{{p}}mname>{month_alt})\.?(?:\s+[0-3]?\d(?:st|nd|rd|th)?(?=[\s,]))?,?"  # a day after: May 12, 2016
        rf"(?:\s+del?\s+|\s*|[-/](?={year}))"  # Aug 2024, Jan. 2019, Jan-2019, junio de 2015
        rf"(?:{_APOS}(?P<{{p}}yy>\d\d)(?!\d)|(?P<{{p}}y1>{year}))"  # Sep '21
        rf"|(?P<{{p}}jname>{joined_alt})\.?[-/](?P<{{p}}yj>{year})"  # set/2019, out.-2020
        rf"|(?P<{{p}}season>{season_alt})\s+(?P<{{p}}y2>{year})"  # Summer 2019
        rf"|(?P<{{p}}y3>{year})[-/.](?P<{{p}}m3>0?[1-9]|1[0-2])(?:[-/.]\d{{{{1,2}}}})?(?!\d)"  # 2023-07, 2020-01-15
        rf"|(?:\d{{{{1,2}}}}[/.])?(?P<{{p}}m4>0?[1-9]|1[0-2])[/.](?P<{{p}}y4>{year})"  # 02/2023, 15.02.2023
        rf"|(?P<{{p}}y5>{year})"  # 2017
        rf"|{_APOS}(?P<{{p}}yy6>\d\d)(?![\w'’]))"  # ’15 (only as part of a range)
    )
    start = one.format(p="s")
    end = one.format(p="e")
    sep = _separator()
    lead = _alternation(load_json("dates.json")["since_words"])
    # A run of two spaces or more between two dates is a dash lost in conversion ("2005  2009");
    # a slash also parts them ("Mar 2012/Now", "Apr 2014 / Oct 2016").
    rng = re.compile(
        rf"(?<![\w/.-])(?:(?:{lead}):?\s+)?{start}"
        rf"(?:(?:{sep}|[ \t]{{2,}}|\s*/\s*)(?:{end}|(?P<present>{present_alt}))(?![\w])|\s+(?P<onwards>onwards|to date|till date|present)(?![\w]))?(?![\w/%])",
        re.IGNORECASE,
    )
    since = re.compile(rf"^(?:{lead}):?\s", re.IGNORECASE)
    short = re.compile(  # "09/14 - Present", "05/13-08/14": month/two-digit year, only as a range
        rf"(?<![\d/.])(?P<m1>0?[1-9]|1[0-2])/(?P<y1>\d\d){sep}"
        rf"(?:(?P<m2>0?[1-9]|1[0-2])/(?P<y2>\d\d)|(?P<present>{present_alt}))(?![\w/])",
        re.IGNORECASE,
    )
    return rng, since, short


def _one(m: re.Match[str], p: str) -> str | None:
    months, _, seasons = _tables()
    g = m.groupdict()
    if g.get(f"{p}mname"):
        month = months[g[f"{p}mname"].lower()]
        if g.get(f"{p}yy"):
            year = _year2(g[f"{p}yy"])
            return None if year is None else f"{year}-{month:02d}"
        return f"{g[f'{p}y1']}-{month:02d}"
    if g.get(f"{p}jname"):
        return f"{g[f'{p}yj']}-{_joined_months()[g[f'{p}jname'].lower()]:02d}"
    if g.get(f"{p}season"):
        return f"{g[f'{p}y2']}-{seasons[g[f'{p}season'].lower()]:02d}"
    if g.get(f"{p}y3"):
        return f"{g[f'{p}y3']}-{int(g[f'{p}m3']):02d}"
    if g.get(f"{p}y4"):
        return f"{g[f'{p}y4']}-{int(g[f'{p}m4']):02d}"
    if g.get(f"{p}y5"):
        return g[f"{p}y5"]
    if g.get(f"{p}yy6"):
        year = _year2(g[f"{p}yy6"])
        return None if year is None else str(year)
    return None


@cache
def _glued() -> re.Pattern[str]:
    year = _YEAR
    return re.compile(rf"(?<![\w/.-])(?P<a>{year})(?P<b>{year}|present|current|now|date)(?![\w/%])", re.IGNORECASE)


_DIGIT = re.compile(r"\d")
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_YEARISH = re.compile(rf"{_YEAR}|{_APOS}\d\d")


@cache
def _shared_year() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Ranges that write one year for both ends: "May–August 2016" (the year after the second
    month) and "2014–16", "2019/20" (the end's century left out)."""
    months, _, _ = _tables()
    month_alt = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    sep = _separator()
    months_year = re.compile(
        rf"(?<![\w/.-])(?P<m0>{month_alt})\.?{sep}(?P<m1>{month_alt})\.?,?\s*"
        rf"(?:(?P<y>{_YEAR})|{_APOS}(?P<yy>\d\d)(?!\d))(?![\w/%])",
        re.IGNORECASE,
    )
    # Not before a word or a number: "in 2019 - 20 people", "2017 - 24 June 2020" are no such range.
    year_yy = re.compile(rf"(?<![\w/.-])(?P<y>{_YEAR})(?P<sep>{sep}|/)(?P<yy>\d\d)(?![\w/.%+-])(?![,.]?\s*[^\W_])")
    return months_year, year_yy


def _shared_year_ranges(text: str, start: int, stop: int) -> list[DateRange]:
    months, _, _ = _tables()
    months_year, year_yy = _shared_year()
    out: list[DateRange] = []
    for m in months_year.finditer(text, start, stop):
        m0, m1 = m.group("m0"), m.group("m1")
        if m0[:1].islower() and not m1[:1].islower():
            continue  # "you may – August 2016": a month is written like the other
        year = int(m.group("y")) if m.group("y") else _year2(m.group("yy"))
        if year is None:
            continue
        a, b = months[m0.lower()], months[m1.lower()]
        # A range runs forward: "Nov – Feb 2016" began in the year before.
        first = year if a <= b else year - 1
        out.append(DateRange(f"{first}-{a:02d}", f"{year}-{b:02d}", False, (m.start(), m.end())))
    for m in year_yy.finditer(text, start, stop):
        y, yy, sep = int(m.group("y")), int(m.group("yy")), m.group("sep")
        if sep in ("-", "/") and yy <= 12:
            continue  # "2014-06", "2011/12": a year and a month
        if sep == "/" and yy != (y + 1) % 100:
            continue  # only a school year is written "2019/20"
        end = y - y % 100 + yy
        if end <= y:
            end += 100  # "1998–02"
        if end - y > 20:
            continue
        out.append(DateRange(str(y), str(end), False, (m.start(), m.end())))
    return out


def find_date_ranges(text: str, start: int = 0, end: int | None = None) -> list[DateRange]:
    """All dates and date ranges in ``text[start:end]``, in order, spans relative to ``text``."""
    stop = len(text) if end is None else end
    if not _DIGIT.search(text, start, stop):
        return []  # every date has a digit (most lines searched have none)
    rng, since, short = _patterns()
    out: list[DateRange] = []
    for m in short.finditer(text, start, stop):
        y1, y2 = _year2(m.group("y1")), None if m.group("present") else _year2(m.group("y2"))
        if y1 is None or y2 is None and not m.group("present"):
            continue
        begin = f"{y1}-{int(m.group('m1')):02d}"
        finish = None if m.group("present") else f"{y2}-{int(m.group('m2')):02d}"
        out.append(DateRange(begin, finish, finish is None, (m.start(), m.end())))
    if out or not _YEARISH.search(text, start, stop):
        return out  # every other form holds a four-digit year or an apostrophe's two digits
    for m in _glued().finditer(text, start, stop):
        # "20132015", "2016present": a range whose dash was lost in conversion.
        a, b = m.group("a"), m.group("b")
        if b.isdigit() and not 0 <= int(b) - int(a) <= 45:
            continue
        current = not b.isdigit()
        out.append(DateRange(a, None if current else b, current, (m.start(), m.end())))
    out.extend(_shared_year_ranges(text, start, stop))
    glued = [d.span for d in out]
    for m in rng.finditer(text, start, stop):
        if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in glued):
            continue
        begin = _one(m, "s")
        if begin is None:
            continue
        finish = _one(m, "e")
        if finish is None and (m.group("eyy") or m.group("eyy6")):
            continue  # an end year the rules cannot place ("Jan 2019 – Mar ’40")
        # "since 2015" is ongoing; "from 2016 to 2018" is not
        current = bool(m.group("present") or m.group("onwards")) or finish is None and bool(since.match(m.group(0)))
        single = finish is None and not current
        open_end = re.match(rf"\s*[{DASHES}]\s*\)", text[m.end() : min(stop, m.end() + 8)]) if single else None
        if open_end:  # "(2019-)": a start, still going
            current, single = True, False
        if single and m.group("syy6"):
            continue  # a lone "’15" is no date: only "’15–’18" or "’15 – present" are
        if finish is not None and finish < begin:  # "2020 - 2018": read as written is impossible
            begin, finish = finish, begin
        span_end = m.end() + open_end.end() - 1 if open_end else m.end()
        out.append(DateRange(begin, finish, current, (m.start(), span_end), single))
    if glued:
        out.sort(key=lambda d: d.span)
    return out


@cache
def _between() -> re.Pattern[str]:
    words = _alternation(load_json("dates.json")["range_words"])
    return re.compile(rf"[\s{DASHES}]*(?:(?:{words})\s+)?", re.IGNORECASE)


@cache
def _lead_present() -> re.Pattern[str]:
    _, present, _ = _tables()
    # Words that also open other lines ("Date of birth", "Actual …") are left out.
    words = [p for p in present if p not in ("date", "dato", "nu", "actual", "heden", "hoy", "la fecha")]
    alt = "|".join(sorted((re.escape(p) for p in words), key=len, reverse=True))
    return re.compile(rf"(?:{alt})(?=\s*(?:$|[:,;)|{DASHES}]))", re.IGNORECASE)


def present_label(text: str, start: int, end: int) -> DateRange | None:
    """A line opened by a "present" word as its date ("En cours : Ingénieur chez Norvane",
    "Currently - Lead Analyst"): an ongoing entry whose start is not written."""
    at = start + len(text[start:end]) - len(text[start:end].lstrip())
    m = _lead_present().match(text, at, end)
    if m is None or not re.match(rf"\s*[:{DASHES}]\s*\w", text[m.end() : end]):
        return None
    return DateRange(None, None, True, (m.start(), m.end()))


def continued_range(text: str, first: DateRange, start: int, end: int) -> DateRange | None:
    """A range whose end stands at the start of the next line, ``text[start:end]``: "Mar 2014"
    over "current", "Dec 2013" over "Feb 2014" (a dash lost in conversion, or a date column
    printed on two lines). Only a single date that ends its line, followed by a single later
    date or a "present" word, joins; "2016" over "2014" (a list of years) does not."""
    if not first.single or text[first.span[1] : start].strip(f" \t\n,{DASHES}"):
        return None
    gap = _between().match(text, start, end)
    at = gap.end() if gap else start
    m = _lead_present().match(text, at, end)
    if m:
        return DateRange(first.start, None, True, (first.span[0], m.end()))
    nxt = find_date_ranges(text, at, end)
    if not nxt or nxt[0].span[0] != at or not nxt[0].single:
        return None
    second = nxt[0]
    if second.start is None or first.start is None:
        return None
    if month_index(second.start, default_month=12) < month_index(first.start):
        return None
    return DateRange(first.start, second.start, False, (first.span[0], second.span[1]))


@cache
def _connector_line() -> re.Pattern[str]:
    words = _alternation(load_json("dates.json")["range_words"])
    return re.compile(rf"[\s{DASHES}]*(?:(?:{words}):?)?[\s{DASHES}]*", re.IGNORECASE)


def stacked_range(text: str, first: DateRange, lines: list[tuple[int, int]]) -> tuple[DateRange, int] | None:
    """A range stacked in a column: ``first`` (a single date ending its line) and its end on the
    next of ``lines`` (spans of the lines that follow), or on the line after one holding only a
    dash or a range word ("2019" / "to" / "2021"). Returns the range and how many lines it used."""
    if not lines:
        return None
    joined = continued_range(text, first, lines[0][0], lines[0][1])
    if joined is not None:
        return joined, 1
    a, b = lines[0]
    if len(lines) > 1 and b > a and text[a:b].strip() and _connector_line().fullmatch(text, a, b):
        joined = continued_range(text, first, a, lines[1][1])
        if joined is not None:
            return joined, 2
    return None


def is_date_word(word: str) -> bool:
    """A month name or abbreviation, a season or a "present" word, in any language of dates.json."""
    months, present, seasons = _tables()
    w = word.lower().strip(".,")
    return w in months or w in seasons or w in present


# A two-digit year up to this many years ahead of today is of this century (a planned end of
# studies, "May ’28"); later ones are of the last ("’89" → 1989).
_YEARS_AHEAD = 5


def _year2(yy: str, today: date | None = None) -> int | None:
    """"17" → 2017, "89" → 1989, pivoting on today's year; None for a year before 1950 (the
    earliest year the rules read), which no resume date is."""
    year = 2000 + int(yy)
    if year > (today or date.today()).year + _YEARS_AHEAD:
        year -= 100
    return year if year >= 1950 else None


def month_index(value: str | None, *, default_month: int = 1) -> int | None:
    """"2024-08" → months since year 0 (for arithmetic); "2024" → January (or ``default_month``)."""
    if not value:
        return None
    year = int(value[:4])
    month = int(value[5:7]) if len(value) >= 7 else default_month
    return year * 12 + month - 1
