"""``resumeiq tailor RESUME --job JOB``: files written, preview on stdout, clean errors."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from resumeiq.cli import app
from resumeiq.engine import parse_resume
from tailoring.people import FULL_STACK_JOB, MIRA, NAME_ONLY


def test_tailor_writes_the_tailored_resume_and_cover_letter(tmp_path):
    (tmp_path / "mira.txt").write_bytes(MIRA)
    (tmp_path / "job.txt").write_text(FULL_STACK_JOB)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        [
            "tailor",
            str(tmp_path / "mira.txt"),
            "--job",
            str(tmp_path / "job.txt"),
            "--out",
            str(out),
            "--format",
            "docx",
            "--cover-letter",
        ],
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["cover_letter"]["status"] == "success"
    assert "Kubernetes" in summary["keywords"]["after"]["missing"]
    back = parse_resume((out / "mira.tailored.docx").read_bytes(), filename="m.docx").resume
    assert back.basics.name == "Mira Okafor"
    assert "JavaScript" in back.skills[0].keywords
    assert "Lumen Freight" in (out / "mira.cover-letter.txt").read_text()


def test_tailor_refuses_a_resume_with_nothing_to_tailor(tmp_path):
    (tmp_path / "t.txt").write_bytes(NAME_ONLY)
    (tmp_path / "job.txt").write_text(FULL_STACK_JOB)
    result = CliRunner().invoke(
        app, ["tailor", str(tmp_path / "t.txt"), "--job", str(tmp_path / "job.txt"), "--out", str(tmp_path)]
    )
    assert result.exit_code == 3
    assert "nothing_to_tailor" in result.stderr
    assert not list(tmp_path.glob("*.tailored.*"))
