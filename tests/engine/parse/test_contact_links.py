"""The file's own links (PDF link annotations, DOCX hyperlinks) are evidence for the candidate's
profiles and site when the page shows only a word ("LinkedIn") or an icon (invented person)."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from resumeiq.engine import extract_text, parse_resume

B, R = "Helvetica-Bold", "Helvetica"
HEIGHT = A4[1]


def _pdf(items, links) -> bytes:
    """``items``: (x, y from the top, text, font, size); ``links``: (url, x, y from the top, width)
    link rectangles 10 pt high on the baseline at y."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for x, y, text, font, size in items:
        c.setFont(font, size)
        c.drawString(x, HEIGHT - y, text)
    for url, x, y, width in links:
        c.linkURL(url, (x, HEIGHT - y - 2, x + width, HEIGHT - y + 8), relative=0, thickness=0)
    c.showPage()
    c.save()
    return buf.getvalue()


def _w(text: str) -> float:
    return stringWidth(text, R, 9)


ITEMS = [
    (40, 50, "Priya Natarajan", B, 20),
    (40, 80, "priya.natarajan@example.com   (415) 555-0177", R, 9),
    (40, 95, "LinkedIn", R, 9),
    (100, 95, "GitHub", R, 9),
    (150, 95, "Portfolio", R, 9),
    (40, 140, "EXPERIENCE", B, 12),
    (40, 160, "Data Engineer, Acme Corp   Jan 2019 - Present", R, 10),
    (40, 175, "Built the ingestion pipeline for 30 sources.", R, 9),
    (40, 210, "PROJECTS", B, 12),
    (40, 230, "Tidewatch - a tide table service", R, 10),
    (40, 280, "REFERENCES", B, 12),
    (40, 300, "Dr. Samuel Okoro, Head of Data, Acme Corp", R, 10),
]
LINKS = [
    ("https://www.linkedin.com/in/priya-natarajan-7a1b2/", 40, 95, _w("LinkedIn")),
    ("https://github.com/pnatarajan", 100, 95, _w("GitHub")),
    ("https://priyanatarajan.dev/", 150, 95, _w("Portfolio")),
    ("https://x.com/priya_nat", 200, 95, 10),  # an icon only: no text under it
    ("https://linkedin.com/in/", 230, 95, 10),  # a template's empty profile link
    ("https://gitlab.com/pnatarajan/tidewatch", 40, 230, 150),  # a project, not a profile
    ("https://medium.com/@samuel-okoro", 40, 300, 200),  # the referee's
]


def test_pdf_link_annotations_are_read_with_the_text_under_them():
    doc = extract_text(_pdf(ITEMS, LINKS))
    under = {link.url: doc.text[link.span[0] : link.span[1]] if link.span else None for link in doc.links}
    assert under["https://www.linkedin.com/in/priya-natarajan-7a1b2/"] == "LinkedIn"
    assert under["https://github.com/pnatarajan"] == "GitHub"
    assert under["https://gitlab.com/pnatarajan/tidewatch"] == "Tidewatch - a tide table service"
    assert under["https://x.com/priya_nat"] == "LinkedIn\tGitHub\tPortfolio"  # the line beside it
    assert under["https://linkedin.com/in/"] is None  # far from any text
    # in reading order of the text under them, those under no text last
    starts = [link.span[0] if link.span else len(doc.text) for link in doc.links]
    assert starts == sorted(starts) and doc.links[-1].span is None


def test_pdf_links_give_the_profiles_and_site_shown_as_words_or_icons():
    parsed = parse_resume(_pdf(ITEMS, LINKS))
    basics = parsed.resume.basics
    profiles = {p.network: (p.username, p.url) for p in basics.profiles}
    assert profiles == {
        "LinkedIn": ("priya-natarajan-7a1b2", "https://www.linkedin.com/in/priya-natarajan-7a1b2"),
        "GitHub": ("pnatarajan", "https://github.com/pnatarajan"),
        "X": ("priya_nat", "https://x.com/priya_nat"),
    }
    assert basics.url == "https://priyanatarajan.dev"
    linkedin = next(p for p in basics.profiles if p.network == "LinkedIn")
    a, b = linkedin.evidence["url"]
    assert parsed.document.text[a:b] == "LinkedIn"


def test_a_mailto_link_gives_the_address_an_icon_stands_for():
    items = [
        (40, 50, "Priya Natarajan", B, 20),
        (40, 80, "Email   Phone (415) 555-0177", R, 9),
        *ITEMS[5:8],
    ]
    links = [
        ("mailto:priya.natarajan@example.com", 40, 80, _w("Email")),
        ("https://acme.example.com/", 40, 160, 100),  # the employer's site, not hers
    ]
    basics = parse_resume(_pdf(items, links)).resume.basics
    assert basics.email == "priya.natarajan@example.com"
    assert basics.phone == "+1 415-555-0177"
    assert basics.url is None


def _docx_with_links() -> bytes:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def hyperlink(paragraph, text, url=None, anchor=None):
        link = OxmlElement("w:hyperlink")
        if url:
            link.set(qn("r:id"), paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
        else:
            link.set(qn("w:anchor"), anchor)
        run, t = OxmlElement("w:r"), OxmlElement("w:t")
        t.text = text
        run.append(t)
        link.append(run)
        paragraph._p.append(link)

    document = docx.Document()
    header = document.sections[0].header.paragraphs[0]
    header.text = "Priya Natarajan · "
    hyperlink(header, "GitHub", "https://github.com/pnatarajan")
    document.add_paragraph("Priya Natarajan", style="Title")
    contact = document.add_paragraph("priya.natarajan@example.com | ")
    hyperlink(contact, "Profile", "https://www.linkedin.com/in/priya-natarajan-7a1b2")
    contact.add_run(" | ")
    hyperlink(contact, "Skills", anchor="skills")  # a link inside the document: no address
    document.add_paragraph("Experience", style="Heading 1")
    document.add_paragraph("Data Engineer, Acme Corp\tJan 2019 – Present")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_hyperlinks_are_read_from_the_body_and_the_page_header():
    doc = extract_text(_docx_with_links())
    under = {link.url: doc.text[link.span[0] : link.span[1]] for link in doc.links}
    assert under == {
        "https://github.com/pnatarajan": "GitHub",
        "https://www.linkedin.com/in/priya-natarajan-7a1b2": "Profile",  # the network comes from the address
    }


def test_docx_hyperlinks_give_the_profiles():
    basics = parse_resume(_docx_with_links()).resume.basics
    assert {p.network: p.username for p in basics.profiles} == {
        "LinkedIn": "priya-natarajan-7a1b2",
        "GitHub": "pnatarajan",
    }
