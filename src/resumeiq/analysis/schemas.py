"""Request and response bodies of the review workflow (the contract of the earlier system)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from resumeiq.analysis.models import ReviewRequest, ReviewResult
from resumeiq.inputs import RequestModel

AnalysisDepth = Literal["quick", "standard", "deep"]


class AnalyzeRequest(RequestModel):
    model_config = ConfigDict(extra="forbid")

    industry: str = Field(default="general", max_length=64, examples=["strategy_tech"])
    # Recorded with the request; today every depth runs the same engine checks.
    analysis_depth: AnalysisDepth = "standard"


class AnalyzeAccepted(BaseModel):
    analysis_id: uuid.UUID
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
    executive_summary: str
    detailed_scores: dict[str, Any]
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
            executive_summary=result.executive_summary,
            detailed_scores=result.detailed_scores,
            strengths=result.strengths,
            weaknesses=result.weaknesses,
            recommendations=result.recommendations,
            ai_model_used=result.ai_model_used,
            processing_time_ms=result.processing_time_ms,
            completed_at=request.completed_at or result.created_at,
        )


class AnalysisStatus(BaseModel):
    analysis_id: uuid.UUID
    resume_id: uuid.UUID
    status: str
    industry: str
    analysis_depth: str
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
            analysis_depth=request.analysis_depth,
            attempts=request.attempts,
            requested_at=request.requested_at,
            started_at=request.started_at,
            completed_at=request.completed_at,
            error=request.error,
            result=ReviewResultOut.of(request, result) if result is not None else None,
        )


class AnalysisSummary(BaseModel):
    analysis_id: uuid.UUID
    resume_id: uuid.UUID
    status: str
    industry: str
    analysis_depth: str
    requested_at: datetime
    completed_at: datetime | None
    overall_score: int | None
    error: str | None


class Industry(BaseModel):
    id: str
    name: str
    description: str
