"""Loading of the engine's shipped data files (read once per process)."""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_json(name: str) -> Any:
    """Load ``resumeiq/engine/data/<name>`` (``.json`` or ``.json.gz``)."""
    base = resources.files("resumeiq.engine") / "data"
    path = base / name
    if name.endswith(".gz"):
        return json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    return json.loads(path.read_text(encoding="utf-8"))
