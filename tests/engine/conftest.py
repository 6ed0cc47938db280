"""Factories that build real resume files for the engine tests.

Every input is made here, in memory or under ``tmp_path``: PDFs drawn with reportlab, DOCX files
written with python-docx, ZIPs with ``zipfile``, images with Pillow. Nothing is read from disk.
The ``*_bytes`` fixtures are session-scoped (built once) and immutable ``bytes``, so the
hypothesis tests can use them as well.
"""

from __future__ import annotations

import binascii
import io
import random
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

# --------------------------------------------------------------------------- resume content


@dataclass(frozen=True)
class Job:
    position: str
    company: str
    dates: str  # as printed
    start: str  # JSON Resume value
    end: str | None  # None: ongoing
    bullets: tuple[str, ...]


@dataclass(frozen=True)
class School:
    line: str  # as printed, without the dates
    dates: str
    institution: str
    study_type: str
    area: str
    start: str | None
    end: str | None


@dataclass(frozen=True)
class Person:
    name: str = "Maria Gonzalez"
    email: str = "maria.gonzalez@example.com"
    phone: str = "(415) 555-0132"
    phone_digits: str = "4155550132"
    city: str = "San Francisco, CA"
    summary: str = (
        "Data analyst with eight years of experience shaping messy operational data into "
        "dashboards and forecasts that product and finance teams act on."
    )
    jobs: tuple[Job, ...] = field(
        default_factory=lambda: (
            Job(
                "Senior Data Analyst",
                "Acme Corp",
                "Jan 2020 – Present",
                "2020-01",
                None,
                (
                    "Built a churn model in Python that cut customer attrition by 12% in two quarters.",
                    "Automated weekly revenue reporting in SQL and Tableau, saving 6 hours per week.",
                    "Led a team of 3 analysts supporting pricing experiments across 4 markets.",
                ),
            ),
            Job(
                "Data Analyst",
                "Globex Corporation",
                "Jun 2016 – Dec 2019",
                "2016-06",
                "2019-12",
                (
                    "Designed 25 Excel and Power BI dashboards used by the operations team.",
                    "Reduced month-end close reconciliation time by 30% with automated checks.",
                ),
            ),
        )
    )
    school: School = School(
        line="B.S. in Statistics, University of Michigan",
        dates="Sep 2012 – May 2016",
        institution="University of Michigan",
        study_type="B.S.",
        area="Statistics",
        start="2012-09",
        end="2016-05",
    )
    skills: tuple[str, ...] = ("Python", "SQL", "Tableau", "Power BI", "Microsoft Excel", "Statistics")


PERSON = Person()


def resume_text(person: Person = PERSON, *, markdown: bool = False) -> str:
    """The resume as plain text (or Markdown): the same content as the built PDF and DOCX."""
    h1, h2, bullet = ("# ", "## ", "- ") if markdown else ("", "", "• ")
    out = [f"{h1}{person.name}", f"{person.email} | {person.phone} | {person.city}", ""]
    out += [f"{h2}SUMMARY", person.summary, "", f"{h2}EXPERIENCE"]
    for job in person.jobs:
        out.append(f"{job.position}, {job.company}\t{job.dates}")
        out += [f"{bullet}{b}" for b in job.bullets]
        out.append("")
    out += [f"{h2}EDUCATION", f"{person.school.line}\t{person.school.dates}", ""]
    out += [f"{h2}SKILLS", ", ".join(person.skills)]
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- PDF builders

PAGE_W, PAGE_H = 612.0, 792.0  # US Letter, points
MARGIN = 54.0


def build_resume_pdf(person: Person = PERSON, *, encrypt: str | None = None) -> bytes:
    """A one-column resume: big name, contact line, bold headings, job lines with the dates
    right-aligned on the same baseline, "•" bullets."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H), encrypt=encrypt, invariant=1)
    c.setTitle(f"{person.name} resume")
    right = PAGE_W - MARGIN
    y = PAGE_H - MARGIN - 10
    c.setFont("Helvetica-Bold", 22)
    c.drawString(MARGIN, y, person.name)
    y -= 22
    c.setFont("Helvetica", 10)
    c.drawString(MARGIN, y, f"{person.email}  |  {person.phone}  |  {person.city}")
    y -= 30

    def heading(title: str) -> None:
        nonlocal y
        c.setFont("Helvetica-Bold", 12)
        c.drawString(MARGIN, y, title)
        c.line(MARGIN, y - 4, right, y - 4)
        y -= 20

    heading("SUMMARY")
    c.setFont("Helvetica", 10)
    words = person.summary.split()
    for chunk in (" ".join(words[:14]), " ".join(words[14:])):
        c.drawString(MARGIN, y, chunk)
        y -= 13
    y -= 12
    heading("EXPERIENCE")
    for job in person.jobs:
        c.setFont("Helvetica-Bold", 10.5)
        c.drawString(MARGIN, y, f"{job.position}, {job.company}")
        c.setFont("Helvetica", 10)
        c.drawRightString(right, y, job.dates)
        y -= 14
        for b in job.bullets:
            c.drawString(MARGIN + 8, y, "•")
            c.drawString(MARGIN + 20, y, b)
            y -= 13
        y -= 8
    y -= 6
    heading("EDUCATION")
    c.setFont("Helvetica-Bold", 10.5)
    c.drawString(MARGIN, y, person.school.line)
    c.setFont("Helvetica", 10)
    c.drawRightString(right, y, person.school.dates)
    y -= 28
    heading("SKILLS")
    c.setFont("Helvetica", 10)
    c.drawString(MARGIN, y, ", ".join(person.skills))
    c.showPage()
    c.save()
    return buf.getvalue()


SIDEBAR_HEADINGS = frozenset({"CONTACT", "SKILLS", "LANGUAGES"})
SIDEBAR_LINES = ("CONTACT", "maria.gonzalez@example.com", "(415) 555-0132", "San Francisco, CA", "",
                 "SKILLS", "Python", "SQL", "Tableau", "Power BI", "Microsoft Excel", "",
                 "LANGUAGES", "English", "Spanish")


# Bullets short enough for the main column of the two-column layout.
SHORT_BULLETS = {
    "Acme Corp": (
        "Built a churn model in Python that cut attrition by 12%.",
        "Automated revenue reporting in SQL, saving 6 hours a week.",
    ),
    "Globex Corporation": (
        "Designed 25 Power BI dashboards for the operations team.",
        "Reduced month-end close time by 30% with automated checks.",
    ),
}


def build_two_column_pdf(person: Person = PERSON) -> bytes:
    """Name across the top; a left sidebar (contact, skills, languages) next to a right main
    column (experience, education) whose lines sit at the same heights as the sidebar's."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H), invariant=1)
    left, main_x, right = 40.0, 230.0, PAGE_W - 40
    c.setFont("Helvetica-Bold", 24)
    c.drawString(left, PAGE_H - 60, person.name)
    top = PAGE_H - 110
    y = top
    for text in SIDEBAR_LINES:
        if text:
            bold = text in SIDEBAR_HEADINGS
            c.setFont("Helvetica-Bold" if bold else "Helvetica", 11 if bold else 9.5)
            c.drawString(left, y, text)
        y -= 15
    y = top
    c.setFont("Helvetica-Bold", 11)
    c.drawString(main_x, y, "EXPERIENCE")
    y -= 18
    for job in person.jobs:
        c.setFont("Helvetica-Bold", 10)
        c.drawString(main_x, y, f"{job.position}, {job.company}")
        y -= 13
        c.setFont("Helvetica", 9.5)
        c.drawString(main_x, y, job.dates)
        y -= 14
        for b in SHORT_BULLETS[job.company]:
            c.drawString(main_x, y, "•")
            c.drawString(main_x + 10, y, b)
            y -= 13
        y -= 8
    c.setFont("Helvetica-Bold", 11)
    c.drawString(main_x, y, "EDUCATION")
    y -= 18
    c.setFont("Helvetica", 9.5)
    c.drawString(main_x, y, person.school.line)
    y -= 13
    c.drawString(main_x, y, person.school.dates)
    widest = max((b for bs in SHORT_BULLETS.values() for b in bs), key=len)
    assert main_x + 10 + c.stringWidth(widest, "Helvetica", 9.5) < right, "a bullet overflows the page"
    c.showPage()
    c.save()
    return buf.getvalue()


def build_image_only_pdf() -> bytes:
    """A 'scanned' resume: one page holding a picture of text, no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("RGB", (600, 800), "white")
    draw = ImageDraw.Draw(img)
    for k, line in enumerate(resume_text().splitlines()[:30]):
        draw.text((30, 30 + 22 * k), line.encode("ascii", "replace").decode(), fill="black")
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H), invariant=1)
    c.drawImage(ImageReader(img), 0, 0, width=PAGE_W, height=PAGE_H)
    c.showPage()
    c.save()
    return buf.getvalue()


def build_png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 30, 30)).save(buf, format="PNG")
    return buf.getvalue()


# --------------------------------------------------------------------------- DOCX builders

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def build_resume_docx(person: Person = PERSON, *, columns: int = 1, header_text: str | None = None) -> bytes:
    """A Word resume: Title, Heading 1 sections, List Bullet paragraphs, a skills table, an
    optional page header, and optionally a section laid out in ``columns`` columns."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    d.add_heading(person.name, level=0)
    d.add_paragraph(f"{person.email} | {person.phone} | {person.city}")
    d.add_heading("Summary", level=1)
    d.add_paragraph(person.summary)
    d.add_heading("Experience", level=1)
    for job in person.jobs:
        d.add_paragraph(f"{job.position}, {job.company}\t{job.dates}")
        for b in job.bullets:
            d.add_paragraph(b, style="List Bullet")
    d.add_heading("Education", level=1)
    d.add_paragraph(f"{person.school.line}\t{person.school.dates}")
    d.add_heading("Skills", level=1)
    half = (len(person.skills) + 1) // 2
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = ", ".join(person.skills[:half])
    table.cell(0, 1).text = ", ".join(person.skills[half:])
    if header_text is not None:
        d.sections[0].header.paragraphs[0].text = header_text
    if columns > 1:
        sect_pr = d.sections[0]._sectPr
        cols = sect_pr.find(qn("w:cols"))
        if cols is None:
            cols = OxmlElement("w:cols")
            sect_pr.append(cols)
        cols.set(qn("w:num"), str(columns))
        cols.set(qn("w:space"), "720")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)


def build_docx_zip_bomb(inflated_mb: int = 120) -> bytes:
    """A 'DOCX' whose word/document.xml inflates to ``inflated_mb`` MB of zeros (~1000-fold),
    written in 1 MB chunks so that building it never holds the inflated part in memory."""
    buf = io.BytesIO()
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        with zf.open("word/document.xml", "w", force_zip64=True) as part:
            for _ in range(inflated_mb):
                part.write(chunk)
    return buf.getvalue()


def build_lying_docx_zip(inflated_mb: int = 120, declared: int = 4096) -> bytes:
    """A 'DOCX' whose ZIP headers declare word/document.xml as ``declared`` bytes while its
    deflate stream holds ``inflated_mb`` MB of zeros: a bomb that a size check alone misses.
    Written by hand (zipfile always records the true size)."""
    entries: list[tuple[bytes, int, int, int, int]] = []
    out = bytearray()

    def add(name: str, chunks, declared_size: int | None = None) -> None:
        comp = zlib.compressobj(6, zlib.DEFLATED, -15)
        data, crc, size = bytearray(), 0, 0
        for chunk in chunks:
            data += comp.compress(chunk)
            crc, size = binascii.crc32(chunk, crc), size + len(chunk)
        data += comp.flush()
        size = size if declared_size is None else declared_size
        raw, offset = name.encode(), len(out)
        out.extend(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), size, len(raw), 0))
        out.extend(raw + data)
        entries.append((raw, crc, len(data), size, offset))

    add("[Content_Types].xml", [_CONTENT_TYPES.encode()])
    add("word/document.xml", (b"\0" * (1 << 20) for _ in range(inflated_mb)), declared)
    directory = len(out)
    for raw, crc, csize, size, offset in entries:
        out.extend(
            struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, csize, size, len(raw), 0, 0, 0, 0, 0, offset)
        )
        out.extend(raw)
    out.extend(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(out) - directory, directory, 0))
    return bytes(out)


def build_plain_zip() -> bytes:
    """A ZIP archive of a text file and a CSV: not an Office document."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("resume.txt", resume_text())
        zf.writestr("references.csv", "name,phone\nJohn Smith,555-0100\n")
    return buf.getvalue()


def random_binary(n: int = 4096, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(n)


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def person() -> Person:
    return PERSON


@pytest.fixture(scope="session")
def resume_pdf_bytes() -> bytes:
    return build_resume_pdf()


@pytest.fixture(scope="session")
def two_column_pdf_bytes() -> bytes:
    return build_two_column_pdf()


@pytest.fixture(scope="session")
def image_pdf_bytes() -> bytes:
    return build_image_only_pdf()


@pytest.fixture(scope="session")
def encrypted_pdf_bytes() -> bytes:
    return build_resume_pdf(encrypt="s3cret-pass")


@pytest.fixture(scope="session")
def truncated_pdf_bytes(resume_pdf_bytes: bytes) -> bytes:
    """The header and the first bytes of the first object: the rest of the file is gone."""
    return resume_pdf_bytes[:200]


@pytest.fixture(scope="session")
def resume_docx_bytes() -> bytes:
    return build_resume_docx(header_text="Maria Gonzalez · Curriculum Vitae · Page 1")


@pytest.fixture(scope="session")
def two_column_docx_bytes() -> bytes:
    return build_resume_docx(columns=2)


@pytest.fixture(scope="session")
def docx_zip_bomb_bytes() -> bytes:
    return build_docx_zip_bomb()


@pytest.fixture(scope="session")
def lying_docx_zip_bytes() -> bytes:
    return build_lying_docx_zip()


@pytest.fixture(scope="session")
def plain_zip_bytes() -> bytes:
    return build_plain_zip()


@pytest.fixture(scope="session")
def png_bytes() -> bytes:
    return build_png()


@pytest.fixture(scope="session")
def random_bytes() -> bytes:
    return random_binary()


@pytest.fixture(scope="session")
def resume_txt() -> str:
    return resume_text()


@pytest.fixture(scope="session")
def resume_md() -> str:
    return resume_text(markdown=True)


@pytest.fixture(scope="session")
def text_bytes() -> Callable[[str, str], bytes]:
    """``text_bytes(text, encoding)``: the text encoded; "utf-16" adds the BOM as editors do."""

    def encode(text: str, encoding: str) -> bytes:
        return text.encode(encoding)

    return encode


@pytest.fixture
def write_file(tmp_path) -> Callable[[str, bytes], object]:
    """Write bytes to ``tmp_path/<name>`` and return the path."""

    def write(name: str, data: bytes):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    return write
