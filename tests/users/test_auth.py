"""Registration, tokens, /users/me and closed registration."""

from __future__ import annotations

import jwt
import pytest

pytestmark = pytest.mark.asyncio


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
