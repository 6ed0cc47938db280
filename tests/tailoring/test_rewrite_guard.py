"""The guarantees for text a language model rewrote: a rewritten bullet keeps its slot, and new
names, months or number words that the original does not have are refused."""

from __future__ import annotations

import copy

import pytest

from resumeiq.engine import parse_resume
from resumeiq.tailoring.guarantees import Guard
from resumeiq.tailoring.llm import RewriteAnswer, bullets_of, to_changes
from tailoring.people import MIRA

ORIGINAL = parse_resume(MIRA, filename="m.txt").resume.to_json_resume()
GUARD = Guard(ORIGINAL, MIRA.decode())


@pytest.mark.parametrize(
    "text",
    [
        "Mentored two new hires on code review habits at Lumen Freight",
        "Maintained the team's internal dashboards in JavaScript and React",  # JS, by its full name
        "Wrote Python ETL scripts that cut nightly load time by 35%",
        "Coached two new hires; Answered support tickets from analysts",
    ],
)
def test_honest_rewording_passes(text):
    assert GUARD.new_text_problems(text) == []


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Answered support tickets for Globex Corporation analysts", "'Globex'"),
        ("Mentored five new hires", "'five'"),
        ("Designed a Go service in March", "'March'"),
        ("Led the AWS Certified Solutions Architect team", "'Certified'"),
        ("Wrote scripts as Principal Engineer", "'Principal'"),
        ("Studied at Stanford while working", "'Stanford'"),
        ("Quillfield Labs hired two new developers", "'Quillfield'"),
    ],
)
def test_an_invented_name_month_or_number_word_is_named(text, named):
    assert any(named in p for p in GUARD.new_text_problems(text))


def test_a_rewritten_bullet_keeps_its_slot_but_a_lost_one_is_still_caught():
    doc = copy.deepcopy(ORIGINAL)
    doc["work"][0]["highlights"][2] = "Maintained internal dashboards in JavaScript and React"
    assert GUARD.violations(doc) != []  # the original bullet is gone verbatim
    assert GUARD.violations(doc, ["/work/0/highlights/2"]) == []
    doc["work"][0]["highlights"].pop(2)
    assert any("missing" in p for p in GUARD.violations(doc, ["/work/0/highlights/2"]))


def test_answers_for_unknown_paths_are_ignored_and_said_so():
    answer = RewriteAnswer.model_validate(
        {
            "bullets": [
                {"path": "/basics/email", "text": "someone@example.net"},
                {"path": "/work/0/highlights/0", "text": "  Mentored   two new hires  "},
                {"path": "/work/0/highlights/0", "text": "a second answer for the same bullet"},
            ]
        }
    )
    proposal = to_changes(ORIGINAL, answer, model="m")
    assert [c["path"] for c in proposal.changes] == ["/work/0/highlights/0"]
    assert proposal.changes[0]["after"] == "Mentored two new hires"
    assert any("/basics/email" in w for w in proposal.warnings)
    assert "/basics/email" not in bullets_of(ORIGINAL)
