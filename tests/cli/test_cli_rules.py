"""What every command shares: ``--version``, one exit-code rule (3 when any file could not be
read, with the files listed), progress labels spelled right, names in tables, and errors that
read as sentences on a terminal (JSON for scripts otherwise)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from resumeiq import __version__
from resumeiq.cli import app, common

RESUME = """Priya Raghunathan
Data Engineer
priya.raghunathan@example.com | (206) 555-0142

EXPERIENCE
Data Engineer, Larkspur Analytics    2018-03 to 2025-04
- Built Airflow pipelines loading Snowflake with Python

SKILLS
Python, Airflow, Snowflake, SQL
"""
JOB = """Data Engineer

Requirements
- 3+ years of experience in data engineering
- Experience with Python, Airflow and Snowflake
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "priya.txt").write_text(RESUME)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "torn.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<")
    return inbox


@pytest.fixture
def job(tmp_path: Path) -> Path:
    path = tmp_path / "data-engineer.txt"
    path.write_text(JOB)
    return path


def test_version(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"resumeiq {__version__}"


@pytest.mark.parametrize(
    "command",
    [
        ["parse", "{folder}", "--out", "{out}", "-j", "1"],
        ["analyze", "{folder}", "--out", "{out}", "-j", "1"],
        ["rank", "--job", "{job}", "{folder}", "--out", "{out}", "-j", "1"],
    ],
    ids=["parse", "analyze", "rank"],
)
def test_every_command_exits_3_when_any_file_could_not_be_read_and_lists_them(
    runner, folder, job, tmp_path, command
):
    args = [a.format(folder=folder, out=tmp_path / "out", job=job) for a in command]
    result = runner.invoke(app, args)
    assert result.exit_code == 3, result.output
    assert "2 could not be read: empty.txt (empty_file), torn.pdf (corrupt_file)" in result.stderr
    assert any((tmp_path / "out").iterdir())  # the readable file was still processed


def test_a_folder_of_readable_files_exits_0_for_every_command(runner, folder, job, tmp_path):
    for name in ("empty.txt", "torn.pdf"):
        (folder / name).unlink()
    for args in (["parse", str(folder), "--out", str(tmp_path / "p")],
                 ["analyze", str(folder), "--out", str(tmp_path / "a")],
                 ["rank", "--job", str(job), str(folder), "--json"]):  # fmt: skip
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.output)


@pytest.mark.parametrize(
    "command", [["parse"], ["analyze"], ["rank", "--job", "{job}"], ["tailor", "--job", "{job}"]]
)
def test_one_unreadable_file_exits_3_for_every_command(runner, folder, job, command):
    args = [a.format(job=job) for a in command] + [str(folder / "empty.txt")]
    result = runner.invoke(app, args)
    assert result.exit_code == 3, result.output
    assert json.loads(result.stderr.strip().splitlines()[-1])["code"] == "empty_file"  # not a terminal


@pytest.mark.parametrize(("command", "label"), [("parse", "parsing"), ("analyze", "analyzing")])
def test_progress_labels_are_spelled_right(runner, folder, tmp_path, command, label):
    result = runner.invoke(app, [command, str(folder), "--out", str(tmp_path / "out"), "-j", "1"])
    assert label in result.stderr
    assert "parseing" not in result.stderr and "analyzeing" not in result.stderr


def test_the_rank_table_names_the_candidates(runner, folder, job):
    (folder / "empty.txt").unlink()
    (folder / "torn.pdf").unlink()
    (folder / "copy.txt").write_text(RESUME)
    result = runner.invoke(app, ["rank", "--job", str(job), str(folder)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if "Priya Raghunathan" in line]
    assert len(rows) == 2  # the name, not the file stem; both files are the same person
    assert "same file as" in result.stdout


def test_errors_read_as_sentences_on_a_terminal(runner, folder, monkeypatch):
    screen = io.StringIO()
    monkeypatch.setattr(common, "err", Console(file=screen, force_terminal=True, width=200))
    result = runner.invoke(app, ["parse", str(folder / "torn.pdf")])
    assert result.exit_code == 3
    text = screen.getvalue()
    assert "error:" in text and "torn.pdf" in text and "corrupt_file" in text
    assert "{" not in text  # not the JSON object scripts get
