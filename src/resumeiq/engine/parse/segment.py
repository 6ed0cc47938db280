"""Segment stage: lines → sections.

A line is a heading when, cleaned of decoration ("## ", "SKILLS:", "W O R K", "———"), it is one
of the section names in ``data/headings.json``. After the first such heading, a short line styled
exactly like the known headings of the same document (same DOCX style, font size and weight, or
capitals with an underline) starts a section of unknown kind ("other"); its content decides
whether it is a skills group. A heading followed by a colon and text ("Skills: Python, SQL")
starts a section whose body begins on the same line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

from resumeiq.engine._data import load_json
from resumeiq.engine.model import ExtractedDocument, Line, Section
from resumeiq.engine.parse.fold import fold_accents
from resumeiq.engine.parse.wrap import frame_edge, no_room

_DECOR = " \t#*_=~|•·:;.-–—>»<«()[]{}\"'：【】「」"
# Chinese, Japanese and Korean characters are kept: their headings (工作经历, 教育背景) are words.
_NON_WORD = re.compile(r"[^a-z0-9 \u0430-\u045f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")  # Cyrillic lower case too
_LETTER_SPACED = re.compile(r"^(?:\w ){2,}\w$")
_SMALL_CAPS = re.compile(r"\b([A-Z]) ([A-Z]{2,})\b")
_RULE = re.compile(r"^\s*[-=_~*#]{3,}\s*$")
_MAX_HEADING_WORDS = 6
_LEADING_HEADS = frozenset({"education", "experience", "employment", "skills", "certifications", "projects", "awards"})
_CONTACT_HINT = re.compile(r"[\w.+-]+@[\w-]+|\+?\(?\d[\d ().-]{7,}\d")
_WIDE_GAP = re.compile(r"\s{2,}")
_LIST_PUNCTUATION = re.compile(r"[:,;]")
_LETTERS = re.compile(r"[^\W\d_]+")
_LONG_WORD = re.compile(r"[A-Za-z]{4,}")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$|\)\W*$")
_INLINE_HEADING = re.compile(r"^\s*([A-Za-z][A-Za-z &/]{1,40}?)\s*[:|–—-]\s+(?=\S)|^\s*([\u4e00-\u9fff]{2,8})\s*[:：]\s*(?=\S)")


@cache
def heading_map() -> dict[str, str]:
    sections = load_json("headings.json")["sections"]
    return {phrase: kind for kind, phrases in sections.items() for phrase in phrases}


@cache
def _compact_headings() -> dict[str, str]:
    """Headings of two words or more, keyed by their letters run together ("workexperience")."""
    return {phrase.replace(" ", ""): kind for phrase, kind in heading_map().items() if " " in phrase}


@cache
def _head_words() -> dict[str, str]:
    table = load_json("headings.json")["head_words"]
    return {w: kind for kind, words in table.items() if not kind.startswith("_") for w in words}


# A numbered heading's number ("6. Employment History", "II) Education").
_ENUMERATOR = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4})[.)]\s+(?=[^\W\d_])")


def normalize_heading(text: str) -> str:
    """Heading text in the form used as key of ``headings.json``."""
    text = _ENUMERATOR.sub("", text).strip(_DECOR)
    if _LETTER_SPACED.match(text) or "  " in text and all(
        _LETTER_SPACED.match(p) or len(p) == 1 for p in _WIDE_GAP.split(text)
    ):
        text = " ".join(p.replace(" ", "") for p in _WIDE_GAP.split(text))
    if text.upper() == text and _SMALL_CAPS.search(text):
        # Small capitals extracted as a capital and the rest: "W ORK E XPERIENCE".
        text = _SMALL_CAPS.sub(r"\1\2", text)
    text = fold_accents(text.lower()).replace("&", " and ").replace("/", " and ").replace("+", " and ")
    text = _NON_WORD.sub(" ", text)
    return " ".join(text.split())


def heading_kind(text: str, *, fuzzy: bool = True) -> str | None:
    """Canonical section kind of a heading text, or None. With ``fuzzy``, a title-cased short
    heading that is not listed is judged by its last word ("Retail Experience")."""
    norm = normalize_heading(text)
    words = norm.split()
    if words and (len(words) == 1 or len(words) >= 4 and all(len(w) <= 3 for w in words)):
        # Letter-spaced text read with its word gap lost or a space at some letter gaps only
        # ("WORKEXPERIENCE", "EmploymentHistory", "WO R K E X P E R I E N C E"): the letters of
        # a heading of two words or more, run together; spaced letters of a one-word heading
        # whose accented tail kept together ("F O R M A C IÓN", "E D U C A ÇÃO").
        compact = _compact_headings().get("".join(words))
        if compact is None and len(words) >= 4:
            compact = heading_map().get("".join(words))
        if compact is not None:
            return compact
    if not words or len(words) > _MAX_HEADING_WORDS:
        return None
    kind = heading_map().get(norm)
    if kind is None and len(words) > 1 and _broken_caps(text):
        # Small capitals or letter spacing cut at random letters ("W OR KEX PER I ENCE",
        # "ED UC ATI ON"): the letters read as one run of a listed heading.
        kind = _joined_headings().get(norm.replace(" ", ""))
    inner = text.strip().rstrip(":")
    if (
        kind is None
        and fuzzy
        and 2 <= len(words) <= 5
        and _title_cased(text)
        and not _LIST_PUNCTUATION.search(inner)
        and "in" not in words[1:-1]
    ):
        # "Retail Experience", "Career Experience / Job History": judged by the last word (not
        # after "in": "Bachelor of Arts in History", "Degree in Education" end in a field)
        kind = _head_words().get(words[-1])
        if kind is None and words[0] in _LEADING_HEADS:  # "Education & Professional Development"
            kind = _head_words().get(words[0])
    return kind


@cache
def _joined_headings() -> dict[str, str]:
    return {phrase.replace(" ", ""): kind for phrase, kind in heading_map().items()}


def _broken_caps(text: str) -> bool:
    """Capitals with a space inside a word: most of its pieces are one to four letters long."""
    letters = [w for w in _LETTERS.findall(text)]
    return text.upper() == text and len(letters) >= 3 and sum(len(w) <= 4 for w in letters) * 2 > len(letters)


def _title_cased(text: str) -> bool:
    return all(w[:1].isupper() for w in _LONG_WORD.findall(text))


def _signature(doc: ExtractedDocument, line: Line, underlined: bool) -> tuple:
    text = doc.text[line.start : line.end].strip(_DECOR)
    caps = text.isupper()
    return (line.style, line.bold, round(line.size), caps, underlined, line.column)


def segment_sections(doc: ExtractedDocument) -> list[Section]:
    lines = doc.lines
    text = doc.text
    n = len(lines)
    underline = [i + 1 < n and bool(_RULE.match(text[lines[i + 1].start : lines[i + 1].end])) for i in range(n)]
    rule = [bool(_RULE.match(text[ln.start : ln.end])) for ln in lines]

    # Pass 1: headings whose text is a known section name.
    found: list[tuple[int, str, tuple[int, int], int]] = []  # line, kind, heading span, body start
    fuzzy: list[tuple[int, str, tuple[int, int], int]] = []  # judged by the last word only
    signatures: set[tuple] = set()
    counts = Counter(text[ln.start : ln.end].strip() for ln in lines)  # a heading's text repeated is a label
    wrapped = _wrapped_headings(doc)
    consumed = {i + 1 for i in wrapped}
    for i, line in enumerate(lines):
        if rule[i] or i in consumed:
            continue
        if i in wrapped:
            kind, end = wrapped[i]
            found.append((i, kind, (line.start, end), end + 1))
            if line.size or line.style:
                signatures.add(_signature(doc, line, False))
            continue
        raw = text[line.start : line.end]
        hit = _known_heading(raw, line)
        if hit is None or _wrapped_word(doc, i):
            continue
        kind, h_end, body_start = hit
        if heading_kind(raw.strip(), fuzzy=False) is None and body_start >= len(raw):
            fuzzy.append((i, kind, (line.start, line.start + h_end), line.start + body_start))
            continue
        inline = body_start < len(raw)
        if found and found[-1][1] == "skills" and (
            inline
            or (kind == "languages" and _lists_programming_languages(doc, i))
            or (kind not in _BLOCK_KINDS and len(raw.split()) <= 2 and _lists_skills(doc, i))
        ):
            continue  # "Languages: Java, Go" (or "Languages" over such a line) inside skills is a skill category
        if found and found[-1][1] == kind and not inline and lines[found[-1][0]].size > line.size + 0.5:
            continue  # "Skills" in smaller type under SKILLS: a category of the section, not a heading
        if not inline and counts[raw.strip()] < 2 and _title_under_dates(doc, i, [lines[f[0]] for f in found]):
            continue  # "Projektarbeit" under "10/2020 – 01/2021", in the entries' type: a job's title
        rails = {lines[f[0]].rail for f in found}
        if inline and _owner_kind(doc, found, counts) in _ENTRY_KINDS and _inside_entries(doc, i, signatures, rails):
            continue  # "Skills: …" under a job, with more dated entries below: part of the entry
        found.append((i, kind, (line.start, line.start + h_end), line.start + body_start))
        if body_start >= len(raw) and (line.style or line.size or underline[i]) and counts[raw.strip()] < 2:
            # Only a distinctive look (a style, a font size, an underline) marks other headings
            # (not a label the document repeats, "Work Profile" over each job).
            signatures.add(_signature(doc, line, underline[i]))

    # Pass 1b: "Retail Experience"-like headings, if they look like the listed ones (a plain text
    # has no look to compare with: there the title-cased short line is enough).
    for item in fuzzy:
        i = item[0]
        raw = text[lines[i].start : lines[i].end]
        if "," in raw or any(c.isdigit() for c in _ENUMERATOR.sub("", raw)):
            continue
        if not signatures or _signature(doc, lines[i], underline[i]) in signatures or raw.strip().isupper():
            found.append(item)
    found.sort()

    # Pass 1c: a main section with no heading of its own may have lost the line break after it
    # ("Experience Bellweather Studios Group March 2011 - Present").
    present = {f[1] for f in found}
    for kind in ("experience", "education"):
        if kind not in present:
            hit = _run_in_heading(doc, kind, {f[0] for f in found})
            if hit is not None:
                found.append(hit)
    found.sort()

    # Pass 2: unknown headings styled like the known ones.
    if found and signatures:
        first = found[0][0]
        known = {f[0] for f in found}
        # A known heading set in body type ("Contact:" in the text's own size) gives no look to
        # go by: a short line in the body's look ("Acme GmbH" under a job title) is not a heading.
        looks = Counter(_signature(doc, lines[i], underline[i]) for i in range(n) if i not in known and not rule[i])
        body_look = looks.most_common(1)[0][0] if looks else None
        for i in range(first + 1, n):
            if i in known or i in consumed or rule[i] or lines[i].bullet:
                continue
            line = lines[i]
            raw = text[line.start : line.end].strip()
            words = raw.strip(_DECOR).split()
            if not (1 <= len(words) <= 3) or any(c.isdigit() for c in raw) or "\t" in raw or "@" in raw:
                continue
            look = _signature(doc, line, underline[i])
            if look in signatures and look != body_look and not _dated_soon(doc, i) and not _school_in_education(found, i, raw):
                found.append((i, "other", (line.start, line.end), line.end))
        found.sort()

    found = _rail_headings_only(lines, found)
    found = _without_repeated_labels(doc, found)

    # Page footers (DOCX) at the end belong to no section of the body.
    body_end = n
    while body_end > 0 and lines[body_end - 1].style == "HeaderFooter":
        body_end -= 1
    found = [f for f in found if f[0] < body_end]
    sections: list[Section] = []
    first_line = found[0][0] if found else body_end
    if first_line > 0:
        sections.append(_make(doc, "header", None, None, 0, first_line, lines[0].start))
    for k, (i, kind, span, body_start) in enumerate(found):
        end_line = found[k + 1][0] if k + 1 < len(found) else body_end
        inline = body_start < lines[i].end
        begin = i if inline else i + 1
        while begin < end_line and (rule[begin] or begin in consumed):
            begin += 1
        heading = " ".join(text[span[0] : span[1]].split()).strip(_DECOR)
        sections.append(_make(doc, kind, heading, span, begin, end_line, body_start if inline else None))
    if body_end < n:
        sections.append(_make(doc, "personal", None, None, body_end, n, None))
    for s in sections:
        if s.kind == "other":
            _classify_unknown(doc, s)
        elif (
            s.kind == "summary"
            and normalize_heading(s.heading or "") in ("about", "about me", "profile", "personal profile")
            and _CONTACT_HINT.search(doc.text, s.start, min(s.end, s.start + 200))
        ):
            s.kind = "personal"  # an "About" box holding the address, email and phone
    return _name_header(doc, sections)


_CONTACT_LINE = re.compile(r"@[\w-]+\.\w|(?:\d[\s().-]*){7}")


def _name_header(doc: ExtractedDocument, sections: list[Section]) -> list[Section]:
    """A sidebar read first (a text box, a left column) puts its sections before the name: the
    line in the document's biggest type near the top, a few words long, starts the header there.
    A heading set in the margin and read first ("Professional Summary:" beside the name) puts the
    name under it: that line alone is then the header's (or joins it, when a header holds what
    stood above)."""
    sized = [(ln.size, i) for i, ln in enumerate(doc.lines[:80]) if ln.size and ln.page == 0]
    if len(sized) < 4:
        return sections
    top, idx = max(sized, key=lambda t: (t[0], -t[1]))
    sizes = sorted(size for size, _ in sized)
    if top < 1.4 * sizes[len(sizes) // 2] or len(doc.line_text(doc.lines[idx]).split()) > 6:
        return sections
    if any(s.kind == "header" and s.first_line <= idx < s.end_line for s in sections):
        return sections
    for k, sec in enumerate(sections):
        if (
            sec.first_line == idx
            and sec.heading is not None
            and idx + 1 < sec.end_line
            and not any(c.isdigit() for c in doc.line_text(doc.lines[idx]))
            and any(s.kind == "header" for s in sections[:k])
        ):
            end = idx + 1  # the name, and the contact lines right under it
            while end + 1 < sec.end_line and _CONTACT_LINE.search(doc.line_text(doc.lines[end])):
                end += 1
            name = _make(doc, "header", None, None, idx, end, None)
            sec.first_line, sec.start = end, doc.lines[end].start
            return [*sections[:k], name, *sections[k:]]
        if any(s.kind == "header" for s in sections):
            continue  # (a sidebar read first: only when nothing stood above it as a header)
        if sec.first_line <= idx < sec.end_line and sec.kind != "header":
            header = _make(doc, "header", None, None, idx, sec.end_line, None)
            if idx > sec.first_line:
                sec.end_line = idx
                sec.end = doc.lines[idx - 1].end
                return [*sections[: k + 1], header, *sections[k + 1 :]]
            return [*sections[:k], header, *sections[k + 1 :]] if sec.heading is None else sections
    return sections


_FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "and", "or", "of", "in", "on", "to", "for", "with", "by", "from", "at", "as", "his", "her", "their", "my", "our", "your", "its", "this", "that", "these", "those", "into", "onto", "over", "under", "about", "through", "via", "per", "than"]
)


def _wrapped_headings(doc: ExtractedDocument) -> dict[int, tuple[str, int]]:
    """Headings wrapped over two lines of a PDF ("PROFESSIONAL" over "EXPERIENCE" in a margin
    rail or a narrow column): line → (kind, end of the second line). Both lines are short, look
    alike and follow closely, and the two together are a known heading."""
    out: dict[int, tuple[str, int]] = {}
    if doc.format != "pdf":
        return out
    lines, text = doc.lines, doc.text
    for i in range(len(lines) - 1):
        a, b = lines[i], lines[i + 1]
        if a.page != b.page or a.column != b.column or a.rail != b.rail or a.bold != b.bold or abs(a.size - b.size) > 0.6:
            continue
        h = max(a.bottom - a.top, 1.0)
        if not -0.3 * h <= b.top - a.bottom < 0.6 * h:
            continue
        first, second = text[a.start : a.end].strip(), text[b.start : b.end].strip()
        if len(first.split()) > 3 or len(second.split()) > 3 or any(c.isdigit() for c in first + second):
            continue
        if first.isupper() != second.isupper():
            continue
        kind = heading_kind(f"{first} {second}", fuzzy=False)
        if kind is not None and i - 1 not in out:
            out[i] = (kind, b.end)
    return out


def _wrapped_word(doc: ExtractedDocument, i: int) -> bool:
    """A line such as "activities." or "experience" that ends a sentence wrapped from the line
    above, not a heading: lower-case and ending in a full stop, or lower-case (or ending in a full
    stop) under a line that runs on (ends in a lower-case word or a comma, being long or ending in a
    word like "the" or "his")."""
    text = doc.text
    line = doc.lines[i]
    raw = text[line.start : line.end].strip()
    lower = raw[:1].islower()
    stop = bool(_SENTENCE_END.search(raw))
    if lower and stop:
        return True
    if i > 0 and _wrapped_by_column(doc, i, raw):
        return True
    if not (lower or stop and ":" not in raw) or i == 0:
        return False
    prev = text[doc.lines[i - 1].start : doc.lines[i - 1].end].rstrip()
    last = prev.split()[-1] if prev else ""
    if not (re.fullmatch(r"[a-z]+,?|[A-Z]{2,4}", last) or last.endswith((",", "-", "("))):
        return False
    return len(prev) >= 30 or last.lower() in _FUNCTION_WORDS


def _wrapped_by_column(doc: ExtractedDocument, i: int, raw: str) -> bool:
    """A PDF line in the type of the line above, at its x, where that line runs on to the right
    edge of its text so that this line's first word could not have stood on it ("ONBOARDING
    SPECIALIST at Orvex" over "Networks"): the rest of that line, not a heading."""
    line, prev = doc.lines[i], doc.lines[i - 1]
    if doc.format != "pdf" or prev.rail or line.rail or prev.bullet:
        return False
    if prev.page != line.page or prev.column != line.column or abs(prev.x0 - line.x0) > 1.0:
        return False
    if abs(prev.size - line.size) > 0.5 or prev.bold != line.bold:
        return False
    above = doc.text[prev.start : prev.end].rstrip()
    if not above or above.endswith((".", ":", "!", "?")) or heading_kind(above.strip(_DECOR)) is not None:
        return False
    if raw.endswith(":") and "\t" in above:
        return False  # "Education & Training:" under a line whose date is set at the edge: a heading
    return no_room(prev, line, raw, frame_edge(doc, prev))


def _run_in_heading(doc: ExtractedDocument, kind: str, taken: set[int]) -> tuple[int, str, tuple[int, int], int] | None:
    """The first line opening with a heading of ``kind`` run into a capitalised entry ("Work
    Experience Ashcombe University"), with a date on it or in the next lines."""
    from resumeiq.engine.parse.dates import find_date_ranges
    from resumeiq.engine.parse.titles import title_score

    text = doc.text
    for i, line in enumerate(doc.lines):
        if i in taken or line.bullet:
            continue
        raw = text[line.start : line.end]
        words = raw.split()
        for k in (3, 2, 1):
            if len(words) <= k + 1:
                continue
            head, rest = words[:k], words[k]
            if not all(w[:1].isupper() for w in head) or not (rest[:1].isupper() or rest[:1].isdigit()):
                continue
            if heading_map().get(normalize_heading(" ".join(head))) != kind:
                continue
            if title_score(" ".join(words[: k + 1])) >= 0.5 or title_score(" ".join(words[: k + 2])) >= 0.5:
                break  # "Education Coordinator, …": a role
            nxt = doc.lines[i : i + 4]
            if not find_date_ranges(text, nxt[0].start, nxt[-1].end):
                break
            h_end = line.start + raw.find(head[-1]) + len(head[-1])
            body = h_end + len(text[h_end : line.end]) - len(text[h_end : line.end].lstrip())
            return i, kind, (line.start + raw.find(head[0]), h_end), body
    return None


def _lists_programming_languages(doc: ExtractedDocument, i: int) -> bool:
    from resumeiq.engine.parse.skills import find_skills

    # The next line, or one of the next few when a table's labels were read before its values
    # ("Platforms / Databases / Languages" over ": Linux …", ": PostgreSQL …", ": Go, Rust").
    for ln in doc.lines[i + 1 : i + 6]:
        raw = doc.text[ln.start : ln.end].strip()
        if any(h.category == "programming_language" for h in find_skills(doc.text, ln.start, ln.end)):
            return True
        if ln is not doc.lines[i + 1] and not raw.startswith(":") or heading_kind(raw, fuzzy=False) is not None:
            return False
    return False


def _lists_skills(doc: ExtractedDocument, i: int) -> bool:
    """A heading word over a comma list of known skills, inside a skills block ("Academic" over
    "Haskell, Prolog, Java"): a category of the skills, not a section of its own."""
    from resumeiq.engine.parse.skills import find_skills

    nxt = doc.lines[i + 1 : i + 2]
    if not nxt:
        return False
    raw = doc.text[nxt[0].start : nxt[0].end]
    items = [p for p in raw.split(",") if p.strip()]
    return len(items) >= 3 and all(len(p.split()) <= 4 for p in items) and len(find_skills(doc.text, nxt[0].start, nxt[0].end)) >= 2


_ENTRY_KINDS = ("experience", "education", "projects", "volunteer")
# Sections never read as a category of the skills above them.
_BLOCK_KINDS = ("experience", "projects", "volunteer", "additional", "summary", "references", "publications")


def _without_repeated_labels(doc: ExtractedDocument, found: list[tuple[int, str, tuple[int, int], int]]) -> list:
    """A heading text found again and again after a work or education heading, with dated lines
    between its repeats ("Achievements", "Work Profile" over each job's bullets), is a label of
    each entry, not a section of its own: all of its repeats are left out."""
    from resumeiq.engine.parse.dates import find_date_ranges

    groups: dict[str, list[int]] = {}
    for k, (_i, _kind, span, _b) in enumerate(found):
        groups.setdefault(normalize_heading(doc.text[span[0] : span[1]]), []).append(k)
    drop: set[int] = set()
    for ks in groups.values():
        if len(ks) < 2 or ks[0] == 0:
            continue
        prior, kind = found[ks[0] - 1][1], found[ks[0]][1]
        # (dated items under "Projects" may be projects of their own, unless the repeats after
        # a work heading are written as labels, "Key Projects:", where the headings before are not)
        if prior not in _ENTRY_KINDS or kind in _ENTRY_KINDS and not (kind == "projects" and prior == "experience" and _label_form(doc, found, ks)):
            continue
        lines = doc.lines
        if all(
            any(find_date_ranges(doc.text, ln.start, ln.end) for ln in lines[found[a][0] + 1 : found[b][0]])
            for a, b in zip(ks, ks[1:], strict=False)
        ):
            drop.update(ks)
    return [f for k, f in enumerate(found) if k not in drop]


def _label_form(doc: ExtractedDocument, found: list[tuple[int, str, tuple[int, int], int]], ks: list[int]) -> bool:
    """The repeats of a heading text end in a colon with nothing after it on their lines, and
    the headings found before them do not."""
    def colon(k: int) -> bool:
        ln = doc.lines[found[k][0]]
        return doc.text[ln.start : ln.end].rstrip().endswith(":")

    return all(colon(k) for k in ks) and not any(colon(k) for k in range(ks[0]))


def _rail_headings_only(lines: list[Line], found: list[tuple[int, str, tuple[int, int], int]]) -> list:
    """When the document sets its headings in a left margin rail (three or more of those found
    stand there, or two of three), an unknown heading of the body lane beside them is none: a
    label inside an entry ("Work Profile") set in bold like them."""
    in_rail = [f for f in found if lines[f[0]].rail == "left"]
    if len(in_rail) < 3 and not (len(in_rail) == 2 and len(in_rail) >= 0.6 * len(found)):
        return found
    first = in_rail[0][0]
    # Only unknown headings go: a known one in the body lane ("Skills: …" under a rail heading)
    # may still be a section of its own.
    return [f for f in found if f[0] <= first or lines[f[0]].rail == "left" or f[1] != "other"]


def _owner_kind(doc: ExtractedDocument, found: list[tuple[int, str, tuple[int, int], int]], counts: Counter) -> str | None:
    """The kind of the last heading found, passing over headings whose text the document
    repeats ("Work Profile" over each job: a label of the entries, left out later)."""
    for i, kind, _span, _body in reversed(found):
        ln = doc.lines[i]
        if counts[doc.text[ln.start : ln.end].strip()] < 2:
            return kind
    return None


def _inside_entries(doc: ExtractedDocument, i: int, signatures: set[tuple], rails: frozenset[str] | set[str] = frozenset()) -> bool:
    """An inline heading line ("Skills: C++, CMake") inside a list of dated entries, as exports
    write each job's skills under it: more dated entries follow before the next heading, and the
    line does not have the look of the document's headings."""
    from resumeiq.engine.parse.dates import find_date_ranges

    # (a line of the body beside headings set in a margin rail has not their look)
    if _signature(doc, doc.lines[i], False) in signatures and not (rails and doc.lines[i].rail not in rails):
        return False
    window = doc.lines[i + 1 : i + 60]
    texts = [doc.text[ln.start : ln.end].strip() for ln in window]
    for ln, raw in zip(window, texts, strict=True):
        # (a heading's text repeated in the window, "Work Profile" over each job, is a label)
        if raw and len(raw) <= 60 and heading_kind(raw, fuzzy=False) is not None and texts.count(raw) < 2:
            return False
        if find_date_ranges(doc.text, ln.start, ln.end):
            return True
    return False


def _school_in_education(found: list[tuple[int, str, tuple[int, int], int]], i: int, raw: str) -> bool:
    """A school's name or a degree set like the headings ("BROOK COLLEGE", "Master Systems
    Engineering" under EDUCATION) is an entry of the education section it stands in, not a
    section of its own."""
    from resumeiq.engine.parse.degrees import find_degree, is_institution

    above = max((f for f in found if f[0] < i), default=None, key=lambda f: f[0])
    if above is None or above[1] != "education":
        return False
    text = raw.strip(_DECOR)
    return is_institution(text) or find_degree(text, 0, len(text)) is not None


def _title_under_dates(doc: ExtractedDocument, i: int, headings: list[Line]) -> bool:
    """A heading word set right under a line of nothing but dates, in type clearly smaller
    than the document's headings so far ("ARBEITSERFAHRUNG" at 18 pt; "10/2020 – 01/2021" over
    "Projektarbeit" at 12 pt): the title of the entry those dates open, not a section. (A label
    repeated under every entry, "Achievements:", is left to the rule on repeated labels.)"""
    from resumeiq.engine.parse.dates import find_date_ranges

    line = doc.lines[i]
    if i == 0 or not line.size or not headings or max(h.size for h in headings) < 1.25 * line.size:
        return False
    prev = doc.lines[i - 1]
    if abs(prev.size - line.size) > 0.5:
        return False  # the entries' own type: the dates and the title alike
    found = find_date_ranges(doc.text, prev.start, prev.end)
    if not found:
        return False
    rest = doc.text[prev.start : prev.end]
    for d in reversed(found):
        rest = rest[: d.span[0] - prev.start] + rest[d.span[1] - prev.start :]
    return not any(c.isalpha() for c in rest)  # the line above holds dates and nothing else


def _dated_soon(doc: ExtractedDocument, i: int) -> bool:
    """A job or school header ("ACME CORP" over "2019 – 2021") is not a section heading."""
    from resumeiq.engine.parse.dates import find_date_ranges

    nxt = doc.lines[i + 1 : i + 4]
    if nxt and find_date_ranges(doc.text, nxt[0].start, nxt[-1].end):
        return True
    # A date in a left rail is read just before the entry it stands beside.
    prev = doc.lines[i - 1] if i > 0 else None
    if prev is not None and prev.rail == "left" and find_date_ranges(doc.text, prev.start, prev.end):
        return True
    # A table's date cell before the entry's cell ("DEC 2024–" over "TODAY", then "ACME CAPITAL").
    above = [ln for ln in doc.lines[max(0, i - 2) : i] if ln.in_table]
    return bool(doc.lines[i].in_table and above and find_date_ranges(doc.text, above[0].start, above[-1].end))


def _known_heading(raw: str, line: Line) -> tuple[str, int, int] | None:
    """(kind, end of heading text, start of body) within the line, or None."""
    stripped = raw.strip()
    if not stripped or len(stripped) > 60:
        # Maybe "SKILLS: Python, SQL …" — a heading with its content on the same line.
        return _inline_heading(raw)
    kind = heading_kind(stripped, fuzzy=not line.bullet)
    if kind is not None:
        return kind, len(raw.rstrip()), len(raw)
    return _inline_heading(raw)


def _inline_heading(raw: str) -> tuple[str, int, int] | None:
    m = _INLINE_HEADING.match(raw)
    if not m:
        return None
    g = 1 if m.group(1) else 2  # "Skills: …" or "技能：…"
    kind = heading_kind(m.group(g))
    # Only sections whose content reads well inline ("Skills: a, b"; "Languages: English").
    if kind not in ("skills", "languages", "certificates", "interests", "summary", "education"):
        return None
    return kind, m.end(g), m.end()


def _make(
    doc: ExtractedDocument,
    kind: str,
    heading: str | None,
    span: tuple[int, int] | None,
    first: int,
    end: int,
    start: int | None,
) -> Section:
    lines = doc.lines
    body_start = start if start is not None else (lines[first].start if first < end else (span[1] if span else 0))
    body_end = lines[end - 1].end if end > first else body_start
    return Section(
        kind=kind, heading=heading, heading_span=span, first_line=first, end_line=end, start=body_start, end=body_end
    )


def iter_body(doc: ExtractedDocument, section: Section) -> Iterator[tuple[int, int, Line]]:
    """(start, end, line) of each body line, the first clipped to the section's start."""
    for i in range(section.first_line, section.end_line):
        line = doc.lines[i]
        start = max(line.start, section.start)
        if start < line.end:
            yield start, line.end, line


def _classify_unknown(doc: ExtractedDocument, section: Section) -> Section:
    """A section with an unknown heading whose lines are short lists of known skills is a skills group."""
    from resumeiq.engine.parse.skills import find_skills

    bodies = [(s, e) for s, e, _ in iter_body(doc, section)]
    if not bodies:
        return section
    short = sum(1 for s, e in bodies if len(doc.text[s:e].split()) <= 6)
    covered = 0
    total = 0
    for s, e in bodies:
        total += len(doc.text[s:e].strip())
        covered += sum(h.end - h.start for h in find_skills(doc.text, s, e))
    if short >= 0.7 * len(bodies) and total and covered >= 0.4 * total:
        section.kind = "skills"
    return section
