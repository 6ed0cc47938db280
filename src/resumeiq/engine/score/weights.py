"""The review's checks, their groups and default weights.

Each group score (``ats_score``, ``content_score``, ``formatting_score``) is the weighted mean of
its checks' scores (0..1) times 100. ``overall_score`` mixes the three groups with the industry
profile's ``group_weights`` (default ats 0.40, content 0.35, formatting 0.25). A profile may
override any check's weight (``check_weights``).

``ATS_ALSO_COUNTS`` names two checks of other groups that also count in the ATS score, with their
own weight there: very long (or very short) documents are truncated or ranked down by ATS
screens, and ATS-side ranking and the recruiter's first screen look for measurable results. The
check appears once in ``Review.checks`` (under its own group); its impact on the overall score
includes both contributions.

| id | group | weight | what it looks at |
|---|---|---|---|
| contact_name | ats | 2.0 | a name in the header |
| contact_email | ats | 3.0 | an e-mail address |
| contact_phone | ats | 2.0 | a phone number the parser could normalise |
| contact_links | ats | 0.5 | LinkedIn / GitHub / portfolio links |
| standard_headings | ats | 3.0 | experience, education and skills under recognisable headings |
| parseable_dates | ats | 2.5 | work entries with a readable start date |
| layout_columns | ats | 2.5 | multi-column pages (read out of order) |
| layout_tables | ats | 1.5 | tables and text boxes |
| text_in_images | ats | 1.0 | images carrying the content |
| extractable_text | ats | 3.0 | enough clean text per page |
| header_footer_text | ats | 1.0 | text only in DOCX headers/footers |
| industry_keywords | ats | 3.0 | coverage of the industry's expected skills |
| length (also in ats) | ats | 2.0 | see formatting |
| quantified_results (also in ats) | ats | 2.5 | see content |
| quantified_results | content | 2.5 | bullets with numbers, %, money, multipliers |
| action_verbs | content | 2.0 | bullets starting with an action verb |
| pronouns_and_fillers | content | 1.5 | first-person pronouns and buzzwords |
| summary_present | content | 1.0 | a short professional summary |
| experience_detail | content | 2.0 | every role described with highlights |
| reverse_chronological | content | 1.5 | newest role first |
| employment_gaps | content | 1.5 | unexplained gaps over 6 months |
| skills_section | content | 1.5 | a skills section with enough distinct skills |
| length | formatting | 3.0 | words and pages against the profile's typical length |
| bullet_use | formatting | 2.0 | experience written as bullets |
| bullet_length | formatting | 1.5 | bullets over 35 words |
| consistent_dates | formatting | 1.0 | one date style |
| section_order | formatting | 1.0 | contact/summary first, experience before education |
"""

from __future__ import annotations

from typing import NamedTuple

from resumeiq.engine.model import ScoreGroup


class CheckSpec(NamedTuple):
    group: ScoreGroup
    title: str
    weight: float


CHECKS: dict[str, CheckSpec] = {
    # ats
    "contact_name": CheckSpec("ats", "Name in the header", 2.0),
    "contact_email": CheckSpec("ats", "E-mail address", 3.0),
    "contact_phone": CheckSpec("ats", "Phone number", 2.0),
    "contact_links": CheckSpec("ats", "Profile links", 0.5),
    "standard_headings": CheckSpec("ats", "Standard section headings", 3.0),
    "parseable_dates": CheckSpec("ats", "Readable dates on every role", 2.5),
    "layout_columns": CheckSpec("ats", "Single-column layout", 2.5),
    "layout_tables": CheckSpec("ats", "No tables or text boxes", 1.5),
    "text_in_images": CheckSpec("ats", "No text in images", 1.0),
    "extractable_text": CheckSpec("ats", "Machine-readable text", 3.0),
    "header_footer_text": CheckSpec("ats", "Nothing important in headers/footers", 1.0),
    "industry_keywords": CheckSpec("ats", "Industry keywords", 3.0),
    # content
    "quantified_results": CheckSpec("content", "Quantified results", 2.5),
    "action_verbs": CheckSpec("content", "Action verbs", 2.0),
    "pronouns_and_fillers": CheckSpec("content", "No pronouns or filler phrases", 1.5),
    "summary_present": CheckSpec("content", "Professional summary", 1.0),
    "experience_detail": CheckSpec("content", "Detail on every role", 2.0),
    "reverse_chronological": CheckSpec("content", "Reverse-chronological order", 1.5),
    "employment_gaps": CheckSpec("content", "No unexplained gaps", 1.5),
    "skills_section": CheckSpec("content", "Skills section", 1.5),
    # formatting
    "length": CheckSpec("formatting", "Length", 3.0),
    "bullet_use": CheckSpec("formatting", "Bullet points", 2.0),
    "bullet_length": CheckSpec("formatting", "Concise bullets", 1.5),
    "consistent_dates": CheckSpec("formatting", "Consistent date format", 1.0),
    "section_order": CheckSpec("formatting", "Section order", 1.0),
}

# Checks of another group that also count in the ATS score, with their weight there.
ATS_ALSO_COUNTS: dict[str, float] = {"length": 2.0, "quantified_results": 2.5}

GROUPS: tuple[ScoreGroup, ...] = ("ats", "content", "formatting")

# The checks of what an ATS can read at all (a yes-or-no finding, so a cap on it has no cliff inside
# a measure that moves smoothly, as the number of words or of skills does). Failed, the ATS loses or
# scrambles text, and every other finding matters less until it is fixed.
STRUCTURAL: tuple[str, ...] = ("standard_headings", "parseable_dates", "layout_columns", "layout_tables",
                               "text_in_images", "header_footer_text")

# Checks that find something wrong in the document itself (a missing contact detail, text an ATS
# cannot read in order, a date out of order or style, a gap), as opposed to measures of how much of
# a good thing it has (keywords, quantified bullets, length, detail). Any finding of one of these is
# an error a reader or an ATS meets, so it is recommended before a measure that is only partly met.
# (Pronouns and buzzwords are not here: one is a slip, partial like a measure; two or more fail.)
DEFECT_CHECKS: frozenset[str] = frozenset({
    "contact_name", "contact_email", "contact_phone", *STRUCTURAL, "extractable_text",
    "reverse_chronological", "employment_gaps", "consistent_dates", "section_order",
})

# Whole points of overall score each finding costs on top of its weighted share: fixing any failed
# or partial check raises the score by at least this much, and a check that gets worse (passed →
# partial → failed) always lowers it, whatever the rounding or a cap's compression.
FINDING_COST: dict[str, float] = {"passed": 0.0, "partial": 1.0, "failed": 2.0}
# A failed check that misses more than half of its measure costs a point more (3): one that gets
# worse still (more first-person bullets, more pages) past half costs more, so a cap near which the
# weighted share is compressed cannot hide it.
FAILED_UNDER_HALF_COST = 3.0
