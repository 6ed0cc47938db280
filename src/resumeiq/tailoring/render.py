"""Exports: a JSON Resume document as JSON, Markdown, DOCX or PDF; a cover letter as text, DOCX
or PDF.

Every layout is one column with standard headings (Summary, Experience, Education, Skills,
Certificates, Languages, Projects) and real text: no tables, images or text boxes, so that an ATS
(and resumeiq's own engine, which the round-trip tests use) reads it back in order. A role is
written as ``Position | Employer | Location`` then its dates (``2019-03 - Present``) and its bullets.

The PDF uses the PDF standard font Helvetica (no font files, nothing to install) in its
Windows-1252 encoding: Western European letters, €, dashes, curly quotes and bullets. Text with
characters outside it (Greek, Cyrillic, CJK, …) is refused with ``UnsupportedCharacters`` (export
as DOCX or Markdown instead), never written with characters dropped.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["title", "contact", "heading", "entry", "dates", "bullet", "text"]

MEDIA_TYPES = {
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


class UnsupportedCharacters(ValueError):
    def __init__(self, chars: str) -> None:
        super().__init__(
            f"The PDF's built-in font cannot show these characters: {chars}; export as DOCX or "
            "Markdown instead."
        )
        self.chars = chars


@dataclass(frozen=True, slots=True)
class Block:
    kind: Kind
    text: str


def _date_range(entry: dict[str, Any]) -> str:
    start, end = entry.get("startDate"), entry.get("endDate")
    if start and end:
        return f"{start} - {end}"
    if start:
        return f"{start} - Present"
    return end or ""


def _join(*parts: str | None, sep: str = ", ") -> str:
    return sep.join(p for p in parts if p)


def resume_blocks(doc: dict[str, Any]) -> list[Block]:
    """The document as a flat sequence of typed lines, the one layout every format renders."""
    out: list[Block] = []
    basics = doc.get("basics") or {}
    if basics.get("name"):
        out.append(Block("title", basics["name"]))
    if basics.get("label"):
        out.append(Block("text", basics["label"]))
    location = basics.get("location") or {}
    place = _join(location.get("city"), location.get("region"), location.get("countryCode"))
    contact = _join(basics.get("email"), basics.get("phone"), place, basics.get("url"), sep=" | ")
    if contact:
        out.append(Block("contact", contact))
    profiles = [
        p.get("url") or _join(p.get("network"), p.get("username"), sep=": ")
        for p in basics.get("profiles") or []
    ]
    if any(profiles):
        out.append(Block("contact", " | ".join(p for p in profiles if p)))
    if basics.get("summary"):
        out += [Block("heading", "Summary"), Block("text", basics["summary"])]

    def entries(title: str, items: list[dict[str, Any]], head: Any, body: Any) -> None:
        if not items:
            return
        out.append(Block("heading", title))
        for item in items:
            line = head(item)
            if line:
                out.append(Block("entry", line))
            dates = _date_range(item)
            if dates:
                out.append(Block("dates", dates))
            for kind, text in body(item):
                out.append(Block(kind, text))

    def work_body(w: dict[str, Any]) -> Iterator[tuple[Kind, str]]:
        if w.get("summary"):
            yield "text", w["summary"]
        for h in w.get("highlights") or []:
            yield "bullet", h

    entries(
        "Experience",
        doc.get("work") or [],
        lambda w: _join(w.get("position"), w.get("name"), w.get("location"), sep=" | "),
        work_body,
    )

    def edu_head(e: dict[str, Any]) -> str:
        degree = _join(e.get("studyType"), e.get("area"), sep=" ")
        return _join(degree, e.get("institution"))

    def edu_body(e: dict[str, Any]) -> Iterator[tuple[Kind, str]]:
        if e.get("score"):
            yield "text", f"Grade: {e['score']}"
        if e.get("courses"):
            yield "text", "Courses: " + ", ".join(e["courses"])

    entries("Education", doc.get("education") or [], edu_head, edu_body)

    skills = doc.get("skills") or []
    if skills:
        out.append(Block("heading", "Skills"))
        for group in skills:
            keywords = ", ".join(group.get("keywords") or [])
            name = group.get("name")
            line = f"{name}: {keywords}" if name and keywords else keywords or name or ""
            if line:
                out.append(Block("text", line))

    certificates = doc.get("certificates") or []
    if certificates:
        out.append(Block("heading", "Certificates"))
        for c in certificates:
            out.append(Block("bullet", _join(c.get("name"), c.get("issuer"), c.get("date"))))

    languages = doc.get("languages") or []
    if languages:
        out.append(Block("heading", "Languages"))
        out.append(
            Block(
                "text",
                ", ".join(
                    _join(lang.get("language"), lang.get("fluency"), sep=" (")
                    + (")" if lang.get("fluency") else "")
                    for lang in languages
                ),
            )
        )

    def project_body(p: dict[str, Any]) -> Iterator[tuple[Kind, str]]:
        if p.get("description"):
            yield "text", p["description"]
        for h in p.get("highlights") or []:
            yield "bullet", h

    entries("Projects", doc.get("projects") or [], lambda p: p.get("name") or "", project_body)
    return out


def letter_blocks(text: str) -> list[Block]:
    return [Block("text", line) for line in text.split("\n")]


# --------------------------------------------------------------------------- formats


def to_json(doc: dict[str, Any]) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_markdown(blocks: list[Block]) -> bytes:
    lines: list[str] = []
    for b in blocks:
        if b.kind == "title":
            lines += [f"# {b.text}", ""]
        elif b.kind == "heading":
            lines += ["", f"## {b.text}", ""]
        elif b.kind == "bullet":
            lines.append(f"- {b.text}")
        elif b.kind == "entry":
            lines += ["", b.text]
        else:
            lines.append(b.text)
    text = "\n".join(lines).strip() + "\n"
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.encode("utf-8")


def to_text(blocks: list[Block]) -> bytes:
    return ("\n".join(b.text for b in blocks).rstrip() + "\n").encode("utf-8")


def to_docx(blocks: list[Block]) -> bytes:
    from docx import Document
    from docx.shared import Pt

    document = Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)
    for b in blocks:
        if b.kind == "title":
            document.add_heading(b.text, level=0)
        elif b.kind == "heading":
            document.add_heading(b.text, level=1)
        elif b.kind == "bullet":
            document.add_paragraph(b.text, style="List Bullet")
        elif b.kind == "entry":
            document.add_paragraph().add_run(b.text).bold = True
        else:
            document.add_paragraph(b.text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# What the PDF standard fonts' encoding (WinAnsi, Windows-1252) lacks, written as its nearest
# equivalent; the rest of Windows-1252 (€, dashes, curly quotes, bullets) is shown as it is.
_NEAREST = str.maketrans(
    {
        "\u2212": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u200b": "",
    }
)


def _winansi(text: str) -> str:
    text = text.translate(_NEAREST)
    bad = sorted({c for c in text if not _encodable(c)})
    if bad:
        raise UnsupportedCharacters("".join(bad))
    return text


def _encodable(char: str) -> bool:
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def to_pdf(blocks: list[Block]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_margins(18, 18, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for b in blocks:
        text = _winansi(b.text)
        if b.kind == "title":
            pdf.set_font("Helvetica", "B", 18)
            pdf.multi_cell(width, 9, text, new_x="LMARGIN", new_y="NEXT")
        elif b.kind == "heading":
            pdf.ln(3)
            pdf.set_font("Helvetica", "B", 13)
            pdf.multi_cell(width, 7, text.upper(), new_x="LMARGIN", new_y="NEXT")
        elif b.kind == "entry":
            pdf.ln(1)
            pdf.set_font("Helvetica", "B", 11)
            pdf.multi_cell(width, 5.5, text, new_x="LMARGIN", new_y="NEXT")
        elif b.kind == "bullet":
            pdf.set_font("Helvetica", "", 11)
            pdf.multi_cell(width, 5.5, f"- {text}", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", "", 11)
            pdf.multi_cell(width, 5.5, text or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def render_resume(doc: dict[str, Any], fmt: str) -> bytes:
    if fmt == "json":
        return to_json(doc)
    blocks = resume_blocks(doc)
    return {"md": to_markdown, "docx": to_docx, "pdf": to_pdf, "txt": to_text}[fmt](blocks)


def render_letter(text: str, fmt: str) -> bytes:
    if fmt == "txt":
        return text.encode("utf-8")
    return {"docx": to_docx, "pdf": to_pdf, "md": to_markdown}[fmt](letter_blocks(text))
