#!/usr/bin/env python3
"""The checks on a language model's rewrites, over ../shared/eval-dev (no model needed).

    python benchmarks/tailoring_llm.py [--shared ../shared] [--limit N]

For each (job, resume) pair of the same occupation, three scripted "models" rewrite every bullet,
and the preview's own code (``resumeiq.tailoring.work.preview_llm``, this process, one core)
checks them:

- honest: each bullet with an ordinary phrase appended (" for the team") — kept rate;
- invented employer: " at Quorvane Logistics" appended (a name no resume has) — caught rate;
- invented number: " for 7,319 users" appended — caught rate;

and the time of a preview with every bullet rewritten (p50/p95 ms) against ``work.preview`` alone.
The model's own latency is not here (the server decides it; the tests script it). Reads the set
at run time; copies nothing of it anywhere.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = {"honest": " for the team", "employer": " at Quorvane Logistics", "number": " for 7,319 users"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--limit", type=int, default=0, help="at most this many pairs (0: all)")
    args = parser.parse_args()
    dev = args.shared / "eval-dev"
    if not (dev / "manifest.tsv").is_file():
        print(f"the development set is not at {dev}", file=sys.stderr)
        return 2

    from resumeiq.engine import EngineError, ExtractLimits, parse_resume
    from resumeiq.engine.match.jobs import normalise_job_text, parse_job
    from resumeiq.tailoring import work
    from resumeiq.tailoring.llm import bullets_of

    limits = ExtractLimits()
    resumes = {}
    for line in (dev / "manifest.tsv").read_text().splitlines()[1:]:
        rid, file, group, *_ = line.split("\t")
        if group != "main":
            continue
        truth = json.loads((dev / "truth" / f"{rid}.truth.json").read_text())
        path = dev / file
        try:
            parsed = parse_resume(path.read_bytes(), filename=path.name)
        except EngineError:
            continue
        resumes[rid] = (path, truth.get("occupation") or "", parsed.resume.to_json_resume())
    jobs = []
    for truth_path in sorted((dev / "jobs").glob("*.truth.json")):
        truth = json.loads(truth_path.read_text())
        text = normalise_job_text((dev / "jobs" / f"{truth['id']}.txt").read_text())
        jobs.append((truth["id"], truth.get("occupation") or "", text, truth.get("company")))
    pairs = [(j, r) for j in jobs for r in resumes if j[1] and j[1] == resumes[r][1]]
    if args.limit:
        pairs = pairs[: args.limit]

    offered = {k: 0 for k in SUFFIXES}
    kept = {k: 0 for k in SUFFIXES}
    base_ms: list[float] = []
    llm_ms: list[float] = []
    if pairs:  # warm up (taxonomy, first parse) outside the timings
        (job_id, _, text, company), rid = pairs[0]
        path, _, doc = resumes[rid]
        req = parse_job(text)
        work.preview(
            str(path),
            path.name,
            doc,
            job_id,
            req.model_dump(mode="json"),
            text,
            req.title,
            company,
            False,
            False,
            limits,
        )
    for (job_id, _, text, company), rid in pairs:
        path, _, doc = resumes[rid]
        req = parse_job(text)
        common = (str(path), path.name, doc, job_id, req.model_dump(mode="json"), text, req.title, company)
        started = time.perf_counter()
        work.preview(*common, False, False, limits)
        base_ms.append((time.perf_counter() - started) * 1000)
        bullets = bullets_of(doc)
        for kind, suffix in SUFFIXES.items():
            changes = [
                {
                    "id": "",
                    "path": p,
                    "op": "changed",
                    "before": b,
                    "after": b.rstrip(". ") + suffix,
                    "reason": "",
                }
                for p, b in bullets.items()
            ]
            started = time.perf_counter()
            out = work.preview_llm(*common, False, False, changes, limits)
            if kind == "honest":
                llm_ms.append((time.perf_counter() - started) * 1000)
            if isinstance(out, dict):
                offered[kind] += len(changes)
                kept[kind] += out["llm_kept"]

    def pct(values: list[float], q: float) -> float:
        return statistics.quantiles(values, n=100)[q - 1] if len(values) >= 2 else (values or [0])[0]

    print(f"pairs: {len(pairs)}, bullets rewritten per kind: {offered['honest']}")
    print(f"honest rewrites kept:      {kept['honest']}/{offered['honest']}")
    print(f"invented employer caught:  {offered['employer'] - kept['employer']}/{offered['employer']}")
    print(f"invented number caught:    {offered['number'] - kept['number']}/{offered['number']}")
    print(f"deterministic preview ms:  p50 {pct(base_ms, 50):.1f}  p95 {pct(base_ms, 95):.1f}")
    print(f"with every bullet rewritten ms: p50 {pct(llm_ms, 50):.1f}  p95 {pct(llm_ms, 95):.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
