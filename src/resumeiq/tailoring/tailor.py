"""Deterministic tailoring: a resume and a job → changes that only reorder, rename and surface what
the resume already shows, plus suggestions for what only the person can add.

Pure: no database, settings or network. What it may do, and nothing else:

- reorder skills (within each group, and the groups) and the highlights of each role and project
  by relevance to the job (required skills count 2, preferred 1); roles keep their order;
- rename a listed skill to the posting's name only when the taxonomy says they are the same skill
  ("JS" → "JavaScript");
- surface the matched required skills in the summary (a sentence naming them; a summary is added
  when there is none), only skills the original resume shows;
- suggest, never edit: where a missing required skill could honestly be shown, and which bullets
  lack a number (``[add a number]``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from resumeiq.engine.match.jobs import JobRequirements
from resumeiq.engine.match.results import MatchResult
from resumeiq.engine.parse.skills import canonical_skill, find_skills
from resumeiq.tailoring.changes import Change, pointer

SUMMARY_SKILLS = 4  # at most this many matched skills named in the summary sentence
NUMBER_SUGGESTIONS = 8
_HAS_NUMBER = re.compile(r"\d")


@dataclass(slots=True)
class Suggestion:
    path: str
    kind: str  # missing_skill | add_number
    text: str

    def to_json(self) -> dict[str, str]:
        return {"path": self.path, "kind": self.kind, "text": self.text}


@dataclass(slots=True)
class Tailored:
    changes: list[Change] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)


class _Relevance:
    def __init__(self, job: JobRequirements) -> None:
        self.weights: dict[str, int] = {}
        for skill in job.preferred_skills:
            self.weights[skill.name.lower()] = 1
        for skill in job.required_skills:
            self.weights[skill.name.lower()] = 2
        # Names the taxonomy does not know are matched by their wording.
        self.phrases = [
            (
                re.compile(r"(?<!\w)" + re.escape(s.name) + r"(?!\w)", re.IGNORECASE),
                self.weights[s.name.lower()],
            )
            for s in (*job.required_skills, *job.preferred_skills)
            if not s.in_taxonomy
        ]

    def of_text(self, text: str) -> int:
        names = {hit.name.lower() for hit in find_skills(text)}
        score = sum(self.weights.get(n, 0) for n in names)
        score += sum(w for pattern, w in self.phrases if pattern.search(text))
        return score

    def of_skill(self, keyword: str) -> int:
        name = canonical_skill(keyword) or keyword
        return self.weights.get(name.lower(), 0) or self.of_text(keyword)


def _stable_order(scores: list[int]) -> list[int]:
    return sorted(range(len(scores)), key=lambda i: (-scores[i], i))


def _moved(path: str, values: list[Any], order: list[int], reason: str) -> Change | None:
    if order == list(range(len(order))):
        return None
    return Change(
        id="",
        path=path,
        op="moved",
        before=list(values),
        after=[values[i] for i in order],
        order=order,
        reason=reason,
    )


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def posting_names(job: JobRequirements, job_text: str) -> dict[str, str]:
    """Canonical skill name (lower case) → the posting's own wording of it ("AWS", not "Amazon
    Web Services", when the posting says "AWS")."""
    out: dict[str, str] = {}
    for skill in (*job.required_skills, *job.preferred_skills):
        wording = next((job_text[a:b] for a, b in skill.spans if 0 <= a < b <= len(job_text)), None)
        out[skill.name.lower()] = wording or skill.name
    return out


def tailor_resume(
    resume: dict[str, Any], job: JobRequirements, job_text: str, match: MatchResult
) -> Tailored:
    """Changes and suggestions for ``resume`` (a JSON Resume document) against ``job`` (parsed
    from ``job_text``); ``match`` is the original resume matched against the job (which skills it
    shows, and where)."""
    out = Tailored()
    rel = _Relevance(job)
    job_names = posting_names(job, job_text)

    # Skills: renames to the posting's name, then the order within and across groups.
    groups = resume.get("skills") or []
    group_scores = []
    for gi, group in enumerate(groups):
        keywords = list(group.get("keywords") or [])
        present = {k.lower() for k in keywords}
        renamed = list(keywords)
        for ki, keyword in enumerate(keywords):
            name = canonical_skill(keyword)
            target = job_names.get((name or "").lower())
            same = target is not None and canonical_skill(target) == name  # never another skill
            if target and same and keyword != target and target.lower() not in present:
                out.changes.append(
                    Change(
                        id="",
                        path=pointer("skills", gi, "keywords", ki),
                        op="changed",
                        before=keyword,
                        after=target,
                        reason=f"the posting calls {keyword!r} {target!r} (the same skill)",
                    )
                )
                renamed[ki] = target
                present.add(target.lower())
        scores = [rel.of_skill(k) for k in keywords]
        group_scores.append(max(scores, default=0) * 100 + sum(scores))
        moved = _moved(
            pointer("skills", gi, "keywords"),
            renamed,
            _stable_order(scores),
            "skills the job asks for first",
        )
        if moved:
            out.changes.append(moved)
    if len(groups) > 1:
        moved = _moved(
            "/skills",
            [g.get("name") or f"group {i + 1}" for i, g in enumerate(groups)],
            _stable_order(group_scores),
            "the skill groups with the job's skills first",
        )
        if moved:
            out.changes.append(moved)

    # Highlights of each role and project, most relevant first; entries keep their order.
    for section in ("work", "projects"):
        for ei, entry in enumerate(resume.get(section) or []):
            highlights = list(entry.get("highlights") or [])
            if len(highlights) < 2:
                continue
            moved = _moved(
                pointer(section, ei, "highlights"),
                highlights,
                _stable_order([rel.of_text(h) for h in highlights]),
                "bullets that show the job's skills first",
            )
            if moved:
                out.changes.append(moved)

    # The summary names the matched required skills the resume shows (never a missing one).
    shown = [m.skill for m in match.matched_required if m.status in ("work", "summary", "listed")]
    basics = resume.get("basics") or {}
    summary = basics.get("summary") or ""
    unnamed = [s for s in shown if not re.search(r"(?<!\w)" + re.escape(s) + r"(?!\w)", summary, re.I)]
    if unnamed:
        sentence = f"Key skills for this role: {_join(shown[:SUMMARY_SKILLS])}."
        if summary:
            out.changes.append(
                Change(
                    id="",
                    path="/basics/summary",
                    op="changed",
                    before=summary,
                    after=f"{summary.rstrip()} {sentence}",
                    reason="names the required skills the resume shows",
                )
            )
        else:
            out.changes.append(
                Change(
                    id="",
                    path="/basics/summary",
                    op="added",
                    before=None,
                    after=sentence,
                    reason="a summary naming the required skills the resume shows",
                )
            )

    out.suggestions.extend(_missing_skill_suggestions(resume, match))
    out.suggestions.extend(_number_suggestions(resume))
    for i, change in enumerate(out.changes, start=1):
        change.id = f"d{i}"
    return out


def _role_words(entry: dict[str, Any]) -> str:
    position, employer = entry.get("position"), entry.get("name")
    if position and employer:
        return f"as {position} at {employer}"
    return f"at {employer}" if employer else f"as {position}" if position else "in that role"


def _missing_skill_suggestions(resume: dict[str, Any], match: MatchResult) -> list[Suggestion]:
    work = resume.get("work") or []
    out = []
    for m in match.missing_required:
        where = None
        if m.related_to:  # the role that shows a related skill, else the latest role
            where = next(
                (
                    i
                    for i, w in enumerate(work)
                    if any(
                        hit.name == m.related_to
                        for part in (w.get("summary") or "", *(w.get("highlights") or []))
                        for hit in find_skills(part)
                    )
                ),
                None,
            )
        if where is None and work:
            where = 0
        if where is None:
            text = (
                f"The job requires {m.skill}, which the resume does not show. If you have used it, "
                "add it where you used it; resumeiq did not add it."
            )
            out.append(Suggestion("/skills", "missing_skill", text))
            continue
        entry = work[where]
        hint = f" (the resume shows {m.related_to}, a related skill)" if m.related_to else ""
        text = (
            f"If you used {m.skill} {_role_words(entry)}, say so in that role's bullets{hint}; "
            "resumeiq did not add it because the resume does not show it."
        )
        out.append(Suggestion(pointer("work", where, "highlights"), "missing_skill", text))
    return out


def _number_suggestions(resume: dict[str, Any]) -> list[Suggestion]:
    out = []
    for wi, entry in enumerate(resume.get("work") or []):
        for hi, bullet in enumerate(entry.get("highlights") or []):
            if len(out) >= NUMBER_SUGGESTIONS:
                return out
            if not _HAS_NUMBER.search(bullet):
                out.append(
                    Suggestion(
                        pointer("work", wi, "highlights", hi),
                        "add_number",
                        f"This bullet has no number: add the real one if you know it, e.g. "
                        f"“{bullet.rstrip('.')} ([add a number] …)”. resumeiq never invents one.",
                    )
                )
    return out
