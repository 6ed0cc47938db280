"""The resume's own writing, as opposed to its contact, personal-details and boilerplate lines:
where pronouns and buzzwords are looked for, and where an unheaded summary is found."""

from __future__ import annotations

import re
from functools import cache

from resumeiq.engine.score._context import Context
from resumeiq.engine.score._text import language, quote, strip_bullet, word_count


@cache
def pronoun_pattern() -> re.Pattern[str]:
    forms: list[str] = []
    for w in language()["pronouns"]["words"]:
        forms.append(re.escape(w))
        if w != "I" and not w.startswith("I'"):
            forms.append(re.escape(w.capitalize()))
    # Case-sensitive on purpose: "ME"/"MY" in capitals are abbreviations, not pronouns. Not after
    # "." or "@" either: "me" in "x@proton.me" or "about.me" is a domain, not a pronoun.
    return re.compile(rf"(?<![\w'’.@/-])(?:{'|'.join(sorted(set(forms), key=len, reverse=True))})(?![\w'’@-])")


@cache
def filler_pattern() -> re.Pattern[str]:
    # Any run of white space between the words: a phrase wrapped onto the next line is the same phrase.
    alt = "|".join(r"\s+".join(re.escape(w) for w in f.split())
                   for f in sorted(language()["fillers"], key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.IGNORECASE)


def find_pronouns(text: str) -> list[tuple[int, int]]:
    """Spans of first-person pronouns, skipping roman numerals ("Phase I", "Level I", "I-95")."""
    context_words = set(language()["pronouns"]["roman_numeral_context"])
    out = []
    for m in pronoun_pattern().finditer(text):
        if m.group(0) == "I":
            before = re.findall(r"[A-Za-z]+", text[max(0, m.start() - 20) : m.start()])
            after = text[m.end() : m.end() + 1]
            if (before and before[-1].lower() in context_words) or after in ("-", "/", ")"):
                continue
        out.append((m.start(), m.end()))
    return out


def boilerplate_line(text: str) -> bool:
    low = text.casefold()
    return any(marker in low for marker in language()["boilerplate_lines"])


def writing_ranges(ctx: Context) -> list[tuple[int, int]]:
    """Character ranges of the resume's own writing: every line except the contact lines of the
    header, personal-details sections and boilerplate lines ("Email me on …", a declaration)."""
    basics = ctx.resume.basics
    contact = [ctx.valid_span(basics.evidence.get(k)) for k in ("name", "email", "phone", "url")]
    contact += [ctx.valid_span(s) for p in basics.profiles for s in p.evidence.values()]
    if basics.location is not None:
        contact += [ctx.valid_span(s) for s in basics.location.evidence.values()]
    spans = [s for s in contact if s]
    skip_kinds = {"personal"}
    out: list[tuple[int, int]] = []
    lines = ctx.parsed.document.lines
    kind_of = [""] * len(lines)
    for s in ctx.parsed.sections:
        for i in range(max(0, s.first_line), min(len(lines), max(0, s.end_line))):
            kind_of[i] = s.kind
    for i, ln in enumerate(lines):
        text = ctx.line_text(ln)
        if kind_of[i] in skip_kinds or boilerplate_line(text) or _CONTACT_MARK.search(text):
            continue
        if any(a < ln.end and ln.start < b for a, b in spans):
            continue
        out.append((ln.start, ln.end))
    return out


def filler_spans(ctx: Context) -> list[tuple[int, int]]:
    """Spans of the filler phrases in the resume's own writing (``writing_ranges``)."""
    ranges = writing_ranges(ctx)
    return [(m.start(), m.end()) for m in filler_pattern().finditer(ctx.text)
            if any(a <= m.start() < b for a, b in ranges)]


# Where a sentence ends: after . ! ? or at a line that starts a new item (a bullet or a capital);
# a line starting in lower case carries on the sentence above (a wrapped line).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n(?=\s*[•▪●◦*\-–A-Z])")


def filler_words(ctx: Context) -> int:
    """Words that are padding, not substance (``length`` does not count them, so taking them out as
    advised never makes a resume "too short"): first-person pronouns in the writing, the words of
    filler phrases, and all of a sentence that is little else (under 5 words once they are gone),
    as ``summary_present`` counts a summary."""
    ranges = writing_ranges(ctx)
    text = ctx.text
    padding = sum(1 for a, _ in find_pronouns(text) if any(x <= a < y for x, y in ranges))
    spans = filler_spans(ctx)
    if not spans:
        return padding
    start = 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        end = m.start() if m else len(text)
        inside = [(a, b) for a, b in spans if start <= a < end]
        if inside:
            sentence = text[start:end]
            rest = word_count(filler_pattern().sub(" ", sentence))
            padding += word_count(sentence) if rest < 5 else sum(word_count(text[a:b]) for a, b in inside)
        start = m.end() if m else end
    return padding


_CONTACT_MARK = re.compile(r"[\w.+-]+@[\w-]+\.\w|https?://|www\.|linkedin\.com|github\.com", re.IGNORECASE)


def line_around(text: str, a: int, b: int, limit: int = 80) -> str:
    """A quote of the line that holds ``text[a:b]``, cut to whole words around that span when the
    line is longer than ``limit``, so the quote always shows what it is quoted for."""
    line_start = text.rfind("\n", 0, a) + 1
    line_end = text.find("\n", b)
    flat = quote(strip_bullet(text[line_start : line_end if line_end >= 0 else len(text)]), 10**6)
    span = text[a:b].split()
    words = flat.split(" ")
    # The span's word: the one holding its first word nearest to as many words in as the span is.
    hits = [i for i, w in enumerate(words) if span and span[0] in w]
    if len(flat) <= limit or not hits:
        return quote(flat, limit)
    near = len(text[line_start:a].split())
    lo = hi = min(hits, key=lambda k: abs(k - near))
    hi += 1
    size = len(words[lo])
    grown = True
    while grown:  # grow the window by a word on the left and one on the right, while it fits
        grown = False
        if lo > 0 and size + 1 + len(words[lo - 1]) <= limit - 2:
            lo, size, grown = lo - 1, size + 1 + len(words[lo - 1]), True
        if hi < len(words) and size + 1 + len(words[hi]) <= limit - 2:
            hi, size, grown = hi + 1, size + 1 + len(words[hi]), True
    return ("…" if lo > 0 else "") + " ".join(words[lo:hi]) + ("…" if hi < len(words) else "")


_DATED = re.compile(r"\b(?:19|20)\d\d\b")


def unheaded_summary(ctx: Context) -> tuple[str, list[tuple[int, int]]]:
    """A summary paragraph without a heading: the first run of prose lines (8+ words, no contact
    details, no bullet, no year) right under the contact lines, before any entry or heading."""
    ranges = writing_ranges(ctx)
    lines = ctx.parsed.document.lines
    first_body = next((s.first_line for s in ctx.parsed.sections if s.kind not in ("header", "other")
                       and s.heading_span is not None), len(lines))
    picked: list[tuple[int, int]] = []
    for ln in lines[:first_body]:
        text = ctx.line_text(ln)
        if not text.strip():
            continue
        if not any(a <= ln.start < b for a, b in ranges):
            if picked:
                break
            continue  # the name and contact lines above the summary
        if ln.bullet or _DATED.search(text):
            break  # an entry starts: what follows is experience, not a summary
        if word_count(text) >= 8 or (picked and word_count(text) >= 2):
            picked.append((ln.start, ln.end))
        elif picked:
            break
        elif word_count(text) > 3:
            break  # a headline or a heading-like line of its own is where a summary would have been
    text = " ".join(" ".join(ctx.text[a:b].split()) for a, b in picked)
    return (text, picked) if word_count(text) >= 15 else ("", [])
