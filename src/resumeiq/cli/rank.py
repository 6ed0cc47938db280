"""``resumeiq rank``: rank every resume of a folder against one or more job postings.

    resumeiq rank --job JOB.txt [--job OTHER.pdf …] DIR [--json] [--csv OUT.csv] [--xlsx OUT.xlsx] [--out OUTDIR]

Resumes are parsed once, in parallel (one process per core) with a progress bar, then matched
against every job. ``--json`` prints ``[{"id", "name", "email", "phone", "location", "file",
"score", "category", "years", "matched_required", "related_required", "missing_required",
"matched_preferred", "explanation", "duplicate_of"}]`` best first (with several jobs: an object of
job file stem → that list); ``--out`` writes ``OUTDIR/<job file stem>.ranking.json`` per job;
``--csv`` and ``--xlsx`` write one row per job × resume in the columns of the screening export
(``resumeiq.exports``: rank, name, e-mail, …, after the job), then the files that could not be
read with their error; no cell is a formula. A resume's id is its file stem (its whole file name when
two files share a stem); its ``name`` the candidate's name as parsed (the tables show it, or
"(no name found)", a file that could not be read "(not read)": a file name is never shown as a
person's name); ``duplicate_of`` the id of a better-ranked file with the same bytes.
Files that cannot be read are listed on stderr with their error code and left out of the ranking.

Exit codes (``cli.common``): 0 ok, 2 usage error, 3 any resume or job posting could not be read
(the others are still ranked and written).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from resumeiq.cli.common import (
    EXIT_UNREADABLE,
    EXIT_USAGE,
    err,
    exit_code,
    readable,
    report_error,
    unreadable_summary,
)
from resumeiq.cli.engine import output_stems

NO_NAME = "(no name found)"
NOT_READ = "(not read)"
_SUFFIXES = {".pdf", ".docx", ".txt", ".md", ".markdown", ".doc", ".rtf", ".odt", ""}


def _prepare_one(path: str) -> tuple[str, Any, dict[str, str] | None]:
    """Worker entry: (path, PreparedResume, None) or (path, None, error). Errors are data."""
    from resumeiq.engine import EngineError, parse_resume
    from resumeiq.engine.match.match import prepare_resume

    try:
        parsed = parse_resume(Path(path).read_bytes(), filename=Path(path).name)
        return path, prepare_resume(parsed), None
    except EngineError as exc:
        return path, None, exc.to_dict()
    except OSError as exc:
        return path, None, {"code": "unreadable_file", "message": f"Cannot read the file: {exc.strerror}"}


def _match_chunk(
    resumes: dict[str, Any], jobs: dict[str, Any], stats: Any, as_of: str | None, thresholds: Any
) -> dict[str, list[dict[str, Any]]]:
    """Worker entry: job stem → the short results of a chunk of prepared resumes."""
    from resumeiq.engine.match.rank import match_batch, related_label

    results = match_batch(resumes, jobs, stats, as_of=as_of, thresholds=thresholds)
    return {
        stem: [
            {
                "id": rid,
                **_contact(resumes[rid].parsed.resume.basics),
                "score": r.score,
                "category": r.category,
                "years": r.experience.relevant_years,
                "matched_required": [s.skill for s in r.matched_required],
                "related_required": [related_label(s.skill, s.related_to) for s in r.related_required],
                "missing_required": [s.skill for s in r.missing_required],
                "matched_preferred": [s.skill for s in r.matched_preferred],
                "explanation": r.explanation,
            }
            for rid, r in by_resume.items()
        ]
        for stem, by_resume in results.items()
    }


def _contact(basics: Any) -> dict[str, str | None]:
    place = basics.location
    parts = [place.city, place.region, place.countryCode] if place is not None else []
    location = ", ".join(p for p in parts if p) or None
    return {"name": basics.name, "email": basics.email, "phone": basics.phone, "location": location}


def _rank_all(
    prepared: dict[str, Any],
    postings: dict[str, str],
    as_of: str | None,
    thresholds: Any,
    pool: ProcessPoolExecutor | None,
    workers: int,
) -> dict[str, list[dict[str, Any]]]:
    """Every job's ranking (short form, best first); the matching is spread over ``workers``
    processes in chunks, all scored with the statistics of the whole batch."""
    from resumeiq.engine.match.match import prepare_job
    from resumeiq.engine.match.rank import order_key
    from resumeiq.engine.match.text import corpus_stats

    stats = corpus_stats(p.tokens for p in prepared.values())
    jobs = {stem: prepare_job(text) for stem, text in postings.items()}
    ids = sorted(prepared)
    parts: list[dict[str, list[dict[str, Any]]]] = []
    if pool is None or len(ids) < 2 * workers:
        parts.append(_match_chunk(prepared, jobs, stats, as_of, thresholds))
    else:
        chunks = [ids[i::workers] for i in range(workers)]
        futures = [
            pool.submit(_match_chunk, {rid: prepared[rid] for rid in chunk}, jobs, stats, as_of, thresholds)
            for chunk in chunks
        ]
        parts = [f.result() for f in futures]
    out: dict[str, list[dict[str, Any]]] = {}
    for stem in postings:
        items = [item for part in parts for item in part[stem]]
        out[stem] = sorted(items, key=lambda item: order_key(item["id"], item["score"]))
    return out


def _warm_up() -> None:
    """Load the engine's data (taxonomy, titles, gazetteer, …) once in this process, so that the
    worker processes forked from it start with it instead of each loading it again."""
    from resumeiq.engine import parse_resume
    from resumeiq.engine.match.match import match

    parsed = parse_resume(
        b"Alex Doe\nData Analyst\n\nEXPERIENCE\nData Analyst, Acme  2020-01 to 2021-01\n- SQL\n"
    )
    match(parsed, "Data Analyst\n\nRequirements\n- 2+ years of experience with SQL\n", as_of="2021-01")


def _resume_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(
        p
        for p in path.iterdir()
        if p.is_file() and p.suffix.lower() in _SUFFIXES and not p.name.startswith(".")
    )


def _read_jobs(paths: list[Path]) -> dict[str, str]:
    from resumeiq.engine import EngineError
    from resumeiq.engine.match.jobs import extract_job_text

    jobs: dict[str, str] = {}
    for path in paths:
        if path.stem in jobs:
            err.print(
                f"[red]error:[/red] two job files named {path.stem!r}; their rankings would overwrite each other"
            )
            raise typer.Exit(EXIT_USAGE)
        try:
            text = extract_job_text(path.read_bytes(), filename=path.name)
        except EngineError as exc:
            report_error(f"job posting {path.name}", exc.to_dict())
            raise typer.Exit(EXIT_UNREADABLE) from None
        except OSError as exc:
            error = {"code": "unreadable_file", "message": f"Cannot read the file: {exc.strerror}"}
            report_error(f"job posting {path.name}", error)
            raise typer.Exit(EXIT_UNREADABLE) from None
        jobs[path.stem] = text
    return jobs


def _prepare_all(
    files: list[Path], pool: ProcessPoolExecutor | None
) -> tuple[dict[str, Any], list[tuple[Path, dict[str, str]]]]:
    prepared: dict[str, Any] = {}
    failed: list[tuple[Path, dict[str, str]]] = []
    ids = output_stems(files)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("parsing", total=len(files))
        if pool is None:
            for path in files:
                _collect(*_prepare_one(str(path)), ids, prepared, failed, progress)
                progress.advance(task)
        else:
            futures = [pool.submit(_prepare_one, str(p)) for p in files]
            for future in as_completed(futures):
                _collect(*future.result(), ids, prepared, failed, progress)
                progress.advance(task)
    return prepared, failed


def _collect(
    path: str,
    item: Any,
    error: dict[str, str] | None,
    ids: dict[str, str],
    prepared: dict,
    failed: list,
    progress: Progress,
) -> None:
    p = Path(path)
    if error is None:
        prepared[ids[path]] = item
    else:
        failed.append((p, error))
        progress.console.print(readable(p.name, error))


def register(app: typer.Typer) -> None:
    @app.command("rank")
    def rank_cmd(
        path: Annotated[Path, typer.Argument(exists=True, help="A folder of resumes (or one resume file).")],
        job: Annotated[
            list[Path],
            typer.Option(
                "--job", exists=True, dir_okay=False, help="A job posting (TXT, MD, PDF, DOCX); repeatable."
            ),
        ] = [],  # noqa: B006
        as_json: Annotated[bool, typer.Option("--json", help="Print the ranking as JSON.")] = False,
        csv_out: Annotated[
            Path | None, typer.Option("--csv", help="Write the ranking as CSV to this file.")
        ] = None,
        xlsx_out: Annotated[
            Path | None, typer.Option("--xlsx", help="Write the ranking as an XLSX workbook to this file.")
        ] = None,
        out: Annotated[Path | None, typer.Option("--out", help="Folder for <job stem>.ranking.json.")] = None,
        as_of: Annotated[
            str | None,
            typer.Option("--as-of", help="YYYY-MM that ongoing roles run to (default: this month)."),
        ] = None,
        selected: Annotated[
            float, typer.Option("--selected", help="Lowest score of a 'selected' resume.")
        ] = 75.0,
        considered: Annotated[
            float, typer.Option("--considered", help="Lowest score of a 'considered' resume.")
        ] = 36.0,
        jobs: Annotated[
            int | None, typer.Option("--jobs", "-j", help="Worker processes (default: one per core).")
        ] = None,
    ) -> None:
        """Rank resumes against job postings: score, category and matched/missing skills."""
        import re

        from resumeiq.engine.match.match import Thresholds

        if not job:
            err.print("[red]error:[/red] give at least one --job JOB.txt")
            raise typer.Exit(EXIT_USAGE)
        if as_of is not None and not re.fullmatch(r"(?:19|20)\d\d-(?:0[1-9]|1[0-2])", as_of):
            err.print("[red]error:[/red] --as-of must be YYYY-MM")
            raise typer.Exit(EXIT_USAGE)
        if not 0 <= considered <= selected <= 100:
            err.print("[red]error:[/red] thresholds must satisfy 0 <= --considered <= --selected <= 100")
            raise typer.Exit(EXIT_USAGE)
        postings = _read_jobs(job)
        files = _resume_files(path)
        workers = max(1, min(jobs or os.cpu_count() or 1, len(files) or 1))
        thresholds = Thresholds(selected=selected, considered=considered)
        if workers > 1:
            _warm_up()
        pool = ProcessPoolExecutor(max_workers=workers) if workers > 1 else None
        try:
            prepared, failed = _prepare_all(files, pool)
            if path.is_file() and failed:
                report_error(path.name, failed[0][1])
                raise typer.Exit(EXIT_UNREADABLE)
            lists = _rank_all(prepared, postings, as_of, thresholds, pool, workers)
        finally:
            if pool is not None:
                pool.shutdown()
        _mark_duplicates(lists, files)
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            for stem, items in lists.items():
                (out / f"{stem}.ranking.json").write_text(
                    json.dumps(items, indent=2, ensure_ascii=False) + "\n"
                )
        if csv_out is not None:
            _write_csv(csv_out, _table(lists, failed))
        if xlsx_out is not None:
            _write_xlsx(xlsx_out, _table(lists, failed))
        if as_json:
            payload: Any = next(iter(lists.values())) if len(lists) == 1 else lists
            sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        elif out is None and csv_out is None and xlsx_out is None:
            _print_tables(lists)
        note = f"; {unreadable_summary(failed)} (left out)" if failed else ""
        err.print(f"ranked {len(prepared)} of {len(files)} resumes against {len(postings)} job(s){note}", soft_wrap=True)
        raise typer.Exit(exit_code(failed))


def _mark_duplicates(lists: dict[str, list[dict[str, Any]]], files: list[Path]) -> None:
    """Each item's ``file`` name, and ``duplicate_of``: the id of a better-ranked file with the
    same bytes (the CLI knows no candidates; a check by person would set it here too)."""
    ids = output_stems(files)
    by_id = {ids[str(p)]: p for p in files}
    digests = {rid: hashlib.sha256(path.read_bytes()).hexdigest() for rid, path in by_id.items()}
    for items in lists.values():
        first: dict[str, str] = {}
        for item in items:
            item["file"] = by_id[item["id"]].name
            digest = digests[item["id"]]
            item["duplicate_of"] = first.get(digest)
            first.setdefault(digest, item["id"])


def _table(
    lists: dict[str, list[dict[str, Any]]], failed: list[tuple[Path, dict[str, str]]]
) -> tuple[list[str], list[list[Any]]]:
    """One row per job × resume in the columns of ``resumeiq.exports`` (after a "Job" column),
    then each file that could not be read, with its error."""
    from resumeiq.exports import CandidateRow, header

    rows: list[list[Any]] = []
    for stem, items in lists.items():
        ranks = {e["id"]: rank for rank, e in enumerate(items, 1)}
        for rank, e in enumerate(items, 1):
            duplicate = e["duplicate_of"]
            row = CandidateRow(
                rank=rank,
                name=e["name"] or NO_NAME,
                score=round(e["score"], 2),
                category=e["category"],
                years=e["years"],
                matched_required=e["matched_required"],
                related_required=e["related_required"],
                missing_required=e["missing_required"],
                matched_preferred=e["matched_preferred"],
                explanation=e["explanation"],
                email=e["email"],
                phone=e["phone"],
                location=e["location"],
                file=e["file"],
                duplicate_of=f"{duplicate} (#{ranks[duplicate]})" if duplicate else None,
            )
            rows.append([stem, *row.cells(blind=False)])
        for path, error in failed:
            row = CandidateRow(
                rank=None,
                name=NOT_READ,
                score=None,
                category="failed",
                file=path.name,
                error=f"{error['code']}: {error['message']}",
            )
            rows.append([stem, *row.cells(blind=False)])
    return ["Job", *header(blind=False)], rows


def _write_csv(path: Path, table: tuple[list[str], list[list[Any]]]) -> None:
    from resumeiq.exports import to_csv

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_csv(*table), encoding="utf-8", newline="")


def _write_xlsx(path: Path, table: tuple[list[str], list[list[Any]]]) -> None:
    from resumeiq.exports import to_xlsx

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(to_xlsx([("Ranking", *table)]))


def _print_tables(lists: dict[str, list[dict[str, Any]]]) -> None:
    console = Console()
    colours = {"selected": "green", "considered": "yellow", "rejected": "red"}
    for stem, items in lists.items():
        table = Table(title=stem, title_justify="left")
        for name in ("#", "name", "file", "score", "category", "matched required",
                     "related (job skill: what the resume shows)", "missing required"):
            table.add_column(name, justify="right" if name in ("#", "score") else "left")
        for rank, e in enumerate(items, 1):
            table.add_row(
                str(rank),
                escape(e["name"]) if e["name"] else f"[dim]{NO_NAME}[/dim]",
                escape(e["file"]) + (f" [dim](same file as {escape(e['duplicate_of'])})[/dim]" if e["duplicate_of"] else ""),
                f"{e['score']:.1f}",
                f"[{colours[e['category']]}]{e['category']}[/]",
                escape(", ".join(e["matched_required"])) or "—",
                escape(", ".join(e["related_required"])) or "—",
                escape(", ".join(e["missing_required"])) or "—",
            )
        console.print(table)
