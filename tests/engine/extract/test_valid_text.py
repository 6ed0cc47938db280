"""The extract stage hands out valid Unicode: a code point that is not text (a lone surrogate, NUL,
a noncharacter) becomes U+FFFD, one for one, whatever reader it came from and whatever the file
holds, so that the text can be encoded and stored on either database and the lines still index it.
"""

from __future__ import annotations

import pytest

from documents import pdf_with_mapped_glyph, text_docx, text_pdf
from resumeiq.engine import extract_text
from resumeiq.engine.extract._text import valid_text

FILLER = "Invented filler text, long enough for the page to count as a text page."
NOT_TEXT = ["\ud800", "\udfff", "\x00", "\ufdd0", "\ufffe", "\uffff", "\U0001fffe", "\U0010ffff"]


@pytest.mark.parametrize("char", NOT_TEXT)
def test_valid_text_replaces_what_is_not_text_one_for_one(char):
    text = f"Mira {char}Okafor"
    assert valid_text(text) == "Mira \ufffdOkafor"


def test_valid_text_keeps_every_character_that_is_text():
    text = "Zoë Ngata · C++/Go · 📎 · \U0001d400 · \ufffd · \ufeff · \t"
    assert valid_text(text) == text


@pytest.mark.parametrize(
    ("bfchar", "expected"),
    [
        ("<5A> <FDD0>", "Orla \ufffd Quenby"),  # a noncharacter in the BMP
        ("<5A> <DBFFDFFF>", "Orla \ufffd Quenby"),  # U+10FFFF, as its UTF-16 pair
        ("<5A> <D835>", "Orla Quenby"),  # a lone high surrogate: dropped by the PDF reader
    ],
)
def test_a_pdf_font_map_pointing_at_no_character_reads_as_valid_text(bfchar, expected):
    pdf = pdf_with_mapped_glyph([(72, 700, 12, b"Orla Z Quenby"), (72, 680, 10, FILLER.encode())], bfchar)
    doc = extract_text(pdf)

    doc.text.encode("utf-8")
    assert doc.text.splitlines()[0] == expected
    assert doc.line_text(doc.lines[0]) == expected


def _plain_reader_hands_over(monkeypatch, char):
    from resumeiq.engine.extract import _plain

    decode = _plain.decode_text
    monkeypatch.setattr(_plain, "decode_text", lambda data: decode(data).replace("#", char))


def _line_readers_hand_over(monkeypatch, char):
    from resumeiq.engine.extract import _docx, _pdf

    for module in (_pdf, _docx):
        collapse = module.collapse_letter_spacing
        monkeypatch.setattr(module, "collapse_letter_spacing", lambda line, c=collapse: c(line).replace("#", char))


@pytest.mark.parametrize("char", ["\ud800", "\udc00", "\uffff"])
@pytest.mark.parametrize("fmt", ["txt", "md", "pdf", "docx"])
def test_every_reader_s_text_is_made_valid_at_the_stage_s_boundary(monkeypatch, fmt, char):
    """Whatever a reader lets through (here: each reader made to hand over ``char`` where the file
    has "#"), ``extract_text`` hands out valid text with the lines still on their words."""
    lines = ["Mira Okafor", "Data engineer #1 at Invented Analytics Ltd", FILLER]
    if fmt in ("txt", "md"):
        _plain_reader_hands_over(monkeypatch, char)
        data, name = "\n".join(lines).encode(), f"cv.{fmt}"
    else:
        _line_readers_hand_over(monkeypatch, char)
        data, name = (text_docx("\n".join(lines)), "cv.docx") if fmt == "docx" else (text_pdf("\n".join(lines)), "cv.pdf")

    doc = extract_text(data, filename=name)

    doc.text.encode("utf-8")
    assert "\ufffd" in doc.text and char not in doc.text
    assert [doc.line_text(ln) for ln in doc.lines][:2] == ["Mira Okafor", "Data engineer \ufffd1 at Invented Analytics Ltd"]

