"""The optional language-model step of a preview: rewrite bullets and the summary, nothing else.

``propose_rewrites(client, resume, job...)`` asks the model for rewrites of the resume's summary
and of each bullet (``/work/i/highlights/j``, ``/projects/i/highlights/j``), and returns them as
``changed`` / ``added`` changes (plain JSON) at those paths of the original. It never sends the
contact details (the model has no use for them, and cannot write them). The changes are then
checked against the guarantees in the engine pool (``work.preview_llm``): a rewrite that brings
in a fact the original does not have is dropped there and reported. Raises ``LLMError``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from resumeiq.config import Settings
from resumeiq.llm import ChatClient
from resumeiq.tailoring.changes import pointer

MAX_TEXT = 1200  # characters of one rewritten bullet or summary
MAX_JOB_TEXT = 6000  # characters of the posting sent to the model

SYSTEM = (
    "You tailor a resume to a job posting. You may only reword the summary and the bullets you are "
    "given, to show more clearly what the job asks for. Rules: never add an employer, a job title, a "
    "date, a degree, a school, a certificate, a product, a place or a number that the bullet or the "
    "summary does not already contain; never claim a skill the resume does not show; keep each bullet "
    "about the same thing and about as long; keep the language of the resume. Leave out any bullet "
    'you would not improve. Answer in JSON: {"summary": string or null, "bullets": [{"path": '
    'the bullet\'s path as given, "text": the new bullet}]}.'
)


@dataclass(frozen=True, slots=True)
class LLMSettings:
    """The configured model; ``api_key`` stays out of ``repr``."""

    base_url: str
    model: str
    api_key: str | None = field(default=None, repr=False)
    timeout_seconds: float = 120.0
    max_retries: int = 2

    @classmethod
    def from_settings(cls, settings: Settings) -> LLMSettings | None:
        if not (settings.llm_base_url and settings.llm_model):
            return None
        return cls(
            base_url=settings.llm_base_url,
            model=settings.llm_model,
            api_key=settings.llm_api_key.get_secret_value() if settings.llm_api_key else None,
            timeout_seconds=settings.llm_timeout_seconds,
            max_retries=settings.llm_max_retries,
        )


class BulletRewrite(BaseModel):
    model_config = ConfigDict(extra="ignore")

    path: str = Field(max_length=200)
    text: str = Field(max_length=MAX_TEXT)


class RewriteAnswer(BaseModel):
    """What the model must answer (its JSON schema is sent as the structured-output format)."""

    model_config = ConfigDict(extra="ignore")

    summary: str | None = Field(default=None, max_length=MAX_TEXT)
    bullets: list[BulletRewrite] = Field(default_factory=list, max_length=300)


@dataclass(slots=True)
class Proposal:
    changes: list[dict[str, Any]] = field(default_factory=list)  # Change.to_json() shapes
    warnings: list[str] = field(default_factory=list)


def bullets_of(resume: dict[str, Any]) -> dict[str, str]:
    """Path → text of every bullet the model may rewrite."""
    out: dict[str, str] = {}
    for section in ("work", "projects"):
        for i, entry in enumerate(resume.get(section) or []):
            if not isinstance(entry, dict):
                continue
            for j, bullet in enumerate(entry.get("highlights") or []):
                if isinstance(bullet, str) and bullet.strip():
                    out[pointer(section, i, "highlights", j)] = bullet
    return out


def has_rewritable_text(resume: dict[str, Any]) -> bool:
    return bool(bullets_of(resume) or (resume.get("basics") or {}).get("summary"))


def build_messages(
    resume: dict[str, Any], *, job_title: str | None, company: str | None, job_text: str, skills: list[str]
) -> list[dict[str, str]]:
    roles = []
    for section in ("work", "projects"):
        for i, entry in enumerate(resume.get(section) or []):
            if not isinstance(entry, dict):
                continue
            roles.append(
                {
                    "section": section,
                    "index": i,
                    "title": entry.get("position") or entry.get("name"),
                    "organisation": entry.get("name") if section == "work" else None,
                    "bullets": [
                        {"path": pointer(section, i, "highlights", j), "text": b}
                        for j, b in enumerate(entry.get("highlights") or [])
                        if isinstance(b, str) and b.strip()
                    ],
                }
            )
    resume_part = {
        "summary": (resume.get("basics") or {}).get("summary"),
        "roles": roles,
        "skills": [k for g in resume.get("skills") or [] for k in g.get("keywords") or []],
    }
    job_part = {
        "title": job_title,
        "company": company,
        "skills_asked_for": skills,
        "posting": job_text[:MAX_JOB_TEXT],
    }
    user = (
        "The job:\n"
        + json.dumps(job_part, ensure_ascii=False)
        + "\n\nThe resume (summary, roles with their bullets, skills):\n"
        + json.dumps(resume_part, ensure_ascii=False)
    )
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]


async def propose_rewrites(
    client: ChatClient,
    resume: dict[str, Any],
    *,
    job_title: str | None,
    company: str | None,
    job_text: str,
    skills: list[str],
) -> Proposal:
    answer = await client.complete_json(
        build_messages(resume, job_title=job_title, company=company, job_text=job_text, skills=skills),
        RewriteAnswer,
        name="resume_rewrites",
    )
    return to_changes(resume, answer, model=client.model)


def to_changes(resume: dict[str, Any], answer: RewriteAnswer, *, model: str) -> Proposal:
    """The answer as changes at paths of the original; what cannot be used is said in warnings."""
    out = Proposal()
    offered = bullets_of(resume)
    reason = f"reworded by the language model {model}"
    seen: set[str] = set()
    ignored: list[str] = []
    for rewrite in answer.bullets:
        text = " ".join(rewrite.text.split())
        if rewrite.path not in offered:
            ignored.append(rewrite.path[:80])
            continue
        if rewrite.path in seen or not text or text == offered[rewrite.path]:
            continue
        seen.add(rewrite.path)
        out.changes.append(
            {
                "id": "",
                "path": rewrite.path,
                "op": "changed",
                "before": offered[rewrite.path],
                "after": text,
                "reason": reason,
            }
        )
    if ignored:
        out.warnings.append(
            "The language model answered for paths that are not bullets of this resume, which were "
            f"ignored: {', '.join(ignored[:5])}."
        )
    summary = " ".join((answer.summary or "").split())
    before = (resume.get("basics") or {}).get("summary")
    if summary and summary != before:
        out.changes.append(
            {
                "id": "",
                "path": "/basics/summary",
                "op": "changed" if before else "added",
                "before": before,
                "after": summary,
                "reason": reason,
            }
        )
    return out
