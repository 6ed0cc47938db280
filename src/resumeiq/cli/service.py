"""Service commands: ``serve``, ``worker``, ``db upgrade``, ``user create``. Registered onto the root app."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import typer

from resumeiq.cli.common import EXIT_REFUSED, EXIT_USAGE

db_app = typer.Typer(help="Database commands.", no_args_is_help=True)
user_app = typer.Typer(help="User administration.", no_args_is_help=True)
T = TypeVar("T")


def _settings():  # noqa: ANN202  (imports kept lazy: engine commands should not load the service)
    from resumeiq.config import ConfigError, load_settings

    try:
        return load_settings()
    except ConfigError as exc:
        typer.secho(f"configuration error: {exc}", fg="red", err=True)
        raise typer.Exit(EXIT_USAGE) from exc


def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8000, help="TCP port."),
    access_log: bool = typer.Option(True, help="Log every request."),
    workers: int = typer.Option(
        0,
        "--workers",
        "-w",
        min=0,
        help="API processes on this port (0: the cores, at most 8, when rate limits are on Redis; "
        "else 1, since in-memory limits count per process). RESUMEIQ_WORKER_POOL_SIZE engine "
        "processes are shared out among them.",
    ),
) -> None:
    """Migrate the database, then run the API with its in-process worker."""
    import asyncio

    from resumeiq.db import Database
    from resumeiq.main import create_app
    from resumeiq.migrations import upgrade_database
    from resumeiq.server import serve as run_server

    settings = _settings()
    asyncio.run(upgrade_database(settings.database_url))
    base = f"http://{'[' + host + ']' if ':' in host else host}:{port}"
    typer.echo(f"resumeiq: database {Database.describe(settings.database_url)} is at the latest migration")
    processes = _api_processes(settings, workers)
    if processes == 1:
        app = create_app(settings)
        typer.echo(f"resumeiq: serving on {base}  (API docs: {base}/docs)")
        run_server(app, settings, host=host, port=port, access_log=access_log)
        return
    _serve_workers(settings, host=host, port=port, access_log=access_log, processes=processes, base=base)


def _api_processes(settings, workers: int) -> int:  # noqa: ANN001
    from resumeiq.supervisor import MAX_WORKERS, default_workers

    if workers == 0:
        return default_workers() if settings.redis_url else 1
    if workers > MAX_WORKERS:
        raise typer.BadParameter(f"at most {MAX_WORKERS} API processes", param_hint="--workers")
    if workers > 1 and not settings.redis_url:
        typer.secho(
            f"resumeiq: warning: rate limits are in memory, so each of the {workers} processes counts "
            "its own (set RESUMEIQ_REDIS_URL to share them)",
            fg="yellow",
            err=True,
        )
    return workers


def _serve_workers(settings, *, host: str, port: int, access_log: bool, processes: int, base: str) -> None:  # noqa: ANN001
    """``processes`` API processes on one socket (``resumeiq.supervisor``); each gets its share of
    the engine processes, at least one."""
    from resumeiq.logging import configure_logging
    from resumeiq.main import create_app
    from resumeiq.server import Server, server_config
    from resumeiq.supervisor import bind, run_workers

    configure_logging(settings.log_level)
    pool = max(1, round(settings.worker_pool_size / processes))
    per_process = settings.model_copy(update={"worker_pool_size": pool})
    sock = bind(host, port)

    def serve_one(sock, index: int) -> None:  # noqa: ANN001
        app = create_app(per_process)
        # The same server as one process (resumeiq.server), on the inherited socket.
        config = server_config(app, settings, host=host, port=port, access_log=access_log)
        Server(config).run(sockets=[sock])

    typer.echo(
        f"resumeiq: serving on {base} with {processes} API processes, {pool} engine process(es) each "
        f"(API docs: {base}/docs)"
    )
    raise typer.Exit(run_workers(serve_one, sock, processes))


def worker(
    concurrency: int = typer.Option(
        0, "--concurrency", "-c", min=0, help="Worker processes (0: RESUMEIQ_WORKER_POOL_SIZE)."
    ),
    metrics_port: int = typer.Option(
        0, "--metrics-port", min=0, max=65535, help="Serve Prometheus metrics on this port (0: none)."
    ),
    metrics_host: str = typer.Option("127.0.0.1", "--metrics-host", help="Interface for --metrics-port."),
) -> None:
    """Run a Celery worker (scale-out mode, RESUMEIQ_QUEUE=celery): it runs the jobs the API
    queues on Redis, and queues again any job left due (a lost message, a killed worker)."""
    settings = _settings()
    if metrics_port:
        from resumeiq.metrics.worker import serve_worker_metrics

        serve_worker_metrics(metrics_host, metrics_port)  # before any metric exists: see there
    if settings.queue != "celery":
        typer.secho(
            "configuration error: `resumeiq worker` serves the scale-out mode; set RESUMEIQ_QUEUE=celery "
            "and RESUMEIQ_REDIS_URL (with the default local queue the API runs jobs itself)",
            fg="red",
            err=True,
        )
        raise typer.Exit(EXIT_USAGE)
    from resumeiq.db import Database
    from resumeiq.worker.celery_app import create_celery, warm_up, worker_argv
    from resumeiq.worker.engine_jobs import lower_priority

    # Engine work runs at a lower priority than request handling, as in the API's own pool.
    lower_priority(settings.engine_nice)
    app = create_celery(settings)
    warm_up()
    processes = concurrency or settings.worker_pool_size
    typer.echo(
        f"resumeiq worker: {processes} process(es), queue {settings.celery_queue!r}, "
        f"database {Database.describe(settings.database_url)}"
    )
    app.worker_main(worker_argv(settings, concurrency=processes))


@db_app.command("upgrade")
def db_upgrade(revision: str = typer.Argument("head", help="Target revision.")) -> None:
    """Run the database migrations (SQLite or PostgreSQL, from RESUMEIQ_DATABASE_URL)."""
    import asyncio

    from resumeiq.db import Database
    from resumeiq.migrations import upgrade_database

    settings = _settings()
    asyncio.run(upgrade_database(settings.database_url, revision))
    typer.echo(f"database {Database.describe(settings.database_url)} upgraded to {revision}")


def _role(value: str):  # noqa: ANN202  (Role, imported lazily)
    from resumeiq.users.models import Role

    try:
        return Role(value)
    except ValueError as exc:
        raise typer.BadParameter(f"role must be one of {', '.join(r.value for r in Role)}") from exc


def run_in_session(work: Callable[[Any], Awaitable[T]]) -> T:
    """Run ``work(session)`` against the configured database, then close it."""
    import asyncio

    from resumeiq.db import Database

    settings = _settings()

    async def run() -> T:
        database = Database(settings.database_url)
        try:
            async with database.sessionmaker() as session:
                return await work(session)
        finally:
            await database.dispose()

    return asyncio.run(run())


@user_app.command("create")
def user_create(
    email: str = typer.Argument(..., help="The user's email (their login)."),
    password: str = typer.Option(
        ..., prompt=True, hide_input=True, confirmation_prompt=True, help="Prompted for if not given."
    ),
    role: str = typer.Option("admin", help="admin, recruiter or job_seeker."),
) -> None:
    """Create a user (works when registration is closed)."""
    from resumeiq.errors import EmailTaken, WeakPassword
    from resumeiq.users.service import create_user

    role_value = _role(role)
    min_length = _settings().password_min_length

    async def work(session: Any) -> str:
        user = await create_user(
            session=session, email=email, password=password, role=role_value, min_password_length=min_length
        )
        return str(user.id)

    try:
        user_id = run_in_session(work)
    except (EmailTaken, WeakPassword, ValueError) as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(EXIT_REFUSED) from exc
    typer.echo(f"created {role_value.value} {email.strip().lower()} ({user_id})")


@user_app.command("set-role")
def user_set_role(
    email: str = typer.Argument(..., help="The user's email (their login)."),
    role: str = typer.Argument(..., help="job_seeker, recruiter or admin."),
) -> None:
    """Give a user a role: how recruiters are made when sign-up is for job seekers only."""
    from resumeiq.errors import NotFound
    from resumeiq.users.service import set_role

    role_value = _role(role)

    async def work(session: Any) -> str:
        return (await set_role(session=session, email=email, role=role_value)).email

    try:
        address = run_in_session(work)
    except NotFound as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"{address} is now a {role_value.value}")


def register(app: typer.Typer) -> None:
    """Add the service commands to ``app``."""
    app.command("serve")(serve)
    app.command("worker")(worker)
    app.add_typer(db_app, name="db")
    app.add_typer(user_app, name="user")
