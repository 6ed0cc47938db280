"""The place at the end of a job's header line."""

from __future__ import annotations

import pytest

from resumeiq.engine import parse_resume


@pytest.mark.parametrize("place", ["Denver, CO", "Boulder, CO", "Austin, TX"])
def test_a_state_code_that_spells_a_legal_form_is_still_the_place(place):
    text = f"Ines Alvarez\nines@example.org\n\nEXPERIENCE\nField Engineer, Larkspur Pumps Inc, {place}\tJan 2019 – Present\n• Fitted pumps\n"
    [work] = parse_resume(text.encode(), filename="cv.txt").resume.work
    assert (work.position, work.name, work.location) == ("Field Engineer", "Larkspur Pumps Inc", place)
