#!/usr/bin/env python3
"""Build a set of synthetic resumes of invented people in many layouts, in the eval-dev format.

    python scripts/synth/build.py --out DIR --n N [--seed S] [--renderers train|heldout] [--jobs 2]
                                  [--as-of 2025-06] [--no-postings]

DIR gets manifest.tsv (id, file, group, format), resumes/<id>.<pdf|docx|txt> and
truth/<id>.truth.json (the JSON Resume, the pointers of values not shown, the layout, occupation,
seniority, years of experience, canonical skills and aliases, pages): eval-dev's score.py scores it
(benchmarks/eval_engine.py --synth DIR), scripts/train_entries.py trains on it. It also gets
invented postings (one per occupation with five resumes or more) and the relevance grade of every
pair (jobs.py: jobs/, qrels.tsv), so that eval_engine ranks it too; ``--no-postings`` leaves them
out. ``--jobs`` is the number of worker processes, not of postings.

``--renderers`` picks a family of layouts (scripts/synth/layouts.py): "train" for training sets,
"heldout" (other frames, entry arrangements and option combinations) for measuring the engine on
layouts it was not trained on. The same seed and n give the same files, byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compose import Composer  # noqa: E402
from layouts import FAMILIES, LAYOUTS, make_style, pick_layout  # noqa: E402
from people import make_person  # noqa: E402
from render_docx import render_docx  # noqa: E402
from render_pdf import render_pdf  # noqa: E402
from render_txt import render_txt  # noqa: E402

from jobs import write_jobs  # noqa: E402

RENDERERS = {"pdf": render_pdf, "docx": render_docx, "txt": render_txt}


def resume_id(seed: int, index: int, family: str) -> str:
    return "res-" + hashlib.sha1(f"{seed}:{family}:{index}".encode()).hexdigest()[:7]


def build_one(seed: int, index: int, family: str, out: Path, as_of: str, layout: str | None = None) -> tuple[str, str, str, str]:
    """Write one resume and its truth; the manifest row."""
    rng = random.Random(f"{seed}:{family}:{index}")
    person = make_person(rng, as_of)
    name = layout or pick_layout(rng, family)
    style = make_style(name, person, rng)
    composer = Composer(person, style, rng)
    header, sections = composer.compose()
    data, pages = RENDERERS[style.renderer](header, sections, style, rng, person.resume["basics"]["name"])
    rid = resume_id(seed, index, family)
    ext = style.renderer
    file = f"resumes/{rid}.{ext}"
    (out / file).write_bytes(data)
    truth = {
        "id": rid,
        "file": file,
        "group": "main",
        "format": ext,
        "render": {"kind": "synth", "renderer": style.renderer, "layout": name,
                   "options": {"frame": style.frame, "work": style.work, "edu": style.edu, "font": style.font,
                               "size": style.size, "bullet": style.bullet, "dates": style.dates.style,
                               "lang": style.lang}},
        "occupation": person.occupation,
        "seniority": person.seniority,
        "years_experience": person.years_experience,
        "as_of": as_of,
        "skills_canonical": person.skills_canonical,
        "skill_aliases": person.skill_aliases,
        "resume": person.resume,
        "not_rendered": sorted(composer.hidden),
        "pages": pages,
    }
    (out / "truth" / f"{rid}.truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n")
    return rid, file, "main", ext


def _job(args: tuple) -> tuple[str, str, str, str]:
    return build_one(*args)


def build(out: Path, n: int, seed: int, family: str, jobs: int = 2, as_of: str = "2025-06", layout: str | None = None) -> list[tuple]:
    if out.exists():
        shutil.rmtree(out)
    (out / "resumes").mkdir(parents=True)
    (out / "truth").mkdir()
    tasks = [(seed, i, family, out, as_of, layout) for i in range(n)]
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            rows = list(pool.map(_job, tasks, chunksize=max(1, min(16, n // (jobs * 4) or 1))))
    else:
        rows = [_job(t) for t in tasks]
    rows.sort()
    lines = ["id\tfile\tgroup\tformat"] + ["\t".join(r) for r in rows]
    (out / "manifest.tsv").write_text("\n".join(lines) + "\n")
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--renderers", choices=sorted(FAMILIES), default="train")
    ap.add_argument("--layout", choices=sorted(LAYOUTS), help="only this layout (for looking at one)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--as-of", default="2025-06")
    ap.add_argument("--no-postings", action="store_true",
                    help="no invented postings and qrels.tsv (scripts/synth/jobs.py)")
    a = ap.parse_args()
    if "/shared/" in str(a.out.resolve()) + "/":
        sys.exit("write generated sets outside the shared measurement folder")
    t0 = time.perf_counter()
    rows = build(a.out, a.n, a.seed, a.renderers, a.jobs, a.as_of, a.layout)
    n_jobs = 0 if a.no_postings else write_jobs(a.out, a.seed)
    by_format: dict[str, int] = {}
    for r in rows:
        by_format[r[3]] = by_format.get(r[3], 0) + 1
    print(f"{len(rows)} resumes ({', '.join(f'{k} {v}' for k, v in sorted(by_format.items()))}) "
          f"{f'and {n_jobs} postings ' if n_jobs else ''}→ {a.out} in {time.perf_counter() - t0:.1f}s")


if __name__ == "__main__":
    main()
