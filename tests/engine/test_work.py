"""Work history: experience section → ``Work`` entries (employer, position, dates, highlights)."""

from __future__ import annotations

import pytest

from resumeiq.engine import parse_resume

HEAD = "Maria Gonzalez\nmaria@example.com\n\nEXPERIENCE\n"


def _work(body: str):
    parsed = parse_resume((HEAD + body).encode(), filename="resume.txt")
    return parsed.document.text, parsed.resume.work


def _summary(work) -> list[tuple]:
    return [(w.position, w.name, w.startDate, w.endDate) for w in work]


@pytest.mark.parametrize("fixture", ["resume_pdf_bytes", "resume_docx_bytes", "resume_txt"])
def test_jobs_of_built_files(request, fixture, person):
    data = request.getfixturevalue(fixture)
    parsed = parse_resume(data.encode() if isinstance(data, str) else data, filename="resume")
    work = parsed.resume.work
    assert _summary(work) == [(j.position, j.company, j.start, j.end) for j in person.jobs]
    assert [w.highlights for w in work] == [list(j.bullets) for j in person.jobs]
    text = parsed.document.text
    for w in work:
        for key, value in (("position", w.position), ("name", w.name)):
            a, b = w.evidence[key]
            assert text[a:b] == value


def test_two_column_pdf_jobs(two_column_pdf_bytes, person):
    work = parse_resume(two_column_pdf_bytes).resume.work
    assert _summary(work) == [(j.position, j.company, j.start, j.end) for j in person.jobs]
    assert len(work[0].highlights) == 2 and work[0].highlights[0].startswith("Built a churn model")


@pytest.mark.parametrize(
    "header",
    [
        "Data Engineer, Initech LLC\tMar 2018 – Aug 2021",
        "Data Engineer at Initech LLC | Mar 2018 – Aug 2021",
        "Data Engineer | Initech LLC | 03/2018 - 08/2021",
        "Initech LLC\nData Engineer\tMarch 2018 to August 2021",
        "Data Engineer\nInitech LLC\t2018-03 – 2021-08",
    ],
    ids=["comma-tab", "at-pipe", "pipes", "company-over-title", "title-over-company"],
)
def test_header_layouts(header):
    _, work = _work(header + "\n• Migrated 40 nightly batch jobs to Airflow.\n")
    assert _summary(work) == [("Data Engineer", "Initech LLC", "2018-03", "2021-08")]
    assert work[0].highlights == ["Migrated 40 nightly batch jobs to Airflow."]


def test_company_city_line_gives_the_location():
    _, work = _work("Acme Corp — Austin, TX\nSenior Data Analyst\tJan 2020 – Present\n• Led a team of 3 analysts.\n")
    assert (work[0].name, work[0].position, work[0].location) == ("Acme Corp", "Senior Data Analyst", "Austin, TX")


@pytest.mark.parametrize("ongoing", ["Present", "Current", "now", "Today"])
def test_ongoing_role_has_no_end_date(ongoing):
    _, work = _work(f"Senior Data Analyst, Acme Corp\tJan 2020 – {ongoing}\n• Led a team of 3 analysts.\n")
    assert work[0].startDate == "2020-01"
    assert work[0].endDate is None
    assert "endDate" not in work[0].evidence


def test_wrapped_bullet_lines_are_joined():
    text, work = _work(
        "Senior Data Analyst, Acme Corp\tJan 2020 – Present\n"
        "• Built a churn model in Python that cut customer attrition by 12% across\n"
        "  four regional markets in two quarters.\n"
        "• Led a team of 3 analysts.\n"
    )
    assert work[0].highlights == [
        "Built a churn model in Python that cut customer attrition by 12% across four regional markets in two quarters.",
        "Led a team of 3 analysts.",
    ]
    a, b = work[0].evidence["highlights.0"]
    assert text[a:b].startswith("Built") and text[a:b].endswith("two quarters.")


def test_prose_under_the_header_is_the_summary():
    _, work = _work(
        "Senior Data Analyst, Acme Corp\tJan 2020 – Present\n"
        "Analytics lead for the pricing team of a retail marketplace with 2 million customers.\n"
        "• Led a team of 3 analysts.\n"
    )
    assert work[0].summary == "Analytics lead for the pricing team of a retail marketplace with 2 million customers."
    assert work[0].highlights == ["Led a team of 3 analysts."]


def test_prose_years_are_not_job_dates():
    _, work = _work(
        "Senior Data Analyst, Acme Corp\tJan 2020 – Present\n"
        "• Replaced the reporting stack that had been in use since 2009 with dbt and Snowflake models.\n"
        "Data Analyst, Globex Corporation\tJun 2016 – Dec 2019\n• Designed 25 dashboards.\n"
    )
    assert _summary(work) == [
        ("Senior Data Analyst", "Acme Corp", "2020-01", None),
        ("Data Analyst", "Globex Corporation", "2016-06", "2019-12"),
    ]


def test_jobs_without_dates_are_anchored_on_titles():
    _, work = _work(
        "Software Engineer\n• Built a billing service in Go.\n• Cut p99 latency by 40%.\n\n"
        "Junior Developer\n• Maintained the internal wiki.\n"
    )
    assert [(w.position, w.startDate, len(w.highlights)) for w in work] == [
        ("Software Engineer", None, 2),
        ("Junior Developer", None, 1),
    ]


def test_undated_jobs_with_title_and_company_are_kept():
    _, work = _work(
        "Software Engineer, Initech LLC\n• Built a billing service in Go.\n• Cut p99 latency by 40%.\n\n"
        "Junior Developer, Hooli Inc\n• Maintained the internal wiki.\n"
    )
    assert [(w.position, w.name, w.startDate) for w in work] == [
        ("Software Engineer", "Initech LLC", None),
        ("Junior Developer", "Hooli Inc", None),
    ]


def test_section_without_jobs_gives_no_work():
    _, work = _work("Open to relocation and to remote roles in data teams.\n")
    assert work == []
