"""Invented job postings for a generated set, and the relevance grade of every (job, resume) pair,
so that a set made by ``build.py`` ranks like eval-dev (``jobs/``, ``qrels.tsv``).

One posting per occupation with at least ``MIN_RESUMES`` resumes in the set. Its required skills
are among the industry skills its people list most (a posting asks for what the trade uses),
preferred skills from the rest; the minimum years are those of one of its people (1..8), and
the level word of the title agrees with them. The text comes in a few shapes (a list with headings, prose, labelled
fields, essential/desirable), written here.

Grades follow eval-dev's README: 3 = same occupation, ``years_experience >= min_years`` and at
least 70 % of the required skills in the resume's ``skills_canonical``; 2 = same occupation
otherwise; 1 = adjacent occupation (``ADJACENT``); 0 = unrelated.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

from occupations import OCCUPATIONS
from people import _industry_skills, company_name, pick_city
from words import NAMES

MIN_RESUMES = 5
ADJACENT = {
    frozenset(p)
    for p in (
        ("software_engineer", "devops_sre"),
        ("software_engineer", "data_scientist"),
        ("software_engineer", "qa_engineer"),
        ("software_engineer", "data_engineer"),
        ("data_engineer", "data_scientist"),
        ("data_engineer", "data_analyst"),
        ("data_scientist", "data_analyst"),
        ("data_analyst", "financial_analyst"),
        ("data_analyst", "business_analyst"),
        ("business_analyst", "management_consultant"),
        ("business_analyst", "project_manager"),
        ("financial_analyst", "accountant"),
        ("financial_analyst", "management_consultant"),
        ("management_consultant", "product_manager"),
        ("management_consultant", "hr_specialist"),
        ("product_manager", "ux_designer"),
        ("product_manager", "marketing_manager"),
        ("product_manager", "project_manager"),
        ("ux_designer", "graphic_designer"),
        ("marketing_manager", "sales_representative"),
        ("sales_representative", "customer_success"),
        ("registered_nurse", "pharmacist"),
        ("mechanical_engineer", "civil_engineer"),
        ("mechanical_engineer", "electrical_engineer"),
        ("hr_specialist", "teacher"),
        ("operations_manager", "project_manager"),
        ("administrative_assistant", "hr_specialist"),
    )
}
# (up to this many years, the title's level word, the seniority)
LEVELS = ((1, "Junior", "junior"), (4, "", "mid"), (7, "Senior", "senior"), (8, "Lead", "lead"))
LEVEL_WORDS = frozenset(
    {"Junior", "Senior", "Associate", "Staff", "Lead", "Principal", "Graduate", "Trainee", "Head"}
)
DEGREE_WORDS = ("Bachelor's degree in {f}", "BS/BA in {f}", "A bachelor's degree in {f}", "Degree in {f}")
PERKS = (
    "Private health insurance",
    "A yearly learning budget",
    "Flexible working hours",
    "A pension plan",
    "Twenty-eight days of leave",
    "Hybrid working from our office",
)


def job_id(seed: int, occupation: str) -> str:
    return "job-" + hashlib.sha1(f"{seed}:job:{occupation}".encode()).hexdigest()[:7]


def grade(job: dict, truth: dict) -> int:
    """Relevance of one resume (its truth) to one posting (its truth), as eval-dev grades it."""
    occ, other = job["occupation"], truth["occupation"]
    if occ == other:
        req = job["required_skills"]
        shown = sum(s in truth["skills_canonical"] for s in req)
        return 3 if truth["years_experience"] >= job["min_years"] and shown >= 0.7 * len(req) else 2
    return 1 if frozenset((occ, other)) in ADJACENT else 0


def make_job(rng: random.Random, jid: str, occupation: str, people: list[dict]) -> tuple[dict, str]:
    """(truth, text) of one posting for ``occupation``; ``people`` are the truths of its resumes."""
    occ = OCCUPATIONS[occupation]
    pool = list(_industry_skills(occ["industry"]))
    listed = {s: sum(s in p["skills_canonical"] for p in people) for s in pool}
    common = sorted(pool, key=lambda s: (-listed[s], rng.random()))
    k = rng.randint(4, 6)
    required = rng.sample(common[: k + 3], k)
    rest = [s for s in pool if s not in required]
    preferred = rng.sample(rest, rng.randint(2, 4))
    # A minimum some of its people meet and some do not: the years of one of them, within 1..8.
    years = max(1, min(8, int(rng.choice(people)["years_experience"])))
    word, level = next((w, lv) for n, w, lv in LEVELS if n >= years)
    # A title without a level of its own ("Junior Designer", "Staff Accountant"), then the level word.
    plain = [t for t in occ["titles"] if t.split()[0] not in LEVEL_WORDS] or [occ["titles"][0]]
    title = " ".join(w for w in (word, rng.choice(plain)) if w)
    country = rng.choice(("US", "GB", "CA", "AU", "IE", "DE"))
    company = company_name(rng, country, "tech" if occ["kind"] == "tech" else "business", NAMES["anglo"][1])
    city, region = pick_city(rng, country)
    fields = rng.sample(occ["fields"], min(2, len(occ["fields"])))
    degree = "bachelor" if rng.random() < 0.7 else None
    truth = {
        "id": jid,
        "occupation": occupation,
        "title": title,
        "seniority": level,
        "company": company,
        "location": {"city": city, "region": region, "countryCode": country},
        "required_skills": required,
        "preferred_skills": preferred,
        "min_years": years,
        "degree": {"level": degree, "fields": fields},
        "style": "",
        "file": f"jobs/{jid}.txt",
    }
    style = rng.choice(("list", "prose", "labelled", "essential"))
    truth["style"] = style
    text = STYLES[style](rng, truth, occ)
    return truth, text


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _years(rng: random.Random, truth: dict, occ: dict) -> str:
    n = truth["min_years"]
    noun = occ["titles"][0].lower()
    return rng.choice(
        (
            f"{n}+ years of experience as a {noun} or in a similar role",
            f"At least {n} years of professional experience as a {noun}",
            f"Minimum {n} years of experience in a {noun} role",
        )
    )


def _duties(rng: random.Random, occ: dict) -> list[str]:
    verbs = ("Own", "Improve", "Take care of", "Plan and run work on", "Keep improving")
    return [f"{rng.choice(verbs)} {o}" for o in rng.sample(occ["objects"], min(3, len(occ["objects"])))]


def _degree(rng: random.Random, truth: dict) -> str | None:
    if not truth["degree"]["level"]:
        return None
    return rng.choice(DEGREE_WORDS).format(f=" or ".join(truth["degree"]["fields"])) + " or a related field"


def _list(rng: random.Random, truth: dict, occ: dict) -> str:
    req = truth["required_skills"]
    cut = rng.randint(1, len(req) - 1)
    lines = [
        truth["title"],
        f"{truth['company']} · {truth['location']['city']}",
        "",
        "About the role",
        f"{truth['company']} is hiring a {truth['title']} to join a small, friendly team.",
        "",
        "What you will do",
        *[f"- {d}" for d in _duties(rng, occ)],
        "",
        "Requirements",
        f"- {_years(rng, truth, occ)}",
        f"- Hands-on experience with {_and(req[:cut])}",
        *[f"- {s}" for s in req[cut:]],
    ]
    degree = _degree(rng, truth)
    if degree:
        lines.append(f"- {degree}")
    lines += [
        "",
        "Nice to have",
        *[f"- {s}" for s in truth["preferred_skills"]],
        "",
        "Benefits",
        *[f"- {p}" for p in rng.sample(PERKS, 3)],
    ]
    return "\n".join(lines) + "\n"


def _prose(rng: random.Random, truth: dict, occ: dict) -> str:
    req = truth["required_skills"]
    degree = _degree(rng, truth)
    parts = [
        f"{truth['title']} – {truth['company']} ({truth['location']['city']})",
        "",
        f"{truth['company']} is looking for a {truth['title']}. You will work on "
        f"{_and([o for o in rng.sample(occ['objects'], 2)])} with people across the business.",
        "",
        f"Experience: {_years(rng, truth, occ)}. You must be proficient in {_and(req)}."
        + (f" Education: {degree}." if degree else ""),
        "",
        f"Experience with {_and(truth['preferred_skills'])} is a plus.",
        "",
        f"We offer {rng.choice(PERKS).lower()} and {rng.choice(PERKS).lower()}.",
    ]
    return "\n".join(parts) + "\n"


def _labelled(rng: random.Random, truth: dict, occ: dict) -> str:
    degree = _degree(rng, truth)
    lines = [
        f"Job title: {truth['title']}",
        f"Company: {truth['company']}",
        f"Location: {truth['location']['city']}",
        "",
        f"Summary: we need a {truth['title'].lower()} to look after {rng.choice(occ['objects'])}.",
        "",
        f"Experience: {truth['min_years']}+ years as a {occ['titles'][0].lower()}",
        f"Required skills: {', '.join(truth['required_skills'])}",
        f"Preferred skills: {', '.join(truth['preferred_skills'])}",
    ]
    if degree:
        lines.append(f"Education: {degree}")
    return "\n".join(lines) + "\n"


def _essential(rng: random.Random, truth: dict, occ: dict) -> str:
    degree = _degree(rng, truth)
    lines = [
        f"Role: {truth['title']}",
        f"Organisation: {truth['company']}",
        f"Location: {truth['location']['city']}",
        "",
        "THE ROLE",
        f"You will join us as a {truth['title']} and own {rng.choice(occ['objects'])}.",
        "",
        "RESPONSIBILITIES",
        *[f"- {d}" for d in _duties(rng, occ)],
        "",
        "ESSENTIAL",
        f"- {_years(rng, truth, occ)}",
        *[f"- {s}" for s in truth["required_skills"]],
        "",
        "DESIRABLE",
        *[f"- {s}" for s in truth["preferred_skills"]],
    ]
    if degree:
        lines += ["", "QUALIFICATIONS", f"- {degree}"]
    return "\n".join(lines) + "\n"


STYLES = {"list": _list, "prose": _prose, "labelled": _labelled, "essential": _essential}


def write_jobs(out: Path, seed: int) -> int:
    """Postings for the set in ``out`` (its truth files) and ``qrels.tsv``; returns the number of jobs."""
    truths = [json.loads(p.read_text()) for p in sorted((out / "truth").glob("*.truth.json"))]
    main = [t for t in truths if t.get("group") == "main" and "resume" in t]
    by_occ: dict[str, list[dict]] = {}
    for t in main:
        by_occ.setdefault(t["occupation"], []).append(t)
    (out / "jobs").mkdir(exist_ok=True)
    rows = ["job_id\tresume_id\tgrade"]
    n = 0
    for occupation in sorted(by_occ):
        if len(by_occ[occupation]) < MIN_RESUMES or occupation not in OCCUPATIONS:
            continue
        jid = job_id(seed, occupation)
        rng = random.Random(f"{seed}:job:{occupation}")
        truth, text = make_job(rng, jid, occupation, by_occ[occupation])
        (out / "jobs" / f"{jid}.txt").write_text(text)
        (out / "jobs" / f"{jid}.truth.json").write_text(
            json.dumps(truth, indent=1, ensure_ascii=False) + "\n"
        )
        rows += [f"{jid}\t{t['id']}\t{grade(truth, t)}" for t in main]
        n += 1
    if n:
        (out / "qrels.tsv").write_text("\n".join(rows) + "\n")
    return n
