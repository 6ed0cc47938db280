"""Screening throughput: 1,000 resumes against one job, through the real service on loopback.

The resumes are the readable files of ``../shared/eval-dev/`` (groups ``main`` and ``ats``: PDF,
DOCX and TXT) repeated up to ``--resumes``; each copy is made byte-unique without changing what
it says (a PDF comment after ``%%EOF``, a ZIP comment in a DOCX, trailing blank lines in a text
file), because a screening flags the same file twice as a duplicate and skips it.

Modes, each with a fresh data dir and database:

  embedded   ``resumeiq serve`` on SQLite, local queue: the API process runs the jobs with its
             engine pool (RESUMEIQ_WORKER_POOL_SIZE processes, default 2)
  engine     the engine alone, for comparison: the same files matched against the same job in
             the same process pool the API uses (``EnginePool``, RESUMEIQ_WORKER_POOL_SIZE
             processes, as many calls in flight as the screening dispatcher runs), no HTTP, no
             database; the embedded rate divided by this one is the pipeline's efficiency
  celery-N   ``resumeiq serve`` on PostgreSQL with RESUMEIQ_QUEUE=celery, and ``resumeiq worker
             --concurrency N`` (N = 1, then 2): the worker processes run the jobs

For each: the upload (POST /screenings with every file, until the 202) and the processing (from
the 202 until the screening's status is ``completed``) are timed separately; resumes/second is
resumes / processing time. Everything (API, worker, PostgreSQL, Redis, this client) shares the
machine's cores, so "per process" is only meaningful while processes <= free cores.

    .venv/bin/python benchmarks/screening_throughput.py
    .venv/bin/python benchmarks/screening_throughput.py --modes embedded --resumes 300
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
EVAL_DEV = ROOT.parent / "shared" / "eval-dev"
PG_ADMIN_DSN = os.environ.get("RESUMEIQ_BENCH_POSTGRES_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("RESUMEIQ_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
CLI = "from resumeiq.cli import app; app()"


# --------------------------------------------------------------------------- the files


def eval_resumes(eval_dir: Path) -> list[tuple[str, bytes]]:
    """(filename, bytes) of the readable resumes of the eval set, in manifest order."""
    files = []
    for line in (eval_dir / "manifest.tsv").read_text().splitlines()[1:]:
        rid, file, group, _fmt = line.split("\t")[:4]
        if group in {"main", "ats"}:
            files.append((Path(file).name, (eval_dir / file).read_bytes()))
    return files


def unique_copy(name: str, data: bytes, n: int) -> tuple[str, bytes]:
    """Copy ``n`` of a file, byte-unique, same content."""
    stem, ext = name.rsplit(".", 1)
    if n == 0:
        return name, data
    if ext == "pdf":
        data = data + f"\n%resumeiq-benchmark-copy-{n}\n".encode()
    elif ext == "docx":
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                dst.writestr(info, src.read(info.filename))
            dst.comment = f"resumeiq benchmark copy {n}".encode()
        data = out.getvalue()
    else:
        data = data.rstrip(b"\n") + b"\n" * (n + 1)
    return f"{stem}-copy{n}.{ext}", data


def batch(files: list[tuple[str, bytes]], total: int) -> list[tuple[str, bytes]]:
    return [unique_copy(*files[i % len(files)], i // len(files)) for i in range(total)]


# --------------------------------------------------------------------------- processes


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Process:
    """A ``resumeiq`` command in its own process group, output to a log file."""

    def __init__(self, args: list[str], env: dict[str, str], log: Path) -> None:
        self.log_path = log
        self.log = log.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-c", CLI, *args],
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def check(self) -> None:
        if self.proc.poll() is not None:
            raise RuntimeError(f"{self.proc.args[3]} exited ({self.proc.returncode}); see {self.log_path}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.log.close()


def process_cpu_seconds(pid: int) -> float:
    """utime + stime of one process (not its children: the engine processes)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def wait_ready(url: str, server: Process, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient() as client:
        while time.monotonic() < deadline:
            server.check()
            try:
                if (await client.get(f"{url}/ready", timeout=1)).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)
    raise RuntimeError("the service did not become ready")


async def wait_worker(worker: Process, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        worker.check()
        if b" ready." in worker.log_path.read_bytes():
            return
        await asyncio.sleep(0.1)
    raise RuntimeError(f"the worker did not become ready; see {worker.log_path}")


async def pg_admin(sql: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(PG_ADMIN_DSN, timeout=5)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


# --------------------------------------------------------------------------- one run


@dataclass
class Result:
    mode: str
    processes: int
    resumes: int
    upload_s: float
    process_s: float
    completed: int
    failed: int

    @property
    def rate(self) -> float:
        return self.resumes / self.process_s

    def line(self, baseline: Result | None = None) -> str:
        scale = (
            f"  x{self.rate / baseline.rate:.2f} vs 1 process" if baseline and baseline is not self else ""
        )
        return (
            f"{self.mode:<28} {self.processes:>9} {self.resumes:>7} {self.upload_s:>8.1f} {self.process_s:>9.1f} "
            f"{self.rate:>9.1f} {self.rate / self.processes:>11.1f} {self.completed:>9} {self.failed:>6}{scale}"
        )


TARGETS_LINE = (
    "targets (issue 11): 1,000 resumes embedded in <= 12 s, embedded rate >= 0.90 x the engine's own; "
    "Celery >= 1.9x from 1 to 2 worker processes"
)

HEADER = (
    f"{'mode':<28} {'processes':>9} {'resumes':>7} {'upload s':>8} {'process s':>9} {'resumes/s':>9} "
    f"{'per process':>11} {'completed':>9} {'failed':>6}"
)


async def screen(
    url: str, job_text: str, files: list[tuple[str, bytes]], on_accepted: Callable[[], None] = lambda: None
) -> tuple[float, float, dict]:
    """Register, create the job, post the screening; returns (upload s, processing s, status).
    ``on_accepted`` is called when the screening's 202 arrives."""
    async with httpx.AsyncClient(base_url=url, timeout=600) as client:
        email, password = f"bench-{secrets.token_hex(4)}@example.com", "benchmark password"
        (
            await client.post("/api/v1/auth/register", json={"email": email, "password": password})
        ).raise_for_status()
        r = await client.post("/api/v1/auth/token", data={"username": email, "password": password})
        client.headers["Authorization"] = f"Bearer {r.json()['access_token']}"
        r = await client.post("/api/v1/jobs", json={"text": job_text})
        r.raise_for_status()
        job_id = r.json()["id"]
        started = time.perf_counter()
        r = await client.post(
            "/api/v1/screenings",
            data={"job_id": job_id},
            files=[("files", (name, data)) for name, data in files],
        )
        r.raise_for_status()
        accepted = time.perf_counter()
        on_accepted()
        sid = r.json()["screening_id"]
        while True:
            status = (await client.get(f"/api/v1/screenings/{sid}")).json()
            if status["status"] == "completed":
                return accepted - started, time.perf_counter() - accepted, status
            await asyncio.sleep(0.25)  # a status request costs the API some CPU: poll gently


def base_env(data_dir: Path, database_url: str, pool_size: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESUMEIQ_")}
    return env | {
        "RESUMEIQ_DATA_DIR": str(data_dir),
        "RESUMEIQ_DATABASE_URL": database_url,
        "RESUMEIQ_JWT_SECRET": secrets.token_urlsafe(32),
        "RESUMEIQ_RATE_LIMIT_UPLOAD": "1000000/minute",
        "RESUMEIQ_RATE_LIMIT_REGISTER_IP": "1000000/minute",
        "RESUMEIQ_RATE_LIMIT_LOGIN_IP": "1000000/minute",
        "RESUMEIQ_WORKER_POOL_SIZE": str(pool_size),
        "RESUMEIQ_LOG_LEVEL": "WARNING",
    }


def result(mode: str, processes: int, upload: float, processing: float, status: dict) -> Result:
    return Result(mode, processes, status["total"], upload, processing, status["completed"], status["failed"])


async def run_embedded(tmp: Path, job_text: str, files: list[tuple[str, bytes]], pool: int) -> Result:
    data_dir = tmp / "embedded"
    port = free_port()
    env = base_env(data_dir, f"sqlite+aiosqlite:///{data_dir / 'resumeiq.db'}", pool)
    data_dir.mkdir(parents=True)
    server = Process(["serve", "--port", str(port), "--no-access-log"], env, tmp / "embedded-api.log")
    try:
        url = f"http://127.0.0.1:{port}"
        await wait_ready(url, server)
        cpu = [process_cpu_seconds(server.proc.pid)]
        upload, processing, status = await screen(
            url, job_text, files, on_accepted=lambda: cpu.append(process_cpu_seconds(server.proc.pid))
        )
        cpu.append(process_cpu_seconds(server.proc.pid))
    finally:
        server.stop()
    print(
        f"  embedded: API process CPU per resume {(cpu[1] - cpu[0]) * 1000 / len(files):.1f} ms in the upload, "
        f"{(cpu[2] - cpu[1]) * 1000 / len(files):.1f} ms in the processing (claim, load, engine call, save, "
        "progress reads)",
        flush=True,
    )
    return result("embedded (local, SQLite)", pool, upload, processing, status)


async def run_engine(tmp: Path, job_text: str, files: list[tuple[str, bytes]], pool: int) -> Result:
    """The engine's own rate: every file matched in the API's engine pool, nothing else."""
    from resumeiq.worker.engine_jobs import EngineFailure
    from resumeiq.worker.pool import EnginePool

    folder = tmp / "engine-files"
    folder.mkdir()
    paths = []
    for i, (name, data) in enumerate(files):
        path = folder / f"{i}-{name}"
        path.write_bytes(data)
        paths.append((path, name))
    engine = EnginePool(pool)
    await engine.start()
    try:
        job = await engine.parse_job(text=job_text, filename=None, title=None)
        assert not isinstance(job, EngineFailure), job
        queue: asyncio.Queue[tuple[Path, str]] = asyncio.Queue()
        for item in paths:
            queue.put_nowait(item)
        outcomes = {"completed": 0, "failed": 0}

        async def work() -> None:
            while not queue.empty():
                path, name = queue.get_nowait()
                report = await engine.match_file(
                    path,
                    name,
                    job_key="bench",
                    job=job.requirements,
                    job_text=job.text,
                    thresholds=(80.0, 46.0),
                )
                outcomes["failed" if isinstance(report, EngineFailure) else "completed"] += 1

        started = time.perf_counter()
        await asyncio.gather(*(work() for _ in range(2 * pool)))  # as the screening dispatcher
        seconds = time.perf_counter() - started
    finally:
        await asyncio.to_thread(engine.shutdown)
    return Result(
        "engine alone (EnginePool)", pool, len(files), 0.0, seconds, outcomes["completed"], outcomes["failed"]
    )


async def run_celery(
    tmp: Path, job_text: str, files: list[tuple[str, bytes]], concurrencies: list[int]
) -> list[Result]:
    import redis

    pg_name = f"resumeiq_bench_{os.getpid()}"
    queue = f"resumeiq-bench-{secrets.token_hex(4)}"
    await pg_admin(f'CREATE DATABASE "{pg_name}"')
    base = PG_ADMIN_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://", 1)
    data_dir = tmp / "celery"
    data_dir.mkdir(parents=True)
    env = base_env(data_dir, f"{base}/{pg_name}", 2) | {
        "RESUMEIQ_QUEUE": "celery",
        "RESUMEIQ_REDIS_URL": REDIS_URL,
        "RESUMEIQ_CELERY_QUEUE": queue,
    }
    port = free_port()
    server = Process(["serve", "--port", str(port), "--no-access-log"], env, tmp / "celery-api.log")
    results = []
    try:
        url = f"http://127.0.0.1:{port}"
        await wait_ready(url, server)
        for n in concurrencies:
            # INFO: the worker says " ready." when it consumes (two log lines per task; cheap).
            worker_env = env | {"RESUMEIQ_LOG_LEVEL": "INFO"}
            worker = Process(["worker", "--concurrency", str(n)], worker_env, tmp / f"celery-worker-{n}.log")
            try:
                await wait_worker(worker)
                upload, processing, status = await screen(url, job_text, files)
            finally:
                worker.stop()
            results.append(result("celery worker, PostgreSQL", n, upload, processing, status))
            print(results[-1].line(results[0]), flush=True)
    finally:
        server.stop()
        await pg_admin(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')
        client = redis.Redis.from_url(REDIS_URL)
        client.delete(queue, f"_kombu.binding.{queue}", *client.scan_iter(f"{queue}:*"))
        client.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--modes", default="engine,embedded,celery", help="engine, embedded, celery (comma-separated)"
    )
    parser.add_argument("--resumes", type=int, default=1000)
    parser.add_argument("--job", type=Path, help="job description (text); default: the eval set's first job")
    parser.add_argument("--pool-size", type=int, default=2, help="engine processes of the embedded API")
    parser.add_argument("--worker-processes", default="1,2", help="Celery worker concurrencies to run")
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DEV)
    args = parser.parse_args()

    job = args.job or sorted((args.eval_dir / "jobs").glob("*.txt"))[0]
    originals = eval_resumes(args.eval_dir)
    files = batch(originals, args.resumes)
    megabytes = sum(len(d) for _, d in files) / 1e6
    print(
        f"{len(files)} resumes ({len(originals)} eval-dev files repeated, {megabytes:.0f} MB) against "
        f"{job.name}; {os.cpu_count()} CPU(s), load average {os.getloadavg()[0]:.1f} before the runs",
        flush=True,
    )
    print(HEADER, flush=True)
    modes = args.modes.split(",")
    print(TARGETS_LINE, flush=True)
    with tempfile.TemporaryDirectory(prefix="resumeiq-bench-") as tmp:
        engine = embedded = None
        if "engine" in modes:
            engine = asyncio.run(run_engine(Path(tmp), job.read_text(), files, args.pool_size))
            print(engine.line(), flush=True)
        if "embedded" in modes:
            embedded = asyncio.run(run_embedded(Path(tmp), job.read_text(), files, args.pool_size))
            print(embedded.line(), flush=True)
        if engine and embedded:
            ratio = embedded.rate / engine.rate
            print(
                f"embedded / engine rate: {ratio:.2f} ({'ok' if ratio >= 0.9 else 'MISS'}: target >= 0.90); "
                f"embedded processing {embedded.process_s:.1f} s for {embedded.resumes} resumes",
                flush=True,
            )
        if "celery" in modes:
            concurrencies = [int(n) for n in args.worker_processes.split(",")]
            try:
                asyncio.run(run_celery(Path(tmp), job.read_text(), files, concurrencies))
            except OSError as exc:
                print(f"celery: skipped ({exc})", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} after the runs (other processes share these CPUs)")


if __name__ == "__main__":
    main()
