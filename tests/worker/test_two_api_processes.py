"""Two real API processes on one database, the local dispatcher in each: SIGKILL one in the
middle of a screening, and every item is still matched and saved exactly once (the claim is a
conditional UPDATE; the survivor takes over the dead process's items when their leases expire)."""

from __future__ import annotations

import os
import secrets
import time
from collections import Counter

import httpx
from sqlalchemy.engine import make_url

from processes import CliProcess
from worker.test_restart import Service, free_port

ITEMS = 12
JOB = (
    "Warehouse Logistics Coordinator\n\nWe are hiring a logistics coordinator for our depot.\n\n"
    "Requirements:\n- 3+ years of experience in logistics or supply chain\n"
    "- Inventory management, forklift operation and SAP\n"
)


def resume(i: int) -> bytes:
    """An invented applicant, different in every file (a repeated file is skipped as a duplicate)."""
    return (
        f"Quentin Marlowe{i}\nquentin.marlowe{i}@example.org | +1 555 010 {1000 + i}\n\n"
        f"EXPERIENCE\nLogistics Coordinator, Harbourline Freight {i}, Tacoma\n201{i % 10}-01 - Present\n"
        f"- Ran inventory for {20 + i} aisles with SAP\n\nSKILLS\nInventory Management, SAP, Forklift\n"
    ).encode()


class SeamedService(Service):
    def __init__(self, env: dict[str, str], log, journal) -> None:  # noqa: ANN001
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        CliProcess.__init__(
            self,
            ["serve", "--host", "127.0.0.1", "--port", str(self.port), "--no-access-log", "--workers", "1"],
            env,
            log,
            seam=f"slow_screening_items(0.6, {str(journal)!r})",
        )


def journal_lines(journal) -> list[tuple[str, str, str]]:  # noqa: ANN001
    """(what, item id without dashes, pid) of each line the seam wrote."""
    if not journal.exists():
        return []
    return [
        (w, item.replace("-", ""), pid)
        for w, item, pid in (ln.split() for ln in journal.read_text().splitlines())
    ]


def item_rows(database_url: str) -> list[tuple[str, str, int, float | None]]:
    """(id, status, attempts, score) of every screening item."""
    url = make_url(database_url)
    sql = "SELECT id, status, attempts, score FROM screening_items"
    if url.get_backend_name() == "sqlite":
        import sqlite3

        with sqlite3.connect(url.database) as conn:
            return [(str(r[0]).replace("-", ""), r[1], r[2], r[3]) for r in conn.execute(sql)]
    import asyncio

    import asyncpg

    async def rows() -> list:
        conn = await asyncpg.connect(url.set(drivername="postgresql").render_as_string(hide_password=False))
        try:
            return await conn.fetch(sql)
        finally:
            await conn.close()

    return [(str(r[0]).replace("-", ""), r[1], r[2], r[3]) for r in asyncio.run(rows())]


def test_sigkill_of_one_api_process_mid_screening_processes_every_item_once(database_url, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESUMEIQ_")}
    env |= {
        "RESUMEIQ_DATA_DIR": str(tmp_path / "data"),  # shared: both read the stored files
        "RESUMEIQ_DATABASE_URL": database_url,
        "RESUMEIQ_JWT_SECRET": secrets.token_urlsafe(32),
        "RESUMEIQ_WORKER_POOL_SIZE": "1",
        "RESUMEIQ_REGISTRATION_RECRUITERS": "true",  # the screening is a recruiter's
        "RESUMEIQ_REVIEW_LEASE_SECONDS": "2",  # sweeps every second; a dead claim expires in 2 s
    }
    journal = tmp_path / "saved.txt"
    first = SeamedService(env, tmp_path / "first.log", journal)
    second = SeamedService(env, tmp_path / "second.log", journal)
    try:
        first.wait_ready()
        second.wait_ready()
        with httpx.Client(base_url=first.url, timeout=30) as client:
            creds = {"email": "rosalind.vane@example.com", "password": "a long enough benchmark phrase"}
            assert client.post("/api/v1/auth/register", json={**creds, "role": "recruiter"}).status_code == 202
            token = client.post(
                "/api/v1/auth/token", data={"username": creds["email"], "password": creds["password"]}
            ).json()["access_token"]
            client.headers["Authorization"] = f"Bearer {token}"
            job = client.post("/api/v1/jobs", json={"text": JOB})
            assert job.status_code == 201, job.text
            r = client.post(
                "/api/v1/screenings",
                data={"job_id": job.json()["id"]},
                files=[("files", (f"applicant-{i}.txt", resume(i))) for i in range(ITEMS)],
            )
            assert r.status_code == 202, r.text
            screening_id = r.json()["screening_id"]

        # Kill the first process while it holds items and has saved some: more items in flight
        # than the second runs at once (2, twice its engine processes) means the first holds one.
        first_pid = str(first.proc.pid)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            saved = [line for line in journal_lines(journal) if line[0] == "saved"]
            held = [row for row in item_rows(database_url) if row[1] == "processing"]
            if any(pid == first_pid for _, _, pid in saved) and len(held) > 2:
                break
            time.sleep(0.05)
        else:
            raise AssertionError("the screening did not get going")
        first.kill()
        before_kill = len(journal_lines(journal))  # takeovers wait for a lease to expire (2 s)

        with httpx.Client(
            base_url=second.url, timeout=30, headers={"Authorization": f"Bearer {token}"}
        ) as client:
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline:
                status = client.get(f"/api/v1/screenings/{screening_id}").json()
                if status["status"] == "completed":
                    break
                time.sleep(0.2)
            else:
                raise AssertionError(f"the survivor did not finish the screening: {status}")
        assert status["completed"] == ITEMS and status["failed"] == 0, status

        rows = item_rows(database_url)
        assert len(rows) == ITEMS
        assert all(r[1] == "completed" and r[3] is not None for r in rows), rows
        lines = journal_lines(journal)
        saves = Counter(item for what, item, _ in lines if what == "saved")
        assert sorted(saves) == sorted(r[0] for r in rows)
        assert set(saves.values()) == {1}, f"an item's outcome was written twice: {saves}"
        assert {pid for what, _, pid in lines if what == "saved"} == {first_pid, str(second.proc.pid)}
        # Matched once each until the kill; after it, the items the killed process held were
        # matched, once, by the survivor (their second attempt), and no other item was.
        runs_before = Counter(item for what, item, _ in lines[:before_kill] if what == "run")
        assert set(runs_before.values()) == {1}, f"an item was matched twice at once: {runs_before}"
        runs_after = Counter(item for what, item, _ in lines[before_kill:] if what == "run")
        taken_over = {r[0] for r in rows if r[2] == 2}
        assert taken_over, "the killed process held items"
        first_saved = {item for what, item, pid in lines if what == "saved" and pid == first_pid}
        assert not taken_over & first_saved  # what the killed process finished was not done again
        # A taken-over item was matched by the killed process and again by the survivor, or only
        # by the survivor when the kill came between its claim and its match; any other item once.
        assert all(
            runs_before[item] + runs_after[item] in ({1, 2} if item in taken_over else {1}) for item, *_ in rows
        )
        assert all(r[2] in (1, 2) for r in rows), rows
    finally:
        first.stop()
        second.stop()
