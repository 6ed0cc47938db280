"""Word documents with python-docx: paragraphs with Heading styles or bold runs (with a bottom
border), right tab stops for dates (with dot leaders), "List Bullet" or typed bullets, a sidebar
table, a two-column table with headings or dates in the left cell, a two-column section
(``w:cols``), running headers and footers with a PAGE field."""

from __future__ import annotations

import datetime as dt
import io
import random
import zipfile

from compose import Line, Section, Style
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

FONTS = ("Calibri", "Arial", "Times New Roman", "Georgia", "Garamond", "Cambria", "Verdana")
FIXED = dt.datetime(2025, 1, 1, 12, 0, 0)


def _border_below(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "808080")):
        bottom.set(qn(k), v)
    bdr.append(bottom)
    ppr.append(bdr)


def _spacing(run, twips: int) -> None:
    rpr = run._r.get_or_add_rPr()
    sp = OxmlElement("w:spacing")
    sp.set(qn("w:val"), str(twips))
    rpr.append(sp)


def _page_field(paragraph) -> None:
    run = paragraph.add_run()
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    run._r.addnext(fld)


class DocxWriter:
    def __init__(self, style: Style, rng: random.Random) -> None:
        self.s, self.rng = style, rng
        self.doc = Document()
        sec = self.doc.sections[0]
        if style.page == "A4":
            sec.page_width, sec.page_height = Inches(8.27), Inches(11.69)
        margin = Inches(rng.choice((0.5, 0.75, 0.9, 1.0)))
        sec.left_margin = sec.right_margin = sec.top_margin = sec.bottom_margin = margin
        self.text_w = sec.page_width - 2 * margin
        normal = self.doc.styles["Normal"]
        normal.font.name = rng.choice(FONTS)
        normal.font.size = Pt(style.size)
        normal.paragraph_format.space_after = Pt(rng.choice((0, 0, 2, 4)))
        self.heading_kind = style.extra.get("docx_heading", "bold")
        self.bullets = style.extra.get("docx_bullets", rng.choice(("list", "text")))
        self.bullet_gap = rng.choice((" ", "\t", "  "))
        self.heading_size = Pt(style.size + rng.choice((1, 2, 3)))
        core = self.doc.core_properties
        core.author = ""
        core.last_modified_by = ""
        core.created = core.modified = FIXED
        core.revision = 1
        core.title = ""

    def heading(self, container, title: str, level: int = 1):
        if self.heading_kind == "style" and container is self.doc:
            p = self.doc.add_heading(title, level=level)
            return p
        p = container.add_paragraph()
        run = p.add_run(title)
        run.bold = True
        run.font.size = self.heading_size
        if self.s.accent != (0, 0, 0):
            run.font.color.rgb = RGBColor(*(int(c * 255) for c in self.s.accent))
        if self.s.heading_spaced:
            _spacing(run, 40)
        if self.heading_kind == "bold_rule" or self.s.heading_rule != "none":
            _border_below(p)
        p.paragraph_format.space_before = Pt(8)
        return p

    def line(self, container, line: Line, width, style: str | None = None):
        text_bullet = ""
        if line.bullet is not None:
            if self.bullets == "list" and line.bullet != "":
                style = "List Bullet"
            elif line.bullet:
                text_bullet = line.bullet + self.bullet_gap
        p = container.add_paragraph(style=style)
        if line.align == "center":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if text_bullet:
            p.add_run(text_bullet)
            p.paragraph_format.left_indent = Inches(0.25)
            p.paragraph_format.first_line_indent = Inches(-0.18)
        for r in line.runs:
            run = p.add_run(r.text)
            run.bold = r.bold or None
            run.italic = r.italic or None
            if line.size:
                run.font.size = Pt(self.s.size + line.size)
        if line.right:
            p.paragraph_format.tab_stops.add_tab_stop(
                width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS if line.leader else WD_TAB_LEADER.SPACES
            )
            p.add_run("\t")
            for r in line.right:
                run = p.add_run(r.text)
                run.italic = r.italic or None
                if line.size or line.right_size:
                    run.font.size = Pt(self.s.size + line.size + line.right_size)
        return p

    def section_into(self, container, sec: Section, width) -> None:
        if sec.title:
            self.heading(container, sec.title)
        entry_style = self.s.extra.get("docx_entry_heading")
        for block in sec.blocks:
            for k, line in enumerate(block.lines):
                p = self.line(container, line, width, style=entry_style if k == 0 and sec.kind in ("experience", "education") else None)
                if k == 0 and self.s.entry_gap > 0.4:
                    p.paragraph_format.space_before = Pt(self.s.size * self.s.entry_gap)

    def running(self, name: str) -> None:
        if not self.s.running:
            return
        sec = self.doc.sections[0]
        text = self.s.running.replace("{name}", name).replace("{n}", "2")
        target = sec.footer if self.rng.random() < 0.6 else sec.header
        p = target.paragraphs[0]
        if "{p}" in text:
            before, after = text.split("{p}", 1)
            p.add_run(before)
            _page_field(p)
            p.add_run(after)
        else:
            p.add_run(text)


def render_docx(header: list[Line], sections: list[Section], style: Style, rng: random.Random, name: str) -> tuple[bytes, int]:
    w = DocxWriter(style, rng)
    doc = w.doc
    full = w.text_w
    if style.frame == "sidebar_left":
        t = doc.add_table(rows=1, cols=2)
        side_w, main_w = int(full * 0.32), int(full * 0.68)
        left, right = t.rows[0].cells
        left.width, right.width = side_w, main_w
        for ln in header:
            w.line(right, ln, main_w)
        for sec in sections:
            w.section_into(left if sec.side else right, sec, side_w if sec.side else main_w)
        for cell in (left, right):
            first = cell.paragraphs[0]
            if not first.text:
                first._p.getparent().remove(first._p)
    elif style.frame == "table_rail":
        for ln in header:
            w.line(doc, ln, full)
        rail_w, body_w = int(full * 0.24), int(full * 0.76)
        heads_left = style.extra.get("heads_left", rng.random() < 0.5)
        for sec in sections:
            if sec.title and not heads_left:
                w.heading(doc, sec.title)
            t = doc.add_table(rows=0, cols=2)
            for k, block in enumerate(sec.blocks):
                row = t.add_row()
                a, b = row.cells
                a.width, b.width = rail_w, body_w
                rail_text = list(block.rail or [])
                if heads_left and k == 0 and sec.title:
                    rail_text = [sec.title] + rail_text
                pa = a.paragraphs[0]
                for j, text in enumerate(rail_text):
                    p = pa if j == 0 else a.add_paragraph()
                    run = p.add_run(text)
                    run.bold = heads_left and k == 0 and j == 0 and bool(sec.title)
                pb = b.paragraphs[0]
                for j, line in enumerate(block.lines):
                    if j == 0:
                        pb._p.getparent().remove(pb._p)
                    w.line(b, line, body_w)
    elif style.frame == "cols":
        for ln in header:
            w.line(doc, ln, full)
        body = doc.add_section(WD_SECTION.CONTINUOUS)
        cols = body._sectPr.xpath("./w:cols")
        el = cols[0] if cols else OxmlElement("w:cols")
        el.set(qn("w:num"), "2")
        el.set(qn("w:space"), "432")
        if not cols:
            body._sectPr.append(el)
        col_w = int(full * 0.47)
        for sec in sections:
            w.section_into(doc, sec, col_w)
    else:
        for ln in header:
            w.line(doc, ln, full)
        for sec in sections:
            w.section_into(doc, sec, full)
    w.running(name)
    buf = io.BytesIO()
    doc.save(buf)
    data = _normalise_zip(buf.getvalue())
    words = sum(len(ln.text.split()) for s in sections for b in s.blocks for ln in b.lines)
    return data, max(1, words // 450 + 1)


def _normalise_zip(data: bytes) -> bytes:
    """The same archive bytes for the same content: fixed member dates, fixed order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
