"""Industry profiles: loading, lookup and data sanity."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import resumeiq.engine
from resumeiq.engine.errors import UnknownIndustry
from resumeiq.engine.score import CHECKS
from resumeiq.engine.score.industries import IndustryProfile, get_industry, list_industries

REQUIRED = {
    "general", "strategy_tech", "software_engineering", "data_science", "finance", "accounting", "healthcare",
    "marketing", "sales", "product_management", "design_ux", "human_resources", "education", "engineering",
    "consulting", "devops_cloud",
}
HEADINGS = Path(resumeiq.engine.__file__).parent / "data" / "headings.json"


def test_all_required_profiles_load_sorted():
    profiles = list_industries()
    ids = [p.id for p in profiles]
    assert len(profiles) >= 12
    assert set(ids) >= REQUIRED
    assert ids == sorted(ids)
    assert all(isinstance(p, IndustryProfile) for p in profiles)


@pytest.mark.parametrize("profile", list_industries(), ids=lambda p: p.id)
def test_profile_data_is_sane(profile):
    assert profile.name and profile.description
    assert 15 <= len(profile.expected_skills) <= 40
    assert len(set(profile.expected_skills)) == len(profile.expected_skills)
    assert profile.important_skills and set(profile.important_skills) <= set(profile.expected_skills)
    assert abs(sum(profile.group_weights.values()) - 1.0) < 1e-9
    assert set(profile.check_weights) <= set(CHECKS)
    assert all(w >= 0 for w in profile.check_weights.values())
    assert {"experience", "education", "skills"} <= set(profile.expected_sections)
    assert profile.keywords


def test_expected_sections_are_known_heading_kinds():
    kinds = set(json.loads(HEADINGS.read_text())["sections"])
    for p in list_industries():
        assert set(p.expected_sections) <= kinds, p.id


def test_get_industry_and_unknown():
    assert get_industry("general").id == "general"
    assert get_industry("finance") is get_industry("finance")
    with pytest.raises(UnknownIndustry) as info:
        get_industry("underwater_basket_weaving")
    assert info.value.valid == sorted(p.id for p in list_industries())
    assert "software_engineering" in str(info.value)


def test_every_expected_skill_resolves_in_the_taxonomy():
    skills = pytest.importorskip("resumeiq.engine.parse.skills")
    unresolved = {
        p.id: [s for s in p.expected_skills if skills.canonical_skill(s) != s]
        for p in list_industries()
    }
    unresolved = {k: v for k, v in unresolved.items() if v}
    assert not unresolved, f"profile skills the taxonomy does not know by this canonical name: {unresolved}"
