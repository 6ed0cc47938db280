"""Registration, tokens, /users/me and closed registration."""

from __future__ import annotations

import jwt


async def test_register_login_and_me(api):
    r = await api.client.post(
        "/api/v1/auth/register", json={"email": "Ada@Example.com ", "password": "correct horse battery"}
    )
    assert r.status_code == 201
    body = r.json()
    assert body["email"] == "ada@example.com"
    assert body["role"] == "job_seeker"
    assert "password" not in r.text and "hash" not in r.text

    r = await api.client.post(
        "/api/v1/auth/token", data={"username": "ADA@example.com", "password": "correct horse battery"}
    )
    assert r.status_code == 200
    token = r.json()
    assert token["token_type"] == "bearer"

    r = await api.client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {token['access_token']}"})
    assert r.status_code == 200
    assert r.json()["id"] == body["id"]


async def test_duplicate_email_is_409(api):
    await api.register("grace@example.com")
    r = await api.client.post(
        "/api/v1/auth/register", json={"email": "GRACE@example.com", "password": "another password"}
    )
    assert r.status_code == 409
    assert r.json()["code"] == "email_taken"


async def test_bad_registrations_are_422_without_echoing_the_password(api):
    for body in (
        {"email": "not-an-email", "password": "correct horse battery"},
        {"email": "a@example.com", "password": "Zq9#xw"},
        {"email": "a@example.com", "password": "correct horse battery", "role": "admin"},
    ):
        r = await api.client.post("/api/v1/auth/register", json=body)
        assert r.status_code == 422, body
        assert r.json()["code"] == "validation_error"
        assert body["password"] not in r.text


async def test_wrong_password_and_unknown_email_look_the_same(api):
    await api.register("ada@example.com", password="correct horse battery")
    for username, password in (("ada@example.com", "wrong password!"), ("nobody@example.com", "whatever123")):
        r = await api.client.post("/api/v1/auth/token", data={"username": username, "password": password})
        assert r.status_code == 401
        assert r.json()["code"] == "invalid_credentials"
        assert r.headers["www-authenticate"] == "Bearer"


async def test_missing_bad_and_expired_tokens(api, settings):
    from resumeiq.users.security import create_access_token

    r = await api.client.get("/api/v1/users/me")
    assert r.status_code == 401 and r.json()["code"] == "not_authenticated"
    user = await api.register()
    me = (await user.get("/api/v1/users/me")).json()

    bad = await api.client.get("/api/v1/users/me", headers={"Authorization": "Bearer not.a.jwt"})
    assert bad.status_code == 401 and bad.json()["code"] == "invalid_token"
    forged = jwt.encode(
        {"sub": me["id"], "exp": 4102444800}, "another secret of sufficient length!!", "HS256"
    )
    r = await api.client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {forged}"})
    assert r.status_code == 401 and r.json()["code"] == "invalid_token"
    import uuid

    expired = create_access_token(uuid.UUID(me["id"]), secret=settings.jwt_secret_value, expires_minutes=-1)
    r = await api.client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {expired}"})
    assert r.status_code == 401 and "expired" in r.json()["detail"]


async def test_registration_can_be_closed(start_api, make_settings):
    async with start_api(make_settings(registration_open=False)) as api:
        r = await api.client.post(
            "/api/v1/auth/register", json={"email": "ada@example.com", "password": "correct horse battery"}
        )
        assert r.status_code == 403
        assert r.json()["code"] == "registration_closed"


async def test_passwords_are_stored_as_argon2id(api, settings):
    from sqlalchemy import select

    from resumeiq.users.models import User

    await api.register("ada@example.com", password="correct horse battery")
    async with api.app.state.database.sessionmaker() as session:
        stored = await session.scalar(select(User.password_hash).where(User.email == "ada@example.com"))
    assert stored.startswith("$argon2id$")
    assert "correct horse battery" not in stored


def test_production_hasher_uses_the_rfc9106_profile():
    from argon2 import PasswordHasher, profiles

    # The session fixture swaps in cheap parameters; the module default must stay the strong one.
    assert PasswordHasher().time_cost == profiles.RFC_9106_LOW_MEMORY.time_cost
