"""Every error is an RFC 9457 problem with a stable code; health and readiness probes."""

from __future__ import annotations

import pytest

PROBLEM_FIELDS = {"type", "title", "status", "detail", "instance", "code"}


def assert_problem(r, status: int, code: str) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert set(body) >= PROBLEM_FIELDS
    assert body["status"] == status and body["code"] == code
    return body


async def test_unknown_route_and_method(api):
    assert_problem(await api.client.get("/api/v1/nope"), 404, "not_found")
    assert_problem(await api.client.put("/api/v1/auth/register"), 405, "method_not_allowed")


async def test_validation_errors(user):
    r = await user.get("/api/v1/resumes/not-a-uuid")
    body = assert_problem(r, 422, "validation_error")
    assert body["errors"][0]["loc"] == ["path", "resume_id"]
    r = await user.post(
        "/api/v1/analysis/resumes/00000000-0000-0000-0000-000000000000/analyze",
        content=b"{not json",
        headers={"Content-Type": "application/json"},
    )
    assert_problem(r, 422, "validation_error")


async def test_openapi_and_docs(api):
    r = await api.client.get("/openapi.json")
    assert r.status_code == 200
    paths = r.json()["paths"]
    assert "/api/v1/resumes" in paths
    assert "multipart/form-data" in paths["/api/v1/resumes"]["post"]["requestBody"]["content"]
    assert all(p.startswith("/api/v1/") or p in {"/health", "/ready"} for p in paths)
    assert (await api.client.get("/docs")).status_code == 200


async def test_health_and_ready(api):
    assert (await api.client.get("/health")).json() == {"status": "ok"}
    r = await api.client.get("/ready")
    assert r.status_code == 200 and r.json()["status"] == "ready"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_not_ready_when_migrations_are_missing(start_api, make_settings, tmp_path):
    settings = make_settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}")
    async with start_api(settings) as api:
        assert (await api.client.get("/health")).status_code == 200
        body = assert_problem(await api.client.get("/ready"), 503, "service_unavailable")
        assert "db upgrade" in body["detail"]
