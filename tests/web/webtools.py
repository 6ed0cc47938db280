"""What the browser tests share besides fixtures: where screenshots go, the test password."""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
PASSWORD = "amber lantern over quiet harbour"


def shoot(page: Any, name: str) -> Path:
    """A full-page screenshot under ``test-artifacts/`` (git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
