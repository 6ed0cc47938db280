"""Extract stage: real PDF, DOCX, TXT and MD files (built by conftest) → ExtractedDocument or a typed error."""

from __future__ import annotations

import io
import tracemalloc
import zipfile

import pytest

from resumeiq.engine import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    EngineError,
    ExtractLimits,
    NoTextLayer,
    TooLarge,
    UnsupportedFormat,
    extract_text,
)


def _lines(doc) -> list[str]:
    return [doc.line_text(ln) for ln in doc.lines]


def _assert_lines_index_the_text(doc) -> None:
    """Every line is a non-empty, newline-free slice of the text, in order, without overlaps."""
    prev_end = -1
    for ln in doc.lines:
        piece = doc.text[ln.start : ln.end]
        assert piece.strip(), ln
        assert "\n" not in piece
        assert ln.start > prev_end
        prev_end = ln.end


# --------------------------------------------------------------------------- PDF


def test_one_column_pdf_reads_top_to_bottom_with_dates_on_the_job_line(resume_pdf_bytes, person):
    doc = extract_text(resume_pdf_bytes, filename="maria.pdf")

    assert doc.format == "pdf"
    lines = _lines(doc)
    assert lines[0] == person.name
    assert person.email in lines[1] and person.phone in lines[1] and person.city in lines[1]
    assert [h for h in lines if h in {"SUMMARY", "EXPERIENCE", "EDUCATION", "SKILLS"}] == [
        "SUMMARY",
        "EXPERIENCE",
        "EDUCATION",
        "SKILLS",
    ]
    # The right-aligned date stays on its job's line, set apart by a tab.
    for job in person.jobs:
        assert f"{job.position}, {job.company}\t{job.dates}" in lines
    assert doc.layout.pages == 1 and doc.layout.columns == 1 and doc.layout.images == 0
    _assert_lines_index_the_text(doc)


def test_pdf_bullets_and_font_sizes_are_kept(resume_pdf_bytes, person):
    doc = extract_text(resume_pdf_bytes)
    by_text = {doc.line_text(ln): ln for ln in doc.lines}

    for bullet in person.jobs[0].bullets:
        line = by_text[f"• {bullet}"]
        assert line.bullet
    assert not by_text["EXPERIENCE"].bullet
    name = by_text[person.name]
    assert name.size == pytest.approx(22, abs=0.5)
    assert name.size == max(ln.size for ln in doc.lines)
    # Geometry is top-left based: the name is above the contact line.
    assert name.top < by_text[f"{person.email}  |  {person.phone}  |  {person.city}".replace("  ", " ")].top


def test_pdf_headings_drawn_in_a_bold_font_are_bold(resume_pdf_bytes):
    doc = extract_text(resume_pdf_bytes)
    by_text = {doc.line_text(ln): ln for ln in doc.lines}
    assert by_text["EXPERIENCE"].bold
    assert not by_text["• Led a team of 3 analysts supporting pricing experiments across 4 markets."].bold


def test_two_column_pdf_reads_the_sidebar_then_the_main_column(two_column_pdf_bytes, person):
    doc = extract_text(two_column_pdf_bytes)
    lines = _lines(doc)

    assert doc.layout.columns == 2 and doc.layout.column_pages == 1
    assert lines[0] == person.name
    sidebar = ["CONTACT", person.email, person.phone, "SKILLS", "Python", "Microsoft Excel", "LANGUAGES", "Spanish"]
    main = ["EXPERIENCE", f"{person.jobs[0].position}, {person.jobs[0].company}", "EDUCATION", person.school.line]
    positions = [lines.index(t) for t in sidebar + main]
    assert positions == sorted(positions), lines
    assert lines.index("Spanish") < lines.index("EXPERIENCE")
    # No line mixes words of both columns (which an interleaved reading would do).
    for text in lines:
        assert not (text.split()[0] == "Python" and "Analyst" in text)
    columns = {doc.line_text(ln): ln.column for ln in doc.lines}
    assert columns["SKILLS"] == 0 and columns["EXPERIENCE"] == 1
    _assert_lines_index_the_text(doc)


def test_image_only_pdf_says_ocr_is_needed(image_pdf_bytes):
    with pytest.raises(NoTextLayer) as info:
        extract_text(image_pdf_bytes)
    assert info.value.code == "no_text_layer"
    assert "OCR" in info.value.message


def test_password_protected_pdf_is_refused_as_encrypted(encrypted_pdf_bytes):
    with pytest.raises(EncryptedFile) as info:
        extract_text(encrypted_pdf_bytes)
    assert info.value.code == "encrypted_file"
    assert "password" in info.value.message.lower()


@pytest.mark.parametrize("keep", [200, 0.5, -300], ids=["header-only", "half", "tail-cut"])
def test_truncated_pdf_is_corrupt(resume_pdf_bytes, keep):
    cut = int(len(resume_pdf_bytes) * keep) if isinstance(keep, float) else keep
    with pytest.raises(CorruptFile) as info:
        extract_text(resume_pdf_bytes[:cut])
    assert info.value.code == "corrupt_file"


def test_pdf_over_the_page_limit_is_too_large():
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for page in range(3):
        c.drawString(72, 720, f"Page {page + 1} of a long curriculum vitae with plenty of readable text on it.")
        c.showPage()
    c.save()
    data = buf.getvalue()

    assert extract_text(data, limits=ExtractLimits(max_pages=3)).layout.pages == 3
    with pytest.raises(TooLarge, match="3 pages"):
        extract_text(data, limits=ExtractLimits(max_pages=2))


def test_file_over_the_byte_limit_is_refused_before_reading(resume_pdf_bytes):
    with pytest.raises(TooLarge) as info:
        extract_text(resume_pdf_bytes, limits=ExtractLimits(max_bytes=1000))
    assert info.value.code == "too_large"


# --------------------------------------------------------------------------- DOCX


def test_docx_paragraphs_styles_lists_table_and_header(resume_docx_bytes, person):
    doc = extract_text(resume_docx_bytes, filename="maria.docx")

    assert doc.format == "docx"
    by_text = {doc.line_text(ln): ln for ln in doc.lines}
    assert by_text[person.name].style == "Title"
    assert {by_text[h].style for h in ("Summary", "Experience", "Education", "Skills")} == {"Heading 1"}
    for bullet in person.jobs[1].bullets:
        assert by_text[bullet].bullet and by_text[bullet].style == "List Bullet"
    assert f"{person.jobs[0].position}, {person.jobs[0].company}\t{person.jobs[0].dates}" in by_text
    # The skills table: both cells' text, marked as table text.
    assert by_text["Python, SQL, Tableau"].in_table and by_text["Power BI, Microsoft Excel, Statistics"].in_table
    assert doc.layout.tables == 1 and doc.layout.table_cells_with_text == 2
    # The page header is kept (and counted, since many ATS drop it).
    assert "Curriculum Vitae" in doc.text
    assert doc.layout.header_footer_chars == len("Maria Gonzalez · Curriculum Vitae · Page 1")
    assert doc.layout.columns == 1
    _assert_lines_index_the_text(doc)


def test_docx_body_order_is_kept(resume_docx_bytes, person):
    lines = _lines(extract_text(resume_docx_bytes))
    order = [person.name, "Summary", "Experience", person.jobs[0].bullets[0], "Education", "Skills", "Python, SQL, Tableau"]
    positions = [lines.index(t) for t in order]
    assert positions == sorted(positions)


def test_docx_section_in_two_columns_is_reported(two_column_docx_bytes, resume_docx_bytes):
    assert extract_text(two_column_docx_bytes).layout.columns == 2
    assert extract_text(resume_docx_bytes).layout.columns == 1


def test_docx_zip_bomb_is_refused_without_inflating_it(docx_zip_bomb_bytes):
    tracemalloc.start()
    try:
        with pytest.raises(TooLarge) as info:
            extract_text(docx_zip_bomb_bytes, filename="resume.docx")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert info.value.code == "too_large"
    assert "word/document.xml" in info.value.message
    assert peak < 4_000_000, f"peak traced memory {peak:,} bytes"


def test_docx_bomb_with_lying_sizes_is_refused_without_inflating_it(lying_docx_zip_bytes):
    import docx  # noqa: F401  (loaded before measuring: the import itself costs a few MB)

    tracemalloc.start()
    try:
        with pytest.raises((CorruptFile, TooLarge)):
            extract_text(lying_docx_zip_bytes, filename="resume.docx")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4_000_000, f"peak traced memory {peak:,} bytes"


def test_docx_with_too_many_parts_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
        for i in range(40):
            zf.writestr(f"word/media/image{i}.png", b"x")
    with pytest.raises(TooLarge, match="parts"):
        extract_text(buf.getvalue(), limits=ExtractLimits(max_zip_entries=30))


def test_truncated_docx_is_corrupt(resume_docx_bytes):
    with pytest.raises(CorruptFile):
        extract_text(resume_docx_bytes[: len(resume_docx_bytes) // 3])


def test_docx_with_malformed_xml_is_corrupt(resume_docx_bytes):
    src = zipfile.ZipFile(io.BytesIO(resume_docx_bytes))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 2]  # an unclosed element
            dst.writestr(info, data)
    with pytest.raises(CorruptFile):
        extract_text(buf.getvalue())


# --------------------------------------------------------------------------- refusals by type


def test_zip_that_is_not_a_docx_is_unsupported(plain_zip_bytes):
    with pytest.raises(UnsupportedFormat, match="ZIP"):
        extract_text(plain_zip_bytes, filename="resume.docx")


def test_png_image_is_unsupported_and_says_so(png_bytes):
    with pytest.raises(UnsupportedFormat) as info:
        extract_text(png_bytes, filename="resume.pdf")
    assert "PNG" in info.value.message


def test_legacy_word_file_is_unsupported():
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"Maria Gonzalez resume" * 20
    with pytest.raises(UnsupportedFormat, match="legacy"):
        extract_text(ole2, filename="resume.doc")


@pytest.mark.parametrize("data", [b"", b"   ", b"\n\n\t \r\n", "\u00a0\n".encode()], ids=["empty", "spaces", "newlines", "nbsp"])
def test_empty_or_blank_file_is_empty(data):
    with pytest.raises(EmptyFile) as info:
        extract_text(data, filename="resume.txt")
    assert info.value.code == "empty_file"


def test_random_binary_is_unsupported(random_bytes):
    with pytest.raises(UnsupportedFormat):
        extract_text(random_bytes, filename="resume.txt")


def test_type_comes_from_the_bytes_not_the_name(resume_pdf_bytes, resume_docx_bytes, resume_txt):
    assert extract_text(resume_pdf_bytes, filename="resume.docx").format == "pdf"
    assert extract_text(resume_docx_bytes, filename="resume.pdf").format == "docx"
    assert extract_text(resume_txt.encode(), filename="resume.pdf").format == "txt"


def test_errors_carry_code_and_message():
    with pytest.raises(EngineError) as info:
        extract_text(b"")
    err = info.value
    assert err.to_dict() == {"code": "empty_file", "message": err.message}
    assert str(err).startswith("[empty_file] ")


# --------------------------------------------------------------------------- text and Markdown

ACCENTED = "José Müller-Ñúñez\njose.muller@example.com\n\nEXPERIENCE\nAnalyst – Café Société\t2019 – 2021\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_text_in_common_encodings_is_decoded(text_bytes, encoding):
    doc = extract_text(text_bytes(ACCENTED, encoding), filename="resume.txt")
    assert doc.format == "txt"
    assert doc.text == ACCENTED.strip()
    assert _lines(doc)[:2] == ["José Müller-Ñúñez", "jose.muller@example.com"]


def test_windows_line_endings_and_odd_spaces_are_normalised():
    raw = "Maria\u00a0Gonzalez\r\nmaria@example.com\r\n\u200bSKILLS\r\nPython"
    doc = extract_text(raw.encode(), filename="cv.txt")
    assert doc.text == "Maria Gonzalez\nmaria@example.com\nSKILLS\nPython"


def test_markdown_headings_get_their_level(resume_md, person):
    doc = extract_text(resume_md.encode(), filename="resume.md")
    assert doc.format == "md"
    styles = {doc.line_text(ln): ln.style for ln in doc.lines}
    # A heading's line is its text; the hashes stay in the document text before it.
    assert styles[person.name] == "h1"
    assert styles["EXPERIENCE"] == "h2"
    assert styles[person.email + f" | {person.phone} | {person.city}"] == ""
    # Markdown saved as .txt is known by its headings, not by the name of the file.
    assert extract_text(resume_md.encode(), filename="resume.txt").format == "md"
    assert extract_text(b"Plain notes\n# one hash line\nmore", filename="notes.txt").format == "txt"


def test_markdown_emphasis_marks_are_not_text_and_offsets_stay_the_files():
    md = "# Lena Sato\n\n## Experience\n\n### **Data Analyst** — Pinecrest Foods\n*Mar 2020 to present*\n\n* Built `SQL` reports\n"
    doc = extract_text(md.encode(), filename="cv.txt")
    lines = [doc.line_text(ln) for ln in doc.lines]
    assert [" ".join(t.split()) for t in lines] == [
        "Lena Sato", "Experience", "Data Analyst — Pinecrest Foods", "Mar 2020 to present", "* Built SQL reports",
    ]
    assert len(doc.text) == len(md.rstrip())  # marks are blanked, not removed


def test_markdown_table_is_counted():
    md = "# Skills\n\n| Area | Tools |\n|---|---|\n| Data | Python, SQL |\n| BI | Tableau |\n"
    doc = extract_text(md.encode(), filename="skills.md")
    assert doc.layout.tables == 1
    assert sum(ln.in_table for ln in doc.lines) == 4


def test_text_over_the_character_limit_is_too_large(resume_txt):
    with pytest.raises(TooLarge):
        extract_text(resume_txt.encode(), limits=ExtractLimits(max_chars=100))
