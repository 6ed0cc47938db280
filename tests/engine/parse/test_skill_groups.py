"""The skills section: categories, keyword lists, separators and qualifiers."""

from __future__ import annotations

import pytest

from resumeiq.engine import parse_resume

HEAD = "Maria Gonzalez\nmaria@example.com\n\nSKILLS\n"


def _skills(body: str):
    parsed = parse_resume((HEAD + body).encode(), filename="resume.txt")
    return parsed.document.text, parsed.resume.skills


def _groups(skills) -> list[tuple]:
    return [(g.name, g.keywords) for g in skills]


@pytest.mark.parametrize("fixture", ["resume_pdf_bytes", "resume_txt"])
def test_skills_of_built_files(request, fixture, person):
    data = request.getfixturevalue(fixture)
    skills = parse_resume(data.encode() if isinstance(data, str) else data).resume.skills
    assert _groups(skills) == [(None, list(person.skills))]


def test_docx_skills_table_cells_are_read(resume_docx_bytes, person):
    skills = parse_resume(resume_docx_bytes).resume.skills
    keywords = [k for g in skills for k in g.keywords]
    assert keywords[: len(person.skills)] == list(person.skills)


def test_docx_page_header_does_not_become_skills(resume_docx_bytes, person):
    skills = parse_resume(resume_docx_bytes).resume.skills
    assert [k for g in skills for k in g.keywords] == list(person.skills)


def test_category_lines():
    text, skills = _skills(
        "Programming: Python (5 years), SQL, R\nBI Tools: Tableau; Power BI; MS Excel\nCloud | AWS | GCP\n"
    )
    assert _groups(skills)[:2] == [
        ("Programming", ["Python", "SQL", "R"]),
        ("BI Tools", ["Tableau", "Power BI", "MS Excel"]),
    ]
    group = skills[0]
    a, b = group.evidence["name"]
    assert text[a:b] == "Programming"
    for i, keyword in enumerate(group.keywords):
        a, b = group.evidence[f"keywords.{i}"]
        assert text[a:b] == keyword


def test_category_header_over_a_keyword_line():
    _, skills = _skills("Analytics\nPython, R, SQL\nDatabases\nPostgreSQL, MongoDB, Redis\n")
    assert _groups(skills) == [
        ("Analytics", ["Python", "R", "SQL"]),
        ("Databases", ["PostgreSQL", "MongoDB", "Redis"]),
    ]


def test_programming_languages_category_inside_skills_stays_skills():
    parsed = parse_resume((HEAD + "Languages\nPython, Java, Go\nDatabases\nPostgreSQL, MongoDB, Redis\n").encode())
    assert parsed.resume.languages == []
    assert _groups(parsed.resume.skills) == [
        ("Languages", ["Python", "Java", "Go"]),
        ("Databases", ["PostgreSQL", "MongoDB", "Redis"]),
    ]


def test_bulleted_keywords_and_duplicates():
    _, skills = _skills("• Python\n• SQL\n• python\n• Tableau · Looker · dbt\n")
    assert _groups(skills) == [(None, ["Python", "SQL", "Tableau", "Looker", "dbt"])]


def test_sentences_in_a_skills_section_keep_only_named_skills():
    _, skills = _skills("Experienced with Python and SQL for building reliable reporting pipelines at scale\n")
    keywords = [k for g in skills for k in g.keywords]
    assert {"Python", "SQL"} <= set(keywords)
    assert "Experienced with Python" not in keywords


def test_long_sentences_in_a_skills_section_keep_only_named_skills():
    _, skills = _skills("Comfortable building reliable reporting pipelines in Python, SQL, dbt, Airflow\n")
    assert _groups(skills) == [(None, ["Python", "SQL", "dbt", "Airflow"])]


def test_links_numbers_and_filler_are_not_keywords():
    _, skills = _skills("Python, SQL, 2019, www.example.com, etc.\n")
    assert _groups(skills) == [(None, ["Python", "SQL"])]


def test_keywords_never_have_unbalanced_brackets():
    _, skills = _skills("Tools: Excel (pivot tables), Tableau (certified), Spanish (native)\n")
    for keyword in (k for g in skills for k in g.keywords):
        assert keyword.count("(") == keyword.count(")"), keyword


def test_sentence_pieces_and_wrapped_qualifiers_keep_only_their_skills():
    _, skills = _skills(
        "Kotlin (Less than 1 year), TERRAFORM\n(Less than 1 year), Python\n"
        "Reading contracts, briefing new staff, and negotiation, Agile\n"
    )
    keywords = [k for g in skills for k in g.keywords]
    assert "Kotlin" in keywords and "TERRAFORM" in keywords and "Python" in keywords
    assert "Agile" in keywords
    assert not any(k.lower().startswith(("less", "and ")) or "year" in k.lower() for k in keywords)


def _list_pdf(lines: list[str]) -> bytes:
    """A skills section drawn line by line at x 50 (Helvetica 10), under a contact line that
    reaches further right than the list is set (as a sidebar's e-mail line often does)."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    pdf.setFont("Helvetica", 10)
    y = 800
    contact = "oskar.lindqvist@example.se | +46 70 123 45 67 | Uppsala, Sweden"
    for line in ["Oskar Lindqvist", contact, "", "SKILLS", *lines]:
        pdf.setFont("Helvetica-Bold" if line == "SKILLS" else "Helvetica", 12 if line == "SKILLS" else 10)
        pdf.drawString(50, y, line)
        y -= 13
    pdf.save()
    return buf.getvalue()


def _wrap(text: str, width: float) -> list[str]:
    """``text`` wrapped at spaces to ``width`` points, as a word processor sets it."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, line = [], ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if line and stringWidth(candidate, "Helvetica", 10) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line]


def test_a_keyword_cut_by_the_lines_end_is_read_whole():
    items = [
        "Quality Assurance", "Finite Element Analysis", "Supply Chain Management", "Docker",
        "Time Series Analysis", "Root Cause Analysis", "Strategic Planning", "Lean Manufacturing",
    ]
    for sep in (" | ", " · ", ", "):
        lines = _wrap(sep.join(items), 150)
        # The column cut keywords in two: the test would not test anything otherwise.
        assert any(not line.rstrip().endswith(sep.strip()) for line in lines[:-1]), lines
        skills = parse_resume(_list_pdf(lines), filename="cv.pdf").resume.skills
        assert [k for g in skills for k in g.keywords] == items, (sep, lines)


def test_short_list_lines_that_were_not_wrapped_stay_apart():
    lines = ["Python, SQL", "Docker, Kubernetes", "Terraform, Ansible", "Grafana"]
    skills = parse_resume(_list_pdf(lines), filename="cv.pdf").resume.skills
    assert [k for g in skills for k in g.keywords] == [
        "Python", "SQL", "Docker", "Kubernetes", "Terraform", "Ansible", "Grafana"
    ]
