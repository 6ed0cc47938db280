"""Pieces of entry lines (what the labeller labels) and the assembly of labelled pieces into
entries, on hand-made sections of invented people."""

from __future__ import annotations

from resumeiq.engine import extract_text, segment_sections
from resumeiq.engine.parse.entries import assemble_education, assemble_work, piece_features, section_pieces


def _section(text: str, kind: str = "experience"):
    doc = extract_text(text.encode(), filename="cv.txt")
    section = next(s for s in segment_sections(doc) if s.kind == kind)
    lines, pieces = section_pieces(doc, section)
    return doc, lines, pieces


def test_header_lines_are_cut_at_separators_and_dates_are_pieces_of_their_own():
    doc, _, pieces = _section(
        "Noor Haddad\n\nEXPERIENCE\n"
        "Senior Analyst, Qamar Logistics LLC, Dubai\tJan 2020 – Present\n"
        "Analyst at Sahel Freight | Abu Dhabi | 2016 - 2019\n"
        "Data Intern (Summer Programme) — Amman\n"
    )
    assert [p.text for p in pieces] == [
        "Senior Analyst", "Qamar Logistics LLC", "Dubai", "Jan 2020 – Present",
        "Analyst", "Sahel Freight", "Abu Dhabi", "2016 - 2019",
        "Data Intern", "Summer Programme", "Amman",
    ]
    dates = [p for p in pieces if p.date is not None]
    assert [(d.date.start, d.date.end, d.date.current) for d in dates] == [("2020-01", None, True), ("2016", "2019", False)]
    first = pieces[0]
    assert (first.index, first.count, first.sep_before, first.sep_after) == (0, 4, "start", "comma")
    assert pieces[1].sep_after == "comma" and pieces[3].sep_before == "tab"
    assert pieces[4].sep_after == "at"
    for p in pieces:
        assert doc.text[p.start : p.end] == p.text


def test_prose_stays_one_piece():
    _, _, pieces = _section(
        "Noor Haddad\n\nEXPERIENCE\nAnalyst, Sahel Freight\n"
        "- Rebuilt the route planning model, which cut empty kilometres by a fifth across the fleet\n"
    )
    assert pieces[-1].prose
    assert pieces[-1].text.startswith("Rebuilt the route planning model, which cut")


def test_features_describe_text_line_and_neighbours():
    doc, lines, pieces = _section("Noor Haddad\n\nEXPERIENCE\nSenior Analyst, Qamar Logistics LLC, Dubai\tJan 2020 – Present\n")
    feats = piece_features(doc, "experience", lines, pieces)
    title, org, place, date = feats
    assert "ts=max" in title or "ts=hi" in title
    assert "legal_form" in org and "org_word" in org
    assert "place" in place
    assert "date" in date and "date=current" in date
    assert "n:legal_form" in title and "p:date" not in title
    assert all("sec=experience" in f for f in feats)


def test_assembly_joins_pieces_of_one_field_and_reads_the_dates():
    doc, lines, pieces = _section(
        "Noor Haddad\n\nEXPERIENCE\n"
        "Senior Analyst, Pricing, Qamar Logistics LLC\tJan 2020 – Present\n"
        "- Rebuilt the route planning model, which cut empty kilometres by a fifth across the fleet\n"
        "Mar 2015 –\nJun 2019\nAnalyst, Sahel Freight\n"
    )
    labels = ["B_TITLE", "TITLE", "ORG", "DATE", "DESC", "B_DATE", "DATE", "TITLE", "ORG"]
    assert len(labels) == len(pieces)
    first, second = assemble_work(doc, lines, pieces, labels)
    assert (first.position, first.name, first.startDate, first.endDate) == (
        "Senior Analyst, Pricing", "Qamar Logistics LLC", "2020-01", None,
    )
    assert first.highlights == ["Rebuilt the route planning model, which cut empty kilometres by a fifth across the fleet"]
    assert (second.position, second.name, second.startDate, second.endDate) == ("Analyst", "Sahel Freight", "2015-03", "2019-06")
    s, e = first.evidence["name"]
    assert doc.text[s:e] == "Qamar Logistics LLC"


def test_education_assembly_splits_degree_and_field():
    doc, lines, pieces = _section(
        "Noor Haddad\n\nEDUCATION\nUniversity of Jordan, Amman\nBachelor of Science in Industrial Engineering\t2011 – 2015\n",
        kind="education",
    )
    labels = ["B_ORG", "LOC", "DEGREE", "DATE"]
    assert [p.text for p in pieces] == ["University of Jordan", "Amman", "Bachelor of Science in Industrial Engineering", "2011 – 2015"]
    (ed,) = assemble_education(doc, lines, pieces, labels)
    assert (ed.institution, ed.studyType, ed.area, ed.startDate, ed.endDate) == (
        "University of Jordan", "Bachelor of Science", "Industrial Engineering", "2011", "2015",
    )
