#!/usr/bin/env python3
"""Ranking quality and speed on ../shared/eval-dev: resumeiq next to two lexical baselines.

    python benchmarks/eval_ranking.py [--shared ../shared] [--out bench-out] [--as-of YYYY-MM] [--no-today]

1. The ranking pool (every resume judged in qrels.tsv) is ranked against every job with
   `resumeiq rank --job … --out` (both cores); wall time gives resumes per second.
2. On the same extracted text (the engine's `extract_text`), two baselines rank the same pool:
   BM25 (Okapi, k1=1.2, b=0.75, the posting as the query) and TF-IDF cosine (smoothed idf over
   the pool, L2-normalised vectors). Same tokenizer for both: lower-case words, English stop words out.
3. The set's own score.py scores all three; the table shows nDCG@10, pair accuracy of grade 3
   over grade 2, P@5 counting only grade 3 (and its share of the ideal), MRR of grade 3, and
   the other metrics score.py reports.

`--as-of`: the month ongoing roles run to. The set's truth computes years of experience as of one
date (its truth files' `as_of`, 2025-06 for this set); by default the benchmark uses that date,
and it also reports resumeiq as of today (`--no-today` skips that run) to show how much the
clock matters.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESUMEIQ = [str(Path(sys.executable).parent / "resumeiq")]
STOP = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
    ]
)
TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*(?:\.[a-z0-9]+)*")
METRICS = [
    ("ndcg@10", "nDCG@10", 0.97),
    ("pairacc_3v2", "pair accuracy grade 3 > grade 2", 0.95),
    ("p@5_g3", "P@5 (grade 3 only)", None),
    ("mrr_g3", "MRR (grade 3)", 0.95),
    ("p@5", "P@5 (grade >= 2)", None),
    ("mrr", "MRR (grade >= 2)", None),
    ("ndcg@10_adjpool", "nDCG@10 within grade >= 1", None),
    ("pairacc_2v1", "pair accuracy grade 2 > grade 1", None),
]


def tokens(text: str) -> list[str]:
    return [t for t in TOKEN.findall(text.lower()) if t not in STOP]


def read_qrels(split: Path) -> dict[str, dict[str, int]]:
    qrels: dict[str, dict[str, int]] = {}
    for line in (split / "qrels.tsv").read_text().splitlines()[1:]:
        job, rid, grade = line.split("\t")
        qrels.setdefault(job, {})[rid] = int(grade)
    return qrels


def set_as_of(split: Path) -> str | None:
    """The date the set's truth computes years of experience to (most common ``as_of``)."""
    dates = Counter()
    for path in (split / "truth").glob("*.truth.json"):
        value = json.loads(path.read_text()).get("as_of")
        if value:
            dates[value[:7]] += 1
    return dates.most_common(1)[0][0] if dates else None


def pool_dir(split: Path, qrels: dict[str, dict[str, int]], out: Path) -> Path:
    """A folder with the ranking pool's files (links), so that only judged resumes are ranked."""
    ids = {rid for rel in qrels.values() for rid in rel}
    rows = [line.split("\t") for line in (split / "manifest.tsv").read_text().splitlines()[1:]]
    pool = out / "ranking-pool"
    shutil.rmtree(pool, ignore_errors=True)
    pool.mkdir(parents=True)
    for row in rows:
        if row[0] in ids:
            (pool / Path(row[1]).name).symlink_to((split / row[1]).resolve())
    return pool


def run_resumeiq(
    split: Path, pool: Path, pred: Path, as_of: str | None, limit_jobs: int | None = None
) -> float:
    shutil.rmtree(pred, ignore_errors=True)
    cmd = [*RESUMEIQ, "rank", str(pool), "--out", str(pred)]
    for job in sorted((split / "jobs").glob("*.txt"))[:limit_jobs]:
        cmd += ["--job", str(job)]
    if as_of:
        cmd += ["--as-of", as_of]
    t0 = time.perf_counter()
    res = subprocess.run(cmd, text=True, capture_output=True)
    dt = time.perf_counter() - t0
    if res.returncode != 0:
        sys.exit(f"resumeiq rank failed ({res.returncode}):\n{res.stderr}")
    return dt


def baselines(split: Path, pool: Path, out: Path) -> dict[str, float]:
    """BM25 and TF-IDF rankings of the pool, written as <job>.ranking.json; returns seconds each."""
    from resumeiq.engine import extract_text

    t0 = time.perf_counter()
    docs = {}
    for path in sorted(pool.iterdir()):
        docs[path.stem] = tokens(extract_text(path.read_bytes(), filename=path.name).text)
    extract_s = time.perf_counter() - t0
    jobs = {p.stem: tokens(p.read_text()) for p in sorted((split / "jobs").glob("*.txt"))}
    n = len(docs)
    df = Counter(t for toks in docs.values() for t in set(toks))
    avgdl = sum(len(t) for t in docs.values()) / n
    times = {}

    t0 = time.perf_counter()
    k1, b = 1.2, 0.75
    tfs = {rid: Counter(toks) for rid, toks in docs.items()}
    for job, query in jobs.items():
        scores = {}
        for rid, tf in tfs.items():
            norm = k1 * (1 - b + b * len(docs[rid]) / avgdl)
            s = 0.0
            for term in set(query):
                f = tf.get(term, 0)
                if f:
                    idf = math.log(1 + (n - df[term] + 0.5) / (df[term] + 0.5))
                    s += idf * f * (k1 + 1) / (f + norm)
            scores[rid] = s
        write_ranking(out / "bm25", job, scores)
    times["BM25"] = extract_s + time.perf_counter() - t0

    t0 = time.perf_counter()
    idf = {t: math.log((1 + n) / (1 + d)) + 1 for t, d in df.items()}

    def vector(toks: list[str]) -> dict[str, float]:
        v = {t: c * idf.get(t, math.log(1 + n) + 1) for t, c in Counter(toks).items()}
        length = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / length for t, x in v.items()}

    vecs = {rid: vector(toks) for rid, toks in docs.items()}
    for job, query in jobs.items():
        q = vector(query)
        scores = {rid: sum(w * v.get(t, 0.0) for t, w in q.items()) for rid, v in vecs.items()}
        write_ranking(out / "tfidf", job, scores)
    times["TF-IDF"] = extract_s + time.perf_counter() - t0
    return times


def in_process_speed(split: Path, pool: Path, as_of: str | None) -> dict[str, float]:
    """One process: parse + prepare per resume, then match every (resume, job) pair."""
    from resumeiq.engine import parse_resume
    from resumeiq.engine.match.match import match_prepared, prepare_job, prepare_resume
    from resumeiq.engine.match.text import corpus_stats

    files = sorted(pool.iterdir())
    prepare_resume(parse_resume(files[0].read_bytes(), filename=files[0].name))  # warm up: data files
    t0 = time.perf_counter()
    prepared = [prepare_resume(parse_resume(f.read_bytes(), filename=f.name)) for f in files]
    parse_s = time.perf_counter() - t0
    stats = corpus_stats(p.tokens for p in prepared)
    jobs = [prepare_job(j.read_text()) for j in sorted((split / "jobs").glob("*.txt"))]
    t0 = time.perf_counter()
    for job in jobs:
        for p in prepared:
            match_prepared(p, job, stats=stats, as_of=as_of)
    match_s = time.perf_counter() - t0
    return {
        "resumeiq parse + prepare (one process)": len(files) / parse_s,
        "resumeiq match, pairs/s (one process)": len(files) * len(jobs) / match_s,
    }


def write_ranking(folder: Path, job: str, scores: dict[str, float]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    order = sorted(scores, key=lambda rid: (-scores[rid], rid))
    (folder / f"{job}.ranking.json").write_text(
        json.dumps([{"id": rid, "score": round(scores[rid], 6)} for rid in order])
    )


def score(split: Path, pred: Path, scorer: Path | None = None) -> dict[str, float]:
    """score.py's ranking means; ``scorer`` for a set without its own score.py (a generated one)."""
    summary = pred / "score_summary.json"
    res = subprocess.run(
        [
            sys.executable,
            str(scorer if scorer and not (split / "score.py").is_file() else split / "score.py"),
            "--split",
            str(split),
            "--pred",
            str(pred),
            "--only",
            "rank",
            "--summary",
            str(summary),
            "--quiet",
        ],
        text=True,
        capture_output=True,
    )
    if res.returncode != 0:
        sys.exit(f"score.py failed:\n{res.stderr}")
    data = json.loads(summary.read_text())
    return data["ranking"]["mean"]


def ideal_p5_g3(qrels: dict[str, dict[str, int]]) -> float:
    return sum(min(5, sum(g == 3 for g in rel.values())) / 5 for rel in qrels.values()) / len(qrels)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "bench-out")
    ap.add_argument("--as-of", help="YYYY-MM that ongoing roles run to (default: the set's own as_of)")
    ap.add_argument("--no-today", action="store_true", help="skip the extra resumeiq run as of today")
    a = ap.parse_args()
    split = a.shared / "eval-dev"
    out = a.out / "ranking"
    out.mkdir(parents=True, exist_ok=True)
    qrels = read_qrels(split)
    pool = pool_dir(split, qrels, out)
    n_resumes = len(list(pool.iterdir()))
    n_jobs = len(list((split / "jobs").glob("*.txt")))
    as_of = a.as_of or set_as_of(split)

    systems: dict[str, dict[str, float]] = {}
    speeds: dict[str, float] = {}
    dt = run_resumeiq(split, pool, out / "resumeiq", as_of)
    systems[f"resumeiq (as of {as_of or 'today'})"] = score(split, out / "resumeiq")
    speeds[f"resumeiq rank CLI, {n_jobs} jobs (all cores, parse + match)"] = n_resumes / dt
    dt1 = run_resumeiq(split, pool, out / "resumeiq-one-job", as_of, limit_jobs=1)
    speeds["resumeiq rank CLI, 1 job (all cores, parse + match)"] = n_resumes / dt1
    speeds.update(in_process_speed(split, pool, as_of))
    if not a.no_today and as_of:
        run_resumeiq(split, pool, out / "resumeiq-today", None)
        systems["resumeiq (as of today)"] = score(split, out / "resumeiq-today")
    times = baselines(split, pool, out)
    for name, seconds in times.items():
        systems[name] = score(split, out / name.lower().replace("-", ""))
        speeds[f"{name} (one process, extract + rank)"] = n_resumes / seconds

    ideal = ideal_p5_g3(qrels)
    names = list(systems)
    width = max(len(label) for _, label, _ in METRICS) + 2
    print(f"Ranking on eval-dev: {n_resumes} resumes x {n_jobs} jobs (score.py means over jobs)\n")
    print(f"{'metric':{width}s}" + "".join(f"{n:>28s}" for n in names) + f"{'target':>10s}")
    for key, label, target in METRICS:
        row = f"{label:{width}s}"
        for n in names:
            value = systems[n].get(key, float("nan"))
            cell = f"{value:.4f}" + (f" ({value / ideal:.0%} of ideal)" if key == "p@5_g3" and ideal else "")
            row += f"{cell:>28s}"
        goal = f">= {target:.2f}" if target else (f">= {0.9 * ideal:.2f}" if key == "p@5_g3" else "")
        print(row + f"{goal:>10s}")
    print(f"\nideal P@5 (grade 3 only) = {ideal:.4f}")
    print(f"\nSpeed ({os.cpu_count()} cores; wall clock, includes process start-up for the CLI):")
    for name, rate in speeds.items():
        unit = "" if "pairs/s" in name else " resumes/s"
        print(f"  {name:58s} {rate:8.1f}{unit}")
    print(f"\nrankings: {out}/<system>/<job>.ranking.json")


if __name__ == "__main__":
    main()
