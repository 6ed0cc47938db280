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


def pdf_with_mapped_glyph(lines: list[tuple[float, float, float, bytes]], bfchar: str) -> bytes:
    """A one-page PDF drawing ``lines`` (x, y, size, byte codes) in Helvetica, whose ToUnicode
    map reads the codes 0x20-0x59 as themselves and ``bfchar`` (e.g. ``<5A> <D835DC00>``)."""
    content = b"\n".join(b"BT /F1 %g Tf %g %g Td <%s> Tj ET" % (size, x, y, codes.hex().encode()) for x, y, size, codes in lines)
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Invented-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"1 beginbfchar {bfchar} endbfchar\n"
        "1 beginbfrange <20> <59> <0020> endbfrange\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text_docx(text: str) -> bytes:
    """A DOCX with one paragraph per line of ``text``."""
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def styled_docx(paragraphs: list[tuple[str, str | None]]) -> bytes:
    """A DOCX with one paragraph per ``(text, style)`` (style None: Normal)."""
    import docx

    document = docx.Document()
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
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
