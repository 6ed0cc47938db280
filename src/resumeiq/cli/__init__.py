"""The ``resumeiq`` command line: engine commands (parse, analyze, rank, tailor) and service
commands. Exit codes, the same for every command: see ``resumeiq.cli.common``."""

from typing import Annotated

import typer

from resumeiq import __version__
from resumeiq.cli import engine as _engine
from resumeiq.cli import rank as _rank
from resumeiq.cli import service as _service
from resumeiq.cli import tailor as _tailor

app = typer.Typer(
    name="resumeiq",
    help="Resume intelligence: parse, review, match and screen resumes, offline. "
    "Exit codes: 0 done, 2 usage error, 3 a file could not be read (each one listed on stderr).",
    no_args_is_help=True,
    add_completion=False,
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"resumeiq {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """The options of ``resumeiq`` itself (before a command)."""


_engine.register(app)
_rank.register(app)
_service.register(app)
_tailor.register(app)

__all__ = ["app"]
