"""Job titles: title-likeness, O*NET occupation lookup, seniority."""

from __future__ import annotations

import pytest

from resumeiq.engine.parse.titles import Occupation, match_occupation, seniority, title_score


def test_titles_score_above_company_names_and_sentences() -> None:
    titles = [
        "Senior Data Scientist",
        "Software Engineer",
        "Registered Nurse",
        "Staff Accountant",
        "Head of Product",
    ]
    others = [
        "Acme Corp",
        "Globex Inc.",
        "Stanford University",
        "Reduced churn by 15%",
        "Managed a team of engineers to deliver the platform.",
        "New York, NY",
    ]
    lowest_title = min(title_score(t) for t in titles)
    highest_other = max(title_score(o) for o in others)
    assert lowest_title >= 0.8
    assert highest_other <= 0.2
    assert title_score("") == 0.0


def test_title_score_is_bounded_and_deterministic() -> None:
    for text in ["Senior Data Scientist", "x" * 200, "VP of Engineering", "???"]:
        score = title_score(text)
        assert 0.0 <= score <= 1.0
        assert score == title_score(text)


def test_sr_software_engineer_is_a_software_developer() -> None:
    occupation = match_occupation("Sr. Software Engineer")
    assert isinstance(occupation, Occupation)
    assert occupation.code.startswith("15-125")
    assert "Software" in occupation.title


@pytest.mark.parametrize(
    ("title", "code_prefix"),
    [
        ("Registered Nurse", "29-1141"),
        ("Pharmacist", "29-1051"),
        ("Senior Accountant", "13-2011"),
        ("Junior Web Developer", "15-1254"),
        ("Mechanical Engineer", "17-2141"),
        ("Lead Data Scientist", "15-2051"),
    ],
)
def test_match_occupation(title: str, code_prefix: str) -> None:
    occupation = match_occupation(title)
    assert occupation is not None and occupation.code.startswith(code_prefix)


def test_unknown_titles_do_not_match() -> None:
    assert match_occupation("") is None
    assert match_occupation("Acme Corp") is None


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Summer Intern", "intern"),
        ("Jr. Developer", "junior"),
        ("Software Engineer II", "mid"),
        ("Sr. Software Engineer", "senior"),
        ("Principal Engineer", "lead"),
        ("Staff Software Engineer", "lead"),
        ("VP of Engineering", "executive"),
        ("Chief Financial Officer", "executive"),
        ("Software Engineer", None),
        ("Staff Accountant", None),
    ],
)
def test_seniority(title: str, level: str | None) -> None:
    assert seniority(title) == level


@pytest.mark.parametrize("title", ["Co-Founder & CTO", "Co-Founder", "Co-Lead Engineer"])
def test_a_co_prefixed_role_is_a_title_not_a_company(title: str) -> None:
    from resumeiq.engine.parse.titles import title_score

    assert title_score(title) >= 0.5
    assert title_score("Harbour & Co") < 0.5


def test_co_founder_beside_the_company_is_the_position() -> None:
    from resumeiq.engine import parse_resume

    text = "Ilse Brandt\nilse@example.org\n\nEXPERIENCE\nLumen Grid, Co-Founder & CTO\tJune 2021 – present\n• Built the platform\n"
    [work] = parse_resume(text.encode(), filename="cv.txt").resume.work
    assert (work.name, work.position) == ("Lumen Grid", "Co-Founder & CTO")
