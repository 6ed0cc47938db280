"""What a test needs from outside the repository (the PostgreSQL and Redis servers, the shared
measurement sets beside the checkout): skip on a laptop without it, fail in CI, where it must be
there. A plain module (not conftest content) so that any test module can import it by name."""

from __future__ import annotations

import os

import pytest

CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def unavailable(reason: str) -> None:
    """Skip on a laptop without the service or files; fail in CI, where they must be there."""
    if CI:
        pytest.fail(f"{reason} (CI=true: it must be available)", pytrace=False)
    pytest.skip(reason)
