"""Behaviour of score_resume on hand-built parsed documents."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resumeiq.engine.errors import UnknownIndustry
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
from resumeiq.engine.score import CHECKS, score_resume, summary

# --------------------------------------------------------------------------- factory

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
        "Led a team of 4 analysts delivering dashboards in Tableau to 300 users across sales and operations",
        "Migrated 2 legacy reporting databases to a cloud warehouse, cutting query costs by 35% per month",
        "Partnered with product managers on 6 feature launches, defining success metrics and reviewing results",
    ]),
    ("Data Analyst", "Globex", "2018-06", "2021-02", "Jun 2018 – Feb 2021", [
        "Designed A/B tests for 25 pricing experiments, lifting conversion by 8%",
        "Reduced data cleaning time by 60% with reusable pandas pipelines",
        "Presented quarterly findings to 5 directors, shaping a $2M budget decision for the next year",
        "Built a forecasting model for 120 stores that improved inventory accuracy by 18%",
        "Documented 30 core metrics in a shared data dictionary used by 4 departments",
    ]),
    ("Junior Analyst", "Initech", "2016-09", "2018-05", "Sep 2016 – May 2018", [
        "Reconciled 1,200 monthly transactions in Microsoft Excel with zero audit findings",
        "Created 10 Power BI dashboards tracking sales across 3 regions",
        "Trained 6 new hires on the reporting process, halving onboarding time for the analytics team",
        "Cleaned and merged 3 customer databases, removing 8,000 duplicate records before a CRM migration",
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
    summary: str = "Data analyst with 8 years of pricing and demand forecasting work behind the plans of "
    "finance and product teams. Builds reliable reporting, forecasting and experimentation programs in "
    "Python, SQL and Tableau, and explains the results clearly to executives. Recent models cut churn by "
    "12% and saved 15 analyst hours a week.",
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
        ("EDUCATION", "education", [
            "BSc Statistics, State University" + ("    2012 – 2016" if dates else ""),
            "Coursework: regression, experimental design, databases, machine learning, data visualization",
        ]),
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
    words = re.sub(r"\$?\d[\d,.]*[%xM]?", "", text)
    for w in ("one", "halving", "zero"):
        words = words.replace(f" {w} ", " ")
    return " ".join(words.split())


def simple_doc(lines: list[str], resume: ResumeData | None = None, kind: str = "experience") -> ParsedDocument:
    doc, sections = build_doc([("EXPERIENCE", kind, lines)])
    return ParsedDocument(document=doc, sections=sections, resume=resume or ResumeData())


# --------------------------------------------------------------------------- tests


def check(review, check_id):
    return next(c for c in review.checks if c.id == check_id)


@pytest.fixture(scope="module")
def clean():
    return score_resume(resume_doc(), "data_science")


PROBLEMS = {
    "missing_contact": dict(contact=False),
    "no_section_headings": dict(headings=False),
    "no_dates": dict(dates=False),
    "no_quantified_achievements": dict(quantified=False),
    "very_long": dict(padding_words=2600, layout=Layout(pages=6)),
    "two_column": dict(layout=Layout(pages=1, columns=2, column_pages=1)),
}


@pytest.mark.parametrize("problem", sorted(PROBLEMS))
@pytest.mark.parametrize("industry", ["general", "data_science", "accounting"])
def test_each_injected_problem_costs_several_ats_points(problem, industry):
    better = score_resume(resume_doc(), industry)
    worse = score_resume(resume_doc(**PROBLEMS[problem]), industry)
    assert worse.ats_score <= better.ats_score - 5, (problem, better.ats_score, worse.ats_score)
    assert worse.overall_score < better.overall_score


def test_clean_resume_scores_well(clean):
    assert clean.ats_score >= 85 and clean.content_score >= 85
    failed = [c.id for c in clean.checks if c.status == "failed"]
    assert failed == []


def test_every_check_id_is_reported_once_in_registry_order(clean):
    assert [c.id for c in clean.checks] == list(CHECKS)
    for c in clean.checks:
        assert c.group == CHECKS[c.id].group
        assert 0.0 <= c.score <= 1.0
        assert (c.suggestion is None) == (c.status == "passed")


def test_missing_contact_fails_contact_checks_with_suggestions():
    review = score_resume(resume_doc(contact=False))
    email, phone = check(review, "contact_email"), check(review, "contact_phone")
    assert email.status == phone.status == "failed"
    assert "e.g." in email.suggestion and "@" in email.suggestion
    assert "+1 555 123 4567" in phone.suggestion
    assert {"contact_email", "contact_phone"} <= {r.check_id for r in review.recommendations[:4]}


def test_unparsed_phone_in_header_is_partial_and_quoted():
    parsed = resume_doc(contact=False)
    doc, sections = build_doc([(None, "header", ["Jane Doe", "Tel 555 123 4567 89"])])
    parsed = ParsedDocument(doc, sections, parsed.resume)
    phone = check(score_resume(parsed), "contact_phone")
    assert phone.status == "partial"
    assert "555 123 4567" in phone.suggestion
    a, b = phone.spans[0]
    assert "555 123 4567" in doc.text[a:b]


def test_two_columns_fail_layout_check():
    review = score_resume(resume_doc(layout=Layout(pages=2, columns=2, column_pages=1)))
    assert check(review, "layout_columns").status == "failed"


def test_no_headings_fail_hard():
    review = score_resume(resume_doc(headings=False))
    headings = check(review, "standard_headings")
    assert headings.status == "failed" and headings.score == 0.0
    assert "Experience" in headings.suggestion


def test_no_dates_fails_parseable_dates():
    review = score_resume(resume_doc(dates=False))
    dates = check(review, "parseable_dates")
    assert dates.status == "failed"
    assert "Senior Data Analyst" in dates.suggestion


def test_pronouns_and_fillers_found_with_spans():
    lines = [
        "- I led a migration of my team's reports to Tableau",
        "- Hard-working team player who completed Phase I of the rollout",
        "- Reduced costs by 10% for the MY region",
    ]
    parsed = simple_doc(lines)
    c = check(score_resume(parsed), "pronouns_and_fillers")
    text = parsed.document.text
    found = [text[a:b] for a, b in c.spans]
    assert sorted(found) == sorted(["I", "my", "Hard-working", "team player"])
    assert c.status in ("partial", "failed")
    assert "'I'" in c.suggestion or "'my'" in c.suggestion


def test_weak_starts_are_quoted_with_a_rewrite():
    bullets = ["Responsible for the CRM migration", "Worked on dashboards", "Led hiring of 3 analysts"]
    work = [Work(position="Analyst", name="Acme", startDate="2020-01", highlights=bullets)]
    parsed = simple_doc([f"- {b}" for b in bullets], ResumeData(work=work))
    c = check(score_resume(parsed), "action_verbs")
    assert c.status != "passed"
    assert "'Responsible for the CRM migration'" in c.suggestion
    assert "Led the CRM migration" in c.suggestion
    assert any("Worked on dashboards" in e for e in c.evidence)
    text = parsed.document.text
    assert text[c.spans[0][0] : c.spans[0][1]] == "Responsible for the CRM migration"


def test_quantified_share_counts_numbers_not_years():
    bullets = ["Cut costs by 20%", "Grew revenue to $3M", "Joined in 2019 and wrote reports", "Doubled output"]
    work = [Work(position="Analyst", name="Acme", startDate="2019-01", highlights=bullets)]
    c = check(score_resume(simple_doc([f"- {b}" for b in bullets], ResumeData(work=work))), "quantified_results")
    assert c.message.startswith("3 of 4 bullets")
    assert any("Joined in 2019" in e for e in c.evidence)


def _work(*dates):
    return ResumeData(work=[Work(position=f"Role {i}", name=f"Co {i}", startDate=s, endDate=e)
                            for i, (s, e) in enumerate(dates)])


def test_one_gap_is_partial_and_named():
    resume = _work(("2021-01", None), ("2018-01", "2019-12"), ("2016-01", "2017-12"))
    c = check(score_resume(simple_doc(["x"], resume)), "employment_gaps")
    assert c.status == "partial"
    assert "12-month gap from 2020-01 to 2020-12" in c.evidence[0]
    assert "2020-01" in c.suggestion


def test_several_gaps_fail():
    resume = _work(("2022-01", None), ("2019-01", "2020-06"), ("2015-01", "2017-12"))
    assert check(score_resume(simple_doc(["x"], resume)), "employment_gaps").status == "failed"


def test_gap_covered_by_study_or_overlapping_roles_is_not_a_gap():
    resume = _work(("2021-01", None), ("2016-01", "2019-06"), ("2018-01", "2020-12"))
    assert check(score_resume(simple_doc(["x"], resume)), "employment_gaps").status == "passed"
    resume = _work(("2021-01", None), ("2016-01", "2018-12"))
    resume.education.append(resume_doc().resume.education[0].model_copy(update={"startDate": "2019-01",
                                                                                  "endDate": "2020-12"}))
    assert check(score_resume(simple_doc(["x"], resume)), "employment_gaps").status == "passed"


def test_year_only_dates_do_not_make_gaps():
    resume = _work(("2018", "2020"), ("2015", "2017"))
    assert check(score_resume(simple_doc(["x"], resume)), "employment_gaps").status == "passed"


def test_reverse_order_detected_and_ongoing_role_counts_as_newest():
    oldest_first = _work(("2014-01", "2016-12"), ("2017-01", "2019-12"), ("2020-01", None))
    c = check(score_resume(simple_doc(["x"], oldest_first)), "reverse_chronological")
    assert c.status == "failed"
    assert "Role 1" in c.suggestion
    newest_first = _work(("2020-01", "Present"), ("2017-01", "2019-12"), ("2014-01", "2016-12"))
    assert check(score_resume(simple_doc(["x"], newest_first)), "reverse_chronological").status == "passed"
    ongoing_last = _work(("2019-01", "2021-12"), ("2016-01", None))
    assert check(score_resume(simple_doc(["x"], ongoing_last)), "reverse_chronological").status != "passed"


def test_industry_keywords_lists_matched_and_missing(clean):
    c = check(clean, "industry_keywords")
    assert any(e.startswith("matched: ") and "Python" in e for e in c.evidence)
    assert any(e.startswith("missing: ") for e in c.evidence)
    accounting = check(score_resume(resume_doc(), "accounting"), "industry_keywords")
    assert accounting.score < c.score
    assert "General Ledger" in accounting.suggestion


def test_length_extremes_fail():
    short = check(score_resume(simple_doc(["- Did things"])), "length")
    assert short.status == "failed"
    long = check(score_resume(resume_doc(padding_words=2600, layout=Layout(pages=6))), "length")
    assert long.status == "failed" and "6 page" in long.message


def test_mixed_date_styles_are_flagged():
    parsed = simple_doc(["Analyst, Acme  Jan 2020 – Present", "Clerk, Foo  03/2017 – 12/2019",
                         "Intern, Bar  2016-01 – 2016-06"])
    c = check(score_resume(parsed), "consistent_dates")
    assert c.status in ("partial", "failed")
    assert c.spans and "change '" in c.suggestion


def test_recommendations_sorted_by_priority_and_impact():
    review = score_resume(resume_doc(contact=False, quantified=False, dates=False), "finance")
    recs = review.recommendations
    assert [r.priority for r in recs] == list(range(1, len(recs) + 1))
    # Blocking problems first (no e-mail, then no phone), then by tier, and by impact within a tier.
    assert [r.check_id for r in recs[:2]] == ["contact_email", "contact_phone"]
    by_id = {c.id: c for c in review.checks}
    keys = [(summary.tier(by_id[r.check_id]), -r.impact) for r in recs[2:]]
    assert keys == sorted(keys)
    assert {r.check_id for r in recs} == {c.id for c in review.checks if c.status != "passed"}
    assert review.weaknesses and review.strengths
    assert "Finance" in review.executive_summary and str(review.overall_score) in review.executive_summary


def test_impacts_add_up_to_the_missing_overall_points():
    # No cap applies (contact details present, the general profile has no industry factor): each
    # check's gain is its weighted share, and the shares add up to what is missing.
    review = score_resume(resume_doc(summary=""))
    assert "held down" not in review.executive_summary
    lost = sum(r.impact for r in review.recommendations)
    assert review.overall_score < 100 and review.recommendations
    assert abs((100 - review.overall_score) - lost) <= 1.5


def test_an_uncontactable_resume_is_poor_and_says_why_first():
    review = score_resume(resume_doc(contact=False))
    assert review.overall_score <= 40 and review.band == "poor"
    assert review.recommendations[0].check_id == "contact_email"
    assert review.recommendations[1].check_id == "contact_phone"
    assert "no e-mail address and no phone number" in review.executive_summary
    # Fixing the e-mail alone lifts the cap to the one for a missing phone: the impact says so.
    assert review.recommendations[0].impact > 20


def test_deterministic():
    a = score_resume(resume_doc(quantified=False), "sales").to_report()
    b = score_resume(resume_doc(quantified=False), "sales").to_report()
    assert a == b


def test_unknown_industry_raises_with_valid_ids():
    with pytest.raises(UnknownIndustry) as info:
        score_resume(resume_doc(), "astrology")
    assert "general" in info.value.valid and "data_science" in info.value.valid
    assert info.value.code == "unknown_industry"


def test_empty_inputs_stay_in_range():
    doc, _ = build_doc([])
    statuses = []
    for parsed in (ParsedDocument(doc, [], ResumeData()), simple_doc([], ResumeData())):
        review = score_resume(parsed)
        for s in (review.overall_score, review.ats_score, review.content_score, review.formatting_score):
            assert isinstance(s, int) and 0 <= s <= 100
        statuses.append(check(review, "extractable_text").status)
    # No text at all is unreadable; a text file holding one heading was read whole (too short).
    assert statuses == ["failed", "passed"]


_dates = st.one_of(st.none(), st.sampled_from(["2020-01", "2019", "Present", "Jan 2018", "13/2020", "garbage",
                                                "2030-12-31", "1950-02", ""]))
_texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lines=st.lists(_texts, max_size=12),
    works=st.lists(st.tuples(_dates, _dates, st.lists(_texts, max_size=4)), max_size=5),
    keywords=st.lists(st.sampled_from(["Python", "SQL", "General Ledger", "x", ""]), max_size=6),
    industry=st.sampled_from(["general", "software_engineering", "healthcare"]),
    pages=st.integers(min_value=0, max_value=12),
    columns=st.integers(min_value=0, max_value=3),
)
def test_scores_always_integers_in_range(lines, works, keywords, industry, pages, columns):
    resume = ResumeData(
        work=[Work(startDate=s, endDate=e, highlights=h) for s, e, h in works],
        skills=[{"name": "Skills", "keywords": keywords}],
    )
    doc, sections = build_doc([(None, "header", lines[:2]), ("Experience", "experience", lines[2:])],
                              layout=Layout(pages=pages, columns=columns))
    review = score_resume(ParsedDocument(doc, sections, resume), industry)
    for s in (review.overall_score, review.ats_score, review.content_score, review.formatting_score):
        assert isinstance(s, int) and 0 <= s <= 100
    for c in review.checks:
        assert 0.0 <= c.score <= 1.0
        assert all(0 <= a < b <= len(doc.text) for a, b in c.spans)


def test_roles_fixture_is_newest_first():
    assert [r[2] for r in ROLES] == sorted((r[2] for r in ROLES), reverse=True)


# --------------------------------------------------------------------------- planted findings


def _first_person(roles: list) -> list:
    return [(p, c, s, e, raw, [f"I {b[:1].lower()}{b[1:]}" for b in bullets]) for p, c, s, e, raw, bullets in roles]


_SHORT_ROLES = [(*ROLES[0][:5], ROLES[0][5][:2])]
_SUMMARY = ("Pricing analyst with 8 years of demand forecasting for retail chains, now building churn and "
            "inventory models in Python and SQL for a team of six.")
# A base resume (keyword arguments of ``resume_doc``) and the industry it is read for: a clean one, a
# short one with a failed length check, one without numbers, one held down by a cap (a missing
# phone) and one read for an industry whose skills it barely shows.
_BASES = {
    "clean": (dict(summary=_SUMMARY), "data_science"),
    "short": (dict(roles=_SHORT_ROLES, summary=_SUMMARY), "data_science"),
    "no_numbers": (dict(quantified=False, summary=_SUMMARY), "general"),
    "capped": (dict(summary=_SUMMARY, roles=_SHORT_ROLES, layout=Layout(pages=1, columns=2, column_pages=1)),
               "data_science"),
    "other_industry": (dict(summary=_SUMMARY), "healthcare"),
}
# The same resume with one writing habit planted: "I" before every bullet, or buzzwords added to
# the summary with a line break inside a phrase ("team / player" wrapped in a PDF).
_PLANTED = {
    "first_person": lambda kw: {**kw, "roles": _first_person(kw.get("roles") or ROLES)},
    "fillers": lambda kw: {**kw, "summary": kw["summary"] + " A hard-working, highly motivated team\nplayer "
                           "and quick learner."},
}


@pytest.mark.parametrize("planted", sorted(_PLANTED))
@pytest.mark.parametrize("base", sorted(_BASES))
def test_a_planted_writing_habit_lowers_the_score_and_is_recommended_early(base, planted):
    kwargs, industry = _BASES[base]
    before = score_resume(resume_doc(**kwargs), industry)
    after = score_resume(resume_doc(**_PLANTED[planted](kwargs)), industry)
    assert check(before, "pronouns_and_fillers").status == "passed"
    assert check(after, "pronouns_and_fillers").status != "passed"
    assert after.overall_score < before.overall_score, (before.overall_score, after.overall_score)
    ranks = [r.check_id for r in after.recommendations]
    assert "pronouns_and_fillers" in ranks[:3], ranks
    # One habit, one finding: "I built …" still starts with the verb; the pronoun is the finding.
    assert check(after, "action_verbs").status == check(before, "action_verbs").status


def test_buzzwords_are_not_length():
    kwargs, industry = _BASES["short"]
    before = score_resume(resume_doc(**kwargs), industry)
    after = score_resume(resume_doc(**_PLANTED["fillers"](kwargs)), industry)
    # A sentence of ten words that is buzzwords but for "A" and "and": no length at all.
    words = [int(re.match(r"\d+", check(r, "length").message).group()) for r in (before, after)]
    assert words[1] == words[0], words
    # In a sentence with substance, only the buzzword itself is left out.
    kwargs = {**kwargs, "summary": kwargs["summary"] + " Known as a quick learner who rebuilt the quarterly "
              "stock forecast for twelve stores in one month."}
    words.append(int(re.match(r"\d+", check(score_resume(resume_doc(**kwargs), industry), "length").message).group()))
    assert words[2] - words[0] == 17 - 2, words
    assert "not counting pronouns and filler phrases" in check(after, "length").message
    found = check(after, "pronouns_and_fillers").evidence
    assert any("team player" in e for e in found), found


@pytest.mark.parametrize("base", sorted(_BASES))
def test_fixing_any_finding_gains_at_least_a_whole_point(base):
    # What a person acting on a recommendation sees: the score moves (1 point for a partial check,
    # 2 for a failed one, on top of its weighted share), whatever cap or rounding applies.
    kwargs, industry = _BASES[base]
    for variant in (kwargs, _PLANTED["first_person"](kwargs), _PLANTED["fillers"](kwargs)):
        review = score_resume(resume_doc(**variant), industry)
        status = {c.id: c.status for c in review.checks}
        for r in review.recommendations:
            assert r.impact >= (2.0 if status[r.check_id] == "failed" else 1.0) - 0.01, (base, r)


def test_a_failed_layout_comes_before_what_it_hides():
    # Two columns scramble the experience an ATS reads: that is the first thing to fix, ahead of
    # content findings of larger weight (no numbers, a short resume).
    review = score_resume(resume_doc(roles=_SHORT_ROLES, quantified=False,
                                     layout=Layout(pages=1, columns=2, column_pages=1)), "data_science")
    ids = [r.check_id for r in review.recommendations]
    assert ids[0] == "layout_columns", ids
    assert check(review, "quantified_results").status == "failed"


def test_one_pronoun_is_a_slip_two_are_a_habit():
    # Numbers only in the oldest role: results partly shown (a measure partly met, not failed).
    plain = [(p, c, s, e, raw, [_strip_numbers(b) for b in bullets]) for p, c, s, e, raw, bullets in ROLES[:2]]
    base = [*plain, ROLES[2]]

    def with_mine(n: int) -> list:
        p, c, s, e, raw, bullets = base[0]
        # "a"/"the" → "my": the same words, one more pronoun each.
        mine = [re.sub(r" (?:a|the) ", " my ", b, count=1) if i < n else b for i, b in enumerate(bullets)]
        assert all(m != b for m, b in zip(mine[:n], bullets, strict=False))
        return [(p, c, s, e, raw, mine), *base[1:]]
    slip = score_resume(resume_doc(roles=with_mine(1), summary=_SUMMARY), "general")
    assert check(slip, "pronouns_and_fillers").status == "partial"
    assert check(slip, "quantified_results").status == "partial"
    ids = [r.check_id for r in slip.recommendations]
    # Most bullets without numbers cost a recruiter more than one "my": the measure comes first.
    assert ids.index("quantified_results") < ids.index("pronouns_and_fillers"), ids
    habit = score_resume(resume_doc(roles=with_mine(2), summary=_SUMMARY), "general")
    assert check(habit, "pronouns_and_fillers").status == "failed"
    assert habit.overall_score < slip.overall_score


def test_a_short_text_file_is_not_told_its_pdf_fonts_are_unreadable():
    """Few characters per page is a PDF's or a Word file's warning sign (words that are
    pictures); a short plain text file gave all it holds, and only the length check speaks of it."""
    from documents import text_pdf
    from resumeiq.engine import analyze_resume

    short = (
        "Teodora Vasquez-Lind\nteodora.vl@example.com | +46 70 123 45 67\n\nEXPERIENCE\n"
        "Barista, Kaffebryggan, Malmö\n2022-05 - Present\n- Served 200 customers a day\n"
    )
    for name, data in (("cv.txt", short.encode()), ("cv.md", short.encode())):
        review = analyze_resume(data, filename=name)[1]
        assert check(review, "extractable_text").status == "passed", name
        assert check(review, "length").status == "failed", name
    sparse_pdf = analyze_resume(text_pdf(short), filename="cv.pdf")[1]
    assert check(sparse_pdf, "extractable_text").status != "passed"


def test_a_failed_check_that_gets_worse_lowers_a_capped_score():
    """More first-person bullets on a resume that already failed the check, under the no-e-mail
    cap: the weighted share it loses is compressed by the cap and lost in the rounding, so the
    finding's own cost must grow as the check misses more (a point more past half)."""
    from resumeiq.engine.model import Check
    from resumeiq.engine.score import calibrate

    def checks(pronouns: float) -> list[Check]:
        def make(id_: str, group: str, status: str, score: float) -> Check:
            return Check(id=id_, group=group, title=id_, status=status, score=score, weight=1.0, message="")

        return [
            make("contact_email", "ats", "failed", 0.0),
            make("pronouns_and_fillers", "content", "failed", pronouns),
        ]

    # The mix loses 0.3 points (the check's weighted share) when the check drops from 0.5 to 0.25.
    better = calibrate(0.862, checks(0.5), None)[0]
    worse = calibrate(0.859, checks(0.25), None)[0]
    assert round(100 * worse) < round(100 * better), (better, worse)
