"""``resumeiq tailor RESUME --job JOB [--mode]``: files written, preview on stdout, clean errors; ``--mode llm``
against a real OpenAI-compatible server on loopback (``tests/llm_server.py``)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from llm_server import FakeLLM, reply, status
from resumeiq.cli import app
from resumeiq.engine import parse_resume
from tailoring.people import FULL_STACK_JOB, MIRA, NAME_ONLY
from tailoring.test_llm_preview import GOOD, GOOD_BULLET, GOOD_SUMMARY, KEY, MODEL


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


# --------------------------------------------------------------------------- --mode llm


def tailor(tmp_path, *extra: str, env: dict[str, str] | None = None):
    (tmp_path / "mira.txt").write_bytes(MIRA)
    (tmp_path / "job.txt").write_text(FULL_STACK_JOB)
    args = [
        "tailor",
        str(tmp_path / "mira.txt"),
        "--job",
        str(tmp_path / "job.txt"),
        "--out",
        str(tmp_path / "out"),
    ]
    return CliRunner().invoke(app, [*args, "--format", "json", *extra], env=env)


def llm_env(server) -> dict[str, str]:
    return {
        "RESUMEIQ_LLM_BASE_URL": server.base_url,
        "RESUMEIQ_LLM_MODEL": MODEL,
        "RESUMEIQ_LLM_API_KEY": KEY,
        "RESUMEIQ_LLM_TIMEOUT_SECONDS": "5",
        "RESUMEIQ_LLM_MAX_RETRIES": "0",
    }


def test_tailor_mode_llm_rewrites_with_the_configured_model_and_says_so(tmp_path):
    with FakeLLM([reply(GOOD)]) as server:
        result = tailor(tmp_path, "--mode", "llm", "--cover-letter", env=llm_env(server))
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["mode"] == "llm" and summary["ai_model_used"] == MODEL
    assert f"mode: llm, with {MODEL}" in result.stderr
    written = json.loads((tmp_path / "out" / "mira.tailored.json").read_text())
    assert GOOD_BULLET in written["work"][0]["highlights"] and written["basics"]["summary"] == GOOD_SUMMARY
    assert written["basics"]["email"] == "mira.okafor@example.org"  # copied, never the model's
    assert summary["cover_letter"]["status"] == "success"
    assert KEY not in result.output and len(server.requests) == 1
    assert server.requests[0]["headers"]["authorization"] == f"Bearer {KEY}"


def test_tailor_defaults_to_llm_with_a_model_and_deterministic_without(tmp_path):
    with FakeLLM([reply(GOOD)]) as server:
        result = tailor(tmp_path, env=llm_env(server))
        assert json.loads(result.stdout)["mode"] == "llm" and len(server.requests) == 1
        result = tailor(tmp_path, "--mode", "deterministic", env=llm_env(server))
        assert json.loads(result.stdout)["mode"] == "deterministic" and len(server.requests) == 1  # not asked
    result = tailor(tmp_path, env={"RESUMEIQ_LLM_BASE_URL": "", "RESUMEIQ_LLM_MODEL": ""})
    assert result.exit_code == 0 and json.loads(result.stdout)["ai_model_used"] is None
    assert "mode: deterministic" in result.stderr


def test_tailor_mode_llm_without_a_model_is_a_usage_error_that_says_why(tmp_path):
    result = tailor(tmp_path, "--mode", "llm", env={"RESUMEIQ_LLM_BASE_URL": "", "RESUMEIQ_LLM_MODEL": ""})
    assert result.exit_code == 2
    assert "llm_not_configured" in result.stderr and "RESUMEIQ_LLM_BASE_URL" in result.stderr
    assert not (tmp_path / "out").exists()


def test_tailor_with_a_model_that_fails_gives_the_deterministic_result_and_the_reason(tmp_path):
    with FakeLLM([status(500)]) as server:
        result = tailor(tmp_path, "--mode", "llm", env=llm_env(server))
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["mode"] == "deterministic" and summary["ai_model_used"] is None
    assert any(
        f"The language model {MODEL} could not be used" in w and "HTTP 500" in w for w in summary["warnings"]
    )
    assert "could not be used" in result.stderr and "mode: deterministic" in result.stderr
    written = json.loads((tmp_path / "out" / "mira.tailored.json").read_text())
    assert GOOD_BULLET not in json.dumps(written)
