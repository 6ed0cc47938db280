"""The skills section: "Category: a, b, c" lines, keyword lists, and category headers over lists.

Keywords are split at commas, semicolons, pipes, bullets, middle dots and wide gaps; a keyword
that a PDF's column cut at the line's end ("Finite Element" / "Analysis | GIS") is read whole:
the list line ends on no separator and the next line's first word would not have fitted. A keyword
with no separator that the taxonomy reads as several skills ("Structural Analysis Revit", chips
laid side by side) is split into those skills. Trailing qualifiers ("Python (5 years)",
"Java (Less than 1 year)") are dropped from the keyword.
"""

from __future__ import annotations

import re

from resumeiq.engine.model import ExtractedDocument, Section, Skill
from resumeiq.engine.parse.lines import BodyLine, body_lines, ends_sentence
from resumeiq.engine.parse.skills import find_skills
from resumeiq.engine.parse.wrap import list_edge, no_room

_CATEGORY = re.compile(r"^\s*(?P<cat>[A-Za-z][\w &/+().'-]{1,40}?)\s*[:：]\s*(?=\S)(?!//)")
_SEP = re.compile(r"\s*(?:,|;|\||•|·|●|▪|◦|■|➢|\t|\s{2,}|/(?=\s)|\s+-\s+)\s*")
_CONNECTORS = re.compile(r"\b(?:and|or|with|&)\b|[/&+]", re.IGNORECASE)
_QUALIFIER = re.compile(
    r"\s*\((?:[^()]*\b(?:years?|yrs?|months?|expert|advanced|intermediate|basic|beginner|proficient)\b[^()]*)\)\s*$",
    re.IGNORECASE,
)
_MAX_KEYWORD_WORDS = 5


def parse_skill_groups(doc: ExtractedDocument, section: Section) -> list[Skill]:
    groups: list[Skill] = []
    pending: Skill | None = None  # a category header waiting for its keyword lines
    default: Skill | None = None
    lines = _join_cut_keywords(doc, body_lines(doc, section))
    for i, bl in enumerate(lines):
        m = _CATEGORY.match(bl.text)
        if m and len(m.group("cat").split()) <= 5:
            group = Skill(name=m.group("cat").strip())
            group.evidence["name"] = (bl.start + m.start("cat"), bl.start + m.end("cat"))
            _add_keywords(doc, group, bl.start + m.end(), bl.end)
            groups.append(group)
            pending = None
            continue
        heads = [p.strip() for p in bl.text.split("\t") if p.strip()]
        if len(heads) > 1 and all(_is_category_header(_piece(bl, h), lines[i + 1] if i + 1 < len(lines) else None) for h in heads):
            # "Tools<tab>Product": category names side by side over keyword columns
            pending = Skill(name=" / ".join(heads))
            pending.evidence["name"] = (bl.start, bl.end)
            groups.append(pending)
            continue
        if _is_category_header(bl, lines[i + 1] if i + 1 < len(lines) else None):
            pending = Skill(name=bl.text.strip(" :"))
            pending.evidence["name"] = (bl.start, bl.end)
            groups.append(pending)
            continue
        target = pending
        if target is None:
            if default is None:
                default = Skill()  # keywords listed without a category
                groups.append(default)
            target = default
        _add_keywords(doc, target, bl.start, bl.end)
    return [g for g in groups if g.keywords]



_ENDS_ON_SEP = re.compile(r"(?:,|;|\||•|·|●|▪|◦|■|➢|/|-)\s*$")
_STARTS_ON_SEP = re.compile(r"^\s*(?:,|;|\||•|·|●|▪|◦|■|➢|/|-)")


def _join_cut_keywords(doc: ExtractedDocument, lines: list[BodyLine]) -> list[BodyLine]:
    """Keyword list lines that their column wrapped inside a keyword, as one line each."""
    out: list[BodyLine] = []
    last: BodyLine | None = None  # the physical line above
    width = _text_width(doc)
    for bl in lines:
        prev = out[-1] if out else None
        if prev is not None and last is not None and (
            _cuts_a_keyword(doc, last, bl, list_edge(doc, [o.line for o in lines], last.line))
            or width and _wrapped_in_text(last, bl, width)
        ):
            out[-1] = BodyLine(prev.start, bl.end, doc.text[prev.start : bl.end], prev.bullet, prev.line)
        else:
            out.append(bl)
        last = bl
    return out


def _cuts_a_keyword(doc: ExtractedDocument, upper_line: BodyLine, bl: BodyLine, edge: float) -> bool:
    upper, lower = upper_line.text.rstrip(), bl.text.lstrip()
    if not upper or not lower or bl.bullet or _CATEGORY.match(lower) or "\t" in upper + lower:
        return False  # (tabs: cells of a table's row, each column a list of its own)
    if not (_SEP.search(upper) or _SEP.search(lower)):  # a list's lines, not two of one item each
        return False
    if _ENDS_ON_SEP.search(upper) or _STARTS_ON_SEP.match(lower):
        return False
    a, b = upper_line.line, bl.line
    if a is b or a.page != b.page or a.column != b.column or abs(b.x0 - a.x0) > 2.0:
        return False
    return no_room(a, b, lower, edge)


def _text_width(doc: ExtractedDocument) -> int:
    """The width in characters a plain text was wrapped at (its longest line), or 0 for a
    document with geometry or with lines too short to tell."""
    if doc.format not in ("txt", "md") or not doc.lines:
        return 0
    width = max(ln.end - ln.start for ln in doc.lines)
    return width if 60 <= width <= 160 else 0


def _wrapped_in_text(upper_line: BodyLine, bl: BodyLine, width: int) -> bool:
    """A plain text's list line broken inside a keyword ("…, Social" over "Media Marketing, …",
    "Java (Less than" over "1 year), …"): the line ends on no separator at the text's wrap width
    (its next word would not have fitted) and the line below carries the list on."""
    upper, lower = upper_line.text.rstrip(), bl.text.strip()
    if not upper or not lower or bl.bullet or "\t" in upper + lower or _CATEGORY.match(lower) or _URL.match(lower):
        return False
    if not _SEP.search(upper) or _ENDS_ON_SEP.search(upper) or _STARTS_ON_SEP.match(lower) or ends_sentence(upper):
        return False
    if not (_SEP.search(lower) or lower[:1].islower() or lower[:1] == "("):
        return False  # a line of its own ("Programming Tools") under the list
    return len(upper) + 1 + len(lower.split()[0]) >= 0.9 * width


_URL = re.compile(r"(?:https?://|www\.)", re.IGNORECASE)


def _piece(bl: BodyLine, text: str) -> BodyLine:
    k = bl.text.find(text)
    return BodyLine(bl.start + k, bl.start + k + len(text), text, bl.bullet, bl.line)


def _is_category_header(bl: BodyLine, nxt: BodyLine | None) -> bool:
    """A short title-cased line (no separators) followed by a keyword line: "Tools", "Design"."""
    if nxt is None or bl.bullet or bl.words > 3 or _SEP.search(bl.text.strip()):
        return False
    if find_skills(bl.text) and not bl.line.bold:
        return False
    return bl.text[:1].isupper() and (nxt.words <= 8 or bool(_SEP.search(nxt.text)))


def _add_keywords(doc: ExtractedDocument, group: Skill, start: int, end: int) -> None:
    text = doc.text
    pos = start
    pieces: list[tuple[int, int]] = []
    for m in _SEP.finditer(text, start, end):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, end))
    for s, e in pieces:
        raw = text[s:e]
        q = _QUALIFIER.search(raw)
        if q:
            e = s + q.start()
            raw = text[s:e]
        stripped = _strip_brackets(raw.strip(" .:-–*"))
        if not stripped:
            continue
        s += raw.find(stripped)
        e = s + len(stripped)
        hits = find_skills(text, s, e)
        covered = sum(len(text[h.start : h.end].replace(" ", "")) for h in hits)
        content = len(_CONNECTORS.sub("", stripped).replace(" ", ""))
        if len(hits) >= 2 and covered >= 0.8 * content:
            for h in hits:
                _append(group, text[h.start : h.end], (h.start, h.end))
        elif len(stripped.split()) <= _MAX_KEYWORD_WORDS and not _FRAGMENT.search(stripped):
            _append(group, stripped, (s, e))
        else:  # a sentence in a skills section: keep the skills it names
            for h in hits:
                _append(group, text[h.start : h.end], (h.start, h.end))


# A piece of a sentence cut at a comma ("and presentation", "following the", "Expert in"),
# or a wrapped qualifier ("Less than 1 year"): only the skills it names count.
_FRAGMENT = re.compile(
    r"^(?:and|or|with|to|the|of|in|by|for|as|at)\b|\b(?:the|of|in|by|to|with|for|and|or|a|an|at)$|"
    r"^(?:less than )?\d+\+?\s*(?:years?|yrs?|months?)$|^(?:less )?than \d|^years?$",
    re.IGNORECASE,
)
_NOT_KEYWORD = re.compile(r"://|^www\.|@|^\W*$|^\d[\d\s.,%+-]*$|^(?:etc|and|others?|e\.?g|i\.?e|misc)\.?$", re.IGNORECASE)


def _strip_brackets(text: str) -> str:
    """Drop brackets around or dangling at the ends, keep balanced ones: "Spanish (native)"."""
    text = text.strip()
    while text[:1] in "([" and text.count("(") + text.count("[") > text.count(")") + text.count("]"):
        text = text[1:].strip()
    while text[-1:] in ")]" and text.count(")") + text.count("]") > text.count("(") + text.count("["):
        text = text[:-1].strip()
    if text[:1] == "(" and text[-1:] == ")":
        text = text[1:-1].strip()
    return text


def _append(group: Skill, keyword: str, span: tuple[int, int]) -> None:
    keyword = " ".join(keyword.split())
    if len(keyword) < 2 and keyword not in ("C", "R") or _NOT_KEYWORD.search(keyword):
        return
    if keyword.lower() in (k.lower() for k in group.keywords):
        return
    group.evidence[f"keywords.{len(group.keywords)}"] = span
    group.keywords.append(keyword)
