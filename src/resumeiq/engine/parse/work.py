"""Work history: experience section lines → ``Work`` entries.

An entry is anchored on a line that holds a date range (also one split over two lines, "Mar 2014"
over "current", or a template's "19xx – 20xx"). Its header is the block of short, non-bullet lines
around that line (up to three above and two below: "Title, Company", "Company – City", "Title"),
only below it when the section writes dates first; the pieces of the header are told apart by how
much each looks like a job title, a place, or an employer ("Employer – City" marks the employer).
Lines after the header are the summary (prose) and highlights (bullets, wrapped lines joined); a
title line under a line describing the employer is the position. Without any dates, entries are
anchored on title-like lines followed by bullets or by an "Employer – City" line.
"""

from __future__ import annotations

import functools
import re

from resumeiq.engine._data import load_json
from resumeiq.engine.model import ExtractedDocument, Section, Work
from resumeiq.engine.parse.dates import (
    DASHES,
    DateRange,
    find_date_ranges,
    is_date_word,
    label_start,
    present_label,
    stacked_range,
)
from resumeiq.engine.parse.lines import (
    BodyLine,
    body_lines,
    carries_on,
    ends_in_dotted_abbreviation,
    ends_on_joiner,
    ends_sentence,
    join_wrapped_lines,
    legal_forms,
    split_pieces,
)
from resumeiq.engine.parse.places import looks_like_street, read_location
from resumeiq.engine.parse.segment import heading_kind
from resumeiq.engine.parse.titles import title_score as _base_title_score


def _at_pattern() -> re.Pattern[str]:
    words = load_json("entry_lexicon.json")["at_words"]
    glued = [re.escape(w) for w in words if w[-1] in "'’"]
    spaced = [re.escape(w) for w in words if w[-1] not in "'’"]
    return re.compile(r"\s+(?:(?:" + "|".join(spaced) + r")\s+|(?:" + "|".join(glued) + r")\s*)(?=\w)")


_AT = _at_pattern()
_AT_END = re.compile(
    r"\s+(?:"
    + "|".join(re.escape(w) for w in [*load_json("entry_lexicon.json")["at_words"], *load_json("entry_lexicon.json")["weak_at_words"]] if w[-1] not in "'’")
    + r")\s*$"
)
_WEAK_AT = re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in load_json("entry_lexicon.json")["weak_at_words"]) + r")\s+(?=\S)")
_HEADER_MAX_WORDS = 14
_COMPANY_HINT = re.compile(
    r"\b(?:inc|llc|ltd|limited|corp|corporation|company|co|gmbh|ag|sa|plc|llp|pvt|group|bank|university|"
    r"college|school|hospital|clinic|agency|partners|associates|technologies|solutions|systems|services|"
    r"consulting|labs?|studio|foundation|institute|health|capital|holdings|industries|international)\b\.?",
    re.IGNORECASE,
)


# Words of organisation names that ``titles.title_score`` takes as proof of a name; inside a
# role ("Systems Engineer", "Assistant Bank Manager", "School Teacher") they qualify the role.
_ORG_QUALIFIERS = frozenset(
    ["bank", "banking", "school", "systems", "services", "solutions", "hospital", "clinic", "college", "university", "institute", "capital", "technologies", "group", "foundation", "labs", "partners", "holdings", "company"]
)
_NAME_ENDINGS = frozenset(["inc", "llc", "ltd", "limited", "corp", "corporation", "co", "gmbh", "plc", "llp", "pvt", "ag", "sa"])


_PLACEMENT = re.compile(r"\b(?:internship|apprenticeship|traineeship|student teaching|practicum)$", re.IGNORECASE)


def title_score(text: str) -> float:
    """``titles.title_score``, also for a role qualified by an organisation word: "Systems
    Engineer" scores as "Engineer", "Health Services Manager" as "Health Manager". A name ending
    in such a word or a legal form ("Acme Systems", "Bank of America", "Initech Ltd") stays low."""
    score = _base_title_score(text)
    parts = [p.strip() for p in text.split("/")]
    if score < 0.5 and 2 <= len(parts) <= 3 and all(1 <= len(p.split()) <= 6 for p in parts):
        # "Registered Pharmacist / Community Pharmacist": two titles held together
        score = max(score, min(_base_title_score(p) for p in parts))
    if score < 0.5 and (m := _PLACEMENT.search(text)):
        # "Data Engineering Internship", "Electrical Technician Apprenticeship": a trainee role
        score = max(score, _base_title_score(text[: m.start()] + " Intern"), 0.6 if m.start() == 0 else 0.0)
    if score > 0.05:
        return score
    words = re.findall(r"[A-Za-z][\w'&.-]*", text)
    keys = [w.lower().strip(".") for w in words]
    if len(words) < 2 or keys[-1] in _ORG_QUALIFIERS or any(k in _NAME_ENDINGS for k in keys):
        return score
    if not any(k in _ORG_QUALIFIERS for k in keys):
        return score
    rest = " ".join(w for w, k in zip(words, keys, strict=True) if k not in _ORG_QUALIFIERS)
    return round(0.9 * _base_title_score(rest), 3)


def parse_work(doc: ExtractedDocument, section: Section) -> list[Work]:
    # A lone web address between the lines of a job is a page footer ("https://www.indeed.com/r/…").
    lines = join_wrapped_lines(doc, [bl for bl in body_lines(doc, section) if not _URL_LINE.match(bl.text)])
    if not lines:
        return []
    told, lines = _told_jobs(doc, lines)
    listed_jobs, lines = _listed_jobs(lines)
    told += listed_jobs
    if told:
        rest = _parse_lines(doc, lines)
        # (a sentence under a job's header retelling that job is no second job)
        seen = {(w.startDate, (w.position or "").casefold()) for w in rest}
        told = [w for w in told if (w.startDate, (w.position or "").casefold()) not in seen]
        return sorted(told + rest, key=lambda w: min((span[0] for span in w.evidence.values()), default=0))
    return _parse_lines(doc, lines)


# "Worked as Java Developer with Orvex Labs, Pune from Mar 2015 to June 2018": a job told in one
# sentence (the title, the employer and a place, the dates).
_TOLD = re.compile(
    r"^(?:(?:currently|presently)\s+)?(?:work(?:ed|ing)|employed|serv(?:ed|ing))\s+as\s+(?:an?\s+)?"
    r"(?P<title>[^,;:()]{2,60}?)\s+(?:with|in|at|for)\s+(?:the\s+)?(?P<org>[^,;:()]{2,60}?)"
    r"(?:,\s*(?P<place>[^,;:()]{2,40}?))?,?\s+(?=(?:from|since)\s)",
    re.IGNORECASE,
)


def _told_jobs(doc: ExtractedDocument, lines: list[BodyLine]) -> tuple[list[Work], list[BodyLine]]:
    """Jobs told as one sentence each, dated ("Working as Data Analyst in Orvex Labs, Pune from
    May 2014 to June 2016."); a range cut at the line's end ("from May 2014" over "to June
    2016") runs on to the next line. Returns those jobs and the other lines."""
    jobs: list[Work] = []
    rest: list[BodyLine] = []
    skip = -1
    for i, bl in enumerate(lines):
        if i == skip:
            continue
        m = _TOLD.match(bl.text)
        title = m and m.group("title").strip()
        org = m and m.group("org").strip()
        if not m or title_score(title) < 0.5 or not plausible_employer(org) or title_score(org) >= 0.5:
            rest.append(bl)
            continue
        end = bl.end
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and re.match(rf"^(?:to|till|until|[{DASHES}])\s", nxt.text) and nxt.words <= 5:
            end = nxt.end
        ranges = find_date_ranges(doc.text, bl.start + m.end(), end)
        if not ranges or ranges[0].start is None:
            rest.append(bl)
            continue
        if end != bl.end:
            skip = i + 1
        d = ranges[0]
        work = Work(position=title, name=org, startDate=d.start)
        work.endDate = None if d.current else (d.end or d.start)
        work.evidence.update(position=_span(bl, m, "title"), name=_span(bl, m, "org"), startDate=d.span)
        if work.endDate:
            work.evidence["endDate"] = d.span
        if m.group("place") and _is_place(m.group("place").strip()):
            work.location = m.group("place").strip()
            work.evidence["location"] = _span(bl, m, "place")
        jobs.append(work)
    return jobs, rest


def _listed_jobs(lines: list[BodyLine]) -> tuple[list[Work], list[BodyLine]]:
    """Earlier jobs listed one a line under a run-in label naming them ("Earlier Career:" over
    "ORVEX LABS, Field Engineer" and "Talvio Systems, Technician"): each line an undated job of
    an employer and a title. Returns those jobs and the other lines."""
    jobs: list[Work] = []
    rest: list[BodyLine] = []
    i = 0
    while i <= len(lines):
        # (the section's own heading, "Earlier Career", is such a label too)
        if i > 0:
            bl = lines[i - 1]
            if bl.bullet or not bl.text.rstrip().endswith(":") or heading_kind(bl.text.rstrip(" :")) != "experience":
                if i < len(lines):
                    rest.append(lines[i])
                i += 1
                continue
        run: list[Work] = []
        while i + len(run) < len(lines) and (job := _listed_job(lines[i + len(run)])) is not None:
            run.append(job)
        after = lines[i + len(run)] if i + len(run) < len(lines) else None
        if len(run) >= 2 and (after is None or not find_date_ranges(after.text)):
            jobs.extend(run)
            i += len(run)
        if i < len(lines):
            rest.append(lines[i])
        i += 1
    return jobs, rest


def _listed_job(bl: BodyLine) -> Work | None:
    """"ORVEX LABS, Field Engineer" or "Field Engineer, Orvex Labs": a line of an employer and a
    title, nothing else."""
    parts = [p.strip() for p in bl.text.split(",")]
    if bl.bullet or len(parts) != 2 or not all(1 <= len(p.split()) <= 6 for p in parts) or ends_sentence(bl.text):
        return None
    scores = [title_score(p) for p in parts]
    k = 0 if scores[0] >= scores[1] else 1
    title, employer = parts[k], parts[1 - k]
    if scores[k] < 0.5 or scores[1 - k] >= 0.5 or not plausible_employer(employer) or _is_place(employer):
        return None
    work = Work(position=title, name=employer)
    ts, es = bl.start + bl.text.find(title), bl.start + bl.text.find(employer)
    work.evidence.update(position=(ts, ts + len(title)), name=(es, es + len(employer)))
    return work


def _span(bl: BodyLine, m: re.Match[str], group: str) -> tuple[int, int]:
    text = m.group(group)
    lead = len(text) - len(text.lstrip())
    return bl.start + m.start(group) + lead, bl.start + m.start(group) + len(text.rstrip())


def _parse_lines(doc: ExtractedDocument, lines: list[BodyLine]) -> list[Work]:
    if not lines:
        return []
    dates = [_line_date(doc, bl) for bl in lines]
    cont = _join_split_ranges(doc, lines, dates)
    anchors = [i for i, d in enumerate(dates) if d is not None]
    if not anchors:
        # No dates: an entry starts at a title-like header line with bullets within two lines.
        anchors = [
            i
            for i, bl in enumerate(lines)
            if _headerish(bl)
            and max((title_score(p[0]) for p in _split_header(bl.text, bl.start)), default=0.0) >= 0.5
            and (any(nb.bullet for nb in lines[i + 1 : i + 5]) or i + 1 < len(lines) and _employer_line(lines[i + 1].text))
            and not (i > 0 and _headerish(lines[i - 1]) and title_score(lines[i - 1].text) >= 0.5)
        ]
    if not anchors:
        return []
    blocks: list[tuple[int, int, int]] = []  # (header start, anchor, header end exclusive)

    def roles(i: int, j: int) -> set[str | None]:
        """The fields labelled on lines[i:j] ("Designation:" → position, "Company:" → employer)."""
        return {_label_role(bl.text)[0] for bl in lines[i:j]}

    listed = _labelled_lists(lines)
    prev_end = 0
    # A section that opens with a date line writes each entry's dates first: its header lies below.
    dates_lead = anchors[0] == 0 and dates[0] is not None and not _rest_of_line(doc, lines[0], dates[0])
    for k, a in enumerate(anchors):
        nxt = anchors[k + 1] if k + 1 < len(anchors) else len(lines)
        start = a
        while (
            not dates_lead
            and start - 1 >= prev_end
            and a - (start - 1) <= 3
            and (_headerish(lines[start - 1]) or start == a and _bulleted_name_line(lines[start - 1]) or _bulleted_title_line(lines[start - 1]))
            and dates[start - 1] is None
            and start - 1 not in listed
            and not (start < a and _whole_header(lines[start].text))
            and not {"position", "employer"} <= roles(start, a + 1)
        ):
            start -= 1
        joined = sum(1 for k in (a + 1, a + 2) if k in cont and (k == a + 1 or a + 1 in cont))  # lines of a stacked range
        end = a + 1 + joined
        # The line just above a next anchor that holds nothing but its dates is that entry's header.
        # So is a line without a title just above a next anchor when this entry's header stood
        # whole above a line of dates ("Employer — City", "Title", "dates"; then "Employer2",
        # "Title2  dates").
        above = (
            a - start >= 2
            and not _rest_of_line(doc, lines[a], dates[a])
            and max((title_score(p[0]) for p in _split_header(lines[nxt - 1].text, 0)), default=0.0) < 0.5
        ) if nxt < len(lines) else False
        limit = nxt - 1 if nxt < len(lines) and not dates_lead and dates[nxt] and (above or _dates_only(doc, lines[nxt], dates[nxt])) else nxt
        if _titled_employer_above(lines[start:a]):
            limit = end  # "Title" over "Employer – City" over the dates: nothing below is header
        while (
            end < limit
            and end - a <= 2 + joined
            and (_headerish(lines[end]) or end == a + 1 + joined and _title_bulleted_under_dates(doc, lines, dates, a, end, limit))
            # ("Research Associate at Lab for …, University" is long but a title at its employer)
            and (not _prose(lines[end]) or _whole_header(lines[end].text))
        ):
            # (a second "Designation:" or "Company:" opens the next entry)
            if (role := _label_role(lines[end].text)[0]) in ("position", "employer") and role in roles(start, end):
                break
            end += 1
        if blocks and start <= blocks[-1][2]:
            start = blocks[-1][2]
        blocks.append((start, a, end))
        prev_end = end
    # Lines above an anchor that belong to the previous entry's body must not be claimed twice.
    edges = _right_edges(doc, lines)  # once per section: the columns' right edges
    entries = []
    if _undated_lead(lines[: blocks[0][0]]):
        # The current job written without dates above the dated ones: "Title" over "Employer".
        entries.append(_entry(doc, lines, 0, 0, 2, blocks[0][0], None, edges))
    for k, (start, a, end) in enumerate(blocks):
        body_end = blocks[k + 1][0] if k + 1 < len(blocks) else len(lines)
        entries.append(_entry(doc, lines, start, a, end, body_end, dates[a], edges))
    _inherit_employers(entries)
    _grouped_roles(doc, lines, blocks, entries[len(entries) - len(blocks) :])  # (the dated ones)
    return [w for w in entries if w.name or w.position]


_LIST_LABEL = re.compile(r"^\s*([A-Za-z][A-Za-z &/]{1,30}?)\s*:\s+\S")


def _undated_lead(lines: list[BodyLine]) -> bool:
    """The lines before a section's first dated entry open with a title line over a line naming
    an employer (a short name, or "Employer – City"), then the job's text."""
    if len(lines) < 3 or not all(_headerish(bl) for bl in lines[:2]):
        return False
    title, employer = lines[0].text.strip(), lines[1].text.strip()
    if title_score(title) < 0.5 or _employer_line(title) or _label_role(title)[0] or _label_role(employer)[0]:
        return False
    if _employer_line(employer):
        return True
    return (
        len(employer.split()) <= 6
        and plausible_employer(employer)
        and title_score(employer) < 0.5
        and not _is_place(employer)
        and not _JUNK.match(employer)
        and not find_date_ranges(employer)
    )


def _titled_employer_above(header: list[BodyLine]) -> bool:
    """An entry's lines above its dates are a title line over an "Employer – City" line."""
    return (
        len(header) >= 2
        and _employer_line(header[-1].text)
        and title_score(header[-2].text) >= 0.5
        and not _employer_line(header[-2].text)
    )


def _labelled_lists(lines: list[BodyLine]) -> set[int]:
    """Indices of the lines of labelled lists inside entries ("Skills: C++, CMake, …" under a job)
    and of their wrapped lines (commas, the label line's type): body, never an entry's header."""
    out: set[int] = set()
    k = 0
    while k < len(lines):
        m = _LIST_LABEL.match(lines[k].text)
        if not m or heading_kind(m.group(1), fuzzy=False) not in ("skills", "languages", "interests", "certificates"):
            k += 1
            continue
        out.add(k)
        size = lines[k].line.size
        k += 1
        while k < len(lines) and abs(lines[k].line.size - size) < 0.5:
            text = lines[k].text
            wraps = ends_on_joiner(lines[k - 1].text) or text[:1].islower()
            # In a PDF a list line in the label line's own type carries on the list.
            if not (wraps or size and "," in text):
                break
            out.add(k)
            k += 1
    return out


def _inherit_employers(entries: list[Work]) -> None:
    """Roles held within one employment (an employer line "NORTHGATE ANALYTICS, INC., 2005 to 2016"
    over "Principal Consultant, 2011 to 2016" and "Project Manager, 2007 to 2011") carry the
    employer of the entry whose dates hold theirs."""
    parent: Work | None = None
    for w in entries:
        if w.name:
            parent = w if w.startDate else None
            continue
        if parent is None or not w.position or not w.startDate:
            continue
        within_start = w.startDate[:4] >= parent.startDate[:4]
        within_end = parent.endDate is None or (w.endDate is not None and w.endDate[:4] <= parent.endDate[:4])
        if within_start and within_end:
            w.name = parent.name
            if "name" in parent.evidence:
                w.evidence["name"] = parent.evidence["name"]


def _weak_at_split(by_line: list[list[tuple[str, int, int]]], employer: set[int]) -> list[list[tuple[str, int, int]]]:
    """"Senior Product Lead en Orvex", "Professora na Escola Talvio": a title, a weak "at" and a
    name, where no other piece of the header can be the employer, are the title and the
    employer (whose start joins ``employer``); "Ingeniero en Sistemas | Orvex SA" stays whole."""
    flat = [p for found in by_line for p in found]

    def candidate(p: tuple[str, int, int]) -> bool:
        text = p[0]
        return bool(text) and plausible_employer(text) and title_score(text) < 0.5 and not _is_place(text) and not _unit_like(text) and not _JUNK.match(text)

    out = []
    for found in by_line:
        line = []
        for p in found:
            m = _WEAK_AT.search(p[0])
            if m and not any(candidate(q) for q in flat if q is not p):
                title, name = p[0][: m.start()], p[0][m.end() :]
                if title_score(title) >= 0.5 and plausible_employer(name) and title_score(name) < 0.5 and not _is_place(name):
                    line.append((title, p[1], p[1] + m.start()))
                    line.append((name, p[1] + m.end(), p[2]))
                    employer.add(p[1] + m.end())
                    continue
            line.append(p)
        out.append(line)
    return out


def _grouped_roles(doc: ExtractedDocument, lines: list[BodyLine], blocks: list[tuple[int, int, int]], entries: list[Work]) -> None:
    """Roles listed under one employer's line: "Orvex Labs" over "Senior Engineer  2019 – 2022",
    its bullets, then "Engineer  2016 – 2019" (a line of a title and dates, nothing else, as the
    role above wrote it): the role carries the employer of the role above."""
    grouped = [False] * len(entries)
    for k, (w, (start, a, end)) in enumerate(zip(entries, blocks, strict=True)):
        spans = [w.evidence[f] for f in ("startDate", "endDate", "location", "position") if f in w.evidence]
        titled = w.position is not None and "position" in w.evidence and end == a + 1 and _bare(doc, lines[a], spans)
        if w.name and "name" in w.evidence and titled and start == a - 1:
            # the employer's line alone just above the role's title-and-dates line
            ns = w.evidence["name"][0]
            grouped[k] = lines[start].start <= ns < lines[start].end and _bare(doc, lines[start], [*spans, w.evidence["name"]])
        elif k and titled and start == a and grouped[k - 1] and w.evidence.get("name", entries[k - 1].evidence["name"]) == entries[k - 1].evidence["name"]:
            # (also a role that took the employer already, its dates within the role's above)
            w.name = entries[k - 1].name
            w.evidence["name"] = entries[k - 1].evidence["name"]
            grouped[k] = True


def _bare(doc: ExtractedDocument, bl: BodyLine, spans: list[tuple[int, int]]) -> bool:
    """The line holds nothing besides the given spans (and punctuation, a label)."""
    chars = list(doc.text[bl.start : bl.end])
    for s0, e0 in spans:
        for i in range(max(s0, bl.start), min(e0, bl.end)):
            chars[i - bl.start] = " "
    rest = "".join(chars)
    m = _LABEL.match(rest.strip())
    rest = rest.strip()[m.end() :] if m else rest
    return not re.search(r"[^\W\d_]{2}", rest)


_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)


def _whole_header(text: str) -> bool:
    """A line naming a title and its employer ("Account Manager at Orvex Cloud"): the lines
    above it are not part of its entry's header."""
    m = _AT.search(text)
    return (
        m is not None
        and title_score(text[: m.start()]) >= 0.5
        and plausible_employer(text[m.end() + _article(text[m.end() :]) :].strip())
    )


def _article(text: str) -> int:
    """The length of a lower-case article opening ``text`` ("the Institute of …"): no part of
    the employer's name ("The Home Depot" keeps its capital)."""
    m = re.match(r"the\s+(?=[A-Z0-9])", text)
    return m.end() if m else 0


def _rest_of_line(doc: ExtractedDocument, bl: BodyLine, date: DateRange) -> str:
    """The line's text besides its date (and a label before it, "Dates: ")."""
    before = doc.text[bl.start : label_start(doc.text, bl.start, date.span[0])] if date.span[0] >= bl.start else ""
    return (before + " " + doc.text[date.span[1] : bl.end]).strip(f" \t|,:;(){DASHES}")


def _dates_only(doc: ExtractedDocument, bl: BodyLine, date: DateRange) -> bool:
    """The line holds its dates and nothing else but a place ("06/2022 — 02/2023 | Surubim")."""
    rest = _rest_of_line(doc, bl, date)
    return not rest or _is_place(rest) or bool(re.fullmatch(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?", rest)) and title_score(rest) < 0.3


def _join_split_ranges(doc: ExtractedDocument, lines: list[BodyLine], dates: list[DateRange | None]) -> set[int]:
    """"Apr 2015" over "current" is one range: the first line gets it, the second joins the
    header. Returns the indexes of such second lines."""
    cont = _join_rail_ranges(doc, lines, dates)
    for i in range(len(lines) - 1):
        d = dates[i]
        below = dates[i + 1]
        # (a line opened by "Present:" may end the range above: "2009" over "Present: Forklift …")
        if d is None or not d.single or (below is not None and not below.single and below.start is not None):
            continue
        if d.start is None and dates[i + 1] is not None and dates[i + 1].start is None:
            # "Sept 20XX" over "Dec 20XX": one masked range
            dates[i], dates[i + 1] = DateRange(None, None, False, (d.span[0], dates[i + 1].span[1]), True), None
            cont.add(i + 1)
            continue
        stacked = stacked_range(doc.text, d, [(bl.start, bl.end) for bl in lines[i + 1 : i + 3]])
        if stacked is not None:
            dates[i] = stacked[0]
            for k in range(i + 1, i + 1 + stacked[1]):
                dates[k] = None
                cont.add(k)
    return cont


def _join_rail_ranges(doc: ExtractedDocument, lines: list[BodyLine], dates: list[DateRange | None]) -> set[int]:
    """A range wrapped inside a narrow rail of dates ("June" over "2022-November" over "2023", or
    "December" over "2023-Present"): up to three rail lines in a row read as one text, and a
    range that runs across their breaks goes to the first of them; the others join it. Ranges
    each rail line holds whole are left as they are. Returns the indexes of the joined lines."""
    cont: set[int] = set()
    i = 0
    while i < len(lines):
        j = i
        while lines[i].line.rail == "left" and j + 1 < len(lines) and j - i < 2 and lines[j + 1].line.rail == "left":
            j += 1
        if j > i:
            for d in find_date_ranges(doc.text, lines[i].start, lines[j].end):
                if not d.single and d.span[0] < lines[i].end and d.span[1] > lines[i + 1].start:
                    last = max(k for k in range(i, j + 1) if lines[k].start < d.span[1])
                    dates[i] = d
                    for k in range(i + 1, last + 1):
                        dates[k] = None
                        cont.add(k)
                    j = last
                    break
        i = j + 1
    return cont


def _line_date(doc: ExtractedDocument, bl: BodyLine) -> DateRange | None:
    found = find_date_ranges(doc.text, bl.start, bl.end)
    if bl.bullet and bl.words > 8 and not _dated_entry_line(bl, found):
        return None
    for d in found:
        if not d.single or bl.words <= 10 or "\t" in bl.text:
            # A lone year inside prose ("since 2015 I …") is not an entry date; a range is.
            if d.single and len(d.start or "") == 4 and bl.words > 4 and "\t" not in bl.text and not _year_closes_header(bl, d):
                continue
            return d
    if found:
        return None
    return _placeholder_date(doc, bl) or (present_label(doc.text, bl.start, bl.end) if bl.words <= 14 else None)


_PLACEHOLDER_YEAR = re.compile(r"(?<![\w])(?:(?P<month>[A-Za-z]{3,9})\.?\s+)?(?:19|20)[xX]{2}(?![\w])")


def _year_closes_header(bl: BodyLine, d: DateRange) -> bool:
    """"Fourth Grade Teacher, Elm Park School, Dayton, OH, 1998": a year closing a line of short
    comma pieces (a title first, then an employer, a place) is the entry's date, not a year in
    prose (nor a citation's, "…, pages 12-19. Springer, 2012")."""
    if bl.bullet or bl.text[d.span[1] - bl.start :].strip(" .)"):
        return False
    before = bl.text[: d.span[0] - bl.start].rstrip()
    if not before.endswith((",", "(")) and not before.endswith(tuple(DASHES)):
        return False
    parts = [p.strip() for p in before.rstrip(",(" + DASHES).split(",")]
    return (
        len(parts) >= 2
        and title_score(parts[0]) >= 0.5
        and all(1 <= len(p.split()) <= 8 and not ends_sentence(p) and not re.search(r"\d\d", p) for p in parts)
    )


def _dated_entry_line(bl: BodyLine, found: list[DateRange]) -> bool:
    """A long bulleted line that is an entry's header, not an achievement: its dates stand at an
    end of the line, set off from pieces no longer than a title or an employer
    ("– Northgate University • Senior Lecturer in Geology • 2015–2021")."""
    if not found or ends_sentence(bl.text):
        return False
    first, last = found[0].span[0] - bl.start, found[-1].span[1] - bl.start
    at_end = not bl.text[last:].strip(" .)") or not bl.text[:first].strip(" (")
    # The pieces around the dates ("Nov 2017 - Nov 2019 : Apprentice developer at Orvex (Talvio)"
    # is the dates and one piece of six words).
    chars = list(bl.text)
    for d in found:
        for k in range(max(0, d.span[0] - bl.start), min(len(chars), d.span[1] - bl.start)):
            chars[k] = "\t"
    pieces = split_pieces("".join(chars), 0)
    # A piece closing a sentence ("Built the test rig. (May 2019)") is an achievement's text.
    return (
        at_end
        and len(pieces) + len(found) >= 2
        and all(len(p[0].split()) <= 8 and not ends_sentence(p[0]) for p in pieces)
    )


def _placeholder_date(doc: ExtractedDocument, bl: BodyLine) -> DateRange | None:
    """A template's masked dates ("19xx-20xx", "Sept 20XX – Dec 20XX") mark an entry without
    telling its dates: an anchor with no start or end."""
    if bl.words > 14:
        return None
    spans = []
    for m in _PLACEHOLDER_YEAR.finditer(doc.text, bl.start, bl.end):
        month = m.group("month")
        spans.append((m.start() if month and is_date_word(month) else m.end() - 4, m.end()))
    if not spans:
        return None
    return DateRange(None, None, False, (spans[0][0], spans[-1][1]), True)


def _title_bulleted_under_dates(
    doc: ExtractedDocument, lines: list[BodyLine], dates: list[DateRange | None], a: int, k: int, limit: int
) -> bool:
    """A job title set as a bullet right under a line of nothing but the entry's dates, with its
    employer's line below it ("Mar 2025 - Now" / "• Graduate Analyst" / "HARBOUR CLINIC, Leeds"):
    the entry's header, not its first achievement."""
    bl = lines[k]
    return (
        bl.bullet
        and bl.words <= 6
        and not ends_sentence(bl.text)
        and dates[a] is not None
        and not _rest_of_line(doc, lines[a], dates[a])
        and title_score(bl.text) >= 0.5
        and k + 1 < limit
        and _headerish(lines[k + 1])
        and title_score(lines[k + 1].text) < 0.5
    )


def _headerish(bl: BodyLine) -> bool:
    # (a labelled line, "Company: Orvex Holdings Ltd. Sti.", is a header line however it ends)
    # (so is one that names the title or the employer behind a bullet, "• Company: Orvex Labs")
    # (and a place behind a dash the line above wrapped before: "— Walbrzych, Poland")
    if bl.bullet and _label_role(bl.text)[0] not in ("position", "employer") and not (bl.words <= 4 and _is_place(bl.text)):
        return False
    return bl.words <= _HEADER_MAX_WORDS and (not ends_sentence(bl.text) or _dotted_header(bl.text) or bool(_LABEL.match(bl.text)))


def _bulleted_title_line(bl: BodyLine) -> bool:
    """"• Senior Reporting Analyst <tab> Pune" over the employer's line and its dates: a job
    title behind a bullet glyph (the layout sets one before each entry's title)."""
    if not bl.bullet or not 2 <= bl.words <= 8 or ends_sentence(bl.text):
        return False
    head = bl.text.split("\t")[0].strip()
    rest = bl.text[len(head) :].strip()
    return title_score(head.split(", ")[0]) >= 0.6 and (not rest or _is_place(rest))


def _bulleted_name_line(bl: BodyLine) -> bool:
    """"– Orvex Data <tab> Stroud" just above a title and its dates: a name and, after a tab, a
    short capitalised place, behind a bullet glyph the layout gives every line."""
    parts = bl.text.split("\t")
    if not bl.bullet or len(parts) != 2 or bl.words > 8 or ends_sentence(bl.text):
        return False
    name, place = parts[0].strip(), parts[1].strip()
    words = place.replace(",", " ").split()
    return (
        bool(name)
        and 1 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not re.search(r"\d", place)
        and plausible_employer(name)
        and title_score(name) < 0.5
        and title_score(place) < 0.5
    )


def _dotted_header(text: str) -> bool:
    """A header written as a sentence, its pieces set apart by commas and closed by a period:
    "Staff Engineer, Search, Initech, Springfield." (a title first, every piece short)."""
    body = text.rstrip()
    if not body.endswith(".") or body.endswith("..") or re.search(r"[.;:!?]\s", body):
        return False
    parts = [p.strip() for p in body[:-1].split(",")]
    return 2 <= len(parts) <= 5 and all(1 <= len(p.split()) <= 6 for p in parts) and title_score(parts[0]) >= 0.5


def _prose(bl: BodyLine) -> bool:
    """A sentence, not a header: more than eight words in one piece ("NHTI - National Institute
    of the Highlands <tab> Keswick, Cumbria, England" is an employer and a place), unless its
    commas set a title, an employer and a place apart ("Research intern in applied statistics,
    Orvex Labs, Lyon")."""
    if bl.words <= 8 or title_score(bl.text) >= 0.5:
        return False
    if max(len(p[0].split()) for p in split_pieces(bl.text, 0)) <= 8:
        return False
    parts = [p.strip() for p in bl.text.split(",")]
    return not (
        3 <= len(parts) <= 5
        and all(1 <= len(p.split()) <= 8 for p in parts)
        and title_score(parts[0]) >= 0.5
        and _is_place(parts[-1])
    )


def _entry(
    doc,
    lines: list[BodyLine],
    start: int,
    a: int,
    end: int,
    body_end: int,
    date: DateRange | None,
    edges: dict[tuple[int, int], float],
) -> Work:
    work = Work()
    if date is not None and date.start is not None:
        work.startDate = date.start
        work.endDate = None if date.current else date.end
        work.evidence["startDate"] = date.span
        if work.endDate:
            work.evidence["endDate"] = date.span
        if date.single and not date.current:
            work.endDate = date.start
    by_line: list[list[tuple[str, int, int]]] = []
    employer: set[int] = set()  # starts of pieces written as "Employer – City" or "Employer –"
    titled: set[int] = set()  # starts of pieces labelled as the position ("Designation: …")
    labelled: set[int] = set()  # starts of pieces labelled as the employer ("Company: …")
    joined = False  # the line above ended on "at" ("Sales Manager bei" over "Orvex GmbH")
    for k_line, bl in enumerate(lines[start:end], start=start):
        text, offset = bl.text, bl.start
        after_at, joined = joined, False
        if (m := _AT_END.search(text)) and title_score(text[: m.start()]) >= 0.5:
            text, joined = text[: m.start()], True
        if date is not None and date.span[0] < bl.end and bl.start < date.span[1]:
            ds, de = max(date.span[0], bl.start), min(date.span[1], bl.end)
            ds = label_start(doc.text, bl.start, ds) if ds == date.span[0] else ds  # "Dates: Jan 2019 – …"
            text = bl.text[: ds - bl.start] + " " * (de - ds) + bl.text[de - bl.start :]  # (a joined line's break reads as a space)
        role, cut = _label_role(text)
        if role is None and text.lstrip().startswith(":") and k_line > 0:
            # a label the layout set on a line of its own ("Role" over ": Lead Data Analyst")
            label = lines[k_line - 1].text.strip()
            if _label_role(label + text.lstrip())[0] is not None and len(label.split()) <= 3:
                role, cut = _label_role(label + text.lstrip())[0], text.find(":") + 1
        if k_line + 1 < len(lines) and lines[k_line + 1].text.lstrip().startswith(":") and _label_role(text.strip() + ": x")[1]:
            found = []  # the label of the value below ("Project" over ": Risk Ledger")
        elif role == "position" and (found := split_pieces(text[cut:], offset + cut)):
            # "Designation: Financial Analyst, Payments": the labelled value is the title, whole
            titled.add(found[0][1])
        elif role == "employer" and (found := _split_header(text[cut:], offset + cut)):
            if not _is_place(found[0][0]):  # (a template's "Employer's name - Leeds" names a place)
                employer.add(found[0][1])
                labelled.add(found[0][1])
        elif role == "project":
            found = []  # "Project: Risk Reporting" names neither the title nor the employer
        else:
            found = _split_header(text, offset)
            if found and (_employer_line(text) or after_at and plausible_employer(found[0][0])):
                employer.add(found[0][1])
        by_line.append(found)
    by_line = _weak_at_split(by_line, employer)
    pieces, qualified = _qualified_titles(doc, by_line)
    # starts of the pieces of a line that holds a title and one other piece ("hargreaves & sons, Pharmacist")
    paired = {
        p[1]
        for found in ([q for q in f if not _is_place(q[0])] for f in by_line)
        if len(found) == 2 and max(title_score(q[0]) for q in found) >= 0.5
        for p in found
    }
    _assign(work, pieces, employer, qualified, titled, paired, labelled)
    late = _late_title(lines, end, body_end) if work.position is None and work.name else None
    if late is not None:
        k, (title, ts, te) = late
        work.position = title
        work.evidence["position"] = (ts, te)
    elif work.position is None and work.name and end < body_end and (lead := _lead_in_title(lines[end])):
        work.position, work.evidence["position"] = lead[0], lead[1:]
    summary: list[str] = []
    highlights: list[tuple[int, int]] = []
    # Items indented without a glyph: a line may carry on the item above (see carries_on; the
    # right edge is the column's, measured over the page's body lines).
    prev: BodyLine | None = None
    right_edge = max((edges.get((bl.line.page, bl.line.column), 0.0) for bl in lines[end:body_end] if bl.indented), default=0.0)
    for k, bl in enumerate(lines[end:body_end], start=end):
        if late is not None and k == late[0]:
            continue
        carried = (
            bl.indented
            and prev is not None
            and prev.indented
            and bool(highlights)
            and carries_on(prev, bl, right_edge)
            and (prev.line.x0 - bl.line.x0 > 3.0 or ends_on_joiner(prev.text) or _continues(doc, highlights[-1], bl))
        )
        prev = bl
        if not carried and (bl.bullet or highlights and not _continues(doc, highlights[-1], bl)):
            highlights.append((bl.start, bl.end))
        elif highlights:
            highlights[-1] = (highlights[-1][0], bl.end)
        else:
            summary.append(bl.text)
            work.evidence.setdefault("summary", (bl.start, bl.end))
    if summary:
        work.summary = " ".join(" ".join(summary).split())
    for i, (s, e) in enumerate(highlights):
        work.highlights.append(" ".join(doc.text[s:e].split()))
        work.evidence[f"highlights.{i}"] = (s, e)
    return work


def _unit_like(text: str) -> bool:
    """A team or department's name ("Retail Banking", "Growth", "Data Platform"): a unit word, no
    legal form, not a title or a place, at most four words."""
    units, _organisations, legal = _unit_words()
    words = {w.strip(".,").lower() for w in text.split()}
    return 1 <= len(words) <= 4 and bool(words & units) and not words & legal and title_score(text) < 0.5 and not _is_place(text)


def _org_words(text: str) -> bool:
    return bool({w.strip(".,").lower() for w in text.split()} & _unit_words()[1])


def _qualifies_before(q: str, y: str) -> bool:
    """Whether ``q``, between a title and ``y`` on one line, is the title's team rather than the
    employer: a team's name before a part that is not one, or a part without an organisation
    word before one with ("Growth, Dune Granite Media")."""
    if not q[:1].isupper() or len(q.split()) > 4 or _is_place(q) or _only_date_words(q):
        return False
    return not _org_words(q) and (_unit_like(q) and not _unit_like(y) or _org_words(y) and not _is_place(y))


def _title_and_qualifier(text: str) -> bool:
    """"HR Specialist, Mobile" before "at …": a title and, after its comma, a short qualifier."""
    head, _, rest = text.partition(", ")
    rest = rest.strip()
    return bool(rest) and "," not in rest and len(rest.split()) <= 4 and title_score(head) >= 0.5 and title_score(rest) < 0.5 and not _is_place(rest)


@functools.cache
def _unit_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(team and department words, organisation words, legal forms) of ``entry_lexicon.json``."""
    lex = load_json("entry_lexicon.json")
    return frozenset(lex["unit_words"]), frozenset(lex["organisation_words"]), frozenset(lex["legal_forms"])


def _qualified_titles(doc: ExtractedDocument, by_line: list[list[tuple[str, int, int]]]) -> tuple[list[tuple[str, int, int]], set[int]]:
    """"Offering Manager, Cloud Support Services" over "Halvorsen Systems GmbH": where another
    line of the entry names the employer, the part after a title's comma that names a team or a
    department is the title's own qualifier, not a second employer. Returns the pieces and the
    starts of the qualified titles."""
    flat = [p for found in by_line for p in found]
    qualified: set[int] = set()
    units, organisations, legal = _unit_words()
    for found, i in ((f, i) for f in by_line for i in range(len(f) - 1)):
        (t, ts, te), (q, qs, qe) = found[i], found[i + 1]
        if len(found) != 2 and not _unit_like(q):
            continue  # (on a line of more pieces, "Title, Team | Employer | City", a team's name only)
        if doc.text[te:qs].strip() != "," or not q[:1].isupper() or "," in q or title_score(t) < 0.5 or title_score(q) >= 0.5:
            continue
        q_words = {w.strip(".").lower() for w in q.split()}
        if _is_place(q) or _only_date_words(q) or q_words & legal:
            continue
        others = [p for j, f in enumerate(by_line) for p in f if p not in (found[i], found[i + 1])]
        employers = [o for o in others if plausible_employer(o[0]) and title_score(o[0]) < 0.5 and not _is_place(o[0]) and not _JUNK.match(o[0])]
        named = any({w.strip(".,").lower() for w in o[0].split()} & organisations for o in employers)
        if employers and (q_words & units or named and not q_words & organisations):
            flat = [p for p in flat if p not in (found[i], found[i + 1])] + [(doc.text[ts:qe], ts, qe)]
            flat.sort(key=lambda p: p[1])
            qualified.add(ts)
    return flat, qualified


def _right_edges(doc: ExtractedDocument, lines: list[BodyLine]) -> dict[tuple[int, int], float]:
    """The right edge of each text column (page, column) that holds indented ``lines``: the
    furthest right any body line of that page and column reaches."""
    keys = {(bl.line.page, bl.line.column) for bl in lines if bl.indented}
    edges: dict[tuple[int, int], float] = {}
    if keys:
        for ln in doc.lines:
            key = (ln.page, ln.column)
            if not ln.rail and key in keys and ln.x1 > edges.get(key, 0.0):
                edges[key] = ln.x1
    return edges


def _late_title(lines: list[BodyLine], end: int, body_end: int) -> tuple[int, tuple[str, int, int]] | None:
    """An employer line, its dates, a line or two describing the employer ("Maker of precision
    flow meters for …"), then the title ("Director of Channel Sales"): a title line under the
    description."""
    for k in range(end, min(body_end, end + 3)):  # at most two lines of description first
        bl = lines[k]
        if bl.bullet:
            return None
        if bl.words <= 8 and not ends_sentence(bl.text):
            pieces = _clean_pieces(_split_header(bl.text, bl.start))
            if pieces and title_score(pieces[0][0]) >= 0.5:
                return k, pieces[0]
            return None
    return None


_LEAD_IN = re.compile(r"^(?P<title>[^.,;:()\d]{3,60}?)(?:\s+[-–—]\s+|:\s+)(?=[A-Z])")


def _lead_in_title(bl: BodyLine) -> tuple[str, int, int] | None:
    """The title opening the first line of an entry's text, set off by a dash or a colon from
    the sentence it leads ("Head of Casting Quality - Took over the sand lab …")."""
    m = _LEAD_IN.match(bl.text)
    if bl.bullet or m is None or bl.words <= 8:
        return None
    title = m.group("title").strip()
    if len(title.split()) > 7 or title_score(title) < 0.5 or _LABEL.match(bl.text):
        return None
    return title, bl.start, bl.start + len(title)


def _continues(doc, prev: tuple[int, int], bl: BodyLine) -> bool:
    """A wrapped bullet line: starts lower-case, or the previous line did not end a sentence."""
    prev_text = doc.text[prev[0] : prev[1]].rstrip()
    return bl.text[:1].islower() or not prev_text.endswith((".", "!", "?", ":", ";")) and not bl.text[:1].isupper()


_PLACE_IN_BRACKETS = re.compile(r"^(?P<head>.*?\S)\s*\((?P<place>[^()]+)\)$")


def _bracketed_places(pieces: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """"Product Manager (Houston, TX)": a place in brackets after a piece is a piece of its own."""
    out = []
    for piece, s, e in pieces:
        m = _PLACE_IN_BRACKETS.match(piece)
        if m and _is_place(m.group("place").strip()):
            out.append((m.group("head"), s, s + m.end("head")))
            out.append((m.group("place").strip(), s + m.start("place"), s + m.end("place")))
        else:
            out.append((piece, s, e))
    return out


def _acronym_names(text: str, offset: int, pieces: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """"PUCIT - University of the Punjab": an acronym and, after a dash, the organisation it
    stands for are one name."""
    _units, organisations, _legal = _unit_words()
    out: list[tuple[str, int, int]] = []
    for piece in pieces:
        if out:
            head, hs, _he = out[-1]
            between = text[_he - offset : piece[1] - offset].strip()
            words = {w.strip(".,").lower() for w in piece[0].split()}
            if re.fullmatch(r"[A-Z][A-Z0-9&]{1,7}", head) and between in ("-", "–", "—") and words & organisations and title_score(piece[0]) < 0.5:
                out[-1] = (text[hs - offset : piece[2] - offset], hs, piece[2])
                continue
        out.append(piece)
    return out


def _split_header(text: str, offset: int) -> list[tuple[str, int, int]]:
    out = []
    for piece, s, e in _bracketed_places(_acronym_names(text, offset, split_pieces(text, offset))):
        c = piece.find(": ")
        if c > 0 and title_score(piece[:c]) >= 0.5 and plausible_employer(piece[c + 2 :]) and not _LABEL.match(piece):
            # "Adjunct Instructor: Lakeshore Community College": title, colon, employer
            out.append((piece[:c], s, s + c))
            piece, s = piece[c + 2 :], s + c + 2
        m = _AT.search(piece)
        if m and (title_score(piece[: m.start()]) >= 0.4 or _title_and_qualifier(piece[: m.start()])):
            out.append((piece[: m.start()], s, s + m.start()))
            k = m.end() + _article(piece[m.end() :])  # "Lecturer at the University of …"
            out.append((piece[k:], s + k, e))
            continue
        # "Fundraising Assistant, Harbour Lights Trust, Geelong" reads as an address ending in a
        # city, but a part before that is a job title: the line is title, employer, place.
        split = ", " in piece and (not _is_place(piece) or title_score(piece.split(", ")[0]) >= 0.5)
        glued = _title_then_place(piece) if piece.count(", ") == 1 else None
        if glued:
            out.append((piece[:glued].rstrip(), s, s + len(piece[:glued].rstrip())))
            out.append((piece[glued:], s + glued, e))
        elif split:
            out.extend(_split_commas(piece, s))
        elif ", " in piece and (cut := _employer_before_place(piece)):
            out.append((piece[:cut].rstrip(" ,"), s, s + len(piece[:cut].rstrip(" ,"))))
            out.append((piece[cut:], s + cut, e))
        else:
            out.append((piece, s, e))
    return out


def _place_tail(tail: str) -> bool:
    """A place made of the given comma parts, each of them part of it: "Austin, TX" is, but
    "Pixel Harbor Americas, Detroit" (an employer read as an address ending in a known city) is
    not."""
    loc = read_location(tail)
    if loc is None:
        return False
    parts = [p.strip() for p in tail.split(",")]
    return len(parts) == 1 or loc.city is None or loc.city.lower() in parts[0].lower()


def _title_then_place(piece: str) -> int | None:
    """"Owner/Web Designer Sherman Oaks, California": where a place run into a title starts."""
    head, region = piece.split(", ")
    words = head.split()
    for j in (1, 2, 3):
        if len(words) <= j:
            break
        title, town = " ".join(words[:-j]), " ".join(words[-j:])
        # (the town is no part of the title: "Senior Field Service Engineer, Northern Region")
        if title_score(title) >= 0.5 and title_score(town) < 0.5 and _place_tail(town + ", " + region):
            return len(piece) - len(" ".join(words[-j:]) + ", " + region)
    return None


def _employer_before_place(piece: str) -> int | None:
    """"Quarrybank Payments, Austin, Texas" → where "Austin, Texas" starts: the parts before a trailing place
    are a name (not a street address, which has numbers or street words)."""
    parts = piece.split(",")
    for k in (2, 1):
        if len(parts) <= k:
            continue
        head, tail = ",".join(parts[:-k]).strip(), ",".join(parts[-k:]).strip()
        if not head or _address_part(head) or _is_place(head) or not plausible_employer(head):
            continue
        if _place_tail(tail):
            return len(piece) - len(",".join(parts[-k:]).lstrip())
    return None


def _address_part(text: str) -> bool:
    """A street address part: a house number ("221B", "#12") or a street word ("Baker Street");
    a digit inside a name ("Rapid7", "Orvex360") makes no address."""
    words = text.split()
    if any(re.match(r"#|\d", w) for w in words):
        return True
    return looks_like_street(" ".join(w for w in words if not any(c.isdigit() for c in w)) or "-")


_FIRM = re.compile(r"^[A-Z][\w'’-]+(?:, [A-Z][\w'’-]+)*,? (?:and|AND|&) [A-Z][\w'’-]+\.?$")


def _split_commas(piece: str, s: int) -> list[tuple[str, int, int]]:
    """"Senior Lecturer, Ashcombe University, Leeds" → title, employer, place; partners' names
    such as "Carver, Lindqvist and Oduya" (no title among the parts) stay whole."""
    if _FIRM.match(piece):
        return [(piece, s, s + len(piece))]  # "Ng, Whitford and Bose": partners' names
    parts: list[tuple[str, int, int]] = []
    pos = 0
    for chunk in piece.split(", "):
        parts.append((chunk, s + pos, s + pos + len(chunk)))
        pos += len(chunk) + 2
    titles = [title_score(p[0]) >= 0.5 and not _region_code(p[0]) for p in parts]
    if not any(titles) or all(titles):
        return [(piece, s, s + len(piece))]
    place: tuple[str, int, int] | None = None
    for k in (2, 1):  # a trailing "City, ST" or "City"
        if len(parts) - k >= 1 and not any(titles[-k:]):
            tail = ", ".join(p[0] for p in parts[-k:])
            if _place_tail(tail):
                place = (tail, parts[-k][1], parts[-1][2])
                parts, titles = parts[:-k], titles[:-k]
                break
    # "HR coordinator, clinical operations": a team's name in lower case after a title is the title's
    k = 0
    while k + 1 < len(parts):
        (t, ts, _te), (q, _qs, qe) = parts[k], parts[k + 1]
        if titles[k] and not titles[k + 1] and q == q.lower() and q[:1].isalpha() and _unit_like(q):
            parts[k : k + 2] = [(f"{t}, {q}", ts, qe)]
            titles[k : k + 2] = [True]
        k += 1
    # "Analyst, Retail Banking, Orvex Ventures": a team between the title and the employer is the title's
    k = 0
    while k + 2 < len(parts):
        (t, ts, _te), (q, _qs, qe), (y, _ys, _ye) = parts[k : k + 3]
        if titles[k] and not titles[k + 1] and not titles[k + 2] and _qualifies_before(q, y):
            parts[k : k + 2] = [(f"{t}, {q}", ts, qe)]
            titles[k : k + 2] = [True]
        k += 1
    out: list[tuple[str, int, int]] = []
    run: list[tuple[str, int, int]] = []
    for part, is_title in zip(parts, titles, strict=True):
        if is_title:
            if run:
                out.append((", ".join(p[0] for p in run), run[0][1], run[-1][2]))
                run = []
            out.append(part)
        else:
            run.append(part)
    if run:
        out.append((", ".join(p[0] for p in run), run[0][1], run[-1][2]))
    if place:
        out.append(place)
    return out


def _split_trailing_place(company: str) -> tuple[str, str | None]:
    """"Quillfeather Technologies, New York, NY" → ("Quillfeather Technologies", "New York, NY");
    a tail of one or two capitalised words after an employer word counts too ("… School District,
    Hollins")."""
    if _FIRM.match(company):
        return company, None  # "CHEN, WU AND MA": partners' names, not a name and a state
    parts = company.split(", ")
    while len(parts) > 1 and _only_date_words(parts[-1]):
        parts.pop()  # "…, January-May"
        company = ", ".join(parts)
    for k in (2, 1):
        if len(parts) > k:
            head, tail = ", ".join(parts[:-k]), ", ".join(parts[-k:])
            if _is_place(tail):
                return head, tail
            if k == 1 and _COMPANY_HINT.search(head) and not _COMPANY_HINT.search(tail):
                words = tail.split()
                if 1 <= len(words) <= 2 and all(w[:1].isupper() for w in words):
                    return head, tail
    return company, None


def _is_place(piece: str) -> bool:
    """A place, also with a note in brackets after it ("Lyon (remote)", "Paris (télétravail)");
    not a company whose legal form reads as a region code ("Orvex Holdings AB", "Orvex Holdings
    S.A.", but "Calgary, AB")."""
    words = piece.split()
    if len(words) >= 2 and not words[-2].endswith(",") and words[-1].replace(".", "").lower() in legal_forms():
        return False
    if read_location(piece) is not None:
        return True
    bare = re.sub(r"\s*\([^()]{1,20}\)$", "", piece)
    return bare != piece and "," not in bare and read_location(bare) is not None


_LABEL = re.compile(
    r"^(?:" + "|".join(re.escape(w) for w in sorted(load_json("entry_lexicon.json")["field_labels"], key=len, reverse=True)) + r")(?:\s*#?\d{1,2})?\s*[:\-–]\s*",  # (numbered: "Company 2:")
    re.IGNORECASE,
)


_JUNK = re.compile(
    r"^(?:present|current|now|till date|to date|location|duration|page \d+.*|\W*\d[\d\W]*|"
    # words a header line holds that name neither a role nor an employer
    r"resume|résumé|curriculum vitae|cv|job seeker|expected|anticipated|salary|remunerated|unpaid|"
    r"participant|observations?|history|web ?sites?|references?|(?:company|employer'?s?|job|your) name|"
    r".*\[(?:year|date|month)\].*)$",
    re.IGNORECASE,
)


@functools.cache
def _label_roles() -> dict[str, str]:
    lex = load_json("entry_lexicon.json")
    return {
        **{w: "project" for w in lex["project_labels"]},
        **{w: "employer" for w in lex["employer_labels"]},
        **{w: "position" for w in lex["position_labels"]},
    }


def _label_role(text: str) -> tuple[str | None, int]:
    """("position" | "employer" | "project" | None, where the value starts) for a line opened by
    a field label: "Designation: …" names the title, "Company: …" the employer, "Project: …" a
    project."""
    m = _LABEL.match(text)
    if m is None:
        return None, 0
    word = " ".join(text[: m.end()].strip(" \t:-–").rstrip("0123456789#").lower().split())  # ("Company 2:")
    return _label_roles().get(word), m.end()


_PROSE = re.compile(r"[\"“”]|\w: |^(?:as|to|in|at|for|from|and|the|a|an|with|during|used|was|were)\b|\($|^\W")


def _clean_pieces(pieces: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    out = []
    for text, s, _e in pieces:
        m = _LABEL.match(text)
        if m:
            text, s = text[m.end() :], s + m.end()
        text = text.strip(" ,;:-–—")
        text = text if ends_in_dotted_abbreviation(text) else text.strip(" ,;:-–—.")  # "Levante S.L." keeps its point
        for o, c in ("()", "[]"):
            k = text.rfind(o)
            if k > 1 and c not in text[k:]:
                text = text[:k].rstrip(" ,;:-–—")  # "Project Manager (Tulsa, OK": the bracket was cut off
        if len(text) < 2 or _JUNK.match(text) or not re.search(r"[A-Za-z]{2}", text) or _only_date_words(text):
            continue
        if any(d.span[1] - d.span[0] >= len(text) - 1 for d in find_date_ranges(text)):
            continue  # "Summer 2006": a date that is not the entry's
        if _PROSE.search(text):
            continue  # a sentence, a quotation or a "Label: value" line is no employer or title
        out.append((text, s, s + len(text)))
    return out


# Labels inside a job ("Responsibilities & Achievements", "Team Size: 8"), not employers.
_JOB_LABEL = re.compile(
    r"^(?:key\s+)?(?:(?:roles?|duties|job|major|main)\s*(?:and|&|/)?\s*)?(?:responsibilit(?:y|ies)|duties|tasks|achievements?|"
    r"accomplishments?|result areas?|highlights|description|job description|project description|scope|client|"
    r"environment|technolog(?:y|ies)(?: used)?|tools used|team size\b.*|role|profile|summary|details?)"
    r"(?:\s*(?:and|&|/)\s*(?:achievements?|accomplishments?|responsibilit(?:y|ies)|duties|tasks))?\W*$",
    re.IGNORECASE,
)
_DURATION = re.compile(r"^\d+\+?\s*(?:years?|yrs?|months?|mos?)\b", re.IGNORECASE)
# Lower-case words that names of organisations hold ("Bank of America", "Ernst & Young").
_NAME_PARTICLES = frozenset(
    ["of", "and", "for", "the", "in", "at", "on", "de", "du", "des", "la", "le", "les", "da", "do", "dos", "das", "di", "del", "della", "van", "von", "der", "den", "y", "e", "et", "und", "&", "an", "a"]
)
# Particles of surnames, written in lower case also where they open a name ("da Costa Analytics").
_SURNAME_PARTICLES = frozenset(["da", "de", "di", "do", "dos", "das", "du", "del", "della", "van", "von", "der", "den", "la", "le"])
_CONNECTOR_WORDS = frozenset({"to", "till", "until", "and", "-", "–", "—", "through", "thru"})


def _only_date_words(text: str) -> bool:
    """"January-May", "Summers", "September to": month, season and "present" words only."""
    words = [w for w in re.split(rf"[\s/,{DASHES}]+", text) if w]
    return all(is_date_word(w) or w.lower().rstrip("s") in ("summer", "winter") or w.lower() in _CONNECTOR_WORDS for w in words)


def _skill_list(text: str) -> bool:
    from resumeiq.engine.parse.skills import find_skills

    items = [t.strip() for t in text.split(",") if t.strip()]
    return sum(1 for t in items if any(h.end - h.start >= 0.8 * len(t) for h in find_skills(t))) >= 0.6 * len(items)


def _lower_case_name(text: str) -> bool:
    """A name written all in lower case ("hargreaves & sons", "cabrera energy corp."): two to
    five words, no function word of a sentence but a name's own, no title, date or place."""
    words = text.split()
    if not 2 <= len(words) <= 5 or text != text.lower() or not text[:1].isalpha() or words[0].endswith(("ed", "ing")):
        return False  # (a lower-case sentence opens on a verb: "managed the rota")
    if any(w in _unit_words_function() and w not in _NAME_PARTICLES for w in words):
        return False
    return title_score(text) < 0.3 and not _is_place(text) and not _only_date_words(text) and not _JUNK.match(text)


@functools.cache
def _unit_words_function() -> frozenset[str]:
    return frozenset(load_json("entry_lexicon.json")["function_words"])


def plausible_employer(text: str) -> bool:
    """An employer's name starts with a capital or a digit ("3M"), or is a brand such as "eBay";
    it is not a fragment of a sentence, a duration, a run of month names or a section heading."""
    words = text.split()
    first = words[0]
    # (a surname's particle may open it: "da Costa Analytics", "van der Berg Institute")
    lead = next((w for w in words if w not in _SURNAME_PARTICLES), first) if first in _SURNAME_PARTICLES else first
    if not (lead[0].isupper() or lead[0].isdigit() or re.match(r"[a-z]{1,2}[A-Z]", first)):
        return False
    if "•" in text or _DURATION.match(text) or _JOB_LABEL.match(text) or re.fullmatch(r"[Xx]{3,}", text):
        return False
    words = [w for w in re.split(r"[\s\-–—/]+", text) if w]
    if all(is_date_word(w) or w.lower() in _CONNECTOR_WORDS for w in words):
        return False  # "September to", "September-December"
    if text.count(",") >= 2 and _skill_list(text):
        return False  # a list of skills ("MySQL, Perl, Flash")
    lower = [w for w in words[1:] if w[:1].islower() and w.lower() not in _NAME_PARTICLES]
    if len(lower) >= 3 and len(lower) >= 0.4 * len(words) or len(lower) == 2 and len(words) < 4:
        return False  # a fragment of a sentence ("Sorted donated books and catalogued them")
    return heading_kind(text, fuzzy=False) is None


_EMPLOYER_LINE = re.compile(r"^\s*(?P<name>[^\t|,]+?)\s+[-–—]\s*(?:$|(?P<place>[^\t|]+?)\s*(?:[-–—]\s*)?$)")


def _employer_line(text: str) -> bool:
    """"Globex - Pune, Maharashtra -", "Acme Corp — Austin, TX", "Initech -": a name
    followed by a dash and a place (or by a dangling dash) is the employer's line."""
    m = _EMPLOYER_LINE.match(text)
    if not m or not m.group("name").strip() or title_score(m.group("name")) >= 0.5:
        return False
    place = m.group("place")
    return place is None or _is_place(place.strip())


_AGENT = re.compile(r"(?:er|or|ist|ant|ent|ian|ee|ive|ary|man|woman|intern|ate|head|lead|chief)$", re.IGNORECASE)


def _lone_role(text: str, agent: bool = False) -> bool:
    """A short capitalised piece that can stand as a position; with ``agent``, only one ending in
    a role noun ("Typesetter", "Translator", "Botanist")."""
    words = text.split()
    if not 1 <= len(words) <= 6 or not text[:1].isupper() or _JOB_LABEL.match(text) or _is_place(text):
        return False
    return not agent or bool(_AGENT.search(words[-1].strip(".,()")))


def _region_code(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]\.?[A-Z]\.?", text.strip())) and _is_place(text.strip())


def _assign(
    work: Work,
    pieces: list[tuple[str, int, int]],
    employer: set[int] = frozenset(),
    qualified: set[int] = frozenset(),
    titled: set[int] = frozenset(),
    paired: set[int] = frozenset(),
    labelled: set[int] = frozenset(),
) -> None:
    """Position, employer and place from an entry's header pieces. ``employer``: starts of pieces
    written as an employer's line; ``qualified``: starts of "Title, Qualifier" pieces, scored as
    titles by the part before the comma; ``titled``: starts of pieces labelled as the title;
    ``paired``: starts of the pieces of a line of a title and one other piece; ``labelled``:
    starts of pieces labelled as the employer, whose label vouches for a name written in lower
    case ("Company: vell group")."""
    remaining = []
    marked = None
    for p in _clean_pieces(pieces):
        if p[1] in employer and marked is None and (
            plausible_employer(p[0]) or p[1] in labelled and plausible_employer(p[0].title())
        ):
            marked = p
            continue
        if p[1] in titled and work.position is None:
            work.position = p[0]
            work.evidence["position"] = (p[1], p[2])
            continue
        if work.location is None and _is_place(p[0]) and title_score(p[0]) < 0.5 and (not _COMPANY_HINT.search(p[0]) or _place_tail(p[0])):
            work.location = p[0]
            work.evidence["location"] = (p[1], p[2])
        else:
            remaining.append(p)
    # "PA", "MD", "MA" beside a name are a state (or "P.A." of a firm), not a position.
    remaining = [p for p in remaining if not _region_code(p[0])]
    if marked is not None:
        work.name = marked[0]
        work.evidence["name"] = (marked[1], marked[2])
    if not remaining:
        return

    def score(p: tuple[str, int, int]) -> float:
        return title_score(p[0].split(", ")[0] if p[1] in qualified else p[0])

    scored = sorted(remaining, key=lambda p: -score(p))
    best = scored[0]
    ts = score(best)
    second = score(scored[1]) if len(scored) > 1 else 0.0
    # A title holding an employer word ("Assistant Bank Manager") needs a clear lead over the rest.
    clear = not _COMPANY_HINT.search(best[0]) or ts >= 0.7 or ts >= 0.5 and ts - second >= 0.4
    lone = len(remaining) == 1 and _lone_role(best[0])
    if work.position is None and (ts >= 0.35 and clear or marked is not None and lone):
        # With the employer known, a lone short piece beside it is the position ("App Developer").
        work.position = best[0]
        work.evidence["position"] = (best[1], best[2])
        remaining = [p for p in remaining if p is not best]
    if marked is not None:
        return
    # Longer than ten words: a sentence, not an employer.
    lowered = [p for p in remaining if work.position is not None and p[1] in paired and _lower_case_name(p[0])]
    remaining = [p for p in remaining if len(p[0].split()) <= 10 and plausible_employer(p[0])]
    if not remaining and len(lowered) == 1:
        remaining = lowered  # "hargreaves & sons, Pharmacist": a name written in lower case beside the title
    if remaining:
        company = next((p for p in remaining if _COMPANY_HINT.search(p[0])), remaining[0])
        others = [p for p in remaining if p is not company]
        if work.position is None and _COMPANY_HINT.search(company[0]) and len(others) == 1 and _lone_role(others[0][0], agent=True):
            # "Bluefin Print Ltd." over "Typesetter": beside a named employer, a role noun.
            work.position = others[0][0]
            work.evidence["position"] = (others[0][1], others[0][2])
        name, place = _split_trailing_place(company[0])
        work.name = name
        work.evidence["name"] = (company[1], company[1] + len(name))
        if place and work.location is None:
            work.location = place
            work.evidence["location"] = (company[1] + len(company[0]) - len(place), company[2])
