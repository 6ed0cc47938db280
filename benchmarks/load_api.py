"""Load test of the review API on loopback: create-review and status latency (p50/p99).

For each backend (SQLite file, PostgreSQL database) it starts ``resumeiq serve`` in a subprocess
with its own data dir and database, creates a few users with one resume each, then runs two
phases at each concurrency level (default 50 and 200 clients):

  create  POST /api/v1/analysis/resumes/{id}/analyze   (each one queues a real engine review)
  status  GET  /api/v1/analysis/analysis/{id}/status   (of the reviews just created)

Every client sends ``--requests`` requests, starting one every ``--think-ms`` (default 1000 ms:
a UI polling once a second; 0 sends them back to back, which measures saturation); a phase is
also stopped after ``--phase-timeout`` seconds. Each client has its own connection (one
httpx.AsyncClient per client: one shared pool costs the client several ms of CPU per request
at this concurrency, and the benchmark would measure itself). The server's CPU time per request
(from /proc) is printed as well, to tell server cost from queueing. Rate limits are raised for
the benchmark server (they would answer 429 after 5 reviews per user otherwise). Reviews queued
by the create phase keep the engine workers busy while the status phase runs.

    .venv/bin/python benchmarks/load_api.py
    .venv/bin/python benchmarks/load_api.py --backends sqlite --clients 50 --think-ms 0
    .venv/bin/python benchmarks/load_api.py --url http://127.0.0.1:8000   # a running service

The client runs on the same machine as the server: its CPU use competes with the server's.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
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
_SSL = ssl.create_default_context()  # loaded once, not once per client (plain http anyway)

HEADER = (
    f"{'backend':<10} {'clients':>7} {'op':<7} {'reqs':>6} {'errors':>6} {'p50 ms':>8} {'p99 ms':>8} "
    f"{'max ms':>8} {'req/s':>7} {'srv cpu ms/req':>14}"
)


@dataclass
class Phase:
    name: str
    clients: int
    latencies_ms: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    server_cpu_s: float | None = None

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1

    def line(self, backend: str) -> str:
        lat = sorted(self.latencies_ms)
        errors = sum(self.errors.values())
        total = len(lat) + errors
        if not lat:
            return (
                f"{backend:<10} {self.clients:>7} {self.name:<7} no successful requests; errors {self.errors}"
            )
        cpu = f"{self.server_cpu_s * 1000 / total:>14.2f}" if self.server_cpu_s is not None else f"{'-':>14}"
        return (
            f"{backend:<10} {self.clients:>7} {self.name:<7} {total:>6} {errors:>6} {percentile(lat, 50):>8.1f} "
            f"{percentile(lat, 99):>8.1f} {lat[-1]:>8.1f} {total / self.seconds:>7.0f} {cpu}"
            + (f"   errors: {self.errors}" if errors else "")
        )


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    rank = max(1, round(p / 100 * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


# --------------------------------------------------------------------------- the service


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def process_cpu_seconds(pid: int | None) -> float | None:
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


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
        self.log_path = data_dir.parent / "server.log"
        self.log = self.log_path.open("wb")
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
        async with httpx.AsyncClient(verify=_SSL) as client:
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"the service exited ({self.proc.returncode}); see {self.log_path}")
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

Request = Callable[[httpx.AsyncClient, int, int], Awaitable[httpx.Response]]


async def setup_users(url: str) -> list[tuple[dict[str, str], str]]:
    """USERS users, each with a token and one uploaded resume."""
    users = []
    async with httpx.AsyncClient(base_url=url, verify=_SSL, timeout=60) as client:
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
    phase: Phase, url: str, request: Request, requests: int, think_s: float, timeout: float, pid: int | None
) -> list[tuple[int, httpx.Response]]:
    """``phase.clients`` clients, each with its own connection, sending ``requests`` requests.
    Returns the successful responses with the index of the client that got them."""
    ok: list[tuple[int, httpx.Response]] = []
    go = asyncio.Event()

    async def client_loop(i: int) -> None:
        async with httpx.AsyncClient(base_url=url, verify=_SSL, timeout=60) as client:
            await go.wait()
            # Spread the clients over the first think interval instead of starting in lockstep.
            await asyncio.sleep(think_s * i / phase.clients)
            for j in range(requests):
                started = time.perf_counter()
                try:
                    r = await request(client, i, j)
                except httpx.HTTPError as exc:
                    phase.error(type(exc).__name__)
                else:
                    if r.status_code < 400:
                        phase.latencies_ms.append((time.perf_counter() - started) * 1000)
                        ok.append((i, r))
                    else:
                        phase.error(str(r.status_code))
                await asyncio.sleep(max(0.0, think_s - (time.perf_counter() - started)))

    tasks = [asyncio.create_task(client_loop(i)) for i in range(phase.clients)]
    await asyncio.sleep(0.5)  # let the clients get ready
    cpu_before, started = process_cpu_seconds(pid), time.perf_counter()
    go.set()
    _, pending = await asyncio.wait(tasks, timeout=timeout)
    for task in pending:
        task.cancel()
    if pending:
        phase.errors["phase_timeout"] = len(pending)
    phase.seconds = time.perf_counter() - started
    cpu_after = process_cpu_seconds(pid)
    if cpu_before is not None and cpu_after is not None:
        phase.server_cpu_s = cpu_after - cpu_before
    return ok


async def drive(
    url: str, backend: str, clients: list[int], requests: int, think_s: float, timeout: float, pid: int | None
) -> list[str]:
    users = await setup_users(url)
    lines = []
    for n in clients:

        async def create(client: httpx.AsyncClient, i: int, j: int) -> httpx.Response:
            headers, resume_id = users[i % len(users)]
            return await client.post(
                f"/api/v1/analysis/resumes/{resume_id}/analyze",
                headers=headers,
                json={"industry": "software_engineering", "analysis_depth": "standard"},
            )

        phase = Phase("create", n)
        responses = await run_phase(phase, url, create, requests, think_s, timeout, pid)
        lines.append(phase.line(backend))
        print(lines[-1], flush=True)
        created = [(i % len(users), r.json()["analysis_id"]) for i, r in responses]
        if not created:
            continue

        async def status(
            client: httpx.AsyncClient, i: int, j: int, created: list[tuple[int, str]] = created
        ) -> httpx.Response:
            owner, analysis_id = created[(i * requests + j) % len(created)]
            return await client.get(
                f"/api/v1/analysis/analysis/{analysis_id}/status", headers=users[owner][0]
            )

        phase = Phase("status", n)
        await run_phase(phase, url, status, requests, think_s, timeout, pid)
        lines.append(phase.line(backend))
        print(lines[-1], flush=True)
    return lines


async def bench_backend(backend: str, args: argparse.Namespace, clients: list[int]) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="resumeiq-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        pg_name = None
        if backend == "sqlite":
            database_url = f"sqlite+aiosqlite:///{data_dir / 'resumeiq.db'}"
        else:
            pg_name = f"resumeiq_bench_{os.getpid()}"
            await pg_admin(f'CREATE DATABASE "{pg_name}"')
            base = PG_ADMIN_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://", 1)
            database_url = f"{base}/{pg_name}"
        server = Server(database_url, data_dir, args.workers)
        try:
            await server.wait_ready()
            return await drive(
                server.url,
                backend,
                clients,
                args.requests,
                args.think_ms / 1000,
                args.phase_timeout,
                server.proc.pid,
            )
        finally:
            server.stop()
            if pg_name:
                await pg_admin(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--clients", default="50,200", help="concurrency levels, comma-separated")
    parser.add_argument("--requests", type=int, default=10, help="requests per client per phase")
    parser.add_argument("--think-ms", type=float, default=1000.0, help="interval between a client's requests")
    parser.add_argument("--phase-timeout", type=float, default=120.0, help="seconds")
    parser.add_argument("--workers", type=int, default=2, help="engine worker processes of the server")
    parser.add_argument("--url", help="drive this running service instead of starting one")
    args = parser.parse_args()
    clients = [int(c) for c in args.clients.split(",")]

    print(f"think time {args.think_ms:.0f} ms, {args.requests} requests per client per phase", flush=True)
    print(HEADER, flush=True)
    if args.url:
        asyncio.run(
            drive(
                args.url, "external", clients, args.requests, args.think_ms / 1000, args.phase_timeout, None
            )
        )
        return
    for backend in args.backends.split(","):
        try:
            asyncio.run(bench_backend(backend, args, clients))
        except OSError as exc:
            print(f"{backend}: skipped ({exc})", flush=True)


if __name__ == "__main__":
    main()
