"""Issue 8, "what must hold": the logs of a whole service run are JSON lines with request ids,
and hold none of the password hashes, passwords, tokens and resume texts that run created
(SQL parameters are never logged). A real ``resumeiq serve`` at DEBUG level, SQLite and
PostgreSQL; the run includes failures (a NUL the database refuses, bad tokens, a 404)."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import time

import httpx
from sqlalchemy import text

from resumeiq.db import create_engine
from worker.test_restart import Service

PASSWORD = "an invented passphrase that must stay secret"
RESUME_LINES = [
    "Oona Marjatta Vehviläinen",
    "oona.vehvilainen@example.fi | +358 40 123 4567 | Tampere, Finland",
    "Built a Rust and PostgreSQL billing engine settling 40,000 invoices a night",
]


async def password_hashes(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return list((await conn.execute(text("SELECT password_hash FROM users"))).scalars())
    finally:
        await engine.dispose()


def test_logs_of_a_service_run_hold_no_secrets(database_url, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESUMEIQ_")} | {
        "RESUMEIQ_DATA_DIR": str(tmp_path / "data"),
        "RESUMEIQ_DATABASE_URL": database_url,
        "RESUMEIQ_JWT_SECRET": secrets.token_urlsafe(32),
        "RESUMEIQ_WORKER_POOL_SIZE": "1",
        "RESUMEIQ_LOG_LEVEL": "DEBUG",
    }
    log = tmp_path / "service.log"
    service = Service(env, log)
    tokens = []
    try:
        service.wait_ready()
        with httpx.Client(base_url=service.url, timeout=30) as c:
            email = "oona.vehvilainen@example.fi"
            assert c.post("/api/v1/auth/register", json={"email": email, "password": PASSWORD}).status_code == 202
            c.post("/api/v1/auth/register", json={"email": email, "password": PASSWORD})  # taken: same answer
            c.post("/api/v1/auth/token", data={"username": email, "password": PASSWORD + "?"})
            token = c.post("/api/v1/auth/token", data={"username": email, "password": PASSWORD}).json()["access_token"]
            tokens.append(token)
            h = {"Authorization": f"Bearer {token}"}
            resume = c.post("/api/v1/resumes", headers=h, files={"file": ("cv.txt", "\n".join(RESUME_LINES).encode())})
            assert resume.status_code == 201, resume.text
            rid = resume.json()["resume_id"]
            status_url = c.post(f"/api/v1/analysis/resumes/{rid}/analyze", headers=h, json={"industry": "general"}).json()["status_url"]
            deadline = time.monotonic() + 60
            while c.get(status_url, headers=h).json()["status"] not in ("completed", "failed") and time.monotonic() < deadline:
                time.sleep(0.2)
            c.post("/api/v1/candidates", headers=h | {"content-type": "application/json"}, content=b'{"name": "Oona\\u0000 V"}')
            c.get("/api/v1/resumes/00000000-0000-0000-0000-000000000000", headers=h)
            c.get("/api/v1/users/me", headers={"Authorization": f"Bearer {token}x"})
            assert c.post("/api/v1/auth/logout", headers=h).status_code == 204
            assert c.get("/api/v1/users/me", headers=h).status_code == 401
    finally:
        service.stop()

    hashes = asyncio.run(password_hashes(database_url))
    assert hashes and all(h.startswith("$argon2") for h in hashes)
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    records = [json.loads(line) for line in lines if line.startswith("{")]
    assert len(records) >= 3, lines[:20]
    assert all({"time", "level", "logger", "request_id", "message"} <= r.keys() for r in records)
    assert any(r["request_id"] != "-" for r in records) or all(r["level"] != "ERROR" for r in records)
    whole = "\n".join(lines)
    secrets_made = [*hashes, PASSWORD, *tokens, *RESUME_LINES, *(h.split("$")[-1] for h in hashes)]
    leaked = [s[:24] for s in secrets_made if s and s in whole]
    assert not leaked, f"found in the logs: {leaked}"
