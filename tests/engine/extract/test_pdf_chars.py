"""PDF characters → runs: every character keeps its own box, whatever pdfium's page text does.

The PDFs are built here: with reportlab, or by hand where reportlab cannot make the case (a font
whose ToUnicode map sends a code to a character outside the BMP).
"""

from __future__ import annotations

import io

import pytest

from documents import pdf_with_mapped_glyph
from resumeiq.engine import extract_text, segment_sections

FILLER = "Invented filler text, long enough for the page to count as a text page."


def _line(doc, start: str):
    return next(ln for ln in doc.lines if doc.line_text(ln).startswith(start))


# --------------------------------------------------------------------------- outside the BMP


def test_a_character_outside_the_bmp_keeps_its_text_and_every_box_after_it():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    # "Z" is drawn, and read back as U+1D400 (a mathematical bold capital A): pdfium keeps it on
    # two character indices, so a reader that takes the page text one index per character
    # shifts every box after it.
    pdf = pdf_with_mapped_glyph(
        [
            (72, 700, 12, b"Orla Z Quenby"),
            (72, 680, 10, FILLER.encode()),
            (300, 640, 12, b"RIGHT"),
        ],
        "<5A> <D835DC00>",
    )
    doc = extract_text(pdf)

    assert doc.text.splitlines()[0] == "Orla \U0001d400 Quenby"
    doc.text.encode("utf-8")  # no lone surrogates: the text can be written out as JSON
    right = _line(doc, "RIGHT")
    assert (right.x0, right.x1) == (300.0, round(300 + stringWidth("RIGHT", "Helvetica", 12), 1))
    assert right.size == 12.0
    name = _line(doc, "Orla")
    assert name.x0 == 72.0
    assert name.x1 == round(72 + stringWidth("Orla Z Quenby", "Helvetica", 12), 1)


def test_an_unpaired_surrogate_from_the_font_map_is_dropped_not_written():
    pdf = pdf_with_mapped_glyph([(72, 700, 12, b"Orla Z Quenby"), (72, 680, 10, FILLER.encode())], "<5A> <D835>")
    doc = extract_text(pdf)

    doc.text.encode("utf-8")
    assert doc.text.splitlines()[0] == "Orla Quenby"


# --------------------------------------------------------------------------- letter spacing


def _letter_spaced_pdf(heading: str, char_space: float) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(612, 792), invariant=1)
    t = c.beginText(72, 700)
    t.setFont("Helvetica-Bold", 11)
    t.setCharSpace(char_space)
    t.textLine(heading)
    c.drawText(t)
    c.setFont("Helvetica", 10)
    c.drawString(72, 684, "Python, SQL, Tableau, Kubernetes")
    c.drawString(72, 660, FILLER)
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("char_space", [3.0, 6.0])
def test_a_letter_spaced_heading_stays_one_line_with_its_letters_in_order(char_space):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    doc = extract_text(_letter_spaced_pdf("SKILLS", char_space))

    heading = doc.lines[0]
    assert doc.line_text(heading) == "SKILLS"  # letter-spaced text reads as its word
    assert heading.x0 == 72.0
    # The box ends at the last letter: its advance plus the five gaps drawn before it.
    assert heading.x1 == round(72 + stringWidth("SKILLS", "Helvetica-Bold", 11) + 5 * char_space, 1)
    assert heading.bold and heading.size == 11.0
    assert [s.kind for s in segment_sections(doc)][-1] == "skills"


def test_text_without_letter_spacing_has_no_spaces_inside_words():
    doc = extract_text(_letter_spaced_pdf("SKILLS", 0.0))

    assert doc.line_text(doc.lines[0]) == "SKILLS"


def _tj_line_pdf(tj: str, char_space: float = 0.0) -> bytes:
    """One line written with the raw TJ array ``tj`` in Helvetica (``char_space`` pt between
    letters; WinAnsi: octal 250 is the spacing diaeresis, 264 the acute), over a filler line.
    reportlab has no public call for a raw TJ array, and would compose an accent itself."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    t = c.beginText(72, 700)
    t.setFont("Helvetica", 10)
    t.setCharSpace(char_space)
    t._code.append(f"[{tj}] TJ")
    c.drawText(t)
    c.setFont("Helvetica", 10)
    c.drawString(72, 660, FILLER)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_a_space_glyph_pulled_back_until_no_gap_shows_does_not_split_the_word():
    # A space inside "Present" cancelled by a kerning offset: pdfium's page text says
    # "Presen t", the page shows one word 1 pt apart like every other letter.
    doc = extract_text(_tj_line_pdf("(2019 to Presen ) 378 (t)", char_space=1.0))

    assert doc.line_text(doc.lines[0]) == "2019 to Present"


def test_a_space_that_shows_stays_a_space_in_tracked_text():
    # The same space pulled back only part of the way still shows as a gap: two words.
    doc = extract_text(_tj_line_pdf("(2019 to Presen ) 100 (t)", char_space=1.0))

    assert doc.line_text(doc.lines[0]) == "2019 to Presen t"


@pytest.mark.parametrize("font", ["Times-Italic", "Helvetica-Oblique"])
def test_a_space_after_an_italic_letter_leaning_into_the_next_word_stays(font):
    # An italic "f" or "r" reaches over the space towards the next word: the space the file
    # holds is still one ("Bachelor of Arts", "customer focus").
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont(font, 9.5)
    c.drawString(72, 700, "Bachelor of Arts in Nursing, a record of customer focus")
    c.setFont("Helvetica", 10)
    c.drawString(72, 660, FILLER)
    c.showPage()
    c.save()
    doc = extract_text(buf.getvalue())

    assert doc.line_text(doc.lines[0]) == "Bachelor of Arts in Nursing, a record of customer focus"


def test_a_spacing_accent_drawn_over_the_next_letter_composes_with_it():
    # TeX-style: the accent is its own glyph, set back over the letter that follows it.
    doc = extract_text(_tj_line_pdf("(Ab M\\250) 333 (arz 2026, Cr\\264) 333 (eteil)"))

    assert doc.line_text(doc.lines[0]) == "Ab März 2026, Créteil"


def test_a_space_between_tightly_set_words_is_kept():
    """Loose character boxes of a tight serif overlap at a narrowed space: the glyphs' own boxes
    show the gap a reader sees ("of Science", not "ofScience")."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from resumeiq.engine import extract_text

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    t = c.beginText(72, 700)
    t.setFont("Times-Roman", 11)
    t.setWordSpace(-0.5)
    t.textLine("Master of Science: Structural Engineering")
    c.drawText(t)
    c.showPage()
    c.save()
    assert extract_text(buf.getvalue(), filename="cv.pdf").text.strip() == "Master of Science: Structural Engineering"


def test_words_set_with_a_narrowed_space_stay_apart():
    """A line squeezed to fit (word spacing pulled in until the gap is as narrow as between
    letters): the words a reader sees stay words, while a space inside a word still goes."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from resumeiq.engine import extract_text

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for y, text in ((700, "Bachelor of Arts in History"), (680, "University of Kestrel Bay")):
        t = c.beginText(72, y)
        t.setFont("Helvetica", 11)
        t.setWordSpace(-2.5)
        t.textLine(text)
        c.drawText(t)
    c.showPage()
    c.save()
    doc = extract_text(buf.getvalue(), filename="cv.pdf")
    assert [doc.line_text(ln) for ln in doc.lines] == ["Bachelor of Arts in History", "University of Kestrel Bay"]
    # The kerning case is unchanged: "Presen" + "t" is one word.
    kerned = extract_text(_tj_line_pdf("(2019 to Presen ) 378 (t)", char_space=1.0))
    assert kerned.line_text(kerned.lines[0]) == "2019 to Present"
