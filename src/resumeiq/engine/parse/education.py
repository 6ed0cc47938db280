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
from resumeiq.engine.parse.fold import fold_in_place
from resumeiq.engine.parse.lines import BodyLine, body_lines, join_wrapped_lines, split_pieces

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
def _degree_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str], frozenset[str]]:
    data = load_json("degrees.json")
    full: list[str] = []
    abbr: list[str] = []
    levels: dict[str, str] = {}
    for deg in data["degrees"]:
        for alias in deg["aliases"]:
            key = alias.replace(" ", "")
            levels[key] = deg["level"]
            if " " in alias and len(key) > 5 or len(key) > 6:
                full.append(r"[\s-]+".join(re.escape(w) for w in alias.split()))  # "A-Levels"
            elif alias.isalpha() and len(alias) <= 2 and alias not in ("ba", "bs", "ms", "ma", "be", "me", "as", "aa", "jd", "md"):
                continue
            else:
                letters = [c for c in alias if c != " "]
                abbr.append(r"[.\-]?\s?".join(re.escape(c.upper()) if c.isalpha() else re.escape(c) for c in letters))
    full_re = re.compile(r"(?<![\w])(?:" + "|".join(sorted(full, key=len, reverse=True)) + r")(?:'s)?(?![\w])", re.IGNORECASE)
    # Abbreviations: capitals with optional dots ("B.Sc.", "BSc", "M.B.A."); mixed-case tails allowed ("BTech", "MSc").
    abbr_re = re.compile(
        r"(?<![\w.])(?:" + "|".join(sorted(abbr, key=len, reverse=True)) + r")\.?(?![\w])",
        re.IGNORECASE,
    )
    words = frozenset(w.lower() for w in data["institution_words"])
    return full_re, abbr_re, levels, words


def find_degree(text: str, start: int, end: int) -> tuple[str, int, int, str] | None:
    """The first degree named in ``text[start:end]``: (surface as written, start, end, level).
    Accents are folded for the match ("Baccalauréat", "Licenciatura em Ciências")."""
    full_re, abbr_re, levels, _ = _degree_patterns()
    line = text[start:end]
    folded = fold_in_place(line)
    best = None
    for pattern in (full_re, abbr_re):
        m = pattern.search(folded) if pattern is full_re else _search_abbr(abbr_re, folded, 0, len(folded))
        if m and (best is None or start + m.start() < best[1]):
            surface = line[m.start() : m.end()].strip()
            after = line[m.start() + len(surface) : m.start() + len(surface) + 2]
            if after in ("'s", "’s"):
                surface += after  # "Master's"
            key = re.sub(r"[^a-z]", "", fold_in_place(surface).lower().removesuffix("'s").removesuffix("’s"))
            best = (surface, start + m.start(), start + m.start() + len(surface), levels.get(key, _level_guess(key)))
    return best


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


# Abbreviations that are no English word, so also read written "Bsc", "Msc", "Phd".
_PLAIN_ABBR = frozenset({"bsc", "msc", "phd", "mba", "bba", "bca", "mca"})


def _search_abbr(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    # The pattern ignores case; a match counts only when written with capitals ("BSc", "B.Tech", "MBA").
    for m in pattern.finditer(text, start, end):
        surface = m.group(0)
        if surface[:1].isupper() and (
            sum(c.isupper() for c in surface) >= 2 or len(surface.replace(".", "")) > 3 or surface.lower() in _PLAIN_ABBR
        ):
            if re.fullmatch(r"(?:[A-Z]\.){2,3}", surface) and _in_name_list(text, start, end, m.start()):
                continue  # an author's initials, not a degree
            if len(surface) == 2 and _state_after_city(text, start, m.start(), surface) and not re.match(
                r"\s+(?:in|of)\b|\s*\(", text[m.end() : end]
            ):
                continue  # "Cambridge, MA", "Orono, ME": a state, not a degree
            return m
    return None


# A surname with its initials in a list of authors or names: "Okafor, B.E.," "Rao C. and",
# "Lindqvist, A.M. (2019)" — the initials end the name (a comma, "and", a bracket or the end).
_NAME_INITIALS = re.compile(
    r"\b[A-Z][a-z][\w'’-]*,?\s(?P<ini>(?:[A-Z]\.\s?){1,3})(?=\s*(?:[,;&(]|and\b|et\b|$))"
)


def _in_name_list(text: str, start: int, end: int, at: int) -> bool:
    """The initials at ``at`` belong to a list of names ("Lindqvist, A.M., Okafor, B.E. and Rao,
    C."): a line with two or more surnames followed by their initials, one of them these; or one
    author of a citation ("Okafor, B.E. (2019)", "Okafor, B.E. et al.")."""
    line, k = text[start:end], at - start
    found = {m.start("ini"): m.end("ini") for m in _NAME_INITIALS.finditer(line)}
    if k in found:
        return len(found) >= 2 or bool(re.match(r"\s*(?:\((?:19|20)\d\d[a-z]?\)|et al\b)", line[found[k] :]))
    # the last of the names, before the title: "…; Varga, M.S. Grain growth in alloys"
    return len(found) >= 2 and bool(re.search(r"[,;&]\s*[A-Z][a-z][\w'’-]*,?\s$", line[:k]))


def _state_after_city(text: str, start: int, at: int, code: str) -> bool:
    before = text[start:at]
    m = re.search(r"([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}),\s*$", before)
    if not m:
        return False
    from resumeiq.engine.parse.places import read_location

    if is_institution(m.group(1)):
        return False  # "Harvard University, MA"
    loc = read_location(f"{m.group(1)}, {code}")
    return loc is not None and loc.city is not None and loc.region == code


def _level_guess(key: str) -> str:
    if key.startswith(("phd", "doctor")):
        return "doctorate"
    if key.startswith(("m", "master")):
        return "master"
    if key.startswith(("b", "bachelor")):
        return "bachelor"
    return "other"


def degree_level(study_type: str | None) -> str | None:
    if not study_type:
        return None
    hit = find_degree(study_type, 0, len(study_type))
    return hit[3] if hit else None


_SCHOOL_NOUNS = ("university", "college", "school", "institute", "academy", "polytechnic")
_SENTENCE_WORDS = frozenset(["for", "with", "to", "in", "at", "on", "by", "from", "as", "the", "a", "an", "my", "our", "was", "were", "is", "are"])


def is_institution(piece: str) -> bool:
    """A short, capitalised piece naming a school ("Delft University of Technology"), not a
    sentence that mentions one ("Organised trips for the pupils of the school")."""
    _, _, _, words = _degree_patterns()
    tokens = piece.split()
    if tokens and piece == piece.lower() and piece[:1].isalpha():
        # a name written all in lower case ("college of kolkata"): short, no sentence's words
        if len(tokens) > 6 or tokens[0].endswith(("ed", "ing")) or any(t in _SENTENCE_WORDS for t in tokens):
            return False
        # (named as a school is: "summit college", "college of kolkata", "hollow school of business")
        return tokens[-1] in _SCHOOL_NOUNS or bool(re.search(r"\b(?:" + "|".join(_SCHOOL_NOUNS) + r") of \w", piece))
    elif not tokens or len(tokens) > 9 or not (piece[:1].isupper() or piece[:1].isdigit()):
        return False
    if ":" in piece or piece.rstrip().endswith((".", ";")) and not piece.rstrip().endswith(("Inc.", "Tech.")):
        return False
    return any(w.strip(".,()") in words for w in piece.lower().split())


def parse_education(doc: ExtractedDocument, section: Section) -> list[Education]:
    drafts: list[_Draft] = []
    cur = _Draft()
    lines = _degree_column(doc.text, _grid_columns(doc.text, join_wrapped_lines(doc, body_lines(doc, section))))
    line_dates, shown = _stacked_dates(doc, lines)
    open_degree = False  # the line before ended with a degree and no field
    head = None  # a school's own line, and the school, while the degrees under it are listed
    cur_degree_line = ""
    for bl, date, blank in zip(lines, line_dates, shown, strict=True):
        text = doc.text
        degree = find_degree(text, bl.start, bl.end) or section_degree(text, bl.start, bl.end)
        if degree and date is None and bl.words > 8 and len(text[bl.start : degree[1]].split()) >= 2 and not _could_hold_school(bl.text):
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
        if degree and cur.degree and not inst and date is None and _same_text(bl.text, cur_degree_line):
            continue  # the entry's degree said again over its description
        if degree:
            cur_degree_line = bl.text
        if (degree and cur.degree) or (inst and cur.institution and not (degree and not cur.degree)) or date and cur.dates and not degree and not inst and (cur.degree or cur.institution):
            drafts.append(cur)
            cur = _Draft()
            if degree and not inst and head is not None and head[0] == drafts[-1].institution and _under(bl, head[1]):
                cur.institution = head[0]  # a second degree listed under the same school
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
            cur.acronym = _school_initials(text, bl, pieces, field_read=bool(degree and cur.area and len(cur.area[0]) > 3))
        for p in pieces:
            in_area = cur.area and p[1] >= cur.area[1] and p[2] <= cur.area[2] + 1
            in_grade = grade and grade.start() <= p[1] < grade.end()
            if p is not inst and not in_area and not in_grade:
                cur.loose.append(p)
    drafts.append(cur)
    entries = [_finish(d) for d in drafts if d.degree or d.institution]
    return entries


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
    m = re.match(
        r"^(?:['’]s)?\s*(?:\([A-Z][A-Za-z.]{1,8}\)\s*)?(?:\(|-|–|:|,)?\s*"  # skip "(MBA)" after the degree name
        r"(?:(?:in|of|(?i:majoring in|major in|with a major in|specialization in|specialisation in))\s+)?",
        seg,
    )
    a = start = pos + (m.end() if m else 0)
    rest = text[a:stop]
    if re.match(r"(?:at|from|à|au|chez)\s|à\s+l['’]", rest):
        return None  # "Bachelor of Technology from Nallamala College": a school, no field
    # The field ends at a separator, a bracket ("B.Sc. (Computer Science)") or a grade
    # ("Economics; 3.7 GPA", "Economics GPA 3.7/4.0").
    cut = re.search(r"\s+(?:at|from)\s+|" + _A_SCHOOL + r"|[,;]|\t|\||[()]|\s[-–—]\s|\s{3,}", rest)
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
    if not area or len(area.split()) > 8 or not area[:1].isalpha() or is_institution(area):
        return None
    if area.lower() in ("degree", "certificate", "diploma", "program", "programme", "course"):
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
        if is_institution(p) or (keep[0].lower().startswith("university of") and len(keep) == 1 and len(p.split()) <= 2):
            keep.append(p)
        else:
            break
    offset = sum(len(p) + 2 for p in parts[:first])
    name = ", ".join(keep)
    return name, s + offset, s + offset + len(name)


_INITIALS = re.compile(r"[A-Z][A-Z0-9&]{1,7}(?:\s*/\s*[A-Z][\w-]+)?")


def _school_initials(
    text: str, bl, pieces: list[tuple[str, int, int]], *, field_read: bool = False
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
        alone = text[bl.start : bl.end].strip(" ,.-–—") == part
        before_place = k + 1 < len(parts) and _place_like(parts[k + 1][0], last=k + 2 == len(parts))
        after_at = re.search(r"(?:\bat|\bfrom|\bà\s+l['’]|\bà|\bau)\s*$", text[bl.start : s]) is not None
        # "BSc Marine Robotics - KWMU - 2009": initials set apart after a field (not a track's
        # letters after a one-letter series: "BAC S - SVT")
        apart = field_read and k > 0 and re.search(r"(?:\s[-–—|]|\t)\s*$", text[bl.start : s]) is not None
        if alone or before_place or after_at or apart:
            return part, s, e
    return None


def _place_like(part: str, *, last: bool) -> bool:
    """A place after a school's initials: one the places data knows, or the line's last piece
    being one capitalised word ("ESNV, Valdoux": a town the places data does not know, or a city named in another language)."""
    from resumeiq.engine.parse.places import read_location

    if read_location(part) is not None:
        return True
    return last and re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ'’-]{2,}", part) is not None


def _could_hold_school(line: str) -> bool:
    return any(is_institution(part.strip()) for part in re.split(r"[,;|\t]|\s[-–—]\s|\s(?:at|from)\s", line))


def _could_be_school(piece: str) -> bool:
    """An unlabelled piece next to a degree: "Ad School" yes; "CGPA", "Mathematics", "Boston, MA" no."""
    words = piece.split()
    if not 2 <= len(words) <= 8 or not all(w[:1].isupper() or w.lower() in ("of", "and", "for", "the", "&") for w in words):
        return False
    if _GRADE.search(piece) or re.search(r"\d", piece):
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
