"""The place at the end of a job's header line."""

from __future__ import annotations

import pytest

from resumeiq.engine import parse_resume


@pytest.mark.parametrize("place", ["Denver, CO", "Boulder, CO", "Austin, TX"])
def test_a_state_code_that_spells_a_legal_form_is_still_the_place(place):
    text = f"Ines Alvarez\nines@example.org\n\nEXPERIENCE\nField Engineer, Larkspur Pumps Inc, {place}\tJan 2019 – Present\n• Fitted pumps\n"
    [work] = parse_resume(text.encode(), filename="cv.txt").resume.work
    assert (work.position, work.name, work.location) == ("Field Engineer", "Larkspur Pumps Inc", place)


@pytest.mark.parametrize("employer", ["Quarrendon Holdings AB", "Talvio Messtechnik AG", "Orvex Data SA"])
def test_a_legal_form_that_reads_as_a_region_code_is_no_place(employer):
    from resumeiq.engine.parse.work import _is_place

    assert not _is_place(employer)
    assert _is_place("Calgary, AB")
