"""DOCX reading order and looks: text boxes where they are anchored, read once; font size and bold
per line; the name in big type after a sidebar that comes first."""

from __future__ import annotations

import io

import docx
from docx.oxml import parse_xml
from docx.shared import Pt

from resumeiq.engine import extract_text, segment_sections
from resumeiq.engine.pipeline import parse_document

_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _box_run(paragraphs: list[str], wrap: str = "") -> str:
    """A run holding a floating text box, with the VML fallback copy Word writes beside it;
    ``wrap``: how the body's text flows around it ("wrapSquare")."""
    body = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in paragraphs)
    flow = f"<wp:{wrap} wrapText=\"left\"/>" if wrap else ""
    return (
        f"<w:r {_NS}><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor>{flow}"
        f"<a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx>"
        f"</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{body}</w:txbxContent></v:textbox>"
        f"</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def _sidebar_docx(skills: str = "Welding, AutoCAD", wrap: str = "") -> bytes:
    d = docx.Document()
    anchor = d.add_paragraph()
    anchor._p.append(parse_xml(_box_run(["CONTACT", "oskar.lindqvist@example.se", "+46 70 123 45 67", "SKILLS", skills], wrap)))
    name = d.add_paragraph()
    run = name.add_run("Oskar Lindqvist")
    run.font.size = Pt(26)
    run.bold = True
    d.add_paragraph("Maintenance Engineer")
    d.add_paragraph("EXPERIENCE").runs[0].bold = True
    line = d.add_paragraph()
    line.add_run("Maintenance Engineer, ").bold = True
    line.add_run("Norrland Paper AB, Umeå, 2019 – present")
    d.add_paragraph("Kept two paper machines running at 96 % availability.", style="List Bullet")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_a_text_box_is_read_once_where_it_is_anchored():
    doc = extract_text(_sidebar_docx())
    texts = [doc.line_text(ln) for ln in doc.lines]
    assert texts.count("oskar.lindqvist@example.se") == 1  # the fallback copy is not read again
    assert texts.index("CONTACT") < texts.index("Oskar Lindqvist") < texts.index("EXPERIENCE")
    assert doc.layout.text_boxes == 1
    assert all(ln.style == "TextBox" for ln in doc.lines[: texts.index("Oskar Lindqvist")])


def test_lines_carry_their_font_size_and_bold_when_most_of_the_line_is():
    doc = extract_text(_sidebar_docx())
    by_text = {doc.line_text(ln): ln for ln in doc.lines}
    assert by_text["Oskar Lindqvist"].size == 26 and by_text["Oskar Lindqvist"].bold
    assert 0 < by_text["Maintenance Engineer"].size < 26
    assert not by_text["Maintenance Engineer"].bold
    # A bold title run followed by a longer plain run: the line is not bold.
    assert not by_text["Maintenance Engineer, Norrland Paper AB, Umeå, 2019 – present"].bold


def test_the_name_in_big_type_after_a_sidebar_starts_the_header():
    doc = extract_text(_sidebar_docx())
    sections = segment_sections(doc)
    header = next(s for s in sections if s.kind == "header")
    assert doc.text[doc.lines[header.first_line].start : doc.lines[header.first_line].end] == "Oskar Lindqvist"
    basics = parse_document(doc).resume.basics
    assert basics.name == "Oskar Lindqvist"
    assert basics.email == "oskar.lindqvist@example.se"


_LONG_SKILLS = (
    "Welding, AutoCAD, Preventive Maintenance, Hydraulics, Pneumatics, PLC Troubleshooting, Root Cause "
    "Analysis, Vibration Analysis, Lubrication Programmes, Lockout Tagout, SAP PM, Spare Parts Planning"
)


def test_a_sidebar_text_box_the_body_wraps_around_makes_two_columns():
    layout = extract_text(_sidebar_docx(_LONG_SKILLS, wrap="wrapSquare")).layout
    assert (layout.columns, layout.column_pages, layout.text_boxes) == (2, 1, 1)
    review = parse_document(extract_text(_sidebar_docx(_LONG_SKILLS, wrap="wrapSquare")))
    from resumeiq.engine.score import score_resume

    checks = {c.id: c for c in score_resume(review).checks}
    assert checks["layout_columns"].status == "failed"


def test_a_small_or_inline_text_box_is_no_column():
    assert extract_text(_sidebar_docx(wrap="wrapSquare")).layout.columns == 1  # a few words
    assert extract_text(_sidebar_docx(_LONG_SKILLS)).layout.columns == 1  # not wrapped around
