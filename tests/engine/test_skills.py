"""Skill matcher: aliases, word boundaries, exact-case rules, spans and categories."""

from __future__ import annotations

import pytest

from resumeiq.engine.skills import SkillHit, canonical_skill, find_skills, skill_category, skill_names


def names(text: str) -> list[str]:
    return [h.name for h in find_skills(text)]


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("k8s", "Kubernetes"),
        ("python", "Python"),
        ("JS", "JavaScript"),
        ("TS", "TypeScript"),
        ("MS Excel", "Microsoft Excel"),
        ("sklearn", "scikit-learn"),
        ("scikit learn", "scikit-learn"),
        ("Postgres", "PostgreSQL"),
        ("GCP", "Google Cloud Platform"),
        ("AWS", "Amazon Web Services"),
        ("NodeJS", "Node.js"),
        ("ReactJS", "React"),
        ("ML", "Machine Learning"),
        ("NLP", "Natural Language Processing"),
        ("EMR", "Electronic Health Records"),
        ("SFDC", "Salesforce"),
        ("Atlassian JIRA", "Jira"),
        ("The MathWorks MATLAB", "MATLAB"),
        ("golang", "Go"),
    ],
)
def test_aliases_resolve(surface: str, canonical: str) -> None:
    assert canonical_skill(surface) == canonical
    assert canonical in skill_names()


def test_unknown_skill_is_none() -> None:
    assert canonical_skill("flibbertigibbet wrangling") is None
    assert skill_category("flibbertigibbet wrangling") is None


def test_alias_hits_report_canonical_name_and_span() -> None:
    text = "Deployed on k8s with Terraform; dashboards in MS Excel."
    hits = find_skills(text)
    assert [h.name for h in hits] == ["Kubernetes", "Terraform", "Microsoft Excel"]
    assert [text[h.start : h.end] for h in hits] == ["k8s", "Terraform", "MS Excel"]
    assert all(isinstance(h, SkillHit) for h in hits)


def test_java_is_not_found_inside_javascript() -> None:
    assert names("Built UIs in JavaScript") == ["JavaScript"]
    assert names("Java and JavaScript") == ["Java", "JavaScript"]


def test_r_and_d_is_not_r() -> None:
    assert "R" not in names("Led R&D for new products")
    assert names("Statistics in R and Python") == ["Statistics", "R", "Python"]


def test_go_needs_its_exact_case_and_context() -> None:
    assert "Go" not in names("we go to market quarterly")
    assert "Go" not in names("Go to the office")
    assert "Go" not in names("ready to go")
    assert names("Services written in Go, Rust and Python") == ["Go", "Rust", "Python"]
    assert names("Golang microservices") == ["Go", "Microservices"]


def test_punctuated_names_match_exactly() -> None:
    text = "C++, C#, .NET, Node.js and CI/CD"
    hits = find_skills(text)
    assert [h.name for h in hits] == ["C++", "C#", ".NET", "Node.js", "CI/CD"]
    assert [text[h.start : h.end] for h in hits] == ["C++", "C#", ".NET", "Node.js", "CI/CD"]


def test_single_letter_c_only_standalone_uppercase() -> None:
    assert names("Firmware in C and C++") == ["Firmware", "C", "C++"]
    assert "C" not in names("Presented to C-level executives")
    assert "C" not in names("Grade: C")
    assert "C" not in names("wrote code in c")


def test_ordinary_words_need_exact_case() -> None:
    assert "Microsoft Excel" in names("Advanced Excel modelling")
    assert names("students excel at maths") == []
    assert "Chef" not in names("worked as a chef")
    assert "Apache Spark" in names("ETL jobs on Spark")
    assert "Apache Spark" not in names("a spark of curiosity")


def test_leftmost_longest_wins() -> None:
    text = "Experience with machine learning and Microsoft SQL Server"
    hits = find_skills(text)
    assert [h.name for h in hits] == ["Machine Learning", "Microsoft SQL Server"]
    assert text[hits[1].start : hits[1].end] == "Microsoft SQL Server"


def test_matching_is_case_insensitive_for_distinctive_names() -> None:
    assert names("KUBERNETES, postgresql, TensorFlow, pytorch") == [
        "Kubernetes",
        "PostgreSQL",
        "TensorFlow",
        "PyTorch",
    ]


def test_range_offsets_are_relative_to_full_text() -> None:
    text = "Python here. Then Docker and Kubernetes."
    start = text.index("Then")
    hits = find_skills(text, start, len(text))
    assert [h.name for h in hits] == ["Docker", "Kubernetes"]
    assert text[hits[0].start : hits[0].end] == "Docker"
    assert find_skills(text, 0, 6)[0].name == "Python"
    assert find_skills(text, 5, 5) == []


def test_professional_skills_across_fields() -> None:
    text = (
        "General ledger, month-end close and GAAP reporting; financial modeling and variance analysis; "
        "A/B testing and user research; patient care, medication administration, IV therapy, BLS; "
        "lesson planning and classroom management; GD&T, FEA and stormwater management; SEO and lead generation."
    )
    found = set(names(text))
    for expected in [
        "General Ledger",
        "Month-End Close",
        "GAAP",
        "Financial Modeling",
        "Variance Analysis",
        "A/B Testing",
        "User Research",
        "Patient Care",
        "Medication Administration",
        "IV Therapy",
        "BLS",
        "Lesson Planning",
        "Classroom Management",
        "GD&T",
        "Finite Element Analysis",
        "Stormwater Management",
        "Search Engine Optimization",
        "Lead Generation",
    ]:
        assert expected in found, expected


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("Python", "programming_language"),
        ("PostgreSQL", "database"),
        ("Kubernetes", "cloud_devops"),
        ("Microsoft Excel", "office_productivity"),
        ("Machine Learning", "data_ml"),
        ("Figma", "design"),
        ("Salesforce", "business_software"),
        ("General Ledger", "domain"),
        ("Teamwork", "soft_skill"),
        ("k8s", "cloud_devops"),
    ],
)
def test_categories(name: str, category: str) -> None:
    assert skill_category(name) == category


def test_generic_words_are_soft_skills_or_absent() -> None:
    hits = find_skills("Strong communication, leadership and teamwork; management of writing and reading.")
    assert {h.name: h.category for h in hits} == {
        "Communication": "soft_skill",
        "Leadership": "soft_skill",
        "Teamwork": "soft_skill",
    }


def test_taxonomy_is_broad() -> None:
    assert 4000 <= len(skill_names()) <= 12000
