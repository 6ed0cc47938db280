"""PDF text with geometry, read with pypdfium2.

Characters are grouped into runs (same baseline, no big horizontal jump) with their font size and
weight; ``_layout`` puts the runs of each page into lines in reading order.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from resumeiq.engine.errors import CorruptFile, EmptyFile, EncryptedFile, NoTextLayer, TooLarge
from resumeiq.engine.extract._layout import PageLine, Run, order_pages
from resumeiq.engine.extract._limits import ExtractLimits
from resumeiq.engine.extract._text import collapse_letter_spacing, is_bullet
from resumeiq.engine.model import ExtractedDocument, Layout, Line

_MIN_TEXT_CHARS = 40  # fewer visible characters than this in the whole file: no usable text layer
_MAX_OBJECTS_SCANNED = 3000
_PUA_BULLETS = frozenset("\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf02d\uf095\uf0a8")  # Symbol/Wingdings bullets


@dataclass(slots=True)
class _PageText:
    runs: list[Run] = field(default_factory=list)
    lines: list[PageLine] = field(default_factory=list)
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
    return ExtractedDocument(text=text, format="pdf", lines=lines, layout=layout)


def _read_page(pdf: pdfium.PdfDocument, index: int) -> _PageText:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            height = page.get_height()
            runs = _runs(textpage, height)
        finally:
            textpage.close()
        out = _PageText(images=_count_images(page), chars=sum(len(r.chars) for r in runs))
    finally:
        page.close()
    out.runs = runs
    out.height = height
    return out


def _runs(textpage: pdfium.PdfTextPage, page_height: float) -> list[Run]:
    n = textpage.count_chars()
    if n <= 0:
        return []
    text = textpage.get_text_range(0, n)
    raw_tp = textpage.raw
    if len(text) != n:  # characters outside the BMP: read them one by one
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw_tp, i) or 32) for i in range(n))
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    runs: list[Run] = []
    # The current run's box is kept in locals (written back when the run ends): this loop runs
    # once per character and attribute access costs more than the geometry itself.
    cur: Run | None = None
    letter_spaced = False  # every letter of the current run so far stands apart
    c_x1 = c_top = c_bottom = 0.0
    space_pending = False
    for i, ch in enumerate(text):
        if ch in "\r\n":
            if cur is not None:
                cur.x1, cur.top, cur.bottom = c_x1, c_top, c_bottom
            cur = None
            space_pending = False
            continue
        if "\ue000" <= ch <= "\uf8ff" and ch not in _PUA_BULLETS:
            # An icon font glyph (a map pin, an envelope): not text.
            space_pending = cur is not None
            continue
        if ch.isspace() or ch == "\x00" or ch == "\ufffe":
            space_pending = cur is not None
            continue
        if not get_box(raw_tp, i, rect_ref):
            continue
        x0, x1 = rect.left, rect.right
        top, bottom = page_height - rect.top, page_height - rect.bottom
        h = bottom - top
        if h <= 0 or x1 < x0:
            continue
        if cur is not None:
            cur_h = c_bottom - c_top
            ch_h = max(cur_h if cur_h > 0.1 else 0.1, h)
            gap = x0 - c_x1
            same_line = abs((top + bottom) / 2 - (c_top + c_bottom) / 2) < 0.45 * ch_h
            if same_line and -0.5 * ch_h < gap < (1.1 if space_pending else 0.9) * ch_h:
                if space_pending:
                    # Between words of letter-spaced text ("A N N A  B E R G"), two spaces.
                    cur.chars.append("  " if letter_spaced else " ")
                elif gap > 0.22 * ch_h:
                    cur.chars.append(" ")
                    letter_spaced = len(cur.chars) <= 2 or letter_spaced
                else:
                    letter_spaced = False
                cur.chars.append(ch)
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
        letter_spaced = False
        c_x1, c_top, c_bottom = x1, top, bottom
        runs.append(cur)
        space_pending = False
    if cur is not None:
        cur.x1, cur.top, cur.bottom = c_x1, c_top, c_bottom
    name_buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    for run in runs:
        run.size = pdfium_c.FPDFText_GetFontSize(raw_tp, run.first_char)
        weight = pdfium_c.FPDFText_GetFontWeight(raw_tp, run.first_char)
        if weight >= 600:
            run.bold = True
        elif weight <= 0 or weight == 400:
            # Standard 14 fonts carry no weight: read it from the name ("Helvetica-Bold").
            n = pdfium_c.FPDFText_GetFontInfo(raw_tp, run.first_char, name_buf, len(name_buf), ctypes.byref(flags))
            name = name_buf.value.decode("latin-1", "replace").lower() if n > 0 else ""
            run.bold = any(w in name for w in ("bold", "black", "heavy", "semibold"))
    return runs


def _count_images(page: pdfium.PdfPage) -> int:
    raw_page = page.raw
    n = min(pdfium_c.FPDFPage_CountObjects(raw_page), _MAX_OBJECTS_SCANNED)
    image = pdfium_c.FPDF_PAGEOBJ_IMAGE
    get_obj, get_type = pdfium_c.FPDFPage_GetObject, pdfium_c.FPDFPageObj_GetType
    return sum(1 for j in range(n) if get_type(get_obj(raw_page, j)) == image)


