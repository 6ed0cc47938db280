"""The whole pipeline on built files: JSON Resume export, evidence spans, reviews, determinism."""

from __future__ import annotations

import json
import re

import pytest

from resumeiq.engine import (
    UnknownIndustry,
    analyze_resume,
    list_industries,
    parse_document,
    parse_resume,
    score_resume,
)

# JSON Resume v1 schema: the keys allowed at each level.
TOP = {"basics", "work", "volunteer", "education", "awards", "certificates", "publications", "skills",
       "languages", "interests", "references", "projects", "meta"}
BASICS = {"name", "label", "image", "email", "phone", "url", "summary", "location", "profiles"}
LOCATION = {"address", "postalCode", "city", "countryCode", "region"}
PROFILE = {"network", "username", "url"}
ITEM_KEYS = {
    "work": {"name", "location", "description", "position", "url", "startDate", "endDate", "summary", "highlights"},
    "education": {"institution", "url", "area", "studyType", "startDate", "endDate", "score", "courses"},
    "skills": {"name", "level", "keywords"},
    "certificates": {"name", "date", "issuer", "url"},
    "languages": {"language", "fluency"},
    "projects": {"name", "description", "highlights", "keywords", "startDate", "endDate", "url", "roles", "entity", "type"},
}
DATE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2]))?$")

RICH_TXT = """MARIA GONZALEZ
Senior Data Analyst
maria@example.com | +1 415 555 0132 | Austin, TX | linkedin.com/in/mariagonzalez

SUMMARY
Data analyst with eight years of experience in retail analytics.

EXPERIENCE
Senior Data Analyst, Acme Corp\tJan 2020 – Present
• Built a churn model in Python that cut attrition by 12%.
Data Analyst, Globex Corporation\t2016 – 2019
• Designed 25 dashboards.

EDUCATION
B.S. in Statistics, University of Michigan\t2012 – 2016

CERTIFICATIONS
Tableau Desktop Specialist, Tableau\tMar 2021

PROJECTS
Open Transit Dashboard | Public dashboard of bus delays in Austin
• Scraped 2 million arrival records with Python.

LANGUAGES
English (native), Spanish (professional working proficiency)

SKILLS
Python, SQL, Tableau, Power BI, Looker
"""

SOURCES = ["resume_pdf_bytes", "resume_docx_bytes", "two_column_pdf_bytes", "resume_txt", "resume_md", "rich_txt"]


@pytest.fixture(scope="session")
def rich_txt() -> str:
    return RICH_TXT


def _load(request, source: str) -> tuple[bytes, str]:
    data = request.getfixturevalue(source)
    name = "resume.md" if source == "resume_md" else "resume.pdf"
    return (data.encode() if isinstance(data, str) else data), name


def _assert_json_resume(doc: dict) -> None:
    assert set(doc) <= TOP
    basics = doc.get("basics", {})
    assert set(basics) <= BASICS
    assert set(basics.get("location", {})) <= LOCATION
    for p in basics.get("profiles", []):
        assert set(p) <= PROFILE
    for name, allowed in ITEM_KEYS.items():
        assert isinstance(doc.get(name, []), list)
        for item in doc.get(name, []):
            assert item and set(item) <= allowed, (name, item)
            for key in ("startDate", "endDate", "date"):
                if key in item:
                    assert DATE.match(item[key]), (name, key, item[key])
            for key in ("highlights", "keywords", "courses"):
                assert all(isinstance(v, str) and v for v in item.get(key, []))
    json.dumps(doc)  # plain JSON types only


@pytest.mark.parametrize("source", SOURCES)
def test_export_is_json_resume_v1(request, source):
    data, name = _load(request, source)
    doc = parse_resume(data, filename=name).resume.to_json_resume()
    _assert_json_resume(doc)
    assert doc["work"] and doc["education"] and doc["skills"]


def test_rich_resume_fills_every_section(rich_txt):
    doc = parse_resume(rich_txt.encode()).resume.to_json_resume()
    _assert_json_resume(doc)
    assert doc["basics"]["label"] == "Senior Data Analyst"
    assert doc["basics"]["profiles"][0]["network"] == "LinkedIn"
    assert doc["certificates"] == [{"name": "Tableau Desktop Specialist", "issuer": "Tableau", "date": "2021-03"}]
    assert doc["languages"] == [
        {"language": "English", "fluency": "native"},
        {"language": "Spanish", "fluency": "professional working proficiency"},
    ]
    assert doc["projects"][0]["name"] == "Open Transit Dashboard"
    assert doc["projects"][0]["highlights"] == ["Scraped 2 million arrival records with Python."]
    assert doc["work"][1]["startDate"] == "2016" and doc["work"][1]["endDate"] == "2019"


@pytest.mark.parametrize("source", SOURCES)
def test_ongoing_role_has_no_end_date_in_the_export(request, source):
    data, name = _load(request, source)
    first_job = parse_resume(data, filename=name).resume.to_json_resume()["work"][0]
    assert first_job["startDate"] == "2020-01"
    assert "endDate" not in first_job


def test_empty_values_are_left_out():
    doc = parse_resume(b"Maria Gonzalez\nmaria@example.com\n\nSKILLS\nPython, SQL\n").resume.to_json_resume()
    assert "work" not in doc and "education" not in doc
    assert "location" not in doc["basics"] and "profiles" not in doc["basics"]
    assert not any(v in (None, "", [], {}) for v in doc["basics"].values())


@pytest.mark.parametrize("source", SOURCES)
def test_every_evidence_span_points_at_its_value(request, source):
    data, name = _load(request, source)
    parsed = parse_resume(data, filename=name)
    text = parsed.document.text
    resume = parsed.resume
    exported = resume.to_json_resume()
    evidence = resume.evidence()
    assert evidence, "no evidence at all"
    for pointer, (a, b) in evidence.items():
        assert 0 <= a < b <= len(text), pointer

    def value(pointer: str):
        node = exported
        for part in pointer.strip("/").split("/"):
            node = node[int(part)] if isinstance(node, list) else node[part]
        return node

    checked = 0
    for pointer, (a, b) in evidence.items():
        if re.fullmatch(r"/basics/(name|email)|/work/\d+/(position|name)|/education/\d+/institution", pointer):
            assert value(pointer).casefold() in text[a:b].casefold(), (pointer, value(pointer), text[a:b])
            checked += 1
        elif re.fullmatch(r"/(work|education)/\d+/(startDate|endDate)", pointer):
            assert value(pointer)[:4] in text[a:b], pointer
    assert checked >= 5  # name, email, two positions, two companies, one institution


@pytest.mark.parametrize("source", SOURCES)
def test_parse_is_deterministic(request, source):
    data, name = _load(request, source)
    first, second = parse_resume(data, filename=name), parse_resume(data, filename=name)
    assert first.document.text == second.document.text
    assert first.resume.to_json_resume() == second.resume.to_json_resume()
    assert first.resume.evidence() == second.resume.evidence()
    assert first.resume.model_dump() == parse_document(first.document).resume.model_dump()


def test_same_resume_in_every_format_parses_alike(resume_pdf_bytes, resume_docx_bytes, resume_txt):
    def core(data: bytes) -> dict:
        doc = parse_resume(data).resume.to_json_resume()
        return {
            "basics": {k: doc["basics"][k] for k in ("name", "email", "phone", "location")},
            "work": [{k: w.get(k) for k in ("name", "position", "startDate", "endDate", "highlights")} for w in doc["work"]],
            "education": doc["education"],
        }

    pdf = core(resume_pdf_bytes)
    assert core(resume_docx_bytes) == pdf
    assert core(resume_txt.encode()) == pdf


# --------------------------------------------------------------------------- review


@pytest.mark.parametrize("source", ["resume_pdf_bytes", "resume_docx_bytes", "two_column_pdf_bytes", "rich_txt"])
def test_analyze_gives_bounded_integer_scores_with_explained_checks(request, source):
    data, name = _load(request, source)
    parsed, review = analyze_resume(data, filename=name, industry="data_science")
    assert review.industry == "data_science"
    for score in (review.overall_score, review.ats_score, review.content_score, review.formatting_score):
        assert isinstance(score, int) and 0 <= score <= 100
    ids = [c.id for c in review.checks]
    assert len(ids) == len(set(ids)) >= 10
    for check in review.checks:
        assert check.status in ("passed", "partial", "failed") and 0 <= check.score <= 1 and check.weight > 0
        if check.status != "passed":
            assert check.suggestion
    assert review.executive_summary
    assert [r.priority for r in review.recommendations] == list(range(1, len(review.recommendations) + 1))
    assert review.to_report() == score_resume(parsed, industry="data_science").to_report()


def test_two_column_layout_costs_ats_points(resume_pdf_bytes, two_column_pdf_bytes):
    one = analyze_resume(resume_pdf_bytes)[1]
    two = analyze_resume(two_column_pdf_bytes)[1]
    assert two.ats_score < one.ats_score
    failed = {c.id for c in two.checks if c.status != "passed"} - {c.id for c in one.checks if c.status != "passed"}
    assert any("column" in c.message.lower() or "column" in c.id for c in two.checks if c.id in failed)


def test_every_listed_industry_can_be_scored(resume_pdf_bytes):
    parsed = parse_resume(resume_pdf_bytes)
    ids = [p.id for p in list_industries()]
    assert len(ids) >= 12 and {"strategy_tech", "software_engineering", "data_science", "finance"} <= set(ids)
    for industry in ids:
        review = score_resume(parsed, industry=industry)
        assert review.industry == industry and 0 <= review.overall_score <= 100


def test_unknown_industry_is_a_typed_error(resume_pdf_bytes):
    parsed = parse_resume(resume_pdf_bytes)
    with pytest.raises(UnknownIndustry) as info:
        score_resume(parsed, industry="astrology")
    assert info.value.code == "unknown_industry" and "data_science" in info.value.message
