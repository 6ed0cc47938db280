"""The training labels of the entry labeller come from aligning a section's pieces with the truth.

A wrong label here teaches the model a wrong habit on every resume of a layout, so the alignment
is checked on hand-made sections: an invented person's work history in two common shapes.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from resumeiq.engine import extract_text, segment_sections
from resumeiq.engine.parse.entries import section_pieces

_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "train_entries.py"
_spec = importlib.util.spec_from_file_location("train_entries", _SCRIPT)
train = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(train)

WORK = [
    {
        "name": "Kestrel Robotics Ltd",
        "position": "Senior Controls Engineer",
        "location": "Leeds, UK",
        "startDate": "2021-02",
        "highlights": ["Tuned the motion controllers of a palletising arm, cutting cycle time by a fifth"],
    },
    {
        "name": "Fenwick Mills",
        "position": "Maintenance Technician",
        "startDate": "2017-06",
        "endDate": "2021-01",
        "highlights": ["Serviced forty looms and kept unplanned downtime under two percent"],
    },
]


def _labels(text: str) -> list[tuple[str, str]]:
    doc = extract_text(text.encode(), filename="cv.txt")
    section = next(s for s in segment_sections(doc) if s.kind == "experience")
    _, pieces = section_pieces(doc, section)
    return list(zip((p.text for p in pieces), train.align(pieces, WORK, "experience"), strict=True))


def test_title_first_lines_are_labelled_field_by_field():
    text = (
        "Amara Okafor\namara.okafor@example.com\n\nEXPERIENCE\n"
        "Senior Controls Engineer, Kestrel Robotics Ltd, Leeds, UK\tFeb 2021 – Present\n"
        "- Tuned the motion controllers of a palletising arm, cutting cycle time by a fifth\n"
        "Maintenance Technician | Fenwick Mills\tJun 2017 – Jan 2021\n"
        "- Serviced forty looms and kept unplanned downtime under two percent\n"
    )
    assert _labels(text) == [
        ("Senior Controls Engineer", "B_TITLE"),
        ("Kestrel Robotics Ltd", "ORG"),
        ("Leeds", "LOC"),
        ("UK", "LOC"),
        ("Feb 2021 – Present", "DATE"),
        ("Tuned the motion controllers of a palletising arm, cutting cycle time by a fifth", "DESC"),
        ("Maintenance Technician", "B_TITLE"),
        ("Fenwick Mills", "ORG"),
        ("Jun 2017 – Jan 2021", "DATE"),
        ("Serviced forty looms and kept unplanned downtime under two percent", "DESC"),
    ]


def test_dates_first_and_employer_over_title():
    text = (
        "Amara Okafor\n\nWORK HISTORY\n"
        "02/2021 - present\nKestrel Robotics Ltd\nSenior Controls Engineer\n"
        "06/2017 - 01/2021\nFenwick Mills\nMaintenance Technician\n"
    )
    labels = [label for _, label in _labels(text)]
    assert labels == ["B_DATE", "ORG", "TITLE", "B_DATE", "ORG", "TITLE"]


def test_a_value_of_the_next_entry_starts_it_even_when_the_same_words_recur():
    work = [dict(WORK[0]), dict(WORK[1], name="Kestrel Robotics Ltd")]
    text = (
        "Amara Okafor\n\nEXPERIENCE\n"
        "Kestrel Robotics Ltd\tFeb 2021 – Present\nSenior Controls Engineer\n"
        "Kestrel Robotics Ltd\tJun 2017 – Jan 2021\nMaintenance Technician\n"
    )
    doc = extract_text(text.encode(), filename="cv.txt")
    section = next(s for s in segment_sections(doc) if s.kind == "experience")
    _, pieces = section_pieces(doc, section)
    assert train.align(pieces, work, "experience") == ["B_ORG", "DATE", "TITLE", "B_ORG", "DATE", "TITLE"]


def test_a_short_first_name_of_a_partnership_belongs_to_the_employer():
    """"Ng, Okafor and Lund": the comma cuts off a two-letter piece too short to match alone."""
    work = [dict(WORK[0], name="Ng, Okafor and Lund", location=None)]
    text = (
        "Amara Okafor\n\nEXPERIENCE\n"
        "Ng, Okafor and Lund\tFeb 2021 – Present\nSenior Controls Engineer\n"
    )
    doc = extract_text(text.encode(), filename="cv.txt")
    section = next(s for s in segment_sections(doc) if s.kind == "experience")
    _, pieces = section_pieces(doc, section)
    assert [p.text for p in pieces][:2] == ["Ng", "Okafor and Lund"]
    assert train.align(pieces, work, "experience") == ["B_ORG", "ORG", "DATE", "TITLE"]


def test_the_shared_sets_are_refused_as_training_data(tmp_path):
    shared = tmp_path / "shared" / "eval-x"
    shared.mkdir(parents=True)
    (shared / "manifest.tsv").write_text("id\tfile\tgroup\tformat\n")
    try:
        train.read_sets([shared])
    except SystemExit as exc:
        assert "for measuring" in str(exc)
    else:
        raise AssertionError("a shared set was accepted for training")
