"""Content checks: does the resume show results, in active language, with a summary, detail on
every role, a clean timeline and a skills section?"""

from __future__ import annotations

import re
from functools import cache

from resumeiq.engine.model import Check
from resumeiq.engine.score._context import Bullet, Context, status_for
from resumeiq.engine.score._dates import format_month, month_index
from resumeiq.engine.score._rewrite import rewrite, weak_start
from resumeiq.engine.score._text import (
    is_action_verb,
    language,
    plural,
    quote,
    word_count,
    words,
)
from resumeiq.engine.score._writing import (
    filler_pattern,
    filler_spans,
    find_pronouns,
    line_around,
    unheaded_summary,
    writing_ranges,
)

# A first-person pronoun opening a bullet, with what may sit between it and the verb ("I also led").
_LEADING_PRONOUN = re.compile(r"^(?:I|I['’]ve)\s+(?:(?:also|then|have|had|personally)\s+)?")
_QUANTITY_TARGET = 0.5  # half the bullets quantified earns full marks
_VERB_TARGET = 0.75
_GAP_MONTHS = 6
_MIN_SKILLS = 6


@cache
def _number_pattern() -> re.Pattern[str]:
    words_alt = "|".join(re.escape(w) for w in language()["quantity_words"])
    return re.compile(
        r"[$€£¥₹]\s?\d|\d\s?(?:%|percent|x\b|×|k\b|m\b|bn\b|mm\b)|"  # money, %, multipliers, 40k
        r"(?<![\w/.-])(?!(?:19|20)\d\d(?!\d))\d[\d,.]*(?![\d/])|"  # a number that is not a year
        rf"\b(?:{words_alt})\b",
        re.IGNORECASE,
    )


def is_quantified(text: str) -> bool:
    return bool(_number_pattern().search(text))


def quantified_results(ctx: Context) -> Check:
    bullets = ctx.bullets
    if not bullets:
        return ctx.check(
            "quantified_results", 0.0, "No achievement bullets were found to show results.",
            suggestion="Under each role, add 3–5 bullets that each state a result with a number: "
            "'Cut invoice processing time by 30% by automating approvals'.",
        )
    plain = [b for b in bullets if not is_quantified(b.text)]
    n_q = len(bullets) - len(plain)
    share = n_q / len(bullets)
    score = min(1.0, share / _QUANTITY_TARGET)
    message = (f"{n_q} of {len(bullets)} bullets quantify results ({share:.0%})." if len(bullets) > 1 else
               "The one bullet quantifies a result." if n_q else "The one bullet has no number.")
    suggestion = None
    if plain:
        example = quote(plain[0].text, 80)
        suggestion = (f"Add a number to bullets such as '{example}': how many, how much, how fast or "
                      "by what percentage, e.g. '… for 12 clients, cutting turnaround by 30%'.")
    return ctx.check(
        "quantified_results", score, message, status=status_for(score, passed=0.8, failed=0.3),
        evidence=[f"no number: '{quote(b.text, 80)}'" for b in plain[:5]],
        spans=[b.span for b in plain], suggestion=suggestion,
    )


def action_verbs(ctx: Context) -> Check:
    bullets = ctx.bullets
    if not bullets:
        return ctx.check(
            "action_verbs", 0.5, "No bullets to assess for action verbs.", status="partial",
            suggestion="Describe each role in bullets that start with a strong verb: Led, Built, "
            "Reduced, Launched, Negotiated.",
        )
    strong: list[Bullet] = []
    weak: list[tuple[Bullet, tuple[str, str] | None]] = []
    for b in bullets:
        # "I led …": the verb after the pronoun is what is judged here; the pronoun is a finding of
        # ``pronouns_and_fillers``, so one habit is not counted (and recommended) twice.
        opening = _LEADING_PRONOUN.sub("", b.text, count=1)
        hit = weak_start(opening)
        first = words(opening)[:1]
        if hit is None and first and is_action_verb(first[0]):
            strong.append(b)
        else:  # a rewrite only of the bullet's own opening: "I was responsible …" gets the advice
            weak.append((b, hit if opening == b.text else None))
    share = len(strong) / len(bullets)
    score = min(1.0, share / _VERB_TARGET)
    message = (f"{len(strong)} of {len(bullets)} bullets start with an action verb." if len(bullets) > 1 else
               "The one bullet starts with an action verb." if strong else
               "The one bullet does not start with an action verb.")
    suggestion = None
    flagged = [w for w in weak if w[1]] or weak
    if flagged:
        bullet, hit = flagged[0]
        original = quote(bullet.text, 70)
        rewritten = rewrite(bullet, *hit) if hit else None
        if rewritten:
            suggestion = (f"Rewrite '{original}' to start with an action verb, e.g. '{rewritten} …', and end "
                          "it with the outcome (how much, how many).")
        else:
            suggestion = (f"Start each bullet with what you did, as a verb ('Built …', 'Cut …', 'Led …'), "
                          f"and end it with the result; for example, rework '{original}'.")
    return ctx.check(
        "action_verbs", score, message, status=status_for(score, passed=0.85, failed=0.4),
        evidence=[f"weak start: '{quote(b.text, 80)}'" for b, _ in flagged[:5]],
        spans=[b.span for b, _ in flagged], suggestion=suggestion,
    )


def pronouns_and_fillers(ctx: Context) -> Check:
    text = ctx.text
    ranges = writing_ranges(ctx)

    def in_writing(span: tuple[int, int]) -> bool:
        return any(a <= span[0] < b for a, b in ranges)

    pronouns = [s for s in find_pronouns(text) if in_writing(s)]
    fillers = filler_spans(ctx)
    count = len(pronouns) + len(fillers)
    score = 1.0 if count == 0 else 0.5 if count <= 2 else 0.25 if count <= 5 else 0.0
    found_p = sorted({text[a:b] for a, b in pronouns})
    found_f = sorted({" ".join(text[a:b].lower().split()) for a, b in fillers})
    if count == 0:
        message = "No first-person pronouns or filler phrases."
    else:
        parts = []
        if pronouns:
            parts.append(f"{plural(len(pronouns), 'first-person pronoun')} ({', '.join(repr(p) for p in found_p)})")
        if fillers:
            parts.append(f"{plural(len(fillers), 'filler phrase')} ({', '.join(repr(f) for f in found_f)})")
        message = " and ".join(parts) + "."
    evidence = []
    if found_p:
        evidence.append("pronouns: " + ", ".join(found_p))
    if found_f:
        evidence.append("fillers: " + ", ".join(found_f))
    advice = []
    if pronouns:
        a, b = pronouns[0]
        advice.append(f"Write without '{text[a:b]}', as in '{line_around(text, a, b)}': start with what you "
                      "did ('Led …', 'Built …'), not 'I led …'.")
    if fillers:
        a, b = fillers[0]
        advice.append(f"Replace '{text[a:b]}' with a result that shows it, such as {ctx.profile.result_example}.")
    # One pronoun or buzzword is a slip (partial); two or more are how the resume is written (failed).
    status = "passed" if count == 0 else "partial" if count == 1 else "failed"
    return ctx.check("pronouns_and_fillers", score, message, status=status, evidence=evidence,
                     spans=pronouns + fillers, suggestion=" ".join(advice) or None)


def summary_present(ctx: Context) -> Check:
    sections = ctx.sections_of("summary")
    text = " ".join(ctx.text[s.start : s.end] for s in sections).strip() or (ctx.resume.basics.summary or "")
    spans = [(s.start, s.end) for s in sections]
    where = "opens the resume"
    if not text.strip():
        text, spans = unheaded_summary(ctx)
        where = "opens the resume (without a heading)"
    # Buzzwords are not substance: a summary's length is counted without its filler phrases, and
    # without a sentence that is little else (under 5 words once they are gone).
    n = 0
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        k = word_count(filler_pattern().sub(" ", sentence))
        n += k if k >= 5 or not filler_pattern().search(sentence) else 0
    if n == 0 and not text.strip():
        return ctx.check(
            "summary_present", 0.0, "No professional summary.",
            suggestion=f"Add a 2–3 sentence summary under your name: your role, years of experience, "
            f"strongest {ctx.profile.name} skills and one headline result.",
        )
    if n < 15:
        return ctx.check("summary_present", 0.6, f"The summary is very short ({plural(n, 'word')} of substance).",
                         status="partial",
                         evidence=[quote(text, 120)], spans=spans,
                         suggestion="Expand the summary to 2–3 sentences (30–80 words): role, years, "
                         "key skills and one result.")
    if n > 150:
        return ctx.check("summary_present", 0.6, f"The summary is long ({n} words).", status="partial",
                         evidence=[quote(text, 120)], spans=spans,
                         suggestion="Cut the summary to 2–3 sentences (30–80 words); move details into "
                         "experience bullets.")
    return ctx.check("summary_present", 1.0, f"A {n}-word professional summary {where}.",
                     evidence=[quote(text, 120)], spans=spans)


def experience_detail(ctx: Context) -> Check:
    work = ctx.resume.work
    if not work:
        return ctx.check(
            "experience_detail", 0.0, "No work experience could be read.",
            suggestion="Add an 'Experience' section listing each role (title, employer, dates) with "
            "2–5 bullets of what you achieved.",
        )
    per_entry = [min(1.0, len(w.highlights) / 2 + (0.5 if word_count(w.summary or "") >= 15 else 0.0))
                 for w in work]
    thin = sorted((i for i, s in enumerate(per_entry) if s < 1.0), key=lambda i: (per_entry[i], i))
    score = sum(per_entry) / len(work)
    if not any(w.highlights for w in work):
        lines = sum(1 for ln in ctx.lines_of("experience") if ln.bullet)
        score = max(score, min(1.0, lines / (2 * len(work))))
        if score >= 1.0:
            thin = []
    described = len(work) - len(thin)
    message = (f"{described} of {len(work)} roles are described with at least two highlights." if len(work) > 1
               else "The role is described with at least two highlights." if described
               else "The role is described with fewer than two highlights.")
    suggestion = None
    if thin:
        suggestion = (f"Add 2–5 bullets under '{ctx.work_label(thin[0])}' on what you achieved there, "
                      "with numbers.")
    return ctx.check("experience_detail", score, message, status=status_for(score, passed=0.9, failed=0.4),
                     evidence=[f"{plural(len(work[i].highlights), 'highlight')}: {ctx.work_label(i)}" for i in thin],
                     spans=[ctx.work_span(i) for i in thin], suggestion=suggestion)


def reverse_chronological(ctx: Context) -> Check:
    roles = ctx.roles
    if len(roles) < 2:
        return ctx.check("reverse_chronological", 1.0, "Not assessed: fewer than two dated roles.")
    bad = [
        (a, b) for a, b in zip(roles, roles[1:], strict=False)
        if b.end_or_max > a.end_or_max or (b.end_or_max == a.end_or_max and b.start > a.start)
    ]
    if not bad:
        return ctx.check("reverse_chronological", 1.0, "Roles are listed newest first.")
    score = 0.25 if len(bad) == 1 and len(roles) > 2 else 0.0
    a, b = bad[0]
    evidence = [f"'{ctx.work_label(x.index)}' ({format_month(x.start)}) is listed before "
                f"'{ctx.work_label(y.index)}' ({format_month(y.start)})" for x, y in bad]
    return ctx.check(
        "reverse_chronological", score, f"{plural(len(bad), 'role')} {'is' if len(bad) == 1 else 'are'} out of reverse-chronological order.",
        status="partial" if score else "failed", evidence=evidence,
        spans=[ctx.work_span(b.index) for _, b in bad],
        suggestion=f"List roles newest first: move '{ctx.work_label(b.index)}' above "
        f"'{ctx.work_label(a.index)}', with current roles at the top.",
    )


def _explained(ctx: Context, start: int, end: int) -> bool:
    """A gap is explained by study or a dated project overlapping half of it."""
    for item in [*ctx.resume.education, *ctx.resume.projects]:
        s = month_index(item.startDate)
        e = month_index(item.endDate, end=True) if item.endDate else s
        if s is not None and e is not None and min(e, end) - max(s, start) + 1 >= (end - start + 1) / 2:
            return True
    return False


def employment_gaps(ctx: Context) -> Check:
    roles = sorted(ctx.roles, key=lambda r: (r.start, r.end_or_max))
    if len(roles) < 2:
        return ctx.check("employment_gaps", 1.0, "Not assessed: fewer than two dated roles.")
    text_low = ctx.text.lower()
    if any(p in text_low for p in language()["gap_explanations"]):
        return ctx.check("employment_gaps", 1.0, "Breaks in the timeline are explained in the resume.")
    gaps = []
    covered = roles[0].end_or_max  # last month worked so far
    for role in roles[1:]:
        months = role.start - covered - 1
        if months > _GAP_MONTHS and not _explained(ctx, covered + 1, role.start - 1):
            gaps.append((covered, role, months))
        covered = max(covered, role.end_or_max)
    if not gaps:
        return ctx.check("employment_gaps", 1.0, "No gaps longer than 6 months between roles.")
    # One gap under a year is a question a line answers; longer or repeated gaps weigh more.
    score = 0.5 if len(gaps) == 1 and gaps[0][2] < 12 else 0.25 if len(gaps) == 1 else 0.0
    evidence = [f"{m}-month gap from {format_month(end + 1)} to {format_month(r.start - 1)} before "
                f"'{ctx.work_label(r.index)}'" for end, r, m in gaps]
    end, role, months = gaps[0]
    return ctx.check(
        "employment_gaps", score, f"{plural(len(gaps), 'unexplained gap')} of more than 6 months between roles.",
        status="partial" if score else "failed", evidence=evidence,
        spans=[ctx.work_span(r.index) for _, r, _ in gaps],
        suggestion=f"Explain the {months}-month gap from {format_month(end + 1)} to "
        f"{format_month(role.start - 1)} in one line (study, caregiving, freelance work, a sabbatical) "
        "or add what you did then.",
    )


def skills_section(ctx: Context) -> Check:
    keywords = {kw.strip().casefold(): kw.strip() for s in ctx.resume.skills
                for kw in (s.keywords or ([s.name] if s.name else [])) if kw and kw.strip()}
    has_section = bool(ctx.sections_of("skills")) or bool(keywords)
    spans = [(s.start, s.end) for s in ctx.sections_of("skills")]
    n = len(keywords)
    if not has_section:
        mentioned = sorted({m.name for m in ctx.resume.skill_mentions})
        score = 0.3 if mentioned else 0.0
        return ctx.check(
            "skills_section", score, "No skills section." + (
                f" {plural(len(mentioned), 'skill')} {'is' if len(mentioned) == 1 else 'are'} only mentioned in "
                "the text." if mentioned else ""),
            status="failed", evidence=mentioned[:10],
            suggestion="Add a 'Skills' section listing 8–15 skills by their standard names"
            + (f", e.g. {', '.join(mentioned[:4])}." if mentioned else "."),
        )
    score = min(1.0, n / _MIN_SKILLS)
    message = f"A skills section lists {n} distinct skills."
    return ctx.check(
        "skills_section", score, message, status=status_for(score, passed=0.99, failed=0.5),
        evidence=list(keywords.values())[:12], spans=spans,
        suggestion=f"List at least {_MIN_SKILLS} distinct skills in the skills section, grouped "
        "(e.g. 'Tools: …', 'Methods: …').",
    )


CHECKS_CONTENT = (
    quantified_results, action_verbs, pronouns_and_fillers, summary_present, experience_detail,
    reverse_chronological, employment_gaps, skills_section,
)
