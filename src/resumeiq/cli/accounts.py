"""Administration commands: ``user delete``, ``retention purge``, ``credits grant|show``. Each opens the configured database and file storage, calls the service
functions the API uses, and closes them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import typer

from resumeiq.cli.service import _settings, run_in_session, user_app

retention_app = typer.Typer(help="Data retention.", no_args_is_help=True)

T = TypeVar("T")


def run_with_services(work: Callable[[Any, Any], Awaitable[T]]) -> T:
    """Run ``work(session, storage)`` against the configured database and storage."""
    from resumeiq.storage import open_storage

    storage = open_storage(_settings())

    async def with_storage(session: Any) -> T:
        return await work(session, storage)

    try:
        return run_in_session(with_storage)
    finally:
        storage.close()


def user_delete(
    email: str = typer.Argument(..., help="The e-mail of the user to delete."),
    yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation."),
) -> None:
    """Delete a user and everything it owns (resumes and their files, jobs, screenings, …)."""
    from resumeiq.accounts.service import delete_user, user_id_by_email
    from resumeiq.errors import NotFound

    if not yes:
        typer.confirm(f"Delete {email} and everything it owns? This cannot be undone.", abort=True)

    async def work(session: Any, storage: Any) -> tuple[str, int]:
        user_id = await user_id_by_email(session=session, email=email)
        return str(user_id), await delete_user(session=session, storage=storage, user_id=user_id)

    try:
        user_id, files = run_with_services(work)
    except NotFound as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"deleted user {email.strip().lower()} ({user_id}); {files} stored file(s) removed")


@retention_app.command("purge")
def retention_purge(
    days: int = typer.Option(
        0, "--days", min=0, help="Purge resumes older than this many days (0: RESUMEIQ_RESUME_RETENTION_DAYS)."
    ),
) -> None:
    """Purge resumes (and screened files) older than the retention period, as the periodic task does."""
    from resumeiq.retention.service import purge_old_resumes

    settings = _settings()
    older_than = days or settings.resume_retention_days
    if not older_than:
        typer.secho("error: give --days or set RESUMEIQ_RESUME_RETENTION_DAYS", fg="red", err=True)
        raise typer.Exit(2)

    async def work(session: Any, storage: Any) -> Any:
        return await purge_old_resumes(session=session, storage=storage, older_than_days=older_than)

    report = run_with_services(work)
    typer.echo(
        f"purged {report.resumes} resume(s) and {report.screening_files} screening file reference(s) "
        f"stored before {report.cutoff.isoformat()}; {report.files} file(s) removed"
    )




credits_app = typer.Typer(help="Credits (RESUMEIQ_CREDITS_ENABLED).", no_args_is_help=True)


@credits_app.command("grant")
def credits_grant(
    email: str = typer.Argument(..., help="The user's e-mail."),
    amount: int = typer.Argument(..., min=1, max=1_000_000, help="Credits to add."),
    reason: str = typer.Option("granted with the resumeiq command line", help="Shown in the ledger."),
) -> None:
    """Give a user credits (a ``grant`` row in their ledger)."""
    from resumeiq.accounts.service import user_id_by_email
    from resumeiq.credits.service import grant
    from resumeiq.errors import InvalidInput, NotFound

    async def work(session: Any, storage: Any) -> int:
        user_id = await user_id_by_email(session=session, email=email)
        return await grant(session=session, user_id=user_id, amount=amount, reason=reason, granted_by=None)

    try:
        balance = run_with_services(work)
    except (NotFound, InvalidInput) as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"granted {amount} credit(s) to {email.strip().lower()}; balance {balance}")


@credits_app.command("show")
def credits_show(email: str = typer.Argument(..., help="The user's e-mail.")) -> None:
    """A user's balance and latest ledger rows."""
    from resumeiq.accounts.service import user_id_by_email
    from resumeiq.credits.service import ledger
    from resumeiq.errors import NotFound
    from resumeiq.pagination import PageParams

    async def work(session: Any, storage: Any) -> Any:
        user_id = await user_id_by_email(session=session, email=email)
        return await ledger(session=session, user_id=user_id, page=PageParams(limit=20, offset=0))

    try:
        balance, page = run_with_services(work)
    except NotFound as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"{email.strip().lower()}: balance {balance}")
    for row in page.items:
        typer.echo(f"  {row.created_at:%Y-%m-%d %H:%M}  {row.kind:<6} {row.amount:+d}  -> {row.balance_after}  {row.reason}")


def register(app: typer.Typer) -> None:
    user_app.command("delete")(user_delete)
    app.add_typer(retention_app, name="retention")
    app.add_typer(credits_app, name="credits")
