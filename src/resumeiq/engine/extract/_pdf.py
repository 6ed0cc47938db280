"""PDF text with geometry, read with pypdfium2.

Characters are grouped into runs (same baseline, no big horizontal jump) with their font size and
weight; ``_layout`` puts the runs of each page into lines in reading order.
"""

from __future__ import annotations

import ctypes
import struct
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache
from itertools import repeat
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from resumeiq.engine._data import load_json
from resumeiq.engine.errors import CorruptFile, EmptyFile, EncryptedFile, NoTextLayer, TooLarge
from resumeiq.engine.extract._layout import PageLine, Run, order_pages
from resumeiq.engine.extract._limits import ExtractLimits
from resumeiq.engine.extract._text import collapse_letter_spacing, is_bullet
from resumeiq.engine.model import ExtractedDocument, Layout, Line, Link

_MIN_TEXT_CHARS = 40  # fewer visible characters than this in the whole file: no usable text layer
_MAX_OBJECTS_SCANNED = 3000
_PUA_BULLETS = frozenset("\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf02d\uf095\uf0a8")  # Symbol/Wingdings bullets
# What ends a word: every character str.isspace() accepts (all below U+3001), NUL, and the hyphen
# that breaks a word at the end of a line (U+0002 in pdfium's character list, U+FFFE in its text).
_BLANK = frozenset(c for c in map(chr, range(0x3001)) if c.isspace()) | {"\x00", "\x02", "\ufffe"}
# Characters the run builder looks at twice: blanks, the private use area (icon fonts) and the
# low surrogates that mark the second index of a character outside the BMP (see _chars_by_index).
_SPECIAL = _BLANK | frozenset(map(chr, range(0xE000, 0xF900))) | frozenset(map(chr, range(0xDC00, 0xE000)))
_FS_RECTF = struct.Struct("4f")  # FS_RECTF: left, top, right, bottom
_MAX_LINKS_PER_PAGE = 200
_MAX_URI_BYTES = 4096
_ICON_REACH = 40.0  # points: a link rectangle this close beside a line (an icon) belongs to it


def _untyped(function: Any, restype: Any) -> Any:
    """The same pdfium function without declared argument types: ctypes then passes handles and
    buffers (ctypes objects) and ints as they are, which for the calls made once per character
    costs half as much as converting each argument to its declared type."""
    return ctypes.CFUNCTYPE(restype)(ctypes.cast(function, ctypes.c_void_p).value)


_GET_UNICODE = _untyped(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
_GET_LOOSE_CHAR_BOX = _untyped(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)
_GET_CHAR_BOX = _untyped(pdfium_c.FPDFText_GetCharBox, ctypes.c_int)
_IS_GENERATED = _untyped(pdfium_c.FPDFText_IsGenerated, ctypes.c_int)
_GET_FONT_SIZE = _untyped(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
_GET_FONT_WEIGHT = _untyped(pdfium_c.FPDFText_GetFontWeight, ctypes.c_int)


def _pulled_back(tp: Any, space: int, next_x0: float) -> bool:
    """The space at index ``space`` is not one the eye sees: pdfium made it up, or the next letter
    starts back inside the space's own advance (a kerning offset cancelling it, "Presen t")."""
    if _IS_GENERATED(tp, space) != 0:
        return True
    rect = pdfium_c.FS_RECTF()
    if not _GET_LOOSE_CHAR_BOX(tp, space, ctypes.byref(rect)):
        return True
    left, _top, right, _bottom = _FS_RECTF.unpack_from(rect)
    return next_x0 < left + 0.25 * (right - left)  # an italic letter may lean back a little


def _words_apart(chars: list[str], text: str, i: int) -> bool:
    """Whether a space pdfium read before ``text[i]`` parts two words although no gap shows: a
    capital follows a small letter ("Kestrel Bay"), or the word before it or the one after is a
    word of its own (two letters or more) and the two joined are none ("of" + "Arts"; not
    "Presen" + "t", "Work" + "ing")."""
    if text[i].isupper() and chars and chars[-1].islower():
        return True
    k = len(chars)
    while k > 0 and chars[k - 1] not in _BLANK:
        k -= 1
    left = "".join(chars[k:]).strip(_EDGE_PUNCTUATION).lower()
    j = i
    while j < len(text) and text[j] not in _BLANK:
        j += 1
    right = text[i:j].strip(_EDGE_PUNCTUATION).lower()
    words = _common_words()
    if not left or not right or left + right in words:
        return False
    return len(left) >= 2 and left in words or len(right) >= 2 and right in words


_EDGE_PUNCTUATION = ".,;:()[]'\"!?"


@cache
def _common_words() -> frozenset[str]:
    return frozenset(load_json("common_words.json")["words"])


def _ink_gap(tp: Any, a: int, b: int) -> float:
    """The horizontal gap between the drawn glyphs of characters ``a`` and ``b`` (their tight
    boxes), for the rare case where the loose boxes leave none."""
    box = [ctypes.c_double() for _ in range(4)]
    refs = [ctypes.byref(v) for v in box]
    if not _GET_CHAR_BOX(tp, a, *refs):
        return 0.0
    right_a = box[1].value
    if not _GET_CHAR_BOX(tp, b, *refs):
        return 0.0
    return box[0].value - right_a
_GET_OBJECT = _untyped(pdfium_c.FPDFPage_GetObject, ctypes.c_void_p)
# The object handle comes back as an int, which only a declared pointer argument passes whole.
_GET_OBJECT_TYPE = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)(
    ctypes.cast(pdfium_c.FPDFPageObj_GetType, ctypes.c_void_p).value
)


@dataclass(slots=True)
class _PageLink:
    url: str
    x0: float
    top: float
    x1: float
    bottom: float
    visible: str  # the page's text inside the link's rectangle


@dataclass(slots=True)
class _PageText:
    runs: list[Run] = field(default_factory=list)
    lines: list[PageLine] = field(default_factory=list)
    links: list[_PageLink] = field(default_factory=list)
    columns: int = 1
    images: int = 0
    chars: int = 0
    height: float = 0.0


def extract_pdf(data: bytes, limits: ExtractLimits) -> ExtractedDocument:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise EncryptedFile(
                "The PDF is password-protected; remove the password (print to a new PDF) and upload it again."
            ) from exc
        raise CorruptFile("The PDF is damaged or truncated and cannot be opened.") from exc
    try:
        n_pages = len(pdf)
        if n_pages == 0:
            raise EmptyFile("The PDF has no pages.")
        if n_pages > limits.max_pages:
            raise TooLarge(f"The PDF has {n_pages} pages; the limit is {limits.max_pages}.")
        pages = [_read_page(pdf, i) for i in range(n_pages)]
        links_pending = any(p.links for p in pages)
    except pdfium.PdfiumError as exc:
        raise CorruptFile("The PDF is damaged: a page could not be read.") from exc
    finally:
        pdf.close()

    total_chars = sum(p.chars for p in pages)
    images = sum(p.images for p in pages)
    if total_chars < _MIN_TEXT_CHARS:
        if images:
            raise NoTextLayer(
                "The PDF's pages are images without a text layer (a scan or an exported picture). "
                "OCR would be needed to read it; export the resume from its editor as a text PDF instead."
            )
        raise EmptyFile("The PDF contains no text.")

    ordered = order_pages([p.runs for p in pages], [p.height for p in pages])
    for page, (page_lines, columns) in zip(pages, ordered, strict=True):
        page.lines, page.columns = page_lines, columns
    parts: list[str] = []
    lines: list[Line] = []
    pos = 0
    for page_no, page in enumerate(pages):
        for page_line in page.lines:
            text, run = collapse_letter_spacing(page_line.text), page_line.first
            start = pos
            parts.append(text)
            pos += len(text)
            if pos > limits.max_chars:
                raise TooLarge(f"The PDF holds more than {limits.max_chars:,} characters of text.")
            lines.append(
                Line(
                    start=start,
                    end=pos,
                    page=page_no,
                    x0=round(run.x0, 1),
                    x1=round(page_line.x1, 1),
                    top=round(run.top, 1),
                    bottom=round(run.bottom, 1),
                    size=round(run.size, 1),
                    bold=run.bold,
                    column=page_line.column,
                    rail=page_line.rail,
                    style="HeaderFooter" if page_line.running else "",
                    bullet=is_bullet(text),
                )
            )
            parts.append("\n")
            pos += 1
    text = "".join(parts).rstrip("\n")
    layout = Layout(
        pages=n_pages,
        columns=max(p.columns for p in pages),
        column_pages=sum(1 for p in pages if p.columns > 1),
        images=images,
        text_chars=total_chars,
    )
    links = _links(text, lines, pages) if links_pending else []
    return ExtractedDocument(text=text, format="pdf", lines=lines, layout=layout, links=links)


def _links(text: str, lines: list[Line], pages: list[_PageText]) -> list[Link]:
    """Each link annotation with the span of the text under it: the words inside its rectangle
    within the line it overlaps most, else that whole line, or the line beside it (an icon the
    extractor dropped)."""
    by_page: dict[int, list[Line]] = {}
    for ln in lines:
        by_page.setdefault(ln.page, []).append(ln)
    out: list[Link] = []
    for page_no, page in enumerate(pages):
        for link in page.links:
            best, best_score = None, (False, -_ICON_REACH)
            for ln in by_page.get(page_no, ()):
                v = min(ln.bottom, link.bottom) - max(ln.top, link.top)
                if v <= 0:
                    continue
                h = min(ln.x1, link.x1) - max(ln.x0, link.x0)
                score = (True, v * h) if h > 0 else (False, h)  # overlap area, else minus the gap
                if score > best_score:
                    best, best_score = ln, score
            span = None
            if best is not None:
                visible = " ".join(link.visible.split())
                at = text.find(visible, best.start, best.end) if visible else -1
                span = (at, at + len(visible)) if at >= 0 else (best.start, best.end)
            out.append(Link(url=link.url, span=span))
    out.sort(key=lambda k: k.span[0] if k.span else len(text))
    return out


def _read_page(pdf: pdfium.PdfDocument, index: int) -> _PageText:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            height = page.get_height()
            runs, page_text = _runs(textpage, height)
            if not _SPACING_ACCENTS.keys().isdisjoint(page_text):
                _compose_accents(runs)  # a run holds only characters of the page's text (and spaces)
            links = _page_links(pdf, page, runs, height)
        finally:
            textpage.close()
        out = _PageText(images=_count_images(page), chars=sum(len(r.chars) for r in runs), links=links)
    finally:
        page.close()
    out.runs = runs
    out.height = height
    return out


# Spacing accents that TeX fonts without a full ToUnicode map write as a glyph of their own before
# the letter ("M¨arz", "Cr´eteil"): each with the combining mark it stands for.
_SPACING_ACCENTS = {
    "\u00a8": "\u0308",  # diaeresis
    "\u00b4": "\u0301",  # acute
    "`": "\u0300",  # grave
    "\u02c6": "\u0302",  # circumflex
    "^": "\u0302",
    "\u02dc": "\u0303",  # tilde
    "~": "\u0303",
    "\u02c7": "\u030c",  # caron
    "\u02da": "\u030a",  # ring
    "\u00b8": "\u0327",  # cedilla
}


def _compose_accents(runs: list[Run]) -> None:
    """A spacing accent followed by a letter it composes with becomes that one letter ("M¨arz" →
    "März"), in place; the run's recorded spaces keep pointing at their characters. The accent's
    box overhangs the letter, so the letter may have started a run of its own: the two join."""
    accents = _SPACING_ACCENTS.keys()
    if all(accents.isdisjoint(r.chars) for r in runs):
        return  # almost every page: nothing to do
    k = 0
    while k + 1 < len(runs):
        a, b = runs[k], runs[k + 1]
        if (
            a.chars
            and b.chars
            and a.chars[-1] in _SPACING_ACCENTS
            and b.chars[0].isalpha()
            and abs(a.bottom - b.bottom) < 0.5 * max(a.height, b.height)
            and b.x0 - a.x1 < 0.5 * max(a.height, b.height)
        ):
            shift = len(a.chars)
            a.breaks.extend((i + shift, x0, x1) for i, x0, x1 in b.breaks)
            a.chars.extend(b.chars)
            a.x1, a.top, a.bottom = max(a.x1, b.x1), min(a.top, b.top), max(a.bottom, b.bottom)
            del runs[k + 1]
            continue
        k += 1
    # An accent drawn after its letter, alone in a run of its own, says nothing the line can use
    # where it lands (at the end of the line): it goes. ASCII "~", "^" and "`" may be text and stay.
    runs[:] = [r for r in runs if not r.chars or not all(c in _SPACING_ACCENTS and not c.isascii() for c in r.chars)]
    for run in runs:
        chars = run.chars
        if accents.isdisjoint(chars):
            continue
        out: list[str] = []
        removed: list[int] = []  # indices in the old chars that were folded into the next one
        i = 0
        while i < len(chars):
            c = chars[i]
            mark = _SPACING_ACCENTS.get(c)
            if mark and i + 1 < len(chars) and chars[i + 1].isalpha():
                composed = unicodedata.normalize("NFC", chars[i + 1] + mark)
                if len(composed) == 1:
                    out.append(composed)
                    removed.append(i)
                    i += 2
                    continue
            out.append(c)
            i += 1
        if removed:
            run.chars = out
            run.breaks = [(idx - bisect_right(removed, idx), x0, x1) for idx, x0, x1 in run.breaks]


def _runs(textpage: pdfium.PdfTextPage, page_height: float) -> tuple[list[Run], str]:
    """The page's runs, and the text pdfium gave for it (one character per index)."""
    n = textpage.count_chars()
    if n <= 0:
        return [], ""
    raw_tp = textpage.raw
    tp = ctypes.c_void_p(ctypes.cast(raw_tp, ctypes.c_void_p).value)
    text = textpage.get_text_range(0, n)
    if len(text) != n:
        # pdfium's page text dropped characters or joined a UTF-16 pair (a character outside
        # the BMP) that takes two character indices: read each index's own code point.
        text = _chars_by_index(list(map(_GET_UNICODE, repeat(tp, n), range(n))))
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    get_box = _GET_LOOSE_CHAR_BOX
    read_box = _FS_RECTF.unpack_from
    runs: list[Run] = []
    # The current run's box is kept in locals (written back when the run ends): this loop runs
    # once per character and attribute access costs more than the geometry itself.
    cur: Run | None = None
    letter_spaced = False  # every letter of the current run so far stands apart
    append = runs.append  # rebound to the current run's chars.append with each new run
    c_x1 = c_top = c_bottom = 0.0
    space_pending = False
    space_i = 0  # the index of the pending space
    pp_i = prev_i = 0  # the last two characters of the current run
    for i, ch in enumerate(text):
        if ch in _SPECIAL:
            if "\udc00" <= ch <= "\udfff":
                continue  # the second index of a character outside the BMP
            if ch == "\n" or ch == "\r":
                if cur is not None:
                    cur.x1, cur.top, cur.bottom = c_x1, c_top, c_bottom
                cur = None
                space_pending = False
                continue
            if ch not in _PUA_BULLETS:
                # A space, or an icon font glyph (a map pin, an envelope): not text.
                space_pending = cur is not None
                space_i = i
                continue
        if not get_box(tp, i, rect_ref):
            continue
        x0, rect_top, x1, rect_bottom = read_box(rect)
        top, bottom = page_height - rect_top, page_height - rect_bottom
        h = bottom - top
        if h <= 0 or x1 < x0:
            continue
        if cur is not None:
            if top == c_top and bottom == c_bottom:
                # Same baseline and height as the run so far (most characters): the general
                # test below with cur_h == h.
                ch_h = h if h > 0.1 else 0.1
                same_line = True
            else:
                cur_h = c_bottom - c_top
                ch_h = max(cur_h if cur_h > 0.1 else 0.1, h)
                same_line = abs((top + bottom) / 2 - (c_top + c_bottom) / 2) < 0.45 * ch_h
            gap = x0 - c_x1
            if same_line and -0.5 * ch_h < gap < (1.1 if space_pending else 0.9) * ch_h:
                if (
                    space_pending
                    and gap < 0.15 * ch_h
                    and _ink_gap(tp, prev_i, i) < 0.12 * ch_h + max(0.0, _ink_gap(tp, pp_i, prev_i))
                    and _pulled_back(tp, space_i, x0)
                    and not _words_apart(cur.chars, text, i)
                ):
                    # A space pdfium put where no gap shows (a kerning offset inside a word of
                    # tracked text, "Presen t"): the eye reads one word. Loose boxes of a tight
                    # font overlap at a real space ("Structural Engineering"): there the glyphs'
                    # own boxes show a gap wider than between the letters before it. A space
                    # the next letter does not draw back over is one, however close an italic
                    # "f" leans to the next word ("of Arts"); so are words set with a space
                    # narrowed until it draws back ("Bachelor of Arts" squeezed: _words_apart).
                    space_pending = False
                if space_pending:
                    # Between words of letter-spaced text ("A N N A  B E R G"), two spaces.
                    append("  " if letter_spaced else " ")
                    cur.breaks.append((len(cur.chars) - 1, c_x1, x0))
                elif gap > 0.22 * ch_h:
                    append(" ")
                    cur.breaks.append((len(cur.chars) - 1, c_x1, x0))
                    letter_spaced = len(cur.chars) <= 2 or letter_spaced
                else:
                    letter_spaced = False
                append(ch)
                pp_i, prev_i = prev_i, i
                if x1 > c_x1:
                    c_x1 = x1
                if top < c_top:
                    c_top = top
                if bottom > c_bottom:
                    c_bottom = bottom
                space_pending = False
                continue
            cur.x1, cur.top, cur.bottom = c_x1, c_top, c_bottom
        cur = Run([ch], x0, x1, top, bottom, i)
        pp_i = prev_i = i
        letter_spaced = False
        append = cur.chars.append
        c_x1, c_top, c_bottom = x1, top, bottom
        runs.append(cur)
        space_pending = False
    if cur is not None:
        cur.x1, cur.top, cur.bottom = c_x1, c_top, c_bottom
    name_buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    for run in runs:
        run.size = _GET_FONT_SIZE(tp, run.first_char)
        weight = _GET_FONT_WEIGHT(tp, run.first_char)
        if weight >= 600:
            run.bold = True
        elif weight <= 0 or weight == 400:
            # Standard 14 fonts carry no weight: read it from the name ("Helvetica-Bold").
            n = pdfium_c.FPDFText_GetFontInfo(raw_tp, run.first_char, name_buf, len(name_buf), ctypes.byref(flags))
            name = name_buf.value.decode("latin-1", "replace").lower() if n > 0 else ""
            run.bold = any(w in name for w in ("bold", "black", "heavy", "semibold"))
    return runs, text


def _page_links(pdf: pdfium.PdfDocument, page: pdfium.PdfPage, runs: list[Run], height: float) -> list[_PageLink]:
    """The page's link annotations that open a URI (a web or mail address), with their
    rectangles (top-left origin) and the words of ``runs`` inside them."""
    out: list[_PageLink] = []
    if pdfium_c.FPDFPage_GetAnnotCount(page.raw) <= 0:
        return out  # most pages: no annotation at all, and this check costs next to nothing
    pos = ctypes.c_int(0)
    link = pdfium_c.FPDF_LINK()
    rect = pdfium_c.FS_RECTF()
    enumerate_links = pdfium_c.FPDFLink_Enumerate
    while len(out) < _MAX_LINKS_PER_PAGE and enumerate_links(page.raw, ctypes.byref(pos), ctypes.byref(link)):
        action = pdfium_c.FPDFLink_GetAction(link)
        if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
            continue
        n = pdfium_c.FPDFAction_GetURIPath(pdf.raw, action, None, 0)
        if n <= 1 or n > _MAX_URI_BYTES:
            continue
        buf = ctypes.create_string_buffer(n)
        pdfium_c.FPDFAction_GetURIPath(pdf.raw, action, buf, n)
        url = buf.value.decode("utf-8", "replace").strip()
        if not url or not pdfium_c.FPDFLink_GetAnnotRect(link, ctypes.byref(rect)):
            continue
        left, right = sorted((rect.left, rect.right))
        bottom, top = sorted((rect.bottom, rect.top))
        out.append(_PageLink(url, left, height - top, right, height - bottom, ""))
    if out:
        by_middle = sorted(runs, key=lambda r: r.cy)
        middles = [r.cy for r in by_middle]
        for link in out:
            band = by_middle[bisect_left(middles, link.top) : bisect_right(middles, link.bottom)]
            link.visible = _words_inside(band, link.x0, link.x1)
    return out


def _words_inside(runs: list[Run], x0: float, x1: float) -> str:
    """The words of ``runs`` (those level with a link) whose middle lies between ``x0`` and
    ``x1``, top to bottom and left to right (pdfium's own bounded text costs a page scan per link)."""
    found: list[tuple[float, float, str]] = []
    for run in runs:
        if run.x1 < x0 or run.x0 > x1:
            continue
        start, left = 0, run.x0
        for index, end, nxt in [*run.breaks, (len(run.chars), run.x1, run.x1)]:
            if x0 <= (left + end) / 2 <= x1:
                found.append((round(run.top), left, "".join(run.chars[start:index])))
            start, left = index + 1, nxt
    return " ".join(word for _, _, word in sorted(found))


def _chars_by_index(codes: list[int]) -> str:
    """The text with one character per pdfium character index. pdfium keeps a character outside
    the BMP as its UTF-16 pair on two indices: the first gets the character, the second keeps
    its low surrogate, which the run builder skips. Anything that is not a character is NUL."""
    out = []
    last = len(codes) - 1
    for k, code in enumerate(codes):
        if 0xD800 <= code < 0xDC00 and k < last and 0xDC00 <= codes[k + 1] < 0xE000:
            out.append(chr(0x10000 + ((code - 0xD800) << 10) + codes[k + 1] - 0xDC00))
        elif 0xDC00 <= code < 0xE000 and k and 0xD800 <= codes[k - 1] < 0xDC00:
            out.append(chr(code))
        elif 0xD800 <= code < 0xE000 or code >= 0x110000:
            out.append("\x00")
        else:
            out.append(chr(code))
    return "".join(out)


def _count_images(page: pdfium.PdfPage) -> int:
    raw_page = page.raw
    n = min(pdfium_c.FPDFPage_CountObjects(raw_page), _MAX_OBJECTS_SCANNED)
    if n <= 0:
        return 0
    handle = repeat(ctypes.c_void_p(ctypes.cast(raw_page, ctypes.c_void_p).value), n)
    return list(map(_GET_OBJECT_TYPE, map(_GET_OBJECT, handle, range(n)))).count(pdfium_c.FPDF_PAGEOBJ_IMAGE)
