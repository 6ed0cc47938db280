"""Work history: experience section lines → ``Work`` entries.

An entry is anchored on a line that holds a date range. Its header is the block of short,
non-bullet lines around that line (up to two above and two below: "Title, Company", "Company –
City", "Title"); the pieces of the header are told apart by how much each looks like a job title,
a place, or an employer. Lines after the header are the summary (prose) and highlights (bullets,
wrapped lines joined). Without any dates, entries are anchored on title-like lines followed by
bullets.
"""

from __future__ import annotations

import re

from resumeiq.engine._lines import BodyLine, body_lines, ends_sentence, split_pieces
from resumeiq.engine.places import read_location
from resumeiq.engine.segment import heading_kind
from resumeiq.engine.dates import DateRange, find_date_ranges, is_date_word
from resumeiq.engine.model import ExtractedDocument, Section, Work
from resumeiq.engine.titles import title_score

_AT = re.compile(r"\s+(?:at|@)\s+")
_HEADER_MAX_WORDS = 14
_COMPANY_HINT = re.compile(
    r"\b(?:inc|llc|ltd|limited|corp|corporation|company|co|gmbh|ag|sa|plc|llp|pvt|group|bank|university|"
    r"college|school|hospital|clinic|agency|partners|associates|technologies|solutions|systems|services|"
    r"consulting|labs?|studio|foundation|institute|health|capital|holdings|industries|international)\b\.?",
    re.IGNORECASE,
)


def parse_work(doc: ExtractedDocument, section: Section) -> list[Work]:
    lines = body_lines(doc, section)
    if not lines:
        return []
    dates = [_line_date(doc, bl) for bl in lines]
    anchors = [i for i, d in enumerate(dates) if d is not None]
    if not anchors:
        # No dates: an entry starts at a title-like header line with bullets within two lines.
        anchors = [
            i
            for i, bl in enumerate(lines)
            if _headerish(bl)
            and max((title_score(p[0]) for p in _split_header(bl.text, bl.start)), default=0.0) >= 0.5
            and any(nb.bullet for nb in lines[i + 1 : i + 5])
            and not (i > 0 and _headerish(lines[i - 1]) and title_score(lines[i - 1].text) >= 0.5)
        ]
    if not anchors:
        return []
    blocks: list[tuple[int, int, int]] = []  # (header start, anchor, header end exclusive)
    prev_end = 0
    for k, a in enumerate(anchors):
        nxt = anchors[k + 1] if k + 1 < len(anchors) else len(lines)
        start = a
        while start - 1 >= prev_end and a - (start - 1) <= 2 and _headerish(lines[start - 1]) and dates[start - 1] is None:
            start -= 1
        end = a + 1
        while end < nxt and end - a <= 2 and _headerish(lines[end]) and not _prose(lines[end]):
            end += 1
        if blocks and start <= blocks[-1][2]:
            start = blocks[-1][2]
        blocks.append((start, a, end))
        prev_end = end
    # Lines above an anchor that belong to the previous entry's body must not be claimed twice.
    entries = []
    for k, (start, a, end) in enumerate(blocks):
        body_end = blocks[k + 1][0] if k + 1 < len(blocks) else len(lines)
        entries.append(_entry(doc, lines, start, a, end, body_end, dates[a]))
    return [w for w in entries if w.name or w.position]


def _line_date(doc: ExtractedDocument, bl: BodyLine) -> DateRange | None:
    if bl.bullet and bl.words > 8:
        return None
    found = find_date_ranges(doc.text, bl.start, bl.end)
    for d in found:
        if not d.single or bl.words <= 10 or "\t" in bl.text:
            # A lone year inside prose ("since 2015 I …") is not an entry date; a range is.
            if d.single and len(d.start or "") == 4 and bl.words > 4 and "\t" not in bl.text:
                continue
            return d
    return None


def _headerish(bl: BodyLine) -> bool:
    return not bl.bullet and bl.words <= _HEADER_MAX_WORDS and not ends_sentence(bl.text)


def _prose(bl: BodyLine) -> bool:
    return bl.words > 8 and title_score(bl.text) < 0.5


def _entry(doc, lines: list[BodyLine], start: int, a: int, end: int, body_end: int, date: DateRange | None) -> Work:
    work = Work()
    if date is not None:
        work.startDate = date.start
        work.endDate = None if date.current else date.end
        work.evidence["startDate"] = date.span
        if work.endDate:
            work.evidence["endDate"] = date.span
        if date.single and not date.current:
            work.endDate = date.start
    pieces: list[tuple[str, int, int]] = []
    for bl in lines[start:end]:
        text, offset = bl.text, bl.start
        if date is not None and bl is lines[a]:
            ds, de = date.span
            text = doc.text[bl.start:ds] + " " * (de - ds) + doc.text[de:bl.end]
        pieces.extend(_split_header(text, offset))
    _assign(work, pieces)
    summary: list[str] = []
    highlights: list[tuple[int, int]] = []
    for bl in lines[end:body_end]:
        if bl.bullet or highlights and not _continues(doc, highlights[-1], bl):
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


def _continues(doc, prev: tuple[int, int], bl: BodyLine) -> bool:
    """A wrapped bullet line: starts lower-case, or the previous line did not end a sentence."""
    prev_text = doc.text[prev[0] : prev[1]].rstrip()
    return bl.text[:1].islower() or not prev_text.endswith((".", "!", "?", ":", ";")) and not bl.text[:1].isupper()


def _split_header(text: str, offset: int) -> list[tuple[str, int, int]]:
    out = []
    for piece, s, e in split_pieces(text, offset):
        m = _AT.search(piece)
        if m and title_score(piece[: m.start()]) >= 0.4:
            out.append((piece[: m.start()], s, s + m.start()))
            out.append((piece[m.end() :], s + m.end(), e))
            continue
        out.extend(_split_commas(piece, s) if ", " in piece and not _is_place(piece) else [(piece, s, e)])
    return out


def _split_commas(piece: str, s: int) -> list[tuple[str, int, int]]:
    """"Senior Lecturer, Coppin State University, Baltimore, MD" → title, employer, place;
    "Clark, Mcknight and Erickson" (no title among the parts) stays whole."""
    parts: list[tuple[str, int, int]] = []
    pos = 0
    for chunk in piece.split(", "):
        parts.append((chunk, s + pos, s + pos + len(chunk)))
        pos += len(chunk) + 2
    titles = [title_score(p[0]) >= 0.5 for p in parts]
    if not any(titles) or all(titles):
        return [(piece, s, s + len(piece))]
    place: tuple[str, int, int] | None = None
    for k in (2, 1):  # a trailing "City, ST" or "City"
        if len(parts) - k >= 1 and not any(titles[-k:]):
            tail = ", ".join(p[0] for p in parts[-k:])
            if _is_place(tail):
                place = (tail, parts[-k][1], parts[-1][2])
                parts, titles = parts[:-k], titles[:-k]
                break
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
    """"Alert Technologies, New York, NY" → ("Alert Technologies", "New York, NY"); a tail of one
    or two capitalised words after an employer word counts too ("… School District, Uniondale")."""
    parts = company.split(", ")
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
    return read_location(piece) is not None


_LABEL = re.compile(
    r"^(?:company|company name|employer|employers? name|organi[sz]ation|client|role|designation|position|"
    r"title|job title|duration|period|location|place|project)\s*[:\-–]\s*",
    re.IGNORECASE,
)
_JUNK = re.compile(r"^(?:present|current|now|till date|to date|location|duration|page \d+.*|\W*\d[\d\W]*)$", re.IGNORECASE)


_PROSE = re.compile(r"[\"“”]|\w: |^(?:as|to|in|at|for|from|and|the|a|an|with|during|used|was|were)\b|\($|^\W")


def _clean_pieces(pieces: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    out = []
    for text, s, e in pieces:
        m = _LABEL.match(text)
        if m:
            text, s = text[m.end() :], s + m.end()
        text = text.strip(" ,;:-–—.")
        if len(text) < 2 or _JUNK.match(text) or not re.search(r"[A-Za-z]{2}", text):
            continue
        if _PROSE.search(text):
            continue  # a sentence, a quotation or a "Label: value" line is no employer or title
        out.append((text, s, s + len(text)))
    return out


_DURATION = re.compile(r"^\d+\+?\s*(?:years?|yrs?|months?|mos?)\b", re.IGNORECASE)
_CONNECTOR_WORDS = frozenset({"to", "till", "until", "and", "-", "–", "—", "through", "thru"})


def plausible_employer(text: str) -> bool:
    """An employer's name starts with a capital or a digit ("3M"), or is a brand such as "eBay";
    it is not a fragment of a sentence, a duration, a run of month names or a section heading."""
    first = text.split()[0]
    if not (first[0].isupper() or first[0].isdigit() or re.match(r"[a-z]{1,2}[A-Z]", first)):
        return False
    if "•" in text or _DURATION.match(text):
        return False
    words = [w for w in re.split(r"[\s\-–—/]+", text) if w]
    if all(is_date_word(w) or w.lower() in _CONNECTOR_WORDS for w in words):
        return False  # "September to", "September-December"
    return heading_kind(text, fuzzy=False) is None


def _assign(work: Work, pieces: list[tuple[str, int, int]]) -> None:
    remaining = []
    for p in _clean_pieces(pieces):
        if work.location is None and _is_place(p[0]) and title_score(p[0]) < 0.5 and not _COMPANY_HINT.search(p[0]):
            work.location = p[0]
            work.evidence["location"] = (p[1], p[2])
        else:
            remaining.append(p)
    if not remaining:
        return
    scored = sorted(remaining, key=lambda p: -title_score(p[0]))
    best = scored[0]
    if title_score(best[0]) >= 0.35 and not (_COMPANY_HINT.search(best[0]) and title_score(best[0]) < 0.7):
        work.position = best[0]
        work.evidence["position"] = (best[1], best[2])
        remaining = [p for p in remaining if p is not best]
    # Longer than ten words: a sentence, not an employer.
    remaining = [p for p in remaining if len(p[0].split()) <= 10 and plausible_employer(p[0])]
    if remaining:
        company = next((p for p in remaining if _COMPANY_HINT.search(p[0])), remaining[0])
        name, place = _split_trailing_place(company[0])
        work.name = name
        work.evidence["name"] = (company[1], company[1] + len(name))
        if place and work.location is None:
            work.location = place
            work.evidence["location"] = (company[1] + len(company[0]) - len(place), company[2])
