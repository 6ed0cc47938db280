#!/usr/bin/env python3
"""Train the entry labeller (src/resumeiq/engine/data/entries.crfsuite) on generated resumes.

    python scripts/train_entries.py SET [SET …] [--out MODEL] [--dev-share 0.1] [--c1 0.05] [--c2 3.0]

Each SET is a folder in the eval-dev format (manifest.tsv, resumes/, truth/) made by
scripts/synth/build.py from invented people: never one of the measurement sets under ../shared.
For every resume the engine extracts and segments the file exactly as it does at run time; the
pieces of its experience and education sections are labelled by aligning them with the truth
(JSON Resume): a piece inside an entry's position is TITLE, inside its employer or institution
ORG, inside its location LOC, a date piece matching its dates DATE, a piece inside the degree
DEGREE (its field FIELD), prose of its summary or highlights DESC, anything else O; the first
piece of each entry gets the B_ prefix. A CRF (python-crfsuite, L-BFGS with elastic net) is trained
on those sequences; a share of the resumes is kept aside and the labeller's per-label precision,
recall and F1 on them are printed. The L2 weight (--c2) is strong on purpose: with a weak one the
model leans on the generator's word lists and reads real resumes worse (measured on eval-layouts,
eval-public and eval-real: c2 0.01 → 0.3 → 1.0 → 3.0 raised each of them, then levelled off).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import unicodedata
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from resumeiq.engine import EngineError, extract_text, segment_sections  # noqa: E402
from resumeiq.engine.parse.education import degree_level, find_degree  # noqa: E402
from resumeiq.engine.parse.entries import MODEL_FILE, piece_features, section_pieces  # noqa: E402

DEFAULT_OUT = ROOT / "src" / "resumeiq" / "engine" / "data" / MODEL_FILE
HEADER_FIELDS = ("DATE", "TITLE", "ORG", "LOC", "DEGREE", "FIELD")


def norm(text: str | None) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _inside(piece: str, value: str) -> bool:
    """The piece's words are a run of the value's words."""
    if not piece or not value:
        return False
    return f" {piece} " in f" {value} "


def _month(value: str | None) -> str | None:
    return value[:7] if value else None


def _date_match(date, start: str | None, end: str | None) -> bool:
    """A date piece shows the entry's dates (to the month, or to the year when it gives a year)."""
    if date is None or date.start is None:
        return False

    def same(a: str | None, b: str | None) -> bool:
        if not a or not b:
            return False
        return a[: len(b)] == b[: len(a)] if min(len(a), len(b)) >= 4 else False

    starts = same(date.start, _month(start))
    ends = same(date.start, _month(end)) if date.single else False
    if date.single:
        return starts or ends
    finish_ok = (date.current and not end) or same(date.end, _month(end))
    return starts and (finish_ok or date.end is None)


def _degree_piece(text: str, entry: dict) -> bool:
    """The piece names the entry's degree, maybe abbreviated ("BSc" for Bachelor of Science), and
    nothing else than its field."""
    hit = find_degree(text, 0, len(text))
    study = entry.get("studyType") or ""
    if hit is None or not study:
        return False
    level = degree_level(study)
    if level is None or hit[3] != level:
        return False
    rest = norm(text[: hit[1]] + " " + text[hit[2] :])
    rest = re.sub(r"^(?:in|of|en|em|de|im|in the field of|major in)\s+", "", rest)
    area = norm(entry.get("area"))
    return not rest or _inside(rest, area) or (bool(area) and _inside(area, rest) and len(rest) <= len(area) + 12)


def _fields(entry: dict, kind: str) -> dict[str, list[str]]:
    if kind == "experience":
        desc = [entry.get("summary") or ""] + list(entry.get("highlights") or [])
        return {
            "TITLE": [norm(entry.get("position"))],
            "ORG": [norm(entry.get("name"))],
            "LOC": [norm(entry.get("location"))],
            "DESC": [norm(d) for d in desc if d],
        }
    study, area = entry.get("studyType") or "", entry.get("area") or ""
    return {
        "ORG": [norm(entry.get("institution"))],
        "DEGREE": [
            norm(f"{study} in {area}"), norm(f"{study} {area}"), norm(f"{study} of {area}"),
            norm(f"{area} {study}"), norm(study),
        ],
        "FIELD": [norm(area)],
        "LOC": [norm(entry.get("location"))],
        "DESC": [norm(c) for c in (entry.get("courses") or [])] + [norm(entry.get("score"))],
    }


def align(pieces, entries: list[dict], kind: str) -> list[str]:
    """Labels for the pieces of one section from the truth's entries, in reading order."""
    fields = [_fields(e, kind) for e in entries]
    filled: list[set[str]] = [set() for _ in entries]
    started = [False] * len(entries)
    labels: list[str] = []
    owners: list[int | None] = []
    lines_of: list[int] = []

    def pieces_line(_labels: list[str]) -> int:
        return lines_of[-1] if lines_of else -1

    cur = 0
    last_line_field: dict[tuple[int, int], str] = {}
    for p in pieces:
        text = norm(p.text)
        choice: tuple[int, str] | None = None
        for j in range(cur, min(len(entries), cur + 3)):
            e = entries[j]
            found = None
            if p.date is not None and _date_match(p.date, e.get("startDate"), e.get("endDate")):
                found = "DATE"
            elif kind == "education" and "DEGREE" not in filled[j] and _degree_piece(p.text, e):
                found = "DEGREE"
            elif not p.prose and text:
                best = 0.0
                for field in ("TITLE", "ORG", "DEGREE", "FIELD", "LOC"):
                    for value in fields[j].get(field, []):
                        glued = bool(labels) and labels[-1].removeprefix("B_") == field and pieces_line(labels) == p.line
                        if _inside(text, value) and (len(text) >= 4 or len(value) <= 4 or field == "LOC" or glued):
                            cover = len(text) / max(1, len(value))
                            same_line_again = last_line_field.get((j, p.line)) == field
                            if field in filled[j] and not same_line_again:
                                continue
                            if cover > best:
                                best, found = cover, field
            wrapped = bool(labels) and labels[-1] == "DESC" and j == cur
            # Prose of the entry: a piece of its summary or a highlight, or one holding them.
            if (
                found is None
                and text
                and (p.prose or len(text) >= 8 or wrapped)
                and any(_inside(text, d) or (len(d) >= 12 and _inside(d, text)) for d in fields[j]["DESC"] if d)
            ):
                found = "DESC"
            if found is not None:
                # Fields of the current entry come first; a later entry only when this one has
                # nothing that fits (its header may not be printed).
                choice = (j, found)
                break
        lines_of.append(p.line)
        if choice is None:
            labels.append("DESC" if p.prose and any(started) else "O")
            owners.append(None)
            continue
        j, field = choice
        owners.append(j)
        cur = j
        if field != "DESC":
            filled[j].add(field)
            last_line_field[(j, p.line)] = field
        if not started[j] and field in HEADER_FIELDS:
            started[j] = True
            labels.append("B_" + field)
        else:
            labels.append(field)
    _short_heads(pieces, labels, owners, fields)
    return labels


def _short_heads(pieces, labels: list[str], owners: list[int | None], fields: list[dict]) -> None:
    """A short first piece of a value cut at a separator ("Le" of "Le, Hutchinson and Cook") is
    too short to be matched alone: it belongs to the value when it and the next piece on its line
    read as a run of that value."""
    for i in range(len(pieces) - 2, -1, -1):
        p, q = pieces[i], pieces[i + 1]
        field = labels[i + 1].removeprefix("B_")
        j = owners[i + 1]
        if labels[i] != "O" or p.prose or p.date is not None or q.line != p.line or j is None:
            continue
        if field not in ("TITLE", "ORG", "LOC", "DEGREE", "FIELD"):
            continue
        if any(_inside(norm(p.text + " " + q.text), v) for v in fields[j].get(field, [])):
            labels[i] = labels[i + 1]
            labels[i + 1] = field
            owners[i] = j


def _entries_for(truth: dict, kind: str) -> list[dict]:
    resume = truth.get("resume") or {}
    return list(resume.get("work" if kind == "experience" else "education") or [])


def sequences_for(path: Path, truth: dict) -> list[tuple[list[list[str]], list[str]]]:
    try:
        doc = extract_text(path.read_bytes(), filename=path.name)
    except EngineError:
        return []
    out = []
    for section in segment_sections(doc):
        if section.kind not in ("experience", "education"):
            continue
        lines, pieces = section_pieces(doc, section)
        if not pieces:
            continue
        entries = _entries_for(truth, section.kind)
        labels = align(pieces, entries, section.kind) if entries else ["DESC" if p.prose else "O" for p in pieces]
        out.append((piece_features(doc, section.kind, lines, pieces, section), labels))
    return out


def _job(item: tuple[str, str]) -> list[tuple[list[list[str]], list[str]]]:
    path, truth_path = item
    return sequences_for(Path(path), json.loads(Path(truth_path).read_text()))


def read_sets(sets: list[Path]) -> list[tuple[str, str]]:
    items = []
    for split in sets:
        if "/shared/" in str(split.resolve()) + "/":
            sys.exit(f"{split}: the shared sets are for measuring; train on generated sets only")
        for row in (line.split("\t") for line in (split / "manifest.tsv").read_text().splitlines()[1:] if line.strip()):
            if row[2] != "main":
                continue
            truth = split / "truth" / f"{row[0]}.truth.json"
            items.append((str(split / row[1]), str(truth)))
    return items


def report(gold: list[str], pred: list[str]) -> None:
    tags = sorted(set(gold) | set(pred))
    print(f"{'label':10s} {'P':>6s} {'R':>6s} {'F1':>6s} {'n':>7s}")
    for tag in tags:
        tp = sum(g == p == tag for g, p in zip(gold, pred, strict=True))
        fp = sum(p == tag and g != tag for g, p in zip(gold, pred, strict=True))
        fn = sum(g == tag and p != tag for g, p in zip(gold, pred, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        print(f"{tag:10s} {prec:6.3f} {rec:6.3f} {f1:6.3f} {tp + fn:7d}")
    confusions = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
    print("most confused (gold → predicted):", ", ".join(f"{g}→{p} {n}" for (g, p), n in confusions.most_common(12)))
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / max(1, len(gold))
    print(f"accuracy {acc:.4f} over {len(gold)} pieces")


def main() -> None:
    import pycrfsuite

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--dev-share", type=float, default=0.1)
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=3.0)
    ap.add_argument("--iterations", type=int, default=300)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()

    items = read_sets(a.sets)
    random.Random(a.seed).shuffle(items)
    n_dev = int(len(items) * a.dev_share)
    t0 = time.perf_counter()
    with ProcessPoolExecutor(a.jobs) as pool:
        results = list(pool.map(_job, items, chunksize=8))
    print(f"{len(items)} resumes read in {time.perf_counter() - t0:.1f}s")
    dev = [s for r in results[:n_dev] for s in r]
    train = [s for r in results[n_dev:] for s in r]
    counts = Counter(label for _, ys in train for label in ys)
    print(f"train: {len(train)} sections, {sum(counts.values())} pieces; dev: {len(dev)} sections")
    print("labels:", dict(sorted(counts.items())))

    trainer = pycrfsuite.Trainer(verbose=False)
    for xs, ys in train:
        trainer.append(xs, ys)
    trainer.set_params(
        {"c1": a.c1, "c2": a.c2, "max_iterations": a.iterations, "feature.possible_transitions": True}
    )
    t0 = time.perf_counter()
    a.out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(a.out))
    print(f"trained in {time.perf_counter() - t0:.1f}s → {a.out} ({a.out.stat().st_size / 1024:.0f} KiB)")
    if dev:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(a.out))
        gold, pred = [], []
        for xs, ys in dev:
            gold.extend(ys)
            pred.extend(tagger.tag(xs))
        print("\nkept-aside resumes:")
        report(gold, pred)


if __name__ == "__main__":
    main()
