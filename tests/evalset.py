"""The shared development set (../shared/eval-dev): its files and what each should produce.

A plain module rather than conftest content: test modules import it by name, and every test
directory has its own ``conftest`` module, so ``from conftest import …`` would depend on which
one was imported first.

The set lives beside the checkout (``../shared``, as CI lays it out); a checkout elsewhere (a git
worktree) names the folder with ``RESUMEIQ_TEST_SHARED_DIR``. Tests get the files through
``required_eval_files``: without the set they are skipped on a laptop and fail under ``CI=true``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from availability import unavailable

SHARED_DIR = Path(os.environ.get("RESUMEIQ_TEST_SHARED_DIR") or Path(__file__).resolve().parents[2] / "shared")
EVAL_DIR = SHARED_DIR / "eval-dev"


def eval_files(group: str | None = None) -> list[Path]:
    """Files of the shared development set (all, or one manifest group)."""
    manifest = EVAL_DIR / "manifest.tsv"
    if not manifest.is_file():
        return []
    rows = [line.split("\t") for line in manifest.read_text().splitlines()[1:] if line.strip()]
    return [EVAL_DIR / row[1] for row in rows if group is None or row[2] == group]


def required_eval_files(group: str | None = None) -> list[Path]:
    """``eval_files(group)``, or the test is skipped (failed under CI=true) when the set is absent."""
    files = eval_files(group)
    if not files:
        unavailable(f"the shared development set is not at {EVAL_DIR} (set RESUMEIQ_TEST_SHARED_DIR)")
    return files


def expected_error_code(path: Path) -> str | None:
    """The error code the set's truth expects for a file (None for a readable resume)."""
    truth = EVAL_DIR / "truth" / f"{path.stem}.truth.json"
    if not truth.is_file():
        return None
    expected = json.loads(truth.read_text()).get("expected_error")
    return expected["code"] if expected else None
