"""Education: degree (studyType), field (area), institution, dates and grade.

Degrees are recognised from ``data/degrees.json`` (full names case-insensitively; abbreviations
such as "B.S.", "BSc", "MBA" only in capitals, so that "be", "as" or "ma" in prose never match).
Institutions are pieces holding an institution word ("University", "College", "Institute" …).
Consecutive lines are one entry until a second degree or a second institution starts the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from resumeiq.engine._data import load_json
from resumeiq.engine.model import Education, ExtractedDocument, Section
from resumeiq.engine.parse.dates import DateRange, find_date_ranges, label_start, stacked_range
from resumeiq.engine.parse.degrees import (
    could_hold_school,
    degree_level,
    degree_patterns,
    find_degree,
    is_institution,
)
from resumeiq.engine.parse.fold import fold_in_place
from resumeiq.engine.parse.lines import BodyLine, body_lines, ends_sentence, join_wrapped_lines, split_pieces
from resumeiq.engine.parse.segment import heading_kind
from resumeiq.engine.parse.wrap import frame_edge, no_room

__all__ = ["degree_level", "find_degree", "is_institution", "parse_education", "section_degree"]

_GRADE = re.compile(
    r"(?:\b(?:c?gpa|grade|score|percentage|marks)\b\s*[:\-]?\s*(?P<a>\d+(?:\.\d+)?(?:\s*/\s*\d+(?:\.\d+)?)?\s*%?(?:\s*(?:c?gpa))?)"
    r"|(?P<b>\d\.\d{1,2}\s*(?:/\s*\d(?:\.\d+)?)?\s*(?:c?gpa|cgpa))"
    r"|(?P<c>(?:summa|magna)?\s*cum laude|with (?:high(?:est)? )?(?:honou?rs|distinction)|first class(?: honou?rs)?|"
    r"upper second class|2:1|dean'?s list))",
    re.IGNORECASE,
)


@dataclass
class _Draft:
    degree: tuple[str, int, int, str] | None = None  # surface, start, end, level
    area: tuple[str, int, int] | None = None
    institution: tuple[str, int, int] | None = None
    dates: DateRange | None = None
    score: tuple[str, int, int] | None = None
    loose: list[tuple[str, int, int]] = field(default_factory=list)  # unclassified pieces
    area_below: bool = False  # the area is the line under the degree
    acronym: tuple[str, int, int] | None = None  # "EPFL, Lausanne", "ESTEI / Ynov - Bordeaux": a school's initials


@cache
def _section_degree_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    entries = load_json("degrees.json")["section_degrees"]
    levels = {e["alias"]: e["level"] for e in entries}
    names = "|".join(r"\s+".join(map(re.escape, e["alias"].split())) for e in entries)
    # At the line's start, or after its date and a separator ("2012-2015 : Licence de chimie").
    return re.compile(r"(?:^|[\d)][\s:|\t–—-]*\s|\t)(?P<d>(?:" + names + r"))(?![\w])", re.IGNORECASE), levels


def section_degree(text: str, start: int, end: int) -> tuple[str, int, int, str] | None:
    """A degree named by a word that is one only as an entry of an education section ("Licence de
    chimie", "Classes préparatoires"), found where the line's entry starts."""
    pattern, levels = _section_degree_pattern()
    folded = fold_in_place(text[start:end])
    m = pattern.search(folded)
    if m is None or m.start("d") > 16:
        return None
    a, b = start + m.start("d"), start + m.end("d")
    return text[a:b], a, b, levels[" ".join(m.group("d").lower().split())]


def parse_education(doc: ExtractedDocument, section: Section) -> list[Education]:
    drafts: list[_Draft] = []
    cur = _Draft()
    lines, doc, back = _join_cut_lines(doc, join_wrapped_lines(doc, body_lines(doc, section)))
    lines = _degree_column(doc.text, _grid_columns(doc.text, lines))
    line_dates, shown = _stacked_dates(doc, lines)
    open_degree = False  # the line before ended with a degree and no field
    head = None  # a school's own line, and the school, while the degrees under it are listed
    cur_degree_line = ""
    for bl, date, blank in zip(lines, line_dates, shown, strict=True):
        text = doc.text
        degree = find_degree(text, bl.start, bl.end) or section_degree(text, bl.start, bl.end)
        if degree and _school_named_by_level(text, bl, degree):
            degree = None  # "Ramgundam Higher Secondary School": a school's name, not its level
        if degree and date is None and bl.words > 8 and len(text[bl.start : degree[1]].split()) >= 2 and not could_hold_school(bl.text):
            degree = None  # "… Projet de Master sur …": a degree mentioned in a sentence
        pieces = _pieces_without(text, bl.start, bl.end, degree, blank)
        if open_degree and date is None and blank is None and _field_line(bl, degree, pieces):
            # "Master of Science" over "Mechanical Engineering": the field on the next line
            cur.area, cur.area_below = pieces[0], True
            open_degree = False
            continue
        open_degree = False
        if degree is None:
            degree = next(((p[0], p[1], p[2], "high_school") for p in pieces if _school_level(p[0])), None)
        inst = next((p for p in pieces if not _school_level(p[0]) and _names_school(p[0])), None)
        if inst is None and not bl.bullet:
            inst = next((p for p in pieces if _lowercase_school(p[0])), None)
        if inst is not None and degree is None:
            inst = _joint_schools(text, inst, pieces)
        if degree and cur.degree and not inst and date is None and _same_text(bl.text, cur_degree_line):
            continue  # the entry's degree said again over its description
        if degree:
            cur_degree_line = bl.text
        if (degree and cur.degree) or (inst and cur.institution and not (degree and not cur.degree)) or date and cur.dates and not degree and not inst and (cur.degree or cur.institution):
            drafts.append(cur)
            cur = _Draft()
            if degree and not inst and head is not None and head[0] == drafts[-1].institution and _under(bl, head[1]):
                cur.institution = head[0]  # a second degree listed under the same school
        if not degree and not inst and date is None and cur.degree and cur.institution and _initials_line(bl.text):
            drafts.append(cur)  # "CBSE" over "10th" after a whole entry: the next entry's school
            cur = _Draft()
        if inst:
            inst = _institution(inst)
            cur.institution = inst
            head = (inst, bl) if not degree and not bl.bullet else None
        if degree:
            cur.degree = degree
            area = _area_after(text, degree[2], bl.end, inst, date) or _area_before(text, bl.start, degree[1], inst, date)
            if area:
                cur.area = area
            else:
                open_degree = all(p[2] <= degree[1] or p is inst for p in pieces)
        if date and cur.dates is None:
            cur.dates = date
        grade = _GRADE.search(text, bl.start, bl.end)
        if grade and cur.score is None:
            g = next(x for x in grade.groups() if x)
            gs = grade.start(next(k for k in ("a", "b", "c") if grade.group(k)))
            cur.score = (g.strip(), gs, gs + len(g.strip()))
            if "gpa" in grade.group(0).lower() and "gpa" not in g.lower():
                cur.score = (f"{g.strip()} GPA", gs, gs + len(g.strip()))
        if cur.acronym is None and not inst:
            cur.acronym = _school_initials(
                text, bl, pieces, field_read=bool(degree and cur.area and len(cur.area[0]) > 3), bare=degree is None
            )
        for p in pieces:
            in_area = cur.area and p[1] >= cur.area[1] and p[2] <= cur.area[2] + 1
            in_grade = grade and grade.start() <= p[1] < grade.end()
            if p is not inst and not in_area and not in_grade:
                cur.loose.append(p)
    drafts.append(cur)
    entries = [_finish(d) for d in drafts if d.degree or d.institution]
    if back is not None:
        for ed in entries:  # spans in the text as the document has it
            ed.evidence = {k: (min(back[a:b]), max(back[a:b]) + 1) for k, (a, b) in ed.evidence.items()}
    return entries


def _join_cut_lines(doc: ExtractedDocument, lines: list[BodyLine]) -> tuple[list[BodyLine], ExtractedDocument, list[int] | None]:
    """An entry's school, degree or field cut over two lines by a narrow column, read as one line.

    "… — Amaigbo State" over "University (2018)", "Universidade Federal de" over "Amora",
    "Bachelor of Science - Data" over "Science", "Bachelor of Business" over "Administration",
    "(Human Resource" over "Management)". A line whose date was set right of its cut text
    ("Master of Engineering, Pharmaceutical<tab>2014 – 2016" over "Sciences") keeps the date after
    the joined text: the section is read from a copy of the text in which the lower line's words
    follow the upper line's before its date (same length; ``back`` maps each of its positions to
    the document's, for the evidence spans). Nothing is joined when no line was cut."""
    buf: list[str] | None = None
    back: list[int] | None = None
    out: list[BodyLine] = []
    last = None  # the lowest physical line of out[-1]
    for bl in lines:
        prev = out[-1] if out else None
        cur = "".join(buf[prev.start : prev.end]) if prev is not None and buf is not None else (doc.text[prev.start : prev.end] if prev else "")
        if prev is None or not _cut_between(doc, prev, last, cur, bl):
            out.append(bl)
            last = bl.line
            continue
        if buf is None:
            buf, back = list(doc.text), list(range(len(doc.text)))
        us, ue, ls, le = prev.start, prev.end, bl.start, bl.end
        tab = us + _text_end(cur)
        gap = ls - ue
        if gap < 1:
            out.append(bl)
            last = bl.line
            continue
        new = buf[us:tab] + [" "] + buf[ls:le] + buf[tab:ue] + [" "] * (gap - 1)
        pos = back[us:tab] + [back[ue]] + back[ls:le] + back[tab:ue] + [back[ue]] * (gap - 1)
        buf[us:le], back[us:le] = new, pos
        out[-1] = replace(prev, end=le, text="".join(" " if c in "\r\n" else c for c in new))
        last = bl.line
    if buf is None:
        return lines, doc, None
    return out, replace(doc, text="".join(buf)), back


def _text_end(line: str) -> int:
    """Where a line's entry text ends: at its first tab, or where a date closing the line starts
    ("Diploma in Forestry at College Mar 2011 – Feb 2013")."""
    tab = line.find("\t")
    if tab >= 0:
        return tab
    dates = find_date_ranges(line, 0, len(line))
    if dates and not line[dates[-1].span[1] :].strip(" )]") and line[: dates[-1].span[0]].strip(" ([,–—-"):
        return len(line[: dates[-1].span[0]].rstrip(" ([,–—-"))
    return len(line)


_TAIL = re.compile(r"(?:,\s+|\s+[-–—|]\s+|\s+(?:at|from)\s+|\()\s*(?P<t>[^,()|–—]+?)\s*$")
_HEAD = re.compile(r"\s*(?P<h>[^,()|\t]+?)\s*(?=$|[,(|\t]|\s[-–—]\s)")


@cache
def _boards() -> frozenset[str]:
    return frozenset(load_json("degrees.json")["school_boards"])


@cache
def _name_adjectives() -> frozenset[str]:
    return frozenset(load_json("degrees.json")["school_name_adjectives"])


@cache
def _cut_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = load_json("degrees.json")
    return frozenset(data["school_qualifiers"]), frozenset(data["field_tails"]), frozenset(data["cut_line_joiners"])


def _cut_between(doc: ExtractedDocument, prev: BodyLine, last, upper: str, bl: BodyLine) -> bool:
    """Whether ``bl`` carries on the entry line above it (text ``upper``), cut by its column."""
    from resumeiq.engine.parse.places import read_location

    a, b = last, bl.line
    if a.page != b.page or a.column != b.column:
        return False
    centred = abs(a.x0 - b.x0) > 3.0 and abs((a.x0 + a.x1) - (b.x0 + b.x1)) <= 6.0 < a.x1 - a.x0
    if abs(a.x0 - b.x0) > 3.0 and not centred:
        return False  # neither set at the same left edge nor centred on the same axis
    if any(x.bullet and not (centred and x.indented) for x in (prev, bl)):
        return False  # list items (a centred line is "indented" only by its centring)
    ua, _, utail = upper.partition("\t")
    # Before a date that closes the line without a tab ("Diploma in Forestry at College Mar 2011 – …"):
    # only a lower line that can but carry on the text is joined there.
    ua_text = upper[: _text_end(upper)].rstrip()
    lh, _, ltail = bl.text.partition("\t")
    ua, lh = ua.rstrip(), lh.strip()
    for tail in (utail, ltail):
        cell = tail.strip()
        if cell and ("\t" in cell or not (find_date_ranges(cell, 0, len(cell)) or read_location(cell) is not None)):
            return False  # cells of a table, not a line's date or place
    if not ua or not lh or len(lh.split()) > 8 or not re.search(r"[^\W\d_]", lh):
        return False
    ld = find_date_ranges(lh, 0, len(lh))
    if ld and not lh[: ld[0].span[0]].strip(" ,(-–—|"):
        return False  # the lower line starts with its date
    hit = find_degree(lh, 0, len(lh))
    if hit is not None and not lh[: hit[1]].strip(" ,"):
        return False  # the lower line starts a degree
    if lh.isupper() and heading_kind(lh) is not None:
        return False  # the next section's heading
    qualifiers, tails, joiners = _cut_words()
    if ua.count("(") > ua.count(")") and ")" in lh:
        return True  # "(Human Resource" over "Management)"
    if lh.startswith(","):
        return True  # ", Universidade Estadual de Funchal"
    last_word = ua.split()[-1].casefold()
    if last_word in joiners or ua[-1] in ",&-–—":
        return True  # "Universidade Federal de" over "Amora", "Bachelor of Commerce -" over the field
    if (
        lh[:1].islower()
        and lh[:1].isalpha()
        and len(lh.split()) <= 5
        and not ends_sentence(ua_text)
        and not ends_sentence(lh)
        and not _lowercase_school(lh)  # "zhangji institute of technology": the next school
        and (find_degree(ua_text, 0, len(ua_text)) or _names_school(ua_text))
    ):
        return True  # "Bachelor systèmes" over "embarqués & robotique": the line carries on
    m = _HEAD.match(re.split(r"\s+(?i:c?gpa|grade)\b", lh)[0])
    head = m.group("h") if m else lh
    hwords = head.split()
    if not hwords:
        return False
    first = hwords[0]
    if len(hwords) >= 2 and first.casefold() in joiners and first.isalpha() and (first.islower() or first.isupper() and ua_text.split()[-1].isupper()):
        return True  # "GUADALAJARA INSTITUTE" over "OF TECHNOLOGY", "… Elektronik" over "und Informatik"
    tm = _TAIL.search(ua)
    tail, t0 = (tm.group("t"), tm.start("t")) if tm else (ua.strip(), 0)
    degree = find_degree(ua, 0, len(ua))
    _, _, _, words = degree_patterns()
    generic = all(w.strip(".,").casefold() in words or w.strip(".,").casefold() in qualifiers for w in hwords)
    if (
        len(tail.split()) == 1
        and tail.casefold() in words
        and head[:1].isupper()
        and not is_institution(head)
        and hit is None
        and (degree is None or degree[2] <= t0)
    ):
        return True  # "BA in History — Universidad" over "Autónoma de Girón (2014)": a school's name cut after its kind
    if generic and any(w.strip(".,").casefold() in words for w in hwords):
        # "… — Omaha" over "State University (2021)": a school named by its words alone is cut
        if 1 <= len(tail.split()) <= 3 and not re.search(r"\d", tail) and tail[:1].isupper() and not is_institution(tail):
            named = tail.split()[-1].casefold() in qualifiers  # "Orlando High", "Amaigbo State"
            if degree is None or degree[2] <= t0 and (named or not _field_right_after(ua, degree, t0)):
                return True
        return False
    if (
        len(hwords) == 1
        and lh == head
        and head[:1].isupper()
        and is_institution(tail)
        and tail.split()[-1].casefold() in _name_adjectives()
        and read_location(head) is None
        and hit is None
    ):
        return True  # "… at Manipal Academy of Higher" over "Education": a name cut after its adjective
    if degree is not None:
        longer = find_degree(f"{ua} {lh}", 0, len(ua) + 1 + len(lh))
        if longer is not None and longer[1] == degree[1] and longer[2] > len(ua):
            return True  # "Bachelor of Business" over "Administration"
        rest = ua[degree[2] :]
        rest = re.sub(r"^(?:['’]s)?[\s,:;–—-]*(?:(?:in|of)\s+)?", "", rest)
        if (
            rest
            and rest == ua[len(ua) - len(rest) :]
            and len(rest.split()) <= 3
            and not re.search(r"[,;()|–—\d]|\s-\s", rest)
            and not any(w.casefold() in words for w in rest.split())
            and len(hwords) <= 2
            and hwords[0].casefold().strip(".,") in tails
            and not any(w.casefold() in words for w in hwords)
            and read_location(head) is None
        ):
            return True  # "Bachelor of Science - Data" over "Science"
    if (
        doc.format == "pdf"
        and len(hwords) == 1
        and lh == head
        and is_institution(ua)
        and a.bold
        and b.bold
        and abs(a.size - b.size) <= 0.5
        and head[:1].isupper()
        and head.casefold() not in words
        and hit is None
    ):
        return True  # "Universidad Politécnica de Heroica" over "Caborca", both in the school's bold type
    if doc.format == "pdf" and "\t" not in upper and no_room(a, b, bl.text, frame_edge(doc, a)):
        # The column's edge broke the line (the lower line's first word would not have fitted):
        # "University of Yishun New" over "Town (2016)", "Technische" over "Universität Speyer".
        plain = all(w[:1].isupper() for w in hwords) and not any(w.casefold().strip(".,") in words for w in hwords)
        if len(hwords) <= 2 and plain and is_institution(tail) and read_location(head) is None:
            return hit is None  # not "Mathematics (M.A.)", a field and degree under the school
        if (
            degree is None
            and len(ua.split()) <= 2
            and ua[:1].isupper()
            and a.bold == b.bold
            and not is_institution(ua)
            and read_location(ua) is None
            and is_institution(head)
            and is_institution(f"{ua} {head}")
        ):
            return True
    return False



def _field_right_after(ua: str, degree, t0: int) -> bool:
    """The piece at ``t0`` is the degree's field: only a separator between them ("BS - Information Systems")."""
    between = ua[degree[2] : t0]
    return not re.sub(r"['’]s|[\s,:;–—|(-]|\b(?:in|of)\b", "", between)


def _joint_schools(text: str, inst: tuple[str, int, int], pieces: list[tuple[str, int, int]]) -> tuple[str, int, int]:
    """Two schools of one degree set side by side ("Université de Valdrôme – Tarrow Institute of
    Technology", a joint programme): one institution."""
    k = pieces.index(inst)
    if k + 1 < len(pieces):
        nxt = pieces[k + 1]
        if re.fullmatch(r"\s+[–—/&-]\s+", text[inst[2] : nxt[1]]) and "," not in inst[0] and _names_school(nxt[0]) and "," not in nxt[0]:
            return text[inst[1] : nxt[2]], inst[1], nxt[2]
    return inst


def _school_named_by_level(text: str, bl: BodyLine, degree: tuple[str, int, int, str]) -> bool:
    """A degree alias ending in an institution word ("Higher Secondary School") after a name on
    the same piece ("Noida Higher Secondary School"): the school's name."""
    _, _, _, words = degree_patterns()
    if degree[0].split()[-1].lower().strip(".,") not in words:
        return False
    before = text[bl.start : degree[1]]
    m = re.search(r"([A-ZÀ-Ý][\w'’.-]*)\s+$", before)
    return m is not None and not find_degree(m.group(1), 0, len(m.group(1))) and not re.search(r"(?:^|\s)(?:in|at|from|of)\s+$", before, re.I)


def _grid_columns(text: str, lines: list[BodyLine]) -> list[BodyLine]:
    """Entries set side by side in a grid, read column by column.

    A theme may lay two or three schools out in columns: a row of schools, a row of dates, a row
    of degrees, each row one line with its cells apart ("University A<tab>University B"). Rows
    that split into the same number of cells, every cell of a row of one kind (all schools, all
    degrees or all dates), at least one row of schools or degrees, are a grid: its cells are read
    as lines, the first column's from top to bottom, then the next column's."""
    out: list[BodyLine] = []
    k = 0
    while k < len(lines):
        run: list[list[BodyLine]] = []
        width = 0
        named = False
        j = k
        while j < len(lines):
            cells = _cells(text, lines[j])
            kind = _same_kind(text, cells) if len(cells) >= 2 and (not run or len(cells) == width) else None
            if kind is None:
                break
            width = len(cells)
            named = named or kind != "date"
            run.append(cells)
            j += 1
        if len(run) >= 2 and named:
            out.extend(row[c] for c in range(width) for row in run)
            k = j
        else:
            out.append(lines[k])
            k += 1
    return out


_SCHOOL_LINK_WORDS = frozenset({"of", "and", "for", "the", "de", "da", "do", "di", "del", "des", "du"})


def _lowercase_school(piece: str) -> bool:
    """A school written all in lower case ("university of lugo", "summit college"): a few
    words, an institution word first or last, no word a sentence would need ("at", "the local")."""
    words = piece.split(", ")[0].split()  # "indianapolis institute of technology, Indianapolis"
    if not 2 <= len(words) <= 6 or not all(w.isalpha() and w.islower() for w in words):
        return False
    _, _, _, inst_words = degree_patterns()
    if words[0] in _SCHOOL_LINK_WORDS or words[-1] in _SCHOOL_LINK_WORDS or not any(w in inst_words for w in words):
        return False
    function = _function_words()
    return all(w in inst_words or w in _SCHOOL_LINK_WORDS or w not in function for w in words)


@cache
def _function_words() -> frozenset[str]:
    return frozenset(load_json("entry_lexicon.json")["function_words"])


def _names_school(piece: str) -> bool:
    """A piece holding an institution among its comma parts, or beside a field after a colon
    ("Northfield University: Sociology"; a label such as "School:" names none)."""
    if any(is_institution(part) for part in piece.split(", ")):
        return True
    return any(len(part.split()) >= 2 and is_institution(part) for part in re.split(r", |: ", piece))


def _degree_column(text: str, lines: list[BodyLine]) -> list[BodyLine]:
    """Degrees listed in a column of their own, then their schools in the same order ("Ph.D." /
    "M.A." / "B.A." over "Northfield University, 1990" / …: a table read one column after the
    other): each degree is read with its school, the first with the first."""
    out: list[BodyLine] = []
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and _bare_degree(text, lines[j]):
            j += 1
        n = j - k
        schools = lines[j : j + n]
        if n >= 2 and len(schools) == n and all(_school_line(text, bl) for bl in schools):
            for degree, school in zip(lines[k:j], schools, strict=True):
                out.extend((degree, school))
            k = j + n
        else:
            out.append(lines[k])
            k += 1
    return out


def _bare_degree(text: str, bl: BodyLine) -> bool:
    """A line that is a degree and nothing else ("M.A.", "Ph.D.")."""
    d = find_degree(text, bl.start, bl.end)
    return d is not None and not text[bl.start : d[1]].strip(" •-") and not text[d[2] : bl.end].strip(" .,;")


def _school_line(text: str, bl: BodyLine) -> bool:
    """A line naming a school and no degree."""
    if find_degree(text, bl.start, bl.end):
        return False
    return any(_names_school(p[0]) for p in split_pieces(bl.text, 0))


def _cells(text: str, bl: BodyLine) -> list[BodyLine]:
    """A line's cells: its text between tabs, each as a line of its own."""
    cells: list[BodyLine] = []
    pos = bl.start
    for part in text[bl.start : bl.end].split("\t"):
        s = pos + len(part) - len(part.lstrip())
        e = pos + len(part.rstrip())
        if e > s:
            cells.append(replace(bl, start=s, end=e, text=text[s:e]))
        pos += len(part) + 1
    return cells


def _same_kind(text: str, cells: list[BodyLine]) -> str | None:
    """What every cell of a grid row is: "school", "degree" or "date"; None when they differ."""
    kinds = set()
    for c in cells:
        if find_degree(text, c.start, c.end):
            kinds.add("degree")
        elif is_institution(c.text):
            kinds.add("school")
        elif find_date_ranges(text, c.start, c.end) and len(c.text.split()) <= 5:
            kinds.add("date")
        else:
            return None
    return kinds.pop() if len(kinds) == 1 else None


def _school_level(piece: str) -> bool:
    """A piece naming a school level ("High School", "Senior Secondary School Degree (Class 12)"):
    the level of an entry, not its school."""
    words = re.findall(r"[a-z]+", piece.lower())
    return len(words) >= 2 and "school" in words and all(w in _level_words() for w in words)


@cache
def _level_words() -> frozenset[str]:
    return frozenset(load_json("degrees.json")["school_level_words"])


def _same_text(a: str, b: str) -> bool:
    return re.sub(r"\W+", " ", a).strip().casefold() == re.sub(r"\W+", " ", b).strip().casefold()


def _under(bl: BodyLine, school: BodyLine) -> bool:
    """A degree's line set in under its school's line: indented right of it, or a list item under it."""
    if bl.line.page == school.line.page and bl.line.x0 > school.line.x0 + 2:
        return True
    return bl.bullet and not school.bullet and bl.line.x0 >= school.line.x0


# Lines under a degree that are no field of study: "Thesis: …", "Minor in …", "Honors Program".
_NOT_FIELD = re.compile(
    r"\b(?:thesis|dissertation|minor|coursework|courses|honou?rs|scholarship|award|exchange|semester|"
    r"project|activities|societies|club|expected|graduated|graduation|gpa|cgpa|"
    r"place|location|city|year|board|percentage|marks|grade|division|class|result|status|duration|period|date)\b",
    re.IGNORECASE,
)


def _field_line(bl, degree, pieces: list[tuple[str, int, int]]) -> bool:
    """A line that can only be the field of the degree above: one short capitalised piece, no
    school, degree, place, grade, date or label."""
    if bl.bullet or degree or len(pieces) != 1 or pieces[0][0] != bl.text.strip(" .,;").removeprefix("(").removesuffix(")"):
        return False
    return _field_piece(pieces[0][0])


def _field_piece(piece: str) -> bool:
    """A piece that reads as a field of study: a few capitalised words, no school, place, grade,
    digits or label."""
    words = piece.split()
    if not 1 <= len(words) <= 6 or not piece[:1].isupper() or re.search(r"[\d:@/]", piece):
        return False
    if is_institution(piece) or _NOT_FIELD.search(piece) or _GRADE.search(piece):
        return False
    if not all(w[:1].isupper() or w.lower() in ("of", "and", "in", "for", "the", "&", "with") for w in words):
        return False
    from resumeiq.engine.parse.places import read_location

    return read_location(piece) is None


def _stacked_dates(doc: ExtractedDocument, lines) -> tuple[list[DateRange | None], list[DateRange | None]]:
    """Each line's date (its last), with a range stacked over lines ("2014" over "2016", "Sep 2014 –"
    over "Jun 2016") given to its first line; and the date written on each line (to leave out
    of its text)."""
    found = []
    for bl in lines:
        dates = find_date_ranges(doc.text, bl.start, bl.end)
        found.append(dates[-1] if dates else None)
    shown = list(found)
    for i, d in enumerate(found):
        if d is None or not d.single:
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and not nxt.single:
            continue
        stacked = stacked_range(doc.text, d, [(bl.start, bl.end) for bl in lines[i + 1 : i + 3]])
        if stacked is None:
            continue
        found[i] = shown[i] = stacked[0]
        for k in range(i + 1, i + 1 + stacked[1]):
            found[k], shown[k] = None, stacked[0]
    return found, shown


# French "at" before a school: "Licence de chimie à l’ENSV", "Master au Conservatoire de Brellac".
_A_SCHOOL = r"\s+(?:à\s+l['’]\s*|(?:à\s+la|au|aux|à)\s+)(?=[A-ZÀ-Ý])"


@cache
def _entry_label() -> re.Pattern[str]:
    words = sorted(load_json("degrees.json")["entry_labels"], key=len, reverse=True)
    return re.compile(r"^\s*(?:" + "|".join(map(re.escape, words)) + r")\s*:\s*", re.IGNORECASE)


def _pieces_without(text, start, end, degree, date) -> list[tuple[str, int, int]]:
    chars = [" " if c in "\r\n" else c for c in text[start:end]]  # a wrapped line joined (join_wrapped_lines)
    dated = (label_start(text, start, date.span[0]), date.span[1]) if date else None  # with its "Dates: "
    for span in ((degree[1], degree[2]) if degree else None, dated):
        if span:
            for k in range(max(span[0], start), min(span[1], end)):
                chars[k - start] = "\t"
    pieces = []
    flat = "".join(chars)
    for piece, s, e in split_pieces(flat, start):
        # "Computer Science at University of X" splits; "University of Calder at Westbrook" does not.
        at = r"\s+(?:at|from)\s+|" + _A_SCHOOL + "|" if not re.search(r"\b(?:university|college|institute|school)\b[^,]*\sat\s", piece, re.I) else r"\s+from\s+|"
        for sub in re.split(at + r"\s*\(\s*|\s*\)\s*", piece):
            sub = _entry_label().sub("", sub).strip(" ,;:-")  # "Institution: Onyx University"
            sub = re.sub(r"^(?:at|from|à|chez|an der|am|en|na|no|em)\s+(?=[A-Z])", "", sub)  # "… from Sri Venkatesa College"
            if sub:
                k = flat.find(sub, s - start, e - start + 1) + start
                pieces.append((sub, k, k + len(sub)))
    return pieces


_FIELD_FIRST = re.compile(r"(?P<field>[^\t,;|()]+?)\s*(?:,|\(|\s[-–—|]|\t)\s*$")


def _area_before(text: str, start: int, pos: int, inst, date) -> tuple[str, int, int] | None:
    """The field written before its degree on the degree's line: "Physics, B.Com",
    "Computer Engineering (B.A.)", "Business Analytics – B.E."."""
    if inst and start <= inst[1] < pos:
        start = max(start, inst[2])
    if date and start <= date.span[1] <= pos:
        start = max(start, date.span[1])
    label = _entry_label().match(text[start:pos])
    if label:
        start += label.end()  # "Degree: Economics (BEng)"
    m = _FIELD_FIRST.fullmatch(text, start, pos)
    if m is None:
        return None
    field = m.group("field").strip(" .,;:-–")
    if not field or not _field_piece(field):
        return None
    a = text.find(field, m.start("field"), pos)
    return field, a, a + len(field)


def _area_after(text: str, pos: int, end: int, inst, date) -> tuple[str, int, int] | None:
    stop = end
    if inst and inst[1] > pos:
        stop = min(stop, inst[1])
    if date and date.span[0] > pos:
        stop = min(stop, date.span[0])
    seg = text[pos:stop]
    stream = re.match(r"\s*\(([A-Z][A-Za-z.&/]{1,8})\)\s*(?:$|[,;\-–—]|\s(?:at|from)\s)", seg)
    if stream and find_degree(stream.group(1), 0, len(stream.group(1))) is None:
        # "Intermediate (MPC) from …": initials of a stream, not of the degree ("MBA (MBA)")
        return stream.group(1), pos + stream.start(1), pos + stream.end(1)
    initials = re.match(r"^(?:['’]s)?\s*\(([A-Z][A-Za-z.]{1,8})\)", seg)
    if initials and find_degree(initials.group(1), 0, len(initials.group(1))) is None and not initials.group(1).isupper():
        seg = re.sub(r"[()]", " ", seg, count=2)  # "Bachelor of Engineering (Marketing)": the field in brackets
    m = re.match(
        r"^(?:['’]s)?\s*(?:\([A-Z][A-Za-z.]{1,8}\)\s*)?(?:\(|-|–|:|,)?\s*"  # skip "(MBA)" after the degree name
        r"(?:(?:in|of|em|en|(?i:majoring in|major in|with a major in|specialization in|specialisation in))\s+)?",
        seg,
    )
    a = start = pos + (m.end() if m else 0)
    rest = text[a:stop]
    if re.match(r"(?:at|from|à|au|chez)\s|à\s+l['’]", rest):
        return None  # "Bachelor of Technology from Nallamala College": a school, no field
    # The field ends at a separator, a bracket ("B.Sc. (Computer Science)") or a grade
    # ("Economics; 3.7 GPA", "Economics GPA 3.7/4.0").
    # A grade's label ends it too, whatever follows the label ("Geography GPA: CGPA 7.9/10").
    cut = re.search(r"\s+(?:at|from)\s+|" + _A_SCHOOL + r"|[,;]|\t|\||[()]|\s[-–—]\s|\s{3,}|\s+(?i:c?gpa)\b|\s+\d+(?:\.\d+)?\s*/\s*\d+(?:\.\d+)?(?!\S)", rest)
    area = rest[: cut.start()] if cut else rest
    grade = _GRADE.search(area)
    if grade and not area[: grade.start()].strip():
        # "B.Sc. with Honours in Marine Biology": the honours first, then the field
        lead = re.match(r"\s*(?:in|of)\s+", area[grade.end() :])
        skip = grade.end() + (lead.end() if lead else 0)
        a, area = a + skip, area[skip:]
        grade = _GRADE.search(area)
    if grade:
        area = area[: grade.start()]
    a += len(area) - len(area.lstrip(" .,;:-–"))
    area = re.sub(r"\s+(?:at|from|à\s+l['’]|à\s+la|à|au|aux)\s*$", "", area.strip(" .,;:-–"))  # "… au" before the school
    # "… with average of 80%", and a long field before "with a specialisation in …"
    area = re.split(r"\s+with\s+(?:an?\s+)?(?i:average|aggregate|c?gpa|grade|score|percentage|marks)\b", area)[0]
    if len(area.split()) > 8:
        area = re.split(r"\s+with\s+", area)[0]
    if not area or len(area.split()) > 8 or not area[:1].isalpha() or is_institution(area):
        return None
    if area.split()[-1].lower() == "board" or area.lower() in _boards():
        return None  # "10th, CBSE", "HSC, Maharashtra State Board": the examining board, not a field
    if area.lower() in ("degree", "certificate", "diploma", "program", "programme", "course", "standard", "std", "grade", "class"):
        return None  # "Senior Secondary School Degree": the degree's own word, no field
    if area.lower() in ("candidate", "student"):
        # "MBA Candidate": a status, not a field; one may follow ("MBA Candidate; Major in Finance")
        if cut and rest[cut.start()] in ",;":
            return _area_after(text, start + cut.end(), end, inst, date)
        return None
    return area, a, a + len(area)


def _institution(inst: tuple[str, int, int]) -> tuple[str, int, int]:
    """Trim a piece to the institution: "in Accounting, Northeastern University" → the university;
    "University of California, Berkeley" keeps its campus."""
    name, s, _e = inst
    # "Northfield University: Sociology", "History: Northfield University": a field beside it
    head, colon, rest = name.partition(": ")
    first = rest.split(", ")[0]
    if colon and len(head.split()) >= 2 and is_institution(head) and not is_institution(first):
        name = head
    elif colon and len(first.split()) >= 2 and is_institution(first) and not is_institution(head):
        name, s = rest, s + len(head) + 2
    parts = name.split(", ")
    first = next((i for i, p in enumerate(parts) if is_institution(p)), 0)
    keep = [parts[first]]
    for p in parts[first + 1 :]:
        if p.casefold() in keep[0].casefold().split() or p.casefold() in keep[0].casefold().removeprefix("university of "):
            break  # "University of Townsville, Townsville": the town the name already says
        if is_institution(p) or (keep[0].lower().startswith("university of") and len(keep) == 1 and len(p.split()) <= 2):
            keep.append(p)
        else:
            break
    offset = sum(len(p) + 2 for p in parts[:first])
    name = ", ".join(keep)
    name = re.sub(r"\s+(?:with|in|at|from|since)$", "", name)  # "… high school with" over the rest of a sentence
    return name, s + offset, s + offset + len(name)


_INITIALS = re.compile(r"[A-Z][A-Z0-9&]{1,7}(?:\s*/\s*[A-Z][\w-]+)?")


def _school_initials(
    text: str, bl, pieces: list[tuple[str, int, int]], *, field_read: bool = False, bare: bool = False
) -> tuple[str, int, int] | None:
    """A school named by its initials: a line of its own ("ESTEI / Ynov - Bordeaux") or initials
    followed by a place ("Master Data Science, EPFL, Lausanne"), not a track after a degree
    ("BAC S - SVT")."""
    from resumeiq.engine.parse.places import read_location

    parts: list[tuple[str, int, int]] = []
    for piece, s, _e in pieces:
        pos = 0
        for chunk in piece.split(", "):
            parts.append((chunk, s + pos, s + pos + len(chunk)))
            pos += len(chunk) + 2
    for k, (part, s, e) in enumerate(parts):
        if not _INITIALS.fullmatch(part) or find_degree(part, 0, len(part)) or read_location(part) is not None:
            continue
        # on a line of its own, or with only the entry's dates beside it ("IFSP (2020 - 2024)")
        alone = text[bl.start : bl.end].strip(" ,.-–—") == part or bare and len(pieces) == 1 and pieces[0][0] == part
        before_place = k + 1 < len(parts) and _place_like(parts[k + 1][0], last=k + 2 == len(parts))
        after_at = re.search(r"(?:\bat|\bfrom|\bà\s+l['’]|\bà|\bau)\s*$", text[bl.start : s]) is not None
        # "BSc Marine Robotics - KWMU - 2009": initials set apart after a field (not a track's
        # letters after a one-letter series: "BAC S - SVT")
        apart = field_read and k > 0 and re.search(r"(?:\s[-–—|]|\t)\s*$", text[bl.start : s]) is not None
        if alone or before_place or after_at or apart:
            return part, s, e
    return None


def _initials_line(line: str) -> bool:
    text = line.strip(" ,.-–—")
    from resumeiq.engine.parse.places import read_location

    return bool(_INITIALS.fullmatch(text)) and find_degree(text, 0, len(text)) is None and read_location(text) is None


def _place_like(part: str, *, last: bool) -> bool:
    """A place after a school's initials: one the places data knows, or the line's last piece
    being one capitalised word ("ESNV, Valdoux": a town the places data does not know, or a city named in another language)."""
    from resumeiq.engine.parse.places import read_location

    if read_location(part) is not None:
        return True
    return last and re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ'’-]{2,}", part) is not None


def _could_be_school(piece: str) -> bool:
    """An unlabelled piece next to a degree: "Ad School" yes; "CGPA", "Mathematics", "Boston, MA" no."""
    words = piece.split()
    if not 2 <= len(words) <= 8 or not all(w[:1].isupper() or w.lower() in _SCHOOL_LINK_WORDS or w in ("&", "für", "und", "et", "y") for w in words):
        return False
    if _GRADE.search(piece) or re.search(r"[\d:]", piece):  # a label ("Schwerpunkte: …") names no school
        return False
    from resumeiq.engine.parse.places import read_location

    return read_location(piece) is None


def _one_line(piece: tuple[str, int, int] | None) -> tuple[str, int, int] | None:
    """A piece of two lines joined (a name wrapped by its column) written on one line."""
    return None if piece is None else (" ".join(piece[0].split()), piece[1], piece[2])


@cache
def _field_label() -> re.Pattern[str]:
    labels = sorted(load_json("degrees.json")["field_labels"], key=len, reverse=True)
    alt = "|".join(r"\s+".join(map(re.escape, w.split())) for w in labels)
    return re.compile(rf"^(?:{alt})(?:\s*:\s*|\s+)(?P<area>[^\W\d_][^,;:()]*?)\s*(?=$|[,;(]|\s+minor\b)", re.IGNORECASE)


def _labelled_field(piece: tuple[str, int, int]) -> tuple[str, int, int] | None:
    """The field of study in "Major: Geology, Minor: French" (a line of its own under a degree)."""
    m = _field_label().match(piece[0])
    if m is None or len(m.group("area").split()) > 8:
        return None
    return m.group("area"), piece[1] + m.start("area"), piece[1] + m.end("area")


def _finish(d: _Draft) -> Education:
    ed = Education()
    d.institution, d.area, d.acronym = _one_line(d.institution), _one_line(d.area), _one_line(d.acronym)
    d.loose = [p for p in (_one_line(p) for p in d.loose) if p]
    if d.area_below and d.institution is None and d.area:
        # Without a school named, the line under the degree may be the school ("MSc" over "Carnegie
        # Mellon"): it is left to the fallback below, as any unclassified piece.
        d.loose.append(d.area)
        if d.acronym is None and _INITIALS.fullmatch(d.area[0]) and find_degree(d.area[0], 0, len(d.area[0])) is None:
            d.acronym = d.area  # "10th" over "ICSE": the school (or its board) by its initials
        d.area = None
    if d.degree:
        ed.studyType, ed.evidence["studyType"] = d.degree[0], (d.degree[1], d.degree[2])
    if d.area is None and d.degree:
        d.area = next((a for p in d.loose if (a := _labelled_field(p))), None)
    if d.area:
        ed.area, ed.evidence["area"] = d.area[0], (d.area[1], d.area[2])
    if d.institution:
        ed.institution, ed.evidence["institution"] = d.institution[0], (d.institution[1], d.institution[2])
    elif d.acronym and d.degree:
        ed.institution, ed.evidence["institution"] = d.acronym[0], (d.acronym[1], d.acronym[2])
    else:
        fallback = next((p for p in d.loose if _could_be_school(p[0])), None)
        if fallback:
            ed.institution, ed.evidence["institution"] = fallback[0], (fallback[1], fallback[2])
    if d.dates:
        if d.dates.single:
            ed.endDate = d.dates.start
            ed.evidence["endDate"] = d.dates.span
        else:
            ed.startDate = d.dates.start
            ed.endDate = None if d.dates.current else d.dates.end
            ed.evidence["startDate"] = d.dates.span
            if ed.endDate:
                ed.evidence["endDate"] = d.dates.span
    if d.score:
        ed.score, ed.evidence["score"] = d.score[0], (d.score[1], d.score[2])
    return ed
