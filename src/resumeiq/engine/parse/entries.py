"""Entries of the work and education sections, read by a learned sequence labeller.

Each body line of a section is cut into *pieces*: the date ranges the date rules find, and the rest
of the line at tabs, pipes, bullets, spaced dashes, commas, semicolons, brackets and " at ". Prose
(a bullet, a line of many words) stays one piece. Every piece is described by features of its
text (how much it reads as a job title, an organisation, a place, a degree, a field; its shape and
its separators) and of its line (bullet, bold, font size and indent against the section, rail,
space above, dates around), and a linear-chain CRF labels the sequence of pieces:

    TITLE  ORG  DATE  LOC  DEGREE  FIELD  DESC  O      with a ``B_`` prefix on an entry's first piece

The model (``data/entries.crfsuite``) is trained by ``scripts/train_entries.py`` on generated
resumes only; tagging is deterministic. ``assemble_work`` and ``assemble_education`` turn the
labelled pieces into JSON Resume entries with the evidence span of every value.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from resumeiq.engine._data import load_json
from resumeiq.engine.model import Education, ExtractedDocument, Section, Work
from resumeiq.engine.parse.dates import DateRange, continued_range, find_date_ranges
from resumeiq.engine.parse.education import find_degree, is_institution
from resumeiq.engine.parse.lines import BodyLine, body_lines, ends_sentence
from resumeiq.engine.parse.places import read_location
from resumeiq.engine.parse.segment import heading_kind
from resumeiq.engine.parse.titles import title_score

__all__ = ["LABELS", "Piece", "assemble_education", "assemble_work", "label_section", "section_pieces"]

FIELDS = ("TITLE", "ORG", "DATE", "LOC", "DEGREE", "FIELD", "DESC", "O")
LABELS = tuple(f"B_{f}" for f in FIELDS[:6]) + FIELDS
MODEL_FILE = "entries.crfsuite"

_PROSE_WORDS = 12
_SPLIT = re.compile(
    r"\t+|\s{3,}|\s*[|●▪◦■❖►]\s*|\s+[•·]\s+|^[•·]\s*|\s+/\s+|\s+[–—-]+\s+|\s+[–—]|[–—]\s+|;\s*|,\s+|:\s+"
    r"|\s+(?:at|@|chez|bei)\s+(?=[A-Z0-9])|\s*\(\s*|\s*\)\s*|\s*\[\s*|\s*\]\s*"
)
_SEP_KIND = (
    ("tab", re.compile(r"\t|\s{3,}")),
    ("pipe", re.compile(r"[|•·●▪◦■❖►]")),
    ("at", re.compile(r"\s(?:at|@|chez|bei)\s", re.IGNORECASE)),
    ("paren", re.compile(r"[()\[\]]")),
    ("dash", re.compile(r"[–—-]")),
    ("comma", re.compile(r",")),
    ("semi", re.compile(r";")),
    ("colon", re.compile(r":")),
)


@cache
def _lexicon() -> dict[str, re.Pattern[str] | frozenset[str]]:
    data = load_json("entry_lexicon.json")

    def words(key: str) -> str:
        return "|".join(sorted((re.escape(w) for w in data[key]), key=len, reverse=True))

    return {
        "org": re.compile(rf"(?<![\w-])(?:{words('organisation_words')})(?![\w-])\.?", re.IGNORECASE),
        "legal": re.compile(rf"(?<![\w])(?:{words('legal_forms')})\.?$", re.IGNORECASE),
        "agent": re.compile(rf"(?:{words('role_noun_endings')})$", re.IGNORECASE),
        "grade": re.compile(rf"(?<![\w])(?:{words('grade_words')})(?![\w])", re.IGNORECASE),
        "duration": re.compile(rf"^\d+\+?\s*(?:{words('duration_units')})(?![\w])", re.IGNORECASE),
        "function": frozenset(data["function_words"]),
        "role": frozenset(w for w in data["role_words"] if w.isascii() or not _cjk(w)),
        "role_cjk": tuple(w for w in data["role_words"] if _cjk(w)),
    }


def _cjk(word: str) -> bool:
    return any("\u2e80" <= c <= "\u9fff" for c in word)


_VERB_ED = re.compile(r"^[A-Za-z]+(?:ed|ing)$")
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|io|dev)\b|@", re.IGNORECASE)


@dataclass(slots=True)
class Piece:
    """A run of a body line between separators. ``line``: index into the section's body lines."""

    text: str
    start: int
    end: int
    line: int
    index: int = 0  # position in its line
    count: int = 1  # pieces in its line
    sep_before: str = "start"
    sep_after: str = "end"
    date: DateRange | None = None
    prose: bool = False


def section_pieces(doc: ExtractedDocument, section: Section) -> tuple[list[BodyLine], list[Piece]]:
    """The section's body lines and their pieces, in reading order."""
    lines = body_lines(doc, section)
    pieces: list[Piece] = []
    for i, bl in enumerate(lines):
        pieces.extend(_line_pieces(doc.text, bl, i))
    return lines, pieces


def _line_pieces(text: str, bl: BodyLine, index: int) -> list[Piece]:
    dates = find_date_ranges(text, bl.start, bl.end)
    if _is_prose(bl.text, bl.bullet) and "\t" not in bl.text:
        # Prose: one piece; a date range it holds is still a piece of its own when it opens or
        # closes the line (a right-aligned date on the first bullet).
        out = [Piece(bl.text, bl.start, bl.end, index, prose=True)]
        return _number(out)
    out: list[Piece] = []
    pos = bl.start
    for d in dates:
        a, b = max(d.span[0], bl.start), min(d.span[1], bl.end)
        if a < pos:
            continue
        out.extend(_split(text, pos, a, index))
        out.append(Piece(text[a:b], a, b, index, date=d))
        pos = b
    out.extend(_split(text, pos, bl.end, index))
    return _number(out, text)


def _is_prose(text: str, bullet: bool) -> bool:
    """A sentence rather than a header: many words, a good share of them lower-case ones that are
    not function words ("Led a team of nine through a redesign …"). A header line is mostly
    capitalised names and separators ("University of Leeds • Lecturer in Law • since 2012")."""
    words = text.split()
    n = len(words)
    if n <= 6:
        return False
    if n > 28:
        return True
    function = _lexicon()["function"]
    low = sum(1 for w in words if w[:1].islower() and w.lower() not in function)
    return low >= 0.35 * n or (bullet and low >= 0.25 * n) or (n > _PROSE_WORDS and low >= 0.2 * n)


def _split(text: str, start: int, end: int, line: int) -> list[Piece]:
    out: list[Piece] = []
    pos = start
    for m in _SPLIT.finditer(text, start, end):
        _add(out, text, pos, m.start(), line)
        pos = m.end()
    _add(out, text, pos, end, line)
    return out


def _add(out: list[Piece], text: str, a: int, b: int, line: int) -> None:
    raw = text[a:b]
    stripped = raw.strip(" \t,;:-–—|•·()[]#*_")
    if stripped and any(c.isalnum() for c in stripped):
        k = a + raw.find(stripped)
        out.append(Piece(stripped, k, k + len(stripped), line))


def _number(pieces: list[Piece], text: str | None = None) -> list[Piece]:
    for i, p in enumerate(pieces):
        p.index, p.count = i, len(pieces)
        if text is not None:
            if i > 0:
                p.sep_before = _sep_kind(text[pieces[i - 1].end : p.start])
            if i + 1 < len(pieces):
                p.sep_after = _sep_kind(text[p.end : pieces[i + 1].start])
    return pieces


def _sep_kind(gap: str) -> str:
    for name, pattern in _SEP_KIND:
        if pattern.search(gap):
            return name
    return "space" if gap.strip() == "" and gap else "none"


# --------------------------------------------------------------------------- features


@lru_cache(maxsize=8192)
def _text_features(text: str) -> tuple[str, ...]:
    """Features of a piece's text alone (cached: headers repeat across a batch)."""
    f: list[str] = []
    words = text.split()
    n = len(words)
    f.append("w=" + (str(n) if n <= 4 else "5-7" if n <= 7 else "8-12" if n <= 12 else "13+"))
    letters = [c for c in text if c.isalpha()]
    if letters:
        upper = sum(c.isupper() for c in letters) / len(letters)
        f.append("caps=" + ("all" if upper > 0.9 and len(letters) > 1 else "none" if upper == 0 else "some"))
    if words and words[0][:1].isupper():
        f.append("first=Cap")
    elif words and words[0][:1].islower():
        f.append("first=low")
    capw = [w for w in words if w[:1].isupper()]
    if n >= 2:
        f.append("titlecase=" + ("all" if len(capw) == n else "most" if len(capw) >= 0.6 * n else "few"))
    if any(c.isdigit() for c in text):
        f.append("digit")
    if re.search(r"\d{4}", text):
        f.append("year")
    if "%" in text or "$" in text or "€" in text or "£" in text:
        f.append("money%")
    if text.rstrip().endswith("."):
        f.append("endstop")
    if _URL.search(text):
        f.append("url")
    if "&" in text:
        f.append("amp")
    lex = _lexicon()
    low = [w.lower().strip(".,") for w in words]
    fn = sum(w in lex["function"] for w in low)
    if fn:
        f.append("func=" + ("1" if fn == 1 else "2+"))
    if words and _VERB_ED.match(words[0]) and n > 2:
        f.append("verb_start")
    if words and lex["agent"].search(words[-1].strip(".,")):
        f.append("agent_end")
    if any(w in lex["role"] for w in low) or any(r in text for r in lex["role_cjk"]):
        f.append("role_word")
    if lex["legal"].search(text.rstrip(" .")):
        f.append("legal_form")
    if lex["org"].search(text):
        f.append("org_word")
    if lex["grade"].search(text):
        f.append("grade")
    if lex["duration"].match(text):
        f.append("duration")
    ts = title_score(text) if n <= 8 else 0.0
    parts = [p for p in re.split(r"\s*(?:&|/|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*", text) if p.strip()]
    if len(parts) > 1 and n <= 8:
        # "Founder & CEO", "Owner / Operator": each part a title
        part_ts = min(title_score(p) for p in parts)
        if part_ts >= 0.5:
            f.append("ts_parts=hi")
    f.append("ts=" + ("0" if ts < 0.1 else "lo" if ts < 0.35 else "mid" if ts < 0.6 else "hi" if ts < 0.9 else "max"))
    if n <= 6 and is_institution(text):
        f.append("institution")
    if n <= 8:
        loc = read_location(text)
        if loc is not None:
            f.append("place")
            if loc.city:
                f.append("place_city")
    degree = find_degree(text, 0, len(text)) if n <= 14 else None
    if degree is not None:
        cover = (degree[2] - degree[1]) / max(1, len(text))
        f.append("degree=" + ("all" if cover > 0.8 else "part"))
        f.append("degree_lvl=" + degree[3])
        if degree[1] == 0:
            f.append("degree_first")
    if n <= 5 and heading_kind(text, fuzzy=False) is not None:
        f.append("heading_word")
    return tuple(f)


def _line_facts(doc: ExtractedDocument, lines: list[BodyLine]) -> list[dict[str, str]]:
    """Per body line: its look against the section's usual line (size, bold, indent, space)."""
    sizes = [bl.line.size for bl in lines if bl.line.size]
    body_size = statistics.median(sizes) if sizes else 0.0
    margins: dict[tuple[int, int], float] = {}
    for bl in lines:
        key = (bl.line.page, bl.line.column)
        margins[key] = min(margins.get(key, bl.line.x0), bl.line.x0)
    bold_share = sum(bl.line.bold for bl in lines) / max(1, len(lines))
    out = []
    text = doc.text
    for i, bl in enumerate(lines):
        ln = bl.line
        facts: dict[str, str] = {}
        if ln.size and body_size:
            r = ln.size / body_size
            facts["size"] = "big" if r > 1.08 else "small" if r < 0.93 else "same"
        if ln.bold:
            facts["bold"] = "rare" if bold_share < 0.5 else "common"
        if doc.format == "pdf":
            indent = ln.x0 - margins.get((ln.page, ln.column), ln.x0)
            facts["indent"] = "0" if indent < 3 else "in" if indent < 30 else "far"
            if i > 0:
                prev = lines[i - 1].line
                if prev.page == ln.page and ln.top > prev.bottom:
                    gap = ln.top - prev.bottom
                    h = max(ln.bottom - ln.top, 1.0)
                    facts["gap"] = "big" if gap > 0.8 * h else "some" if gap > 0.35 * h else "tight"
                elif prev.page != ln.page:
                    facts["gap"] = "page"
        elif i > 0 and text.count("\n", lines[i - 1].end, bl.start) > 1:
            facts["gap"] = "big"
        if ln.rail:
            facts["rail"] = ln.rail
        if ln.style:
            style = ln.style.lower()
            facts["style"] = (
                "heading" if "heading" in style or "title" in style else "list" if "list" in style else "other"
            )
        if ln.in_table:
            facts["table"] = "1"
        if bl.bullet:
            facts["bullet"] = "1"
        if ends_sentence(bl.text):
            facts["sentence"] = "1"
        out.append(facts)
    return out


_CONTEXT_KEYS = ("ts=", "place", "institution", "degree=", "legal_form", "org_word", "caps=", "w=", "agent_end", "date", "rule=")


def _rule_roles(doc: ExtractedDocument, section: Section | None, kind: str, pieces: list[Piece]) -> list[str]:
    """What the rule-based readers (parse/work.py, parse/education.py) take each piece for: their
    entries' fields by evidence span, "B" on an entry's first field. One more opinion among the
    features; the labeller learns how far to trust it."""
    roles = [""] * len(pieces)
    if section is None:
        return roles
    if kind == "education":
        from resumeiq.engine.parse.education import parse_education

        entries = parse_education(doc, section)
        fields = {"institution": "ORG", "studyType": "DEGREE", "area": "FIELD", "startDate": "DATE", "endDate": "DATE"}
    else:
        from resumeiq.engine.parse.work import parse_work

        entries = parse_work(doc, section)
        fields = {"name": "ORG", "position": "TITLE", "location": "LOC", "startDate": "DATE", "endDate": "DATE"}
    spans = []
    for entry in entries:
        marks = [(span, fields[key]) for key, span in entry.evidence.items() if key in fields]
        if marks:
            first = min(span[0] for span, _ in marks)
            spans.extend((span, role, span[0] == first) for span, role in marks)
    for i, p in enumerate(pieces):
        for (a, b), role, first in spans:
            if a < p.end and p.start < b and min(b, p.end) - max(a, p.start) >= 0.5 * (p.end - p.start):
                roles[i] = role + ("_B" if first else "")
                break
    return roles


def piece_features(
    doc: ExtractedDocument, kind: str, lines: list[BodyLine], pieces: list[Piece], section: Section | None = None
) -> list[list[str]]:
    """CRFsuite feature lists, one per piece. ``kind``: the section kind ("experience", "education")."""
    facts = _line_facts(doc, lines)
    roles = _rule_roles(doc, section, kind, pieces)
    dated_lines = {p.line for p in pieces if p.date is not None}
    base: list[list[str]] = []
    for i, p in enumerate(pieces):
        f = ["bias", "sec=" + kind]
        if p.prose:
            f.append("prose")
            f.extend(t for t in _text_features_prose(p.text))
        elif p.date is not None:
            d = p.date
            f.append("date")
            f.append("date=" + ("current" if d.current else "single" if d.single else "range"))
            if d.start and len(d.start) == 4:
                f.append("date_year_only")
        else:
            f.extend(_text_features(p.text))
        pos = "only" if p.count == 1 else "first" if p.index == 0 else "last" if p.index == p.count - 1 else "mid"
        f.append("pos=" + pos)
        # The same evidence weighs differently by where the piece stands in its line.
        f.extend([f"{x}|{pos}" for x in f if x.startswith(("ts=", "institution", "org_word", "legal_form", "place", "degree=", "date"))])
        f.append("sepb=" + p.sep_before)
        f.append("sepa=" + p.sep_after)
        f.append("nline=" + (str(p.count) if p.count <= 3 else "4+"))
        for key, value in facts[p.line].items():
            f.append(f"L{key}={value}")
        if p.line in dated_lines:
            f.append("line_dated")
        if p.line - 1 in dated_lines:
            f.append("prev_line_dated")
        if p.line + 1 in dated_lines:
            f.append("next_line_dated")
        if roles[i]:
            f.append("rule=" + roles[i])
        if p.line == 0:
            f.append("first_line")
        if p.index == 0 and p.line > 0:
            f.append("line_start")
        base.append(f)
    out: list[list[str]] = []
    for i, f in enumerate(base):
        feats = list(f)
        for offset, tag in ((-1, "p:"), (1, "n:"), (-2, "pp:"), (2, "nn:")):
            j = i + offset
            if not 0 <= j < len(base):
                feats.append(tag + "none")
                continue
            same = pieces[j].line == pieces[i].line
            feats.append(tag + ("same" if same else "other"))
            if abs(offset) == 1:
                feats.extend(tag + x for x in base[j] if x.startswith(_CONTEXT_KEYS) or x in ("prose", "Lbullet=1"))
        out.append(feats)
    return out


def _text_features_prose(text: str) -> tuple[str, ...]:
    words = text.split()
    f = ["w=" + ("8-12" if len(words) <= 12 else "13+")]
    if words and words[0][:1].islower():
        f.append("first=low")
    if words and _VERB_ED.match(words[0]):
        f.append("verb_start")
    if any(c.isdigit() for c in text):
        f.append("digit")
    if text.rstrip().endswith("."):
        f.append("endstop")
    return tuple(f)


# --------------------------------------------------------------------------- tagging


@cache
def _tagger():
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    with resources.as_file(resources.files("resumeiq.engine") / "data" / MODEL_FILE) as path:
        tagger.open(str(path))
    return tagger


def label_section(doc: ExtractedDocument, section: Section) -> tuple[list[BodyLine], list[Piece], list[str]]:
    """The section's body lines, pieces and the label of each piece."""
    lines, pieces = section_pieces(doc, section)
    if not pieces:
        return lines, pieces, []
    kind = "education" if section.kind == "education" else "experience"
    labels = list(_tagger().tag(piece_features(doc, kind, lines, pieces, section)))
    for i, p in enumerate(pieces):
        # A date range standing on its own is the entry's date, whatever the model made of it:
        # the date rules are exact, the model only places it in an entry.
        if p.date is not None and not p.date.single and not p.prose and labels[i] in ("O", "DESC"):
            labels[i] = "DATE"
        # A school's town is no field of study or degree: "University of X, Leeds, UK".
        elif (
            kind == "education"
            and labels[i].removeprefix("B_") in ("DEGREE", "FIELD")
            and read_location(p.text) is not None
            and find_degree(p.text, 0, len(p.text)) is None
        ):
            labels[i] = "B_LOC" if labels[i].startswith("B_") else "LOC"
    if kind == "education":
        _degree_left_out(pieces, labels)
    return lines, pieces, labels


def _degree_left_out(pieces: list[Piece], labels: list[str]) -> None:
    """An education entry the model gave no degree, with a line beside it that opens with a
    recognised degree ("Bachelor of Technology in …" under the school and its dates): that line
    is the degree. Degree names are an exact lexicon; the model only missed the line's place."""
    start = 0
    for end in [i for i, label in enumerate(labels) if label.startswith("B_")][1:] + [len(labels)]:
        group = range(start, end)
        if not any(labels[i].removeprefix("B_") == "DEGREE" for i in group):
            for i in group:
                p = pieces[i]
                hit = None if p.prose or p.date is not None else find_degree(p.text, 0, len(p.text))
                if labels[i] in ("O", "DESC") and hit is not None and hit[1] == 0:
                    labels[i] = "DEGREE"
                    break
        start = end


# --------------------------------------------------------------------------- entries


@dataclass
class _Group:
    """The pieces of one entry, by field."""

    fields: dict[str, list[Piece]]
    desc: list[Piece]


def _groups(pieces: list[Piece], labels: list[str]) -> list[_Group]:
    out: list[_Group] = []
    for p, label in zip(pieces, labels, strict=True):
        field = label.removeprefix("B_")
        if label.startswith("B_") or (not out and field not in ("DESC", "O")):
            prev = out[-1] if out else None
            # A second start right after a header with none of its fields and no description yet
            # ("University of X" and its dates, then "MSc" and the field): one entry.
            if prev is None or prev.desc or field in prev.fields:
                out.append(_Group({}, []))
        if not out:
            continue
        if field == "DESC":
            out[-1].desc.append(p)
        elif field != "O":
            out[-1].fields.setdefault(field, []).append(p)
    return _merge_complements(out)


def _merge_complements(groups: list[_Group]) -> list[_Group]:
    """Join a header-only group to the next when their fields do not overlap."""
    out: list[_Group] = []
    for g in groups:
        prev = out[-1] if out else None
        if prev is not None and not prev.desc and not set(prev.fields) & set(g.fields):
            for field, found in g.fields.items():
                prev.fields[field] = found
            prev.desc.extend(g.desc)
            continue
        out.append(g)
    return out


def _joined(doc: ExtractedDocument, pieces: list[Piece]) -> tuple[str, tuple[int, int]] | None:
    """Pieces of one field as one value: those on one line with the text between them ("Senior
    Engineer, Payments"); the first line's only when they spread over several lines."""
    if not pieces:
        return None
    first_line = pieces[0].line
    same = [p for p in pieces if p.line == first_line]
    start, end = same[0].start, same[-1].end
    value = " ".join(doc.text[start:end].split()).strip(" ,;:-–—|")
    return value, (start, end)


def _dates(doc: ExtractedDocument, lines: list[BodyLine], pieces: list[Piece]) -> DateRange | None:
    """The entry's range: its first date piece, joined to a following single date or "present"
    when the range is stacked over two lines ("Mar 2019 –" over "Present", "2019" over "2022")."""
    dated = [p for p in pieces if p.date is not None]
    if not dated:
        return None
    first = dated[0].date
    if not first.single or first.current:
        return first
    if len(dated) > 1:
        second = dated[1].date
        if second.single and second.start and first.start and second.start >= first.start:
            return DateRange(first.start, second.start, False, (first.span[0], second.span[1]))
    k = dated[0].line + 1
    if k < len(lines):
        joined = continued_range(doc.text, first, lines[k].start, lines[k].end)
        if joined is not None:
            return joined
    return first


def _set_dates(item: Work | Education, d: DateRange | None, *, single_is_end: bool) -> None:
    if d is None or d.start is None:
        return
    if d.single and not d.current and single_is_end:
        item.endDate = d.start
        item.evidence["endDate"] = d.span
        return
    item.startDate = d.start
    item.evidence["startDate"] = d.span
    if d.current:
        return
    end = d.end if d.end else (d.start if d.single else None)
    if end:
        item.endDate = end
        item.evidence["endDate"] = d.span


def _description(doc: ExtractedDocument, lines: list[BodyLine], desc: list[Piece], item: Work) -> None:
    summary: list[str] = []
    highlights: list[tuple[int, int]] = []
    seen: set[int] = set()
    for p in desc:
        if p.line in seen:
            continue
        seen.add(p.line)
        bl = lines[p.line]
        s, e = (p.start, p.end) if not p.prose else (bl.start, bl.end)
        if bl.bullet:
            highlights.append((s, e))
        elif highlights and (bl.text[:1].islower() or not ends_sentence(doc.text[highlights[-1][0] : highlights[-1][1]])):
            highlights[-1] = (highlights[-1][0], e)
        else:
            summary.append(doc.text[s:e])
            item.evidence.setdefault("summary", (s, e))
    if summary:
        item.summary = " ".join(" ".join(summary).split())
    for i, (s, e) in enumerate(highlights):
        item.highlights.append(" ".join(doc.text[s:e].split()))
        item.evidence[f"highlights.{i}"] = (s, e)


def assemble_work(doc: ExtractedDocument, lines: list[BodyLine], pieces: list[Piece], labels: list[str]) -> list[Work]:
    out: list[Work] = []
    for g in _groups(pieces, labels):
        work = Work()
        for field, attr in (("TITLE", "position"), ("ORG", "name"), ("LOC", "location")):
            value = _joined(doc, g.fields.get(field, []))
            if value:
                setattr(work, attr, value[0])
                work.evidence[attr] = value[1]
        _set_dates(work, _dates(doc, lines, g.fields.get("DATE", [])), single_is_end=False)
        _description(doc, lines, g.desc, work)
        if work.name or work.position:
            out.append(work)
    _inherit_employers(out)
    return out


def _inherit_employers(entries: list[Work]) -> None:
    """Roles held within one employment (an employer's line over several dated titles) carry the
    employer of the entry whose dates hold theirs."""
    parent: Work | None = None
    for w in entries:
        if w.name:
            parent = w if w.startDate else None
            continue
        if parent is None or not w.position or not w.startDate or not parent.startDate:
            continue
        within_start = w.startDate[:4] >= parent.startDate[:4]
        within_end = parent.endDate is None or (w.endDate is not None and w.endDate[:4] <= parent.endDate[:4])
        if within_start and within_end:
            w.name = parent.name
            if "name" in parent.evidence:
                w.evidence["name"] = parent.evidence["name"]


def assemble_education(
    doc: ExtractedDocument, lines: list[BodyLine], pieces: list[Piece], labels: list[str]
) -> list[Education]:
    out: list[Education] = []
    for g in _groups(pieces, labels):
        ed = Education()
        inst = _joined(doc, g.fields.get("ORG", []))
        if inst:
            ed.institution, ed.evidence["institution"] = inst
        degree_pieces = g.fields.get("DEGREE", [])
        if degree_pieces:
            value, span = _joined(doc, degree_pieces)
            hit = find_degree(value, 0, len(value))
            if hit is not None:
                ed.studyType = hit[0]
                ed.evidence["studyType"] = (span[0] + hit[1], span[0] + hit[2])
                rest = value[hit[2] :]
                m = re.match(r"^(?:['’]s)?\s*(?:\([A-Z][A-Za-z.]{1,8}\)\s*)?[(\-–:,]?\s*(?:(?:in|of|en|em|de|in the field of|majoring in|major in)\s+)?", rest)
                area = rest[m.end() if m else 0 :].strip(" .,;:-–()")
                if area:
                    ed.area = area
                    offset = span[0] + hit[2] + rest.find(area)
                    ed.evidence["area"] = (offset, offset + len(area))
            else:
                ed.studyType, ed.evidence["studyType"] = value, span
        field = _joined(doc, g.fields.get("FIELD", []))
        if field and not ed.area:
            ed.area, ed.evidence["area"] = field
        _set_dates(ed, _dates(doc, lines, g.fields.get("DATE", [])), single_is_end=True)
        grade = next((p for p in g.desc + [q for f in g.fields.values() for q in f] if _lexicon()["grade"].search(p.text)), None)
        if grade is not None and not ed.score:
            m = re.search(r"\d+(?:[.,]\d+)?(?:\s*/\s*\d+(?:[.,]\d+)?)?\s*%?", grade.text)
            if m:
                ed.score = m.group(0).strip()
                ed.evidence["score"] = (grade.start + m.start(), grade.start + m.end())
        if ed.institution or ed.studyType:
            out.append(ed)
    return out
