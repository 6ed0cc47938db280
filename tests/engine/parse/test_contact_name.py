"""The name on a header line that also carries a headline after a comma."""

from __future__ import annotations

import pytest

from resumeiq.engine import parse_resume

BODY = "\n\nEXPERIENCE\nData Analyst, Brookfield Tiles Ltd\tJan 2019 – Present\n• Built dashboards for 40 managers.\n"


@pytest.mark.parametrize(
    "line, name",
    [
        ("Nadia Petrova, Data Engineer", "Nadia Petrova"),
        ("Kwame Mensah Boateng, Enterprise Sales", "Kwame Mensah Boateng"),
        ("Lucía Ferrer, Head of Growth", "Lucía Ferrer"),
        ("Idris Okafor, HR Specialist", "Idris Okafor"),
    ],
)
def test_a_name_followed_by_a_comma_and_a_headline_is_the_name(line, name):
    parsed = parse_resume(f"{line}\nn.p@example.org\n{BODY}".encode(), filename="cv.txt")

    assert parsed.resume.basics.name == name


def test_a_comma_after_something_that_is_no_name_gives_no_name():
    parsed = parse_resume(f"Senior Data Engineer, Platform\nn.p@example.org\n{BODY}".encode(), filename="cv.txt")

    assert parsed.resume.basics.name is None


def test_a_town_before_its_region_on_the_address_line_is_no_name():
    parsed = parse_resume(f"Resume\n14 Orchard Row, Alder Springs, CA 90210\nn.p@example.org\n{BODY}".encode(), filename="cv.txt")
    assert parsed.resume.basics.name != "Alder Springs"
    parsed = parse_resume(f"Alder Springs, CA 90210\nn.p@example.org\n{BODY}".encode(), filename="cv.txt")
    assert parsed.resume.basics.name is None
