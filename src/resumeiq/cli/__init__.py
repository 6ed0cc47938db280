"""The ``resumeiq`` command line: engine commands (parse, analyze, rank, tailor) and service
commands. Exit codes, the same for every command: see ``resumeiq.cli.common``."""

import gc
from typing import Annotated, Any

import typer

from resumeiq import __version__
from resumeiq.cli import accounts as _accounts
from resumeiq.cli import engine as _engine
from resumeiq.cli import rank as _rank
from resumeiq.cli import service as _service
from resumeiq.cli import tailor as _tailor


class _App(typer.Typer):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Run the command line. After ``parse`` or ``analyze`` (their results are written and
        closed by then) the objects left go to the collector's permanent generation: the
        interpreter's exit would collect every object it still tracks (the engine's data, tens of
        thousands of objects: about a fifth of what ``resumeiq parse`` costs on one file), though
        the process is about to end and frees its memory anyway."""
        try:
            return super().__call__(*args, **kwargs)
        finally:
            if _engine.freeze_at_exit:
                gc.freeze()


app = _App(
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
_accounts.register(app)

__all__ = ["app"]
