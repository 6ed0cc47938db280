"""Engine commands: ``parse`` and ``analyze`` a file or every file of a folder.

Exit codes (``cli.common``, the same for every command): 0 ok, 2 usage error, 3 a document could
not be read (listed on stderr; in a folder, its ``.error.json`` says why). Folders are processed in
parallel (one process per core) with a progress bar.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from resumeiq.cli.common import (
    EXIT_UNREADABLE,
    EXIT_USAGE,
    err,
    exit_code,
    readable,
    report_error,
    unreadable_summary,
)

# Set by ``parse`` and ``analyze``: the command line's exit need not collect what they leave
# (``resumeiq.cli``; a command run in process, as by a test runner, changes nothing).
freeze_at_exit = False

_SUFFIXES = {".pdf", ".docx", ".txt", ".md", ".markdown", ".doc", ".rtf", ".odt", ""}


def _parse_one(path: str, evidence: bool) -> dict[str, Any]:
    from resumeiq.engine import parse_resume

    parsed = parse_resume(Path(path).read_bytes(), filename=Path(path).name)
    data = parsed.resume.to_json_resume()
    if evidence:
        data["meta"] = {"evidence": {k: list(v) for k, v in parsed.resume.evidence().items()}}
    return data


def _analyze_one(path: str, industry: str) -> dict[str, Any]:
    from resumeiq.engine import analyze_resume

    _, review = analyze_resume(Path(path).read_bytes(), filename=Path(path).name, industry=industry)
    return review.to_report()


def _run(job: Callable[..., dict[str, Any]], path: str, *args: Any) -> tuple[str, dict[str, Any] | None, dict[str, str] | None]:
    """Worker entry: (path, result, error). Engine errors are data, not exceptions."""
    from resumeiq.engine import EngineError

    try:
        return path, job(path, *args), None
    except EngineError as exc:
        return path, None, exc.to_dict()
    except OSError as exc:
        return path, None, {"code": "unreadable_file", "message": f"Cannot read the file: {exc.strerror}"}


_WARM_UP = b"Ines Okoro\nines@example.org\n\nEXPERIENCE\nData Analyst, Orvex Labs\t2019 - 2021\n- Built reports in SQL.\n"


def _warm_up_pdf() -> bytes:
    """A one-page text PDF (standard fonts, nothing embedded) holding the lines of ``_WARM_UP``."""
    lines = [("F2", 18, 72, 720, "Ines Okoro"), ("F1", 10, 72, 702, "ines@example.org")]
    lines += [("F2", 12, 72, 670, "EXPERIENCE"), ("F1", 10, 72, 652, "Data Analyst, Orvex Labs")]
    lines += [("F1", 10, 480, 652, "2019 - 2021"), ("F1", 10, 72, 638, "- Built reports in SQL.")]
    content = "".join(f"BT /{font} {size} Tf {x} {y} Td ({text}) Tj ET\n" for font, size, x, y, text in lines).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 6 0 R"
        b" /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
        b"<< /Length %d >>\nstream\n%sendstream" % (len(content), content),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _pool(workers: int, job: Callable[..., dict[str, Any]]) -> ProcessPoolExecutor:
    """Worker processes that start with the engine's data loaded: on Linux the parent reads it
    once and forks, so each worker shares it (copy-on-write) instead of loading it again. The
    warm-up reads a text file and a PDF with what ``job`` uses (the scoring rules only for
    ``analyze``), so that no worker pays for the PDF reader's start-up of its own."""
    if sys.platform != "linux":
        return ProcessPoolExecutor(max_workers=workers)
    from resumeiq.engine import analyze_resume, parse_resume

    warm_up = analyze_resume if job is _analyze_one else parse_resume
    warm_up(_WARM_UP, filename="warm-up.txt")
    warm_up(_warm_up_pdf(), filename="warm-up.pdf")
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in _SUFFIXES and not p.name.startswith("."))


def output_stems(files: list[Path]) -> dict[str, str]:
    """The name each file's result is written under: its stem, or its whole file name when
    another file of the batch has the same stem ("resume.pdf" and "resume.docx" in one folder
    would otherwise overwrite each other's result)."""
    counts = Counter(p.stem for p in files)
    return {str(p): p.stem if counts[p.stem] == 1 else p.name for p in files}


def _check_industry(industry: str) -> None:
    from resumeiq.engine import UnknownIndustry, get_industry

    try:
        get_industry(industry)
    except UnknownIndustry as exc:
        err.print(f"[red]error:[/red] {exc.message}")
        raise typer.Exit(EXIT_USAGE) from None


def _batch(
    job: Callable[..., dict[str, Any]],
    label: str,
    folder: Path,
    out: Path,
    args: tuple[Any, ...],
    jobs: int | None,
) -> int:
    """Run ``job`` over every file of ``folder`` with a progress bar labelled ``label``; the exit code."""
    files = _files(folder)
    names = output_stems(files)
    out.mkdir(parents=True, exist_ok=True)
    failed: list[tuple[str, dict[str, str]]] = []
    workers = max(1, min(jobs or os.cpu_count() or 1, len(files) or 1))
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with _pool(workers, job) as pool, Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task(label, total=len(files))
        futures = [pool.submit(_run, job, str(p), *args) for p in files]
        for future in as_completed(futures):
            path, result, error = future.result()
            stem = names[path]
            if error is None:
                (out / f"{stem}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
            else:
                failed.append((path, error))
                (out / f"{stem}.error.json").write_text(json.dumps(error, ensure_ascii=False) + "\n")
                progress.console.print(readable(Path(path).name, error))
            progress.advance(task)
    summary = unreadable_summary(failed)
    written = f"{len(files) - len(failed)} of {len(files)} files written to {out}"
    err.print(written + (f"; {summary}" if summary else ""), soft_wrap=True)
    return exit_code(failed)


def register(app: typer.Typer) -> None:
    @app.command("parse")
    def parse_cmd(
        path: Annotated[Path, typer.Argument(exists=True, help="A resume file, or a folder of them.")],
        out: Annotated[Path | None, typer.Option("--out", help="Folder for <stem>.json (required for a folder).")] = None,
        evidence: Annotated[bool, typer.Option("--evidence", help="Add meta.evidence: JSON pointer → character span.")] = False,
        jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Worker processes (default: one per core).")] = None,
    ) -> None:
        """Parse resumes into JSON Resume (stdout for one file)."""
        global freeze_at_exit
        freeze_at_exit = True
        if path.is_dir():
            if out is None:
                err.print("[red]error:[/red] parsing a folder needs --out OUTDIR")
                raise typer.Exit(EXIT_USAGE)
            raise typer.Exit(_batch(_parse_one, "parsing", path, out, (evidence,), jobs))
        _, result, error = _run(_parse_one, str(path), evidence)
        _single(path, out, result, error)

    @app.command("analyze")
    def analyze_cmd(
        path: Annotated[Path, typer.Argument(exists=True, help="A resume file, or a folder of them.")],
        industry: Annotated[str, typer.Option("--industry", help="Target industry profile id.")] = "general",
        as_json: Annotated[bool, typer.Option("--json", help="Print the review as JSON.")] = False,
        out: Annotated[Path | None, typer.Option("--out", help="Folder for <stem>.json (required for a folder).")] = None,
        jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Worker processes (default: one per core).")] = None,
    ) -> None:
        """Review resumes: ATS, content and formatting scores with reasons and fixes."""
        global freeze_at_exit
        freeze_at_exit = True
        _check_industry(industry)
        if path.is_dir():
            if out is None:
                err.print("[red]error:[/red] analyzing a folder needs --out OUTDIR")
                raise typer.Exit(EXIT_USAGE)
            raise typer.Exit(_batch(_analyze_one, "analyzing", path, out, (industry,), jobs))
        _, result, error = _run(_analyze_one, str(path), industry)
        if error is None and not as_json and out is None:
            from resumeiq.cli.report import print_review

            print_review(result, path.name)
            return
        _single(path, out, result, error)


def _single(path: Path, out: Path | None, result: dict[str, Any] | None, error: dict[str, str] | None) -> None:
    if error is not None:
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            (out / f"{path.stem}.error.json").write_text(json.dumps(error, ensure_ascii=False) + "\n")
        report_error(path.name, error)
        raise typer.Exit(EXIT_UNREADABLE)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / f"{path.stem}.json").write_text(text + "\n")
    else:
        typer.echo(text)
