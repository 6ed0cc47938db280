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
