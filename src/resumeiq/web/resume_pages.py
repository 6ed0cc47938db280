"""Resumes: upload, versions per candidate, master, delete; the review of a resume."""

from __future__ import annotations

import copy
import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Request
from starlette.responses import JSONResponse, Response

from resumeiq.analysis import service as analysis_service
from resumeiq.db import SessionDep
from resumeiq.errors import InvalidInput
from resumeiq.jobs import service as jobs_service
from resumeiq.pagination import PageParams
from resumeiq.ratelimit.dependencies import check_limit, count_limit
from resumeiq.ratelimit.limiter import LimitKind
from resumeiq.resumes import service as resumes_service
from resumeiq.resumes.dependencies import EnginePoolDep, StorageDep
from resumeiq.resumes.upload import receive_upload
from resumeiq.users.dependencies import SettingsDep
from resumeiq.users.models import User
from resumeiq.web.charts import score_bars
from resumeiq.web.forms import check_fields
from resumeiq.web.highlight import Mark, pieces, spans_of
from resumeiq.web.pages import (
    USER_ERRORS,
    WebRoute,
    WebSessionDep,
    WebUser,
    failure_of,
    finish,
    redirect,
    render,
)
from resumeiq.web.session import CSRF_FIELD, check_csrf, check_origin

router = APIRouter(route_class=WebRoute, include_in_schema=False)

Text = Annotated[str, Form(max_length=1000)]
_ALL = PageParams(limit=100, offset=0)


async def receive_checked_upload(request: Request, web: Any, settings: Any, storage: Any, user: User) -> Any:
    """A resume file sent by a page's form: counted against the upload limit, streamed to a
    temporary file, its form fields and CSRF token checked (the file removed if they fail)."""
    await check_limit(request, LimitKind.UPLOAD, user)  # counted by the caller once stored
    upload = await receive_upload(request, temp_path=storage.new_temp_path(), max_bytes=settings.upload_max_bytes)
    try:
        check_fields(upload.fields)
        check_csrf(request, web, upload.fields.get(CSRF_FIELD))
    except BaseException:
        upload.path.unlink(missing_ok=True)
        raise
    return upload


async def _resumes_context(session: Any, user: User) -> dict[str, Any]:
    """The user's resumes grouped by candidate (newest version first)."""
    resumes = (
        await resumes_service.list_resumes(session=session, user=user, page=_ALL, candidate_id=None)
    ).items
    candidates = (await resumes_service.list_candidates(session=session, user=user, page=_ALL)).items
    await session.commit()
    names = {c.id: (c.name or c.email or "Candidate") for c in candidates}
    groups: dict[uuid.UUID, dict[str, Any]] = {}
    for resume in resumes:
        group = groups.setdefault(
            resume.candidate_id, {"name": names.get(resume.candidate_id, "Candidate"), "resumes": []}
        )
        group["resumes"].append(resume)
    for group in groups.values():
        group["resumes"].sort(key=lambda r: -r.version_number)
    return {"groups": list(groups.values()), "count": len(resumes)}


@router.get("/resumes")
async def resumes_page(
    request: Request, session: SessionDep, user: WebUser, uploaded: uuid.UUID | None = None
) -> Response:
    context = await _resumes_context(session, user)
    just_uploaded = None
    if uploaded is not None:
        just_uploaded = await resumes_service.get_owned_resume(session=session, user=user, resume_id=uploaded)
        await session.commit()
    return render(request, "resumes.html", uploaded=just_uploaded, **context)


@router.post("/resumes")
async def upload_resume(
    request: Request,
    session: SessionDep,
    user: WebUser,
    web: WebSessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    engine: EnginePoolDep,
) -> Response:
    check_origin(request)
    try:
        upload = await receive_checked_upload(request, web, settings, storage, user)
        resume = await resumes_service.upload_resume(
            session=session, storage=storage, engine=engine, user=user, upload=upload, candidate_id=None
        )
        await count_limit(request, LimitKind.UPLOAD, user)
    except USER_ERRORS as exc:
        failure = failure_of(exc)
        context = await _resumes_context(session, user)
        return render(
            request, "resumes.html", status_code=failure.status, error=failure, uploaded=None, **context
        )
    return redirect(request, f"/resumes?uploaded={resume.id}")


@router.post("/resumes/{resume_id}/master")
async def make_master(
    request: Request,
    resume_id: uuid.UUID,
    session: SessionDep,
    user: WebUser,
    web: WebSessionDep,
    csrf_token: Text = "",
) -> Response:
    check_csrf(request, web, csrf_token)
    await resumes_service.set_master(session=session, user=user, resume_id=resume_id)
    return redirect(request, "/resumes")


@router.post("/resumes/{resume_id}/delete")
async def delete_resume(
    request: Request,
    resume_id: uuid.UUID,
    session: SessionDep,
    user: WebUser,
    web: WebSessionDep,
    storage: StorageDep,
    csrf_token: Text = "",
) -> Response:
    check_csrf(request, web, csrf_token)
    await resumes_service.delete_resume(session=session, storage=storage, user=user, resume_id=resume_id)
    return redirect(request, "/resumes")


# --------------------------------------------------------------------------- review


async def _latest_review_id(session: Any, user: User, resume_id: uuid.UUID) -> uuid.UUID | None:
    page = await analysis_service.list_reviews(session=session, user=user, page=_ALL)
    return next((r.analysis_id for r in page.items if r.resume_id == resume_id), None)


def _review_view(result: Any, text: str, evidence: str) -> dict[str, Any]:
    """The review's checks by group, the job match if the review had a job, recommendations by
    impact, and the resume's text with one of two kinds of evidence highlighted (``evidence``:
    ``checks``, or ``job`` for the job's skills; the spans of the two overlap too much to draw
    both at once). ``links`` maps every mark id that can be drawn to the URL fragment or query
    that shows it."""
    # Copies: the page adds its anchors to them, never to the stored result.
    checks = copy.deepcopy(list((result.detailed_scores or {}).get("checks") or []))
    check_marks: list[Mark] = []
    for check in checks:
        check["anchors"] = []
        for i, (start, end) in enumerate(spans_of(check.get("spans"))):
            mark_id = f"ev-{check['id']}-{i}"
            check_marks.append(
                Mark(start, end, mark_id, check.get("title", check["id"]), check.get("status", ""))
            )
            check["anchors"].append(mark_id)
    groups = {
        group: [c for c in checks if c.get("group") == group] for group in ("ats", "content", "formatting")
    }
    job_marks: list[Mark] = []
    job_match = copy.deepcopy(result.job_match) or None
    if job_match:
        for kind in ("hard_skills", "soft_skills"):
            for status in ("matched", "related", "missing"):
                for i, skill in enumerate((job_match.get(kind) or {}).get(status) or []):
                    skill["anchors"] = []
                    for j, (start, end) in enumerate(spans_of(skill.get("evidence"))):
                        mark_id = f"jm-{kind}-{status}-{i}-{j}"
                        label = f"{status} for the job: {skill.get('skill')}"
                        job_marks.append(Mark(start, end, mark_id, label, status))
                        skill["anchors"].append(mark_id)
    if evidence != "job" or not job_match:
        evidence = "checks"
    views = {"checks": pieces(text, check_marks), "job": pieces(text, job_marks)}
    links: dict[str, str] = {}
    for view, cut in views.items():
        prefix = "" if view == evidence else f"?analysis={result.analysis_id}&evidence={view}"
        for p in cut:
            if p.mark_id:  # a span overlapping an earlier one is not drawn: no link to it
                links[p.mark_id] = f"{prefix}#{p.mark_id}"
    recommendations = sorted(result.recommendations or [], key=lambda r: -float(r.get("impact") or 0))
    chart = score_bars(
        [
            ("Overall", result.overall_score),
            ("ATS", result.ats_score),
            ("Content", result.content_score),
            ("Formatting", result.formatting_score),
        ]
    )
    return {
        "groups": groups,
        "job_match": job_match,
        "recommendations": recommendations,
        "pieces": views[evidence],
        "evidence": evidence,
        "chart": chart,
        "links": links,
    }


@router.get("/resumes/{resume_id}/review")
async def review_page(
    request: Request,
    resume_id: uuid.UUID,
    session: SessionDep,
    user: WebUser,
    analysis: uuid.UUID | None = None,
    evidence: Literal["checks", "job"] = "checks",
) -> Response:
    resume = await resumes_service.get_owned_resume(session=session, user=user, resume_id=resume_id)
    await session.commit()
    analysis_id = analysis or await _latest_review_id(session, user, resume_id)
    review = result = None
    view: dict[str, Any] = {}
    if analysis_id is not None:
        review, row = await analysis_service.get_review(session=session, user=user, analysis_id=analysis_id)
        if review.resume_id != resume.id:
            review = None
        elif row is not None:
            from resumeiq.analysis.schemas import ReviewResultOut

            result = ReviewResultOut.of(review, row)
            view = _review_view(result, resume.extracted_text or "", evidence)
    jobs = (await jobs_service.list_jobs(session=session, user=user, page=_ALL)).items
    await session.commit()
    return render(
        request,
        "review.html",
        resume=resume,
        review=review,
        result=result,
        industries=analysis_service.industries(),
        chosen=(review.target_industry if review else "general"),
        jobs=jobs,
        chosen_job=(review.job_id if review else None),
        **view,
    )


@router.post("/resumes/{resume_id}/review")
async def request_review(
    request: Request,
    resume_id: uuid.UUID,
    session: SessionDep,
    user: WebUser,
    web: WebSessionDep,
    industry: Text = "general",
    job_id: Text = "",
    csrf_token: Text = "",
) -> Response:
    check_csrf(request, web, csrf_token)
    try:
        job = uuid.UUID(job_id) if job_id.strip() else None
    except ValueError:
        raise InvalidInput("Job: choose one of your jobs, or none.") from None
    await check_limit(request, LimitKind.ANALYSIS, user)
    review = await analysis_service.request_review(
        session=session,
        user=user,
        resume_id=resume_id,
        industry=industry,
        dispatch=request.app.state.dispatcher.submit,
        charge_credits=request.app.state.settings.credits_enabled,
        job_id=job,
    )
    await count_limit(request, LimitKind.ANALYSIS, user)
    return redirect(request, f"/resumes/{resume_id}/review?analysis={review.id}")


@router.get("/reviews/{analysis_id}/status.json")
async def review_status(
    request: Request, analysis_id: uuid.UUID, session: SessionDep, user: WebUser
) -> Response:
    """For the page's script: where the review stands (the page reloads when it is done)."""
    review, _ = await analysis_service.get_review(session=session, user=user, analysis_id=analysis_id)
    return finish(request, JSONResponse({"status": review.status, "error": review.error}))
