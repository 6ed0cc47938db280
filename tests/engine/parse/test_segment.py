"""Segment stage: lines of a built document → sections with canonical kinds."""

from __future__ import annotations

import pytest

from resumeiq.engine import extract_text, segment_sections
from resumeiq.engine.parse.segment import heading_kind, normalize_heading


def _sections(text: str, filename: str = "resume.txt"):
    doc = extract_text(text.encode(), filename=filename)
    return doc, segment_sections(doc)


def _kinds(sections) -> list[str]:
    return [s.kind for s in sections]


STANDARD = ["header", "summary", "experience", "education", "skills"]


@pytest.mark.parametrize("fixture", ["resume_pdf_bytes", "resume_docx_bytes", "two_column_pdf_bytes"])
def test_built_files_split_into_their_sections(request, fixture):
    doc = extract_text(request.getfixturevalue(fixture))
    sections = segment_sections(doc)
    kinds = _kinds(sections)
    if fixture == "two_column_pdf_bytes":
        assert kinds == ["header", "personal", "skills", "languages", "experience", "education"]
    else:
        assert kinds == STANDARD
    header = sections[0]
    assert header.heading is None and "Maria Gonzalez" in doc.text[header.start : header.end]


def test_sections_cover_their_bodies_in_order(resume_txt):
    doc, sections = _sections(resume_txt)
    assert _kinds(sections) == STANDARD
    for before, after in zip(sections, sections[1:], strict=False):
        assert before.end <= after.start
        assert before.end_line == after.first_line - (0 if after.heading is None else 1)
    experience = sections[2]
    assert doc.text[experience.heading_span[0] : experience.heading_span[1]] == "EXPERIENCE"
    body = doc.text[experience.start : experience.end]
    assert body.startswith("Senior Data Analyst, Acme Corp") and body.endswith("automated checks.")
    assert "EDUCATION" not in body


@pytest.mark.parametrize(
    "heading, kind",
    [
        ("Work History", "experience"),
        ("Professional Experience", "experience"),
        ("EMPLOYMENT", "experience"),
        ("Education & Training", "education"),
        ("Technical Skills", "skills"),
        ("Certifications", "certificates"),
        ("Languages", "languages"),
        ("Projects", "projects"),
        ("Professional Summary", "summary"),
        ("E X P E R I E N C E", "experience"),
        ("## Work Experience:", "experience"),
        ("SKILLS:", "skills"),
    ],
)
def test_heading_synonyms_map_to_one_kind(heading, kind):
    assert heading_kind(heading) == kind


@pytest.mark.parametrize("text", ["Senior Data Analyst", "Acme Corp", "Python, SQL, Tableau", "Jan 2020 – Present"])
def test_ordinary_lines_are_not_headings(text):
    assert heading_kind(text) is None


def test_normalize_heading_strips_decoration_and_spacing():
    assert normalize_heading("— W O R K   H I S T O R Y —") == "work history"
    assert normalize_heading("Skills & Tools:") == "skills and tools"


def _inline_skills(keywords: str):
    return _sections(
        "Maria Gonzalez\nmaria@example.com\n\nEXPERIENCE\nData Analyst, Acme Corp\t2019 – 2022\n"
        f"Skills: {keywords}\n"
    )


def test_inline_heading_starts_its_section_on_the_same_line():
    doc, sections = _inline_skills("Python, SQL, data modelling")
    assert _kinds(sections) == ["header", "experience", "skills"]
    skills = sections[-1]
    assert skills.heading == "Skills"
    assert doc.text[skills.start : skills.end] == "Python, SQL, data modelling"


def test_inline_heading_with_capitalised_keywords_starts_a_section():
    doc, sections = _inline_skills("Python, SQL, Tableau")
    assert _kinds(sections) == ["header", "experience", "skills"]
    assert doc.text[sections[-1].start : sections[-1].end] == "Python, SQL, Tableau"


def test_underlined_headings_and_rules_are_not_body_text():
    doc, sections = _sections(
        "Maria Gonzalez\n\nExperience\n----------\nData Analyst, Acme Corp\t2019 – 2022\n\n"
        "Education\n==========\nB.A. in Economics, Boston University\t2015 – 2019\n"
    )
    assert _kinds(sections) == ["header", "experience", "education"]
    assert doc.text[sections[1].start : sections[1].end] == "Data Analyst, Acme Corp\t2019 – 2022"


def test_docx_heading_style_marks_an_unknown_section(tmp_path):
    import io

    import docx

    d = docx.Document()
    d.add_heading("Maria Gonzalez", level=0)
    d.add_heading("Experience", level=1)
    d.add_paragraph("Data Analyst, Acme Corp\t2019 – 2022")
    d.add_heading("Volunteering", level=1)
    d.add_paragraph("Tutor at the public library on weekends, teaching adults to use spreadsheets.")
    buf = io.BytesIO()
    d.save(buf)
    doc = extract_text(buf.getvalue())
    sections = segment_sections(doc)
    assert [(s.kind, s.heading) for s in sections][1:] == [("experience", "Experience"), (sections[2].kind, "Volunteering")]
    assert "Tutor" not in doc.text[sections[1].start : sections[1].end]


def test_text_without_headings_is_all_header():
    doc, sections = _sections("Maria Gonzalez\nmaria@example.com\nI analyse data.\n")
    assert _kinds(sections) == ["header"]
    assert sections[0].first_line == 0 and sections[0].end_line == len(doc.lines)


@pytest.mark.parametrize(
    "wrapped",
    [
        "Planned and led community outreach and fundraising\nactivities.\nOrganised a food drive.",
        "Coordinated the school's sports, music and PTA\nactivities\nRan the parents' evening.",
        "Looking for a team where I can grow my skills and my\nexperience\nin retail.",
        "Planned joint lessons with the drama teacher so that seniors could combine\nEnglish and Theatre Studies.\nDirected the spring play.",
    ],
)
def test_wrapped_sentence_ends_are_not_headings(wrapped):
    _, sections = _sections("Maria Gonzalez\nmaria@example.com\n\nEXPERIENCE\nTeacher, Hill School\t2019 – 2021\n" + wrapped + "\n")
    assert _kinds(sections) == ["header", "experience"]


def test_lower_case_headings_of_a_theme_are_headings():
    _, sections = _sections(
        "Maria Gonzalez\nmaria@example.com\nsocial network analyst\n\neducation\nMSc Statistics, Paris 2009\n\n"
        "experience\nAnalyst, Kelkoo\t2010 – 2012\n"
    )
    assert _kinds(sections) == ["header", "education", "experience"]


@pytest.mark.parametrize("heading, kind", [("W ORK E XPERIENCE", "experience"), ("E DUCATION", "education")])
def test_small_capitals_headings(heading, kind):
    assert heading_kind(heading) == kind


def test_heading_run_into_the_first_entry_of_a_missing_section():
    doc, sections = _sections(
        "Maria Gonzalez\nmaria@example.com\n\nSkills\nC#, Java, SQL\n"
        "Experience Bellweather Studios Group March 2011 - Present\nLead Game Developer\n"
    )
    assert _kinds(sections) == ["header", "skills", "experience"]
    assert doc.text[sections[-1].start :].startswith("Bellweather Studios")


@pytest.mark.parametrize("line", ["Education Coordinator, Tidewater Family Health 2014 - 2016", "Experience Designer 2019 - 2021"])
def test_roles_starting_with_a_heading_word_are_not_headings(line):
    _, sections = _sections(f"Maria Gonzalez\nmaria@example.com\n\nSkills\nC#, Java, SQL\n{line}\n")
    assert _kinds(sections) == ["header", "skills"]


@pytest.mark.parametrize("heading", ["Academic career", "Faculty Positions", "Previous Positions"])
def test_career_and_positions_headings(heading):
    assert heading_kind(heading) == "experience"


def test_labels_in_the_body_beside_margin_headings_are_no_headings():
    # Headings set in a left margin rail; each job carries bold labels ("Work Profile",
    # "Tech stack: …") in the body lane: parts of the job, not sections of their own.
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from resumeiq.engine import parse_resume

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = [60.0]

    def put(x, text, font="Helvetica", size=10, step=14):
        c.setFont(font, size)
        c.drawString(x, A4[1] - y[0], text)
        y[0] += step

    put(60, "Selin Korhan", "Helvetica-Bold", 18, 24)
    put(60, "selin.korhan@example.org · +90 501 555 01 23 · Izmir, Turkey", step=26)
    put(60, "Education", "Helvetica-Bold", 10, 0)
    put(150, "B.Sc. - Computer Engineering — Ege Polytechnic (2010 to 2014)", step=26)
    put(60, "Experience", "Helvetica-Bold", 10, 0)
    for org, title, dates in (("Marmara Freight", "Backend Developer", "2019 to 2024"), ("Tuzla Data", "Junior Developer", "2014 to 2019")):
        put(150, f"{org} | {title} | {dates}", "Helvetica-Bold", 11)
        if org == "Marmara Freight":  # once: not a label repeated under each job
            put(150, "Work Profile", "Helvetica-Bold", 10, 12)  # in the headings' look
        put(165, "Built the invoice service used by 40 depots", size=9, step=12)
        put(165, "Moved the nightly jobs to a queue", size=9, step=12)
        put(150, "Tech stack: Go, PostgreSQL, Docker", "Helvetica-Bold", 9, 20)
    put(60, "Skills", "Helvetica-Bold", 10, 0)
    put(150, "Go | PostgreSQL | Docker | Kafka")
    c.showPage()
    c.save()
    parsed = parse_resume(buf.getvalue())
    kinds = [s.kind for s in parsed.sections]
    assert kinds[:3] == ["header", "education", "experience"] and "other" not in kinds
    assert [(w.name, w.position) for w in parsed.resume.work] == [
        ("Marmara Freight", "Backend Developer"),
        ("Tuzla Data", "Junior Developer"),
    ]


def test_an_employer_in_capitals_beside_its_date_cell_is_no_heading():
    # Each job a table row: a narrow cell of dates ("DEC 2024–" over "TODAY"), then the
    # employer in bold capitals like the headings, the title and the bullets.
    import io

    from docx import Document

    from resumeiq.engine import parse_resume

    doc = Document()
    doc.add_paragraph("Marit Olsen")
    doc.add_paragraph("marit.olsen@example.org · +61 412 555 019 · Hobart, TAS")
    for heading, rows in (
        ("WORK EXPERIENCE:", [("DEC 2024–", "TODAY", "HARBOURLIGHT CAPITAL", "ASSOCIATE ACCOUNTANT"),
                              ("JUN–", "DEC 2024", "SALAMANCA PRINTING", "JUNIOR STAFF ACCOUNTANT")]),
        ("EDUCATION:", []),
    ):
        doc.add_paragraph().add_run(heading).bold = True
        for start, end, org, title in rows:
            cells = doc.add_table(rows=1, cols=2).rows[0].cells
            cells[0].paragraphs[0].add_run(start)
            cells[0].add_paragraph(end)
            cells[1].paragraphs[0].add_run(org).bold = True
            cells[1].add_paragraph(title)
            cells[1].add_paragraph("Reconciled the bank accounts of four branches", style="List Bullet")
    doc.add_paragraph("B.Com - Accounting, Tasman Polytechnic, 2020")
    buf = io.BytesIO()
    doc.save(buf)
    parsed = parse_resume(buf.getvalue())
    assert [s.kind for s in parsed.sections] == ["header", "experience", "education"]
    assert [w.name for w in parsed.resume.work] == ["HARBOURLIGHT CAPITAL", "SALAMANCA PRINTING"]


@pytest.mark.parametrize("size", [12, 14])
def test_a_tracked_heading_read_with_spaces_at_some_gaps_is_a_heading(size):
    # Courier Bold with letter spacing: pdfium finds a space at some letter gaps only
    # ("Emp l o yme n t H i s t o r y"); the heading is still the work history.
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica-Bold", 18)
    c.drawString(72, 780, "Yara Lindqvist")
    c.setFont("Helvetica", 10)
    c.drawString(72, 762, "yara.lindqvist@example.org")
    c.setFont("Courier-Bold", size)
    c.drawString(72, 730, "Employment History", charSpace=size / 4)
    c.setFont("Helvetica", 10)
    c.drawString(72, 712, "Data Analyst, Norrsken Freight\tMar 2019 – Present")
    c.drawString(72, 698, "• Built the weekly freight dashboards for forty depots.")
    c.showPage()
    c.save()
    doc = extract_text(buf.getvalue())
    assert [s.kind for s in segment_sections(doc)] == ["header", "experience"]


@pytest.mark.parametrize("text", ["WORKEXPERIENCE", "EmploymentHistory", "WO R K E X P E R I E N C E"])
def test_a_heading_run_together_is_known(text):
    assert heading_kind(text) == "experience"


@pytest.mark.parametrize("text", ["ACME", "NORRSKEN", "I am a CEO", "a b c d e f"])
def test_ordinary_words_are_no_run_together_heading(text):
    assert heading_kind(text) is None


def test_a_label_repeated_under_each_job_is_no_section():
    # "Achievements" over each job's bullets, the next job's dated header between the repeats.
    from resumeiq.engine import parse_resume

    jobs = (("QA Engineer, Lakemont Logistics", "Jan 2023 – Apr 2025"), ("Software Tester, Brisk Ferries", "Jun 2020 – Dec 2022"),
            ("Test Analyst, Kettle Bay Foods", "May 2018 – May 2020"))
    text = "Amaka Obi\namaka.obi@example.org\n\nEXPERIENCE\n"
    for head, dates in jobs:
        text += f"{head}\t{dates}\nAchievements\n• Cut the regression run from two days to four hours\n• Wrote the release test plans\n\n"
    text += "EDUCATION\nBSc Computer Science, Harlow College, 2018\n"
    parsed = parse_resume(text.encode(), filename="resume.txt")
    assert [s.kind for s in parsed.sections] == ["header", "experience", "education"]
    assert [w.position for w in parsed.resume.work] == ["QA Engineer", "Software Tester", "Test Analyst"]


def test_projects_repeated_under_jobs_stay_projects():
    # "Projects" under each job lists dated projects of its own: those are no jobs.
    from resumeiq.engine import parse_resume

    text = "Amaka Obi\namaka.obi@example.org\n\nEXPERIENCE\n"
    for head, dates, project in (("QA Engineer, Lakemont Logistics", "Jan 2023 – Apr 2025", "Ferry booking tests"),
                                 ("Software Tester, Brisk Ferries", "Jun 2020 – Dec 2022", "Ticket scanner rollout")):
        text += f"{head}\t{dates}\nProjects\n{project}\t2021 – 2022\n• Wrote the test plans\n\n"
    text += "EDUCATION\nBSc Computer Science, Harlow College, 2018\n"
    parsed = parse_resume(text.encode(), filename="resume.txt")
    assert [s.kind for s in parsed.sections].count("projects") == 2
