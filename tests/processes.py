"""A ``resumeiq`` command run in its own process group, for tests that kill real processes.

Its own group, so that SIGKILL takes the command's children (engine workers, Celery pool,
sweeper) with it, as a crash of the whole service would. Output goes to a log file.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

CLI = "from resumeiq.cli import app; app()"
TESTS_DIR = Path(__file__).resolve().parent


def cli_code(*, slow_reviews: float | None = None, seam: str | None = None) -> str:
    """The ``python -c`` program: the CLI, with test seams (``seams.py``) installed first;
    ``seam``: a call of a ``seams`` function, as source (``"slow_screening_items(1.0, '/x')"``)."""
    calls = [f"seams.slow_reviews({float(slow_reviews)!r})"] if slow_reviews is not None else []
    calls += [f"seams.{seam}"] if seam else []
    if not calls:
        return CLI
    return f"import sys; sys.path.insert(0, {str(TESTS_DIR)!r}); import seams; {'; '.join(calls)}; {CLI}"


class CliProcess:
    """``slow_reviews``: each review waits that many seconds inside its claim (``seams.py``)."""

    def __init__(
        self,
        args: list[str],
        env: dict[str, str],
        log: Path,
        *,
        slow_reviews: float | None = None,
        seam: str | None = None,
    ) -> None:
        self.log_path = log
        self.offset = log.stat().st_size if log.exists() else 0
        self.log = log.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-c", cli_code(slow_reviews=slow_reviews, seam=seam), *args],
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def output(self) -> str:
        """What the process wrote since it started."""
        return self.log_path.read_bytes()[self.offset :].decode(errors="replace")

    def kill(self) -> None:
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)
        self.log.close()

    def stop(self, timeout: float = 20) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        self.log.close()
