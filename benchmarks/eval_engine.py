#!/usr/bin/env python3
"""Measure the engine on every shared set; print one table per set and the speed ratios.

    python benchmarks/eval_engine.py [--shared ../shared] [--out bench-out] [--sets dev,layouts,public,real]
                                     [--synth DIR] [--skip-speed] [--skip-rank] [--repeat 5]

Each set is read with `resumeiq parse DIR --out` (the CLI a user runs) and scored by the set's own
score.py; nothing here reads a set's truth to shape the output.

1. eval-dev and eval-layouts (synthetic, exact truth): parsing F1 per field, ATS pairs, hard files;
   phones as E.164 against the truth's number in its own country (a stricter line than score.py's
   "last 9 digits"); ranking with `resumeiq rank --as-of` the set's date (nDCG@10, grade 3 over
   grade 2, MRR of grade 3).
2. eval-public (public resumes found in the wild, hand-labelled): its score.py table.
3. eval-real (310 real anonymised texts): macro F1 over eight labels.
4. --synth DIR: any further set in the eval-dev format (e.g. held-out layouts made by
   scripts/synth), scored like eval-layouts; ranked too when it has jobs and qrels.tsv
   (scripts/synth/build.py writes them), with eval-dev's score.py when it has none of its own.
5. Speed on the text PDFs of eval-dev and eval-layouts: resumes per CPU-second in one process next
   to pypdfium2 pulling the text alone (the floor), and the CPU `resumeiq parse DIR` spends (start-up,
   imports, worker pool included) per CPU-second of the in-process run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
RESUMEIQ = [str(Path(sys.executable).parent / "resumeiq")]


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, text=True, capture_output=True, **kw)


def parse_dir(src: Path, pred: Path) -> float:
    shutil.rmtree(pred, ignore_errors=True)
    t0 = time.perf_counter()
    res = run([*RESUMEIQ, "parse", str(src), "--out", str(pred)])
    if res.returncode not in (0, 3):
        sys.exit(f"resumeiq parse failed ({res.returncode}):\n{res.stderr}")
    return time.perf_counter() - t0


# --------------------------------------------------------------------------- synthetic sets


def synthetic_set(name: str, split: Path, out: Path, rank: bool, scorer: Path | None = None) -> None:
    pred = out / name
    dt = parse_dir(split / "resumes", pred)
    n = len(list((split / "resumes").iterdir()))
    print(f"\n=== {name}: {n} files parsed with `resumeiq parse` in {dt:.2f}s")
    only = "parse,hard"
    if (split / "ats_pairs.tsv").is_file():
        ats_dir = out / f"{name}-ats"
        shutil.rmtree(ats_dir, ignore_errors=True)
        res = run([*RESUMEIQ, "analyze", str(split / "resumes"), "--out", str(ats_dir)])
        if res.returncode not in (0, 3):
            sys.exit(f"resumeiq analyze failed ({res.returncode}):\n{res.stderr}")
        for review in ats_dir.glob("*.json"):
            if not review.name.endswith(".error.json"):
                score = json.loads(review.read_text())["ats_score"]
                (pred / f"{review.stem}.ats.json").write_text(json.dumps({"ats_score": score}))
        only += ",ats"
    score_py = split / "score.py" if (split / "score.py").is_file() else scorer
    res = run([sys.executable, str(score_py), "--split", str(split), "--pred", str(pred), "--only", only])
    print(res.stdout.rstrip())
    if res.returncode:
        print(res.stderr)
    phones_e164(split, pred)
    if rank and (split / "qrels.tsv").is_file():
        ranking(name, split, out, score_py)


def phones_e164(split: Path, pred: Path) -> None:
    """Every resume's phone as E.164, the truth's read in the truth's own country."""
    import phonenumbers

    total = equal = 0
    wrong: list[str] = []
    for truth_file in sorted((split / "truth").glob("*.truth.json")):
        truth = json.loads(truth_file.read_text())
        basics = (truth.get("resume") or {}).get("basics") or {}
        if truth.get("group") != "main" or not basics.get("phone"):
            continue
        pointer = "/basics/phone"
        if pointer in truth.get("not_rendered", []):
            continue
        country = (basics.get("location") or {}).get("countryCode")
        try:
            expected = phonenumbers.format_number(
                phonenumbers.parse(basics["phone"], country), phonenumbers.PhoneNumberFormat.E164
            )
        except phonenumbers.NumberParseException:
            continue
        total += 1
        stem = Path(truth["file"]).stem
        out = pred / f"{stem}.json"
        got = None
        if out.is_file():
            phone = json.loads(out.read_text()).get("basics", {}).get("phone")
            if phone:
                try:
                    got = phonenumbers.format_number(phonenumbers.parse(phone, None), phonenumbers.PhoneNumberFormat.E164)
                except phonenumbers.NumberParseException:
                    got = f"(not E.164: {phone})"
        if got == expected:
            equal += 1
        else:
            wrong.append(f"{stem}: {expected} → {got}")
    print(f"PHONES   E.164 equal to the truth: {equal}/{total}")
    for line in wrong[:10]:
        print(f"         {line}")


def ranking(name: str, split: Path, out: Path, scorer: Path | None = None) -> None:
    import eval_ranking as er

    qrels = er.read_qrels(split)
    work = out / f"{name}-ranking"
    work.mkdir(parents=True, exist_ok=True)
    pool = er.pool_dir(split, qrels, work)
    as_of = er.set_as_of(split)
    er.run_resumeiq(split, pool, work / "resumeiq", as_of)
    means = er.score(split, work / "resumeiq", scorer)
    cells = ", ".join(
        f"{label} {means.get(key, float('nan')):.3f}"
        for key, label in (("ndcg@10", "nDCG@10"), ("pairacc_3v2", "grade 3 over 2"), ("mrr_g3", "MRR grade 3"))
    )
    print(f"RANKING  (as of {as_of}) {cells}")


# --------------------------------------------------------------------------- real sets


def eval_public(shared: Path, out: Path) -> None:
    split = shared / "eval-public"
    pred = out / "eval-public"
    dt = parse_dir(split / "files", pred)
    print(f"\n=== eval-public: {len(list((split / 'files').iterdir()))} files in {dt:.2f}s")
    env = {**os.environ, "NOSAVE": "1"}
    res = run([sys.executable, str(split / "score.py"), str(pred)], cwd=split, env=env)
    print(res.stdout.rstrip())
    if res.returncode:
        print(res.stderr)


def eval_real(shared: Path, out: Path) -> None:
    truth = shared / "eval-real"
    pred = out / "eval-real"
    src = out / "eval-real-txt"
    shutil.rmtree(src, ignore_errors=True)
    src.mkdir(parents=True)
    for f in truth.glob("*.txt"):
        shutil.copy(f, src / f.name)
    dt = parse_dir(src, pred)
    print(f"\n=== eval-real: 310 texts in {dt:.2f}s")
    res = run([sys.executable, str(truth / "score.py"), str(pred), str(truth), "--json-out", str(out / "eval-real-summary.json")])
    print(res.stdout.rstrip())
    if res.returncode:
        print(res.stderr)


# --------------------------------------------------------------------------- speed


def text_pdfs(shared: Path) -> list[Path]:
    files = []
    for name in ("eval-dev", "eval-layouts"):
        split = shared / name
        if not (split / "manifest.tsv").is_file():
            continue
        for row in (line.split("\t") for line in (split / "manifest.tsv").read_text().splitlines()[1:]):
            if row[3] == "pdf" and row[2] == "main":
                files.append(split / row[1])
    return files


def speed(shared: Path, out: Path, repeat: int) -> None:
    import pypdfium2 as pdfium

    from resumeiq.engine import parse_resume

    files = text_pdfs(shared)
    pdfs = [f.read_bytes() for f in files]

    def floor(data: bytes) -> None:
        pdf = pdfium.PdfDocument(data)
        for page in pdf:
            page.get_textpage().get_text_range()
        pdf.close()

    for data in pdfs[:3]:  # warm up: data files, automata, imports
        parse_resume(data)
    rates: dict[str, float] = {}
    cpu_in_process = []
    for label, fn in (("pypdfium2 text only (floor)", floor), ("resumeiq parse, in process", parse_resume)):
        runs = []
        for _ in range(repeat):
            t0 = time.process_time()
            for data in pdfs:
                fn(data)
            runs.append(time.process_time() - t0)
        if fn is parse_resume:
            cpu_in_process = runs
        rates[label] = len(pdfs) / statistics.median(runs)

    # The CLI on a folder of the same files: all CPU of the command and its worker processes.
    folder = out / "speed-pdfs"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for i, f in enumerate(files):
        (folder / f"{i:03d}-{f.name}").symlink_to(f.resolve())
    cli_cpu = []
    for _ in range(max(1, repeat // 2)):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        parse_dir(folder, out / "speed-pred")
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cli_cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)

    in_rate = rates["resumeiq parse, in process"]
    print(f"\n=== speed: {len(pdfs)} text PDFs (eval-dev + eval-layouts), CPU time, median of {repeat} runs")
    for label, rate in rates.items():
        print(f"  {label:40s} {rate:8.1f} resumes per CPU-second")
    print(f"  {'resumeiq parse DIR (CLI, all processes)':40s} {len(pdfs) / statistics.median(cli_cpu):8.1f} resumes per CPU-second")
    print(f"  in-process rate        {in_rate:6.1f}/s    (target >= 100)")
    print(f"  floor / in-process     {rates['pypdfium2 text only (floor)'] / in_rate:6.2f}x    (target <= 3.0)")
    print(f"  CLI CPU / in-process   {statistics.median(cli_cpu) / statistics.median(cpu_in_process):6.2f}x    (target <= 1.6)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "bench-out")
    ap.add_argument("--sets", default="dev,layouts,public,real", help="comma-separated: dev, layouts, public, real")
    ap.add_argument("--synth", type=Path, action="append", default=[], help="a further set in the eval-dev format")
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--skip-rank", action="store_true")
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    sets = {s.strip() for s in a.sets.split(",") if s.strip()}
    if "dev" in sets:
        synthetic_set("eval-dev", a.shared / "eval-dev", a.out, not a.skip_rank)
    if "layouts" in sets:
        synthetic_set("eval-layouts", a.shared / "eval-layouts", a.out, not a.skip_rank)
    for split in a.synth:
        # A generated set (scripts/synth) is scored by eval-dev's scorer: it has the same format.
        synthetic_set(re.sub(r"\W+", "-", split.name), split, a.out, not a.skip_rank, a.shared / "eval-dev" / "score.py")
    if "public" in sets:
        eval_public(a.shared, a.out)
    if "real" in sets:
        eval_real(a.shared, a.out)
    if not a.skip_speed:
        speed(a.shared, a.out, a.repeat)


if __name__ == "__main__":
    main()
