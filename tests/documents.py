"""Small PDF and DOCX files built from lines of text, for upload tests."""

from __future__ import annotations

import io


def text_pdf(text: str) -> bytes:
    """A one-page PDF with a text layer showing ``text`` line by line."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    y = A4[1] - 60
    for line in text.splitlines():
        pdf.setFont("Helvetica", 10)
        pdf.drawString(50, y, line)
        y -= 14
    pdf.save()
    return buf.getvalue()


def text_docx(text: str) -> bytes:
    """A DOCX with one paragraph per line of ``text``."""
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def docx_with_parts(text: str, parts: dict[str, bytes], *, compression: int = 8) -> bytes:
    """``text_docx(text)`` with extra ZIP entries (parts nothing refers to, so readers skip them)."""
    import zipfile

    buf = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(text_docx(text))) as src,
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        for name, data in parts.items():
            dst.writestr(name, data, compress_type=compression)
    return buf.getvalue()


def docx_zip_bomb(text: str, inflated_mb: int = 60) -> bytes:
    """A DOCX made from ``text`` whose word/document.xml then inflates to ``inflated_mb`` MB
    (about 1,000-fold), written in 1 MB chunks so that building it never holds the whole part."""
    import zipfile

    buf = io.BytesIO()
    chunk = b"<!-- padding -->" * (1 << 16)  # 1 MiB
    with (
        zipfile.ZipFile(io.BytesIO(text_docx(text))) as src,
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            if info.filename == "word/document.xml":
                with dst.open("word/document.xml", "w", force_zip64=True) as part:
                    part.write(src.read(info))
                    for _ in range(inflated_mb):
                        part.write(chunk)
            else:
                dst.writestr(info, src.read(info))
    return buf.getvalue()
