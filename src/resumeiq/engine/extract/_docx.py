"""DOCX: paragraphs and tables in body order, plus headers, footers and text boxes.

Text boxes (``w:txbxContent``: a sidebar, a name banner) are read where they are anchored, just
before the paragraph that holds them, so a sidebar anchored at the top comes first as it does on
the page; the VML fallback copy Word writes beside each box (``mc:Fallback``) is skipped. Each
line carries its font size (the largest run size, else its style's) and is bold when most of its
characters are.

The ZIP's central directory is checked before anything is inflated (entry count, total and
per-entry inflated size, compression ratio), so a decompression bomb is refused in milliseconds.
zipfile never inflates an entry past its declared size, so a lying directory cannot get past it.
"""

from __future__ import annotations

import contextlib
import io
import zipfile
import zlib
from typing import Any

from resumeiq.engine.errors import CorruptFile, EmptyFile, EncryptedFile, TooLarge
from resumeiq.engine.extract._limits import ExtractLimits
from resumeiq.engine.extract._text import clean_text, collapse_letter_spacing, is_bullet
from resumeiq.engine.model import ExtractedDocument, Layout, Line, Link

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_WORDS_PER_PAGE = 500


def _check_zip(data: bytes, limits: ExtractLimits) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptFile("The Word document is damaged or truncated.") from exc
    if len(infos) > limits.max_zip_entries:
        raise TooLarge(f"The Word document holds {len(infos):,} parts; the limit is {limits.max_zip_entries:,}.")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise EncryptedFile("The Word document is encrypted; remove the password and upload it again.")
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1_000_000 and ratio > limits.max_compression_ratio:
            raise TooLarge(
                f"The Word document part {info.filename} inflates {ratio:,.0f}-fold to "
                f"{info.file_size / 1e6:,.0f} MB: refused as a decompression bomb."
            )
    if total > limits.max_docx_uncompressed:
        raise TooLarge(
            f"The Word document inflates to {total / 1e6:,.0f} MB; the limit is "
            f"{limits.max_docx_uncompressed / 1e6:,.0f} MB."
        )


def extract_docx(data: bytes, limits: ExtractLimits) -> ExtractedDocument:
    _check_zip(data, limits)
    import docx  # python-docx; imported here so that PDF/TXT work never pays for it
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
        raise CorruptFile("The Word document is damaged or not a valid DOCX file.") from exc
    except Exception as exc:  # noqa: BLE001 - the third-party reader's failures on damaged input
        # lxml's XMLSyntaxError, python-docx's own errors on missing or malformed parts, …
        raise CorruptFile(f"The Word document is damaged ({type(exc).__name__}).") from exc

    builder = _Builder(limits)
    layout = Layout()
    body = document.element.body
    headers, footers = _page_parts(document)
    # Page headers come first (they are at the top of the page and often hold the contact details),
    # page footers last; both are marked, since many ATS ignore them.
    for element, rels in headers:
        before = builder.chars
        for p in _paragraphs(element):
            builder.paragraph(p, document, style="HeaderFooter", rels=rels)
        layout.header_footer_chars += builder.chars - before
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            builder.boxes(child, document, layout)
            builder.paragraph(child, document)
        elif child.tag == f"{_W}tbl":
            layout.tables += 1
            builder.boxes(child, document, layout)
            builder.table(child, document, layout)
        elif child.tag == f"{_W}sectPr":
            layout.columns = max(layout.columns, _columns(child))
    for sect in body.iter(f"{_W}sectPr"):
        layout.columns = max(layout.columns, _columns(sect))
    for element, rels in footers:
        before = builder.chars
        for p in _paragraphs(element):
            builder.paragraph(p, document, style="HeaderFooter", rels=rels)
        layout.header_footer_chars += builder.chars - before
    layout.images = sum(1 for _ in body.iter("{http://schemas.openxmlformats.org/drawingml/2006/picture}pic"))
    layout.column_pages = 1 if layout.columns > 1 else 0

    text, lines = builder.finish()
    if not text.strip():
        raise EmptyFile("The Word document contains no text.")
    words = len(text.split())
    layout.pages = max(1, -(-words // _WORDS_PER_PAGE), builder.page_breaks + 1)
    layout.text_chars = sum(1 for c in text if not c.isspace())
    links = sorted(builder.links, key=lambda k: k.span[0] if k.span else len(text))
    return ExtractedDocument(text=text, format="docx", lines=lines, layout=layout, links=links)


def _page_parts(document) -> tuple[list, list]:
    """The distinct header and footer elements of all sections, each with its part's
    relationships (where its hyperlinks point)."""
    headers: list = []
    footers: list = []
    seen: set[int] = set()
    for section in document.sections:
        for part, out in ((section.header, headers), (section.footer, footers)):
            try:
                element = part._element
                rels = part.part.rels
            except (AttributeError, KeyError, ValueError):
                continue
            if element is None or id(element) in seen:
                continue
            seen.add(id(element))
            out.append((element, rels))
    return headers, footers


_SIDEBAR_CHARS = 200
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_WRAPS_BESIDE = frozenset(f"{_WP}{w}" for w in ("wrapSquare", "wrapTight", "wrapThrough"))


def _beside_text(box) -> bool:
    """The text box is anchored with the text wrapping around it (not inline, not behind)."""
    for anchor in box.iterancestors(f"{_WP}anchor"):
        return any(child.tag in _WRAPS_BESIDE for child in anchor)
    return False


def _columns(sect_pr) -> int:
    cols = sect_pr.find(f"{_W}cols")
    if cols is None:
        return 1
    try:
        return max(1, int(cols.get(f"{_W}num", "1")))
    except ValueError:
        return 1


class _Builder:
    def __init__(self, limits: ExtractLimits) -> None:
        self.parts: list[str] = []
        self.lines: list[Line] = []
        self.pos = 0
        self.chars = 0
        self.page_breaks = 0
        self.limits = limits
        self._styles: dict[str, Any] = {}
        self.links: list[Link] = []
        self.texts: list[str] = []  # the text of each line, from its start to its end

    def _style_name(self, p, document) -> str:
        ppr = p.find(f"{_W}pPr")
        if ppr is None:
            return ""
        style = ppr.find(f"{_W}pStyle")
        if style is None:
            return ""
        style_id = style.get(f"{_W}val", "")
        if style_id not in self._styles:
            try:
                self._styles[style_id] = document.styles.get_by_id(style_id, 1).name or style_id
            except (KeyError, ValueError, AttributeError):
                self._styles[style_id] = style_id
        return self._styles[style_id]

    def boxes(self, element, document, layout: Layout) -> None:
        """The text boxes anchored in a body paragraph or table, outermost first, once each."""
        for box in element.iter(f"{_W}txbxContent"):
            if _inside(box, element, (f"{_W}txbxContent", _MC_FALLBACK)):
                continue  # a box inside a box is read with it; a fallback copy not at all
            layout.text_boxes += 1
            before = self.chars
            for p in box.iter(f"{_W}p"):
                if not _inside(p, box, (f"{_W}txbxContent",)):
                    self.boxes(p, document, layout)
                    self.paragraph(p, document, style="TextBox")
            if self.chars - before >= _SIDEBAR_CHARS and _beside_text(box):
                # A box the body's text flows around, holding a column's worth of text (a
                # sidebar of contact details and skills): the page is read in two columns.
                layout.columns = max(layout.columns, 2)

    def paragraph(self, p, document, style: str | None = None, in_table: bool = False, rels=None) -> None:
        pieces: list[str] = []
        first_line = len(self.lines)
        bold_chars = chars = 0
        size = 0.0
        name = style if style is not None else self._style_name(p, document)
        style_bold, style_size = self._style_font(p, document)
        for run in p.iter(f"{_W}r"):
            if _inside(run, p, (f"{_W}txbxContent", _MC_FALLBACK)):
                continue
            rpr = run.find(f"{_W}rPr")
            run_bold = style_bold
            run_size = style_size
            if rpr is not None:
                b = rpr.find(f"{_W}b")
                if b is not None:
                    run_bold = b.get(f"{_W}val") not in ("0", "false")
                sz = rpr.find(f"{_W}sz")
                if sz is not None:
                    with contextlib.suppress(ValueError):
                        run_size = int(sz.get(f"{_W}val", "0")) / 2
            for node in run.iterchildren():
                tag = node.tag
                if tag == f"{_W}t" and node.text:
                    pieces.append(node.text)
                    visible = len(node.text.strip())
                    chars += visible
                    if run_bold:
                        bold_chars += visible
                    if visible:
                        size = max(size, run_size)
                elif tag == f"{_W}tab":
                    pieces.append("\t")
                elif tag in (f"{_W}br", f"{_W}cr"):
                    if node.get(f"{_W}type") == "page":
                        self.page_breaks += 1
                    else:
                        pieces.append("\n")
        if p.find(f".//{_W}lastRenderedPageBreak") is not None:
            self.page_breaks += 1
        text = clean_text("".join(pieces))
        ppr = p.find(f"{_W}pPr")
        numbered = ppr is not None and ppr.find(f"{_W}numPr") is not None
        bold = chars > 0 and bold_chars >= 0.6 * chars
        for piece in text.split("\n"):
            self.add_line(collapse_letter_spacing(piece), name, bold, numbered or "List" in name, in_table, size)
        for link in p.iter(f"{_W}hyperlink"):
            if not _inside(link, p, (f"{_W}txbxContent", _MC_FALLBACK)):
                self._hyperlink(link, rels if rels is not None else document.part.rels, first_line)

    def _hyperlink(self, link, rels, first_line: int) -> None:
        """A hyperlink to an external target, with the span of its text in the paragraph's lines."""
        rel = rels.get(link.get(_R_ID) or "")
        if rel is None or not rel.is_external or not rel.target_ref:
            return
        visible = " ".join("".join(t.text or "" for t in link.iter(f"{_W}t")).split())
        span = None
        for k in range(first_line, len(self.lines)) if visible else ():
            at = self.texts[k].find(visible)
            if at >= 0:
                start = self.lines[k].start + at
                span = (start, start + len(visible))
                break
        if span is None and first_line < len(self.lines):
            span = (self.lines[first_line].start, self.lines[first_line].end)
        self.links.append(Link(url=rel.target_ref.strip(), span=span))

    def _default_size(self, document) -> float:
        """The document's default run size (``w:docDefaults``), else Word's 10 pt."""
        if "default-size" not in self._styles:
            size = 10.0
            sz = document.styles.element.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}sz")
            if sz is not None:
                with contextlib.suppress(ValueError):
                    size = int(sz.get(f"{_W}val", "20")) / 2
            self._styles["default-size"] = size
        return self._styles["default-size"]

    def _style_font(self, p, document) -> tuple[bool, float]:
        """Bold and size (points) the paragraph's style gives its runs, following ``based on``."""
        ppr = p.find(f"{_W}pPr")
        style_el = ppr.find(f"{_W}pStyle") if ppr is not None else None
        style_id = style_el.get(f"{_W}val", "") if style_el is not None else ""
        key = "font:" + style_id
        if key not in self._styles:
            bold, size = False, 0.0
            try:
                style = document.styles.get_by_id(style_id, 1) if style_id else document.styles.default(1)
                while style is not None:
                    font = style.font
                    if font.bold is not None and not bold:
                        bold = bool(font.bold)
                    if font.size is not None and not size:
                        size = font.size.pt
                    style = style.base_style
            except (KeyError, ValueError, AttributeError):
                pass
            self._styles[key] = (bold, size or self._default_size(document))
        return self._styles[key]

    def table(self, tbl, document, layout: Layout) -> None:
        for row in tbl.iter(f"{_W}tr"):
            for cell in row.iter(f"{_W}tc"):
                before = self.chars
                for p in _paragraphs(cell, boxes=False):
                    self.paragraph(p, document, in_table=True)
                if self.chars > before:
                    layout.table_cells_with_text += 1

    def add_line(self, text: str, style: str, bold: bool, listed: bool, in_table: bool, size: float = 0.0) -> None:
        stripped = text.strip()
        if not stripped:
            return
        lead = len(text) - len(text.lstrip())
        start = self.pos
        self.parts.append(text.rstrip())
        self.texts.append(text.rstrip()[lead:])
        self.pos += len(text.rstrip())
        self.chars += len(stripped)
        if self.pos > self.limits.max_chars:
            raise TooLarge(f"The Word document holds more than {self.limits.max_chars:,} characters of text.")
        self.lines.append(
            Line(
                start=start + lead,
                end=self.pos,
                style=style,
                bold=bold,
                size=size,
                bullet=listed or is_bullet(stripped),
                in_table=in_table,
            )
        )
        self.parts.append("\n")
        self.pos += 1

    def finish(self) -> tuple[str, list[Line]]:
        text = "".join(self.parts)
        return text.rstrip("\n"), self.lines


def _paragraphs(element, *, boxes: bool = True):
    """The paragraphs of a part or a table cell in order, without Word's fallback copies (and
    without those of text boxes when ``boxes`` is false: the body reads those where anchored)."""
    skip = (_MC_FALLBACK,) if boxes else (_MC_FALLBACK, f"{_W}txbxContent")
    for p in element.iter(f"{_W}p"):
        if not _inside(p, element, skip):
            yield p


def _inside(node, stop, tags: tuple[str, ...]) -> bool:
    """``node`` lies inside an element with one of ``tags`` below ``stop``."""
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False
