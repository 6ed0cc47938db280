"""Record the example of every request and response body of the API from a real run.

Runs the app in this process on a fresh SQLite database (a temporary directory), plays a small
day's work with invented people (a job seeker and a recruiter: resumes, a job, a review, a match,
a screening, e-mails to a loopback SMTP server, a tailoring), and writes what was sent and what came
back to ``src/resumeiq/apidoc/examples.json``, keyed by operation (``GET /api/v1/jobs/{job_id}``).
``/openapi.json`` shows them as the examples of each body. Long lists are cut to three items and
long strings to 300 characters.

    python scripts/record_api_examples.py          # rewrite examples.json
    python scripts/record_api_examples.py --check  # exit 1 if an operation has no example

Run it again when a body changes; ``tests/api/test_openapi_document.py`` checks every recorded
response still validates against its route's response model.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import secrets
import socket
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from resumeiq.apidoc.document import EXAMPLES_PATH  # noqa: E402
from resumeiq.config import Settings  # noqa: E402
from resumeiq.main import create_app  # noqa: E402
from resumeiq.migrations import upgrade_database  # noqa: E402

API = "/api/v1"
PASSWORD = "a long invented passphrase 7"

SEEKER_RESUME = """Ilona Marchetti
ilona.marchetti@example.org | +39 02 9475 1630 | Verona, Italy

SUMMARY
Backend developer with six years of experience building billing services in Python.

EXPERIENCE
Backend Developer, Corvetto Systems, Verona
2020-02 - Present
- Built a Python and PostgreSQL invoicing service handling 80,000 invoices a month
- Cut nightly batch time by 35% by moving reports to incremental SQL views

Junior Developer, Lagunare Software, Padua
2018-06 - 2020-01
- Wrote REST APIs with Flask and Docker

EDUCATION
BSc Computer Science, University of Trento, 2015 - 2018

SKILLS
Python, SQL, PostgreSQL, Docker, Flask, Git, Redis
"""

APPLICANTS = [
    ("Tomasz Wielgosz", "tomasz.wielgosz@example.net", "Python, PostgreSQL, Docker, Kubernetes, FastAPI"),
    ("Sunniva Aaberg", "sunniva.aaberg@example.net", "Java, Spring, Oracle, Maven"),
    ("Kofi Mensah-Darko", "kofi.mensah@example.net", "Python, Django, PostgreSQL, Celery"),
]

JOB_TEXT = """Senior Python Developer
Quillfeather Payments · Lisbon, Portugal

About the role
You will build the services behind our invoicing and payouts products.

Requirements
- 5+ years of professional experience on backend teams
- Strong experience with Python and PostgreSQL
- Hands-on experience with Docker
- A bachelor's degree in Computer Science or something close

Nice to have
- Kubernetes
- Redis
"""

EMAIL_TEMPLATES = {
    "selected": {
        "subject": "Your application for {job_title}",
        "body": "Dear {candidate_name},\n\nWe would like to invite you to an interview.\n",
    },
    "rejected": {
        "subject": "Your application for {job_title}",
        "body": "Dear {candidate_name},\n\nThank you for applying; we will not take it further.\n",
    },
}


def applicant_resume(name: str, email: str, skills: str) -> str:
    return (
        f"{name}\n{email} | Lisbon, Portugal\n\nEXPERIENCE\nSoftware Engineer, Tarrafal Labs, Lisbon\n"
        f"2019-01 - Present\n- Built services with {skills.split(', ')[0]}\n\nSKILLS\n{skills}\n"
    )


def trim(value: Any, depth: int = 0) -> Any:
    if isinstance(value, dict):
        return {k: trim(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [trim(v, depth + 1) for v in value[:3]]
    if isinstance(value, str) and len(value) > 300:
        return value[:299] + "…"
    return value


class Recorder:
    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client
        self.examples: dict[str, Any] = {}
        self.token: str | None = None

    async def call(
        self,
        method: str,
        template: str,
        *,
        ids: dict[str, Any] | None = None,
        json_body: Any = None,
        form: dict[str, str] | None = None,
        files: list[tuple[str, tuple[str, bytes]]] | None = None,
        params: dict[str, Any] | None = None,
        expect: int = 200,
        record_request: Any = None,
    ) -> Any:
        url = API + template.format(**(ids or {})) if not template.startswith("/health") else template
        if template in ("/health", "/ready"):
            url = template
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        r = await self.client.request(
            method, url, json=json_body, data=form, files=files, params=params, headers=headers
        )
        if r.status_code != expect:
            raise SystemExit(f"{method} {url}: {r.status_code} (expected {expect}): {r.text[:500]}")
        path = template if template in ("/health", "/ready") else API + template
        entry = self.examples.setdefault(f"{method} {path}", {})
        if json_body is not None:
            entry.setdefault("request", {})["application/json"] = trim(json_body)
        elif record_request is not None:
            media = "multipart/form-data" if files is not None else "application/x-www-form-urlencoded"
            entry.setdefault("request", {})[media] = record_request
        media = r.headers.get("content-type", "").split(";")[0]
        if media == "application/json":
            body = r.json()
            entry.setdefault("responses", {}).setdefault(str(r.status_code), {})[media] = trim(body)
            return body
        if media == "text/csv":
            lines = r.text.splitlines()[:4]
            entry.setdefault("responses", {}).setdefault(str(r.status_code), {})[media] = "\n".join(lines) + "\n"
        return r

    async def wait(self, template: str, ids: dict[str, Any], done: set[str], timeout: float = 60) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            body = await self.call("GET", template, ids=ids)
            if body["status"] in done:
                return body
            if time.monotonic() > deadline:
                raise SystemExit(f"{template}: still {body['status']} after {timeout}s")
            await asyncio.sleep(0.1)

    async def log_in(self, email: str, role: str) -> None:
        self.token = None
        await self.call(
            "POST", "/auth/register", json_body={"email": email, "password": PASSWORD, "role": role}, expect=202
        )
        form = {"username": email, "password": PASSWORD}
        token = await self.call("POST", "/auth/token", form=form, record_request=form)
        self.token = token["access_token"]


async def job_seeker(rec: Recorder) -> None:
    await rec.log_in("ilona.marchetti@example.org", "job_seeker")
    await rec.call("GET", "/users/me")
    files = [("file", ("ilona-marchetti.txt", SEEKER_RESUME.encode()))]
    resume = await rec.call(
        "POST", "/resumes", files=files, expect=201, record_request={"file": "(the file: ilona-marchetti.txt)"}
    )
    rid = {"resume_id": resume["id"]}
    await rec.call("GET", "/resumes")
    await rec.call("GET", "/resumes/{resume_id}", ids=rid)
    await rec.call("GET", "/resumes/{resume_id}/text", ids=rid)
    await rec.call("POST", "/resumes/{resume_id}/master", ids=rid, json_body={"track": "backend"})
    await rec.call("GET", "/industries")
    job = await rec.call("POST", "/jobs", json_body={"text": JOB_TEXT}, expect=201)
    jid = {"job_id": job["id"]}
    await rec.call(
        "POST",
        "/jobs",
        form={"company": "Quillfeather Payments"},
        files=[("file", ("senior-python-developer.txt", JOB_TEXT.encode()))],
        expect=201,
        record_request={"file": "(the file: senior-python-developer.txt)", "company": "Quillfeather Payments"},
    )
    await rec.call("GET", "/jobs")
    await rec.call("GET", "/jobs/{job_id}", ids=jid)
    await rec.call("PATCH", "/jobs/{job_id}", ids=jid, json_body={"company": "Quillfeather Payments SA"})
    await rec.call("GET", "/jobs/{job_id}/keywords", ids=jid)

    review = {"resume_id": resume["id"], "industry": "software_engineering", "job_id": job["id"]}
    accepted = await rec.call("POST", "/analyses", json_body=review, expect=202)
    aid = {"analysis_id": accepted["id"]}
    await rec.wait("/analyses/{analysis_id}", aid, {"completed", "failed"})
    await rec.call("GET", "/analyses")
    old = await rec.call(
        "POST",
        "/analysis/resumes/{resume_id}/analyze",
        ids=rid,
        json_body={"industry": "software_engineering"},
        expect=202,
    )
    await rec.wait("/analysis/analysis/{analysis_id}/status", {"analysis_id": old["id"]}, {"completed", "failed"})
    await rec.call("GET", "/analysis/analyses")

    match = await rec.call(
        "POST", "/matches", json_body={"resume_id": resume["id"], "job_id": job["id"]}, expect=202
    )
    mid = {"match_id": match["id"]}
    await rec.wait("/matches/{match_id}", mid, {"completed", "failed"})
    await rec.call("GET", "/matches")
    await rec.call("GET", "/matches/{match_id}/summary", ids=mid)
    await rec.call("GET", "/matches/{match_id}/recommendations", ids=mid)
    await rec.call("GET", "/resumes/{resume_id}/top-matches", ids=rid)
    await rec.call("GET", "/resumes/{resume_id}/compare", ids=rid, params={"job_ids": job["id"]})

    preview = await rec.call(
        "POST",
        "/tailorings/preview",
        json_body={"resume_id": resume["id"], "job_id": job["id"], "cover_letter": True, "outreach": True},
        expect=201,
    )
    await rec.call("GET", "/tailorings")
    await rec.call("GET", "/tailorings/{tailoring_id}", ids={"tailoring_id": preview["id"]})
    edits = [{"action": "reject", "id": d["id"]} for d in preview["diff"][:1]]
    body = {"preview_id": preview["id"], "preview_hash": preview["preview_hash"], "edits": edits}
    await rec.call("POST", "/tailorings/confirm", json_body=body, expect=201)
    await rec.call("GET", "/stats")


async def recruiter(rec: Recorder) -> None:
    await rec.log_in("hedda.solberg@example.com", "recruiter")
    await rec.call(
        "POST", "/candidates", json_body={"name": "Tomasz Wielgosz", "email": "tomasz.wielgosz@example.net"}, expect=201
    )
    await rec.call("GET", "/candidates")
    job = await rec.call("POST", "/jobs", json_body={"text": JOB_TEXT, "title": "Senior Python Developer"}, expect=201)
    stored = []
    for name, email, skills in APPLICANTS[:1]:
        files = [("file", (f"{name.split()[0].lower()}.txt", applicant_resume(name, email, skills).encode()))]
        r = await rec.client.post(f"{API}/resumes", files=files, headers={"Authorization": f"Bearer {rec.token}"})
        stored.append(r.json()["id"])
    files = [
        ("files", (f"{name.split()[0].lower()}.txt", applicant_resume(name, email, skills).encode()))
        for name, email, skills in APPLICANTS[1:]
    ]
    screening = await rec.call(
        "POST",
        "/screenings",
        form={"job_id": job["id"], "resume_ids": ",".join(stored)},
        files=files,
        expect=202,
        record_request={
            "job_id": job["id"],
            "resume_ids": ",".join(stored),
            "files": ["(a file: sunniva.txt)", "(a file: kofi.txt)"],
            "blind": False,
        },
    )
    sid = {"screening_id": screening["id"]}
    await rec.wait("/screenings/{screening_id}", sid, {"completed"})
    await rec.call(
        "POST", "/screenings", json_body={"job_id": job["id"], "resume_ids": stored, "blind": True}, expect=202
    )
    await rec.call("GET", "/screenings")
    await rec.call("GET", "/screenings/{screening_id}/results", ids=sid, params={"status": "all"})
    await rec.call("GET", "/screenings/{screening_id}/export.csv", ids=sid)
    preview = await rec.call(
        "POST", "/screenings/{screening_id}/emails/preview", ids=sid, json_body={"templates": EMAIL_TEMPLATES}
    )
    await rec.call(
        "POST",
        "/screenings/{screening_id}/emails",
        ids=sid,
        json_body={
            "templates": EMAIL_TEMPLATES,
            "confirm": True,
            "expected_count": preview["count"],
            "idempotency_key": "5b0f3c1e-2d4a-4e7b-9a51-1c6d8e2f7a90",
        },
        expect=202,
    )
    await asyncio.sleep(0.5)
    await rec.call("GET", "/screenings/{screening_id}/emails", ids=sid)


async def record() -> dict[str, Any]:
    from aiosmtpd.controller import Controller

    class Sink:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
            return "250 OK"

    with socket.socket() as probe:  # a free port (aiosmtpd cannot start on port 0)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    smtp = Controller(Sink(), hostname="127.0.0.1", port=port)
    smtp.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite+aiosqlite:///{tmp}/resumeiq.db"
            await upgrade_database(url)
            settings = Settings(
                data_dir=Path(tmp) / "data",
                database_url=url,
                jwt_secret=secrets.token_urlsafe(32),
                smtp_host="127.0.0.1",
                smtp_port=port,
                smtp_security="none",
                smtp_from="screening@example.com",
                rate_limit_analysis="100/minute",
                worker_pool_size=1,
                registration_recruiters=True,  # the example recruiter signs up as one
            )
            app = create_app(settings)
            async with app.router.lifespan_context(app):
                transport = httpx.ASGITransport(app=app)
                async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
                    rec = Recorder(client)
                    await rec.call("GET", "/health")
                    await rec.call("GET", "/ready")
                    await job_seeker(rec)
                    await recruiter(rec)
                    return rec.examples
    finally:
        smtp.stop()


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?")
_TOKEN = re.compile(r'"access_token": "[^"]+"')


def stable(examples: dict[str, Any]) -> dict[str, Any]:
    """The same file from run to run: ids numbered in order of appearance, times one fixed
    instant, timings 40 ms, the token a fixed sample (so that a new recording shows only what changed)."""
    text = json.dumps(examples, ensure_ascii=False, sort_keys=True)
    ids: dict[str, str] = {}

    def number(match: re.Match[str]) -> str:
        return ids.setdefault(match.group(0), f"00000000-0000-4000-8000-{len(ids) + 1:012d}")

    text = _UUID.sub(number, text)
    text = _TIMESTAMP.sub("2026-03-02T09:15:00Z", text)
    text = re.sub(r'"processing_time_ms": \d+', '"processing_time_ms": 40', text)
    text = _TOKEN.sub('"access_token": "eyJhbGciOiJIUzI1NiJ9.(a signed token).(its signature)"', text)
    return json.loads(text)


def missing(examples: dict[str, Any]) -> list[str]:
    app = create_app(Settings(jwt_secret=secrets.token_urlsafe(32)))
    out = []
    for path, operations in app.openapi()["paths"].items():
        for method, operation in operations.items():
            key = f"{method.upper()} {path}"
            has_json = any(
                media.get("schema", {}).get("format") != "binary"
                for status, r in operation["responses"].items()
                if status.startswith("2")
                for media in r.get("content", {}).values()
            )
            if has_json and key not in examples:
                out.append(key)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only list the operations without an example")
    args = parser.parse_args()
    if args.check:
        gaps = missing(json.loads(EXAMPLES_PATH.read_text(encoding="utf-8")))
        print("\n".join(gaps) or "every operation with a JSON body has an example")
        return 1 if gaps else 0
    examples = stable(asyncio.run(record()))
    kept = {}
    if EXAMPLES_PATH.exists():  # operations this script does not walk keep the examples written for them
        kept = {k: v for k, v in json.loads(EXAMPLES_PATH.read_text(encoding="utf-8")).items() if k not in examples}
    examples |= kept
    if kept:
        print(f"kept the earlier examples of {len(kept)} operation(s) not recorded here: {', '.join(sorted(kept))}")
    EXAMPLES_PATH.write_text(json.dumps(examples, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(examples)} operations recorded in {EXAMPLES_PATH.relative_to(ROOT)}")
    gaps = missing(examples)
    if gaps:
        print("no example for:\n  " + "\n  ".join(gaps))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
