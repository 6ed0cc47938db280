"""Extract stage: file bytes → ``ExtractedDocument`` (text, lines with geometry, layout facts).

The type is detected from the bytes, never from the file name (the name only tells Markdown from
plain text). Every refusal is a typed ``EngineError`` with a stable code. The text handed out is
valid Unicode whatever the file holds: a code point that is not text (a lone surrogate, NUL, a
noncharacter) is U+FFFD in it.
"""

from __future__ import annotations

from resumeiq.engine.errors import TooLarge
from resumeiq.engine.extract._detect import detect_format
from resumeiq.engine.extract._limits import DEFAULT_LIMITS, ExtractLimits
from resumeiq.engine.extract._text import valid_text
from resumeiq.engine.model import DocFormat, ExtractedDocument

__all__ = ["DEFAULT_LIMITS", "ExtractLimits", "detect_format", "extract_text"]


def extract_text(
    data: bytes, *, filename: str | None = None, limits: ExtractLimits = DEFAULT_LIMITS
) -> ExtractedDocument:
    """Read a PDF, DOCX, TXT or MD file given as bytes.

    Raises EmptyFile, CorruptFile, EncryptedFile, UnsupportedFormat, TooLarge or NoTextLayer.
    """
    if len(data) > limits.max_bytes:
        raise TooLarge(
            f"The file is {len(data) / 1e6:.1f} MB; the limit is {limits.max_bytes / 1e6:.0f} MB.",
            size=len(data),
        )
    doc = _read(data, detect_format(data, filename=filename), limits)
    doc.text = valid_text(doc.text)  # one for one: the lines' offsets stay valid
    return doc


_extract_pdf = None  # extract_pdf, imported with the PDF reader on the first PDF


def _read(data: bytes, fmt: DocFormat, limits: ExtractLimits) -> ExtractedDocument:
    global _extract_pdf
    if fmt == "pdf":
        if _extract_pdf is None:
            from resumeiq.engine.extract._pdf import extract_pdf as _extract_pdf
        return _extract_pdf(data, limits)
    if fmt == "docx":
        from resumeiq.engine.extract._docx import extract_docx

        return extract_docx(data, limits)
    from resumeiq.engine.extract._plain import extract_plain

    return extract_plain(data, fmt, limits)
