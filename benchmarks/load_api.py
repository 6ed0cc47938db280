"""Load test of the review API on loopback: create-review and status latency (p50/p99).

For each backend (SQLite file, PostgreSQL database) it starts ``resumeiq serve`` in a subprocess
with its own data dir and database, creates a few users with one resume each, then runs two
phases at each concurrency level (default 50 and 200 clients):

  create  POST /api/v1/analysis/resumes/{id}/analyze   (each one queues a real engine review)
  status  GET  /api/v1/analysis/analysis/{id}/status

Every client sends ``--requests`` requests back to back; a phase is also stopped after
``--phase-timeout`` seconds. Rate limits are raised for the benchmark server (they would
otherwise answer 429 after 5 reviews). Reviews queued by the create phase keep the engine
workers busy while the status phase runs, which is the situation the status numbers describe.

    .venv/bin/python benchmarks/load_api.py
    .venv/bin/python benchmarks/load_api.py --backends sqlite --clients 50 --requests 10
    .venv/bin/python benchmarks/load_api.py --url http://127.0.0.1:8000   # an already running service

The client runs on the same machine: its own CPU use is part of what is measured.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

PG_ADMIN_DSN = os.environ.get("RESUMEIQ_BENCH_POSTGRES_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")
RESUME = (
    b"Ada Lovelace\nada@example.com | +44 20 7946 0958 | London, UK\n\nEXPERIENCE\n"
    b"Senior Software Engineer, Analytical Engines Ltd, London\n2019-03 - Present\n"
    b"- Built a Python and PostgreSQL pipeline processing 2 million events per day\n\n"
    b"EDUCATION\nBSc Mathematics, University of London, 2012 - 2015\n\n"
    b"SKILLS\nPython, SQL, PostgreSQL, Docker, Kubernetes\n"
)
USERS = 10


@dataclass
class Phase:
    name: str
    clients: int
    latencies_ms: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def line(self, backend: str) -> str:
        lat = sorted(self.latencies_ms)
        if not lat:
            return (
                f"{backend:<10} {self.clients:>7} {self.name:<7} no successful requests; errors {self.errors}"
            )
        p = statistics.quantiles(lat, n=100, method="inclusive") if len(lat) > 1 else [lat[0]] * 99
        errors = sum(self.errors.values())
        return (
            f"{backend:<10} {self.clients:>7} {self.name:<7} {len(lat) + errors:>6} {errors:>6} "
            f"{p[49]:>8.1f} {p[98]:>8.1f} {lat[-1]:>8.1f} {(len(lat) + errors) / self.seconds:>8.0f}"
            + (f"   errors: {self.errors}" if errors else "")
        )


HEADER = (
    f"{'backend':<10} {'clients':>7} {'op':<7} {'reqs':>6} {'errors':>6} "
    f"{'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'req/s':>8}"
)


# --------------------------------------------------------------------------- the service


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, database_url: str, data_dir: Path, workers: int) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("RESUMEIQ_")}
        env |= {
            "RESUMEIQ_DATA_DIR": str(data_dir),
            "RESUMEIQ_DATABASE_URL": database_url,
            "RESUMEIQ_JWT_SECRET": secrets.token_urlsafe(32),
            "RESUMEIQ_RATE_LIMIT_UPLOAD": "1000000/minute",
            "RESUMEIQ_RATE_LIMIT_ANALYSIS": "1000000/minute",
            "RESUMEIQ_WORKER_POOL_SIZE": str(workers),
            "RESUMEIQ_LOG_LEVEL": "WARNING",
        }
        self.log = (data_dir.parent / "server.log").open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "from resumeiq.cli import app; app()", "serve"]
            + ["--host", "127.0.0.1", "--port", str(self.port), "--no-access-log"],
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    async def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        async with httpx.AsyncClient() as client:
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"the service exited ({self.proc.returncode}); see {self.log.name}")
                try:
                    if (await client.get(f"{self.url}/ready", timeout=1)).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.2)
        raise RuntimeError("the service did not become ready")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.log.close()


async def pg_admin(sql: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(PG_ADMIN_DSN, timeout=5)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


# --------------------------------------------------------------------------- load


async def setup_users(client: httpx.AsyncClient) -> list[tuple[dict[str, str], str]]:
    """USERS users, each with a token and one uploaded resume."""
    users = []
    for i in range(USERS):
        email, password = f"bench-{i}-{secrets.token_hex(3)}@example.com", "benchmark password"
        r = await client.post("/api/v1/auth/register", json={"email": email, "password": password})
        r.raise_for_status()
        r = await client.post("/api/v1/auth/token", data={"username": email, "password": password})
        headers = {"Authorization": f"Bearer {r.json()['access_token']}"}
        r = await client.post("/api/v1/resumes", headers=headers, files={"file": ("cv.txt", RESUME)})
        r.raise_for_status()
        users.append((headers, r.json()["resume_id"]))
    return users


async def run_phase(
    phase: Phase, make_request, requests: int, timeout: float
) -> list[tuple[int, httpx.Response]]:
    """``clients`` coroutines, each sending ``requests`` requests one after the other. Returns the
    successful responses with the index of the client that got them."""
    ok: list[tuple[int, httpx.Response]] = []

    async def client_loop(i: int) -> None:
        for j in range(requests):
            started = time.perf_counter()
            try:
                r = await make_request(i, j)
            except httpx.HTTPError as exc:
                phase.errors[type(exc).__name__] = phase.errors.get(type(exc).__name__, 0) + 1
                continue
            if r.status_code < 400:
                phase.latencies_ms.append((time.perf_counter() - started) * 1000)
                ok.append((i, r))
            else:
                phase.errors[str(r.status_code)] = phase.errors.get(str(r.status_code), 0) + 1

    started = time.perf_counter()
    tasks = [asyncio.create_task(client_loop(i)) for i in range(phase.clients)]
    _, pending = await asyncio.wait(tasks, timeout=timeout)
    for task in pending:
        task.cancel()
    if pending:
        phase.errors["phase_timeout"] = len(pending)
    phase.seconds = time.perf_counter() - started
    return ok


async def drive(url: str, backend: str, clients: list[int], requests: int, timeout: float) -> list[str]:
    limits = httpx.Limits(max_connections=max(clients), max_keepalive_connections=max(clients))
    lines = []
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:
        users = await setup_users(client)
        for n in clients:
            create = Phase("create", n)

            async def create_request(i: int, j: int) -> httpx.Response:
                headers, resume_id = users[i % len(users)]
                return await client.post(
                    f"/api/v1/analysis/resumes/{resume_id}/analyze",
                    headers=headers,
                    json={"industry": "software_engineering", "analysis_depth": "standard"},
                )

            created = [
                (i % len(users), r.json()["analysis_id"])
                for i, r in await run_phase(create, create_request, requests, timeout)
            ]
            lines.append(create.line(backend))
            print(lines[-1], flush=True)
            if not created:
                continue
            status = Phase("status", n)

            async def status_request(
                i: int, j: int, created: list[tuple[int, str]] = created
            ) -> httpx.Response:
                owner, analysis_id = created[(i * requests + j) % len(created)]
                return await client.get(
                    f"/api/v1/analysis/analysis/{analysis_id}/status", headers=users[owner][0]
                )

            await run_phase(status, status_request, requests, timeout)
            lines.append(status.line(backend))
            print(lines[-1], flush=True)
    return lines


async def bench_backend(
    backend: str, clients: list[int], requests: int, timeout: float, workers: int
) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="resumeiq-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        pg_name = None
        if backend == "sqlite":
            database_url = f"sqlite+aiosqlite:///{data_dir / 'resumeiq.db'}"
        else:
            pg_name = f"resumeiq_bench_{os.getpid()}"
            await pg_admin(f'DROP DATABASE IF EXISTS "{pg_name}"')
            await pg_admin(f'CREATE DATABASE "{pg_name}"')
            base = PG_ADMIN_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://", 1)
            database_url = f"{base}/{pg_name}"
        server = Server(database_url, data_dir, workers)
        try:
            await server.wait_ready()
            return await drive(server.url, backend, clients, requests, timeout)
        finally:
            server.stop()
            if pg_name:
                await pg_admin(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--clients", default="50,200", help="concurrency levels")
    parser.add_argument("--requests", type=int, default=10, help="requests per client per phase")
    parser.add_argument("--phase-timeout", type=float, default=120.0, help="seconds")
    parser.add_argument("--workers", type=int, default=2, help="engine worker processes of the server")
    parser.add_argument("--url", help="drive this running service instead of starting one")
    args = parser.parse_args()
    clients = [int(c) for c in args.clients.split(",")]

    print(HEADER, flush=True)
    if args.url:
        asyncio.run(drive(args.url, "external", clients, args.requests, args.phase_timeout))
        return
    for backend in args.backends.split(","):
        try:
            asyncio.run(bench_backend(backend, clients, args.requests, args.phase_timeout, args.workers))
        except OSError as exc:
            print(f"{backend}: skipped ({exc})", flush=True)


if __name__ == "__main__":
    main()
