"""Engine calls that run inside the engine worker processes (see ``worker.pool``).

Each function takes a file path (not bytes: nothing large crosses the process boundary) and
returns a small picklable result, or an ``EngineFailure`` carrying the engine's stable code.
Nothing here raises: an unexpected exception (an engine bug) becomes ``EngineFailure`` with
``internal=True`` and its traceback on stderr.
"""

from __future__ import annotations

import os
import threading
import time
import traceback
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


def _failure(exc: BaseException) -> EngineFailure:
    from resumeiq.engine import EngineError

    if isinstance(exc, EngineError):
        return EngineFailure(code=exc.code, message=exc.message)
    traceback.print_exc()
    return EngineFailure(code=INTERNAL_ERROR, message=f"{type(exc).__name__}: {exc}", internal=True)


def parse_file(path: str, filename: str, limits: ExtractLimits) -> ParsedFile | EngineFailure:
    """Extract and parse one stored file."""
    from resumeiq.engine import parse_resume

    try:
        with open(path, "rb") as fh:
            data = fh.read()
        parsed = parse_resume(data, filename=filename, limits=limits)
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
    path: str, filename: str, industry: str, limits: ExtractLimits
) -> ReviewReport | EngineFailure:
    """Parse one stored file and review it for ``industry``."""
    from resumeiq.engine import parse_resume, score_resume

    started = time.perf_counter()
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        parsed = parse_resume(data, filename=filename, limits=limits)
        review = score_resume(parsed, industry=industry)
        return ReviewReport(
            report=review.to_report(),
            processing_time_ms=round((time.perf_counter() - started) * 1000),
            warnings=list(parsed.document.warnings),
        )
    except Exception as exc:  # noqa: BLE001
        return _failure(exc)


def ping() -> int:
    """Start-up probe: returns the worker's pid once the engine is imported."""
    import resumeiq.engine  # noqa: F401

    return os.getpid()


def watch_parent() -> None:
    """Pool initializer: exit when the process that started this worker is gone (e.g. the API
    process was SIGKILLed), instead of lingering as an orphan."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="resumeiq-parent-watch", daemon=True).start()
