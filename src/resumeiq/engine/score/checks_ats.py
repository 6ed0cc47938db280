"""ATS checks: can an applicant tracking system read the contact details, sections, dates and
skills of this document, and is its layout safe to parse?"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from resumeiq.engine.model import Check
from resumeiq.engine.score._context import Context, status_for
from resumeiq.engine.score._dates import DATE_STYLES
from resumeiq.engine.score._text import plural, skill_key

_EMAIL = re.compile(r"^[\w.+'-]+@[\w-]+(?:\.[\w-]+)+$")
_LINK = re.compile(
    r"(?:https?://|www\.)\S+|\b(?:linkedin\.com|github\.com|gitlab\.com|behance\.net|dribbble\.com)/\S+",
    re.IGNORECASE,
)
_WEB_LINK = re.compile(r"(?:https?://|www\.)[\w-]+\.", re.IGNORECASE)
_PHONE_LIKE = re.compile(r"(?<!\d)(?:\+?\d[\d\s().-]{7,18}\d)(?!\d)")
_CORE_SECTIONS = ("experience", "education", "skills")
_SECTION_NAMES = {
    "experience": "Experience",
    "education": "Education",
    "skills": "Skills",
    "summary": "Summary",
    "projects": "Projects",
    "certificates": "Certifications",
    "languages": "Languages",
    "personal": "Personal details",
    "interests": "Interests",
    "references": "References",
    "awards": "Awards",
    "volunteer": "Volunteering",
    "publications": "Publications",
}
_PLAIN_TEXT = frozenset({"txt", "md"})
_MIN_CHARS_PER_PAGE = 600  # a sparse but real one-page resume has ~1,500
_BREADTH_TARGET = 12  # distinct recognised skills for full breadth credit
_COVERAGE_TARGET = 0.5  # share of a profile's expected skills that earns full coverage credit


def section_name(kind: str) -> str:
    """A section kind as a reader names it: 'Experience', 'Personal details'."""
    return _SECTION_NAMES.get(kind) or kind.replace("_", " ").capitalize()


def _and(items: Iterable[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def contact_name(ctx: Context) -> Check:
    name = (ctx.resume.basics.name or "").strip()
    if name:
        return ctx.check("contact_name", 1.0, f"Name found: {name}.", evidence=[name],
                         spans=[ctx.resume.basics.evidence.get("name")])
    return ctx.check(
        "contact_name", 0.0, "No name was found at the top of the resume.",
        suggestion="Put your full name alone on the first line, as plain text (not in an image, a "
        "text box or the page header).",
    )


def contact_email(ctx: Context) -> Check:
    email = (ctx.resume.basics.email or "").strip()
    if email and _EMAIL.match(email):
        return ctx.check("contact_email", 1.0, f"E-mail address found: {email}.", evidence=[email],
                         spans=[ctx.resume.basics.evidence.get("email")])
    if email:
        return ctx.check(
            "contact_email", 0.4, f"The e-mail address '{email}' does not look valid.", evidence=[email],
            spans=[ctx.resume.basics.evidence.get("email")],
            suggestion=f"Fix the e-mail address '{email}' so that it reads like name@example.com.",
        )
    return ctx.check(
        "contact_email", 0.0, "No e-mail address was found.",
        suggestion="Add an e-mail address in the header, next to your name, e.g. jane.doe@example.com.",
    )


def contact_phone(ctx: Context) -> Check:
    phone = (ctx.resume.basics.phone or "").strip()
    if phone:
        return ctx.check("contact_phone", 1.0, f"Phone number found: {phone}.", evidence=[phone],
                         spans=[ctx.resume.basics.evidence.get("phone")])
    header = ctx.sections_of("header")
    head_text = ctx.text[: header[0].end] if header else ctx.text[:400]
    if m := _PHONE_LIKE.search(head_text):
        raw = m.group(0).strip()
        return ctx.check(
            "contact_phone", 0.5, f"'{raw}' looks like a phone number but could not be read as one.",
            evidence=[raw], spans=[(m.start(), m.end())],
            suggestion=f"Write the phone number '{raw}' in full with its country code, e.g. +1 555 123 4567.",
        )
    return ctx.check(
        "contact_phone", 0.0, "No phone number was found.",
        suggestion="Add a phone number in the header, e.g. +1 555 123 4567.",
    )


def contact_links(ctx: Context) -> Check:
    basics = ctx.resume.basics
    links = [p.url or f"{p.network}: {p.username}" for p in basics.profiles if p.url or p.username]
    if basics.url:
        links.insert(0, basics.url)
    if not links:  # the parser found none: look for a written link in the header
        header = ctx.sections_of("header")
        head_text = ctx.text[: header[0].end] if header else ctx.text[:500]
        links = [m.group(0).rstrip(".,;)") for m in _LINK.finditer(head_text)]
    if not links:  # PDF link annotations: an icon or a word ("LinkedIn") that opens the profile
        links = list(dict.fromkeys(
            link.url for link in ctx.parsed.document.links
            if not link.url.lower().startswith(("mailto:", "tel:")) and _WEB_LINK.match(link.url)))
    wanted = " or ".join(ctx.profile.profile_links) or "LinkedIn"
    if links:
        return ctx.check("contact_links", 1.0, f"{plural(len(links), 'profile link')} found.", evidence=links)
    return ctx.check(
        "contact_links", 0.4, "No LinkedIn, GitHub, portfolio or personal website link was found.",
        status="partial",
        suggestion=f"Add a {wanted} link in the header, e.g. linkedin.com/in/your-name.",
    )


def standard_headings(ctx: Context) -> Check:
    sections = ctx.parsed.sections
    recognised = [s for s in sections if s.kind not in ("header", "other")]
    found = {s.kind for s in recognised}
    headings = [ctx.text[s.heading_span[0] : s.heading_span[1]] for s in recognised if s.heading_span]
    spans = [s.heading_span for s in recognised]
    unknown = [s.heading for s in sections if s.kind == "other" and s.heading]
    evidence = [f"heading '{h.strip()}'" for h in headings] + [f"unrecognised heading '{h}'" for h in unknown]
    if not recognised:
        return ctx.check(
            "standard_headings", 0.0, "No standard section headings were recognised, so an ATS cannot "
            "tell experience from education or skills.", evidence=evidence,
            suggestion="Put each part under a plain, standard heading on its own line: 'Experience', "
            "'Education', 'Skills' (and 'Summary' at the top).",
        )
    core_missing = [k for k in _CORE_SECTIONS if k not in found]
    extra = [k for k in ctx.profile.expected_sections if k not in _CORE_SECTIONS]
    extra_missing = [k for k in extra if k not in found]
    score = 0.85 * (1 - len(core_missing) / len(_CORE_SECTIONS))
    score += 0.15 * (1 - len(extra_missing) / len(extra)) if extra else 0.15
    names = [section_name(k) for k in core_missing + extra_missing]
    message = f"Recognised sections: {', '.join(sorted(section_name(k) for k in found))}."
    status = "passed" if not core_missing else ("failed" if len(core_missing) >= 2 else "partial")
    if names and status != "passed":
        message += f" Not found: {', '.join(names)}."
    elif names:
        evidence.append("optional section not found: " + ", ".join(names))
    suggestion = None
    if names:
        heading = "a heading" if len(names) == 1 else "headings"
        suggestion = f"Add {_and(repr(n) for n in names)} under standard {heading}"
        if unknown:
            suggestion += f"; rename unusual headings such as '{unknown[0]}' to a standard one"
        suggestion += "."
    return ctx.check("standard_headings", score, message, status=status, evidence=evidence,
                     spans=spans, suggestion=suggestion)


def parseable_dates(ctx: Context) -> Check:
    work = ctx.resume.work
    if not work:
        hits = sum(len(p.findall(ctx.text)) for _, p in DATE_STYLES)
        if hits >= 2:
            return ctx.check(
                "parseable_dates", 0.5, "Dates were found, but no role could be read with its dates.",
                status="partial",
                suggestion="Give every role its own line with job title, employer and a date range "
                "such as 'Jan 2021 – Present'.",
            )
        return ctx.check(
            "parseable_dates", 0.0, "No roles with dates were found.",
            suggestion="List each role with a start and end date, e.g. 'Data Analyst, Acme Corp — "
            "Mar 2020 – Present'.",
        )
    dated = {r.index for r in ctx.roles}
    undated = [i for i in range(len(work)) if i not in dated]
    score = len(dated) / len(work)
    message = (f"{len(dated)} of {len(work)} roles have readable dates." if len(work) > 1 else
               "The role has readable dates." if dated else "The role has no readable dates.")
    evidence = [f"no readable dates: {ctx.work_label(i)}" for i in undated]
    suggestion = None
    if undated:
        suggestion = (f"Add a start and end date to '{ctx.work_label(undated[0])}' in the form "
                      "'Mar 2020 – Jun 2023' (or '– Present').")
    return ctx.check("parseable_dates", score, message, status=status_for(score, passed=0.99, failed=0.5),
                     evidence=evidence, spans=[ctx.work_span(i) for i in undated], suggestion=suggestion)


def layout_columns(ctx: Context) -> Check:
    layout = ctx.parsed.document.layout
    columns = max(layout.columns, 2 if any(ln.column > 0 for ln in ctx.parsed.document.lines) else 1)
    if columns <= 1 and layout.column_pages <= 0:
        return ctx.check("layout_columns", 1.0, "Single-column layout.")
    pages = max(layout.column_pages, 1)
    return ctx.check(
        "layout_columns", 0.0,
        f"Text is laid out in {columns} columns on {pages} of {plural(ctx.pages, 'page')}; many ATS read "
        "columns across, mixing lines of both.", status="failed",
        evidence=[f"{columns} columns", f"{plural(pages, 'page')} in columns"],
        suggestion="Use a single-column layout: move the side column (skills, contact, languages) into "
        "sections of the main column.",
    )


def layout_tables(ctx: Context) -> Check:
    layout = ctx.parsed.document.layout
    if layout.tables <= 0 and layout.text_boxes <= 0:
        return ctx.check("layout_tables", 1.0, "No tables or text boxes.")
    total = sum(ln.end - ln.start for ln in ctx.parsed.document.lines) or 1
    in_table = sum(ln.end - ln.start for ln in ctx.parsed.document.lines if ln.in_table)
    share = in_table / total
    score = 1.0 - min(1.0, share * 1.5) if layout.tables else 1.0
    score = min(score, 0.8) if layout.tables else score
    if layout.text_boxes:
        score = min(score, 0.3)
    parts = []
    if layout.tables:
        parts.append(f"{plural(layout.tables, 'table')} holding {share:.0%} of the text")
    if layout.text_boxes:
        parts.append(f"{plural(layout.text_boxes, 'text box', 'text boxes')}")
    return ctx.check(
        "layout_tables", score, f"Found {' and '.join(parts)}; ATS often skip or scramble them.",
        status=status_for(score, passed=0.95, failed=0.35), evidence=parts,
        suggestion="Replace tables and text boxes with plain lines: 'Skills: Python, SQL, Tableau' "
        "instead of a grid.",
    )


def text_in_images(ctx: Context) -> Check:
    layout = ctx.parsed.document.layout
    if layout.images <= 0:
        return ctx.check("text_in_images", 1.0, "No images.")
    per_page = _text_chars(ctx) / ctx.pages
    if per_page < _MIN_CHARS_PER_PAGE:
        return ctx.check(
            "text_in_images", 0.0, f"{plural(layout.images, 'image')} and only {per_page:.0f} text characters "
            "per page: content is probably inside images an ATS cannot read.", status="failed",
            evidence=[plural(layout.images, "image")],
            suggestion="Export the resume from a word processor as real text; never paste a screenshot "
            "or a scanned page.",
        )
    return ctx.check(
        "text_in_images", 0.7, f"{plural(layout.images, 'image')} (photo, logos or icons); any words inside them "
        "are invisible to an ATS.", status="partial", evidence=[plural(layout.images, "image")],
        suggestion="Make sure no information lives only in images or icons: write 'Email:', 'Phone:' "
        "as text rather than as icons, and drop the photo unless your market expects one.",
    )


def _text_chars(ctx: Context) -> int:
    counted = sum(1 for c in ctx.text if not c.isspace())
    return max(ctx.parsed.document.layout.text_chars, counted) if counted else 0


def extractable_text(ctx: Context) -> Check:
    chars = _text_chars(ctx)
    per_page = chars / ctx.pages
    junk = ctx.text.count("\ufffd") + 5 * len(re.findall(r"\(cid:\d+\)", ctx.text))
    junk_share = junk / chars if chars else 0.0
    pdf = ctx.parsed.document.format not in _PLAIN_TEXT  # a PDF, or a Word file that may hold images
    if chars == 0 or pdf and per_page < _MIN_CHARS_PER_PAGE / 3:
        return ctx.check(
            "extractable_text", 0.0, f"Only {chars} characters of text could be extracted "
            f"({per_page:.0f} per page).", status="failed",
            suggestion="Save the resume as a text-based PDF or DOCX from your editor (not a scan or "
            "an image), so that its words can be selected and copied.",
        )
    # Few characters per page says a PDF's (or a Word file's) words may be pictures; a plain text
    # file has given all it holds (a short one is the length check's business).
    density = min(1.0, per_page / _MIN_CHARS_PER_PAGE) if pdf else 1.0
    score = density * (1.0 - min(1.0, junk_share * 10))
    message = f"{chars} characters of text extracted ({per_page:.0f} per page)."
    if junk_share > 0.01:
        message += f" {junk_share:.0%} of the characters are unreadable glyphs."
    return ctx.check(
        "extractable_text", score, message, status=status_for(score, passed=0.9, failed=0.4),
        suggestion="Re-export the PDF with standard, embedded fonts (File → Save as PDF from your "
        "editor) so that every character can be read.",
    )


def header_footer_text(ctx: Context) -> Check:
    chars = ctx.parsed.document.layout.header_footer_chars
    if chars <= 0:
        return ctx.check("header_footer_text", 1.0, "No text in page headers or footers.")
    basics = ctx.resume.basics
    if not basics.email and not basics.phone:
        return ctx.check(
            "header_footer_text", 0.0, f"{chars} characters sit in the page header/footer and no contact "
            "details were found in the body: many ATS drop headers and footers.", status="failed",
            suggestion="Move your name, e-mail and phone from the page header into the first lines of "
            "the document body.",
        )
    return ctx.check(
        "header_footer_text", 0.6, f"{chars} characters sit in the page header/footer, which many ATS "
        "ignore.", status="partial",
        suggestion="Keep nothing important in the page header or footer; put contact details in the "
        "body's first lines.",
    )


class IndustryFit(NamedTuple):
    """How much of a profile's expected skills a resume shows. ``share``: matched / expected;
    ``coverage``: 0..1, important skills weighted 0.6, full at half of the list."""

    matched: list[str]
    missing: list[str]
    share: float
    coverage: float
    found: dict[str, tuple[int, int] | None]


def industry_fit(ctx: Context) -> IndustryFit:
    profile = ctx.profile
    found: dict[str, tuple[int, int] | None] = {}
    for skill in ctx.resume.skills:
        for kw in skill.keywords or ([skill.name] if skill.name else []):
            if kw and kw.strip():
                found.setdefault(skill_key(kw), None)
    for m in ctx.resume.skill_mentions:
        key = skill_key(m.name)
        if found.get(key) is None:
            found[key] = m.span
    expected = profile.expected_skills
    important = profile.important_skills or expected
    matched = [s for s in expected if skill_key(s) in found]
    missing_important = [s for s in important if skill_key(s) not in found]
    missing = missing_important + [s for s in expected if skill_key(s) not in found and s not in important]
    imp_cov = sum(1 for s in important if skill_key(s) in found) / len(important) if important else 0.0
    exp_cov = len(matched) / len(expected) if expected else 0.0
    coverage = min(1.0, (0.6 * imp_cov + 0.4 * exp_cov) / _COVERAGE_TARGET)
    return IndustryFit(matched, missing, exp_cov, coverage, found)


def industry_keywords(ctx: Context) -> Check:
    profile = ctx.profile
    fit = industry_fit(ctx)
    matched, missing, coverage, found = fit.matched, fit.missing, fit.coverage, fit.found
    expected = profile.expected_skills
    breadth = min(1.0, len(found) / _BREADTH_TARGET)
    score = (1 - profile.breadth_weight) * coverage + profile.breadth_weight * breadth
    message = (f"The resume shows {len(matched)} of the {len(expected)} skills {profile.name} employers look "
               f"for ({plural(len(found), 'distinct skill')} in total).")
    evidence = []
    if matched:
        evidence.append("matched: " + ", ".join(matched))
    if missing:
        evidence.append("missing: " + ", ".join(missing))
    spans = [found[skill_key(s)] for s in matched]
    top = ", ".join(missing[:5])
    return ctx.check(
        "industry_keywords", score, message, status=status_for(score, passed=0.8, failed=0.35),
        evidence=evidence, spans=spans,
        suggestion=(f"Add the {profile.name} skills you really have, by their standard names, to the "
                    f"skills section and to the bullets where you used them: {top}.") if top else
        "Name more of your skills by their standard names in a skills section.",
    )


CHECKS_ATS = (
    contact_name, contact_email, contact_phone, contact_links, standard_headings, parseable_dates,
    layout_columns, layout_tables, text_in_images, extractable_text, header_footer_text, industry_keywords,
)
