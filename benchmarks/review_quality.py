#!/usr/bin/env python3
"""Review and match quality on the shared sets (issue 9), printing numbers.

    python benchmarks/review_quality.py [--shared ../shared] [--limit N] [--skip-match] [--skip-real]

1. Planted defects. Every ``main`` resume of eval-dev and eval-layouts is rendered from its truth
   file by ``benchmarks/review/render.py`` (clean: PDF, DOCX and plain text) and once per defect
   of ``benchmarks/review/defects.py``. Per defect: how often its check does not pass (recall),
   where its recommendation ranks (share among the first 3), and the overall score drop against
   the clean copy of the same format (share > 0, mean, smallest). ``wrapped_bullets`` is an
   invariance case: the same plain text with long bullets broken at 58 characters must give the
   same findings and score.
2. False findings on the clean PDF copies: a failed or partial check that the truth contradicts
   (rules in ``judge``), as a share of the judged checks.
3. Grammar: every generated sentence of every review above and of eval-real, checked with the
   rules of ``tests/grammar.py``; counts per rule with examples.
4. Category agreement on eval-dev and eval-layouts: grade 3 → selected, 2 → considered, 0/1 →
   rejected, against the engine's categories (``Thresholds`` defaults and the years rule), and
   the best thresholds over a grid (what the defaults were calibrated on).
5. The distribution of overall scores on eval-real (plain text, ``general`` profile).

Industry profile per truth occupation: ``OCCUPATION_INDUSTRY``.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent / "review"))
sys.path.insert(0, str(ROOT))

from defects import DEFECTS, variant  # noqa: E402
from render import from_truth, render_docx, render_pdf, render_txt  # noqa: E402
from tests.grammar import review_problems  # noqa: E402

from resumeiq.engine import parse_resume, score_resume  # noqa: E402
from resumeiq.engine.errors import EngineError  # noqa: E402

OCCUPATION_INDUSTRY = {
    "software_engineer": "software_engineering", "devops_sre": "devops_cloud", "data_scientist": "data_science",
    "data_analyst": "data_science", "financial_analyst": "finance", "accountant": "accounting",
    "management_consultant": "consulting", "product_manager": "product_management", "ux_designer": "design_ux",
    "marketing_manager": "marketing", "sales_representative": "sales", "registered_nurse": "healthcare",
    "pharmacist": "healthcare", "mechanical_engineer": "engineering", "civil_engineer": "engineering",
    "hr_specialist": "human_resources", "teacher": "education",
}
_PRONOUN = re.compile(r"(?<![\w'])(?:I|me|my|mine|myself|I'm|I've)(?![\w'])")
# The project's list of filler phrases (data/language.json), as words of the truth text: a finding of
# one of them ("Passionate about …") is true of the document, not a false finding.
_FILLERS = re.compile(r"(?<![\w-])(?:" + "|".join(
    r"\s+".join(re.escape(w) for w in f.split())
    for f in json.loads((ROOT / "src/resumeiq/engine/data/language.json").read_text())["fillers"]) + r")(?![\w-])",
    re.IGNORECASE)


def render(doc, fmt: str, opts: dict) -> tuple[bytes, str]:
    if fmt == "pdf":
        return render_pdf(doc, columns=opts.get("columns", 1)), "r.pdf"
    if fmt == "docx":
        return render_docx(doc, table=opts.get("table", False)), "r.docx"
    return render_txt(doc, wrap=opts.get("wrap")), "r.txt"


def review(data: bytes, filename: str, industry: str):
    parsed = parse_resume(data, filename=filename)
    return parsed, score_resume(parsed, industry)


def truths(shared: Path, limit: int | None) -> list[dict]:
    out = []
    for split in ("eval-dev", "eval-layouts"):
        for path in sorted((shared / split / "truth").glob("*.truth.json")):
            t = json.loads(path.read_text())
            if t.get("group") == "main" and t.get("resume"):
                t["_split"] = split
                out.append(t)
    return out[:limit] if limit else out


# --------------------------------------------------------------------------- false findings


def _gaps(work: list[dict]) -> bool:
    def m(ym: str) -> int:
        return int(ym[:4]) * 12 + (int(ym[5:7]) - 1 if len(ym) >= 7 else 0)

    spans = sorted((m(w["startDate"]), m(w["endDate"]) if w.get("endDate") else 10**6)
                   for w in work if w.get("startDate"))
    covered = spans[0][1] if spans else 0
    for s, e in spans[1:]:
        if s - covered - 1 > 6:
            return True
        covered = max(covered, e)
    return False


def judge(check, truth: dict) -> bool | None:
    """True: the truth contradicts this failed/partial check (a false finding); False: it agrees;
    None: not judged."""
    r = truth["resume"]
    b = r.get("basics") or {}
    work = r.get("work") or []
    highlights = [h for w in work for h in w.get("highlights") or []]
    cid = check.id
    if cid == "contact_name":
        return bool(b.get("name"))
    if cid == "contact_email":
        return bool(b.get("email"))
    if cid == "contact_phone":
        return bool(b.get("phone"))
    if cid == "contact_links":
        return bool(b.get("url") or any(p.get("url") for p in b.get("profiles") or []))
    if cid == "standard_headings":
        return bool(work and r.get("education") and any(s.get("keywords") for s in r.get("skills") or []))
    if cid == "parseable_dates":
        return bool(work) and all(w.get("startDate") for w in work)
    if cid in ("layout_columns", "layout_tables", "text_in_images", "extractable_text", "header_footer_text",
               "consistent_dates", "section_order"):
        return True  # the clean render is one column of text, one date style, the usual order
    if cid == "reverse_chronological":
        return True  # truth work is in reverse-chronological order
    if cid == "employment_gaps":
        return not _gaps(work)
    if cid == "quantified_results":
        return bool(highlights) and sum(bool(re.search(r"\d", h)) for h in highlights) / len(highlights) >= 0.5
    if cid == "pronouns_and_fillers":
        text = " ".join([b.get("summary") or "", *highlights, *(w.get("summary") or "" for w in work)])
        return not _PRONOUN.search(text) and not _FILLERS.search(text)
    if cid == "summary_present":
        n = len((b.get("summary") or "").split())
        return 15 <= n <= 150
    if cid == "experience_detail":
        return bool(work) and all(len(w.get("highlights") or []) >= 2 for w in work)
    if cid == "skills_section":
        return len({k for s in r.get("skills") or [] for k in s.get("keywords") or []}) >= 6
    if cid == "bullet_use":
        return len(highlights) >= max(3, 2 * len(work))
    if cid == "bullet_length":
        return all(len(h.split()) <= 35 for h in highlights)
    return None  # action_verbs, industry_keywords, length: a matter of the content, not judged


# --------------------------------------------------------------------------- 1-3: defects, findings, grammar


def defects_and_findings(items: list[dict], grammar: Counter, examples: dict) -> None:
    per = {d.name: defaultdict(list) for d in DEFECTS}
    judged = false = 0
    false_by_check: Counter = Counter()
    clean_scores = []
    t0 = time.time()

    def note(rev, label: str) -> None:
        for where, text, rules in review_problems(rev):
            for rule in rules:
                grammar[rule] += 1
                examples.setdefault(rule, []).append(f"{label} {where}: {text}")

    for t in items:
        industry = OCCUPATION_INDUSTRY.get(t.get("occupation") or "", "general")
        doc = from_truth(t["resume"])
        clean = {}
        for fmt in ("pdf", "docx", "txt"):
            data, name = render(doc, fmt, {})
            try:
                clean[fmt] = review(data, name, industry)[1]
            except EngineError as exc:
                print(f"  {t['id']} clean {fmt}: {exc}", file=sys.stderr)
            else:
                note(clean[fmt], f"{t['id']} clean {fmt}")
        if "pdf" not in clean:
            continue
        clean_scores.append(clean["pdf"].overall_score)
        for c in clean["pdf"].checks:
            if c.status == "passed":
                continue
            verdict = judge(c, t)
            if verdict is None:
                continue
            judged += 1
            if verdict:
                false += 1
                false_by_check[c.id] += 1
        judged += sum(1 for c in clean["pdf"].checks if c.status == "passed" and judge(c, t) is not None)
        for d in DEFECTS:
            made = variant(d, t["resume"])
            if made is None or d.base not in clean:
                continue
            vdoc, opts = made
            data, name = render(vdoc, d.base, opts)
            try:
                rev = review(data, name, industry)[1]
            except EngineError:
                per[d.name]["error"].append(1)
                continue
            note(rev, f"{t['id']} {d.name}")
            base = clean[d.base]
            stats = per[d.name]
            stats["drop"].append(base.overall_score - rev.overall_score)
            if d.check is None:  # invariance: the same findings as the clean copy
                before = {c.id for c in base.checks if c.status != "passed"}
                after = {c.id for c in rev.checks if c.status != "passed"}
                stats["new_findings"].append(len(after - before))
                continue
            target = next(c for c in rev.checks if c.id == d.check)
            stats["caught"].append(target.status != "passed")
            stats["clean_passed"].append(next(c for c in base.checks if c.id == d.check).status == "passed")
            rank = next((r.priority for r in rev.recommendations if r.check_id == d.check), None)
            stats["rank"].append(rank)
    elapsed = time.time() - t0
    print(f"\n## Planted defects ({len(items)} resumes of eval-dev + eval-layouts, {elapsed:.0f} s)\n")
    print("| defect | n | recall | rec. rank ≤ 3 | median rank | drop > 0 | mean drop | min drop |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for d in DEFECTS:
        s = per[d.name]
        n = len(s["drop"])
        if not n:
            print(f"| {d.name} | 0 | | | | | | |")
            continue
        drops = s["drop"]
        if d.check is None:
            same = sum(1 for x in s["new_findings"] if x == 0)
            print(f"| {d.name} (invariance) | {n} | same findings {same}/{n} | | | score equal "
                  f"{sum(1 for x in drops if x == 0)}/{n} | {statistics.mean(drops):+.2f} | {min(drops)} |")
            continue
        ranks = [r for r in s["rank"] if r is not None]
        top3 = sum(1 for r in s["rank"] if r is not None and r <= 3)
        med = statistics.median(ranks) if ranks else float("nan")
        print(f"| {d.name} | {n} | {sum(s['caught']) / n:.1%} | {top3 / n:.1%} | {med:.0f} | "
              f"{sum(1 for x in drops if x > 0) / n:.1%} | {statistics.mean(drops):.1f} | {min(drops)} |")
    print(f"\n## False findings on the clean PDF copies\n\n{false} of {judged} judged checks "
          f"({false / max(judged, 1):.2%}); by check: {dict(false_by_check.most_common())}")
    print(f"clean PDF overall scores: {distribution(clean_scores)}")


def distribution(scores: list[int]) -> str:
    if not scores:
        return "none"
    qs = statistics.quantiles(scores, n=10) if len(scores) > 1 else [scores[0]] * 9
    bands = Counter("strong" if s >= 85 else "good" if s >= 70 else "fair" if s >= 50 else "poor" for s in scores)
    return (f"n {len(scores)}, min {min(scores)}, p10 {qs[0]:.0f}, median {statistics.median(scores):.0f}, "
            f"p90 {qs[8]:.0f}, max {max(scores)}; bands " +
            ", ".join(f"{b} {bands[b]}" for b in ("poor", "fair", "good", "strong")))


def eval_real(shared: Path, grammar: Counter, examples: dict, limit: int | None) -> None:
    folder = shared / "eval-real"
    paths = sorted(folder.glob("*.txt"), key=lambda p: int(p.stem) if p.stem.isdigit() else 0)
    paths = [p for p in paths if p.stem.isdigit()][: limit or None]
    scores = []
    pronoun_contact = 0
    for p in paths:
        try:
            parsed, rev = review(p.read_bytes(), p.name, "general")
        except EngineError:
            continue
        scores.append(rev.overall_score)
        c = next(c for c in rev.checks if c.id == "pronouns_and_fillers")
        if c.suggestion and "Email me" in c.suggestion:
            pronoun_contact += 1
        for where, text, rules in review_problems(rev):
            for rule in rules:
                grammar[rule] += 1
                examples.setdefault(rule, []).append(f"eval-real/{p.stem} {where}: {text}")
    print(f"\n## eval-real overall scores (general profile)\n\n{distribution(scores)}")
    hist = Counter(min(s // 10, 9) for s in scores)
    print("histogram: " + ", ".join(f"{10 * k}-{10 * k + 9}: {hist[k]}" for k in range(10)))
    print(f"pronoun advice quoting an 'Email me' contact line: {pronoun_contact}")


# --------------------------------------------------------------------------- 4: categories


def categories(shared: Path) -> None:
    from resumeiq.engine.match.match import prepare_job, prepare_resume
    from resumeiq.engine.match.rank import match_batch
    from resumeiq.engine.match.results import DEFAULT_THRESHOLDS
    from resumeiq.engine.match.text import corpus_stats

    rows = []  # (grade, score, engine category, years capped)
    for split in ("eval-dev", "eval-layouts"):
        base = shared / split
        qrels: dict[str, dict[str, int]] = defaultdict(dict)
        for line in (base / "qrels.tsv").read_text().splitlines()[1:]:
            job, res, grade = line.split("\t")[:3]
            qrels[job][res] = int(grade)
        files = {}
        for line in (base / "manifest.tsv").read_text().splitlines()[1:]:
            rid, file, group = line.split("\t")[:3]
            files[rid] = base / file
        resumes = {}
        as_of = None
        for rid in {r for js in qrels.values() for r in js}:
            try:
                resumes[rid] = prepare_resume(parse_resume(files[rid].read_bytes(), filename=files[rid].name))
            except EngineError:
                continue
            if as_of is None:
                as_of = json.loads((base / "truth" / f"{rid}.truth.json").read_text()).get("as_of")
        jobs = {j: prepare_job((base / "jobs" / f"{j}.txt").read_text()) for j in qrels}
        stats = corpus_stats(p.tokens for p in resumes.values())
        results = match_batch(resumes, jobs, stats, as_of=as_of)
        for job, by_resume in results.items():
            for rid, m in by_resume.items():
                if rid in qrels[job]:
                    short = m.experience.required_years and m.experience.relevant_years < 0.7 * m.experience.required_years
                    rows.append((qrels[job][rid], m.score, m.category, bool(short)))
    want = {3: "selected", 2: "considered", 1: "rejected", 0: "rejected"}

    def table(cat_of) -> tuple[float, float, str]:
        """(agreement over all pairs, balanced agreement: the mean of the three classes' shares
        (grade 3 selected, grade 2 considered, grades 0-1 rejected), the confusion table)."""
        conf: Counter = Counter()
        for grade, score, engine_cat, short in rows:
            conf[(grade, cat_of(score, engine_cat, short))] += 1
        agree = sum(v for (g, c), v in conf.items() if want[g] == c) / len(rows)
        per = []
        for grades, cat in (((3,), "selected"), ((2,), "considered"), ((1, 0), "rejected")):
            n = sum(conf[(g, c)] for g in grades for c in ("selected", "considered", "rejected"))
            per.append(sum(conf[(g, cat)] for g in grades) / n if n else 1.0)
        lines = ["| grade | selected | considered | rejected | agreement |", "|---|---:|---:|---:|---:|"]
        for g, share in ((3, per[0]), (2, per[1]), (1, None), (0, None)):
            cells = " | ".join(str(conf[(g, c)]) for c in ("selected", "considered", "rejected"))
            lines.append(f"| {g} | {cells} | {'' if share is None else f'{share:.1%}'} |")
        lines.append(f"| 0-1 | | | | {per[2]:.1%} |")
        return agree, sum(per) / 3, "\n".join(lines)

    agree, balanced, text = table(lambda s, c, short: c)
    print(f"\n## Category agreement ({len(rows)} graded pairs of eval-dev + eval-layouts)\n")
    print(f"engine defaults (selected ≥ {DEFAULT_THRESHOLDS.selected:g}, considered ≥ "
          f"{DEFAULT_THRESHOLDS.considered:g}, years rule): agreement {agree:.1%}, balanced over the "
          f"three classes {balanced:.1%}\n{text}")
    best = (0.0, 0.0, 0, 0)
    for sel in range(30, 91):
        for con in range(10, sel + 1):
            def cat(s, c, short, sel=sel, con=con):
                k = "selected" if s >= sel else "considered" if s >= con else "rejected"
                return "considered" if k == "selected" and short else k
            a, b, _ = table(cat)
            if (b, a) > (best[1], best[0]):
                best = (a, b, sel, con)
    print(f"\nbest grid thresholds by balanced agreement (with the years rule): selected ≥ {best[2]}, "
          f"considered ≥ {best[3]}: agreement {best[0]:.1%}, balanced {best[1]:.1%}")
    short_selected = sum(1 for g, s, c, short in rows if short and c == "selected")
    print(f"pairs with a required-years shortfall over 30% shown as selected: {short_selected}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--limit", type=int, default=None, help="resumes per part (quick runs)")
    ap.add_argument("--skip-match", action="store_true")
    ap.add_argument("--skip-real", action="store_true")
    ap.add_argument("--only-match", action="store_true", help="only the category agreement")
    ap.add_argument("--examples", type=int, default=3, help="grammar examples printed per rule")
    a = ap.parse_args()
    grammar: Counter = Counter()
    examples: dict[str, list[str]] = {}
    if a.only_match:
        categories(a.shared)
        return
    defects_and_findings(truths(a.shared, a.limit), grammar, examples)
    if not a.skip_real:
        eval_real(a.shared, grammar, examples, a.limit)
    print("\n## Grammar rules over every generated sentence\n")
    print(f"sentences breaking a rule: {sum(grammar.values())}; by rule: {dict(grammar.most_common())}")
    for rule, ex in examples.items():
        for e in ex[: a.examples]:
            print(f"  [{rule}] {e}")
    if not a.skip_match:
        categories(a.shared)


if __name__ == "__main__":
    main()
