"""``rank_resumes``: many parsed resumes × one or more jobs → ranked lists, best first."""

from __future__ import annotations

import pytest

from resumeiq.engine import parse_resume
from resumeiq.engine.match import rank as rank_module
from resumeiq.engine.match.rank import rank_resumes

AS_OF = "2025-06"

SRE_JOB = """Site Reliability Engineer

Requirements
- 4+ years of experience in site reliability engineering
- Experience with Terraform, Kubernetes and Python
"""
ACCOUNTING_JOB = """Staff Accountant

Requirements
- 3+ years of experience in accounting
- Proficiency in GAAP and NetSuite
"""


def resume(name: str, title: str, since: str, bullets: list[str], skills: list[str]) -> str:
    lines = [
        name,
        title,
        f"{name.split()[0].lower()}@example.com | (415) 555-0100",
        "",
        "EXPERIENCE",
        f"{title}, Acme Corp    {since} to present",
        *[f"- {b}" for b in bullets],
        "",
        "SKILLS",
        ", ".join(skills),
        "",
    ]
    return "\n".join(lines)


RESUMES = {
    "senior-sre": resume(
        "Ana Silva",
        "Site Reliability Engineer",
        "2016-01",
        ["Ran Kubernetes clusters provisioned with Terraform", "Wrote Python tooling"],
        ["Terraform", "Kubernetes", "Python"],
    ),
    "junior-sre": resume(
        "Ben Okafor",
        "Site Reliability Engineer",
        "2024-01",
        ["Ran Kubernetes clusters provisioned with Terraform", "Wrote Python tooling"],
        ["Terraform", "Kubernetes", "Python"],
    ),
    "accountant": resume(
        "Chloe Martin",
        "Staff Accountant",
        "2015-01",
        ["Closed the books under GAAP in NetSuite"],
        ["GAAP", "NetSuite", "Microsoft Excel"],
    ),
}


@pytest.fixture(scope="module")
def parsed():
    return {rid: parse_resume(text.encode(), filename=f"{rid}.txt") for rid, text in RESUMES.items()}


def test_each_job_gets_its_own_ranking_best_first(parsed):
    rankings = rank_resumes(parsed, {"sre": SRE_JOB, "acct": ACCOUNTING_JOB}, as_of=AS_OF)
    assert [e.id for e in rankings["sre"]] == ["senior-sre", "junior-sre", "accountant"]
    assert rankings["acct"][0].id == "accountant"
    for entries in rankings.values():
        assert [e.rank for e in entries] == [1, 2, 3]
        assert [e.score for e in entries] == sorted((e.score for e in entries), reverse=True)
        assert all(e.score == e.result.score and e.category == e.result.category for e in entries)


def test_summary_has_the_short_fields(parsed):
    top = rank_resumes(parsed, {"sre": SRE_JOB}, as_of=AS_OF)["sre"][0]
    assert top.summary() == {
        "id": "senior-sre",
        "score": top.score,
        "category": "selected",
        "matched_required": ["Terraform", "Kubernetes", "Python"],
        "related_required": [],
        "missing_required": [],
    }


def test_resumes_are_prepared_once_for_all_jobs(parsed, monkeypatch):
    calls = []
    original = rank_module.prepare_resume
    monkeypatch.setattr(rank_module, "prepare_resume", lambda p: calls.append(p) or original(p))
    rank_resumes(parsed, {"sre": SRE_JOB, "acct": ACCOUNTING_JOB, "sre2": SRE_JOB}, as_of=AS_OF)
    assert len(calls) == len(parsed)


def test_equal_scores_keep_a_stable_order_by_id(parsed):
    twins = {"b-twin": parsed["senior-sre"], "a-twin": parsed["senior-sre"]}
    entries = rank_resumes(twins, {"sre": SRE_JOB}, as_of=AS_OF)["sre"]
    assert entries[0].score == entries[1].score
    assert [e.id for e in entries] == ["a-twin", "b-twin"]


def test_ranking_is_deterministic(parsed):
    a = rank_resumes(parsed, {"sre": SRE_JOB}, as_of=AS_OF)["sre"]
    b = rank_resumes(dict(reversed(list(parsed.items()))), {"sre": SRE_JOB}, as_of=AS_OF)["sre"]
    assert [e.model_dump() for e in a] == [e.model_dump() for e in b]
