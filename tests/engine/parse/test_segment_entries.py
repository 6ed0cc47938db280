"""Labelled lines inside a list of entries ("Skills: …" under each job) stay in their entry."""

from __future__ import annotations

from resumeiq.engine import extract_text, parse_resume, segment_sections

RESUME = """Noor Haddad
noor.haddad@example.net

EXPERIENCE
Firmware Engineer, Baltic Motion Systems
March 2021 – Present
Wrote the motor control loop for a conveyor drive.
Skills: Embedded C, FreeRTOS, CAN bus
Test Engineer, Harbourline Instruments
June 2018 – February 2021
Built a bench for testing pressure sensors.
Skills: Python, LabVIEW

SKILLS
Soldering, Oscilloscopes
"""


def test_a_skills_line_under_each_job_does_not_end_the_experience_section():
    doc = extract_text(RESUME.encode(), filename="cv.txt")
    sections = segment_sections(doc)

    experience = next(s for s in sections if s.kind == "experience")
    assert "Harbourline Instruments" in doc.text[experience.start : experience.end]
    # The last job's line has no dated entry below it: it may open a skills section, as it does.
    assert sections[-1].heading == "SKILLS"
    work = parse_resume(RESUME.encode(), filename="cv.txt").resume.work
    assert [(w.position, w.name, w.startDate, w.endDate) for w in work] == [
        ("Firmware Engineer", "Baltic Motion Systems", "2021-03", None),
        ("Test Engineer", "Harbourline Instruments", "2018-06", "2021-02"),
    ]


def test_an_inline_skills_section_after_the_last_job_is_still_a_section():
    text = RESUME.replace("\nSKILLS\nSoldering, Oscilloscopes\n", "").replace(
        "Skills: Python, LabVIEW", "Built a second bench for flow meters.\n\nSkills: Python, LabVIEW"
    )
    sections = segment_sections(extract_text(text.encode(), filename="cv.txt"))

    assert [s.kind for s in sections if s.heading][-1] == "skills"
    assert sections[-1].kind == "skills"


def test_a_category_named_like_its_section_in_smaller_type_makes_no_heading_look():
    """Under SKILLS a category is called "Skills" in body type. Taken as a heading, its look (the
    body's) would make every short body line a heading: job titles, degree fields."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    rows = [
        ("Greta Holm", 30),
        ("About", 16),
        ("People partner for growing teams in two countries.", 13),
        ("Experience", 16),
        ("Fjordline Shipping AS", 16),
        ("May 2020 - Present", 13),
        ("HR Generalist", 13),
        ("Cut time-to-hire by 12 days across all offices", 13),
        ("Ran the yearly engagement survey for 400 staff", 13),
        ("Skills", 16),
        ("Tools", 13),
        ("Workday, Excel, Greenhouse", 13),
        ("Skills", 13),
        ("Coaching, Payroll, Employment Law", 13),
    ]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = 60
    for text, size in rows:
        y += size + 10
        c.setFont("Helvetica", size)
        c.drawString(40, A4[1] - y, text)
    c.showPage()
    c.save()

    parsed = parse_resume(buf.getvalue(), filename="cv.pdf")

    assert [s.kind for s in parsed.sections] == ["header", "summary", "experience", "skills"]
    assert [(w.position, w.name) for w in parsed.resume.work] == [("HR Generalist", "Fjordline Shipping AS")]


def test_the_wrapped_lines_of_a_skills_line_under_a_job_are_no_header_of_the_next_job():
    text = RESUME.replace(
        "Skills: Embedded C, FreeRTOS, CAN bus",
        "Skills: Embedded C, FreeRTOS, CAN bus, Motor Control, PID Tuning,\nOscilloscopes, Logic Analysers",
    )
    work = parse_resume(text.encode(), filename="cv.txt").resume.work

    assert [(w.position, w.name, w.startDate) for w in work] == [
        ("Firmware Engineer", "Baltic Motion Systems", "2021-03"),
        ("Test Engineer", "Harbourline Instruments", "2018-06"),
    ]


def test_a_heading_word_under_an_entrys_dates_in_the_entries_type_is_its_title():
    """Headings at 18 pt, entries at 11 pt: "Research" right under "03/2019 – 08/2019", set like the
    dates, is the title of that entry, not a section of its own (nor a look other lines copy)."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = A4[1]

    def line(x, dy, text, font="Helvetica", size=11):
        nonlocal y
        y -= dy
        c.setFont(font, size)
        c.drawString(x, y, text)

    line(40, 50, "Ilse Vandermeer", "Helvetica-Bold", 22)
    line(40, 20, "ilse.vandermeer@example.org")
    line(40, 40, "EXPERIENCE", "Helvetica-Bold", 18)
    line(40, 28, "09/2020 – 06/2022", "Helvetica-Bold")
    line(40, 15, "Process Engineer", "Helvetica-Bold")
    line(40, 15, "Kessler Werke GmbH")
    line(50, 15, "• Tuned the curing ovens of two lines")
    line(40, 25, "03/2019 – 08/2019", "Helvetica-Bold")
    line(40, 15, "Research", "Helvetica-Bold")
    line(40, 15, "Lindholm Polymer Lab")
    line(50, 15, "• Measured the creep of 40 resin samples")
    line(40, 25, "10/2017 – 02/2019", "Helvetica-Bold")
    line(40, 15, "Lab Assistant", "Helvetica-Bold")
    line(40, 15, "Ostmark Chemicals")
    line(50, 15, "• Prepared the weekly titrations")
    line(40, 40, "EDUCATION", "Helvetica-Bold", 18)
    line(40, 28, "BSc Chemistry, University of Tessel", "Helvetica-Bold")
    c.save()
    parsed = parse_resume(buf.getvalue(), filename="ilse.pdf")
    assert [s.kind for s in parsed.sections if s.kind != "header"] == ["experience", "education"]
    assert [(w.name, w.startDate, w.endDate) for w in parsed.resume.work] == [
        ("Kessler Werke GmbH", "2020-09", "2022-06"),
        ("Lindholm Polymer Lab", "2019-03", "2019-08"),
        ("Ostmark Chemicals", "2017-10", "2019-02"),
    ]


def test_the_name_under_a_margin_heading_read_first_is_the_candidates():
    """A heading in the left margin level with the name ("Professional Summary:" beside it) is
    read before the name: the name and the contact line under it are still the header's."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    top = A4[1]

    def put(x, y, text, font="Helvetica", size=10.5):
        c.setFont(font, size)
        c.drawString(x, top - y, text)

    put(180, 40, "Harrogate, UK")
    put(40, 72, "Professional", "Helvetica-Bold", 11.5)
    put(40, 86, "Summary:", "Helvetica-Bold", 11.5)
    put(180, 80, "Wren Abernathy", "Helvetica-Bold", 20.5)
    put(180, 98, "+44 1423 555 0188 / wren.abernathy@example.org")
    put(180, 114, "Payroll officer with four years of monthly runs for a hotel group.")
    put(40, 150, "Professional", "Helvetica-Bold", 11.5)
    put(40, 164, "Experience:", "Helvetica-Bold", 11.5)
    put(180, 150, "Payroll Officer | Dalesend Hotels | Mar 2021 - Present")
    put(190, 166, "• Ran the monthly payroll for 420 staff")
    put(180, 190, "Payroll Assistant | Knaresby Foods | Jan 2019 - Feb 2021")
    put(190, 206, "• Checked 300 timesheets a week")
    c.save()
    parsed = parse_resume(buf.getvalue(), filename="wren.pdf")
    basics = parsed.resume.basics
    assert basics.name == "Wren Abernathy"
    assert basics.email == "wren.abernathy@example.org"
    assert basics.summary == "Payroll officer with four years of monthly runs for a hotel group."
