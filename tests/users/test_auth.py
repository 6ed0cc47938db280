"""Registration, tokens, /users/me and closed registration."""

from __future__ import annotations

import jwt
import pytest


async def test_register_login_and_me(api):
    r = await api.client.post(
        "/api/v1/auth/register", json={"email": "Ada@Example.com ", "password": "correct horse battery"}
    )
    assert r.status_code == 202
    assert r.json()["email"] == "ada@example.com"
    assert "correct horse battery" not in r.text and "argon2" not in r.text

    r = await api.client.post(
        "/api/v1/auth/token", data={"username": "ADA@example.com", "password": "correct horse battery"}
    )
    assert r.status_code == 200
    token = r.json()
    assert token["token_type"] == "bearer"

    r = await api.client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {token['access_token']}"})
    assert r.status_code == 200
    me = r.json()
    assert me["email"] == "ada@example.com" and me["role"] == "job_seeker"


async def test_registering_a_taken_address_answers_like_a_new_one_and_changes_nothing(api):
    """No account enumeration (OWASP Authentication Cheat Sheet, "Authentication Responses"): the
    answer to a taken address is the answer to a free one, and the account keeps its password."""
    await api.register("grace@example.com", password="correct horse battery")
    taken = await api.client.post(
        "/api/v1/auth/register", json={"email": "GRACE@example.com", "password": "another long password"}
    )
    free = await api.client.post(
        "/api/v1/auth/register", json={"email": "GRACE2@example.com", "password": "another long password"}
    )
    assert taken.status_code == free.status_code == 202
    assert taken.json() == free.json() | {"email": "grace@example.com"}
    same_headers = {k: v for k, v in taken.headers.items() if k not in {"x-request-id", "content-length"}}
    assert same_headers == {k: v for k, v in free.headers.items() if k not in {"x-request-id", "content-length"}}

    for password, status in (("another long password", 401), ("correct horse battery", 200)):
        r = await api.client.post("/api/v1/auth/token", data={"username": "grace@example.com", "password": password})
        assert r.status_code == status, password


async def test_bad_registrations_are_422_without_echoing_the_password(api):
    for body, code in (
        ({"email": "not-an-email", "password": "correct horse battery"}, "validation_error"),
        ({"email": "a@example.com", "password": "correct horse battery", "role": "admin"}, "validation_error"),
        ({"email": "a@example.com", "password": "Zq9#xw"}, "weak_password"),
        ({"email": "a@example.com", "password": "aaaaaaaaaaaaaaaaaaaa"}, "weak_password"),
        ({"email": "a@example.com", "password": "Password1234567"}, "weak_password"),
    ):
        r = await api.client.post("/api/v1/auth/register", json=body)
        assert r.status_code == 422, body
        assert r.json()["code"] == code, (body, r.json())
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


def test_the_service_hashes_with_the_rfc9106_low_memory_profile(production_hasher):
    """The session swaps in cheap parameters for speed; the service's own hasher (the one it was
    imported with) must keep RFC 9106's second recommended profile: argon2id, 64 MiB, t=3, p=4."""
    from argon2 import Type, profiles

    profile = profiles.RFC_9106_LOW_MEMORY
    assert production_hasher.type is Type.ID
    assert (production_hasher.memory_cost, production_hasher.time_cost, production_hasher.parallelism) == (
        65536,
        3,
        4,
    )
    assert (production_hasher.hash_len, production_hasher.salt_len) == (profile.hash_len, profile.salt_len)
    assert production_hasher.hash("correct horse battery").startswith("$argon2id$v=19$m=65536,t=3,p=4$")


async def test_verify_password_checks_the_hash():
    from resumeiq.users.security import hash_password, verify_password

    stored = await hash_password("correct horse battery")
    assert await verify_password("correct horse battery", stored)
    assert not await verify_password("correct horse battery!", stored)
    assert not await verify_password("correct horse battery", None)  # an unknown e-mail
    assert not await verify_password("correct horse battery", "not-a-hash")


def test_tokens_carry_the_user_and_expire(monkeypatch):
    import uuid
    from datetime import UTC, datetime, timedelta

    from resumeiq.errors import InvalidToken
    from resumeiq.users import security

    secret = "a test secret that is long enough for HS256 and for HS512 as well, 64 bytes+"
    user_id = uuid.uuid4()
    issued = datetime.now(UTC).replace(microsecond=0)
    monkeypatch.setattr(security, "utcnow", lambda: issued)
    token = security.create_access_token(user_id, secret=secret, expires_minutes=30)
    claims = jwt.decode(token, secret, algorithms=["HS256"])
    assert claims == {
        "sub": str(user_id),
        "ver": 0,  # the user's token_version: logging out bumps it
        "iat": int(issued.timestamp()),
        "exp": int((issued + timedelta(minutes=30)).timestamp()),
    }
    assert jwt.get_unverified_header(token)["alg"] == "HS256"
    assert security.read_access_token(token, secret=secret) == user_id

    for bad, message in (
        (jwt.encode({"sub": str(user_id)}, secret, algorithm="HS256"), "The access token is not valid."),
        (jwt.encode({"exp": claims["exp"]}, secret, algorithm="HS256"), "The access token is not valid."),
        (jwt.encode({"sub": "nobody", "exp": claims["exp"]}, secret, "HS256"), "The access token is not valid."),
        (jwt.encode(claims, secret, algorithm="HS512"), "The access token is not valid."),
        (jwt.encode(claims, secret + "?", algorithm="HS256"), "The access token is not valid."),
    ):
        with pytest.raises(InvalidToken) as exc:
            security.read_access_token(bad, secret=secret)
        assert str(exc.value) == message

    monkeypatch.setattr(security, "utcnow", lambda: issued - timedelta(minutes=31))
    expired = security.create_access_token(user_id, secret=secret, expires_minutes=30)
    with pytest.raises(InvalidToken) as exc:
        security.read_access_token(expired, secret=secret)
    assert str(exc.value) == "The access token has expired; log in again."
