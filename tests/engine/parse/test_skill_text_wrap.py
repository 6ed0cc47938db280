"""A plain text's skills list hard-wrapped at a fixed width: a keyword cut at the line's end is
read whole, a line of its own under the list is not joined to it."""

from __future__ import annotations

from resumeiq.engine import parse_resume

HEAD = (
    "Tomas Brennan\ntomas.brennan@example.net\n\n"
    "SUMMARY\nWarehouse planner with nine years in retail logistics, cold chain and cross-docking.\n\n"
    "SKILLS\n"
)


def _keywords(body: str) -> list[str]:
    skills = parse_resume((HEAD + body).encode(), filename="resume.txt").resume.skills
    return skills[0].keywords  # (the list's group; not the skills the summary names)


def test_keyword_cut_at_the_wrap_width_is_read_whole():
    kws = _keywords(
        "Inventory Control (4 years), Demand Planning (3 years), Route Optimisation (2 years), Supply\n"
        "Chain Analytics (2 years), SAP (Less than 1 year), Stock Audits (3 years), Forklift Safety (Less than\n"
        "1 year), Excel (4 years)\n"
    )
    assert kws == ["Inventory Control", "Demand Planning", "Route Optimisation", "Supply Chain Analytics", "SAP", "Stock Audits", "Forklift Safety", "Excel"]


def test_short_lines_of_a_list_stay_apart():
    # Lines far from the wrap width end where their writer ended them.
    kws = _keywords("Inventory Control, Demand Planning\nRoute Optimisation, Excel\n")
    assert kws == ["Inventory Control", "Demand Planning", "Route Optimisation", "Excel"]


def test_line_of_its_own_under_a_wrapped_list_is_not_joined():
    kws = _keywords(
        "Inventory Control, Demand Planning, Route Optimisation, Cold Chain Handling, Cross Docking\n"
        "Forklift Certification\n"
    )
    assert "Forklift Certification" in kws and "Cross Docking" in kws
