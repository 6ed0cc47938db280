"""``resumeiq db upgrade`` and ``resumeiq user create``."""

from __future__ import annotations

import sqlite3

from typer.testing import CliRunner

from resumeiq.cli import app


def test_db_upgrade_then_user_create(tmp_path, monkeypatch):
    monkeypatch.setenv("RESUMEIQ_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("RESUMEIQ_DATABASE_URL", raising=False)
    monkeypatch.delenv("RESUMEIQ_JWT_SECRET", raising=False)
    runner = CliRunner()

    result = runner.invoke(app, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    db = tmp_path / "resumeiq.db"
    with sqlite3.connect(db) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {
        "users",
        "candidates",
        "resumes",
        "review_requests",
        "review_results",
        "alembic_version",
    } <= tables

    result = runner.invoke(app, ["user", "create", "Root@Example.com", "--password", "correct horse battery"])
    assert result.exit_code == 0, result.output
    assert "created admin root@example.com" in result.output
    with sqlite3.connect(db) as conn:
        role, hashed = conn.execute(
            "SELECT role, password_hash FROM users WHERE email='root@example.com'"
        ).fetchone()
    assert role == "admin" and hashed.startswith("$argon2id$")

    again = runner.invoke(app, ["user", "create", "root@example.com", "--password", "correct horse battery"])
    assert again.exit_code == 1 and "already exists" in again.output
    bad = runner.invoke(
        app, ["user", "create", "x@example.com", "--password", "correct horse", "--role", "king"]
    )
    assert bad.exit_code != 0
    weak = runner.invoke(app, ["user", "create", "weak@example.com", "--password", "password1234567"])
    assert weak.exit_code == 1 and "most common" in weak.output  # the policy of sign-ups holds here too


def test_weak_secret_stops_the_command(tmp_path, monkeypatch):
    monkeypatch.setenv("RESUMEIQ_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("RESUMEIQ_JWT_SECRET", "changeme")
    result = CliRunner().invoke(app, ["db", "upgrade"])
    assert result.exit_code == 2
    assert "well-known" in result.output


def test_user_set_role_makes_a_recruiter(tmp_path, monkeypatch):
    monkeypatch.setenv("RESUMEIQ_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("RESUMEIQ_DATABASE_URL", raising=False)
    monkeypatch.delenv("RESUMEIQ_JWT_SECRET", raising=False)
    runner = CliRunner()
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    created = runner.invoke(
        app, ["user", "create", "hana@example.com", "--password", "correct horse battery", "--role", "job_seeker"]
    )
    assert created.exit_code == 0, created.output

    result = runner.invoke(app, ["user", "set-role", "Hana@Example.com", "recruiter"])
    assert result.exit_code == 0, result.output
    assert "hana@example.com is now a recruiter" in result.output
    with sqlite3.connect(tmp_path / "resumeiq.db") as conn:
        (role,) = conn.execute("SELECT role FROM users WHERE email='hana@example.com'").fetchone()
    assert role == "recruiter"

    missing = runner.invoke(app, ["user", "set-role", "nobody@example.com", "recruiter"])
    assert missing.exit_code == 1 and "No user" in missing.output
    bad = runner.invoke(app, ["user", "set-role", "hana@example.com", "king"])
    assert bad.exit_code != 0
    with sqlite3.connect(tmp_path / "resumeiq.db") as conn:
        (role,) = conn.execute("SELECT role FROM users WHERE email='hana@example.com'").fetchone()
    assert role == "recruiter"
