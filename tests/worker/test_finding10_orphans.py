"""Issue 8, finding 10: ``kill -9`` of the service (its main process only, as an OOM killer or an
operator would) leaves none of its engine processes behind, and the restarted service finishes
the review that was in flight at once, not when its 120 s lease would have run out."""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import time
from pathlib import Path

import httpx
from test_restart import Service, poll, result_rows, start_review


def _group(pgid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_bytes()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2 :].split()
        if int(fields[2]) == pgid and fields[0] not in (b"Z", b"X"):
            found.add(int(entry.name))
    return found


def _env(tmp_path: Path, database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESUMEIQ_")}
    return env | {
        "RESUMEIQ_DATA_DIR": str(tmp_path / "data"),
        "RESUMEIQ_DATABASE_URL": database_url,
        "RESUMEIQ_JWT_SECRET": secrets.token_urlsafe(32),
        "RESUMEIQ_WORKER_POOL_SIZE": "2",
        "RESUMEIQ_REVIEW_LEASE_SECONDS": "120",  # the default: a restart must not wait for it
        "RESUMEIQ_LOG_LEVEL": "INFO",
    }


def _kill_main_process(service: Service) -> None:
    os.kill(service.proc.pid, signal.SIGKILL)
    service.proc.wait(10)


def test_finding10_engine_processes_die_with_a_killed_service(database_url, tmp_path):
    service = Service(_env(tmp_path, database_url), tmp_path / "service.log")
    try:
        service.wait_ready()
        pgid = service.proc.pid  # its own session: the group is the service and its children
        children = _group(pgid) - {service.proc.pid}
        assert len(children) >= 3, children  # fork server, resource tracker, 2 engine workers
        _kill_main_process(service)
        deadline = time.monotonic() + 15
        while _group(pgid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _group(pgid) == set(), "engine processes outlived the service"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(service.proc.pid, signal.SIGKILL)
        service.log.close()


def test_finding10_restart_takes_over_a_killed_services_review_without_waiting_for_its_lease(
    database_url, tmp_path, resume_text
):
    env = _env(tmp_path, database_url)
    log = tmp_path / "service.log"
    service = Service(env, log, slow_reviews=30)  # the review stays in flight until the kill
    try:
        service.wait_ready()
        with httpx.Client(base_url=service.url, timeout=10) as client:
            accepted = start_review(client, "ilse.varga@example.com", resume_text)
            status_url, auth = accepted["status_url"], client.headers["Authorization"]
            assert poll(client, status_url, {"processing", "completed"}, timeout=20)["status"] == "processing"
        _kill_main_process(service)
        service.log.close()

        restarted_at = time.monotonic()
        service = Service(env, log)
        service.wait_ready()
        with httpx.Client(base_url=service.url, timeout=10, headers={"Authorization": auth}) as client:
            done = poll(client, status_url, {"completed", "failed"}, timeout=60)
        took = time.monotonic() - restarted_at
        assert done["status"] == "completed", (done, log.read_text()[-3000:])
        assert took < 60, f"the restart waited {took:.0f} s: the lease, not the dead owner, decided"
        assert done["attempts"] == 2
        assert result_rows(database_url, accepted["analysis_id"]) == 1
    finally:
        service.stop()
