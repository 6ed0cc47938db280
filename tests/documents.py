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
