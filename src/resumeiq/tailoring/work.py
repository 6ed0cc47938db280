"""The CPU part of a preview, run in the engine process pool (``EnginePool.call``).

``preview(...)`` reads the original file, matches it against the job (the "before" keywords),
tailors the stored JSON Resume deterministically, checks every change against the guarantees
(a change that breaks one is dropped and reported), renders the result as Markdown and reads it
back with the engine (the "after" keywords, and proof that the export reads back), and writes the
requested cover letter and outreach note. It returns plain JSON-ready data; nothing here raises:
an engine error or a refusal comes back as ``EngineFailure`` with its code.
"""

from __future__ import annotations

import time
import traceback
from typing import Any

from resumeiq.worker.engine_jobs import EngineFailure

# Sections the JSON Resume model keeps; a heading of another kind is not carried into exports.
_KEPT_SECTIONS = frozenset(
    {
        "header",
        "summary",
        "experience",
        "education",
        "skills",
        "projects",
        "certificates",
        "languages",
        "personal",
    }
)
NOTHING_TO_TAILOR = "nothing_to_tailor"


def _keywords(result: Any) -> dict[str, Any]:
    direct = ("work", "summary", "listed")
    return {
        "matched": [m.skill for m in result.matched_required if m.status in direct],
        "missing": [m.skill for m in result.missing_required]
        + [m.skill for m in result.related_required]
        + [m.skill for m in result.matched_required if m.status not in direct],
        "preferred_matched": [m.skill for m in result.matched_preferred if m.status in direct],
        "match_score": result.match_score,
    }


def _has_content(doc: dict[str, Any]) -> bool:
    basics = doc.get("basics") or {}
    return bool(doc.get("work") or doc.get("education") or doc.get("skills") or basics.get("summary"))


def preview(
    path: str,
    filename: str,
    resume_doc: dict[str, Any],
    job_key: str,
    job: dict[str, Any],
    job_text: str,
    job_title: str | None,
    company: str | None,
    cover_letter: bool,
    outreach: bool,
    limits: Any,
) -> dict[str, Any] | EngineFailure:
    return preview_llm(
        path,
        filename,
        resume_doc,
        job_key,
        job,
        job_text,
        job_title,
        company,
        cover_letter,
        outreach,
        [],
        limits,
    )


def preview_llm(
    path: str,
    filename: str,
    resume_doc: dict[str, Any],
    job_key: str,
    job: dict[str, Any],
    job_text: str,
    job_title: str | None,
    company: str | None,
    cover_letter: bool,
    outreach: bool,
    llm_changes: list[dict[str, Any]],
    limits: Any,
) -> dict[str, Any] | EngineFailure:
    """``preview`` with a language model's rewrites (``Change.to_json()`` shapes, paths of the
    original) laid over the deterministic changes, each checked against the guarantees: a rewrite
    that breaks one is dropped and reported. The result's ``llm_kept`` counts the rewrites kept."""
    started = time.perf_counter()
    try:
        return _preview(
            path,
            filename,
            resume_doc,
            job_key,
            job,
            job_text,
            job_title,
            company,
            cover_letter,
            outreach,
            llm_changes,
            limits,
            started,
        )
    except Exception as exc:  # noqa: BLE001  (a typed failure, see the module doc)
        from resumeiq.engine import EngineError

        if isinstance(exc, EngineError):
            return EngineFailure(code=exc.code, message=exc.message)
        traceback.print_exc()
        return EngineFailure(code="internal_error", message=f"{type(exc).__name__}: {exc}", internal=True)


def _preview(
    path: str,
    filename: str,
    resume_doc: dict[str, Any],
    job_key: str,
    job: dict[str, Any],
    job_text: str,
    job_title: str | None,
    company: str | None,
    want_letter: bool,
    want_outreach: bool,
    llm_changes: list[dict[str, Any]],
    limits: Any,
    started: float,
) -> dict[str, Any] | EngineFailure:
    from resumeiq.engine import parse_resume
    from resumeiq.engine.match.jobs import JobRequirements
    from resumeiq.engine.match.match import match_prepared, prepare_job, prepare_resume
    from resumeiq.tailoring import letters
    from resumeiq.tailoring.changes import Change, apply_changes
    from resumeiq.tailoring.guarantees import Guard
    from resumeiq.tailoring.render import render_resume
    from resumeiq.tailoring.tailor import tailor_resume

    if not _has_content(resume_doc):
        return EngineFailure(
            code=NOTHING_TO_TAILOR,
            message="The resume has no experience, education, skills or summary that resumeiq could "
            "read, so there is nothing to tailor (resumeiq does not write a resume from nothing).",
        )
    requirements = JobRequirements.model_validate(job)
    prepared_job = prepare_job(requirements, job_text)
    with open(path, "rb") as fh:
        original = parse_resume(fh.read(), filename=filename, limits=limits)
    original_text = original.document.text
    before = match_prepared(prepare_resume(original), prepared_job)
    warnings: list[str] = []
    if not requirements.required_skills:
        warnings.append(
            "The posting names no required skills resumeiq recognises, so skills and bullets were "
            "ordered by its preferred skills only (or left as they were)."
        )
    for section in original.sections:
        if section.kind not in _KEPT_SECTIONS and section.heading:
            warnings.append(
                f"The original's section “{section.heading.strip()}” is not part of the structured "
                "resume resumeiq reads, so it is not in the tailored resume or its exports; add it "
                "back by hand if you need it."
            )

    plan = tailor_resume(resume_doc, requirements, job_text, before)
    kept = []
    guard = Guard(resume_doc, original_text)
    for change in plan.changes:
        trial = apply_changes(resume_doc, [*kept, change])
        problems = guard.violations(trial)
        if problems:
            warnings.append(f"A tailoring change to {change.path} was dropped: {'; '.join(problems)}.")
        else:
            kept.append(change)
    # The model's rewrites are numbered after the deterministic changes (their ids stay as they were).
    rewrites = [
        Change.from_json({**c, "id": f"d{i}"}) for i, c in enumerate(llm_changes, start=len(plan.changes) + 1)
    ]
    kept, llm_kept = _lay_over(resume_doc, guard, kept, rewrites, warnings)
    tailored = apply_changes(resume_doc, kept)

    exported = parse_resume(render_resume(tailored, "md"), filename="tailored.md", limits=limits)
    after = match_prepared(prepare_resume(exported), prepared_job)
    kw_before, kw_after = _keywords(before), _keywords(after)
    lost = [s for s in kw_before["matched"] if s not in kw_after["matched"]]
    if lost:
        warnings.append(
            "Read back from the tailored resume's text, these skills the original shows were not "
            f"found again: {', '.join(lost)} (the original's layout showed them in a way the "
            "structured resume does not keep)."
        )

    def part(requested: bool, write: Any, what: str) -> dict[str, Any]:
        if not requested:
            return {"status": "not_requested", "text": None, "error": None}
        try:
            text = write(tailored, before, job_title=job_title, company=company)
        except letters.NoEvidence as exc:
            warnings.append(f"The {what} was not written: {exc}")
            return {"status": "failed", "text": None, "error": str(exc)}
        return {"status": "success", "text": text, "error": None}

    return {
        "tailored": tailored,
        "diff": [c.to_json() for c in kept],
        "keywords": {"before": kw_before, "after": kw_after},
        "suggestions": [s.to_json() for s in plan.suggestions],
        "cover_letter": part(want_letter, letters.cover_letter, "cover letter"),
        "outreach": part(want_outreach, letters.outreach, "outreach note"),
        "warnings": warnings,
        "llm_kept": llm_kept,
        "processing_time_ms": round((time.perf_counter() - started) * 1000),
    }


def _lay_over(
    resume_doc: dict[str, Any], guard: Any, kept: list[Any], rewrites: list[Any], warnings: list[str]
) -> tuple[list[Any], int]:
    """``kept`` with each model rewrite that keeps every guarantee (it replaces a deterministic
    change of the same text, e.g. the summary sentence); the others are dropped and reported."""
    from resumeiq.tailoring.changes import PointerError, apply_changes

    count = 0
    for change in rewrites:
        base = [c for c in kept if c.op == "moved" or c.path != change.path]
        rewritten = [c.path for c in (*base, change) if c.op != "moved" and "/highlights/" in c.path]
        try:
            problems = guard.new_text_problems(change.after or "") + guard.violations(
                apply_changes(resume_doc, [*base, change]), rewritten
            )
        except PointerError as exc:
            problems = [f"its path does not fit this resume ({exc.message})"]
        if problems:
            warnings.append(
                f"The language model's rewrite of {change.path} was dropped because it would add what "
                f"the original does not say: {'; '.join(problems)}."
            )
            continue
        kept = [*base, change]
        count += 1
    # A reordered bullet list shows its bullets as they now read.
    texts = {c.path: c.after for c in kept if c.op == "changed" and "/highlights/" in c.path}
    for c in kept:
        if c.op == "moved" and c.path.endswith("/highlights") and texts:
            c.after = [texts.get(f"{c.path}/{i}", c.before[i]) for i in c.order]
    return kept, count
