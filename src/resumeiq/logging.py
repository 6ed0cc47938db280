"""Logging set-up for the service: one JSON object per line on stderr (python-json-logger),
level from the settings, each with the id of the request it belongs to (``request_id``), the
logger's name, the level and the time. Uvicorn's own loggers write through the same handler.

Logs never hold the data requests carry. Exceptions are written as their types and frames
(``describe_exception``), without their messages: a database error's message quotes the values
it could not store (an e-mail address, a line of a resume), a validation error's its input. SQL
parameters are hidden by the engine itself (``hide_parameters``, see ``resumeiq.db``).
"""

from __future__ import annotations

import logging
import sys
import time
import traceback
from contextvars import ContextVar

from pythonjsonlogger.json import JsonFormatter

_FIELDS = ["asctime", "levelname", "name", "request_id", "message"]
_RENAMED = {"asctime": "time", "levelname": "level", "name": "logger"}

# The id of the request being served ("-" outside requests: start-up, workers).
request_id: ContextVar[str] = ContextVar("resumeiq_request_id", default="-")


def describe_exception(exc: BaseException) -> str:
    """``exc`` and the exceptions it came from (``__cause__``/``__context__``), each as its
    qualified type and the frames it passed through, outermost last, as a traceback reads; the
    messages are left out."""
    chain: list[BaseException] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    parts = []
    for item in reversed(chain):
        kind = type(item)
        frames = "".join(traceback.format_tb(item.__traceback__))
        parts.append(f"{frames}{kind.__module__}.{kind.__qualname__} (message not logged)")
    return "\nwhich led to:\n".join(parts)


class _RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


class _Formatter(JsonFormatter):
    def formatException(self, ei) -> str:  # noqa: N802 (logging's name)
        exc = ei[1]
        return describe_exception(exc) if exc is not None else ""


def json_formatter() -> logging.Formatter:
    """One JSON object per record: time (UTC, ISO 8601), level, logger, request_id, message and,
    for an exception, ``exc_info`` (types and frames only)."""
    formatter = _Formatter(
        _FIELDS, rename_fields=_RENAMED, datefmt="%Y-%m-%dT%H:%M:%SZ", json_ensure_ascii=False
    )
    formatter.converter = time.gmtime
    formatter.default_msec_format = "%s.%03dZ"
    return formatter


def configure_logging(level: str = "INFO") -> None:
    """Configure the ``resumeiq`` and ``uvicorn`` loggers (idempotent): JSON lines on stderr."""
    for name in ("resumeiq", "uvicorn", "uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        if name in ("resumeiq", "uvicorn"):
            logger.setLevel(level)
        if name == "uvicorn.error":
            logger.propagate = True  # to "uvicorn"
            continue
        if not any(getattr(h, "_resumeiq", False) for h in logger.handlers):
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(json_formatter())
            handler.addFilter(_RequestIdFilter())
            handler._resumeiq = True  # type: ignore[attr-defined]
            logger.addHandler(handler)
        logger.propagate = False
    logger = logging.getLogger("resumeiq")
    # aiosqlite's debug lines hold every statement with its parameters.
    logging.getLogger("aiosqlite").setLevel(max(logging.INFO, logger.getEffectiveLevel()))
