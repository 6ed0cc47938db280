"""A small resume renderer for the review benchmark: a JSON Resume (a truth file's ``resume``) →
text blocks → a PDF (one or two columns), a DOCX (paragraphs or a table) or plain text.

Deliberately plain and independent of ``scripts/synth``: one layout whose every property is
known, so that a planted defect is the only thing that differs between a clean copy and its
variant. Dates are "Mon YYYY – Mon YYYY"; headings are the standard words in capitals.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass, field

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month(ym: str | None) -> str:
    if not ym:
        return "Present"
    y, m = ym[:4], ym[5:7]
    return f"{MONTHS[int(m) - 1]} {y}" if m else y


@dataclass
class Entry:
    head: str  # "Position, Employer"
    dates: str  # "Jan 2020 – Present" or ""
    bullets: list[str] = field(default_factory=list)
    summary: str = ""


@dataclass
class Doc:
    name: str
    contact: list[str]  # lines under the name
    summary: str
    work: list[Entry]
    education: list[Entry]
    skills: list[str]  # "Category: a, b, c" lines
    headings: bool = True
    extra: list[tuple[str, list[str]]] = field(default_factory=list)  # (heading, lines)

    def sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """(heading, [(kind, text)]) in order; kind: para | head | bullet."""
        out: list[tuple[str, list[tuple[str, str]]]] = []
        if self.summary:
            out.append(("SUMMARY", [("para", self.summary)]))
        exp: list[tuple[str, str]] = []
        for e in self.work:
            exp.append(("head", e.head + (f"    {e.dates}" if e.dates else "")))
            if e.summary:
                exp.append(("para", e.summary))
            exp.extend(("bullet", b) for b in e.bullets)
        if exp:
            out.append(("EXPERIENCE", exp))
        edu = [("head", e.head + (f"    {e.dates}" if e.dates else "")) for e in self.education]
        if edu:
            out.append(("EDUCATION", edu))
        if self.skills:
            out.append(("SKILLS", [("para", s) for s in self.skills]))
        for heading, lines in self.extra:
            out.append((heading, [("para", x) for x in lines]))
        return out


def from_truth(resume: dict) -> Doc:
    b = resume.get("basics") or {}
    contact = []
    loc = b.get("location") or {}
    place = ", ".join(x for x in (loc.get("city"), loc.get("region")) if x)
    first = " | ".join(x for x in (b.get("email"), b.get("phone"), place) if x)
    if first:
        contact.append(first)
    links = [p.get("url") for p in b.get("profiles") or [] if p.get("url")]
    if b.get("url"):
        links.insert(0, b["url"])
    if links:
        contact.append(" | ".join(links))
    work = []
    for w in resume.get("work") or []:
        head = ", ".join(x for x in (w.get("position"), w.get("name")) if x)
        dates = f"{month(w.get('startDate'))} – {month(w.get('endDate'))}" if w.get("startDate") else ""
        work.append(Entry(head, dates, list(w.get("highlights") or []), w.get("summary") or ""))
    education = []
    for e in resume.get("education") or []:
        degree = " in ".join(x for x in (e.get("studyType"), e.get("area")) if x)
        head = ", ".join(x for x in (degree, e.get("institution")) if x)
        dates = ""
        if e.get("startDate") or e.get("endDate"):
            dates = " – ".join(month(x) for x in (e.get("startDate"), e.get("endDate")) if x)
        education.append(Entry(head, dates))
    skills = []
    for s in resume.get("skills") or []:
        kws = [k for k in s.get("keywords") or [] if k]
        if kws:
            skills.append(f"{s.get('name') or 'Skills'}: {', '.join(kws)}")
    return Doc(b.get("name") or "", contact, b.get("summary") or "", work, education, skills)


def text_lines(doc: Doc, *, wrap: int | None = None) -> list[str]:
    """Plain text; with ``wrap``, long bullets and paragraphs are broken at that width."""
    out = [doc.name, *doc.contact, ""]
    for heading, items in doc.sections():
        if doc.headings:
            out.append(heading)
        for kind, text in items:
            if kind == "bullet":
                first = "• " + text
                out.extend(textwrap.wrap(first, wrap, subsequent_indent="  ") if wrap else [first])
            else:
                out.extend(textwrap.wrap(text, wrap) if wrap and kind == "para" else [text])
        out.append("")
    return out


def render_txt(doc: Doc, *, wrap: int | None = None) -> bytes:
    return ("\n".join(text_lines(doc, wrap=wrap)) + "\n").encode()


def render_pdf(doc: Doc, *, columns: int = 1) -> bytes:
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=LETTER, invariant=1)
    width, height = LETTER
    margin = 50
    body_font, size, lead = "Helvetica", 10, 13

    class Col:
        def __init__(self, x: float, w: float) -> None:
            self.x, self.w, self.y = x, w, height - margin

    def page_break(cols: list[Col]) -> None:
        c.showPage()
        for col in cols:
            col.y = height - margin

    def draw(col: Col, text: str, *, font: str = body_font, fsize: float = size, indent: float = 0,
             bullet: bool = False, cols: list[Col]) -> None:
        lines = simpleSplit(text, font, fsize, col.w - indent - (10 if bullet else 0)) or [""]
        for i, line in enumerate(lines):
            if col.y < margin + lead:
                page_break(cols)
            c.setFont(font, fsize)
            if bullet and i == 0:
                c.drawString(col.x + indent, col.y, "•")
            c.drawString(col.x + indent + (10 if bullet else 0), col.y, line)
            col.y -= lead

    def section(col: Col, heading: str, items: list[tuple[str, str]], cols: list[Col]) -> None:
        if doc.headings:
            col.y -= 4
            draw(col, heading, font="Helvetica-Bold", fsize=11.5, cols=cols)
        for kind, text in items:
            if kind == "head":
                draw(col, text, font="Helvetica-Bold", cols=cols)
            elif kind == "bullet":
                draw(col, text, indent=8, bullet=True, cols=cols)
            else:
                draw(col, text, cols=cols)
        col.y -= 6

    main = Col(margin, width - 2 * margin)
    cols = [main]
    draw(main, doc.name, font="Helvetica-Bold", fsize=16, cols=cols)
    main.y -= 4
    sections = doc.sections()
    if columns == 1:
        for line in doc.contact:
            draw(main, line, cols=cols)
        main.y -= 6
        for heading, items in sections:
            section(main, heading, items, cols)
    else:  # a side column (contact, education, skills) beside the main one (summary, experience)
        top = main.y - 6
        side = Col(margin, 170)
        main = Col(margin + 190, width - 2 * margin - 190)
        side.y = main.y = top
        cols = [side, main]
        for line in doc.contact:
            for part in line.split(" | "):
                draw(side, part, fsize=9, cols=[side])
        side.y -= 6
        for heading, items in sections:
            target = side if heading in ("EDUCATION", "SKILLS") else main
            section(target, heading, items, [target])
    c.save()
    return buf.getvalue()


def render_docx(doc: Doc, *, table: bool = False) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph(doc.name, style="Title")
    for line in doc.contact:
        d.add_paragraph(line)
    for heading, items in doc.sections():
        if doc.headings:
            d.add_paragraph(heading.title(), style="Heading 1")
        if table and heading in ("EXPERIENCE", "EDUCATION"):
            grid = d.add_table(rows=0, cols=2)
            row = None
            for kind, text in items:
                if kind == "head" or row is None:
                    row = grid.add_row().cells
                    head, _, dates = text.partition("    ")
                    row[0].text = head if kind == "head" else ""
                    row[1].text = dates if kind == "head" else text
                    if kind == "head":
                        continue
                row[1].add_paragraph(("• " if kind == "bullet" else "") + text)
            continue
        for kind, text in items:
            style = "List Bullet" if kind == "bullet" else None
            d.add_paragraph(text, style=style)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
