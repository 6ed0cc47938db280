"""Logging set-up for the service: one line per record on stderr, level from the settings, each
with the id of the request it belongs to.

Logs never hold the data requests carry. Exceptions are written as their types and frames
(``describe_exception``), without their messages: a database error's message quotes the values
it could not store (an e-mail address, a line of a resume), a validation error's its input. SQL
parameters are hidden by the engine itself (``hide_parameters``, see ``resumeiq.db``).
"""

from __future__ import annotations

import logging
import sys
import traceback
from contextvars import ContextVar

_FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(request_id)s]: %(message)s"

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


class _Formatter(logging.Formatter):
    def formatException(self, ei) -> str:  # noqa: N802 (logging's name)
        exc = ei[1]
        return describe_exception(exc) if exc is not None else ""


def configure_logging(level: str = "INFO") -> None:
    """Configure the ``resumeiq`` logger (idempotent). Uvicorn keeps its own access log."""
    logger = logging.getLogger("resumeiq")
    logger.setLevel(level)
    if not any(getattr(h, "_resumeiq", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_Formatter(_FORMAT))
        handler.addFilter(_RequestIdFilter())
        handler._resumeiq = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.propagate = False
    # aiosqlite's debug lines hold every statement with its parameters.
    logging.getLogger("aiosqlite").setLevel(max(logging.INFO, logger.getEffectiveLevel()))
