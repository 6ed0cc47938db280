"""Hand-built ParsedDocuments for the review tests (no extraction or parsing involved)."""

from __future__ import annotations

from resumeiq.engine.model import (
    Basics,
    Education,
    ExtractedDocument,
    Layout,
    Line,
    ParsedDocument,
    ResumeData,
    Section,
    Skill,
    SkillMention,
    Work,
)

Block = tuple[str | None, str, list[str]]  # heading (None: no heading line), section kind, body lines


def build_doc(blocks: list[Block], *, layout: Layout | None = None, fmt: str = "txt") -> tuple[ExtractedDocument, list[Section]]:
    """Text, lines and sections from blocks; body lines starting with "- " are bullets."""
    parts: list[str] = []
    lines: list[Line] = []
    sections: list[Section] = []
    pos = 0

    def add(text: str) -> Line:
        nonlocal pos
        line = Line(start=pos, end=pos + len(text), bullet=text.startswith("- "))
        parts.append(text)
        lines.append(line)
        pos += len(text) + 1
        return line

    for heading, kind, body in blocks:
        span = None
        if heading is not None:
            h = add(heading)
            span = (h.start, h.end)
        first = len(lines)
        body_start = pos
        for text in body:
            add(text)
        sections.append(Section(kind=kind, heading=heading, heading_span=span, first_line=first,
                                end_line=len(lines), start=body_start, end=max(body_start, pos - 1)))
    text = "\n".join(parts)
    layout = layout or Layout(pages=1, text_chars=sum(1 for c in text if not c.isspace()))
    return ExtractedDocument(text=text, format=fmt, lines=lines, layout=layout), sections


ROLES = [
    ("Senior Data Analyst", "Acme Corp", "2021-03", None, "Mar 2021 – Present", [
        "Built a churn model in Python that cut customer attrition by 12% in one year",
        "Automated 40 weekly SQL reports, saving the finance team 15 hours a week",
        "Led a team of 4 analysts delivering dashboards in Tableau to 300 users",
    ]),
    ("Data Analyst", "Globex", "2018-06", "2021-02", "Jun 2018 – Feb 2021", [
        "Designed A/B tests for 25 pricing experiments, lifting conversion by 8%",
        "Reduced data cleaning time by 60% with reusable pandas pipelines",
        "Presented quarterly findings to 5 directors, shaping a $2M budget decision",
    ]),
    ("Junior Analyst", "Initech", "2016-09", "2018-05", "Sep 2016 – May 2018", [
        "Reconciled 1,200 monthly transactions in Microsoft Excel with zero audit findings",
        "Created 10 Power BI dashboards tracking sales across 3 regions",
        "Trained 6 new hires on the reporting process, halving onboarding time",
    ]),
]
SKILLS = ["Python", "SQL", "Tableau", "pandas", "A/B Testing", "Microsoft Excel", "Power BI",
          "Machine Learning", "Statistical Analysis", "Data Visualization"]


def resume_doc(
    *,
    contact: bool = True,
    headings: bool = True,
    dates: bool = True,
    quantified: bool = True,
    roles: list | None = None,
    padding_words: int = 0,
    layout: Layout | None = None,
    summary: str = "Data analyst with 8 years of experience turning messy data into decisions for "
    "finance and product teams, with models that cut churn by 12%.",
) -> ParsedDocument:
    """A clean three-role resume, optionally with one injected problem."""
    roles = ROLES if roles is None else roles
    header = ["Jane Doe"]
    if contact:
        header.append("jane.doe@example.com | +1 555 123 4567 | linkedin.com/in/janedoe")
    exp: list[str] = []
    for position, company, _s, _e, raw, bullets in roles:
        exp.append(f"{position}, {company}" + (f"    {raw}" if dates else ""))
        for b in bullets:
            exp.append("- " + (b if quantified else _strip_numbers(b)))
    if padding_words:
        filler = "Additionally supported ongoing initiatives across the wider organisation as needed"
        n = len(filler.split())
        exp.extend("- " + filler for _ in range(padding_words // n + 1))
    blocks: list[Block] = [
        (None, "header", header),
        ("SUMMARY", "summary", [summary]),
        ("EXPERIENCE", "experience", exp),
        ("EDUCATION", "education", ["BSc Statistics, State University" + ("    2012 – 2016" if dates else "")]),
        ("SKILLS", "skills", ["Skills: " + ", ".join(SKILLS)]),
    ]
    if not headings:
        blocks = [(None, "header", [line for _, _, body in blocks for line in body])]
    doc, sections = build_doc(blocks, layout=layout)
    text = doc.text

    def span(needle: str) -> tuple[int, int]:
        at = text.index(needle)
        return (at, at + len(needle))

    basics = Basics(name="Jane Doe", summary=summary)
    basics.evidence["name"] = span("Jane Doe")
    if contact:
        basics.email, basics.phone = "jane.doe@example.com", "+1 555 123 4567"
        basics.evidence["email"] = span("jane.doe@example.com")
    work = []
    for position, company, start, end, _raw, bullets in roles:
        hl = [b if quantified else _strip_numbers(b) for b in bullets]
        item = Work(position=position, name=company, startDate=start if dates else None,
                    endDate=end if dates else None, highlights=hl)
        item.evidence["position"] = span(position)
        for i, h in enumerate(hl):
            item.evidence[f"highlights.{i}"] = span(h)
        work.append(item)
    if padding_words:
        work[-1].highlights.extend(
            line[2:] for line in text.split("\n") if line.startswith("- Additionally"))
    mentions = [SkillMention(name=s, span=span(s), section="skills") for s in SKILLS]
    resume = ResumeData(
        basics=basics,
        work=work,
        education=[Education(institution="State University", area="Statistics", studyType="BSc",
                             startDate="2012" if dates else None, endDate="2016" if dates else None)],
        skills=[Skill(name="Skills", keywords=list(SKILLS))],
        skill_mentions=mentions,
    )
    return ParsedDocument(document=doc, sections=sections, resume=resume)


def _strip_numbers(text: str) -> str:
    import re

    words = re.sub(r"\$?\d[\d,.]*[%xM]?", "", text)
    for w in ("one", "halving", "zero"):
        words = words.replace(f" {w} ", " ")
    return " ".join(words.split())


def simple_doc(lines: list[str], resume: ResumeData | None = None, kind: str = "experience") -> ParsedDocument:
    doc, sections = build_doc([("EXPERIENCE", kind, lines)])
    return ParsedDocument(document=doc, sections=sections, resume=resume or ResumeData())
