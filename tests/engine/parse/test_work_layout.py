"""Work entries of PDFs whose layout carries meaning: dates in a margin rail, list items drawn
without a bullet glyph (indented, wrapping under where the glyph would be).

Pages are drawn with reportlab at known positions; the people and employers are invented.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from resumeiq.engine import parse_resume

HEIGHT = A4[1]
B, R = "Helvetica-Bold", "Helvetica"
RAIL, BODY, ITEM, HANG = 60, 215, 240, 228  # x of the rail, the body, an item, its wrapped lines


def _pdf(items: list[tuple[float, float, str, str, float]]) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for x, y, text, font, size in items:
        c.setFont(font, size)
        c.drawString(x, HEIGHT - y, text)
    c.showPage()
    c.save()
    return buf.getvalue()


def _page() -> list[tuple[float, float, str, str, float]]:
    return [
        (250, 60, "Tomasz Wierzba", B, 20),
        (RAIL, 100, "Contact", B, 14),
        (BODY, 100, "tomasz.wierzba@example.org", R, 10),
        (RAIL, 145, "Work Experience", B, 14),
        (BODY, 145, "Eleven years of planning freight for carriers in the north.", R, 10),
        (RAIL, 175, "2022-03 to Present", R, 9),
        (BODY, 175, "Route Planner at Kestrel Haulage Ltd", R, 10),
        (BODY, 190, "Planning for a regional parcel carrier.", R, 10),
        (ITEM, 205, "Cut empty running by 18% across four depots", R, 10),
        (ITEM, 220, "Rebuilt the night routes for 60 vans after the depot in Leeds", R, 10),
        (HANG, 235, "closed", R, 10),
        (ITEM, 250, "Trained six planners on the new scheduling tool and wrote", R, 10),
        (HANG, 265, "Its Handbook, used at every site", R, 10),
        (RAIL, 305, "2019-06 to 2022-02", R, 9),
        (BODY, 305, "Dispatcher at Orchard Lane Foods", R, 10),
        (ITEM, 320, "Dispatched 40 lorries a day from one yard", R, 10),
    ]


def test_a_rail_dated_entry_with_unmarked_items_reads_title_employer_and_whole_items():
    work = parse_resume(_pdf(_page()), filename="cv.pdf").resume.work

    assert [(w.position, w.name, w.startDate, w.endDate) for w in work] == [
        ("Route Planner", "Kestrel Haulage Ltd", "2022-03", None),
        ("Dispatcher", "Orchard Lane Foods", "2019-06", "2022-02"),
    ]
    assert work[0].summary == "Planning for a regional parcel carrier."
    # A line hanging left of its item carries it on, whatever its first letter.
    assert work[0].highlights == [
        "Cut empty running by 18% across four depots",
        "Rebuilt the night routes for 60 vans after the depot in Leeds closed",
        "Trained six planners on the new scheduling tool and wrote Its Handbook, used at every site",
    ]
    assert work[1].highlights == ["Dispatched 40 lorries a day from one yard"]


def test_unmarked_items_that_wrap_at_their_own_indentation_join_only_where_the_line_broke():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    page = _page()[:5] + [
        # The summary sets the column's right edge; items start 25 pt further right.
        (BODY, 160, "Eleven years of planning freight for carriers across the north of England, by road.", R, 10),
        (BODY, 175, "Fleet Manager at Kestrel Haulage Ltd", R, 10),
        (ITEM, 190, "Negotiated fuel contracts with three suppliers and moved the fleet onto a", R, 10),
        (ITEM, 205, "quarterly price review that saved 9% a year", R, 10),
        (ITEM, 220, "Cut overtime on weekend shifts by a fifth after rebuilding the rota with", R, 10),
        (ITEM, 235, "Drivers Union representatives", R, 10),
        (ITEM, 250, "Moved the night planning onto one shared board", R, 10),
        (ITEM, 265, "Hired and trained four new planners", R, 10),
    ]
    edge = BODY + stringWidth(page[5][2], R, 10)
    # Each wrapped line's first word would not have fitted on the line above; the last two
    # items are lines of their own (the next word would have fitted: the item ended).
    assert ITEM + stringWidth(page[7][2] + " quarterly", R, 10) > edge
    assert ITEM + stringWidth(page[11][2] + " Hired", R, 10) < edge

    work = parse_resume(_pdf(page), filename="cv.pdf").resume.work

    assert work[0].highlights == [
        "Negotiated fuel contracts with three suppliers and moved the fleet onto a quarterly price review that saved 9% a year",
        "Cut overtime on weekend shifts by a fifth after rebuilding the rota with Drivers Union representatives",
        "Moved the night planning onto one shared board",
        "Hired and trained four new planners",
    ]


MARKDOWN_CV = """# Rafael Quintero

**Process Engineer**

rafael.q@example.com · Valencia, Spain

## Experience

### Process Engineer — Levante Ceramics S.L.
*Apr 2021 to present*

- Cut kiln energy use by 11%

### Quality Technician — Turia Packaging
*Sep 2018 to Mar 2021*

- Ran weekly audits on two lines

## Education

- **B.Eng. in Chemical Engineering**, Polytechnic School of Alcoy (2018)
"""


def test_a_markdown_resume_saved_as_text_reads_without_its_marks():
    parsed = parse_resume(MARKDOWN_CV.encode(), filename="cv.txt")

    assert parsed.resume.basics.name == "Rafael Quintero"
    assert [(w.position, w.name, w.startDate, w.endDate) for w in parsed.resume.work] == [
        ("Process Engineer", "Levante Ceramics S.L.", "2021-04", None),
        ("Quality Technician", "Turia Packaging", "2018-09", "2021-03"),
    ]
    edu = parsed.resume.education[0]
    assert (edu.studyType, edu.area) == ("B.Eng.", "Chemical Engineering")


def test_bulleted_entry_lines_with_their_dates_at_the_end_are_entries():
    text = (
        "Hanne Vestergaard\nhanne.v@example.org\n\nEMPLOYMENT\n"
        "– Northgate University • Senior Lecturer in Economic Geology and Mining • since 2015\n"
        "– Northgate University • Lecturer in Economic Geology and Mineral Resources • 2009–2015\n"
        "• Taught four courses a year on ore deposits and field mapping to 120 students in 2012\n"
    )
    work = parse_resume(text.encode(), filename="cv.txt").resume.work

    assert [(w.name, w.position, w.startDate, w.endDate) for w in work] == [
        ("Northgate University", "Senior Lecturer in Economic Geology and Mining", "2015", None),
        ("Northgate University", "Lecturer in Economic Geology and Mineral Resources", "2009", "2015"),
    ]


def test_bullet_glyphs_hanging_left_of_the_text_do_not_make_the_employer_lines_indented():
    from resumeiq.engine import extract_text, segment_sections
    from resumeiq.engine.parse.lines import body_lines

    items = [
        (40, 60, "Farid Nazarov", B, 18),
        (40, 80, "farid.nazarov@example.org", R, 10),
        (22, 110, "Experience", B, 12),
    ]
    y = 130
    for employer, title in (("Pamir Signal Labs", "Radio Network Planning Intern"), ("Kofarnihon Data", "Backend Developer Intern")):
        items += [(34, y, employer, B, 10), (22, y + 14, "•", R, 10), (34, y + 14, title, R, 10)]
        items += [(48, y + 28, "◦ Measured signal loss on twelve rooftop links.", R, 9)]
        y += 56
    doc = extract_text(_pdf(items))
    [section] = [s for s in segment_sections(doc) if s.kind == "experience"]

    lines = {bl.text: bl for bl in body_lines(doc, section)}
    # The employer lines start where the text of the bulleted lines starts: the body's margin.
    assert not lines["Pamir Signal Labs"].bullet and not lines["Kofarnihon Data"].bullet
    assert lines["Radio Network Planning Intern"].bullet and not lines["Radio Network Planning Intern"].indented
    assert lines["Measured signal loss on twelve rooftop links."].bullet


def test_bullets_hanging_left_of_the_headers_leave_the_employer_line_a_header():
    """Glyphs at x 40, their wrapped lines at 47, the entries' title and employer lines at 64:
    the wrapped lines are not the margin, so the employer line is no list item."""
    rows = [
        (250, 60, "Ilse Marwood", B, 20),
        (64, 95, "ilse.marwood@example.org", R, 10),
        (64, 130, "Professional Experience", B, 14),
        (64, 150, "Head of Analytics", B, 10),
        (470, 150, "2021 - Present", R, 10),
        (64, 163, "Tallowby Foods Ltd", R, 8),
        (470, 163, "Leeds, UK", R, 8),
        (40, 178, "• Led a team of six analysts who built the forecasting models for every", R, 9),
        (47, 190, "store and the weekly demand plan", R, 9),
        (40, 202, "• Cut waste by 12% in two years", R, 9),
        (64, 225, "Data Analyst", B, 10),
        (470, 225, "2017 - 2021", R, 10),
        (64, 238, "Brindle & Hart Ltd", R, 8),
        (470, 238, "York, UK", R, 8),
        (40, 253, "• Wrote the monthly sales report for the board and the regional", R, 9),
        (47, 265, "managers", R, 9),
    ]
    work = parse_resume(_pdf(rows), filename="cv.pdf").resume.work

    assert [(w.position, w.name, w.location, w.startDate, w.endDate) for w in work] == [
        ("Head of Analytics", "Tallowby Foods Ltd", "Leeds, UK", "2021", None),
        ("Data Analyst", "Brindle & Hart Ltd", "York, UK", "2017", "2021"),
    ]
    assert work[0].highlights[0].endswith("every store and the weekly demand plan")


def _narrow_pdf(rows: list[tuple[float, str]]) -> bytes:
    """A resume set in a narrow column (x 50 to about 250): rows of (x, text) 13 pt apart."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    pdf.setFont("Helvetica", 10)
    y = 800
    for x, line in rows:
        pdf.drawString(x, y, line)
        y -= 13
    pdf.save()
    return buf.getvalue()


def test_a_header_wrapped_by_a_narrow_column_is_one_line():
    rows = [
        (50, "Tomasz Wielgosz"),
        (50, "tomasz.w@example.org"),
        (50, ""),
        (50, "EXPERIENCE"),
        (50, "Executive Assistant, Quarrendon Holdings"),
        (50, "Private Limited"),
        (50, "Sep 2019 – Mar 2023"),
        (62, "• Ran the diaries of three directors and the"),
        (62, "   board's travel for the whole of the group"),
        (50, "Office Coordinator at Talvio Messtechnik"),
        (50, "Jan 2016 – Aug 2019"),
        (62, "• Kept the filing system for six internal teams"),
        (50, ""),
        (50, "EDUCATION"),
        (50, "Master of Arts in Land Surveying, College of"),
        (50, "Kestrel Bay"),
        (50, "Bachelor of Science in Geography, Orvell"),
        (50, "University"),
    ]
    parsed = parse_resume(_narrow_pdf(rows), filename="resume.pdf")
    assert [(w.position, w.name) for w in parsed.resume.work] == [
        ("Executive Assistant", "Quarrendon Holdings Private Limited"),
        ("Office Coordinator", "Talvio Messtechnik"),
    ]
    assert [e.institution for e in parsed.resume.education][:1] == ["College of Kestrel Bay"]


def test_an_employer_on_its_own_line_under_a_long_title_stays_apart():
    rows = [
        (50, "Tomasz Wielgosz"),
        (50, "tomasz.w@example.org"),
        (50, ""),
        (50, "EXPERIENCE"),
        (50, "Sep 2019 – Mar 2023"),
        (50, "Senior Field Service Engineer, Northern Region"),
        (50, "Orvex Prüftechnik Service GmbH"),
        (62, "• Wartung der Prüfstände bei Kunden im Norden"),
        (62, "• Planung der Einsätze für ein Team von acht"),
    ]
    parsed = parse_resume(_narrow_pdf(rows), filename="resume.pdf")
    assert [(w.position, w.name) for w in parsed.resume.work] == [
        ("Senior Field Service Engineer", "Orvex Prüftechnik Service GmbH")
    ]


def test_a_section_name_carried_over_by_a_narrow_column_is_no_heading():
    # "Networks" names a section elsewhere; here it is the rest of the employer's name.
    rows = [
        (50, "Tomasz Wielgosz"),
        (50, "tomasz.w@example.org"),
        (50, ""),
        (50, "EXPERIENCE"),
        (50, "CUSTOMER SUCCESS LEAD at Quarrendon Grid"),
        (50, "Networks"),
        (50, "SEP 2022 - PRESENT | Dorrington"),
        (62, "• Ran health scores for ninety enterprise accounts"),
        (50, "Relationship Building, Strategic Planning, Quota"),
        (50, "Attainment, Renewals"),
        (50, "ONBOARDING LEAD / ACCOUNT MANAGER at Orvex"),
        (50, "Cloud"),
        (50, "FEB 2020 - AUG 2022"),
        (62, "• Standardised the onboarding playbooks"),
    ]
    parsed = parse_resume(_narrow_pdf(rows), filename="resume.pdf")
    assert [s.kind for s in parsed.sections].count("experience") == 1
    assert [(w.position, w.name) for w in parsed.resume.work] == [
        ("CUSTOMER SUCCESS LEAD", "Quarrendon Grid Networks"),
        ("ONBOARDING LEAD / ACCOUNT MANAGER", "Orvex Cloud"),
    ]


def test_a_dash_glued_to_the_title_still_sets_the_place_apart():
    parsed = parse_resume(
        "Tomasz Wielgosz\ntomasz.w@example.org\n\nEXPERIENCE\nQUARRENDON HOLDINGS AB, Pharmacy Manager— Uppsala\n"
        "Mar 2019 – Jan 2023\n• Ran the dispensary for three clinics\n".encode(),
        filename="cv.txt",
    )
    assert [(w.position, w.name) for w in parsed.resume.work] == [("Pharmacy Manager", "QUARRENDON HOLDINGS AB")]


def test_a_title_the_column_cut_after_its_first_words_is_read_whole():
    # "Employer — Title" lines in a narrow column: the title runs on to the next line
    # ("… — Internet" over "Programmer"), which is no title of an entry of its own.
    B, R = "Helvetica-Bold", "Helvetica"
    items = [(60, 40, "Wiebke Sommer", B, 18), (60, 60, "wiebke.sommer@example.org", R, 10), (60, 90, "EXPERIENCE", B, 11)]
    y = 110
    for org, cut, rest, dates in (
        ("Tamarisk Data Analytics", "Internet", "Programmer", "2023-04 -- 2023-11"),
        ("Kettlewood and Brandt", "Graduate Platform", "Engineer", "2022-01 -- 2022-07"),
    ):
        items += [(60, y, f"{org} — {cut}", B, 11), (60, y + 14, rest, B, 11), (60, y + 28, dates, R, 10)]
        items += [(60, y + 42, "– Moved the billing jobs to a queue and", R, 10),
                  (60, y + 56, "cut the nightly run to forty minutes", R, 10)]
        y += 80
    items += [(60, y, "EDUCATION", B, 11), (60, y + 20, "B.Sc. Informatics, Hochschule Emden, 2021", R, 10)]
    work = parse_resume(_pdf(items)).resume.work
    assert [(w.name, w.position) for w in work] == [
        ("Tamarisk Data Analytics", "Internet Programmer"),
        ("Kettlewood and Brandt", "Graduate Platform Engineer"),
    ]
