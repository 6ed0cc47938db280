"""Industry profiles: what a review expects of a resume in one field.

A profile lists the skills employers in the field look for (canonical taxonomy names), the sections
a resume should have, how the three score groups mix into the overall score, per-check weight
overrides and the typical length. Profiles are data files under ``data/industries/<id>.json``,
loaded once. ``general`` is the default.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from resumeiq.engine.errors import UnknownIndustry

_DATA_DIR = Path(__file__).parent.parent / "data" / "industries"
DEFAULT_INDUSTRY = "general"


class IndustryProfile(BaseModel):
    """One target industry. ``group_weights`` mix ats/content/formatting into the overall score
    (normalised to sum 1); ``check_weights`` override the default weight of a check by id;
    ``typical_pages`` is the (min, max) page count that reads as normal in the field."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str
    description: str
    expected_skills: list[str]
    important_skills: list[str] = Field(default_factory=list)
    expected_sections: list[str] = Field(default_factory=lambda: ["experience", "education", "skills"])
    group_weights: dict[str, float] = Field(
        default_factory=lambda: {"ats": 0.4, "content": 0.35, "formatting": 0.25}
    )
    check_weights: dict[str, float] = Field(default_factory=dict)
    typical_pages: tuple[int, int] = (1, 2)
    keywords: list[str] = Field(default_factory=list)
    profile_links: list[str] = Field(default_factory=lambda: ["LinkedIn"])
    # Share of the keyword check given to the number of distinct skills found at all, rather than
    # to coverage of this profile's list (high for ``general``, which has no specific list).
    breadth_weight: float = Field(default=0.25, ge=0.0, le=1.0)
    # A quoted result typical of the field, shown in advice ("replace buzzwords with evidence such
    # as …"), so that a developer is not told about audit findings.
    result_example: str = "'cut processing time by 30% in 6 months'"

    @field_validator("group_weights")
    @classmethod
    def _normalise_groups(cls, value: dict[str, float]) -> dict[str, float]:
        if set(value) != {"ats", "content", "formatting"} or any(v < 0 for v in value.values()):
            raise ValueError("group_weights needs non-negative ats, content and formatting")
        total = sum(value.values())
        if total <= 0:
            raise ValueError("group_weights must not all be zero")
        return {k: value[k] / total for k in ("ats", "content", "formatting")}

    @model_validator(mode="after")
    def _check_lists(self) -> IndustryProfile:
        missing = [s for s in self.important_skills if s not in self.expected_skills]
        if missing:
            raise ValueError(f"important_skills not in expected_skills: {missing}")
        low, high = self.typical_pages
        if not 1 <= low <= high:
            raise ValueError("typical_pages must be (min, max) with 1 <= min <= max")
        return self


@functools.cache
def _profiles() -> dict[str, IndustryProfile]:
    profiles: dict[str, IndustryProfile] = {}
    for path in sorted(_DATA_DIR.glob("*.json")):
        profile = IndustryProfile.model_validate(json.loads(path.read_text(encoding="utf-8")))
        if profile.id != path.stem:
            raise ValueError(f"{path.name}: id {profile.id!r} does not match the file name")
        profiles[profile.id] = profile
    return profiles


def list_industries() -> list[IndustryProfile]:
    """All industry profiles, sorted by id."""
    return [p for _, p in sorted(_profiles().items())]


def get_industry(industry_id: str) -> IndustryProfile:
    """The profile with this id; raises ``UnknownIndustry`` naming the valid ids."""
    profiles = _profiles()
    try:
        return profiles[industry_id]
    except (KeyError, TypeError):
        raise UnknownIndustry(str(industry_id), sorted(profiles)) from None
