#!/usr/bin/env python3
"""Measure the engine on ../shared/eval-dev and ../shared/eval-real; print the tables.

    python benchmarks/eval_engine.py [--shared ../shared] [--out bench-out] [--skip-speed]

1. eval-dev: `resumeiq parse DIR --out` over every resume; `<id>.ats.json` from the engine's
   review; the set's own score.py (parsing F1 per field, hard cases, ATS pairs).
2. eval-real: `resumeiq parse` over the 310 texts; the set's score.py (macro F1).
3. Throughput on the text PDFs of eval-dev, one process: resumes per second for the whole
   pipeline (extract + segment + parse) next to pypdfium2 alone pulling the text (the floor).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESUMEIQ = [str(Path(sys.executable).parent / "resumeiq")]


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, text=True, capture_output=True, **kw)


def eval_dev(shared: Path, out: Path) -> None:
    split = shared / "eval-dev"
    pred = out / "eval-dev"
    shutil.rmtree(pred, ignore_errors=True)
    t0 = time.perf_counter()
    res = run([*RESUMEIQ, "parse", str(split / "resumes"), "--out", str(pred)])
    dt = time.perf_counter() - t0
    if res.returncode not in (0, 3):
        sys.exit(f"resumeiq parse failed ({res.returncode}):\n{res.stderr}")
    print(f"eval-dev: parsed {len(list((split / 'resumes').iterdir()))} files with `resumeiq parse` in {dt:.2f}s")
    ats_dir = out / "eval-dev-ats"
    shutil.rmtree(ats_dir, ignore_errors=True)
    res = run([*RESUMEIQ, "analyze", str(split / "resumes"), "--out", str(ats_dir)])
    if res.returncode not in (0, 3):
        sys.exit(f"resumeiq analyze failed ({res.returncode}):\n{res.stderr}")
    for review in ats_dir.glob("*.json"):
        if review.name.endswith(".error.json"):
            continue
        data = json.loads(review.read_text())
        (pred / f"{review.stem}.ats.json").write_text(json.dumps({"ats_score": data["ats_score"]}))
    res = run([sys.executable, str(split / "score.py"), "--split", str(split), "--pred", str(pred), "--only", "parse,ats,hard"])
    print(res.stdout)
    if res.returncode:
        print(res.stderr)


def eval_real(shared: Path, out: Path) -> None:
    truth = shared / "eval-real"
    pred = out / "eval-real"
    src = out / "eval-real-txt"
    shutil.rmtree(pred, ignore_errors=True)
    shutil.rmtree(src, ignore_errors=True)
    src.mkdir(parents=True)
    for f in truth.glob("*.txt"):
        shutil.copy(f, src / f.name)
    t0 = time.perf_counter()
    res = run([*RESUMEIQ, "parse", str(src), "--out", str(pred)])
    dt = time.perf_counter() - t0
    if res.returncode not in (0, 3):
        sys.exit(f"resumeiq parse failed ({res.returncode}):\n{res.stderr}")
    print(f"eval-real: parsed 310 texts with `resumeiq parse` in {dt:.2f}s")
    res = run([sys.executable, str(truth / "score.py"), str(pred), str(truth), "--json-out", str(out / "eval-real-summary.json")])
    print(res.stdout)
    if res.returncode:
        print(res.stderr)


def speed(shared: Path, repeat: int) -> None:
    import pypdfium2 as pdfium

    from resumeiq.engine import parse_resume

    split = shared / "eval-dev"
    rows = [line.split("\t") for line in (split / "manifest.tsv").read_text().splitlines()[1:]]
    pdfs = [(split / r[1]).read_bytes() for r in rows if r[3] == "pdf" and r[2] == "main"]

    def floor(data: bytes) -> None:
        pdf = pdfium.PdfDocument(data)
        for page in pdf:
            page.get_textpage().get_text_range()
        pdf.close()

    for data in pdfs[:3]:  # warm up: data files, automata, imports
        parse_resume(data)
    results = {}
    for name, fn in (("pypdfium2 text only (floor)", floor), ("resumeiq parse (extract+segment+parse)", parse_resume)):
        rates = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            for data in pdfs:
                fn(data)
            rates.append(len(pdfs) / (time.perf_counter() - t0))
        results[name] = statistics.median(rates)
    print(f"throughput on {len(pdfs)} text PDFs, one process (median of {repeat} runs):")
    for name, rate in results.items():
        print(f"  {name:42s} {rate:8.1f} resumes/s per core")
    vals = list(results.values())
    print(f"  ratio floor / resumeiq: {vals[0] / vals[1]:.2f}x  (target: >= 50 resumes/s per core)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "bench-out")
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    eval_dev(a.shared, a.out)
    eval_real(a.shared, a.out)
    if not a.skip_speed:
        speed(a.shared, a.repeat)


if __name__ == "__main__":
    main()
