"""Shared fixtures for the service tests.

The API tests run against SQLite and PostgreSQL (the ``database_url`` fixture is parametrised).
PostgreSQL (127.0.0.1:5432, user postgres) and Redis (127.0.0.1:6379) are used for real; without
them those tests are skipped, except with ``CI=true`` where they fail.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import shutil
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from argon2 import PasswordHasher

from availability import unavailable
from resumeiq.config import Settings

pytest_plugins = ["clock", "s3server"]  # ``clock`` (tests/clock.py), ``s3_server`` (tests/s3server.py)

PG_ADMIN_DSN = os.environ.get("RESUMEIQ_TEST_POSTGRES_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("RESUMEIQ_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
TABLES = [
    "credit_ledger",
    "credit_balances",
    "email_batches",
    "tailorings",
    "email_messages",
    "screening_items",
    "screenings",
    "review_results",
    "review_requests",
    "jobs",
    "resumes",
    "candidates",
    "users",
]


def run(coro: Any) -> Any:
    return asyncio.run(coro)


# --------------------------------------------------------------------------- cheap hashing


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing() -> Iterator[PasswordHasher]:
    """Real argon2id, with low cost parameters: the default profile costs ~120 ms per hash.
    Yields the service's own hasher (see ``production_hasher``)."""
    from resumeiq.users import security

    saved = security._hasher
    security._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    security._dummy_hash = None
    yield saved
    security._hasher = saved
    security._dummy_hash = None


@pytest.fixture(scope="session")
def production_hasher(_fast_password_hashing: PasswordHasher) -> PasswordHasher:
    """The hasher ``resumeiq.users.security`` hashes passwords with when no test swapped it."""
    return _fast_password_hashing


# --------------------------------------------------------------------------- databases


async def _pg_admin(sql: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(PG_ADMIN_DSN, timeout=5)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def _asyncpg_url(database: str) -> str:
    from sqlalchemy.engine import make_url

    return (
        make_url(PG_ADMIN_DSN)
        .set(drivername="postgresql+asyncpg", database=database)
        .render_as_string(hide_password=False)
    )


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, migrated to head."""
    from resumeiq.migrations import upgrade_database

    name = f"resumeiq_test_{os.getpid()}_{secrets.token_hex(3)}"
    try:
        run(_pg_admin(f'CREATE DATABASE "{name}"'))
    except (TimeoutError, OSError, ImportError) as exc:
        unavailable(f"PostgreSQL is not reachable at {PG_ADMIN_DSN}: {exc}")
    url = _asyncpg_url(name)
    try:
        run(upgrade_database(url))
        yield url
    finally:
        run(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, copied for each test (faster than migrating each time)."""
    from resumeiq.migrations import upgrade_database

    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    run(upgrade_database(f"sqlite+aiosqlite:///{path}"))
    return path


async def _truncate(url: str) -> None:
    from sqlalchemy import text

    from resumeiq.db import create_engine

    engine = create_engine(url, pool_size=1, max_overflow=0)
    try:
        async with engine.begin() as conn:
            await conn.execute(text(f"TRUNCATE {', '.join(TABLES)} CASCADE"))
    finally:
        await engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty, migrated database: a SQLite file or the session's PostgreSQL database."""
    if request.param == "sqlite":
        path = tmp_path / "resumeiq.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite+aiosqlite:///{path}"
    url = request.getfixturevalue("postgres_url")
    run(_truncate(url))
    return url


@pytest.fixture(scope="session")
def redis_url() -> str:
    """The real Redis (checked once per session)."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        unavailable(f"Redis is not reachable at {REDIS_URL}: {exc}")
    return REDIS_URL


# --------------------------------------------------------------------------- the app


@pytest.fixture(scope="session")
def engine_pool() -> Iterator[Any]:
    """One engine process pool for the whole session (starting one costs about a second)."""
    from resumeiq.worker.pool import EnginePool

    pool = EnginePool(2)
    yield pool
    pool.shutdown()


@pytest.fixture
def make_settings(tmp_path: Path, database_url: str) -> Callable[..., Settings]:
    def make(**overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "data_dir": tmp_path / "data",
            "database_url": database_url,
            "jwt_secret": secrets.token_urlsafe(32),
            "review_lease_seconds": 30,
        }
        values.update(overrides)
        return Settings(**values)

    return make


@pytest.fixture
def settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings()


@dataclass
class Api:
    """A test client bound to one running app."""

    client: httpx.AsyncClient
    app: Any

    async def register(
        self, email: str | None = None, password: str = "correct horse battery", role: str | None = None
    ) -> ApiUser:
        """Sign up through the API and log in. ``role="recruiter"`` (or ``"admin"``): signed up as a
        job seeker, then given the role as an administrator does (``users.service.set_role``)."""
        email = email or f"user-{uuid.uuid4().hex[:10]}@example.com"
        r = await self.client.post("/api/v1/auth/register", json={"email": email, "password": password})
        assert r.status_code == 202, r.text
        if role is not None:
            from resumeiq.users.service import set_role

            async with self.app.state.database.sessionmaker() as session:
                await set_role(session=session, email=email, role=role)
        r = await self.client.post("/api/v1/auth/token", data={"username": email, "password": password})
        assert r.status_code == 200, r.text
        return ApiUser(self, email, r.json()["access_token"])


@dataclass
class ApiUser:
    api: Api
    email: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    async def request(
        self, method: str, url: str, headers: dict[str, str] | None = None, **kw: Any
    ) -> httpx.Response:
        return await self.api.client.request(method, url, headers=self.headers | (headers or {}), **kw)

    async def get(self, url: str, **kw: Any) -> httpx.Response:
        return await self.request("GET", url, **kw)

    async def post(self, url: str, **kw: Any) -> httpx.Response:
        return await self.request("POST", url, **kw)

    async def delete(self, url: str, **kw: Any) -> httpx.Response:
        return await self.request("DELETE", url, **kw)

    async def upload(
        self, content: bytes, filename: str = "resume.txt", candidate_id: str | None = None
    ) -> httpx.Response:
        data = {"candidate_id": candidate_id} if candidate_id else None
        return await self.post("/api/v1/resumes", files={"file": (filename, content)}, data=data)


@pytest.fixture
def start_api(engine_pool: Any) -> Callable[[Settings], Any]:
    """``async with start_api(settings) as api``: the app with its lifespan running."""
    from contextlib import asynccontextmanager

    from resumeiq.main import create_app

    @asynccontextmanager
    async def start(settings: Settings) -> AsyncIterator[Api]:
        app = create_app(settings, engine_pool=engine_pool)
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
                yield Api(client, app)

    return start


@pytest.fixture
async def api(start_api: Callable[[Settings], Any], settings: Settings) -> AsyncIterator[Api]:
    async with start_api(settings) as api:
        yield api


@pytest.fixture
async def user(api: Api) -> ApiUser:
    """A job seeker."""
    return await api.register()


@pytest.fixture
async def recruiter(api: Api) -> ApiUser:
    """A recruiter (made by an administrator: sign-up gives job seekers only)."""
    return await api.register(role="recruiter")


# --------------------------------------------------------------------------- sample files


RESUME_TEXT = b"""Ada Lovelace
ada@example.com | +44 20 7946 0958 | London, UK

SUMMARY
Software engineer with eight years of experience building data pipelines in Python.

EXPERIENCE
Senior Software Engineer, Analytical Engines Ltd, London
2019-03 - Present
- Built a Python and PostgreSQL pipeline processing 2 million events per day
- Reduced report generation time by 40% by rewriting queries in SQL

Software Engineer, Difference Co, London
2016-01 - 2019-02
- Developed REST APIs with Django and Docker

EDUCATION
BSc Mathematics, University of London, 2012 - 2015

SKILLS
Python, SQL, PostgreSQL, Docker, Kubernetes, Django, Git
"""


@pytest.fixture
def resume_text() -> bytes:
    return RESUME_TEXT


JOB_TEXT = """Senior Python Engineer
Analytical Engines Ltd · London, UK

About the role
You will build the data pipelines behind our reporting products.

Requirements
- 5+ years of professional experience on backend teams
- Strong experience with Python and PostgreSQL
- Hands-on experience with Docker
- A bachelor's degree in Computer Science, Mathematics or something close

Nice to have
- Kubernetes
- Terraform
"""


@pytest.fixture
def job_text() -> str:
    return JOB_TEXT
