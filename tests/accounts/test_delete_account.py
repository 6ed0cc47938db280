"""DELETE /users/me and DELETE /admin/users/{id}: nothing of the user remains, in any table or
in the file storage; nothing of anybody else goes."""

from __future__ import annotations

import uuid

import pytest

from accounts.everything import (
    OWN_RESUME,
    SHARED_RESUME,
    fill_every_table,
    snapshot_database,
    stored_files,
)
from emails import smtp
from resumeiq.db import Database

PASSWORD = "correct horse battery"


@pytest.fixture
def smtp_server():
    yield from smtp.serve_smtp()


@pytest.fixture(params=["local", "s3"])
def storage_settings(request) -> dict:
    """Files in the data dir, or in a bucket of the S3 test server."""
    if request.param == "local":
        return {}
    s3 = request.getfixturevalue("s3_server")
    return s3.settings(s3.new_bucket())


@pytest.fixture
def settings(make_settings, smtp_server, storage_settings):
    return make_settings(
        rate_limit_upload="10000/minute",
        rate_limit_analysis="1000/minute",
        smtp_host=smtp_server.host,
        smtp_port=smtp_server.port,
        smtp_security="none",
        smtp_from="jobs@acme.test",
        email_retry_seconds=0,
        credits_enabled=True,  # so that the user has credit rows too
        **storage_settings,
    )


async def register(api, role="recruiter"):
    """A user of ``role``: signed up, then given the role as an administrator does."""
    return await api.register(password=PASSWORD, role=None if role == "job_seeker" else role)


def removed(before: dict[str, set[tuple]], after: dict[str, set[tuple]]) -> dict[str, int]:
    return {name: len(before[name] - after.get(name, set())) for name in before}


async def test_deleting_my_account_leaves_nothing_of_me(api, settings, database_url):
    bystander = await register(api)
    kept = await bystander.upload(SHARED_RESUME, "same-file.txt")  # the same bytes as the victim's
    assert kept.status_code == 201, kept.text
    await bystander.upload(b"Wren Aldous\nwren@example.com\n\nSKILLS\nPython, SQL\n", "wren.txt")
    before_db = await snapshot_database(database_url)
    before_files = (await stored_files(settings))

    me = await register(api)
    r = await me.get("/api/v1/users/me")
    my_id = r.json()["id"]
    await give_credits(settings, my_id, 10)
    await fill_every_table(me)
    filled = await snapshot_database(database_url)
    # The user has rows in every table (a table added later fails here until the test covers it).
    assert all(len(filled[name]) > len(before_db[name]) for name in filled), {
        name: (len(before_db[name]), len(filled[name])) for name in filled
    }
    assert (await stored_files(settings)) > before_files

    # A wrong password, or none, deletes nothing.
    r = await me.request("DELETE", "/api/v1/users/me", json={"password": "not my password at all"})
    assert r.status_code == 403 and r.json()["code"] == "password_mismatch", r.text
    r = await me.request("DELETE", "/api/v1/users/me")
    assert r.status_code == 422, r.text
    assert await snapshot_database(database_url) == filled

    r = await me.request("DELETE", "/api/v1/users/me", json={"password": PASSWORD})
    assert r.status_code == 204, r.text

    # The database is row for row what it was before the user existed, the storage file for file
    # (the file the bystander has too is still there: it is theirs as well).
    after = await snapshot_database(database_url)
    assert after == before_db, removed(after, before_db)
    assert (await stored_files(settings)) == before_files
    everything = repr(after)
    assert my_id not in everything and my_id.replace("-", "") not in everything
    assert me.email not in everything and "Tamsin" not in everything
    r = await bystander.get(f"/api/v1/resumes/{kept.json()['resume_id']}/file")
    assert r.status_code == 200 and r.content == SHARED_RESUME

    # The token is dead, and the password too.
    assert (await me.get("/api/v1/users/me")).status_code == 401
    r = await api.client.post("/api/v1/auth/token", data={"username": me.email, "password": PASSWORD})
    assert r.status_code == 401


async def test_wrong_confirmations_are_throttled_like_logins(start_api, make_settings):
    async with start_api(make_settings(rate_limit_login_account="3/hour")) as api:
        me = await register(api, role="job_seeker")
        for _ in range(3):  # the login that made the token cleared the count
            r = await me.request("DELETE", "/api/v1/users/me", json={"password": "guess guess guess"})
            assert r.status_code == 403
        r = await me.request("DELETE", "/api/v1/users/me", json={"password": PASSWORD})
        assert r.status_code == 429 and r.json()["code"] == "rate_limited", r.text
        assert (await me.get("/api/v1/users/me")).status_code == 200


async def give_credits(settings, user_id: str, amount: int) -> None:
    from resumeiq.credits.service import grant

    database = Database(settings.database_url)
    try:
        async with database.sessionmaker() as session:
            await grant(session=session, user_id=uuid.UUID(user_id), amount=amount, reason="test", granted_by=None)
    finally:
        await database.dispose()


async def make_admin(api, settings):
    from resumeiq.users.service import create_user

    email = f"admin-{uuid.uuid4().hex[:8]}@example.com"
    database = Database(settings.database_url)
    try:
        async with database.sessionmaker() as session:
            await create_user(
                session=session, email=email, password=PASSWORD, role="admin", min_password_length=15
            )
    finally:
        await database.dispose()
    return await api.register(email, PASSWORD)  # the account exists: this only logs in


async def test_an_admin_deletes_a_user_and_nobody_else_can(api, settings, database_url):
    admin = await make_admin(api, settings)
    other = await register(api)
    victim = await register(api, role="job_seeker")
    r = await victim.upload(OWN_RESUME, "mine.txt")
    assert r.status_code == 201
    victim_id = (await victim.get("/api/v1/users/me")).json()["id"]

    for who in (other, victim):
        r = await who.delete(f"/api/v1/admin/users/{victim_id}")
        assert r.status_code == 403 and r.json()["code"] == "role_required", r.text
    assert (await victim.get("/api/v1/users/me")).status_code == 200

    r = await admin.delete(f"/api/v1/admin/users/{victim_id}")
    assert r.status_code == 204, r.text
    assert (await victim.get("/api/v1/users/me")).status_code == 401
    tables = await snapshot_database(database_url)
    assert victim_id not in repr(tables) and not tables["resumes"]
    assert (await stored_files(settings)) == set()
    r = await admin.delete(f"/api/v1/admin/users/{victim_id}")
    assert r.status_code == 404 and r.json()["code"] == "not_found"
