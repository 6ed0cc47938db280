#!/usr/bin/env python3
"""Deterministic tailoring on ../shared/eval-dev: what it changes, what it never does, how fast.

    python benchmarks/tailoring.py [--shared ../shared] [--limit N]

Over every (job, resume) pair of the same occupation (the set's truth files), with the preview's
own code (``resumeiq.tailoring.work.preview``, in this process, one core):

- keyword coverage before/after: mean number of the job's required skills the resume shows;
- match score before/after (the engine's 0-100 score, the "after" read back from the tailored
  resume's Markdown export);
- invented facts: employers, titles, dates, degrees, institutions, certificates, contact details
  or numbers in the tailored resume that the original lacks (must be 0);
- dropped entries: roles, education, highlights or skills of the original missing (must be 0);
- export round trip over every readable resume of the set: the engine reads the Markdown, DOCX
  and PDF exports back; agreement for name, e-mail, phone, employers, titles and dates;
- preview latency p50/p95 (one preview: parse the original file, match, tailor, check, render,
  read back, letters; the service adds its database round trips).

Reads the set at run time; copies nothing of it anywhere.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _fields(doc: dict) -> dict[str, object]:
    basics = doc.get("basics") or {}
    out: dict[str, object] = {
        "name": basics.get("name"),
        "email": basics.get("email"),
        "phone": (basics.get("phone") or "").replace(" ", "").replace("-", ""),
    }
    for i, w in enumerate(doc.get("work") or []):
        out[f"employers/{i}"] = w.get("name")
        out[f"titles/{i}"] = w.get("position")
        out[f"dates/{i}"] = (w.get("startDate"), w.get("endDate"))
    return out


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
    from resumeiq.tailoring.guarantees import violations
    from resumeiq.tailoring.render import UnsupportedCharacters, render_resume
    from resumeiq.worker.engine_jobs import EngineFailure

    limits = ExtractLimits()
    resumes: dict[str, tuple[Path, str, dict, str]] = {}
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
        resumes[rid] = (
            path,
            truth.get("occupation") or "",
            parsed.resume.to_json_resume(),
            parsed.document.text,
        )
    jobs = []
    for truth_path in sorted((dev / "jobs").glob("*.truth.json")):
        truth = json.loads(truth_path.read_text())
        text = normalise_job_text((dev / "jobs" / f"{truth['id']}.txt").read_text())
        jobs.append((truth["id"], truth.get("occupation") or "", text, truth.get("company")))
    pairs = [(j, r) for j in jobs for r in resumes if j[1] and j[1] == resumes[r][1]]
    if args.limit:
        pairs = pairs[: args.limit]

    before_kw, after_kw, before_score, after_score, latency = [], [], [], [], []
    invented = dropped = failures = letters_ok = 0
    examples: list[str] = []
    for (job_id, _, text, company), rid in pairs:
        path, _, doc, original_text = resumes[rid]
        requirements = parse_job(text)
        started = time.perf_counter()
        out = work.preview(
            str(path),
            path.name,
            doc,
            job_id,
            requirements.model_dump(mode="json"),
            text,
            requirements.title,
            company,
            True,
            True,
            limits,
        )
        latency.append((time.perf_counter() - started) * 1000)
        if isinstance(out, EngineFailure):
            failures += 1
            continue
        kw = out["keywords"]
        before_kw.append(len(kw["before"]["matched"]))
        after_kw.append(len(kw["after"]["matched"]))
        before_score.append(kw["before"]["match_score"])
        after_score.append(kw["after"]["match_score"])
        letters_ok += out["cover_letter"]["status"] == "success"
        for problem in violations(doc, original_text, out["tailored"]):
            if "missing" in problem:
                dropped += 1
            else:
                invented += 1
            if len(examples) < 5:
                examples.append(f"{rid} × {job_id}: {problem}")

    agree: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    refused: Counter[str] = Counter()
    for _path, _, doc, _ in resumes.values():
        want = _fields(doc)
        for fmt in ("md", "docx", "pdf"):
            try:
                data = render_resume(doc, fmt)
            except UnsupportedCharacters:
                refused[fmt] += 1
                continue
            got = _fields(parse_resume(data, filename=f"x.{fmt}").resume.to_json_resume())
            for key, value in want.items():
                kind = key.split("/")[0]
                total[(fmt, kind)] += 1
                agree[(fmt, kind)] += got.get(key) == value

    def mean(values: list[float]) -> float:
        return statistics.fmean(values) if values else 0.0

    n = len(before_kw)
    print(
        f"pairs of the same occupation: {len(pairs)} ({len(resumes)} resumes, {len(jobs)} jobs); previews failed: {failures}"
    )
    print(f"required skills shown, mean:  before {mean(before_kw):.2f}  after {mean(after_kw):.2f}")
    print(f"match score, mean:            before {mean(before_score):.1f}  after {mean(after_score):.1f}")
    print(
        f"invented facts: {invented}   dropped entries: {dropped}   cover letters written: {letters_ok}/{n}"
    )
    for example in examples:
        print(f"  {example}")
    if latency:
        ordered = sorted(latency)
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        print(
            f"preview latency (ms): p50 {statistics.median(ordered):.0f}  p95 {p95:.0f}  (target p95 <= 150)"
        )
    print("export round trip (agreement):")
    kinds = ["name", "email", "phone", "employers", "titles", "dates"]
    print("  format  " + "  ".join(f"{k:>9}" for k in kinds) + "  refused")
    for fmt in ("md", "docx", "pdf"):
        cells = [
            f"{agree[(fmt, k)] / total[(fmt, k)]:9.3f}" if total[(fmt, k)] else f"{'-':>9}" for k in kinds
        ]
        print(f"  {fmt:6}  " + "  ".join(cells) + f"  {refused[fmt]:7d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
