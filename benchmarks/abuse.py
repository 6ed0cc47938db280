"""Issue 8's findings as attacks on a real ``resumeiq serve`` on loopback: for each, what was
sent and what the service did, and the fairness figure (another user's upload latency while one
user runs 10 loops of expensive reads, against the same uploads on a quiet service).

    .venv/bin/python benchmarks/abuse.py                      # SQLite under a temp dir
    .venv/bin/python benchmarks/abuse.py --database-url postgresql+asyncpg://postgres@127.0.0.1/db
    .venv/bin/python benchmarks/abuse.py --only fairness --uploads 40

Only loopback is ever contacted; every loop is bounded in count and time. The attacker's loops
run in this process, on the same two cores as the server: their CPU competes with it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import multiprocessing
import os
import secrets
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # documents.py (PDFs built by hand), seams.py

PASSWORD = "an invented passphrase for the bench"
RESUME = (
    "Halvard Quist\nhalvard.quist@example.org | +47 912 34 567 | Bergen, Norway\n\nEXPERIENCE\n"
    "Backend Engineer, Fjordline Data AS, Bergen\n2018-04 - Present\n"
    "- Built a Python and PostgreSQL service handling 3 million requests per day\n\n"
    "EDUCATION\nMSc Informatics, University of Bergen, 2012 - 2017\n\nSKILLS\nPython, SQL, Docker, Kafka\n"
)
JOB = (
    "Platform Engineer {n}\nNorthwind Analytics · Oslo, Norway\n\nRequirements\n"
    "- 4+ years of backend experience\n- Python, PostgreSQL and Docker\n- Kafka or another message broker\n"
    "\nNice to have\n- Kubernetes\n- Terraform\n"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """``resumeiq serve`` in its own session (process group), logging to ``log``."""

    def __init__(self, env: dict[str, str], log: Path, *, slow_reviews: float | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        code = "from resumeiq.cli import app; app()"
        if slow_reviews is not None:
            code = f"import seams; seams.slow_reviews({slow_reviews}); {code}"
        env = env | {"PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT / "tests")])}
        self.log = log.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-c", code, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--no-access-log"],
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"the service exited: {log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/ready", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise SystemExit("the service did not become ready")

    def rss_mb(self) -> float:
        return int(Path(f"/proc/{self.proc.pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

    def group(self) -> list[int]:
        pids = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_bytes()
                except OSError:
                    continue
                fields = stat[stat.rfind(b")") + 2 :].split()
                if int(fields[2]) == self.proc.pid and fields[0] not in (b"Z", b"X"):
                    pids.append(int(entry.name))
        return pids

    def stop(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
        self.log.close()


def account(client: httpx.Client, email: str) -> dict[str, str]:
    client.post("/api/v1/auth/register", json={"email": email, "password": PASSWORD})
    r = client.post("/api/v1/auth/token", data={"username": email, "password": PASSWORD})
    r.raise_for_status()
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def say(finding: str, attack: str, outcome: str) -> None:
    print(f"{finding:<4} {attack:<62} → {outcome}", flush=True)


def statuses(codes: list[int]) -> str:
    counts: dict[int, int] = {}
    for c in codes:
        counts[c] = counts.get(c, 0) + 1
    return ", ".join(f"{n}× {c}" for c, n in sorted(counts.items()))


# --------------------------------------------------------------------------- findings 1-5, 8, 11


def input_attacks(server: Server, env: dict[str, str]) -> None:
    from documents import pdf_with_mapped_glyph

    with httpx.Client(base_url=server.url, timeout=30) as c:
        h = account(c, f"inputs-{secrets.token_hex(3)}@example.com")
        pdf = pdf_with_mapped_glyph([(72, 720, 12, b"HALVARD QUIST Z")], "<5A> <D800>")
        r = c.post("/api/v1/resumes", headers=h, files={"file": ("fuzz.pdf", pdf)})
        say("1", "PDF whose ToUnicode map gives a lone surrogate", f"{r.status_code}")
        codes = [
            c.get(f"/api/v1/{path}", headers=h, params={"offset": 2**63}).status_code
            for path in ("resumes", "candidates", "jobs", "matches", "screenings", "analysis/analyses")
        ]
        say("2", "?offset=9223372036854775808 on the list endpoints", statuses(codes))
        nul = [
            c.post("/api/v1/auth/register", content=b'{"email":"a\\u0000@example.com","password":"x"}',
                   headers={"content-type": "application/json"}).status_code,
            c.post("/api/v1/auth/token", data={"username": "a\x00@example.com", "password": "x"}).status_code,
            c.post("/api/v1/jobs", headers=h, json={"text": "Data\x00 engineer\nRequirements\n- SQL\n"}).status_code,
        ]  # fmt: skip
        page = c.get("/sign-in")
        token = page.text.split('name="csrf_token" value="')[1].split('"')[0] if "csrf_token" in page.text else ""
        web = httpx.Client(base_url=server.url.replace("http:", "http:"), timeout=30, cookies=page.cookies)
        nul.append(
            web.post("/sign-in", content=f"csrf_token={token}&email=a%00@example.com&password=x",
                     headers={"content-type": "application/x-www-form-urlencoded"}).status_code
        )  # fmt: skip
        say("3", "NUL in register, token, job JSON, web sign-in form", statuses(nul))

        other = account(c, f"owner-{secrets.token_hex(3)}@example.com")
        foreign = c.post("/api/v1/jobs", headers=other, json={"text": JOB.format(n=0)}).json()
        foreign_id = foreign.get("job_id") or foreign.get("id")
        size = 50 * 2**20
        data_dir = Path(env["RESUMEIQ_DATA_DIR"])

        def body():
            yield b"--b\r\nContent-Disposition: form-data; name=\"job_id\"\r\n\r\n" + foreign_id.encode() + b"\r\n"
            yield b"--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\n\r\n"
            chunk = b"x" * 2**20
            for _ in range(size // len(chunk)):
                yield chunk
            yield b"\r\n--b--\r\n"

        before = sum(f.stat().st_size for f in data_dir.rglob("*") if f.is_file())
        started = time.monotonic()
        try:
            r = c.post("/api/v1/screenings", headers=h | {"content-type": "multipart/form-data; boundary=b"}, content=body())
            outcome = f"{r.status_code} {r.json().get('code')}"
        except httpx.HTTPError as exc:
            outcome = f"connection closed ({type(exc).__name__})"
        grown = sum(f.stat().st_size for f in data_dir.rglob("*") if f.is_file()) - before
        say("8", "50 MB screening upload naming another user's job", f"{outcome} in {time.monotonic() - started:.2f} s, data dir grew {grown / 2**20:.1f} MB (database included)")

        r = c.get("/api/v1/users/me", headers=h)
        wanted = ("content-security-policy", "x-frame-options", "referrer-policy", "x-content-type-options", "cache-control")
        say("11", "security headers on GET /users/me", ", ".join(f"{k}: {r.headers.get(k)}" for k in wanted[1:]) + f"; CSP {r.headers.get(wanted[0])!r}")
        r = c.post("/api/v1/resumes", headers=h, files={"file": ("cv\u202etxt.exe", RESUME.encode())})
        name = c.get(f"/api/v1/resumes/{r.json()['resume_id']}", headers=h).json()["filename"] if r.status_code == 201 else "-"
        say("11", "upload named 'cv\\u202etxt.exe'", f"{r.status_code}, stored as {name!r}")
        for enc in ("cp1251", "utf-16-be"):
            text = "Светлана Орлова\nsvetlana@example.com\nОПЫТ РАБОТЫ\nАналитик, ООО Вектор, 2019 – 2023\n"
            r = c.post("/api/v1/resumes", headers=h, files={"file": ("cv.txt", text.encode(enc))})
            say("11", f"a {enc} text resume", f"{r.status_code}")
        r = c.post("/api/v1/auth/logout", headers=h)
        after = c.get("/api/v1/users/me", headers=h).status_code
        say("11", "POST /auth/logout, then the same token", f"{r.status_code}, then {after}")

        # Last: these use up the client address's login and sign-up allowance.
        email = f"guess-{secrets.token_hex(3)}@example.com"
        c.post("/api/v1/auth/register", json={"email": email, "password": PASSWORD})
        weak = c.post("/api/v1/auth/register", json={"email": f"w{secrets.token_hex(2)}@example.com", "password": "aaaaaaaa"})
        taken = c.post("/api/v1/auth/register", json={"email": email, "password": PASSWORD})
        say("5", "password 'aaaaaaaa'; registering a taken address", f"{weak.status_code}; {taken.status_code} (same answer as new)")
        wrong = [c.post("/api/v1/auth/token", data={"username": email, "password": f"wrong {i}"}).status_code for i in range(100)]
        right = c.post("/api/v1/auth/token", data={"username": email, "password": PASSWORD}).status_code
        say("5", "100 wrong passwords, then the right one", f"{statuses(wrong)}; right one: {right}")
        regs = [
            c.post("/api/v1/auth/register", json={"email": f"r{i}-{secrets.token_hex(2)}@example.com", "password": PASSWORD}).status_code
            for i in range(30)
        ]  # fmt: skip
        say("5", "30 registrations from one address", statuses(regs))



def secrets_in_logs(env: dict[str, str], log: Path) -> None:
    url = env["RESUMEIQ_DATABASE_URL"]
    if not url.startswith("sqlite"):
        return
    with sqlite3.connect(url.split("///", 1)[1]) as conn:
        hashes = [row[0] for row in conn.execute("SELECT password_hash FROM users")]
    text = log.read_text(errors="replace")
    found = sum(text.count(h) for h in hashes) + text.count(PASSWORD) + text.count("Halvard Quist")
    lines = [line for line in text.splitlines() if line.startswith("{")]
    say("4", f"grep the service log ({len(lines)} JSON lines) for {len(hashes)} hashes, the password, resume text", f"{found} found")


# --------------------------------------------------------------------------- finding 9


def connection_attacks(server: Server) -> None:
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        try:
            sock.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Pad: " + b"a" * 2**20 + b"\r\n\r\n")
            answer = sock.recv(200).split(b"\r\n")[0].decode()
        except OSError as exc:
            answer = f"connection closed ({type(exc).__name__})"
    say("9", "a 1 MB header", answer or "connection closed")
    rss = server.rss_mb()
    socks = []
    for _ in range(100):
        s = socket.create_connection(("127.0.0.1", server.port))
        with contextlib.suppress(OSError):
            s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Pad: " + b"a" * (2 * 2**20))
        socks.append(s)
    time.sleep(1)
    peak = server.rss_mb()
    for s in socks:
        s.close()
    say("9", "100 unfinished 2 MB headers", f"RSS {rss:.0f} → {peak:.0f} MB")
    idle = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(1000)]
    time.sleep(15)
    open_ = 0
    for s in idle:
        s.setblocking(False)
        try:
            open_ += s.recv(1) != b""
        except BlockingIOError:
            open_ += 1
        except OSError:
            pass
        s.close()
    say("9", "1,000 idle connections, 15 s later", f"{open_} still open")


# --------------------------------------------------------------------------- finding 7


async def fairness(server: Server, *, uploads: int, loops: int, jobs: int, attack_seconds: float) -> None:
    async with httpx.AsyncClient(base_url=server.url, timeout=60) as c:
        async def login(email: str) -> dict[str, str]:
            await c.post("/api/v1/auth/register", json={"email": email, "password": PASSWORD})
            r = await c.post("/api/v1/auth/token", data={"username": email, "password": PASSWORD})
            return {"Authorization": f"Bearer {r.json()['access_token']}"}

        attacker, victim = await login("attacker@example.com"), await login("victim@example.com")
        resume = (await c.post("/api/v1/resumes", headers=attacker, files={"file": ("a.txt", RESUME.encode())})).json()["resume_id"]
        listed = (await c.get("/api/v1/jobs", headers=attacker, params={"limit": 100})).json()
        job_ids = [j.get("job_id") or j.get("id") for j in listed["items"]]
        for n in range(listed["total"], jobs):  # set-up: the server runs with a raised limit then
            await c.post("/api/v1/jobs", headers=attacker, json={"text": JOB.format(n=n)})

        async def victim_uploads() -> list[float]:
            took = []
            for i in range(uploads):
                started = time.perf_counter()
                r = await c.post("/api/v1/resumes", headers=victim, files={"file": (f"v{i}.txt", RESUME.encode())})
                took.append(time.perf_counter() - started)
                assert r.status_code == 201, r.text
                await asyncio.sleep(0.05)
            return took

        if not loops:
            return  # set-up only
        quiet = await victim_uploads()
        # The attacker is a client of its own (another process, as it would be another machine):
        # ten loops sharing the victim's event loop would slow the victim's own client, not only
        # the service.
        ctx = multiprocessing.get_context("spawn")
        results = ctx.Queue()
        attacker_proc = ctx.Process(
            target=_attack_process,
            args=(server.url, attacker, resume, job_ids[:10], loops, time.time() + 1 + attack_seconds, results),
        )
        attacker_proc.start()
        await asyncio.sleep(1.5)
        loud = await victim_uploads()
        codes = await asyncio.to_thread(results.get)
        attacker_proc.join()

    def p95(xs: list[float]) -> float:
        return statistics.quantiles(xs, n=20)[18] if len(xs) >= 20 else max(xs)

    say("7", f"{loops} loops of top-matches ({listed['total']} jobs) / compare / job JSON", statuses(codes))
    q, a = p95(quiet), p95(loud)
    print(
        f"     fairness: victim upload p50 {statistics.median(quiet) * 1000:.0f} → {statistics.median(loud) * 1000:.0f} ms, "
        f"p95 {q * 1000:.0f} → {a * 1000:.0f} ms under attack: {a / q:.2f}× (target ≤ 3×)",
        flush=True,
    )


def _attack_process(url: str, headers: dict[str, str], resume: str, job_ids: list[str], loops: int, until: float, results) -> None:
    """The attacker's loops, in a process of their own: top matches, comparisons and 10 KB job
    postings until ``until`` (wall clock); puts the status codes on ``results``."""
    codes: list[int] = []

    async def attack_loop(i: int) -> None:
        async with httpx.AsyncClient(base_url=url, timeout=120, headers=headers) as a:
            n = 0
            while time.time() < until:
                n += 1
                if n % 3 == 0:
                    r = await a.get(f"/api/v1/resumes/{resume}/compare", params={"job_ids": ",".join(job_ids)})
                elif n % 3 == 1:
                    r = await a.get(f"/api/v1/resumes/{resume}/top-matches", params={"limit": 100})
                else:
                    r = await a.post("/api/v1/jobs", json={"text": JOB.format(n=f"{i}-{n}") * 40})
                codes.append(r.status_code)

    async def main() -> None:
        await asyncio.gather(*(attack_loop(i) for i in range(loops)))

    asyncio.run(main())
    results.put(codes)


# --------------------------------------------------------------------------- finding 10


def kill_and_restart(env: dict[str, str], log: Path) -> None:
    env = env | {"RESUMEIQ_REVIEW_LEASE_SECONDS": "120"}
    server = Server(env, log, slow_reviews=30)
    with httpx.Client(base_url=server.url, timeout=30) as c:
        h = account(c, f"killed-{secrets.token_hex(3)}@example.com")
        rid = c.post("/api/v1/resumes", headers=h, files={"file": ("k.txt", RESUME.encode())}).json()["resume_id"]
        status_url = c.post(f"/api/v1/analysis/resumes/{rid}/analyze", headers=h, json={"industry": "general"}).json()["status_url"]
        deadline = time.monotonic() + 20
        while c.get(status_url, headers=h).json()["status"] != "processing" and time.monotonic() < deadline:
            time.sleep(0.05)
    children = len(server.group()) - 1
    os.kill(server.proc.pid, signal.SIGKILL)
    server.proc.wait(10)
    time.sleep(3)
    left = server.group()
    say("10", f"kill -9 of the service's main process ({children} children)", f"{len(left)} process(es) left after 3 s")
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    server.log.close()
    started = time.monotonic()
    server = Server(env, log)
    try:
        with httpx.Client(base_url=server.url, timeout=30) as c:
            while time.monotonic() - started < 180:
                body = c.get(status_url, headers=h).json()
                if body["status"] in ("completed", "failed"):
                    break
                time.sleep(0.2)
        say("10", "restart: the review that was in flight (lease 120 s)", f"{body['status']} {time.monotonic() - started:.1f} s after the restart, attempt {body.get('attempts')}")
    finally:
        server.stop()


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="")
    parser.add_argument("--only", choices=["inputs", "connections", "fairness", "restart"], action="append")
    parser.add_argument("--uploads", type=int, default=30, help="victim uploads per phase")
    parser.add_argument("--loops", type=int, default=10, help="attacker loops")
    parser.add_argument("--jobs", type=int, default=200, help="the attacker's jobs")
    parser.add_argument("--attack-seconds", type=float, default=60.0)
    args = parser.parse_args()
    only = set(args.only or ["inputs", "connections", "fairness", "restart"])
    with tempfile.TemporaryDirectory(prefix="resumeiq-abuse-") as tmp:
        data = Path(tmp) / "data"
        env = {k: v for k, v in os.environ.items() if not k.startswith("RESUMEIQ_")} | {
            "RESUMEIQ_DATA_DIR": str(data),
            "RESUMEIQ_DATABASE_URL": args.database_url or f"sqlite+aiosqlite:///{data / 'resumeiq.db'}",
            "RESUMEIQ_JWT_SECRET": secrets.token_urlsafe(32),
            "RESUMEIQ_LOG_LEVEL": "INFO",
        }
        log = Path(tmp) / "service.log"
        print(f"resumeiq abuse run: {env['RESUMEIQ_DATABASE_URL'].split('@')[-1]}", flush=True)
        if only & {"inputs", "connections"}:
            server = Server(env, log)
            try:
                if "inputs" in only:
                    input_attacks(server, env)
                if "connections" in only:
                    connection_attacks(server)
            finally:
                server.stop()
            if "inputs" in only:
                secrets_in_logs(env, log)
        if "fairness" in only:
            # Set-up (the attacker's jobs) under raised limits, then the measured run with the defaults.
            fair_env = env | {"RESUMEIQ_RATE_LIMIT_UPLOAD": "100000/minute"}
            setup = Server(fair_env | {"RESUMEIQ_RATE_LIMIT_EXPENSIVE": "100000/minute"}, log)
            try:
                asyncio.run(fairness(setup, uploads=1, loops=0, jobs=args.jobs, attack_seconds=0))
            finally:
                setup.stop()
            server = Server(fair_env, log)
            try:
                asyncio.run(fairness(server, uploads=args.uploads, loops=args.loops, jobs=0, attack_seconds=args.attack_seconds))
            finally:
                server.stop()
        if "restart" in only:
            kill_and_restart(env, log)
        print(json.dumps({"log_lines": sum(1 for _ in log.open(errors="replace"))}))


if __name__ == "__main__":
    main()
