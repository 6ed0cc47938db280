"""Request and response bodies of the review workflow (the contract of the earlier system)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from resumeiq.analysis.models import ReviewRequest, ReviewResult
from resumeiq.ids import IdAs
from resumeiq.inputs import RequestModel


class AnalyzeRequest(RequestModel):
    """``industry``: the profile to review for; ``job_id``: one of your jobs to review the resume
    against as well (the result's ``job_match``). ``analysis_depth`` is gone: every review runs
    every check, and a body that still sends it is a 422 naming the field."""

    model_config = ConfigDict(extra="forbid")

    industry: str = Field(default="general", max_length=64, examples=["strategy_tech"])
    job_id: uuid.UUID | None = None


class AnalysisCreate(AnalyzeRequest):
    """``resume_id``: one of your resumes; the other fields as in ``AnalyzeRequest``."""

    resume_id: uuid.UUID


class AnalyzeAccepted(IdAs("analysis_id")):
    status: str
    message: str
    status_url: str


class ReviewResultOut(BaseModel):
    analysis_id: uuid.UUID
    overall_score: int
    ats_score: int
    content_score: int
    formatting_score: int
    industry: str
    band: str | None  # poor | fair | good | strong (see the README's "Scoring checks and weights")
    executive_summary: str
    detailed_scores: dict[str, Any]
    # Against the job of the request: hard_skills and soft_skills ({matched, related, missing}),
    # title, education and years (each with a status matched | related | missing | not_assessed).
    job_match: dict[str, Any] | None
    strengths: list[str]
    weaknesses: list[str]
    recommendations: list[dict[str, Any]]
    ai_model_used: str | None
    processing_time_ms: int
    completed_at: datetime

    @classmethod
    def of(cls, request: ReviewRequest, result: ReviewResult) -> ReviewResultOut:
        return cls(
            analysis_id=request.id,
            overall_score=result.overall_score,
            ats_score=result.ats_score,
            content_score=result.content_score,
            formatting_score=result.formatting_score,
            industry=result.industry,
            band=(result.detailed_scores or {}).get("band"),
            executive_summary=result.executive_summary,
            detailed_scores=result.detailed_scores,
            job_match=(result.detailed_scores or {}).get("job_match"),
            strengths=result.strengths,
            weaknesses=result.weaknesses,
            recommendations=result.recommendations,
            ai_model_used=result.ai_model_used,
            processing_time_ms=result.processing_time_ms,
            completed_at=request.completed_at or result.created_at,
        )


class AnalysisStatus(IdAs("analysis_id")):
    resume_id: uuid.UUID
    status: str
    industry: str
    job_id: uuid.UUID | None
    attempts: int
    requested_at: datetime
    started_at: datetime | None
    completed_at: datetime | None
    error: str | None
    result: ReviewResultOut | None

    @classmethod
    def of(cls, request: ReviewRequest, result: ReviewResult | None) -> AnalysisStatus:
        return cls(
            analysis_id=request.id,
            resume_id=request.resume_id,
            status=request.status,
            industry=request.target_industry,
            job_id=request.job_id,
            attempts=request.attempts,
            requested_at=request.requested_at,
            started_at=request.started_at,
            completed_at=request.completed_at,
            error=request.error,
            result=ReviewResultOut.of(request, result) if result is not None else None,
        )


class AnalysisSummary(IdAs("analysis_id")):
    resume_id: uuid.UUID
    status: str
    industry: str
    job_id: uuid.UUID | None
    requested_at: datetime
    completed_at: datetime | None
    overall_score: int | None
    error: str | None


class Industry(BaseModel):
    id: str
    name: str
    description: str
