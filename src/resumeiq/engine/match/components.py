"""The parts of a match, each a plain function of the resume and the job: skill evidence and
coverage, title/occupation fit, years of relevant experience, and education fit.

None of them reads a name, contact detail, address, photo, age or gendered word: skill mentions
that fall on the person's name or contact spans are dropped, and the rest looks only at skills,
titles, dates and degrees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache

from resumeiq.engine._data import load_json
from resumeiq.engine.match.jobs import DEGREE_RANK, JobRequirements, JobSkill
from resumeiq.engine.match.occupations import TitleFamily, family_fit, field_families, title_family
from resumeiq.engine.model import ParsedDocument, ResumeData, Span
from resumeiq.engine.parse.dates import month_index
from resumeiq.engine.parse.education import degree_level
from resumeiq.engine.parse.skills import canonical_skill, find_skills
from resumeiq.engine.parse.titles import seniority

# Credit for a skill by where the resume shows it: used in a role or project, claimed in the
# summary, or only listed. A related skill earns its relation weight times this.
EVIDENCE_CREDIT = {"work": 1.0, "summary": 0.9, "listed": 0.8}
# A name the taxonomy does not know that contains one it knows ("Epic Willow" and "Epic").
CONTAINED_WEIGHT = 0.4
# Share of the required skills' credit kept when none of them is shown by name (all of it when
# every one is, in proportion between): see ``required_score``.
NAMED_FLOOR = 0.3
SHOWN = frozenset({"work", "summary", "listed"})  # statuses of a skill the resume shows by name
# Years a posting's seniority implies when it states no minimum.
SENIORITY_YEARS = {"intern": 0, "junior": 1, "mid": 3, "senior": 5, "lead": 8, "executive": 10}
_WORK_SECTIONS = frozenset({"experience", "projects", "volunteer"})
_PII_SECTIONS = frozenset({"personal"})


@dataclass(slots=True)
class SkillEvidence:
    where: str  # work | summary | listed
    spans: list[Span] = field(default_factory=list)

    @property
    def credit(self) -> float:
        return EVIDENCE_CREDIT[self.where]


@dataclass(slots=True)
class SkillCheck:
    skill: str
    credit: float  # 0..1
    status: str  # work | summary | listed | related | missing
    resume_spans: list[Span]
    job_spans: list[Span]
    related_to: str | None = None
    in_taxonomy: bool = True


@dataclass(slots=True)
class RoleFit:
    position: str
    fit: float | None  # None: the title names no known occupation
    weight: float  # how much its time counts as relevant experience
    start: int | None
    end: int | None


def current_month(as_of: str | date | None) -> int:
    """``as_of`` ("YYYY-MM", a date, or None for today) as a month index."""
    if as_of is None:
        as_of = date.today()
    if isinstance(as_of, date):
        return as_of.year * 12 + as_of.month - 1
    return month_index(as_of, default_month=12) or 0


# --------------------------------------------------------------------------- skills


@lru_cache(maxsize=1 << 16)
def _canonical(name: str) -> str | None:
    return canonical_skill(name)


@lru_cache(maxsize=1 << 16)
def _key(name: str) -> str:
    """A skill's identity: its canonical taxonomy name, else the name itself (a phrase)."""
    return _canonical(name) or " ".join(name.split())


@cache
def _relations() -> dict[str, dict[str, float]]:
    """asked skill -> {shown skill: share of credit}; see ``data/skill_relations.json``."""
    raw = load_json("skill_relations.json")
    out: dict[str, dict[str, float]] = {}

    def link(asked: str, shown: str, w: float) -> None:
        ka, ks = _key(asked), _key(shown)
        if ka.lower() != ks.lower():
            out.setdefault(ka, {})[ks] = max(w, out.get(ka, {}).get(ks, 0.0))

    for group in raw["groups"]:
        members = group["members"]
        for i, a in enumerate(members):
            link(group["parent"], a, raw["parent_weight"])
            link(a, group["parent"], raw["member_weight"])
            for b in members[i + 1 :]:
                link(a, b, raw["group_weight"])
                link(b, a, raw["group_weight"])
    for a, b, w in raw["pairs"]:
        link(a, b, w)
        link(b, a, w)
    return out


def related_skills(name: str) -> dict[str, float]:
    """Skills related to ``name`` with the share of credit each earns in its place; a name the
    taxonomy does not know is also related to the known skills inside it."""
    return dict(_related(name))


@lru_cache(maxsize=1 << 14)
def _related(name: str) -> tuple[tuple[str, float], ...]:
    key = _key(name)
    related = dict(_relations().get(key, {}))
    if _canonical(name) is None:
        for hit in find_skills(name):
            if hit.name.lower() != key.lower():
                related[hit.name] = max(related.get(hit.name, 0.0), CONTAINED_WEIGHT)
    return tuple(sorted(related.items()))


def pii_spans(resume: ResumeData) -> list[Span]:
    """Spans of the person's name, contact details, links and address."""
    basics = resume.basics
    spans = [basics.evidence[k] for k in ("name", "email", "phone", "url") if k in basics.evidence]
    for item in (basics.location, *basics.profiles):
        if item is not None:
            spans.extend(item.evidence.values())
    return spans


class ResumeSkills:
    """Where a resume shows each skill: taxonomy skills from the parse stage's mentions (and its
    skills list), any other name by its wording in the text. Spans on personal details never count."""

    def __init__(self, parsed: ParsedDocument) -> None:
        self.text = parsed.document.text
        self._sections = [
            (s.start if s.heading_span is None else s.heading_span[0], s.end, s.kind) for s in parsed.sections
        ]
        self._pii = pii_spans(parsed.resume)
        self.known = _known_evidence(parsed.resume, self.text, self._pii)
        self._phrases: dict[str, SkillEvidence | None] = {}

    def get(self, name: str) -> SkillEvidence | None:
        key = _key(name)
        found = self.known.get(key)
        if found is not None or _canonical(name) is not None:
            return found
        low = key.lower()
        if low not in self._phrases:
            self._phrases[low] = self._search(key)
        return self._phrases[low]

    def _search(self, phrase: str) -> SkillEvidence | None:
        words = [re.escape(w) for w in re.split(r"[\s/-]+", phrase) if w]
        if not words:
            return None
        pattern = re.compile(r"(?<![\w])" + r"[\s/-]+".join(words) + r"(?![\w])", re.IGNORECASE)
        best: SkillEvidence | None = None
        for m in pattern.finditer(self.text):
            if any(a < m.end() and m.start() < b for a, b in self._pii):
                continue
            kind = next((k for a, b, k in self._sections if a <= m.start() < b), "header")
            if kind in _PII_SECTIONS:
                continue
            where = _where(kind)
            if best is None or EVIDENCE_CREDIT[where] > best.credit:
                best = SkillEvidence(where, [] if best is None else best.spans)
            if len(best.spans) < 5:
                best.spans.append((m.start(), m.end()))
        return best


def _where(section_kind: str) -> str:
    return "work" if section_kind in _WORK_SECTIONS else "summary" if section_kind == "summary" else "listed"


def _known_evidence(resume: ResumeData, resume_text: str, pii: list[Span]) -> dict[str, SkillEvidence]:
    """Every taxonomy skill the resume shows, by canonical name, with the strongest place it shows it."""
    out: dict[str, SkillEvidence] = {}

    def add(name: str, where: str, span: Span | None) -> None:
        ev = out.get(name)
        if ev is None or EVIDENCE_CREDIT[where] > ev.credit:
            out[name] = ev = SkillEvidence(where, [] if ev is None else ev.spans)
        if span is not None and len(ev.spans) < 5:
            ev.spans.append(span)

    if resume.skill_mentions:
        for m in resume.skill_mentions:
            if m.section in _PII_SECTIONS or any(a < m.span[1] and m.span[0] < b for a, b in pii):
                continue
            add(m.name, _where(m.section), m.span)
    else:  # a resume built without the parse stage: read its structured fields
        for work in resume.work:
            for part in (work.position or "", work.summary or "", *work.highlights):
                for hit in find_skills(part):
                    add(hit.name, "work", _locate(resume_text, part, hit.start, hit.end))
        for project in resume.projects:
            for part in (project.description or "", *project.highlights, *project.keywords):
                for hit in find_skills(part):
                    add(hit.name, "work", _locate(resume_text, part, hit.start, hit.end))
        for hit in find_skills(resume.basics.summary or ""):
            add(hit.name, "summary", None)
    for group in resume.skills:  # listed keywords the taxonomy resolves, even when not re-found
        for kw in group.keywords:
            name = _canonical(kw)
            if name and name not in out:
                add(name, "listed", _locate(resume_text, kw, 0, len(kw)))
    return out


def _locate(text: str, part: str, a: int, b: int) -> Span | None:
    k = text.find(part[a:b]) if part else -1
    return (k, k + (b - a)) if k >= 0 else None


def check_skills(job_skills: list[JobSkill], skills: ResumeSkills) -> list[SkillCheck]:
    """How well the resume shows each skill: direct evidence, else the best related skill."""
    out = []
    for js in job_skills:
        ev = skills.get(js.name)
        if ev is not None:
            out.append(
                SkillCheck(
                    js.name, ev.credit, ev.where, list(ev.spans), list(js.spans), in_taxonomy=js.in_taxonomy
                )
            )
            continue
        best: tuple[float, str, SkillEvidence] | None = None
        for other, weight in _related(js.name):
            rel = skills.get(other)
            if rel is not None and (best is None or weight * rel.credit > best[0]):
                best = (weight * rel.credit, other, rel)
        if best is not None:
            out.append(
                SkillCheck(
                    js.name,
                    round(best[0], 3),
                    "related",
                    list(best[2].spans),
                    list(js.spans),
                    best[1],
                    js.in_taxonomy,
                )
            )
        else:
            out.append(SkillCheck(js.name, 0.0, "missing", [], list(js.spans), in_taxonomy=js.in_taxonomy))
    return out


def coverage(checks: list[SkillCheck]) -> float | None:
    """Mean credit of the checks (None when the job names no such skills)."""
    return sum(c.credit for c in checks) / len(checks) if checks else None


def named_share(checks: list[SkillCheck]) -> float | None:
    """Share of the checks the resume shows by name (not through a related skill, not missing)."""
    return sum(c.status in SHOWN for c in checks) / len(checks) if checks else None


def named_factor(checks: list[SkillCheck]) -> float | None:
    """``NAMED_FLOOR + (1 - NAMED_FLOOR) × named_share``: 1.0 when every skill is shown by name."""
    share = named_share(checks)
    return None if share is None else NAMED_FLOOR + (1 - NAMED_FLOOR) * share


def required_score(checks: list[SkillCheck]) -> float | None:
    """The required skills' score: their mean credit × ``named_factor``. A must-have shown only
    through a related skill, or missing, costs its own credit and also a share of the others':
    a recruiter asks first whether the candidate has the skills the posting requires, so a
    related skill (TensorFlow for PyTorch) does not stand in for the skill itself, and the resume
    that names more of the required skills ranks above one that makes up for them with related
    ones. Unchanged (the mean credit) when every required skill is shown by name."""
    cov, factor = coverage(checks), named_factor(checks)
    return None if cov is None or factor is None else cov * factor


def required_gain(checks: list[SkillCheck], index: int) -> float:
    """How much ``required_score`` rises when the skill at ``index`` is shown in a role (credit 1.0)."""
    now = required_score(checks) or 0.0
    c = checks[index]
    shown = SkillCheck(c.skill, EVIDENCE_CREDIT["work"], "work", c.resume_spans, c.job_spans)
    return (required_score([*checks[:index], shown, *checks[index + 1 :]]) or 0.0) - now


# --------------------------------------------------------------------------- titles and years


def job_family(job: JobRequirements) -> TitleFamily:
    return TitleFamily(job.family, job.occupation_code)


def _weight(fit: float) -> float:
    return 1.0 if fit >= 0.9 else 0.5 if fit >= 0.4 else 0.25


def role_fits(resume: ResumeData, job: JobRequirements) -> list[RoleFit]:
    """Each work entry's occupation fit to the job and the weight its time gets as experience:
    same occupation 1.0; adjacent 0.5; unrelated 0.25. A title naming no known occupation
    ("Associate Partner", "Department Head", "Senior Manager" — mostly a rank within the person's
    career) takes the occupation of the headline, else of the nearest role in time whose title
    names one, else counts 0.75."""
    target = job_family(job)
    label_fit = _label_fit(resume.basics.label, target)
    out = []
    for work in resume.work:
        fit = family_fit(title_family(work.position), target) if work.position else None
        start = month_index(work.startDate, default_month=7)
        end = month_index(work.endDate, default_month=7) if work.endDate else None
        out.append(RoleFit(work.position or "", fit, 0.75 if fit is None else _weight(fit), start, end))
    known = [r for r in out if r.fit is not None]
    for r in out:
        if r.fit is not None:
            continue
        if label_fit is not None:
            r.weight = _weight(label_fit)
        elif known and r.start is not None:
            nearest = min(
                known, key=lambda k: (abs((k.start if k.start is not None else 0) - r.start), k.position)
            )
            r.weight = _weight(nearest.fit)  # type: ignore[arg-type]
    return out


def _label_fit(label: str | None, target: TitleFamily) -> float | None:
    """Fit of the headline (or its first parts: "Data Analyst | SQL, Tableau") to the job."""
    if not label:
        return None
    for part in [label, *label.replace("|", ",").split(",")[:3]]:
        fit = family_fit(title_family(part.strip()), target)
        if fit is not None:
            return fit
    return None


def title_fit(
    resume: ResumeData, roles: list[RoleFit], job: JobRequirements, resume_text: str
) -> tuple[float | None, str]:
    """Occupation fit 0..1 and the title that shows it: the headline or the latest role at full
    value, earlier roles at 0.85; titles naming no known occupation fall back to the fields the
    resume names ("civil engineering"). None when the job's occupation is unknown."""
    target = job_family(job)
    if target.family is None and target.code is None:
        return None, ""
    label = resume.basics.label
    candidates: list[tuple[float, str]] = []
    if label:
        for part in [label, *label.replace("|", ",").split(",")[:3]]:
            fit = family_fit(title_family(part.strip()), target)
            if fit is not None:
                candidates.append((fit, part.strip()))
                break
    latest = latest_role(roles)
    for i, role in enumerate(roles):
        if role.fit is not None:
            candidates.append((role.fit if i == latest else role.fit * 0.85, role.position))
    if candidates:
        return max(candidates, key=lambda c: c[0])
    if job.family and field_families(resume_text[:4000]).get(job.family):
        return 0.7, "the fields named in the resume"
    return 0.3, ""


def latest_role(roles: list[RoleFit]) -> int:
    """Index of the current (or most recent) role."""
    best, key = 0, None
    for i, r in enumerate(roles):
        k = (r.end is None and r.start is not None, r.end or 0, r.start or 0)
        if key is None or k > key:
            best, key = i, k
    return best


def candidate_seniority(roles: list[RoleFit]) -> str | None:
    """Level of the latest role's title ("senior", "lead", …), if it says one."""
    if not roles:
        return None
    title = roles[latest_role(roles)].position
    return seniority(title) if title else None


def relevant_years(roles: list[RoleFit], as_of: int) -> tuple[float, float]:
    """(relevant years, all years): months covered by roles, overlapping periods counted once;
    each month counts with the weight of the most relevant role covering it. Ongoing roles run to
    ``as_of``."""
    months: dict[int, float] = {}
    for r in roles:
        if r.start is None or r.start > as_of:
            continue
        end = min(as_of, r.end if r.end is not None else as_of)
        for m in range(r.start, end):
            if r.weight > months.get(m, -1.0):
                months[m] = r.weight
    return sum(months.values()) / 12.0, len(months) / 12.0


def required_years(job: JobRequirements) -> tuple[int | None, str]:
    """The years the job asks for, and where that number comes from ("stated", "seniority")."""
    if job.min_years:
        return job.min_years, "stated"
    if job.seniority in SENIORITY_YEARS and SENIORITY_YEARS[job.seniority]:
        return SENIORITY_YEARS[job.seniority], "seniority"
    return None, ""


def years_score(years: float, required: int | None) -> float:
    """1.0 at or above the minimum, falling with the square of the shortfall ratio below it."""
    if not required:
        return 1.0
    ratio = min(1.0, years / required)
    return ratio * ratio


# --------------------------------------------------------------------------- education


def education_fit(resume: ResumeData, job: JobRequirements) -> tuple[float, str | None]:
    """(score, highest degree level held). Full marks without a degree requirement."""
    held = [lvl for lvl in (degree_level(e.studyType) for e in resume.education) if lvl in DEGREE_RANK]
    best = max(held, key=DEGREE_RANK.__getitem__) if held else None
    if not job.degree_level or not job.degree_required:
        return 1.0, best
    need = DEGREE_RANK[job.degree_level]
    if best is None:  # an education section whose degree was not recognised gets the benefit of the doubt
        return (0.5 if resume.education else 0.4), best
    gap = need - DEGREE_RANK[best]
    return (1.0 if gap <= 0 else 0.6 if gap == 1 else 0.3), best
