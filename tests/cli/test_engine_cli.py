"""``resumeiq parse`` and ``resumeiq analyze`` on files and folders the tests build.

Exit codes: 0 ok, 2 usage, 3 a document could not be read. Run through Typer's CliRunner, and once
as the installed ``resumeiq`` program in a real subprocess.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from resumeiq.cli import app

# The file builders live with the engine tests; load them without making tests/ a package.
_spec = importlib.util.spec_from_file_location(
    "engine_test_builders", Path(__file__).resolve().parents[1] / "engine" / "conftest.py"
)
builders = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = builders  # dataclasses look their module up there
_spec.loader.exec_module(builders)

REVIEW_KEYS = {
    "overall_score", "ats_score", "content_score", "formatting_score", "industry", "band", "checks",
    "executive_summary", "strengths", "weaknesses", "recommendations",
}
ERROR_CODES = {"no_text_layer", "encrypted_file", "empty_file", "unsupported_format", "corrupt_file", "too_large"}


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    pdf = builders.build_resume_pdf()
    return {
        "maria.pdf": pdf,
        "maria_word.docx": builders.build_resume_docx(),
        "maria_plain.txt": builders.resume_text().encode(),
        "scan.pdf": builders.build_image_only_pdf(),
        "locked.pdf": builders.build_resume_pdf(encrypt="s3cret-pass"),
        "blank.txt": b"   \n",
        "photo.pdf": builders.build_png(),
        "broken.pdf": pdf[:200],
    }


READABLE = ["maria.pdf", "maria_word.docx", "maria_plain.txt"]
UNREADABLE = {
    "scan.pdf": "no_text_layer",
    "locked.pdf": "encrypted_file",
    "blank.txt": "empty_file",
    "photo.pdf": "unsupported_format",
    "broken.pdf": "corrupt_file",
}


def _folder(root: Path, files: dict[str, bytes], names) -> Path:
    folder = root / "inbox"
    folder.mkdir()
    for name in names:
        (folder / name).write_bytes(files[name])
    return folder


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


# --------------------------------------------------------------------------- parse


def test_parse_file_prints_json_resume(runner, tmp_path, files):
    path = tmp_path / "maria.pdf"
    path.write_bytes(files["maria.pdf"])
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["basics"]["name"] == "Maria Gonzalez"
    assert doc["basics"]["email"] == "maria.gonzalez@example.com"
    assert [w["name"] for w in doc["work"]] == ["Acme Corp", "Globex Corporation"]
    assert "meta" not in doc


def test_parse_file_with_evidence_adds_spans(runner, tmp_path, files):
    path = tmp_path / "maria.docx"
    path.write_bytes(files["maria_word.docx"])
    result = runner.invoke(app, ["parse", str(path), "--evidence"])
    assert result.exit_code == 0, result.output
    evidence = json.loads(result.stdout)["meta"]["evidence"]
    assert evidence["/basics/email"][1] > evidence["/basics/email"][0]
    assert "/work/0/position" in evidence and "/education/0/institution" in evidence


def test_parse_folder_writes_one_json_per_file_and_errors_for_unreadable(runner, tmp_path, files):
    folder = _folder(tmp_path, files, files)
    out = tmp_path / "out"
    result = runner.invoke(app, ["parse", str(folder), "--out", str(out), "--jobs", "2"])

    assert result.exit_code == 3, result.output
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted([f"{Path(n).stem}.json" for n in READABLE] + [f"{Path(n).stem}.error.json" for n in UNREADABLE])
    for name in READABLE:
        doc = json.loads((out / f"{Path(name).stem}.json").read_text())
        assert doc["basics"]["name"] == "Maria Gonzalez" and doc["work"]
    for name, code in UNREADABLE.items():
        error = json.loads((out / f"{Path(name).stem}.error.json").read_text())
        assert set(error) == {"code", "message"}
        assert error["code"] == code and error["message"]


def test_parse_folder_of_readable_files_exits_0(runner, tmp_path, files):
    folder = _folder(tmp_path, files, READABLE)
    out = tmp_path / "out"
    result = runner.invoke(app, ["parse", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{Path(n).stem}.json" for n in READABLE)


@pytest.mark.parametrize("command", ["parse", "analyze"])
def test_folder_without_out_is_a_usage_error(runner, tmp_path, files, command):
    folder = _folder(tmp_path, files, READABLE)
    result = runner.invoke(app, [command, str(folder)])
    assert result.exit_code == 2
    assert "--out" in result.output
    assert list(tmp_path.iterdir()) == [folder]


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_unreadable_file_exits_3_with_the_error_on_stderr(runner, tmp_path, files, name):
    path = tmp_path / name
    path.write_bytes(files[name])
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 3
    assert result.stdout == ""
    error = json.loads(result.stderr)
    assert error == {"code": UNREADABLE[name], "message": error["message"]} and error["message"]


def test_unreadable_file_with_out_writes_the_error_file(runner, tmp_path, files):
    path = tmp_path / "locked.pdf"
    path.write_bytes(files["locked.pdf"])
    out = tmp_path / "out"
    result = runner.invoke(app, ["parse", str(path), "--out", str(out)])
    assert result.exit_code == 3
    assert json.loads((out / "locked.error.json").read_text())["code"] == "encrypted_file"
    assert not (out / "locked.json").exists()


def test_missing_path_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(app, ["parse", str(tmp_path / "nope.pdf")])
    assert result.exit_code == 2


# --------------------------------------------------------------------------- analyze


def test_analyze_json_has_exactly_the_review_keys(runner, tmp_path, files):
    path = tmp_path / "maria.pdf"
    path.write_bytes(files["maria.pdf"])
    result = runner.invoke(app, ["analyze", str(path), "--industry", "data_science", "--json"])
    assert result.exit_code == 0, result.output
    review = json.loads(result.stdout)
    assert set(review) == REVIEW_KEYS
    assert review["industry"] == "data_science"
    for key in ("overall_score", "ats_score", "content_score", "formatting_score"):
        assert isinstance(review[key], int) and 0 <= review[key] <= 100
    assert review["checks"] and {"id", "status", "weight", "suggestion"} <= set(review["checks"][0])


def test_analyze_without_json_prints_a_readable_report(runner, tmp_path, files):
    path = tmp_path / "maria.txt"
    path.write_bytes(files["maria_plain.txt"])
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 0, result.output
    assert "resumeiq review: maria.txt" in result.stdout
    assert "overall" in result.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(result.stdout)


def test_analyze_unknown_industry_is_a_usage_error(runner, tmp_path, files):
    path = tmp_path / "maria.pdf"
    path.write_bytes(files["maria.pdf"])
    result = runner.invoke(app, ["analyze", str(path), "--industry", "astrology", "--json"])
    assert result.exit_code == 2
    assert "astrology" in result.output and "data_science" in result.output
    assert result.stdout == ""


def test_analyze_unreadable_file_exits_3(runner, tmp_path, files):
    path = tmp_path / "scan.pdf"
    path.write_bytes(files["scan.pdf"])
    result = runner.invoke(app, ["analyze", str(path), "--json"])
    assert result.exit_code == 3
    assert json.loads(result.stderr)["code"] == "no_text_layer"


def test_analyze_folder_writes_reviews(runner, tmp_path, files):
    folder = _folder(tmp_path, files, [*READABLE, "locked.pdf"])
    out = tmp_path / "reviews"
    result = runner.invoke(app, ["analyze", str(folder), "--out", str(out), "--industry", "finance"])
    assert result.exit_code == 3, result.output
    for name in READABLE:
        review = json.loads((out / f"{Path(name).stem}.json").read_text())
        assert set(review) == REVIEW_KEYS and review["industry"] == "finance"
    assert json.loads((out / "locked.error.json").read_text())["code"] == "encrypted_file"


# --------------------------------------------------------------------------- the installed program


def test_installed_program_parses_a_folder(tmp_path, files):
    program = Path(sys.executable).parent / "resumeiq"
    assert program.exists(), program
    folder = _folder(tmp_path, files, ["maria.pdf", "maria_word.docx", "scan.pdf"])
    out = tmp_path / "out"
    proc = subprocess.run(
        [str(program), "parse", str(folder), "--out", str(out)], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 3, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["maria.json", "maria_word.json", "scan.error.json"]
    assert json.loads((out / "maria.json").read_text())["basics"]["name"] == "Maria Gonzalez"
    assert json.loads((out / "scan.error.json").read_text())["code"] == "no_text_layer"
    assert "2 of 3 files written" in proc.stderr

    usage = subprocess.run([str(program), "parse", str(folder)], capture_output=True, text=True, timeout=60, check=False)
    assert usage.returncode == 2



def test_files_sharing_a_stem_each_keep_their_result(runner, tmp_path, files):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "resume.pdf").write_bytes(files["maria.pdf"])
    (folder / "resume.docx").write_bytes(files["maria_word.docx"])
    out = tmp_path / "out"
    result = runner.invoke(app, ["parse", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    # A clash of stems is resolved by the whole file name, so neither result overwrites the other.
    assert sorted(p.name for p in out.iterdir()) == ["resume.docx.json", "resume.pdf.json"]
    for name in ("resume.docx.json", "resume.pdf.json"):
        assert json.loads((out / name).read_text())["basics"]["name"]


def test_the_worker_pool_warms_up_on_a_pdf_of_its_own():
    # The folder commands' workers are forked after the parent has read a text file and this PDF,
    # so none of them loads the PDF reader on its own: the PDF must be one the engine reads.
    from resumeiq.cli.engine import _warm_up_pdf
    from resumeiq.engine import parse_resume

    parsed = parse_resume(_warm_up_pdf(), filename="warm-up.pdf")
    assert parsed.document.format == "pdf"
    data = parsed.resume.to_json_resume()
    assert data["basics"]["name"] == "Ines Okoro"
    assert data["work"][0]["name"] == "Orvex Labs" and data["work"][0]["startDate"] == "2019"
