"""File type detection from content."""

from __future__ import annotations

import io
import zipfile

from resumeiq.engine.errors import CorruptFile, EmptyFile, EncryptedFile, UnsupportedFormat
from resumeiq.engine.extract._encoding import sniff_encoding
from resumeiq.engine.model import DocFormat

_IMAGE_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"RIFF": "a RIFF media file",
    b"BM": None,  # too short a magic to trust on its own
}
_OTHER_MAGIC = {
    b"{\\rtf": "an RTF document; save it as PDF or DOCX",
    b"\x1f\x8b": "a gzip archive",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
    b"Rar!": "a RAR archive",
    b"%!PS": "a PostScript file",
    b"\x7fELF": "an executable program",
    b"MZ": "an executable program",
}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def detect_format(data: bytes, *, filename: str | None = None) -> DocFormat:
    """Return "pdf", "docx", "txt" or "md" for the bytes, or raise a typed error."""
    if not data or not data.strip():
        raise EmptyFile("The file is empty.")
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _detect_zip(data)
    if data.startswith(_OLE2):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o" in data[:65536]:
            raise EncryptedFile("The Word document is password-protected; remove the password and upload it again.")
        raise UnsupportedFormat(
            "This is a legacy Office file (.doc/.xls); save it as PDF or DOCX and upload it again."
        )
    for magic, what in _IMAGE_MAGIC.items():
        if what and data.startswith(magic):
            raise UnsupportedFormat(
                f"This is {what}, not a document; upload a PDF, DOCX or text file "
                "(an image needs OCR, which resumeiq does not do)."
            )
    for magic, what in _OTHER_MAGIC.items():
        if data.startswith(magic):
            raise UnsupportedFormat(f"This is {what}; upload a PDF, DOCX, TXT or Markdown file.")
    if _looks_binary(head if len(data) <= 1024 else data[:8192]):
        raise UnsupportedFormat("The file is binary data of an unknown type; upload a PDF, DOCX, TXT or Markdown file.")
    if filename and filename.lower().endswith((".md", ".markdown")):
        return "md"
    return "txt"


def _detect_zip(data: bytes) -> DocFormat:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptFile("The file is a damaged or truncated ZIP/DOCX archive.") from exc
    if "word/document.xml" in names:
        return "docx"
    if "[Content_Types].xml" in names and any(n.startswith(("xl/", "ppt/")) for n in names):
        raise UnsupportedFormat("This is a spreadsheet or presentation; upload the resume as PDF or DOCX.")
    if "mimetype" in names and "content.xml" in names:
        raise UnsupportedFormat("This is an OpenDocument file; save it as PDF or DOCX and upload it again.")
    raise UnsupportedFormat("This is a ZIP archive, not a resume document; upload a PDF, DOCX, TXT or Markdown file.")


def _looks_binary(sample: bytes) -> bool:
    """Not text in any encoding ``_encoding`` reads (decided by the bytes, not the name)."""
    return sniff_encoding(sample) is None
