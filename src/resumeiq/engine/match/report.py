"""The words of a match: explanation, strengths, weaknesses and recommendations, written from the
components' numbers (``match.match_prepared``). A recommendation's ``impact`` is the score points
the gap costs: the component's share of the score × what is missing of it × the occupation factor
(for a required skill, what its component gains if the skill were shown in a role:
``components.required_gain``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from resumeiq.engine.match.components import SkillCheck, required_gain

if TYPE_CHECKING:  # pragma: no cover
    from resumeiq.engine.match.jobs import JobRequirements
    from resumeiq.engine.match.results import EducationFit, ExperienceFit, MatchComponent

_MAX_NAMED = 6
_MAX_RECOMMENDATIONS = 8


@dataclass(slots=True)
class Report:
    explanation: str
    strengths: list[str] = field(default_factory=list)
    weaknesses: list[str] = field(default_factory=list)
    recommendations: list[dict[str, Any]] = field(default_factory=list)


def _names(checks: list[SkillCheck]) -> str:
    names = [c.skill for c in checks[:_MAX_NAMED]]
    more = len(checks) - len(names)
    return ", ".join(names) + (f" and {more} more" if more > 0 else "")


def occupation_words(fit: float | None) -> str:
    if fit is None:
        return "occupation not compared (the posting names none)"
    if fit >= 0.99:
        return "same occupation"
    if fit >= 0.8:
        return "same occupation in an earlier role"
    if fit >= 0.4:
        return "adjacent occupation"
    return "different occupation"


def report(
    req: JobRequirements,
    required: list[SkillCheck],
    preferred: list[SkillCheck],
    fit: float | None,
    best_title: str,
    experience: ExperienceFit,
    education: EducationFit,
    components: list[MatchComponent],
    total_weight: float,
    factor: float,
    score: float,
    category: str,
) -> Report:
    shares = {
        c.id: (c.weight / total_weight if c.score is not None and total_weight else 0.0) for c in components
    }
    got = [c for c in required if c.status in ("work", "summary", "listed")]
    related = [c for c in required if c.status == "related"]
    missing = [c for c in required if c.status == "missing"]
    listed_only = [c for c in required if c.status in ("summary", "listed")]
    in_work = [c for c in required if c.status == "work"]
    pref_got = [c for c in preferred if c.status != "missing"]
    pref_direct = [c for c in preferred if c.status in ("work", "summary", "listed")]
    pref_missing = [c for c in preferred if c.status == "missing"]

    parts = []
    if required:
        parts.append(
            f"shows {len(got)} of {len(required)} required skills ({len(in_work)} in work history"
            + (f", {len(related)} more through related skills" if related else "")
            + ")"
        )
    if preferred:
        extra = len(pref_got) - len(pref_direct)
        parts.append(
            f"{len(pref_direct)} of {len(preferred)} preferred"
            + (f" ({extra} more through related skills)" if extra else "")
        )
    need = experience.required_years
    if need:
        parts.append(f"{experience.relevant_years:.1f} years of relevant experience against {need} required")
    else:
        parts.append(f"{experience.relevant_years:.1f} years of relevant experience")
    parts.append(occupation_words(fit) + (f" ({best_title})" if best_title and fit is not None else ""))
    if education.required and education.required_level:
        parts.append(
            f"degree: {education.held_level or 'none recognised'} ({education.required_level} required)"
        )
    title = req.title or "this job"
    out = Report(explanation=f"Scores {score:.0f}/100 ({category}) for {title}: " + "; ".join(parts) + ".")

    if in_work:
        out.strengths.append(f"Uses required skills in work history: {_names(in_work)}")
    if need and experience.meets_minimum:
        out.strengths.append(f"{experience.relevant_years:.1f} relevant years meet the {need}-year minimum")
    if fit is not None and fit >= 0.8 and best_title:
        out.strengths.append(f"Same occupation as the role: {best_title}")
    if pref_direct:
        out.strengths.append(f"Brings preferred skills: {_names(pref_direct)}")
    if education.required and education.score >= 1.0 and education.held_level:
        out.strengths.append(
            f"Degree meets the requirement: {education.held_level} ({education.required_level} required)"
        )

    if missing:
        out.weaknesses.append(f"Missing required skills: {_names(missing)}")
    if related:
        out.weaknesses.append(
            "Required skills shown only through related ones: "
            + ", ".join(f"{c.skill} (via {c.related_to})" for c in related[:_MAX_NAMED])
        )
    if listed_only:
        out.weaknesses.append(f"Required skills named but not shown in a role: {_names(listed_only)}")
    if need and not experience.meets_minimum:
        out.weaknesses.append(
            f"{experience.relevant_years:.1f} relevant years against the {need}-year minimum"
        )
    if fit is not None and fit < 0.8:
        out.weaknesses.append(
            f"Titles point to an {occupation_words(fit)}"
            if fit >= 0.4
            else "Titles point to a different occupation"
        )
    if education.required and education.score < 1.0:
        out.weaknesses.append(
            f"No {education.required_level} degree recognised ({education.required_level} required)"
        )
    if pref_missing:
        out.weaknesses.append(f"Missing preferred skills: {_names(pref_missing)}")

    recs: list[tuple[float, str, str]] = []
    scale = 100 * factor
    for i, c in enumerate(required):
        # Points gained if this required skill were shown in a role: its credit, and for one
        # shown only through a related skill or missing, the named share it adds (required_score).
        gain = scale * shares["required_skills"] * required_gain(required, i)
        if c.status == "missing":
            text = f"If you have used {c.skill}, show it in a role or project: what you did with it and the result."
        elif c.status == "related":
            text = f"The posting asks for {c.skill}; you show {c.related_to}. Name {c.skill} where you used it, if you have."
        elif c.status in ("summary", "listed"):
            text = f"Show where you used {c.skill} in a role, not only in the skills list."
        else:
            continue
        recs.append((gain, "required_skills", text))
    for c in pref_missing:
        recs.append(
            (
                scale * shares["preferred_skills"] / len(preferred),
                "preferred_skills",
                f"Mention {c.skill} (preferred) if you have worked with it.",
            )
        )
    exp = next((c for c in components if c.id == "experience"), None)
    if need and exp is not None and exp.score is not None and exp.score < 1.0:
        recs.append(
            (
                scale * shares["experience"] * (1 - exp.score),
                "experience",
                f"The role asks for {need} years; give start and end dates for every relevant role and name the "
                "occupation in each title so that all of your relevant time counts.",
            )
        )
    if fit is not None and fit < 0.8:
        recs.append(
            (
                scale * shares["title_fit"] * (1 - fit),
                "title_fit",
                f'If it is true of your work, use a headline that names the role ("{req.title or "the job title"}").',
            )
        )
    recs.sort(key=lambda r: (-r[0], r[1], r[2]))
    out.recommendations = [
        {"priority": i + 1, "component": comp, "text": text, "impact": round(impact, 2)}
        for i, (impact, comp, text) in enumerate(recs[:_MAX_RECOMMENDATIONS])
    ]
    return out
