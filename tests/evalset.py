"""The shared development set (../shared/eval-dev): its files and what each should produce.

A plain module rather than conftest content: test modules import it by name, and every test
directory has its own ``conftest`` module, so ``from conftest import …`` would depend on which
one was imported first.
"""

from __future__ import annotations

import json
from pathlib import Path

EVAL_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval-dev"


def eval_files(group: str | None = None) -> list[Path]:
    """Files of the shared development set (all, or one manifest group)."""
    manifest = EVAL_DIR / "manifest.tsv"
    if not manifest.is_file():
        return []
    rows = [line.split("\t") for line in manifest.read_text().splitlines()[1:] if line.strip()]
    return [EVAL_DIR / row[1] for row in rows if group is None or row[2] == group]


def expected_error_code(path: Path) -> str | None:
    """The error code the set's truth expects for a file (None for a readable resume)."""
    truth = EVAL_DIR / "truth" / f"{path.stem}.truth.json"
    if not truth.is_file():
        return None
    expected = json.loads(truth.read_text()).get("expected_error")
    return expected["code"] if expected else None
