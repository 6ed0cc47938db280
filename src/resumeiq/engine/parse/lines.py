"""Helpers shared by the parse stages: body lines of a section, with bullets and indentation."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from resumeiq.engine._data import load_json
from resumeiq.engine.extract._text import BULLET_RE
from resumeiq.engine.model import ExtractedDocument, Line, Section
from resumeiq.engine.parse.segment import iter_body
from resumeiq.engine.parse.wrap import frame_edge, in_narrow_column, list_edge, no_room

PIECE_SPLIT = re.compile(r"\t+|\s*\|\s*|\s+[–—•·-]\s+|(?<=[^\W\d])[–—]\s+|\s{3,}|\s+-$")  # "Manager— Lyon" too


@dataclass(slots=True)
class BodyLine:
    start: int  # span of the text without the bullet glyph and surrounding space
    end: int
    text: str
    bullet: bool  # a glyph, a list style or an indented item
    line: Line
    indented: bool = False  # a bullet only by its indentation (no glyph, no list style)

    @property
    def words(self) -> int:
        return len(self.text.split())


def body_lines(doc: ExtractedDocument, section: Section) -> list[BodyLine]:
    """The section's lines, glyphs stripped, with ``bullet`` also set for lines indented
    deeper than the section's left margin in a PDF (themes that draw bullets as graphics)."""
    raw = [(s, e, ln, _glyph_end(doc.text[s:e], ln)) for s, e, ln in iter_body(doc, section)]
    margins: dict[tuple[int, int], float] = {}
    if doc.format == "pdf":
        # The margin is where the text of unmarked lines starts: a rail line (dates, a label)
        # is not the body's, nor a bullet glyph hanging left of the text.
        plain = [ln for k, (_s, _e, ln, glyph) in enumerate(raw) if not ln.rail and glyph is None and not _hangs_under_item(raw, k)]
        for ln in plain or [ln for _s, _e, ln, _g in raw if not ln.rail]:
            key = (ln.page, ln.column)
            margins[key] = min(margins.get(key, ln.x0), ln.x0)
    out: list[BodyLine] = []
    for s, e, ln, glyph in raw:
        bullet = ln.bullet
        if glyph is not None:
            s += glyph
            bullet = True
        lead = len(doc.text[s:e]) - len(doc.text[s:e].lstrip())
        s += lead
        if s >= e:
            continue
        if not bullet and doc.format == "pdf" and not ln.rail and ln.x0 - margins.get((ln.page, ln.column), ln.x0) > 6:
            out.append(BodyLine(s, e, doc.text[s:e], True, ln, indented=True))
            continue
        out.append(BodyLine(s, e, doc.text[s:e], bullet, ln))
    return out


def _hangs_under_item(raw: list[tuple[int, int, Line, int | None]], k: int) -> bool:
    """The wrapped line of a list item whose glyph hangs left of the body's text ("•" at x 40,
    its item's second line at 47, the entries' headers at 64): a continuation, not the margin."""
    ln = raw[k][2]
    for j in range(k - 1, max(-1, k - 4), -1):
        prev, glyph = raw[j][2], raw[j][3]
        if prev.page != ln.page or prev.column != ln.column:
            return False
        if glyph is not None:
            return prev.x0 < ln.x0 <= prev.x0 + 20
        if abs(prev.x0 - ln.x0) > 1:
            return False
    return False


def _glyph_end(text: str, ln: Line) -> int | None:
    """Where the text after a leading bullet glyph (or list number) starts, or None."""
    m = BULLET_RE.match(text) if ln.bullet or text[:1] in "•●▪◦-–*➢❖■►" or "\x80" <= text[:1] <= "\x9f" else None
    if m and any(c.isalnum() for c in text[m.end() : m.end() + 10]):
        return m.end()
    return None


def split_pieces(text: str, offset: int) -> list[tuple[str, int, int]]:
    """Split a header line into pieces at tabs, pipes, dashes and wide gaps: (text, start, end)."""
    out = []
    pos = 0
    for m in PIECE_SPLIT.finditer(text):
        _add_piece(out, text, pos, m.start(), offset)
        pos = m.end()
    _add_piece(out, text, pos, len(text), offset)
    return out


def _add_piece(out: list, text: str, a: int, b: int, offset: int) -> None:
    piece = text[a:b]
    stripped = _strip_brackets(piece.strip(" ,;:-–—|\t"))
    if stripped:
        k = a + piece.find(stripped)
        out.append((stripped, offset + k, offset + k + len(stripped)))


def _strip_brackets(text: str) -> str:
    """Brackets around a piece or left over from a split go; a pair inside it stays: "Teaching
    Assistant (Compilers)" keeps its qualifier, "(Contract)", "Remote)" and the "]" left of a
    bracketed date ("[2019 - 2021] Developer") lose theirs."""
    for o, c in ("()", "[]"):
        while text:
            if text.startswith(o) and (text.endswith(c) and text.count(o) == text.count(c) and text.find(c) == len(text) - 1 or c not in text):
                text = text[1:-1] if text.endswith(c) else text[1:]
            elif text.endswith(c) and text.count(c) > text.count(o):
                text = text[:-1]
            elif text.startswith(c) and text.count(c) > text.count(o):
                text = text[1:]
            elif text.endswith(o) and o not in text[:-1]:
                text = text[:-1]
            else:
                break
            text = text.strip(" ,;:-–—|\t")
    return text


# A line ending in an abbreviation's point has not ended a sentence: "Inc.", "Ltd.", "Jr." and
# dotted forms ("S.L.", "B.V.", "S.p.A.", "U.S.").
_DOTTED = r"(?<![\w.])(?:[A-Za-z]{1,3}\.){2,}"
_DOTTED_END = re.compile(_DOTTED + "$")
_ABBREVIATION_END = re.compile(r"(?:\b(?:Inc|Ltd|Co|Corp|LLC|Jr|Sr|St|Bros|Pty|Pvt|Plc)\.|" + _DOTTED + ")$", re.IGNORECASE)


@cache
def _legal_form_end() -> re.Pattern[str]:
    """A name closed by its legal form's point ("Almeida Lda.", "Orvex Holdings Ltd. Şti.")."""
    forms = sorted(legal_forms(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\.$", re.IGNORECASE)


def ends_in_dotted_abbreviation(text: str) -> bool:
    """ "S.L.", "B.V.", "S.p.A.": the last point is part of the name."""
    return bool(_DOTTED_END.search(text.rstrip()))


def ends_sentence(text: str) -> bool:
    text = text.rstrip()
    return text.endswith((".", "!", "?", ";")) and not _ABBREVIATION_END.search(text) and not _legal_form_end().search(text)


def carries_on(prev: BodyLine, bl: BodyLine, right_edge: float) -> bool:
    """PDF geometry says the indented line ``bl`` carries on the item of ``prev``: it hangs left
    of the item's first line (under a bullet drawn as a graphic), or it starts where ``prev``
    starts and the first word of ``bl`` would not have fitted at the end of ``prev`` before the
    text's right edge, so the line broke there."""
    a, b = prev.line, bl.line
    if a.x1 <= a.x0 or b.x1 <= b.x0 or a.page != b.page or a.column != b.column or not bl.text:
        return False
    if b.x0 < a.x0 - 3.0:
        return True
    if not right_edge or abs(a.x0 - b.x0) > 3.0:
        return False
    first = bl.text.split(maxsplit=1)[0]
    word_width = (b.x1 - b.x0) * (len(first) + 1) / len(bl.text)
    return a.x1 + word_width >= right_edge - 1.0


def ends_on_joiner(text: str) -> bool:
    """The line ends on a word a sentence does not end on ("and", "of", "with") or a comma: its
    text carries on below."""
    text = text.rstrip()
    if text.endswith((",", "&", "+")):
        return True
    last = text.rsplit(maxsplit=1)[-1].casefold() if text else ""
    return last in _joiners()


@cache
def _joiners() -> frozenset[str]:
    return frozenset(load_json("language.json")["line_joiners"])


def join_wrapped_lines(doc: ExtractedDocument, lines: list[BodyLine]) -> list[BodyLine]:
    """A short line that only continues the line above because a narrow PDF column wrapped it
    ("Executive Assistant, Orvex Holdings" over "Private Limited", "Master of Arts, College of"
    over "Kestrel Bay"), joined to it: one line whose span covers both (the line break read as a
    space in ``text``). The line above must reach its text frame's right edge so far that the
    next line's first word could not have stood on it; neither is a list item; both start at the
    same x in the same type; the lower one holds no date and at most five words."""
    if doc.format != "pdf" or len(lines) < 2:
        return lines
    from resumeiq.engine.parse.dates import find_date_ranges
    from resumeiq.engine.parse.titles import title_score

    out: list[BodyLine] = [lines[0]]
    last = lines[0].line  # the lowest physical line of out[-1]
    geometry = [bl.line for bl in lines]
    # In a sidebar the text wraps at its own lines' edge, short of a longer contact line's.
    narrow = in_narrow_column(doc, geometry, lines[0].line)
    for bl in lines[1:]:
        prev = out[-1]
        a, b = last, bl.line
        if (
            not prev.bullet
            and not bl.bullet
            and not a.rail
            and not b.rail
            and a.page == b.page
            and a.column == b.column
            and abs(a.x0 - b.x0) <= 1.0
            and abs(a.size - b.size) <= 0.5
            and 0 < bl.words <= 5
            and "\t" not in prev.text
            and "\t" not in bl.text
            and not ends_sentence(prev.text)
            and doc.text[prev.end : bl.start].strip() == ""
            and (no_room(a, b, bl.text, frame_edge(doc, a)) or narrow and no_room(a, b, bl.text, list_edge(doc, geometry, a)))
            and not find_date_ranges(doc.text, bl.start, bl.end)
            and not find_date_ranges(doc.text, prev.start, prev.end)  # a dated header is whole
            and (
                (
                    _continuation(prev.text, bl.text)
                    and (ends_on_joiner(prev.text) or prev.text.rstrip().endswith("/") or title_score(bl.text) < 0.5)  # a title starts a line
                )
                or _title_cut(prev.text, bl.text)
            )
        ):
            text = doc.text[prev.start : bl.end]
            out[-1] = replace(prev, end=bl.end, text="".join(" " if c in "\r\n" else c for c in text))
            last = b
            continue
        out.append(bl)
        last = b
    return out


_TITLE_TAIL = re.compile(r"(?:\s[—–|-]\s|,\s|\s(?:at|bei|en|chez|@)\s)(?P<tail>[^—–|,@]+?)\s*$")


def _title_cut(upper: str, lower: str) -> bool:
    """A job title cut by the column after its first words: the upper line ends on a separator
    and words that are no title ("Tamarindwater Analytics — Internet" over "Programmer",
    "… — Graduate Platform" over "Engineer"), which with the lower line make one."""
    from resumeiq.engine.parse.places import read_location
    from resumeiq.engine.parse.titles import title_score

    m = _TITLE_TAIL.search(upper)
    if m is None or len(lower.split()) > 3:
        return False
    tail = m.group("tail").strip()
    if not tail or title_score(tail) >= 0.5 or read_location(tail) is not None:
        return False
    return title_score(f"{tail} {lower.strip()}") >= 0.5


def _continuation(upper: str, lower: str) -> bool:
    """``lower`` reads as the rest of ``upper``: the upper line ends on a joiner ("of", ","), the
    lower starts in lower case, or it is a short tail of a company's name ("Private Limited",
    "Dynamics SARL", "Limited – Pune"); a line that names a whole employer on its own is not."""
    if ends_on_joiner(upper) or upper.rstrip().endswith(("/", " -")) or lower[:1].islower():
        return True
    if len(lower.split()) == 1:
        return True  # one word carried over ("… at Heron Copper" over "Cloud")
    words = [w.strip(".,()").lower() for w in lower.split()]
    forms = legal_forms()
    return len(words) <= 2 and words[-1] in forms or words[0] in forms


@cache
def legal_forms() -> frozenset[str]:
    """The companies' legal forms of entry_lexicon.json ('gmbh', 'ltd', 'ab')."""
    return frozenset(load_json("entry_lexicon.json")["legal_forms"])
