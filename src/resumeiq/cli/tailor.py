"""``resumeiq tailor RESUME --job JOB``: the deterministic tailoring offline, without the service.

Writes ``<stem>.tailored.<format>`` (and ``<stem>.cover-letter.txt`` with ``--cover-letter``) to
``--out`` (default: the current folder) and prints the preview (diff, keywords before and after,
suggestions, warnings, the cover letter's status) as JSON on stdout. Exit codes (``cli.common``):
0 ok, 2 usage, 3 a file could not be read or there is nothing to tailor (stderr says why, with its
code).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from resumeiq.cli.common import EXIT_UNREADABLE, err, report_error


def register(app: typer.Typer) -> None:
    @app.command("tailor")
    def tailor_cmd(
        resume: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="The resume (PDF, DOCX, TXT, MD).")],
        job: Annotated[
            Path, typer.Option("--job", exists=True, dir_okay=False, help="The job posting (TXT, MD, PDF, DOCX).")
        ],
        out: Annotated[Path, typer.Option("--out", help="Folder for the tailored resume.")] = Path("."),
        fmt: Annotated[
            Literal["docx", "pdf", "md", "json"], typer.Option("--format", help="Format of the tailored resume.")
        ] = "docx",
        cover_letter: Annotated[bool, typer.Option("--cover-letter", help="Also write a cover letter.")] = False,
    ) -> None:
        """Tailor a resume to a job: reorder and rename what it shows, never add what it does not."""
        from resumeiq.engine import EngineError, ExtractLimits, parse_resume
        from resumeiq.engine.match.jobs import extract_job_text, normalise_job_text, parse_job
        from resumeiq.tailoring import work
        from resumeiq.tailoring.render import UnsupportedCharacters, render_letter, render_resume
        from resumeiq.worker.engine_jobs import EngineFailure

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
        outcome = work.preview(
            str(resume),
            resume.name,
            doc,
            "cli",
            requirements.model_dump(mode="json"),
            job_text,
            requirements.title,
            None,
            cover_letter,
            False,
            ExtractLimits(),
        )
        if isinstance(outcome, EngineFailure):
            report_error(resume.name, {"code": outcome.code, "message": outcome.message})
            raise typer.Exit(EXIT_UNREADABLE)
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
        summary = {k: outcome[k] for k in ("diff", "keywords", "suggestions", "cover_letter", "warnings")}
        sys.stdout.write(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
        for warning in outcome["warnings"]:
            err.print(f"[yellow]warning:[/yellow] {warning}")
        err.print(f"wrote {', '.join(str(p) for p in written)} ({len(outcome['diff'])} change(s))")
