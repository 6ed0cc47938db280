"""The ``resumeiq`` command line: engine commands (parse, analyze) and service commands."""

import typer

from resumeiq.cli import accounts as _accounts
from resumeiq.cli import engine as _engine
from resumeiq.cli import rank as _rank
from resumeiq.cli import service as _service
from resumeiq.cli import tailor as _tailor

app = typer.Typer(
    name="resumeiq",
    help="Resume intelligence: parse, review, match and screen resumes, offline.",
    no_args_is_help=True,
    add_completion=False,
)
_engine.register(app)
_rank.register(app)
_service.register(app)
_tailor.register(app)
_accounts.register(app)

__all__ = ["app"]
