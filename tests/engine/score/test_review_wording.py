"""What a review says is true of the document and reads as English: logical bullets, contact and
boilerplate lines, unheaded summaries, PDF links, advice that fits the field, and every template
checked with the grammar rules of ``tests/grammar.py`` over generated resumes (invented people) and
over the shared development and real sets (read, never quoted)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resumeiq.engine import parse_resume, score_resume
from resumeiq.engine.model import Link
from resumeiq.engine.score._bullets import join_wrapped
from resumeiq.engine.score._rewrite import past_of_gerund

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from tests.grammar import problems, review_problems  # noqa: E402


def review_of(text: str, industry: str = "general"):
    parsed = parse_resume(text.encode(), filename="resume.txt")
    return parsed, score_resume(parsed, industry)


def check(review, check_id):
    return next(c for c in review.checks if c.id == check_id)


def resume_text(*, header: list[str] | None = None, summary: str | None = "Backend developer with 6 years "
                "of building payment APIs in Python and Go for retail banks and fintech start-ups.",
                summary_heading: bool = True, bullets: list[str] | None = None, extra: str = "") -> str:
    header = header if header is not None else ["Priya Quill", "priya.quill@example.org | +1 555 201 3344"]
    bullets = bullets if bullets is not None else [
        "Built a ledger service in Go handling 2,000 payments a second",
        "Cut API latency by 40% by caching account lookups in Redis",
        "Led the move of 14 services to Kubernetes with zero downtime",
    ]
    parts = list(header)
    if summary is not None:
        parts += ["", "SUMMARY"] if summary_heading else [""]
        parts.append(summary)
    parts += ["", "EXPERIENCE", "Software Engineer, Lumen Pay    Jan 2020 – Present"]
    parts += [f"• {b}" for b in bullets]
    parts += ["Junior Developer, Orbit Labs    Jun 2017 – Dec 2019",
              "• Wrote 30 integration tests that caught 12 release bugs",
              "• Shipped 4 internal tools used by 60 support staff",
              "", "EDUCATION", "BSc Computer Science, Harbour University    2013 – 2017",
              "", "SKILLS", "Python, Go, SQL, PostgreSQL, Redis, Docker, Kubernetes, Git, REST APIs, CI/CD, Linux"]
    if extra:
        parts += ["", extra]
    return "\n".join(parts) + "\n"


# --------------------------------------------------------------------------- logical bullets


def test_wrapped_pieces_are_joined_into_one_statement():
    pieces = [("Shortened the audit cycle of 40 vendors by two", (0, 47)), ("weeks using", (48, 59)),
              ("Python and SQL scripts", (60, 82)), ("Hired 3 analysts", (83, 99))]
    assert join_wrapped(pieces) == [
        ("Shortened the audit cycle of 40 vendors by two weeks using Python and SQL scripts", (0, 82)),
        ("Hired 3 analysts", (83, 99)),
    ]


def test_a_bullet_wrapped_over_two_lines_is_one_finding():
    bullets = ["Reduced failed card payments by 18% after rebuilding the retry logic for every",
               "  partner bank using Python"]
    text = resume_text(bullets=bullets)
    _, review = review_of(text)
    for c in (check(review, "quantified_results"), check(review, "action_verbs")):
        assert not any("'partner bank" in e or "'Python'" in e for e in c.evidence), c.evidence
    assert check(review, "action_verbs").status == "passed"


def test_labels_and_single_words_are_not_bullets():
    text = resume_text(bullets=["Responsibilities:", "O365", "Built a billing API in Go serving 300 merchants",
                                "Cut deploy time by 50% with a new CI pipeline"])
    _, review = review_of(text)
    verbs = check(review, "action_verbs")
    assert verbs.status == "passed", verbs
    assert not any("O365" in e or "Responsibilities" in e for e in verbs.evidence)


@pytest.mark.parametrize(("gerund", "past"), [("shaping", "shaped"), ("building", "built"),
                                              ("planning", "planned"), ("managing", "managed"),
                                              ("leading", "led"), ("nothing", None), ("testingx", None)])
def test_past_of_gerund(gerund, past):
    assert past_of_gerund(gerund) == past


def test_weak_start_with_a_gerund_is_rewritten_as_a_verb():
    text = resume_text(bullets=["Responsible for shaping our pricing roadmap for 3 regions",
                                "Worked with the sales team", "Participated in code reviews"])
    _, review = review_of(text)
    s = check(review, "action_verbs").suggestion or ""
    assert "'Shaped our pricing roadmap for 3 regions …'" in s
    assert "Led shaping" not in s


# --------------------------------------------------------------------------- pronouns and fillers


def test_contact_and_boilerplate_lines_are_not_writing():
    header = ["Priya Quill", "Leeds, UK - Email me on Indeed: indeed.com/r/priya-quill/1a2b3c",
              "priya.quill@example.org | +1 555 201 3344"]
    extra = "DECLARATION\nI hereby confirm that all details given here are correct to the best of my knowledge."
    _, review = review_of(resume_text(header=header, extra=extra))
    c = check(review, "pronouns_and_fillers")
    assert c.status == "passed", c


def test_pronouns_in_the_writing_are_still_found():
    _, review = review_of(resume_text(bullets=["I built a ledger service in Go for 2,000 payments a second",
                                               "Cut latency by 40%", "Led 14 migrations"]))
    c = check(review, "pronouns_and_fillers")
    assert c.status != "passed"
    assert "Write without 'I'" in (c.suggestion or "")


def test_filler_advice_fits_the_field():
    summary = "Detail-oriented backend developer with 6 years of payment APIs in Python and Go for banks."
    _, review = review_of(resume_text(summary=summary), "software_engineering")
    s = check(review, "pronouns_and_fillers").suggestion or ""
    assert "Detail-oriented" in s and "audit" not in s and "latency" in s


# --------------------------------------------------------------------------- summary, links


def test_a_summary_without_a_heading_is_recognised():
    _, review = review_of(resume_text(summary_heading=False))
    c = check(review, "summary_present")
    assert c.status == "passed", c
    assert "without a heading" in c.message


def test_no_summary_is_still_reported():
    _, review = review_of(resume_text(summary=None))
    assert check(review, "summary_present").status == "failed"


def test_pdf_link_annotations_count_as_profile_links():
    parsed = parse_resume(resume_text().encode(), filename="resume.txt")
    assert check(score_resume(parsed), "contact_links").status != "passed"
    parsed.document.links.append(Link(url="https://www.linkedin.com/in/priya-quill"))
    parsed.document.links.append(Link(url="mailto:priya.quill@example.org"))
    c = check(score_resume(parsed), "contact_links")
    assert c.status == "passed" and c.evidence == ["https://www.linkedin.com/in/priya-quill"]


# --------------------------------------------------------------------------- scores


def test_industry_fit_moves_the_overall_score():
    _, dev = review_of(resume_text(), "software_engineering")
    _, fin = review_of(resume_text(), "finance")
    assert dev.overall_score - fin.overall_score >= 10
    assert fin.band != "strong" and fin.overall_score <= 84


def test_missing_contact_caps_the_score_and_comes_first():
    _, full = review_of(resume_text())
    _, no_phone = review_of(resume_text(header=["Priya Quill", "priya.quill@example.org"]))
    _, none = review_of(resume_text(header=["Priya Quill"]))
    assert full.overall_score > no_phone.overall_score > none.overall_score
    assert no_phone.overall_score <= 79 and no_phone.recommendations[0].check_id == "contact_phone"
    assert none.overall_score <= 40 and none.band == "poor"
    assert [r.check_id for r in none.recommendations[:2]] == ["contact_email", "contact_phone"]


# --------------------------------------------------------------------------- grammar of every template


def test_grammar_rules_catch_the_old_mistakes():
    assert "plural-marker" in problems("1255 words on 2 page(s).")
    assert "verb-gerund" in problems("Rewrite 'Responsible for shaping it' as 'Led shaping the strategy …'.")
    assert "verb-heading" in problems("Rewrite 'Responsibilities:' to start with a verb: 'Handled, …'.")
    assert "start-fragment" in problems("Start 'O365' with an action verb.")
    assert "number-agreement" in problems("1 of 1 roles are fine, 3 page long.")
    assert "lowercase-section" in problems("Recognised sections: Summary, personal.")
    assert problems("Wrote 2 bullet points on 1 page.") == []
    assert problems("missing: Git, SQL, Docker …", is_list=True) == ["truncated-list"]
    assert problems("Add a number to bullets such as 'Built it': how many, e.g. '… for 12 clients'.") == []


_BULLETS = st.sampled_from([
    "Responsible for shaping the pricing roadmap for 3 product lines",
    "Responsible for the migration of 20 services",
    "Worked on front-end features",
    "Responsibilities:",
    "Helped with onboarding new hires",
    "Involved in building dashboards in Tableau",
    "Duties included managing the payroll of 80 staff",
    "Tasked with reducing cloud costs",
    "Cut cloud costs by 25% in 6 months",
    "I led a team of 5 engineers",
    "O365",
    "Team player with a proven track record of success",
    "Assisted the helping of customers",
    "Participated in code reviews",
])


@st.composite
def resumes(draw):
    header = draw(st.sampled_from([
        ["Priya Quill", "priya.quill@example.org | +1 555 201 3344"],
        ["Priya Quill", "priya.quill@example.org"],
        ["Priya Quill", "+1 555 201 3344"],
        ["Priya Quill"],
        ["Priya Quill", "Email me on Indeed: indeed.com/r/priya/77", "priya.quill@example.org"],
    ]))
    summary = draw(st.sampled_from([None, "Short summary here.", "Results-driven detail-oriented engineer "
                                    "with extensive experience in Python, Go and SQL across 6 years of banking.",
                                    " ".join(["Engineer with long experience of payment systems."] * 20)]))
    bullets = draw(st.lists(_BULLETS, min_size=0, max_size=6))
    extra = draw(st.sampled_from(["", "REFERENCES\nReferences available upon request",
                                  "PROJECTS\n• Open-source CLI with 500 stars"]))
    return resume_text(header=header, summary=summary, bullets=bullets, extra=extra,
                       summary_heading=draw(st.booleans()))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=resumes(), industry=st.sampled_from(["general", "software_engineering", "finance", "healthcare"]))
def test_every_generated_sentence_follows_the_grammar_rules(text, industry):
    _, review = review_of(text, industry)
    bad = review_problems(review)
    assert not bad, bad


def _shared_texts() -> tuple[list[Path], list[Path]]:
    """The readable resumes of eval-dev, and the texts of eval-real (read, never quoted here)."""
    from evalset import SHARED_DIR, expected_error_code, required_eval_files

    files = [p for p in required_eval_files() if expected_error_code(p) is None]
    real = sorted((SHARED_DIR / "eval-real").glob("*.txt"))
    if not real:
        from availability import unavailable

        unavailable(f"the shared real set is not at {SHARED_DIR / 'eval-real'} (set RESUMEIQ_TEST_SHARED_DIR)")
    return files, real


def test_every_sentence_said_about_the_shared_sets_follows_the_grammar_rules():
    """Every template the review has, filled from development resumes (eval-dev, for every
    industry profile: the advice differs by field) and real ones (eval-real, for the general
    profile and one other): no sentence breaks a rule of tests/grammar.py."""
    from resumeiq.engine.errors import EngineError
    from resumeiq.engine.score.industries import list_industries

    industries = [p.id for p in list_industries()]
    dev, real = _shared_texts()
    bad = []
    for path in dev + real:
        try:
            parsed = parse_resume(path.read_bytes(), filename=path.name)
        except EngineError:
            continue
        for industry in industries if path in dev else ("general", "software_engineering"):
            for where, text, rules in review_problems(score_resume(parsed, industry)):
                bad.append(f"{path.parent.name}/{path.name} [{industry}] {where}: {rules}: {text}")
    assert not bad, "\n".join(bad[:20])


def test_the_pronoun_advice_quotes_the_words_around_the_pronoun():
    """A long summary line with its "I" near the end: the quote is cut around the pronoun, so the
    example shows what it is an example of."""
    summary = ("Payroll specialist, nine seasons on ADP and Workday pay runs across three countries. "
               "I turn messy timesheets into clean pay runs.")
    _, review = review_of(resume_text(summary=summary))
    advice = check(review, "pronouns_and_fillers").suggestion
    quoted = advice.split("as in '", 1)[1].split("':", 1)[0]
    assert " I turn" in quoted and len(quoted) <= 82 and quoted.startswith("…"), advice


def test_quoted_resume_text_keeps_its_apostrophes_apart_from_the_quotes():
    bullets = ["I ran payroll for the Americas' region (North) and Europe for 4 years"]
    _, review = review_of(resume_text(bullets=bullets))
    sentences = [c.suggestion or "" for c in review.checks] + [r.text for r in review.recommendations]
    quoting = [s for s in sentences if "Americas" in s]
    assert quoting and all("Americas’ region" in s for s in quoting), quoting
