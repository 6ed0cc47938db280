"""Places: pieces of text → ``Location`` (city, region, country), or None."""

from __future__ import annotations

import pytest

from resumeiq.engine.parse.places import looks_like_street, read_location


@pytest.mark.parametrize(
    "text, city, region, country",
    [
        ("232 Olive Ave, North York, ON, M2N 4P6", "North York", "ON", "CA"),  # Canadian postcode
        ("Milton, Nebraska 69xxx", "Milton", "Nebraska", "US"),  # a template's masked ZIP code
        ("Treeville, NE 68xxx", "Treeville", "NE", "US"),
        ("111 First St, New York", None, "New York", "US"),  # a street, then a state named like its city
        ("12 Main St, Melbourne", "Melbourne", None, "AU"),
        ("North Vill., New York City", "New York City", None, "US"),
    ],
)
def test_addresses(text, city, region, country):
    loc = read_location(text)
    assert (loc.city, loc.region, loc.countryCode) == (city, region, country)


@pytest.mark.parametrize(
    "text",
    [
        "Salvation Army, Melbourne",  # an employer and its city is not an address
        "Acme Solutions, London",
        "Corporate Department, Rödl & Partner, Padua",
    ],
)
def test_organisation_before_a_city_is_not_an_address(text):
    assert read_location(text) is None


@pytest.mark.parametrize(
    "part, street",
    [("123 Main St.", True), ("Flat 3", True), ("#12", True), ("Baker Street", True), ("Salvation Army", False), ("Street", False)],
)
def test_street_parts(part, street):
    assert looks_like_street(part) is street


@pytest.mark.parametrize(
    "text, city, region, country",
    [
        ("Chennai, TN", "Chennai", "TN", "IN"),  # Tamil Nadu: Chennai is an Indian city
        ("Nashville, TN", "Nashville", "TN", "US"),
        ("Pune, IN", "Pune", None, "IN"),  # India, not Indiana
        ("Boise, ID", "Boise", "ID", "US"),
        ("Kolkata India", "Kolkata", None, "IN"),
        ("Amsterdam, North Holland", "Amsterdam", "North Holland", "NL"),
        ("Ann Arbor MI US", "Ann Arbor", "MI", "US"),
    ],
)
def test_codes_and_country_words_read_with_the_city(text, city, region, country):
    loc = read_location(text)
    assert (loc.city, loc.region, loc.countryCode) == (city, region, country)


@pytest.mark.parametrize(
    "text",
    [
        "Microsoft India",  # an employer, then a country
        "National University of Singapore",
        "SAP FI",  # a module code, not Finland
        "People Manager QA",
        "Hassie Brekke, M.A.",  # letters after a name, not Massachusetts
    ],
)
def test_names_ending_in_a_country_or_code_are_not_places(text):
    assert read_location(text) is None
