"""RESUMEIQ_RESUME_RETENTION_DAYS: resumes (and screened files) older than N days are purged,
by ``resumeiq retention purge`` and by the periodic task; ``resumeiq user delete``."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import update
from typer.testing import CliRunner

from accounts.everything import JOB, OWN_RESUME, SHARED_RESUME, poll, snapshot_database, stored_files
from resumeiq.cli import app as cli
from resumeiq.db import Database, utcnow
from resumeiq.resumes.models import Resume
from resumeiq.screening.models import ScreeningItem

NEW_RESUME = b"Odile Brask\nodile.brask@example.com\n\nSKILLS\nRust, Go, Kafka\n"


@pytest.fixture(params=["local", "s3"])
def storage_settings(request) -> dict:
    """Files in the data dir, or in a bucket of the S3 test server."""
    if request.param == "local":
        return {}
    s3 = request.getfixturevalue("s3_server")
    return s3.settings(s3.new_bucket())


@pytest.fixture
def settings(make_settings, storage_settings):
    return make_settings(rate_limit_upload="1000/minute", **storage_settings)


async def backdate(settings, resume_ids, days):
    """Make these resumes, and every screening item, ``days`` days old."""
    old = utcnow() - timedelta(days=days)
    database = Database(settings.database_url)
    try:
        async with database.sessionmaker() as session:
            ids = [uuid.UUID(str(i)) for i in resume_ids]
            await session.execute(update(Resume).where(Resume.id.in_(ids)).values(created_at=old))
            await session.execute(update(ScreeningItem).values(requested_at=old))
            await session.commit()
    finally:
        await database.dispose()


async def old_and_new(user):
    """Two resumes and a screening of one of them; returns (old ids, new id, screening id)."""
    old = (await user.upload(OWN_RESUME, "old.txt")).json()["resume_id"]
    new = (await user.upload(NEW_RESUME, "new.txt")).json()["resume_id"]
    job_id = (await user.post("/api/v1/jobs", json={"text": JOB})).json()["id"]
    r = await user.post(
        "/api/v1/screenings", data={"job_id": job_id}, files=[("files", ("screened.txt", SHARED_RESUME))]
    )
    assert r.status_code == 202, r.text
    sid = r.json()["id"]
    await poll(lambda: user.get(f"/api/v1/screenings/{sid}"), lambda r: r.json()["status"] == "completed")
    # Screened files may be resumes of their candidates too: they are old with the rest.
    others = [r["resume_id"] for r in (await user.get("/api/v1/resumes")).json()["items"]]
    return [rid for rid in others if rid != new] + ([old] if old not in others else []), new, sid


def cli_env(monkeypatch, settings):
    for name in ("storage_url", "s3_endpoint_url", "s3_region", "s3_access_key_id", "s3_addressing_style"):
        monkeypatch.setenv(f"RESUMEIQ_{name.upper()}", str(getattr(settings, name) or ""))
    secret = settings.s3_secret_access_key
    monkeypatch.setenv("RESUMEIQ_S3_SECRET_ACCESS_KEY", secret.get_secret_value() if secret else "")
    monkeypatch.setenv("RESUMEIQ_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("RESUMEIQ_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("RESUMEIQ_JWT_SECRET", settings.jwt_secret_value)
    monkeypatch.delenv("RESUMEIQ_RESUME_RETENTION_DAYS", raising=False)


@pytest.fixture
async def user(api):
    """A recruiter: these tests screen files."""
    return await api.register(role="recruiter")


async def test_purge_command_removes_old_resumes_and_their_files(api, user, settings, monkeypatch):
    old_ids, new_id, sid = await old_and_new(user)
    await backdate(settings, old_ids, days=31)
    files_before = (await stored_files(settings))
    assert len(files_before) == 3
    cli_env(monkeypatch, settings)
    runner = CliRunner()

    missing = await asyncio.to_thread(runner.invoke, cli, ["retention", "purge"])
    assert missing.exit_code == 2 and "RESUMEIQ_RESUME_RETENTION_DAYS" in missing.output
    kept = await asyncio.to_thread(runner.invoke, cli, ["retention", "purge", "--days", "32"])
    assert kept.exit_code == 0 and "purged 0 resume(s)" in kept.output, kept.output

    result = await asyncio.to_thread(runner.invoke, cli, ["retention", "purge", "--days", "30"])
    assert result.exit_code == 0, result.output
    assert f"purged {len(old_ids)} resume(s) and 1 screening file reference(s)" in result.output
    assert "2 file(s) removed" in result.output
    for rid in old_ids:
        assert (await user.get(f"/api/v1/resumes/{rid}")).status_code == 404
    assert (await user.get(f"/api/v1/resumes/{new_id}/file")).content == NEW_RESUME
    assert len(await stored_files(settings)) == 1
    # The screening keeps its result (the recruiter's record); only the file is gone.
    (item,) = (await user.get(f"/api/v1/screenings/{sid}/results")).json()["items"]
    assert item["status"] == "completed" and item["score"] is not None

    again = await asyncio.to_thread(runner.invoke, cli, ["retention", "purge", "--days", "30"])
    assert "purged 0 resume(s) and 0 screening file reference(s)" in again.output


async def test_the_periodic_task_purges_at_start_and_then_every_interval(start_api, settings, database_url):
    async with start_api(settings) as api:
        user = await api.register(role="recruiter")
        old_ids, new_id, _ = await old_and_new(user)
    await backdate(settings, old_ids, days=8)
    retained = settings.model_copy(update={"resume_retention_days": 7, "retention_interval_seconds": 0.05})
    async with start_api(retained) as api:
        await poll(lambda: snapshot_database(database_url), lambda t: len(t["resumes"]) == 1)
        # A resume that becomes too old while the service runs goes at a later round.
        await backdate(settings, [new_id], days=9)
        await poll(lambda: snapshot_database(database_url), lambda t: len(t["resumes"]) == 0)
        # The round goes on to the screening's reference to the file, and then the file.
        await poll(lambda: stored_files(settings), lambda files: files == set())
    assert (await stored_files(settings)) == set()


async def test_user_delete_command(api, settings, monkeypatch, database_url):
    user = await api.register(role="recruiter")
    await user.upload(OWN_RESUME, "mine.txt")
    cli_env(monkeypatch, settings)
    runner = CliRunner()
    unknown = await asyncio.to_thread(
        runner.invoke, cli, ["user", "delete", f"nobody-{uuid.uuid4().hex[:6]}@example.com", "--yes"]
    )
    assert unknown.exit_code == 1 and "No user has the email" in unknown.output
    declined = await asyncio.to_thread(runner.invoke, cli, ["user", "delete", user.email], input="n\n")
    assert declined.exit_code == 1 and (await user.get("/api/v1/users/me")).status_code == 200
    result = await asyncio.to_thread(runner.invoke, cli, ["user", "delete", user.email.upper(), "--yes"])
    assert result.exit_code == 0, result.output
    assert f"deleted user {user.email}" in result.output and "1 stored file(s) removed" in result.output
    tables = await snapshot_database(database_url)
    assert not tables["users"] and not tables["resumes"] and not tables["candidates"]
    assert (await stored_files(settings)) == set()
