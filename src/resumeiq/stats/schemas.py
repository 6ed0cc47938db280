"""Response body of ``GET /api/v1/stats``."""

from __future__ import annotations

from pydantic import BaseModel


class Bucket(BaseModel):
    """Scores ``low`` ≤ score ≤ ``high`` (the last bucket is 90-100)."""

    low: int
    high: int
    count: int


class ScoreDistribution(BaseModel):
    count: int
    mean: float | None
    min: int | None
    max: int | None
    buckets: list[Bucket]


class Categories(BaseModel):
    selected: int = 0
    considered: int = 0
    rejected: int = 0


class ReviewStats(BaseModel):
    by_status: dict[str, int]
    overall_score: ScoreDistribution


class MatchStats(BaseModel):
    by_status: dict[str, int]
    match_score: ScoreDistribution
    categories: Categories


class ScreeningStats(BaseModel):
    items_by_status: dict[str, int]
    score: ScoreDistribution
    categories: Categories


class Counts(BaseModel):
    candidates: int
    resumes: int
    jobs: int
    reviews: int
    matches: int
    screenings: int
    screening_items: int


class Stats(BaseModel):
    counts: Counts
    reviews: ReviewStats
    matches: MatchStats
    screenings: ScreeningStats
    categories: Categories  # matches and screened resumes together
