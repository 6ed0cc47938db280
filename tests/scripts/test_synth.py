"""scripts/synth builds sets of invented resumes whose truth the entry labeller is trained on and
the engine is measured against: a wrong truth teaches or scores the wrong thing on every resume of
a layout. A small set is built and its truth checked against the files themselves."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from availability import unavailable
from resumeiq.engine import extract_text

ROOT = Path(__file__).resolve().parents[2]
SYNTH = ROOT / "scripts" / "synth"
sys.path.insert(0, str(SYNTH))

import build  # noqa: E402
import layouts  # noqa: E402
import words  # noqa: E402

YM = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
TOP_KEYS = {
    "id", "file", "group", "format", "render", "as_of", "skills_canonical", "skill_aliases", "occupation",
    "seniority", "years_experience", "resume", "not_rendered", "pages",
}


@pytest.fixture(scope="module")
def small_set(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "set"
    build.build(out, n=6, seed=11, family="train", jobs=1)
    return out


@pytest.fixture(scope="module")
def every_layout(tmp_path_factory) -> list[Path]:
    """One resume of each layout of both families."""
    root = tmp_path_factory.mktemp("layouts")
    outs = []
    for name in layouts.LAYOUTS:
        family = next(f for f, names in layouts.FAMILIES.items() if name in names)
        out = root / name
        build.build(out, n=1, seed=3, family=family, jobs=1, layout=name)
        outs.append(out)
    return outs


def _visible_text(folder: Path, truth: dict) -> str:
    """The text a reader sees: a PDF's characters in the order they were drawn (pdfium's text
    page, no column analysis: the engine's reading order is measured elsewhere); the engine's
    text of a DOCX or a text file."""
    data = (folder / truth["file"]).read_bytes()
    if truth["format"] != "pdf":
        return extract_text(data, filename=truth["file"]).text
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    return "\n".join(pdf[k].get_textpage().get_text_range() for k in range(len(pdf)))


def _truths(folder: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted((folder / "truth").glob("*.truth.json"))]


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())


def _shows(value: str, words_: list[str]) -> bool:
    """The value's words appear in order in the text, allowing a few words between them (a value
    wrapped in a narrow column with its date drawn in between)."""
    want = _tokens(value)
    for i, w in enumerate(words_):
        if w != want[0]:
            continue
        k = 0
        for j in range(i, min(len(words_), i + len(want) + 8)):
            if k < len(want) and words_[j] == want[k]:
                k += 1
        if k == len(want):
            return True
    return False


def _resolve(doc: dict, pointer: str) -> object:
    node: object = doc
    for part in pointer.strip("/").split("/"):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def test_manifest_lists_every_file_with_its_truth(small_set: Path):
    rows = [line.split("\t") for line in (small_set / "manifest.tsv").read_text().splitlines()]
    assert rows[0] == ["id", "file", "group", "format"]
    assert len(rows) == 7
    for rid, file, group, fmt in rows[1:]:
        assert (small_set / file).is_file() and file == f"resumes/{rid}.{fmt}"
        assert group == "main" and fmt in ("pdf", "docx", "txt")
        truth = json.loads((small_set / "truth" / f"{rid}.truth.json").read_text())
        assert truth["id"] == rid and truth["file"] == file and truth["format"] == fmt


def test_every_truth_is_complete_and_its_dates_are_months(small_set: Path):
    for t in _truths(small_set):
        assert set(t) >= TOP_KEYS, t["id"]
        assert set(t["render"]) >= {"kind", "renderer", "layout"}
        assert t["seniority"] in ("junior", "mid", "senior", "lead")
        assert t["pages"] >= 1 and t["years_experience"] > 0
        r = t["resume"]
        b = r["basics"]
        assert b["name"] and "@" in b["email"] and b["phone"] and b["location"]["city"] and b["location"]["countryCode"]
        assert r["work"] and r["education"] and r["skills"]
        for w in r["work"]:
            assert w["name"] and w["position"] and YM.match(w["startDate"])
            assert "endDate" not in w or (YM.match(w["endDate"]) and w["endDate"] >= w["startDate"])
        for e in r["education"]:
            assert e["institution"] and e["studyType"] and YM.match(e["startDate"]) and YM.match(e["endDate"])
        canon = {t["skill_aliases"].get(k, k) for g in r["skills"] for k in g["keywords"]}
        assert canon == set(t["skills_canonical"])
        for pointer in t["not_rendered"]:
            assert _resolve(r, pointer) is not None  # names a value the resume has


def test_work_is_reverse_chronological_and_only_the_latest_may_be_current(small_set: Path):
    for t in _truths(small_set):
        work = t["resume"]["work"]
        starts = [w["startDate"] for w in work]
        assert starts == sorted(starts, reverse=True), t["id"]
        for later, earlier in zip(work, work[1:], strict=False):
            assert "endDate" in earlier and earlier["endDate"] <= later["startDate"]


def test_years_of_experience_add_up_the_jobs(small_set: Path):
    def months(ym: str) -> int:
        return int(ym[:4]) * 12 + int(ym[5:7])

    for t in _truths(small_set):
        total = sum(months(w.get("endDate") or t["as_of"]) - months(w["startDate"]) for w in t["resume"]["work"])
        assert t["years_experience"] == pytest.approx(total / 12, abs=0.01)


def test_every_layout_shows_each_employer_and_title_unless_the_truth_says_it_does_not(every_layout: list[Path]):
    seen = set()
    for folder in every_layout:
        for t in _truths(folder):
            seen.add(t["render"]["layout"])
            toks = _tokens(_visible_text(folder, t))
            for i, w in enumerate(t["resume"]["work"]):
                for field in ("name", "position"):
                    if f"/work/{i}/{field}" not in t["not_rendered"]:
                        assert _shows(w[field], toks), (t["render"]["layout"], field, w[field])
            for i, e in enumerate(t["resume"]["education"]):
                if f"/education/{i}/institution" not in t["not_rendered"]:
                    assert _shows(e["institution"], toks), (t["render"]["layout"], e["institution"])
            assert _shows(t["resume"]["basics"]["name"], toks)
    assert seen == set(layouts.LAYOUTS)


def test_a_year_only_date_marks_its_months_as_not_shown():
    """Where the file prints only a year, the truth's month is not visible: the scorer must not
    count it. Where it prints the month, it is counted."""
    import random

    from compose import Composer
    from fmt import DateStyle
    from people import make_person

    person = make_person(random.Random("year-only"))
    work = person.resume["work"]
    for style_name, hidden in (("year", True), ("mon", False), ("mm/yyyy", False)):
        style = layouts.make_style("pdf-classic", person, random.Random(1))
        style.dates = DateStyle(style_name, " – ", "Present")
        composer = Composer(person, style, random.Random(2))
        _, sections = composer.compose()
        text = " ".join(ln.text + " " + "".join(r.text for r in ln.right or [])
                        for sec in sections for b in sec.blocks for ln in b.lines)
        for i, w in enumerate(work):
            assert (f"/work/{i}/startDate" in composer.hidden) is hidden, (style_name, i)
            if "endDate" in w:
                assert (f"/work/{i}/endDate" in composer.hidden) is hidden
            assert w["startDate"][:4] in text


def test_an_education_without_dates_leaves_no_trace_of_them_in_any_layout():
    import random

    from compose import Composer
    from people import make_person

    person = make_person(random.Random("no-dates"))
    for name, spec in layouts.LAYOUTS.items():
        for edu in spec["edu"]:
            style = layouts.make_style(name, person, random.Random(4))
            style.edu = edu
            composer = Composer(person, style, random.Random(5))
            composer._once["edu_no_dates"] = True
            header, sections = composer.compose()
            education = next(s for s in sections if s.kind == "education")
            for block in education.blocks:
                texts = [ln.text for ln in block.lines] + list(block.rail or [])
                assert not any("\x00" in t or t.rstrip().endswith(("(", ":", "|", ",")) for t in texts), (name, edu, texts)
            build.RENDERERS[style.renderer](header, sections, style, random.Random(6), "Test Person")
            assert "/education/0/startDate" in composer.hidden


def test_the_families_share_no_layout():
    train, heldout = set(layouts.FAMILIES["train"]), set(layouts.FAMILIES["heldout"])
    assert train and heldout and not train & heldout
    assert train | heldout == set(layouts.LAYOUTS)
    assert {layouts.LAYOUTS[n]["renderer"] for n in heldout} == {"pdf", "docx", "txt"}


def test_names_can_be_drawn_by_the_standard_pdf_fonts():
    for given, surnames in words.NAMES.values():
        for name in given + surnames:
            name.encode("cp1252")


def test_the_same_seed_gives_the_same_bytes(tmp_path: Path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    build.build(a, n=5, seed=7, family="heldout", jobs=1)
    build.build(b, n=5, seed=7, family="heldout", jobs=2)
    build.build(c, n=5, seed=8, family="heldout", jobs=1)
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for f in files:
        assert (a / f).read_bytes() == (b / f).read_bytes(), f
    assert (a / "manifest.tsv").read_text() != (c / "manifest.tsv").read_text()


def test_the_command_line_builds_a_set(tmp_path: Path):
    out = tmp_path / "cli"
    res = subprocess.run(
        [sys.executable, str(SYNTH / "build.py"), "--out", str(out), "--n", "2", "--seed", "5", "--jobs", "1",
         "--renderers", "heldout"],
        capture_output=True, text=True, check=True,
    )
    assert "2 resumes" in res.stdout
    assert len(list((out / "truth").glob("*.truth.json"))) == 2


def test_the_reference_scorer_reads_the_set(small_set: Path, tmp_path: Path):
    """The truth given back as the prediction scores 1.0 on every field with eval-dev's scorer."""
    from evalset import EVAL_DIR

    scorer = EVAL_DIR / "score.py"
    if not scorer.is_file():
        unavailable(f"eval-dev's score.py is not at {scorer} (set RESUMEIQ_TEST_SHARED_DIR)")
    pred = tmp_path / "pred"
    pred.mkdir()
    for t in _truths(small_set):
        (pred / f"{t['id']}.json").write_text(json.dumps(t["resume"]))
    subprocess.run([sys.executable, str(scorer), "--split", str(small_set), "--pred", str(pred), "--only", "parse",
                    "--quiet"], check=True)
    summary = json.loads((pred / "score_summary.json").read_text())
    assert summary["parsing"]["resumes"] == 6
    assert all(f["f1"] == 1.0 for f in summary["parsing"]["fields"].values())


def test_postings_are_graded_as_the_eval_sets_grade_them():
    import jobs

    job = {"occupation": "data_analyst", "required_skills": ["SQL", "Tableau", "Python"], "min_years": 3}

    def person(occupation: str, years: float, skills: list[str]) -> dict:
        return {"occupation": occupation, "years_experience": years, "skills_canonical": skills}

    assert jobs.grade(job, person("data_analyst", 4.0, ["SQL", "Tableau", "Python", "Excel"])) == 3
    assert jobs.grade(job, person("data_analyst", 2.5, ["SQL", "Tableau", "Python"])) == 2  # too few years
    assert jobs.grade(job, person("data_analyst", 9.0, ["SQL", "Tableau"])) == 2  # 2 of 3 is under 70 %
    assert jobs.grade(job, person("financial_analyst", 9.0, ["SQL", "Tableau", "Python"])) == 1
    assert jobs.grade(job, person("teacher", 9.0, ["SQL", "Tableau", "Python"])) == 0


def test_a_set_with_jobs_has_postings_the_engine_reads_and_a_grade_for_every_pair(tmp_path: Path):
    import jobs
    from resumeiq.engine.match.jobs import parse_job

    out = tmp_path / "set"
    build.build(out, n=12, seed=5, family="train", jobs=1)
    jobs.MIN_RESUMES, saved = 1, jobs.MIN_RESUMES
    try:
        n = jobs.write_jobs(out, seed=5)
    finally:
        jobs.MIN_RESUMES = saved
    truths = {p.name.split(".")[0]: json.loads(p.read_text()) for p in (out / "truth").glob("*.truth.json")}
    rows = [line.split("\t") for line in (out / "qrels.tsv").read_text().splitlines()[1:]]
    assert n == len({t["occupation"] for t in truths.values()}) and len(rows) == n * len(truths)
    for path in sorted((out / "jobs").glob("*.truth.json")):
        job = json.loads(path.read_text())
        read = parse_job((out / job["file"]).read_text())
        assert set(job["required_skills"]) <= {s.name for s in read.required_skills}, job["style"]
        assert set(job["preferred_skills"]) <= {s.name for s in read.preferred_skills}, job["style"]
        assert read.min_years == job["min_years"], job["style"]
    for job_id, rid, g in rows:
        job = json.loads((out / "jobs" / f"{job_id}.truth.json").read_text())
        assert int(g) == jobs.grade(job, truths[rid])
