"""Parse stage: sections → ``ResumeData`` (JSON Resume with evidence)."""

from __future__ import annotations

from resumeiq.engine.model import ExtractedDocument, ResumeData, Section, Skill, SkillMention
from resumeiq.engine.parse.contact import parse_basics
from resumeiq.engine.parse.education import parse_education
from resumeiq.engine.parse.extras import parse_certificates, parse_languages, parse_projects, parse_summary
from resumeiq.engine.parse.phones import phone_in_named_country
from resumeiq.engine.parse.places import countries_named
from resumeiq.engine.parse.skill_groups import parse_skill_groups
from resumeiq.engine.parse.skills import find_skills
from resumeiq.engine.parse.work import parse_work


def build_resume(doc: ExtractedDocument, sections: list[Section]) -> ResumeData:
    resume = ResumeData(basics=parse_basics(doc, sections))
    for section in sections:
        kind = section.kind
        if kind == "experience":
            resume.work.extend(parse_work(doc, section))
        elif kind == "education":
            resume.education.extend(parse_education(doc, section))
        elif kind == "skills":
            resume.skills.extend(parse_skill_groups(doc, section))
        elif kind == "certificates":
            resume.certificates.extend(parse_certificates(doc, section))
        elif kind == "languages":
            resume.languages.extend(parse_languages(doc, section))
        elif kind == "projects":
            resume.projects.extend(parse_projects(doc, section))
        elif kind == "summary" and resume.basics.summary is None:
            summary = parse_summary(doc, section)
            if summary:
                resume.basics.summary, resume.basics.evidence["summary"] = summary
    if not any(s.kind == "experience" for s in sections):
        # No work-history heading: dated jobs under another heading ("Summary of Qualifications"
        # running into the jobs) still count when they read as jobs in full.
        for section in sections:
            if section.kind in ("header", "summary", "other", "additional"):
                resume.work.extend(w for w in parse_work(doc, section) if w.startDate and w.name and w.position)
    if not any(s.kind == "education" for s in sections):
        unheaded = _unheaded_education(doc, sections)
        if unheaded is not None:
            resume.education.extend(parse_education(doc, unheaded))
    resume.skill_mentions = _skill_mentions(doc, sections)
    _add_mentioned_skills(resume)
    _place_phone(resume, doc)
    return resume


def _place_phone(resume: ResumeData, doc: ExtractedDocument) -> None:
    """A national number left without a country (no location in the header, several countries
    named): the country of the latest school or employer whose place is known and whose plan
    reads the number, so an "020 …" of a resume whose last school was in Edinburgh is British."""
    basics = resume.basics
    if not basics.phone or basics.phone.startswith("+") or (basics.location and basics.location.countryCode):
        return
    entries = [(w.startDate, w.endDate, w.name, w.location) for w in resume.work]
    entries += [(e.startDate, e.endDate, e.institution, None) for e in resume.education]
    # An ongoing entry (a start, no end) is the latest; undated ones come last.
    dated = [(end or ("9999" if start else ""), " ".join(filter(None, (org, place)))) for start, end, org, place in entries]
    named: list[str] = []
    for _date, words in sorted(dated, key=lambda d: d[0], reverse=True):
        named.extend(c for c in countries_named(words) if c not in named)
    a, b = basics.evidence["phone"]
    placed = phone_in_named_country(doc.text[a:b], named, latest_first=True) if named else None
    if placed:
        basics.phone = placed


def _unheaded_education(doc: ExtractedDocument, sections: list[Section]) -> Section | None:
    """Degrees listed at the top without an "Education" heading ("Master of Science in Reading
    Education / May 2009 / Bramwell University"): from the header's first line naming a degree in
    full to the header's end."""
    from resumeiq.engine.parse.education import find_degree, is_institution

    header = next((s for s in sections if s.kind == "header"), None)
    if header is None:
        return None

    def school_line(j: int) -> bool:
        if not header.first_line <= j < header.end_line:
            return False
        ln = doc.lines[j]
        return is_institution(doc.text[ln.start : ln.end].split("\t")[0].strip())

    for i in range(header.first_line, header.end_line):
        line = doc.lines[i]
        hit = find_degree(doc.text, line.start, line.end)
        if not hit or hit[3] not in ("bachelor", "master", "doctorate", "associate"):
            continue
        # A degree named in full, or abbreviated ("B.Ed. in …") under or over its school's line.
        first = i if len(hit[0].replace(".", "")) > 6 else next((j for j in (i - 1, i + 1) if school_line(j)), None)
        if first is not None:
            first = min(first, i)
            return Section(
                kind="education", heading=None, heading_span=None, first_line=first, end_line=header.end_line,
                start=doc.lines[first].start, end=header.end,
            )
    return None


def _add_mentioned_skills(resume: ResumeData) -> None:
    """For a resume without a skills list: the skills its text names (in work history, projects,
    summary), as one uncategorised group, with the span of the first mention. A resume that lists
    its skills is taken at its word; the mentions stay in ``skill_mentions`` for scoring."""
    if sum(len(g.keywords) for g in resume.skills) >= 5:
        return
    listed = {k.lower() for group in resume.skills for k in group.keywords}
    listed |= {canonical.lower() for canonical in (_canon(k) for g in resume.skills for k in g.keywords) if canonical}
    extra = Skill()
    seen: set[str] = set()
    for mention in resume.skill_mentions:
        if mention.section == "skills" or mention.category == "soft_skill":
            continue
        key = mention.name.lower()
        if key in listed or key in seen:
            continue
        seen.add(key)
        extra.evidence[f"keywords.{len(extra.keywords)}"] = mention.span
        extra.keywords.append(mention.name)
    if extra.keywords:
        resume.skills.append(extra)


def _canon(keyword: str) -> str | None:
    from resumeiq.engine.parse.skills import canonical_skill

    return canonical_skill(keyword)


def _skill_mentions(doc: ExtractedDocument, sections: list[Section]) -> list[SkillMention]:
    out: list[SkillMention] = []
    for section in sections:
        start = section.heading_span[0] if section.heading_span else section.start
        for hit in find_skills(doc.text, start, section.end):
            if section.heading_span and hit.start < section.heading_span[1]:
                continue
            out.append(SkillMention(name=hit.name, category=hit.category, span=(hit.start, hit.end), section=section.kind))
    return out
