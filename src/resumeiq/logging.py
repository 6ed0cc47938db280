"""Logging set-up for the service: one line per record on stderr, level from the settings."""

from __future__ import annotations

import logging
import sys

_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def configure_logging(level: str = "INFO") -> None:
    """Configure the ``resumeiq`` logger (idempotent). Uvicorn keeps its own access log."""
    logger = logging.getLogger("resumeiq")
    logger.setLevel(level)
    if not any(getattr(h, "_resumeiq", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler._resumeiq = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.propagate = False
