"""Rank stage: many parsed resumes × one or more jobs → a ranked, explained list per job.

Each resume is prepared once (skill evidence, identity-free tokens) whatever the number of jobs,
and each job once; BM25 uses the document frequencies of the batch being ranked. Entries are
ordered by score, best first; equal scores by id, so the same inputs always give the same order.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from pydantic import BaseModel

from resumeiq.engine.match.jobs import JobRequirements
from resumeiq.engine.match.match import (
    DEFAULT_THRESHOLDS,
    MatchResult,
    PreparedJob,
    PreparedResume,
    Thresholds,
    match_prepared,
    prepare_job,
    prepare_resume,
)
from resumeiq.engine.match.text import CorpusStats, corpus_stats
from resumeiq.engine.model import ParsedDocument

__all__ = ["RankedResume", "match_batch", "order", "order_key", "rank_resumes", "related_label"]


class RankedResume(BaseModel):
    """One resume's place in a job's ranking (``rank`` from 1) with its full match result."""

    id: str
    rank: int
    score: float
    category: str
    matched_required: list[str]
    related_required: list[str]  # "PyTorch (related: TensorFlow)": the job's skill, then the resume's
    missing_required: list[str]
    result: MatchResult

    def summary(self) -> dict[str, object]:
        """The short form: id, score, category, matched, related and missing required skills."""
        return {
            "id": self.id,
            "score": self.score,
            "category": self.category,
            "matched_required": self.matched_required,
            "related_required": self.related_required,
            "missing_required": self.missing_required,
        }


def related_label(skill: str, related_to: str | None) -> str:
    """A related skill as a reader sees it: the job's skill and what the resume shows instead."""
    return f"{skill} (related: {related_to})" if related_to else skill


def rank_resumes(
    resumes: Mapping[str, ParsedDocument | PreparedResume],
    jobs: Mapping[str, JobRequirements | str | PreparedJob],
    *,
    as_of: str | date | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    weights: dict[str, float] | None = None,
) -> dict[str, list[RankedResume]]:
    """Rank every resume (id → parsed or prepared resume) against every job (id → posting text,
    ``JobRequirements`` or ``PreparedJob``); returns job id → entries, best first."""
    prepared = {rid: r if isinstance(r, PreparedResume) else prepare_resume(r) for rid, r in resumes.items()}
    stats = corpus_stats(p.tokens for p in prepared.values())
    prepared_jobs = {
        job_id: job if isinstance(job, PreparedJob) else prepare_job(job) for job_id, job in jobs.items()
    }
    results = match_batch(prepared, prepared_jobs, stats, as_of=as_of, thresholds=thresholds, weights=weights)
    return {job_id: order(by_resume) for job_id, by_resume in results.items()}


def match_batch(
    resumes: Mapping[str, PreparedResume],
    jobs: Mapping[str, PreparedJob],
    stats: CorpusStats,
    *,
    as_of: str | date | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    weights: dict[str, float] | None = None,
) -> dict[str, dict[str, MatchResult]]:
    """job id → resume id → result, for prepared inputs and the BM25 statistics of the whole
    batch (so that a batch split over processes scores exactly as one)."""
    return {
        job_id: {
            rid: match_prepared(p, job, stats=stats, as_of=as_of, thresholds=thresholds, weights=weights)
            for rid, p in resumes.items()
        }
        for job_id, job in jobs.items()
    }


def order_key(resume_id: str, score: float) -> tuple[float, str]:
    """Sort key of a ranking: score descending, then id."""
    return (-score, resume_id)


def order(results: Mapping[str, MatchResult]) -> list[RankedResume]:
    """One job's results as a ranking, best first."""
    ids = sorted(results, key=lambda rid: order_key(rid, results[rid].score))
    return [
        RankedResume(
            id=rid,
            rank=i + 1,
            score=results[rid].score,
            category=results[rid].category,
            matched_required=[s.skill for s in results[rid].matched_required],
            related_required=[related_label(s.skill, s.related_to) for s in results[rid].related_required],
            missing_required=[s.skill for s in results[rid].missing_required],
            result=results[rid],
        )
        for i, rid in enumerate(ids)
    ]
