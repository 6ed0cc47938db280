"""``resumeiq tailor RESUME --job JOB [--mode deterministic|llm]``: tailoring without the service.

Writes ``<stem>.tailored.<format>`` (and ``<stem>.cover-letter.txt`` with ``--cover-letter``) to
``--out`` (default: the current folder) and prints the preview (mode, model used, diff, keywords
before and after, suggestions, warnings, the cover letter's status) as JSON on stdout. ``--mode``
works as the API's ``mode`` (``tailoring.modes``): ``llm`` asks the language model of
``RESUMEIQ_LLM_*`` to reword bullets and the summary, the default when one is configured; a model
that cannot be used leaves the deterministic result and a warning saying why. Exit codes
(``cli.common``): 0 ok, 2 usage (also ``--mode llm`` without a model), 3 a file could not be
read or there is nothing to tailor (stderr says why, with its code).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.markup import escape

from resumeiq.cli.common import EXIT_UNREADABLE, EXIT_USAGE, err, report_error

if TYPE_CHECKING:
    from resumeiq.tailoring.llm import LLMSettings


def _mode(asked: str | None) -> tuple[LLMSettings | None, str]:
    """(the configured model or None, the mode to use). The settings are read only when the
    model may be used: ``--mode deterministic`` runs whatever the environment holds. A
    configuration error, or ``--mode llm`` without a model, is a usage error (exit 2)."""
    from resumeiq.config import Settings
    from resumeiq.errors import LLMNotConfigured
    from resumeiq.tailoring.llm import LLMSettings
    from resumeiq.tailoring.modes import choose_mode

    if asked == "deterministic":
        return None, "deterministic"
    try:
        llm = LLMSettings.from_settings(Settings())
    except ValueError as exc:  # pydantic's ValidationError and ConfigError raised inside it
        err.print(f"[red]configuration error:[/red] {escape(str(exc))}")
        raise typer.Exit(EXIT_USAGE) from None
    try:
        return llm, choose_mode(asked, llm)
    except LLMNotConfigured as exc:
        report_error("--mode llm", {"code": exc.code, "message": exc.message})
        raise typer.Exit(EXIT_USAGE) from None


def register(app: typer.Typer) -> None:
    @app.command("tailor")
    def tailor_cmd(
        resume: Annotated[
            Path, typer.Argument(exists=True, dir_okay=False, help="The resume (PDF, DOCX, TXT, MD).")
        ],
        job: Annotated[
            Path,
            typer.Option("--job", exists=True, dir_okay=False, help="The job posting (TXT, MD, PDF, DOCX)."),
        ],
        out: Annotated[Path, typer.Option("--out", help="Folder for the tailored resume.")] = Path("."),
        fmt: Annotated[
            Literal["docx", "pdf", "md", "json"],
            typer.Option("--format", help="Format of the tailored resume."),
        ] = "docx",
        cover_letter: Annotated[
            bool, typer.Option("--cover-letter", help="Also write a cover letter.")
        ] = False,
        mode: Annotated[
            Literal["deterministic", "llm"] | None,
            typer.Option(
                "--mode",
                help="llm: the language model of RESUMEIQ_LLM_BASE_URL / RESUMEIQ_LLM_MODEL also rewords "
                "bullets and the summary (each rewrite checked; one that adds a fact is dropped). "
                "Default: llm when a model is configured, else deterministic.",
            ),
        ] = None,
    ) -> None:
        """Tailor a resume to a job: reorder and rename what it shows, never add what it does not."""
        from resumeiq.engine import EngineError, ExtractLimits, parse_resume
        from resumeiq.engine.match.jobs import extract_job_text, normalise_job_text, parse_job
        from resumeiq.tailoring import work
        from resumeiq.tailoring.modes import model_rewrites, settle_mode
        from resumeiq.tailoring.render import UnsupportedCharacters, render_letter, render_resume
        from resumeiq.worker.engine_jobs import EngineFailure

        llm, chosen = _mode(mode)  # a usage error before any file is read
        try:
            job_text = normalise_job_text(extract_job_text(job.read_bytes(), filename=job.name))
        except EngineError as exc:
            report_error(f"job posting {job.name}", exc.to_dict())
            raise typer.Exit(EXIT_UNREADABLE) from None
        try:
            doc = parse_resume(resume.read_bytes(), filename=resume.name).resume.to_json_resume()
        except EngineError as exc:
            report_error(resume.name, exc.to_dict())
            raise typer.Exit(EXIT_UNREADABLE) from None
        requirements = parse_job(job_text)
        job_json = requirements.model_dump(mode="json")
        import asyncio  # only here: the other commands need no event loop

        rewrites, llm_warnings = asyncio.run(
            model_rewrites(chosen, llm, doc, job_json, job_text, requirements.title, None)
        )
        outcome = work.preview_llm(
            str(resume),
            resume.name,
            doc,
            "cli",
            job_json,
            job_text,
            requirements.title,
            None,
            cover_letter,
            False,
            rewrites,
            ExtractLimits(),
        )
        if isinstance(outcome, EngineFailure):
            report_error(resume.name, {"code": outcome.code, "message": outcome.message})
            raise typer.Exit(EXIT_UNREADABLE)
        outcome = settle_mode(outcome, chosen, llm, rewrites, llm_warnings)
        out.mkdir(parents=True, exist_ok=True)
        try:
            data = render_resume(outcome["tailored"], fmt)
        except UnsupportedCharacters as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(EXIT_UNREADABLE) from None
        target = out / f"{resume.stem}.tailored.{fmt}"
        target.write_bytes(data)
        written = [target]
        letter = outcome["cover_letter"]
        if letter["status"] == "success":
            path = out / f"{resume.stem}.cover-letter.txt"
            path.write_bytes(render_letter(letter["text"], "txt"))
            written.append(path)
        elif letter["status"] == "failed":
            err.print(
                f"[red]cover letter failed:[/red] {escape(letter.get('error') or 'it could not be written')}"
            )
        keys = ("mode", "ai_model_used", "diff", "keywords", "suggestions", "cover_letter", "warnings")
        sys.stdout.write(json.dumps({k: outcome[k] for k in keys}, indent=2, ensure_ascii=False) + "\n")
        for warning in outcome["warnings"]:
            err.print(f"[yellow]warning:[/yellow] {escape(warning)}")
        made = f"llm, with {outcome['ai_model_used']}" if outcome["ai_model_used"] else "deterministic"
        err.print(f"mode: {made}")
        err.print(f"wrote {', '.join(str(p) for p in written)} ({len(outcome['diff'])} change(s))")
