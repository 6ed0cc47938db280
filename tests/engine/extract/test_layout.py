"""Reading order of PDF pages: margin rails, date columns and right-aligned stacks.

Each page is drawn with reportlab at known positions (invented people and employers), then read
back with ``extract_text``: the test checks the order and the rail of the lines a person reads.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from resumeiq.engine import extract_text

Item = tuple[float, float, str, str, float]  # x, y from the top, text, font, size
HEIGHT = A4[1]


def _pdf(*pages: list[Item], right_aligned: set[str] = frozenset()) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for items in pages:
        for x, y, text, font, size in items:
            c.setFont(font, size)
            if text in right_aligned:
                c.drawRightString(x, HEIGHT - y, text)
            else:
                c.drawString(x, HEIGHT - y, text)
        c.showPage()
    c.save()
    return buf.getvalue()


def _lines(data: bytes) -> list[tuple[str, str]]:
    doc = extract_text(data)
    return [(doc.line_text(ln), ln.rail) for ln in doc.lines]


B, R = "Helvetica-Bold", "Helvetica"


def test_margin_headings_are_read_before_the_entries_beside_them():
    page = [
        (200, 40, "Ingrid Solvang", B, 20),
        (50, 100, "EXPERIENCE", B, 9),
        (140, 100, "Northwind Freight Ltd, Tromsø", B, 10),
        (140, 113, "Logistics Planner", R, 10),
        (150, 126, "Planned weekly routes for forty trucks across three depots.", R, 9),
        (50, 170, "VOLUNTEER", B, 9),
        (50, 181, "WORK", B, 9),
        (140, 170, "Harbour Rowing Club", B, 10),
        (140, 183, "Treasurer", R, 10),
        (150, 196, "Kept the accounts of a club with two hundred members.", R, 9),
        (50, 240, "EDUCATION", B, 9),
        (140, 240, "University of Bergen", B, 10),
        (140, 253, "Bachelor of Science in Logistics", R, 10),
    ]
    lines = _lines(_pdf(page))
    texts = [t for t, _ in lines]
    assert texts.index("EXPERIENCE") < texts.index("Northwind Freight Ltd, Tromsø") < texts.index("VOLUNTEER")
    assert texts.index("VOLUNTEER") + 1 == texts.index("WORK") < texts.index("Harbour Rowing Club")
    assert texts.index("EDUCATION") < texts.index("University of Bergen")
    rails = {t: rail for t, rail in lines}
    assert rails["EXPERIENCE"] == rails["WORK"] == rails["EDUCATION"] == "left"
    assert rails["Northwind Freight Ltd, Tromsø"] == rails["Ingrid Solvang"] == ""
    # The heading is a line of its own, not glued to the entry on its baseline.
    assert not any("EXPERIENCE" in t and "Northwind" in t for t in texts)


def test_a_date_column_is_read_before_its_entry_and_a_stacked_range_stays_together():
    dates = {"Mar 2019 –", "Present", "2015 – 2019"}
    page = [
        (180, 40, "Tomasz Wierzbicki", B, 20),
        (180, 80, "Experience", B, 14),
        (110, 100, "Mar 2019 –", R, 10),
        (110, 112, "Present", R, 10),
        (125, 100, "Senior Welder, Baltic Hull Works, Gdynia", B, 10),
        (125, 112, "Certified the welding of ballast tanks for six ferries.", R, 10),
        (125, 124, "Trained four apprentices in flux-cored welding.", R, 10),
        (110, 150, "2015 – 2019", R, 10),
        (125, 150, "Welder, Vistula Steelworks, Torun", B, 10),
        (125, 162, "Welded pressure vessels to the customer's drawings.", R, 10),
    ]
    lines = _lines(_pdf(page, right_aligned=dates))
    texts = [t for t, _ in lines]
    first = texts.index("Senior Welder, Baltic Hull Works, Gdynia")
    assert texts[first - 2 : first] == ["Mar 2019 –", "Present"]
    second = texts.index("Welder, Vistula Steelworks, Torun")
    assert texts[second - 1] == "2015 – 2019"
    assert texts.index("Certified the welding of ballast tanks for six ferries.") == first + 1
    assert {rail for t, rail in lines if t in dates} == {"left"}


def test_a_right_aligned_stack_beside_the_bullets_moves_up_to_its_entry():
    right = {"Leeds, UK", "Feb 2021 – present", "3 years 2 months", "Jun 2018 – Jan 2021"}
    page = [
        (200, 40, "Amara Okafor", B, 20),
        (50, 80, "Experience", B, 14),
        (56, 100, "Kestrel Robotics, Controls Engineer", B, 10),
        (545, 100, "Leeds, UK", R, 10),
        (60, 113, "• Tuned the motion controllers of a palletising arm, cutting cycle time", R, 10),
        (545, 113, "Feb 2021 – present", R, 10),
        (68, 126, "by a fifth", R, 10),
        (545, 126, "3 years 2 months", R, 10),
        (60, 139, "• Wrote the safety interlock logic for two production cells", R, 10),
        (56, 170, "Fenwick Mills, Maintenance Technician", B, 10),
        (60, 183, "• Serviced looms and kept downtime under two percent", R, 10),
        (545, 183, "Jun 2018 – Jan 2021", R, 10),
    ]
    texts = [t for t, _ in _lines(_pdf(page, right_aligned=right))]
    header = next(i for i, t in enumerate(texts) if t.startswith("Kestrel Robotics"))
    assert texts[header].endswith("\tLeeds, UK")
    assert texts[header + 1 : header + 3] == ["Feb 2021 – present", "3 years 2 months"]
    assert texts[header + 3].startswith("• Tuned the motion controllers")
    assert "by a fifth" in texts
    # With no stack above it, a date on a bullet line stays where it is printed.
    assert "• Serviced looms and kept downtime under two percent\tJun 2018 – Jan 2021" in texts


def test_a_plain_page_with_hanging_bullets_has_no_rail():
    page = [
        (50, 40, "Lucía Ferreira", B, 20),
        (50, 80, "EXPERIENCE", B, 12),
        (50, 100, "Data Analyst, Atlântico Seguros, Porto", B, 10),
        (50, 113, "•", R, 10),
        (62, 113, "Built the monthly claims dashboard used by twelve branch managers.", R, 10),
        (50, 126, "•", R, 10),
        (62, 126, "Automated the reconciliation of premiums, saving two days a month.", R, 10),
        (50, 160, "EDUCATION", B, 12),
        (50, 180, "Universidade do Minho, Licenciatura em Estatística", R, 10),
    ]
    lines = _lines(_pdf(page))
    assert all(rail == "" for _, rail in lines)
    assert [t for t, _ in lines][:3] == ["Lucía Ferreira", "EXPERIENCE", "Data Analyst, Atlântico Seguros, Porto"]


def test_the_rail_is_measured_over_the_whole_document():
    """Page 2 holds entry headers at x=200 and their descriptions at x=270: the headers are body,
    since the rail of this document is the lane at x=57 that page 1 shows beside them."""
    first = [
        (57, 60, "Work history", B, 14),
        (57, 90, "04/2020 – today", R, 10),
        (200, 90, "Plant Engineer", B, 10),
        (200, 102, "Ostsee Papier GmbH", R, 10),
        (270, 114, "Ran the maintenance plan of two paper machines and their", R, 10),
        (270, 126, "steam supply, with a team of nine fitters and electricians.", R, 10),
        (57, 160, "01/2016 – 03/2020", R, 10),
        (200, 160, "Process Engineer", B, 10),
        (200, 172, "Havel Chemie AG", R, 10),
        (270, 184, "Commissioned a solvent recovery unit and trained the shift", R, 10),
        (270, 196, "operators on its control system and its safety interlocks.", R, 10),
    ]
    second = [
        (57, 60, "09/2013 – 12/2015", R, 10),
        (200, 60, "Trainee", B, 10),
        (200, 72, "Spree Anlagenbau KG", R, 10),
        (200, 84, "Tasks:", B, 10),
        (270, 84, "Drafted piping plans for three water treatment plants and", R, 10),
        (270, 96, "checked the suppliers' drawings against the specifications.", R, 10),
    ]
    lines = _lines(_pdf(first, second))
    rails = dict(lines)
    assert rails["Tasks:\tDrafted piping plans for three water treatment plants and"] == ""
    assert rails["Trainee"] == ""
    assert rails["09/2013 – 12/2015"] == rails["04/2020 – today"] == "left"


def test_running_footers_are_read_once_at_the_end_and_page_numbers_go():
    def page(n: int, body: list[Item]) -> list[Item]:
        footer = [(50, 815, f"eliska.novak@example.cz · Curriculum vitae · updated March 2024 · {n}/2", R, 8)]
        return [*body, *footer, (560, 30, str(n), R, 8)]

    first = page(1, [
        (50, 60, "Eliska Novakova", B, 20),
        (50, 100, "EXPERIENCE", B, 12),
        (50, 120, "Quality Engineer, Morava Glassworks, Brno\t2019 – present", R, 10),
        (60, 133, "Introduced statistical process control on two furnace lines.", R, 10),
    ])
    second = page(2, [
        (50, 60, "EDUCATION", B, 12),
        (50, 80, "Brno University of Technology, Ing. in Materials Engineering\t2013 – 2019", R, 10),
    ])
    doc = extract_text(_pdf(first, second))
    texts = [doc.line_text(ln) for ln in doc.lines]
    footers = [t for t in texts if t.startswith("eliska.novak@example.cz")]
    assert len(footers) == 1 and texts[-1] == footers[0]
    assert doc.lines[-1].style == "HeaderFooter"
    assert "1" not in texts and "2" not in texts
    assert texts.index("EDUCATION") > texts.index("Introduced statistical process control on two furnace lines.")


def test_a_heading_wrapped_in_the_rail_is_one_heading():
    from resumeiq.engine import segment_sections

    page = [
        (200, 40, "Ingrid Solvang", B, 20),
        (50, 100, "EXPERIENCE", B, 9),
        (140, 100, "Northwind Freight Ltd, Tromsø", B, 10),
        (140, 113, "Logistics Planner", R, 10),
        (50, 170, "VOLUNTEER", B, 9),
        (50, 181, "WORK", B, 9),
        (140, 170, "Harbour Rowing Club", B, 10),
        (140, 183, "Treasurer", R, 10),
    ]
    doc = extract_text(_pdf(page))
    headings = [(s.kind, s.heading) for s in segment_sections(doc) if s.heading]
    assert headings == [("experience", "EXPERIENCE"), ("volunteer", "VOLUNTEER WORK")]


def test_letter_spaced_names_and_headings_read_as_words():
    from reportlab.lib.pagesizes import A4 as _A4

    for spacing in (4, 9, 16):
        buf = io.BytesIO()
        c = canvas.Canvas(buf, pagesize=_A4)
        for y, size, space, text in ((60, 20, spacing, "ANNIKA BERG"), (110, 10, spacing / 3, "WORK EXPERIENCE")):
            t = c.beginText(60, HEIGHT - y)
            t.setFont(B, size)
            t.setCharSpace(space)
            t.textLine(text)
            c.drawText(t)
        t = c.beginText(60, HEIGHT - 140)
        t.setFont(R, 10)
        t.setCharSpace(0)
        t.textLine("Warehouse Supervisor at Fjord Cold Storage AS, Bergen, 2019 - 2023")
        c.drawText(t)
        c.showPage()
        c.save()
        texts = [t for t, _ in _lines(buf.getvalue())]
        assert texts[:2] == ["ANNIKA BERG", "WORK EXPERIENCE"], spacing
        assert texts[2] == "Warehouse Supervisor at Fjord Cold Storage AS, Bergen, 2019 - 2023"


def test_collapse_letter_spacing_keeps_ordinary_lines():
    from resumeiq.engine.extract._text import collapse_letter_spacing

    assert collapse_letter_spacing("J A N E   D O E") == "JANE DOE"
    assert collapse_letter_spacing("E X P E R I E N C E") == "EXPERIENCE"
    for line in ("I am a UX designer", "A B testing at scale", "Skills: C, R, Go", "2019 – 2021"):
        assert collapse_letter_spacing(line) == line


def test_a_margin_label_read_with_the_text_beside_it_is_cut_from_it():
    """A right-aligned margin label ("Profile") set close to the paragraph beside it comes out of
    the PDF as one run with a space in it: the run is cut where the body begins."""
    page = [
        (200, 40, "Ingrid Solvang", B, 20),
        (50, 100, "EXPERIENCE", B, 9),
        (140, 100, "Northwind Freight Ltd, Tromsø", B, 10),
        (140, 113, "Logistics Planner", R, 10),
        (150, 126, "Planned weekly routes for forty trucks across three depots.", R, 9),
        (130, 150, "Profile", B, 10),
        (140, 150, "Reliable planner of cold-chain transport.", R, 10),
        (140, 163, "Known for calm handovers between shifts.", R, 10),
    ]
    lines = _lines(_pdf(page, right_aligned={"Profile"}))
    assert ("Profile", "left") in lines
    assert ("Reliable planner of cold-chain transport.", "") in lines


def test_a_sparse_left_lane_of_headings_and_dates_is_a_rail_not_a_column():
    """A short resume: headings in bigger type and dates in a left lane, each level with a body
    line and spaced far apart. Read as a column, every heading would come before all the text;
    read as a rail, each stands before the lines it labels."""
    head, small = 16, 9
    page = [
        (250, 45, "Oskar Lindgren", B, 22),
        (60, 110, "Contact", R, head),
        (215, 106, "Email  oskar.lindgren@example.se", R, 12),
        (215, 124, "Phone  +46 70 123 45 67", R, 12),
        (60, 170, "Skills", R, head),
        (215, 166, "Tools: Excel, Power BI, SAP", R, 12),
        (215, 184, "Methods: Lean, Six Sigma", R, 12),
        (60, 230, "Experience", R, head),
        (215, 226, "Supply Planner at Nordvik Pumps AB", R, 12),
        (60, 250, "2021-04 to Present", R, small),
        (215, 244, "Planned spare parts for a pump maker.", R, 12),
        (240, 262, "Cut stock-outs by a third in one year", R, 12),
        (240, 280, "Moved forecasting from spreadsheets to SAP", R, 12),
        (215, 310, "Buyer at Lyngby Steel A/S", R, 12),
        (60, 314, "2018-02 to 2021-03", R, small),
        (240, 328, "Bought sheet steel for two plants", R, 12),
        (60, 376, "Education", R, head),
        (215, 372, "Chalmers Institute of Planning", R, 12),
        (60, 394, "2014-09 to 2017-06", R, small),
        (240, 390, "Bachelor of Science: Industrial Economics", R, 12),
        (60, 440, "Languages", R, head),
        (215, 436, "Swedish  Native", R, 12),
        (215, 454, "English  Fluent", R, 12),
    ]
    lines = [text for text, _ in _lines(_pdf(page))]

    assert lines[:3] == ["Oskar Lindgren", "Contact", "Email oskar.lindgren@example.se"]
    # A label beside a pair of lines is read before that pair, not before the lines above a gap.
    assert lines.index("Phone +46 70 123 45 67") < lines.index("Skills") < lines.index("Tools: Excel, Power BI, SAP")
    assert lines.index("Experience") < lines.index("Supply Planner at Nordvik Pumps AB")
    assert lines.index("Methods: Lean, Six Sigma") < lines.index("Experience")
    assert lines.index("Bought sheet steel for two plants") < lines.index("Education") < lines.index("Chalmers Institute of Planning")
    assert lines.index("English Fluent") > lines.index("Languages")
    assert ("Education", "left") in _lines(_pdf(page))


def test_a_short_table_of_rows_is_read_across_not_as_columns():
    """A languages table on a page of its own ("Polish · Mother tongue"): each right-hand item
    sits on the baseline of its left-hand item, so the page is rows, not two columns."""
    rows = [("Polish", "Mother tongue"), ("French", "Fluent, C1 certificate"),
            ("Italian", "Conversational, B1 level"), ("Dutch", "Basic reading only")]
    items: list[Item] = [(62, 60, "Languages", B, 16)]
    for k, (lang, level) in enumerate(rows):
        items += [(218, 90 + 16 * k, lang, R, 11), (368, 90 + 16 * k, level, R, 11)]
    items += [(62, 200, "Interests", B, 16), (218, 230, "Climbing and long-distance cycling", R, 11)]
    doc = extract_text(_pdf(items))
    assert (doc.layout.columns, doc.layout.column_pages) == (1, 0)
    texts = [" ".join(doc.line_text(ln).split()) for ln in doc.lines]
    assert texts.index("Polish Mother tongue") < texts.index("French Fluent, C1 certificate")


def test_a_sidebar_on_the_body_line_grid_is_its_own_column():
    # Contact details, skills and languages set at x 400 on the same baselines as the body's
    # lines: a sidebar (few of its lines dated), read after the body, not spliced into its lines.
    body = [
        "Ilse Marwood", "Senior Hydrologist", "EXPERIENCE", "Corran Water Board — Senior Hydrologist",
        "Mar 2019 to Now", "Modelled river flows for the northern catchments", "Ran flood drills with the",
        "county emergency teams every spring", "Talvio Surveys — Hydrologist", "Jun 2015 to Feb 2019",
        "Mapped groundwater wells across two counties", "Trained four junior field staff",
        "EDUCATION", "Harrowgate University — MSc Hydrology",
    ]
    side = [
        "DETAILS", "Phone: 0161 496 0733", "ilse.marwood@example.org", "Address: Kestrel Bay", "SKILLS",
        "HEC-RAS, ArcGIS,", "Python, Flood", "Modelling, Field", "Survey", "LANGUAGES", "German — Native",
        "English — Fluent", "Dutch — Basic",
    ]
    items = [(60, 60 + 14 * k, t, R, 10) for k, t in enumerate(body)]
    items += [(400, 60 + 14 * k, t, R, 10) for k, t in enumerate(side)]
    lines = [text for text, _rail in _lines(_pdf(items))]
    assert lines.index("Modelled river flows for the northern catchments") < lines.index("HEC-RAS, ArcGIS,")
    assert not any("\t" in text for text in lines)
    assert lines.index("Dutch — Basic") > lines.index("Harrowgate University — MSc Hydrology")


def test_dates_beside_their_titles_stay_on_their_lines():
    # A title/date table: every right-hand line dated, on its title's baseline.
    rows = [("Senior Hydrologist, Corran Water Board", "2019 – 2024"), ("Hydrologist, Talvio Surveys", "2015 – 2019")] * 7
    items = []
    for k, (left, right) in enumerate(rows):
        items += [(60, 60 + 14 * k, left, R, 10), (400, 60 + 14 * k, right, R, 10)]
    lines = [text for text, _rail in _lines(_pdf(items))]
    assert lines[0] == "Senior Hydrologist, Corran Water Board\t2019 – 2024"


def _two_columns(side_x: float, side: list[str], pitch: float = 14) -> list[Item]:
    body = [
        "Tobin Achterberg", "Planning Officer", "EXPERIENCE", "Planning Officer, Veldhoven Council | Eindhoven",
        "Apr 2020 -- Mar 2024", "- Drafted the zoning plans for four districts", "- Ran the public hearings on",
        "the new cycle routes", "Assistant Planner, Brabant Housing | Tilburg", "Sep 2016 -- Mar 2020",
        "- Surveyed two thousand homes", "- Wrote the yearly housing report", "- Kept the survey database",
        "EDUCATION", "MSc Urban Planning, Delft Polytechnic",
    ]
    items = [(60, 60 + 14 * k, t, R, 10) for k, t in enumerate(body)]
    items += [(side_x, 102 + pitch * k, t, R, 9) for k, t in enumerate(side) if t]
    return items


def test_a_short_column_set_flush_left_on_the_body_grid_is_a_column():
    # Seven lines of languages, certificates and skills at x 330, each on a body line's baseline:
    # too few for a sidebar by count, but flush left and ragged right as a column of text is.
    side = ["LANGUAGES", "Dutch — Native", "English — Fluent", "", "CERTIFICATES",
            "Certified Planner, Planning Guild (2021)", "", "SKILLS", "GIS · AutoCAD · Public consultation"]
    lines = [text for text, _rail in _lines(_pdf(_two_columns(330, side)))]
    assert lines.index("Apr 2020 -- Mar 2024") == lines.index("Planning Officer, Veldhoven Council | Eindhoven") + 1
    assert not any("\t" in text for text in lines)


def test_a_right_bar_is_read_after_the_body_that_runs_on_to_the_next_page():
    side = ["CONTACT", "tobin.achterberg@example.org", "+31 6 5550 1234", "", "SKILLS", "GIS, AutoCAD,",
            "Public consultation,", "Zoning law", "", "LANGUAGES", "Dutch — Native", "English — Fluent"]
    page2 = [(60, 60, "Intern, Stadsbouw Groep | Breda", R, 10), (60, 74, "Jun 2015 -- Aug 2015", R, 10),
             (60, 88, "- Drew the street plans of one quarter", R, 10)]
    lines = [text for text, _rail in _lines(_pdf(_two_columns(400, side, pitch=12), page2))]
    assert lines.index("Intern, Stadsbouw Groep | Breda") == lines.index("MSc Urban Planning, Delft Polytechnic") + 1
    assert lines.index("English — Fluent") > lines.index("- Drew the street plans of one quarter")


def test_two_columns_under_a_header_centred_across_the_gutter():
    # The name, headline and contact lines are centred over both columns, each crossing the
    # gutter: the header is read first, then the columns one after the other.
    from reportlab.pdfbase.pdfmetrics import stringWidth

    header = ["Ines Valcarce", "Senior Product Lead in marketplaces and pricing", "Phone: 612 555 044 · Address: Teruel, Spain",
              "E-mail: ines.valcarce@example.org", "LinkedIn: linkedin.com/in/ines-valcarce-teruel"]
    left = ["EXPERIENCE", "Product Lead en Cierzo Digital", "06/2021 – Actualidad", "• Ran the pricing reviews",
            "• Cut the release cycle from six", "weeks to two", "Product Analyst en Moncayo Datos", "06/2017 – 06/2021",
            "• Built the churn dashboards", "• Wrote the quarterly market notes", "Intern en Ebro Labs",
            "06/2016 – 09/2016", "• Tested the checkout flow"]
    right = ["EDUCATION", "Universidad de Teruel", "Computer Science (B.Tech)", "04/2012 – 01/2016", "",
             "SKILLS", "Jira; Stakeholder Management;", "Product Discovery; Pricing"]
    gutter = (60 + max(stringWidth(t, R, 10) for t in left) + 330) / 2
    items: list[Item] = []
    for k, text in enumerate(header):
        font = B if k == 0 else R
        items.append((gutter - stringWidth(text, font, 10) / 2, 40 + 14 * k, text, font, 10))
    items += [(60, 130 + 14 * k, t, R, 10) for k, t in enumerate(left)]
    items += [(330, 130 + 14 * k, t, R, 10) for k, t in enumerate(right) if t]
    lines = [text for text, _rail in _lines(_pdf(items))]
    assert lines[:5] == header
    assert lines.index("06/2021 – Actualidad") == lines.index("Product Lead en Cierzo Digital") + 1
    assert lines.index("Universidad de Teruel") > lines.index("• Tested the checkout flow")


def test_tracking_read_with_a_space_at_some_gaps_is_one_word():
    from resumeiq.engine.extract._text import collapse_letter_spacing

    assert collapse_letter_spacing("Emp l o yme n t  His t o ry") == "Employment History"
    assert collapse_letter_spacing("Emp l o yme n t") == "Employment"
    for line in ("I am a CEO", "Work at A B C", "Skills: C, R, Go", "Data Analyst at Fjord AB"):
        assert collapse_letter_spacing(line) == line


def _timeline_page() -> list[Item]:
    """A timeline: headings, the summary and the dates at the margin (x=42), the entries indented
    (x=160), each range wrapped in its narrow column, one line level with its bullet."""
    return [
        (42, 40, "Odile Marchetti", B, 20),
        (42, 60, "odile.marchetti@example.net", R, 10),
        (42, 90, "SUMMARY", B, 13),
        (42, 108, "Warehouse lead who keeps forty pickers busy and the dock on time, season after season.", R, 10),
        (42, 140, "RELEVANT EXPERIENCE", B, 13),
        (42, 160, "March", R, 11),
        (42, 174, "2021-Present", R, 11),
        (160, 160, "Shift Lead", R, 11),
        (160, 174, "Ostrava Cold Chain", R, 11),
        (172, 188, "• Cut late dock departures by 30% in one winter", R, 10),
        (172, 202, "• Trained 12 new pickers on the scanners", R, 10),
        (42, 230, "July", R, 11),
        (42, 244, "2017-February", R, 11),
        (42, 258, "2021", R, 11),
        (160, 230, "Picker", R, 11),
        (160, 244, "Brno Parcel Hub", R, 11),
        (172, 258, "• Picked 900 lines a shift at 99.8% accuracy", R, 10),
        (42, 290, "EDUCATION AND TRAINING", B, 13),
        (42, 308, "Vocational Certificate in Logistics, Zlin Technical School   2015-2017", R, 10),
    ]


def test_dates_in_a_timeline_at_the_margin_are_a_rail_read_before_their_entry():
    lines = _lines(_pdf(_timeline_page()))
    texts = [t for t, _ in lines]
    lead = texts.index("Shift Lead")
    assert texts[lead - 2 : lead] == ["March", "2021-Present"]
    picker = texts.index("Picker")
    assert texts[picker - 3 : picker] == ["July", "2017-February", "2021"]
    assert texts[picker + 1] == "Brno Parcel Hub"
    rails = dict(lines)
    assert rails["March"] == rails["2021-Present"] == rails["2021"] == "left" and rails["SUMMARY"] == ""
    assert texts.index("SUMMARY") < texts.index("RELEVANT EXPERIENCE") < texts.index("March")


def test_a_range_wrapped_in_the_timeline_is_read_whole():
    from resumeiq.engine import parse_resume

    work = parse_resume(_pdf(_timeline_page()), filename="odile.pdf").resume.work
    assert [(w.name, w.position, w.startDate, w.endDate) for w in work] == [
        ("Ostrava Cold Chain", "Shift Lead", "2021-03", None),
        ("Brno Parcel Hub", "Picker", "2017-07", "2021-02"),
    ]


def test_short_words_at_the_margin_without_dates_are_no_timeline():
    """Short words at the margin beside indented text (a profile's key words), on a page whose
    body starts at that margin: they hold no date, so they are no timeline rail, and each line is
    read whole, word and text together."""
    page = [
        (42, 40, "Odile Marchetti", B, 20),
        (42, 60, "Warehouse lead who keeps forty pickers busy and the dock on time, season after season.", R, 10),
        (42, 74, "Twelve years on the floor of cold-chain depots, the last five of them as the shift's lead.", R, 10),
        (42, 90, "PROFILE AND VALUES OF MY WORK", B, 13),
        (42, 110, "Calm", R, 10),
        (160, 110, "keeps forty pickers busy through the winter peak", R, 10),
        (42, 124, "Quick", R, 10),
        (160, 124, "turns a late truck round before the next shift", R, 10),
        (42, 138, "Kind", R, 10),
        (160, 138, "trains the new pickers on the scanners herself", R, 10),
        (42, 152, "Exact", R, 10),
        (160, 152, "counts the dock twice and signs for it", R, 10),
    ]
    lines = _lines(_pdf(page))
    assert ("Calm\tkeeps forty pickers busy through the winter peak", "") in lines, lines
    assert not any(rail for _, rail in lines)


def test_a_title_set_as_a_bullet_under_the_timeline_dates_is_the_entrys_title():
    from resumeiq.engine import parse_resume

    page = [
        (42, 40, "Tamsin Okoye", B, 20),
        (42, 60, "tamsin.okoye@example.net", R, 10),
        (42, 100, "EMPLOYMENT RECORD", B, 13),
        (42, 120, "Mar 2023 -", R, 11),
        (42, 134, "Now", R, 11),
        (160, 120, "• Ward Administrator", R, 11),
        (160, 134, "HARBOUR CLINIC, Leeds", R, 11),
        (160, 148, "• Booked 60 outpatient visits a day", R, 10),
        (42, 180, "Aug -", R, 11),
        (42, 194, "Dec 2022", R, 11),
        (160, 180, "• Reception Assistant", R, 11),
        (160, 194, "FELL SURGERY, York", R, 11),
        (160, 208, "• Kept the waiting list for 4 doctors", R, 10),
        (42, 250, "EDUCATION AND TRAINING", B, 13),
        (42, 268, "Certificate in Health Administration, Leeds City College   2021-2022", R, 10),
    ]
    work = parse_resume(_pdf(page), filename="tamsin.pdf").resume.work
    assert [(w.name, w.position, w.startDate, w.endDate) for w in work] == [
        ("HARBOUR CLINIC", "Ward Administrator", "2023-03", None),
        ("FELL SURGERY", "Reception Assistant", "2022-08", "2022-12"),
    ]
