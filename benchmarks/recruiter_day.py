"""A recruiter's day on a fresh service, with the default limits: how much of it goes through.

The script starts ``resumeiq serve`` on loopback (SQLite, local queue, a new data dir, every
``RESUMEIQ_RATE_LIMIT_*`` left at its default) and an SMTP server on loopback (aiosmtpd), makes a
recruiter (sign-up, then ``resumeiq user set-role``, as an operator does), and then:

1. uploads ``--uploads`` resumes (default 300) of invented people, built here: most people send
   one file, some a second version (a new file naming them by the same e-mail, or phone, or name
   and city), so the files name fewer distinct people than there are files;
2. creates 3 jobs and screens the whole pool against each (``all_candidates: true``: nothing is
   uploaded again);
3. for each screening: previews the e-mails for every category, sends them with ``confirm`` and
   the preview's count and an idempotency key, then sends the very same request again (a client
   retry), and waits until the outbox is delivered.

It prints the requests made, the 429s among them (target 0), the candidates the service made
against the distinct people in the files (target equal), the duplicate mails the SMTP server
received (the same recipient and subject twice; target 0) and the wall time of each part.

    .venv/bin/python benchmarks/recruiter_day.py
    .venv/bin/python benchmarks/recruiter_day.py --uploads 60 --concurrency 2
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "a long recruiter passphrase"
CLI = "from resumeiq.cli import app; app()"

# Invented people: first and family names combined, places and employers of no one in particular.
FIRST = ["Aiyana", "Bastian", "Chiara", "Dmitri", "Esme", "Faisal", "Greta", "Hiroshi", "Ilse", "Jomo",
         "Kalani", "Lorcan", "Maren", "Nikhil", "Odile", "Pavel", "Quilla", "Rasmus", "Saoirse", "Tariq"]  # fmt: skip
LAST = ["Abernethy", "Brannigan", "Castellanos", "Dravid", "Eklund", "Fairweather", "Gallardo", "Holmberg",
        "Iwu", "Jaramillo", "Kowalczyk", "Lindqvist", "Mwangi", "Nakagawa", "Oyelaran"]  # fmt: skip
CITIES = ["Tromsø, Norway", "Ghent, Belgium", "Cusco, Peru", "Kumasi, Ghana", "Oulu, Finland", "Sapporo, Japan",
          "Cork, Ireland", "Pécs, Hungary"]  # fmt: skip
SKILLS = [["Python", "SQL", "Airflow"], ["Java", "Spring", "Kafka"], ["Go", "Kubernetes", "Terraform"],
          ["Python", "PostgreSQL", "Docker"], ["TypeScript", "React", "Node.js"], ["Scala", "Spark", "AWS"]]  # fmt: skip
EMPLOYERS = ["Brightwater Logistics", "Fjordline Data", "Kestrel Payments", "Amberfield Health", "Northgate Retail"]
JOBS = [
    ("Backend Python Engineer", "Python, PostgreSQL, Docker", "Kubernetes"),
    ("Data Platform Engineer", "Python, SQL, Airflow", "Spark"),
    ("Platform Engineer", "Go, Kubernetes, Terraform", "AWS"),
]
TEMPLATES = {
    c: {"subject": f"{{job_title}}: your application ({c})", "body": "Dear {first_name},\nThank you.\n"}
    for c in ("selected", "considered", "rejected")
}


@dataclass(frozen=True)
class Person:
    key: int
    name: str
    email: str | None
    phone: str | None
    city: str
    skills: list[str]


def people_and_files(n_files: int) -> tuple[list[Person], list[tuple[str, bytes]]]:
    """``n_files`` resume files of invented people: about 4 in 5 people send one, the rest two
    (the second names them by whatever identity they have, with other wording)."""
    people: list[Person] = []
    files: list[tuple[str, bytes]] = []
    i = 0
    while len(files) < n_files:
        name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"
        if i >= len(FIRST) * len(LAST):
            name += f" {chr(65 + i % 26)}."
        kind = i % 10  # most have an e-mail, some only a phone, some only a name and city
        email = f"{re.sub(r'[^a-z]+', '.', name.lower()).strip('.')}.{i}@example.org" if kind < 7 else None
        phone = f"+47 4{i:03d} {1000 + i:04d}" if kind in (5, 6, 7, 8) else None
        person = Person(i, name, email, phone, CITIES[i % len(CITIES)], SKILLS[i % len(SKILLS)])
        people.append(person)
        files.append((f"cv-{i:03d}.txt", resume_text(person, version=1)))
        if i % 5 == 4 and len(files) < n_files:
            files.append((f"cv-{i:03d}-v2.txt", resume_text(person, version=2)))
        i += 1
    return people, files


def resume_text(p: Person, *, version: int) -> bytes:
    contact = " | ".join(x for x in (p.email, p.phone, p.city) if x)
    years = 3 + p.key % 8
    employer = EMPLOYERS[p.key % len(EMPLOYERS)]
    lead = "Led a team of four engineers" if version == 2 else "Built services used by 40 teams"
    return f"""{p.name}
{contact}

SUMMARY
Software engineer with {years} years of experience.

EXPERIENCE
Software Engineer, {employer}, {p.city.split(",")[0]}
{2024 - years}-03 - Present
- {lead}
- Cut deployment time by {10 + p.key % 40}% with automated checks

EDUCATION
BSc Computer Science, Technical University of {p.city.split(",")[0]}, {2020 - years - 4} - {2020 - years}

SKILLS
{", ".join(p.skills)}
""".encode()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, ANN201, N802 (aiosmtpd's API)
        from email import message_from_bytes

        mail = message_from_bytes(envelope.content)
        for rcpt in envelope.rcpt_tos:
            self.messages.append((rcpt.lower(), str(mail["Subject"])))
        return "250 OK"


@dataclass
class Tally:
    requests: int = 0
    refused: Counter = field(default_factory=Counter)  # status >= 400, by route and status

    def note(self, what: str, r: httpx.Response) -> httpx.Response:
        self.requests += 1
        if r.status_code >= 400:
            self.refused[(what, r.status_code)] += 1
        return r


async def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--uploads", type=int, default=300)
    ap.add_argument("--concurrency", type=int, default=4, help="uploads in flight at once")
    args = ap.parse_args()

    from aiosmtpd.controller import Controller

    inbox = Inbox()
    smtp_port = free_port()
    smtp = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    smtp.start()
    data = Path(tempfile.mkdtemp(prefix="recruiter-day-"))
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESUMEIQ_")}
    env |= {
        "PYTHONPATH": str(ROOT / "src"),
        "RESUMEIQ_DATA_DIR": str(data),
        "RESUMEIQ_JWT_SECRET": secrets.token_urlsafe(32),
        "RESUMEIQ_SMTP_HOST": "127.0.0.1",
        "RESUMEIQ_SMTP_PORT": str(smtp_port),
        "RESUMEIQ_SMTP_SECURITY": "none",
        "RESUMEIQ_SMTP_FROM": "talent@recruiting.example",
        "RESUMEIQ_EMAIL_RETRY_SECONDS": "1",
        "RESUMEIQ_LOG_LEVEL": "WARNING",
    }
    log = (data / "service.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-c", CLI, "serve", "--host", "127.0.0.1", "--port", str(port), "--no-access-log"],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    people, files = people_and_files(args.uploads)
    tally = Tally()
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            for _ in range(300):
                try:
                    if (await client.get("/ready")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.2)
            else:
                raise SystemExit("the service did not start: see " + str(data / "service.log"))
            await run_day(client, env, tally, people, files, args.concurrency, inbox)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
        smtp.stop()


async def run_day(client, env, tally, people, files, concurrency, inbox) -> None:  # noqa: ANN001
    email = f"recruiter-{uuid.uuid4().hex[:6]}@recruiting.example"
    tally.note("register", await client.post("/api/v1/auth/register", json={"email": email, "password": PASSWORD}))
    subprocess.run([sys.executable, "-c", CLI, "user", "set-role", email, "recruiter"], env=env, check=True,
                   capture_output=True)  # fmt: skip
    r = tally.note("token", await client.post("/api/v1/auth/token", data={"username": email, "password": PASSWORD}))
    headers = {"Authorization": f"Bearer {r.json()['access_token']}"}
    started = time.perf_counter()

    queue: asyncio.Queue = asyncio.Queue()
    for f in files:
        queue.put_nowait(f)

    async def uploader() -> None:
        while not queue.empty():
            name, content = queue.get_nowait()
            r = await client.post("/api/v1/resumes", headers=headers, files={"file": (name, content)})
            tally.note("upload", r)

    await asyncio.gather(*(uploader() for _ in range(concurrency)))
    t_upload = time.perf_counter() - started
    listing = tally.note("candidates", await client.get("/api/v1/candidates", headers=headers, params={"limit": 1}))
    candidates = listing.json()["total"]

    t0 = time.perf_counter()
    screenings = []
    for title, required, preferred in JOBS:
        text = f"{title}\n\nRequirements\n- 3+ years of experience\n- {required}\n\nNice to have\n- {preferred}\n"
        job = tally.note("job", await client.post("/api/v1/jobs", headers=headers, json={"text": text, "title": title}))
        body = {"job_id": job.json()["id"], "all_candidates": True}
        r = tally.note("screening", await client.post("/api/v1/screenings", headers=headers, json=body))
        screenings.append(r.json()["screening_id"])
    for sid in screenings:
        while True:
            s = tally.note("status", await client.get(f"/api/v1/screenings/{sid}", headers=headers)).json()
            if s["status"] == "completed":
                break
            await asyncio.sleep(0.5)
    t_screen = time.perf_counter() - t0

    t0 = time.perf_counter()
    queued = 0
    for sid in screenings:
        url = f"/api/v1/screenings/{sid}/emails"
        preview = tally.note("preview", await client.post(f"{url}/preview", headers=headers, json={"templates": TEMPLATES}))
        body = {"templates": TEMPLATES, "confirm": True, "expected_count": preview.json()["count"],
                "idempotency_key": str(uuid.uuid4())}  # fmt: skip
        r = tally.note("send", await client.post(url, headers=headers, json=body))
        queued += r.json().get("queued", 0) if r.status_code == 202 else 0
        if r.status_code != 202:
            print(f"send refused: {r.status_code} {r.json().get('code')}: {r.json().get('detail')}")
        tally.note("send again", await client.post(url, headers=headers, json=body))  # a client retry
    for sid in screenings:
        while True:
            page = tally.note("outbox", await client.get(f"/api/v1/screenings/{sid}/emails", headers=headers)).json()
            if page["counts"]["queued"] + page["counts"]["sending"] == 0:
                break
            await asyncio.sleep(0.5)
    t_mail = time.perf_counter() - t0
    await asyncio.sleep(0.5)

    duplicates = sum(n - 1 for n in Counter(inbox.messages).values() if n > 1)
    too_many = sum(n for (what, status), n in tally.refused.items() if status == 429)
    print(f"uploads: {len(files)} files of {len(people)} distinct invented people, {concurrency} in flight")
    print(f"requests: {tally.requests}   429s: {too_many}   other refusals: "
          f"{dict((f'{w} {s}', n) for (w, s), n in tally.refused.items() if s != 429) or 0}")  # fmt: skip
    print(f"candidates created: {candidates}   distinct people in the files: {len(people)}")
    print(f"e-mails queued: {queued}   received by the SMTP server: {len(inbox.messages)}   duplicate mails: {duplicates}")
    print(f"wall time: uploads {t_upload:.1f} s, 3 screenings of the pool {t_screen:.1f} s, "
          f"e-mail {t_mail:.1f} s, total {t_upload + t_screen + t_mail:.1f} s")  # fmt: skip


if __name__ == "__main__":
    asyncio.run(main())
