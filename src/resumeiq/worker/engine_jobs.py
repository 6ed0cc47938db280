"""Engine calls that run inside the engine worker processes (see ``worker.pool``).

Each function takes a file path (not bytes: nothing large crosses the process boundary) and
returns a small picklable result, or an ``EngineFailure`` carrying the engine's stable code.
Nothing here raises: an unexpected exception (an engine bug) becomes ``EngineFailure`` with
``internal=True`` and its traceback on stderr.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from resumeiq.engine import ExtractLimits

INTERNAL_ERROR = "internal_error"


@dataclass(frozen=True, slots=True)
class EngineFailure:
    code: str
    message: str
    internal: bool = False


@dataclass(frozen=True, slots=True)
class ParsedFile:
    text: str
    format: str
    pages: int
    warnings: list[str]
    json_resume: dict[str, Any]
    name: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class ReviewReport:
    report: dict[str, Any]  # Review.to_report()
    processing_time_ms: int
    warnings: list[str] = field(default_factory=list)


# Seconds spent per engine stage in the current call (one call at a time per process).
_stages: dict[str, float] = {}


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Count the time of the block as engine stage ``name`` (``resumeiq_engine_stage_seconds``)."""
    started = time.perf_counter()
    try:
        yield
    finally:
        _stages[name] = _stages.get(name, 0.0) + time.perf_counter() - started


def timed(fn: Callable[..., Any], *args: Any) -> tuple[Any, dict[str, float]]:
    """``fn(*args)`` and the seconds it spent per stage: what the pool runs in its processes. A
    call that marks no stage (a tailoring) counts whole, under its function's name."""
    _stages.clear()
    started = time.perf_counter()
    try:
        result = fn(*args)
        if not _stages and fn is not ping:
            _stages[fn.__name__] = time.perf_counter() - started
        return result, dict(_stages)
    finally:
        _stages.clear()


def _parse(data: bytes, filename: str, limits: ExtractLimits) -> Any:
    """``engine.parse_resume``, timed as its two stages: extract, then segment and parse."""
    from resumeiq.engine import extract_text
    from resumeiq.engine.pipeline import parse_document

    with stage("extract"):
        doc = extract_text(data, filename=filename, limits=limits)
    with stage("parse"):
        return parse_document(doc)


def _failure(exc: BaseException) -> EngineFailure:
    from resumeiq.engine import EngineError

    if isinstance(exc, EngineError):
        return EngineFailure(code=exc.code, message=exc.message)
    traceback.print_exc()
    return EngineFailure(code=INTERNAL_ERROR, message=f"{type(exc).__name__}: {exc}", internal=True)


def parse_file(path: str, filename: str, limits: ExtractLimits) -> ParsedFile | EngineFailure:
    """Extract and parse one stored file."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        parsed = _parse(data, filename, limits)
        doc = parsed.document
        basics = parsed.resume.basics
        return ParsedFile(
            text=doc.text,
            format=doc.format,
            pages=doc.layout.pages,
            warnings=list(doc.warnings),
            json_resume=parsed.resume.to_json_resume(),
            name=basics.name,
            email=basics.email,
        )
    except Exception as exc:  # noqa: BLE001  (turned into a typed failure, see module doc)
        return _failure(exc)


def review_file(
    path: str,
    filename: str,
    industry: str,
    limits: ExtractLimits,
    job: tuple[str, dict[str, Any], str, tuple[float, float]] | None = None,
) -> ReviewReport | EngineFailure:
    """Parse one stored file and review it for ``industry``; with ``job`` (requirements key,
    requirements as JSON, posting text, thresholds) the report also holds ``job_match``, the
    review against that posting (``engine.match.job_review``)."""
    from resumeiq.engine import score_resume

    started = time.perf_counter()
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        parsed = _parse(data, filename, limits)
        with stage("score"):
            review = score_resume(parsed, industry=industry)
            report = review.to_report()
        if job is not None:
            from resumeiq.engine.match.job_review import job_review
            from resumeiq.engine.match.match import Thresholds, match_prepared, prepare_resume

            key, requirements, text, (selected, considered) = job
            with stage("match"):
                result = match_prepared(
                    prepare_resume(parsed),
                    _prepared_job(key, requirements, text),
                    thresholds=Thresholds(selected=selected, considered=considered),
                )
                report["job_match"] = job_review(result)
        return ReviewReport(
            report=report,
            processing_time_ms=round((time.perf_counter() - started) * 1000),
            warnings=list(parsed.document.warnings),
        )
    except Exception as exc:  # noqa: BLE001
        return _failure(exc)


@dataclass(frozen=True, slots=True)
class ParsedJob:
    text: str  # the posting's text (extracted from the file, or as given)
    requirements: dict[str, Any]  # JobRequirements, JSON-ready
    format: str | None = None  # of the file, when one was given


def parse_job_posting(
    text: str | None, path: str | None, filename: str | None, title: str | None, limits: ExtractLimits
) -> ParsedJob | EngineFailure:
    """Read a job posting's requirements, from ``text`` or from the file at ``path`` (its format
    is decided by its content, as for resumes). The text is normalised first (line endings, NFC,
    trailing spaces), and the evidence spans index into that normalised text."""
    from resumeiq.engine import extract_text
    from resumeiq.engine.match.jobs import normalise_job_text, parse_job

    try:
        fmt = None
        if text is None:
            assert path is not None
            with open(path, "rb") as fh:
                data = fh.read()
            with stage("extract"):
                doc = extract_text(data, filename=filename, limits=limits)
            text, fmt = doc.text, doc.format
        with stage("job_parse"):
            text = normalise_job_text(text)
            requirements = parse_job(text, title=title)
        return ParsedJob(text=text, requirements=requirements.model_dump(mode="json"), format=fmt)
    except Exception as exc:  # noqa: BLE001
        return _failure(exc)


@dataclass(frozen=True, slots=True)
class MatchReport:
    """A resume matched against a job: the engine's explained result, JSON-ready."""

    score: int  # 0..100
    category: str  # selected | considered | rejected
    details: dict[str, Any]
    processing_time_ms: int
    warnings: list[str] = field(default_factory=list)
    # Who the resume belongs to, for listings and e-mails; never an input of the score.
    contact: dict[str, str | None] = field(default_factory=dict)
    # The parse itself (``match_file`` only): a screened file is stored as a resume of its candidate.
    parsed: ParsedFile | None = None


_JOB_CACHE: dict[str, Any] = {}
_JOB_CACHE_SIZE = 64


def _prepared_job(key: str, job: dict[str, Any], job_text: str) -> Any:
    """The engine's ``PreparedJob`` for a job given as JSON requirements and text, built once per
    worker process and ``key`` (the job's requirements key: same key, same requirements)."""
    from resumeiq.engine.match.jobs import JobRequirements
    from resumeiq.engine.match.match import prepare_job

    found = _JOB_CACHE.get(key)
    if found is None:
        if len(_JOB_CACHE) >= _JOB_CACHE_SIZE:
            _JOB_CACHE.pop(next(iter(_JOB_CACHE)))
        found = _JOB_CACHE[key] = prepare_job(JobRequirements.model_validate(job), job_text)
    return found


def _contact(parsed: Any) -> dict[str, str | None]:
    basics = parsed.resume.basics
    location = basics.location
    place = None
    if location is not None:
        parts = [location.address, location.city, location.region, location.postalCode, location.countryCode]
        place = ", ".join(p for p in parts if p) or None
    return {"name": basics.name, "email": basics.email, "phone": basics.phone, "location": place}


def _match_prepared(
    resume: Any,
    job_key: str,
    job: dict[str, Any],
    job_text: str,
    thresholds: tuple[float, float],
    started: float,
) -> MatchReport:
    from resumeiq.engine.match.match import Thresholds, match_prepared

    with stage("match"):
        result = match_prepared(
            resume,
            _prepared_job(job_key, job, job_text),
            thresholds=Thresholds(selected=thresholds[0], considered=thresholds[1]),
        )
    return MatchReport(
        score=result.match_score,
        category=result.category,
        details=result.model_dump(mode="json"),
        processing_time_ms=round((time.perf_counter() - started) * 1000),
        warnings=list(resume.parsed.document.warnings),
        contact=_contact(resume.parsed),
    )


def _prepared_resume(path: str, filename: str, limits: ExtractLimits) -> Any:
    from resumeiq.engine.match.match import prepare_resume

    with open(path, "rb") as fh:
        data = fh.read()
    parsed = _parse(data, filename, limits)
    with stage("match"):
        return prepare_resume(parsed)


def match_file(
    path: str,
    filename: str,
    job_key: str,
    job: dict[str, Any],
    job_text: str,
    thresholds: tuple[float, float],
    limits: ExtractLimits,
) -> MatchReport | EngineFailure:
    """Parse one stored resume and match it against a job (``job``: JobRequirements as JSON;
    ``thresholds``: the selected and considered cut-offs, 0-100)."""
    started = time.perf_counter()
    try:
        resume = _prepared_resume(path, filename, limits)
        report = _match_prepared(resume, job_key, job, job_text, thresholds, started)
        doc, basics = resume.parsed.document, resume.parsed.resume.basics
        parsed = ParsedFile(
            text=doc.text,
            format=doc.format,
            pages=doc.layout.pages,
            warnings=list(doc.warnings),
            json_resume=resume.parsed.resume.to_json_resume(),
            name=basics.name,
            email=basics.email,
        )
        return dataclasses.replace(report, parsed=parsed)
    except Exception as exc:  # noqa: BLE001
        return _failure(exc)


def match_file_many(
    path: str,
    filename: str,
    jobs: list[tuple[str, dict[str, Any], str]],
    thresholds: tuple[float, float],
    limits: ExtractLimits,
) -> list[MatchReport] | EngineFailure:
    """Parse one stored resume once and match it against each ``(job_key, job, job_text)``."""
    try:
        resume = _prepared_resume(path, filename, limits)
        return [
            _match_prepared(resume, key, job, text, thresholds, time.perf_counter())
            for key, job, text in jobs
        ]
    except Exception as exc:  # noqa: BLE001
        return _failure(exc)


def ping() -> int:
    """Start-up probe: returns the worker's pid once the engine is imported."""
    import resumeiq.engine  # noqa: F401

    return os.getpid()


def init_worker(nice: int = 0, owner_pid: int | None = None) -> None:
    """Pool initializer: lower the worker's CPU priority by ``nice`` (background analysis must
    not starve the API's request handling on the same cores), then make the worker die with the
    process that owns the pool (``owner_pid``, the API; see ``die_with``)."""
    lower_priority(nice)
    die_with(owner_pid or os.getppid())


def lower_priority(nice: int) -> None:
    """Run this process ``nice`` steps nicer (engine work yields the CPU to request handling);
    where the system refuses, say so and run at normal priority."""
    if nice <= 0:
        return
    try:
        os.nice(nice)
    except OSError as exc:
        logging.getLogger(__name__).warning("could not lower the engine's priority by %d: %s", nice, exc)


_PR_SET_PDEATHSIG = 1


def die_with(owner_pid: int) -> None:
    """Exit as soon as the process ``owner_pid`` is gone (e.g. the API process was SIGKILLed),
    instead of lingering as an orphan.

    A worker's parent is multiprocessing's fork server, not the API: the fork server lives as
    long as any of its children holds its "alive" pipe, and the children would wait for it, so
    watching the parent alone keeps both alive for good. So: the kernel kills this worker when
    its parent dies (``PR_SET_PDEATHSIG``, Linux), and a thread waits on a pidfd of the owner
    (readable once it exits; polled once a second where pidfds do not exist). With the workers
    gone, the fork server's pipe closes and it exits too.
    """
    _parent_death_signal()
    pidfd = None
    with contextlib.suppress(AttributeError, OSError):
        pidfd = os.pidfd_open(owner_pid)
    if pidfd is None and not _alive(owner_pid):
        os._exit(0)

    def watch() -> None:
        if pidfd is not None:
            import select

            select.select([pidfd], [], [])
            os._exit(0)
        while _alive(owner_pid):
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="resumeiq-owner-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _parent_death_signal() -> None:
    """Ask Linux to SIGKILL this process when its parent exits (no-op elsewhere)."""
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
