"""``resumeiq serve --workers 2``: two API processes on one port; one that dies is replaced, and
SIGTERM stops them all."""

from __future__ import annotations

import os
import secrets
import signal
import time
from pathlib import Path

import httpx

from processes import CliProcess
from worker.test_restart import free_port


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def wait_for(check, timeout: float, what: str):  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(what)


def ready(url: str) -> bool:
    try:
        return httpx.get(f"{url}/ready", timeout=1).status_code == 200
    except httpx.TransportError:
        return False


def test_two_api_processes_share_a_port_and_stop_together(tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESUMEIQ_")}
    env |= {
        "RESUMEIQ_DATA_DIR": str(tmp_path / "data"),
        "RESUMEIQ_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'data' / 'resumeiq.db'}",
        "RESUMEIQ_JWT_SECRET": secrets.token_urlsafe(32),
        "RESUMEIQ_WORKER_POOL_SIZE": "2",
    }
    service = CliProcess(
        ["serve", "--port", str(port), "--workers", "2", "--no-access-log"], env, tmp_path / "serve.log"
    )
    try:
        wait_for(lambda: ready(url), 60, "the service did not become ready")
        workers = wait_for(
            lambda: len(children(service.proc.pid)) == 2 and children(service.proc.pid), 30, "2 workers"
        )
        assert "2 API processes, 1 engine process(es) each" in service.output()
        # Both answer: a request lands on either, and a user registered through one logs in
        # through the other (one database, one secret).
        creds = {"email": "tamsin.okafor@example.com", "password": "a long enough test phrase"}
        assert httpx.post(f"{url}/api/v1/auth/register", json=creds).status_code == 202
        for _ in range(4):
            r = httpx.post(
                f"{url}/api/v1/auth/token", data={"username": creds["email"], "password": creds["password"]}
            )
            assert r.status_code == 200, r.text

        os.kill(workers[0], signal.SIGKILL)
        replaced = wait_for(
            lambda: (
                (kids := children(service.proc.pid)) and len(kids) == 2 and workers[0] not in kids and kids
            ),
            60,
            "the dead worker was not replaced",
        )
        assert workers[1] in replaced
        wait_for(lambda: ready(url), 60, "not ready after the restart")

        os.kill(service.proc.pid, signal.SIGTERM)
        assert service.proc.wait(40) == 0
        for pid in replaced:
            assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text()
    finally:
        service.stop()
