"""Kill the real service (SIGKILL) in the middle of a review, start it again: the review
completes, exactly once."""

from __future__ import annotations

import os
import secrets
import socket
import time
from pathlib import Path

import httpx
from sqlalchemy.engine import make_url

from processes import CliProcess


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Service(CliProcess):
    """``resumeiq serve`` in its own process group (so that SIGKILL takes its engine workers too)."""

    def __init__(self, env: dict[str, str], log: Path, *, slow_reviews: float | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        super().__init__(
            ["serve", "--host", "127.0.0.1", "--port", str(self.port), "--no-access-log"],
            env,
            log,
            slow_reviews=slow_reviews,
        )

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"the service exited with {self.proc.returncode}")
            try:
                if httpx.get(f"{self.url}/ready", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise AssertionError("the service did not become ready")


def result_rows(database_url: str, analysis_id: str) -> int:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        import sqlite3

        with sqlite3.connect(url.database) as conn:
            ident = analysis_id.replace("-", "")
            return conn.execute(
                "SELECT count(*) FROM review_results WHERE review_request_id = ?", (ident,)
            ).fetchone()[0]
    import asyncio

    import asyncpg

    async def count() -> int:
        conn = await asyncpg.connect(url.set(drivername="postgresql").render_as_string(hide_password=False))
        try:
            return await conn.fetchval(
                "SELECT count(*) FROM review_results WHERE review_request_id = $1::uuid", analysis_id
            )
        finally:
            await conn.close()

    return asyncio.run(count())


def start_review(client: httpx.Client, email: str, resume_text: str) -> dict:
    """Sign up as ``email``, upload the resume and ask for its review: the 202's body."""
    creds = {"email": email, "password": "an invented long passphrase"}
    assert client.post("/api/v1/auth/register", json=creds).status_code == 202
    token = client.post("/api/v1/auth/token", data={"username": email, "password": creds["password"]})
    client.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
    resume = client.post("/api/v1/resumes", files={"file": ("cv.txt", resume_text)}).json()
    return client.post(
        f"/api/v1/analysis/resumes/{resume['resume_id']}/analyze", json={"industry": "general"}
    ).json()


def poll(client: httpx.Client, url: str, until: set[str], timeout: float) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = client.get(url).json()
        if body["status"] in until:
            return body
        time.sleep(0.05)
    raise AssertionError(f"status stayed {body['status']} for {timeout}s")


def test_review_survives_sigkill_and_completes_once(database_url, tmp_path, resume_text):
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESUMEIQ_")}
    env |= {
        "RESUMEIQ_DATA_DIR": str(tmp_path / "data"),
        "RESUMEIQ_DATABASE_URL": database_url,
        "RESUMEIQ_JWT_SECRET": secrets.token_urlsafe(32),
        "RESUMEIQ_WORKER_POOL_SIZE": "1",
        "RESUMEIQ_REVIEW_LEASE_SECONDS": "2",
    }
    log = tmp_path / "service.log"
    service = Service(env, log, slow_reviews=5)  # a test seam (tests/seams.py): keeps the review in flight
    try:
        service.wait_ready()
        with httpx.Client(base_url=service.url, timeout=10) as client:
            accepted = start_review(client, "ada@example.com", resume_text)
            status_url, auth = accepted["status_url"], client.headers["Authorization"]
            first = poll(client, status_url, {"processing", "completed"}, timeout=20)
            assert first["status"] == "processing", "the review must still be running when killed"
        service.kill()
        assert result_rows(database_url, accepted["analysis_id"]) == 0

        service = Service(env, log)
        service.wait_ready()
        with httpx.Client(
            base_url=service.url, timeout=10, headers={"Authorization": auth}
        ) as client:
            done = poll(client, status_url, {"completed", "failed"}, timeout=30)
        assert done["status"] == "completed", (done, log.read_text()[-3000:])
        assert done["attempts"] == 2
        assert done["result"]["analysis_id"] == accepted["analysis_id"]
        assert result_rows(database_url, accepted["analysis_id"]) == 1
    finally:
        service.stop()
