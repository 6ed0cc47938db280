"""Formatting checks: length, bullets, date style and section order."""

from __future__ import annotations

import math

from resumeiq.engine.model import Check
from resumeiq.engine.score._context import Context, status_for
from resumeiq.engine.score._dates import DATE_STYLES
from resumeiq.engine.score._text import plural, quote, word_count
from resumeiq.engine.score._writing import filler_words

_TOO_SHORT_WORDS = 200
_SHORT_WORDS = 300
_WORDS_PER_PAGE = 600  # a full page of resume text; beyond max_pages × this reads as long
_TOO_LONG_WORDS = 1600  # per 2 typical pages
_TOO_LONG_PAGES = 5
_LONG_BULLET_WORDS = 35
TOO_LONG = "far longer than"  # how the message of a far too long document goes on after its size


def length(ctx: Context) -> Check:
    # Pronouns and filler phrases are padding, not content: they do not make a short resume long enough.
    padding = filler_words(ctx)
    words, pages = ctx.word_count - padding, ctx.pages
    low, high = ctx.profile.typical_pages
    too_long_words = _TOO_LONG_WORDS * max(1.0, high / 2)
    too_long_pages = max(_TOO_LONG_PAGES, high + 3)
    desc = f"{plural(words, 'word')} on {plural(pages, 'page')}"
    if padding:
        desc += " (not counting pronouns and filler phrases)"
    typical = f"{low}–{high} pages" if low != high else plural(low, "page")
    if words < _TOO_SHORT_WORDS:
        # No cliff at the thresholds: 0.1 at 100 words, 0.3 at 200, 1.0 at 300 (linear between).
        score = 0.1 * words / 100 if words < 100 else 0.1 + 0.2 * (words - 100) / (_TOO_SHORT_WORDS - 100)
        return ctx.check(
            "length", score, f"{desc}: too short to show your experience.", status="failed", evidence=[desc],
            suggestion="Expand to at least one full page (350+ words): " + _what_to_add(ctx) + ".",
        )
    if pages >= too_long_pages or words > too_long_words:
        return ctx.check(
            "length", 0.0, f"{desc}: {TOO_LONG} the {typical} typical in {ctx.profile.name}.",
            status="failed", evidence=[desc],
            suggestion=f"Cut to {typical} (about {_WORDS_PER_PAGE * high} words): keep the last 10–15 years, "
            "3–5 bullets per role, and drop repeated or unrelated material.",
        )
    if words < _SHORT_WORDS:
        score = 0.3 + 0.7 * (words - _TOO_SHORT_WORDS) / (_SHORT_WORDS - _TOO_SHORT_WORDS)
        return ctx.check("length", score, f"{desc}: on the short side.", status="partial", evidence=[desc],
                         suggestion="Add detail: 3–5 quantified bullets for each recent role.")
    if pages > high or words > _WORDS_PER_PAGE * high:
        over = max(pages - high, math.ceil(words / _WORDS_PER_PAGE) - high, 1)
        score = max(0.2, 0.7 - 0.2 * (over - 1))
        return ctx.check(
            "length", score, f"{desc}: longer than the {typical} typical in {ctx.profile.name} (about {_WORDS_PER_PAGE * high} words).",
            status="partial", evidence=[desc],
            suggestion=f"Trim to {typical}: shorten older roles to one line each and keep bullets to the "
            "results that matter for the target job.",
        )
    return ctx.check("length", 1.0, f"{desc}: a typical length for {ctx.profile.name}.", evidence=[desc])


def _what_to_add(ctx: Context) -> str:
    adds = ["add 3–5 result bullets per role"]
    if not ctx.sections_of("summary") and not ctx.resume.basics.summary:
        adds.append("a short summary")
    if not ctx.sections_of("skills") and not ctx.resume.skills:
        adds.append("a skills section")
    return adds[0] if len(adds) == 1 else ", ".join(adds[:-1]) + " and " + adds[-1]


def bullet_use(ctx: Context) -> Check:
    n_work = len(ctx.resume.work)
    exp_lines = ctx.lines_of("experience")
    bullet_lines = sum(1 for ln in exp_lines if ln.bullet)
    highlights = sum(len(w.highlights) for w in ctx.resume.work)
    if not n_work and not exp_lines:
        return ctx.check("bullet_use", 0.5, "No experience section to assess.", status="partial",
                         suggestion="Describe your experience in bullet points, 3–5 per role.")
    measure = max(bullet_lines, highlights)
    expected = max(3, 2 * n_work)
    score = min(1.0, measure / expected)
    message = (f"{plural(measure, 'bullet point')} describe{'s' if measure == 1 else ''} "
               f"{plural(n_work, 'role') if n_work else 'the experience'}.")
    paragraphs = [ln for ln in exp_lines if not ln.bullet and word_count(ctx.line_text(ln)) > 25]
    return ctx.check(
        "bullet_use", score, message, status=status_for(score, passed=0.9, failed=0.4),
        evidence=[f"paragraph: '{quote(ctx.line_text(ln), 80)}'" for ln in paragraphs[:3]],
        spans=[(ln.start, ln.end) for ln in paragraphs],
        suggestion="Turn experience paragraphs into bullet points (one achievement per bullet, 3–5 per "
        "role) so recruiters and ATS can scan them.",
    )


def bullet_length(ctx: Context) -> Check:
    bullets = ctx.bullets
    if not bullets:
        return ctx.check("bullet_length", 1.0, "Not assessed: no bullet points.")
    long = sorted((b for b in bullets if word_count(b.text) > _LONG_BULLET_WORDS),
                  key=lambda b: -word_count(b.text))
    if not long:
        return ctx.check("bullet_length", 1.0, (f"All {len(bullets)} bullets are {_LONG_BULLET_WORDS} words or fewer." if len(bullets) > 1
                                else f"The one bullet is {_LONG_BULLET_WORDS} words or fewer."))
    share = len(long) / len(bullets)
    score = max(0.0, 1.0 - 2.5 * share)
    worst = long[0]
    return ctx.check(
        "bullet_length", score, f"{len(long)} of {len(bullets)} bullets run over {_LONG_BULLET_WORDS} words." if len(bullets) > 1 else
        f"The one bullet runs over {_LONG_BULLET_WORDS} words.",
        status=status_for(score, passed=0.95, failed=0.4),
        evidence=[f"{word_count(b.text)} words: '{quote(b.text, 70)}'" for b in long[:5]],
        spans=[b.span for b in long],
        suggestion=f"Split or cut bullets such as '{quote(worst.text, 70)}' ({word_count(worst.text)} words) "
        "to one line or two: action, what, result.",
    )


def consistent_dates(ctx: Context) -> Check:
    # Bare-year ranges are normal for education and certificates next to month dates for roles.
    full = {"experience", "projects"}
    year_ok = {"education", "certificates"}
    ranges = [(s.start, s.end, s.kind in year_ok) for s in ctx.parsed.sections if s.kind in full | year_ok]
    hits: list[tuple[int, int, str]] = []
    for start, end, skip_years in ranges or [(0, len(ctx.text), False)]:
        chunk = ctx.text[start:end]
        for style, pattern in DATE_STYLES:
            if skip_years and style == "YYYY":
                continue
            hits.extend((start + m.start(), start + m.end(), style) for m in pattern.finditer(chunk))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, str]] = []
    for h in hits:  # drop matches inside a longer one already kept
        if not kept or h[0] >= kept[-1][1]:
            kept.append(h)
    counts: dict[str, int] = {}
    for _, _, style in kept:
        counts[style] = counts.get(style, 0) + 1
    if len(counts) <= 1:
        msg = f"All dates use one style ({next(iter(counts))})." if counts else "Not assessed: no dates found."
        return ctx.check("consistent_dates", 1.0, msg)
    main = max(sorted(counts), key=lambda s: counts[s])
    odd = [h for h in kept if h[2] != main]
    share = counts[main] / len(kept)
    score = 0.0 if len(counts) >= 3 and share < 0.6 else 0.5
    example = ctx.text[odd[0][0] : odd[0][1]]
    return ctx.check(
        "consistent_dates", score,
        "Dates are written in " + ", ".join(f"{s} ({n})" for s, n in sorted(counts.items())) + " styles.",
        status="partial" if score else "failed",
        evidence=[f"{h[2]}: '{ctx.text[h[0]:h[1]]}'" for h in odd[:6]], spans=[(h[0], h[1]) for h in odd],
        suggestion=f"Write every date in one style, e.g. '{main}' — change '{example}' to match.",
    )


def section_order(ctx: Context) -> Check:
    order = [k for k in ctx.kinds if k not in ("header", "other")]
    if not order:  # "standard_headings" reports it (and says what to do): not a second finding
        return ctx.check("section_order", 1.0, "Not assessed: no standard sections to put in order.")
    problems = []
    email_span = ctx.valid_span(ctx.resume.basics.evidence.get("email"))
    first_body = next((s.start for s in ctx.parsed.sections if s.kind not in ("header",)), len(ctx.text))
    if email_span and email_span[0] > first_body and email_span[0] > len(ctx.text) * 0.25:
        problems.append("contact details are not at the top")
    if "summary" in order and order.index("summary") > 0 and order[0] in ("experience", "education"):
        problems.append("the summary comes after " + order[0])
    experienced = len(ctx.resume.work) >= 2 or len(ctx.roles) >= 2
    if experienced and "experience" in order and "education" in order and (
        order.index("education") < order.index("experience")
    ):
        problems.append("education comes before experience")
    if not problems:
        return ctx.check("section_order", 1.0, "Sections follow the usual order.")
    score = 0.5 if len(problems) == 1 else 0.0
    return ctx.check(
        "section_order", score, "Order: " + "; ".join(problems) + ".", status="partial" if score else "failed",
        evidence=[" → ".join(dict.fromkeys(order))],
        suggestion="Put the contact details at the top, then the sections in the usual order: Summary, "
        "Experience, Education, Skills (recent graduates may put Education first).",
    )


CHECKS_FORMATTING = (length, bullet_use, bullet_length, consistent_dates, section_order)
