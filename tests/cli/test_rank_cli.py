"""``resumeiq rank --job JOB DIR``: JSON, CSV and per-job ranking files; unreadable files on stderr.

Exit codes: 0 ok, 2 usage, 3 the one resume given could not be read. Resumes and postings are text
files written here; one run goes through the installed program with two worker processes.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from resumeiq.cli import app

SRE_JOB = """Site Reliability Engineer

Requirements
- 4+ years of experience in site reliability engineering
- Experience with Terraform, Kubernetes and Python
"""
ACCOUNTING_JOB = """Staff Accountant

Requirements
- 3+ years of experience in accounting
- Proficiency in GAAP and NetSuite
"""


def resume(name: str, title: str, since: str, bullets: list[str], skills: list[str]) -> str:
    return "\n".join(
        [
            name,
            title,
            f"{name.split()[0].lower()}@example.com | (415) 555-0100",
            "",
            "EXPERIENCE",
            f"{title}, Acme Corp    {since} to 2025-05",
            *[f"- {b}" for b in bullets],
            "",
            "SKILLS",
            ", ".join(skills),
            "",
        ]
    )


RESUMES = {
    "ana.txt": resume(
        "Ana Silva",
        "Site Reliability Engineer",
        "2016-01",
        ["Ran Kubernetes clusters provisioned with Terraform", "Wrote Python tooling"],
        ["Terraform", "Kubernetes", "Python"],
    ),
    "ben.md": resume(
        "Ben Okafor",
        "Site Reliability Engineer",
        "2024-01",
        ["Ran Kubernetes clusters provisioned with Terraform"],
        ["Terraform", "Kubernetes"],
    ),
    "chloe.txt": resume(
        "Chloe Martin",
        "Staff Accountant",
        "2015-01",
        ["Closed the books under GAAP in NetSuite"],
        ["GAAP", "NetSuite", "Microsoft Excel"],
    ),
}
EXPORT_COLUMNS = [
    "Rank", "Name", "E-mail", "Phone", "Location", "Score", "Category", "Years of experience",
    "Matched required", "Related required", "Missing required", "Matched preferred", "Explanation",
    "File", "Duplicate of", "Error",
]  # fmt: skip
KEYS = [
    "id", "name", "email", "phone", "location", "score", "category", "years", "matched_required",
    "related_required", "missing_required", "matched_preferred", "explanation", "file", "duplicate_of",
]  # fmt: skip


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name, text in RESUMES.items():
        (folder / name).write_text(text)
    return folder


@pytest.fixture
def jobs(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for stem, text in (("sre", SRE_JOB), ("accountant", ACCOUNTING_JOB)):
        out[stem] = tmp_path / f"{stem}.txt"
        out[stem].write_text(text)
    return out


def test_json_lists_every_resume_best_first(runner, inbox, jobs):
    result = runner.invoke(app, ["rank", "--job", str(jobs["sre"]), str(inbox), "--json", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    ranking = json.loads(result.stdout)
    assert [r["id"] for r in ranking] == ["ana", "ben", "chloe"]
    assert all(list(r) == KEYS for r in ranking)
    assert ranking[0]["category"] == "selected" and ranking[-1]["category"] == "rejected"
    assert ranking[0]["matched_required"] == ["Terraform", "Kubernetes", "Python"]
    assert ranking[1]["missing_required"] == ["Python"]
    assert [r["score"] for r in ranking] == sorted((r["score"] for r in ranking), reverse=True)
    assert "ranked 3 of 3 resumes against 1 job(s)" in result.stderr


def test_out_writes_one_ranking_file_per_job_and_csv_one_row_per_pair(runner, inbox, jobs, tmp_path):
    out, table = tmp_path / "rankings", tmp_path / "rank.csv"
    result = runner.invoke(
        app,
        [
            "rank",
            "--job",
            str(jobs["sre"]),
            "--job",
            str(jobs["accountant"]),
            str(inbox),
            "--out",
            str(out),
            "--csv",
            str(table),
        ],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["accountant.ranking.json", "sre.ranking.json"]
    sre = json.loads((out / "sre.ranking.json").read_text())
    accountant = json.loads((out / "accountant.ranking.json").read_text())
    assert sre[0]["id"] == "ana" and accountant[0]["id"] == "chloe"
    rows = list(csv.DictReader(table.open(newline="")))
    assert len(rows) == 6
    assert list(rows[0]) == ["Job", *EXPORT_COLUMNS]
    assert [(r["Job"], r["Rank"], r["Name"], r["File"]) for r in rows[:3]] == [
        ("sre", "1", "Ana Silva", "ana.txt"),
        ("sre", "2", "Ben Okafor", "ben.md"),
        ("sre", "3", "Chloe Martin", "chloe.txt"),
    ]
    assert rows[0]["E-mail"] == "ana@example.com" and rows[0]["Phone"] == "'+1 415-555-0100"  # neutralised
    assert rows[1]["Missing required"] == "Python"
    assert rows[3]["Job"] == "accountant" and rows[3]["Name"] == "Chloe Martin"


def test_xlsx_has_the_csv_columns_and_lists_unreadable_files(runner, inbox, jobs, tmp_path):
    from openpyxl import load_workbook

    (inbox / "torn.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<")
    (inbox / "ana-copy.txt").write_text(RESUMES["ana.txt"])
    risky = "=SUM(1+2).txt"  # a file name a spreadsheet would run as a formula
    (inbox / risky).write_text(RESUMES["ben.md"].replace("Ben Okafor", "").replace("ben@", "m@"))
    table, book = tmp_path / "rank.csv", tmp_path / "rank.xlsx"
    args = ["rank", "--job", str(jobs["sre"]), str(inbox), "--csv", str(table), "--xlsx", str(book)]
    result = runner.invoke(app, args)
    assert result.exit_code == 3, result.output  # torn.pdf could not be read
    rows = [[c.value for c in row] for row in load_workbook(book).active.iter_rows()]
    csv_rows = list(csv.reader(table.open(newline="")))
    assert rows[0] == csv_rows[0] == ["Job", *EXPORT_COLUMNS]
    assert len(rows) == len(csv_rows) == 7  # five ranked, one unreadable, the header
    by_file = {r[EXPORT_COLUMNS.index("File") + 1]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert by_file["torn.pdf"]["Rank"] is None and by_file["torn.pdf"]["Error"].startswith("corrupt_file:")
    # A file name is never shown as a person's name: the nameless resume and the torn file say so.
    assert by_file[risky]["Name"] == "(no name found)" and by_file["torn.pdf"]["Name"] == "(not read)"
    copy, original = by_file["ana-copy.txt"], by_file["ana.txt"]
    assert (copy["Duplicate of"] or original["Duplicate of"]).startswith(("ana (#", "ana-copy (#"))
    assert isinstance(original["Rank"], int) and isinstance(original["Score"], float)
    file_column = EXPORT_COLUMNS.index("File") + 1
    assert "'" + risky in [r[file_column] for r in csv_rows]
    sheet = load_workbook(book).active
    cells = [row[file_column] for row in sheet.iter_rows(min_row=2)]
    cell = next(c for c in cells if c.value == risky)
    assert cell.data_type == "s" and cell.quotePrefix  # text, never a formula


def test_several_jobs_as_json_are_keyed_by_job_file_stem(runner, inbox, jobs):
    result = runner.invoke(
        app, ["rank", "--job", str(jobs["sre"]), "--job", str(jobs["accountant"]), str(inbox), "--json"]
    )
    assert result.exit_code == 0, result.output
    rankings = json.loads(result.stdout)
    assert list(rankings) == ["sre", "accountant"]
    assert rankings["accountant"][0]["id"] == "chloe"


def test_unreadable_files_are_reported_and_left_out(runner, inbox, jobs):
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<")
    result = runner.invoke(app, ["rank", "--job", str(jobs["sre"]), str(inbox), "--json"])
    assert result.exit_code == 3, result.output  # the rule of every command: a file unread is a 3
    assert [r["id"] for r in json.loads(result.stdout)] == ["ana", "ben", "chloe"]
    assert "empty.txt" in result.stderr and "empty_file" in result.stderr
    assert "broken.pdf" in result.stderr and "corrupt_file" in result.stderr
    assert "2 could not be read: broken.pdf (corrupt_file), empty.txt (empty_file)" in result.stderr


def test_one_unreadable_resume_exits_3(runner, tmp_path, jobs):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = runner.invoke(app, ["rank", "--job", str(jobs["sre"]), str(path), "--json"])
    assert result.exit_code == 3
    assert result.stdout == ""
    assert '"code": "empty_file"' in result.stderr


def test_one_readable_resume_is_ranked(runner, inbox, jobs):
    result = runner.invoke(app, ["rank", "--job", str(jobs["sre"]), str(inbox / "ana.txt"), "--json"])
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in json.loads(result.stdout)] == ["ana"]


@pytest.mark.parametrize(
    "args",
    [
        [],  # no --job
        ["--as-of", "June 2025"],
        ["--selected", "40", "--considered", "60"],
    ],
)
def test_usage_errors_exit_2(runner, inbox, jobs, args):
    job = [] if not args else ["--job", str(jobs["sre"])]
    result = runner.invoke(app, ["rank", *job, str(inbox), *args])
    assert result.exit_code == 2


def test_thresholds_change_categories(runner, inbox, jobs):
    result = runner.invoke(
        app,
        [
            "rank",
            "--job",
            str(jobs["sre"]),
            str(inbox),
            "--json",
            "--selected",
            "100",
            "--considered",
            "99.9",
        ],
    )
    assert {r["category"] for r in json.loads(result.stdout)} == {"rejected"}


def test_installed_program_ranks_with_two_workers_and_a_progress_bar(inbox, jobs, tmp_path):
    program = Path(sys.executable).parent / "resumeiq"
    out = tmp_path / "out"
    proc = subprocess.run(
        [
            str(program),
            "rank",
            "--job",
            str(jobs["sre"]),
            str(inbox),
            "--out",
            str(out),
            "--jobs",
            "2",
            "--as-of",
            "2025-06",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "parsing" in proc.stderr and "3/3" in proc.stderr
    assert [r["id"] for r in json.loads((out / "sre.ranking.json").read_text())] == ["ana", "ben", "chloe"]


def test_files_sharing_a_stem_keep_their_whole_names_as_ids(runner, inbox, jobs):
    (inbox / "ana.md").write_text(RESUMES["ana.txt"])
    result = runner.invoke(app, ["rank", "--job", str(jobs["sre"]), str(inbox), "--json"])
    assert result.exit_code == 0, result.output
    assert {r["id"] for r in json.loads(result.stdout)} == {"ana.txt", "ana.md", "ben", "chloe"}


def test_the_table_names_people_and_what_they_have_and_lack(runner, inbox, jobs):
    result = runner.invoke(app, ["rank", "--job", str(jobs["sre"]), str(inbox)], env={"COLUMNS": "220"})
    assert result.exit_code == 0, result.output
    header = next(line for line in result.stdout.splitlines() if "matched required" in line)
    assert "missing required" in header
    ana = next(line for line in result.stdout.splitlines() if "Ana Silva" in line)
    ben = next(line for line in result.stdout.splitlines() if "Ben Okafor" in line)
    assert "Terraform, Kubernetes, Python" in ana and "ana.txt" in ana
    assert "Terraform, Kubernetes" in ben and ben.rstrip(" │").endswith("Python")  # what Ben lacks, last


def test_the_table_never_shows_a_file_name_as_a_persons_name(runner, inbox, jobs):
    (inbox / "cara-2024.txt").write_text(RESUMES["ana.txt"].replace("Ana Silva\n", "").replace("ana@", "c@"))
    result = runner.invoke(app, ["rank", "--job", str(jobs["sre"]), str(inbox)], env={"COLUMNS": "220"})
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if "cara-2024.txt" in line)
    assert "(no name found)" in row and row.count("cara-2024") == 1, row
