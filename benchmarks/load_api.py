"""Load test of the review API on loopback: create-review and status latency (p50/p99).

For each backend (SQLite file, PostgreSQL database) it starts ``resumeiq serve`` in a subprocess
with its own data dir and database, creates a few users with one resume each, then runs two
phases at each concurrency level (default 50 and 200 clients):

  create  POST /api/v1/analyses {resume_id, industry}   (each one queues a real engine review)
  status  GET  /api/v1/analyses/{id}                   (of the reviews just created)

Every client sends ``--requests`` requests, starting one every ``--think-ms`` (default 1000 ms:
a UI polling once a second; 0 sends them back to back, which measures saturation); a phase is
also stopped after ``--phase-timeout`` seconds. Each client has its own keep-alive connection
and the timed requests go through a minimal HTTP/1.1 client (``Connection``): httpx costs its
caller ~4 ms of CPU per request, and 200 clients in one process would measure their own event
loop rather than the server (set-up still uses httpx). The server's CPU time per request
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
import json
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
from urllib.parse import urlsplit

import httpx

PG_ADMIN_DSN = os.environ.get("RESUMEIQ_BENCH_POSTGRES_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("RESUMEIQ_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
RESUME = (
    b"Ada Lovelace\nada@example.com | +44 20 7946 0958 | London, UK\n\nEXPERIENCE\n"
    b"Senior Software Engineer, Analytical Engines Ltd, London\n2019-03 - Present\n"
    b"- Built a Python and PostgreSQL pipeline processing 2 million events per day\n\n"
    b"EDUCATION\nBSc Mathematics, University of London, 2012 - 2015\n\n"
    b"SKILLS\nPython, SQL, PostgreSQL, Docker, Kubernetes\n"
)
USERS = 10
_SSL = ssl.create_default_context()  # loaded once, not once per client (plain http anyway)

# The targets of issue 11: p99 latency and server CPU per request (ms), and no errors.
TARGETS = {"create": (100.0, 3.0), "status": (50.0, 1.5)}
TARGETS_LINE = (
    "targets: create p99 <= 100 ms and server CPU <= 3 ms/request, status p99 <= 50 ms and <= 1.5 ms/request, "
    "zero errors"
)

HEADER = (
    f"{'backend':<17} {'clients':>7} {'op':<7} {'reqs':>6} {'errors':>6} {'p50 ms':>8} {'p99 ms':>8} "
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
                f"{backend:<17} {self.clients:>7} {self.name:<7} no successful requests; errors {self.errors}"
            )
        cpu = f"{self.server_cpu_s * 1000 / total:>14.2f}" if self.server_cpu_s is not None else f"{'-':>14}"
        return (
            f"{backend:<17} {self.clients:>7} {self.name:<7} {total:>6} {errors:>6} {percentile(lat, 50):>8.1f} "
            f"{percentile(lat, 99):>8.1f} {lat[-1]:>8.1f} {total / self.seconds:>7.0f} {cpu}"
            + f"  {self.verdict()}"
            + (f"   errors: {self.errors}" if errors else "")
        )

    def verdict(self) -> str:
        """Which of the issue's targets this phase misses ("ok": none)."""
        p99_max, cpu_max = TARGETS.get(self.name, (float("inf"), float("inf")))
        total = len(self.latencies_ms) + sum(self.errors.values())
        missed = []
        if percentile(sorted(self.latencies_ms), 99) > p99_max:
            missed.append("p99")
        if self.server_cpu_s is not None and self.server_cpu_s * 1000 / total > cpu_max:
            missed.append("cpu")
        if self.errors:
            missed.append("errors")
        return "ok" if not missed else "MISS " + ",".join(missed)


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    rank = max(1, round(p / 100 * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


# --------------------------------------------------------------------------- the service


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _cpu_ticks(pid: int | str) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def process_cpu_seconds(pid: int | None) -> float | None:
    """CPU time of the API: the process ``pid`` and, with ``serve --workers N``, the API
    processes it forked (children with its command line; engine processes are not counted)."""
    if pid is None:
        return None
    try:
        ticks = _cpu_ticks(pid)
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return None
    for child in children:
        try:
            if Path(f"/proc/{child}/cmdline").read_bytes() == cmdline:
                ticks += _cpu_ticks(child)
        except OSError:
            continue  # exited meanwhile
    return ticks / os.sysconf("SC_CLK_TCK")


class Server:
    """``resumeiq serve`` in a subprocess; with ``celery``, the scale-out mode: the API queues on
    Redis and a ``resumeiq worker`` subprocess runs the reviews."""

    def __init__(
        self, database_url: str, data_dir: Path, workers: int, *, celery: bool = False, api_workers: int = 1
    ) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("RESUMEIQ_")}
        env |= {
            "RESUMEIQ_DATA_DIR": str(data_dir),
            "RESUMEIQ_DATABASE_URL": database_url,
            "RESUMEIQ_JWT_SECRET": secrets.token_urlsafe(32),
            "RESUMEIQ_RATE_LIMIT_UPLOAD": "1000000/minute",
            "RESUMEIQ_RATE_LIMIT_REGISTER_IP": "1000000/minute",
            "RESUMEIQ_RATE_LIMIT_LOGIN_IP": "1000000/minute",
            "RESUMEIQ_RATE_LIMIT_ANALYSIS": "1000000/minute",
            "RESUMEIQ_RATE_LIMIT_ANALYSIS_BURST": "",  # no burst limit either
            "RESUMEIQ_WORKER_POOL_SIZE": str(workers),
            "RESUMEIQ_LOG_LEVEL": "WARNING",
        }
        if celery:
            name = f"resumeiq-bench-{os.getpid()}"
            env |= {
                "RESUMEIQ_QUEUE": "celery",
                "RESUMEIQ_REDIS_URL": REDIS_URL,
                "RESUMEIQ_CELERY_QUEUE": name,
                "RESUMEIQ_RATE_LIMIT_KEY_PREFIX": name,
            }
        self.log_path = data_dir.parent / "server.log"
        self.log = self.log_path.open("wb")
        cli = [sys.executable, "-c", "from resumeiq.cli import app; app()"]
        self.procs = [
            subprocess.Popen(
                cli
                + ["serve", "--host", "127.0.0.1", "--port", str(self.port), "--no-access-log"]
                + (["--workers", str(api_workers)] if api_workers != 1 else []),
                env=env,
                stdout=self.log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        ]
        if celery:
            self.procs.append(
                subprocess.Popen(
                    cli + ["worker", "--concurrency", str(workers)],
                    env=env,
                    stdout=self.log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        self.proc = self.procs[0]

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
        for proc in self.procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        self.log.close()


async def pg_admin(sql: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(PG_ADMIN_DSN, timeout=5)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


# --------------------------------------------------------------------------- load


class Connection:
    """A minimal HTTP/1.1 keep-alive client on one connection, for the timed phases.

    httpx costs its caller about 4 ms of CPU per request; with 200 clients in one process on the
    same machine as the server, the load generator saturated its own event loop and the
    latencies measured mostly that (p99 of 600 ms against a server answering in 3 ms). Like wrk,
    this client only writes a request and reads the ``Content-Length`` body back (0.3 ms).
    """

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or (443 if parts.scheme == "https" else 80)
        self.tls = _SSL if parts.scheme == "https" else None
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def __aenter__(self) -> Connection:
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port, ssl=self.tls)
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.writer is not None:
            self.writer.close()

    async def request(
        self, method: str, path: str, headers: dict[str, str], body: object = None
    ) -> tuple[int, bytes]:
        assert self.reader is not None and self.writer is not None
        payload = json.dumps(body).encode() if body is not None else b""
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}", f"Content-Length: {len(payload)}"]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        if body is not None:
            lines.append("Content-Type: application/json")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + payload)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        return status, await self.reader.readexactly(length)


def _id(body: dict) -> str:
    return body.get("id") or body["analysis_id"]


Request = Callable[[Connection, int, int], Awaitable[tuple[int, bytes]]]


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
            users.append((headers, r.json().get("id") or r.json()["resume_id"]))
    return users


async def run_phase(
    phase: Phase, url: str, request: Request, requests: int, think_s: float, timeout: float, pid: int | None
) -> list[tuple[int, bytes]]:
    """``phase.clients`` clients, each with its own connection, sending ``requests`` requests.
    Returns the bodies of the successful responses with the index of the client that got them."""
    ok: list[tuple[int, bytes]] = []
    go = asyncio.Event()

    async def client_loop(i: int) -> None:
        async with Connection(url) as conn:
            await go.wait()
            # Spread the clients over the first think interval instead of starting in lockstep.
            await asyncio.sleep(think_s * i / phase.clients)
            for j in range(requests):
                started = time.perf_counter()
                try:
                    status, body = await request(conn, i, j)
                except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
                    phase.error(type(exc).__name__)
                    return  # the connection is unusable
                if status < 400:
                    phase.latencies_ms.append((time.perf_counter() - started) * 1000)
                    ok.append((i, body))
                else:
                    phase.error(str(status))
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

        async def create(conn: Connection, i: int, j: int) -> tuple[int, bytes]:
            headers, resume_id = users[i % len(users)]
            return await conn.request(
                "POST",
                "/api/v1/analyses",
                headers,
                {"resume_id": resume_id, "industry": "software_engineering"},
            )

        phase = Phase("create", n)
        responses = await run_phase(phase, url, create, requests, think_s, timeout, pid)
        lines.append(phase.line(backend))
        print(lines[-1], flush=True)
        created = [(i % len(users), _id(json.loads(body))) for i, body in responses]
        if not created:
            continue

        async def status(
            conn: Connection, i: int, j: int, created: list[tuple[int, str]] = created
        ) -> tuple[int, bytes]:
            owner, analysis_id = created[(i * requests + j) % len(created)]
            return await conn.request("GET", f"/api/v1/analyses/{analysis_id}", users[owner][0])

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
        server = Server(
            database_url,
            data_dir,
            args.workers,
            celery=backend == "postgresql-celery",
            api_workers=args.api_workers,
        )
        try:
            await server.wait_ready()
            return await drive(
                server.url,
                backend if args.api_workers == 1 else f"{backend} x{args.api_workers}",
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
    parser.add_argument(
        "--backends",
        default="sqlite,postgresql,postgresql-celery",
        help="sqlite and postgresql: the embedded mode (in-process worker); postgresql-celery: the "
        "scale-out mode (Celery on Redis, a `resumeiq worker` subprocess)",
    )
    parser.add_argument("--clients", default="50,200", help="concurrency levels, comma-separated")
    parser.add_argument("--requests", type=int, default=10, help="requests per client per phase")
    parser.add_argument("--think-ms", type=float, default=1000.0, help="interval between a client's requests")
    parser.add_argument("--phase-timeout", type=float, default=120.0, help="seconds")
    parser.add_argument("--workers", type=int, default=2, help="engine worker processes of the server")
    parser.add_argument(
        "--api-workers",
        type=int,
        default=1,
        help="API processes (resumeiq serve --workers); the engine processes are shared out among them",
    )
    parser.add_argument("--url", help="drive this running service instead of starting one")
    args = parser.parse_args()
    clients = [int(c) for c in args.clients.split(",")]

    print(f"think time {args.think_ms:.0f} ms, {args.requests} requests per client per phase", flush=True)
    print(TARGETS_LINE, flush=True)
    print(HEADER + "  target", flush=True)
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
