"""Places: pieces of text → ``Location`` (city, region, country), or None."""

from __future__ import annotations

import pytest

from resumeiq.engine.parse.places import looks_like_street, read_location


@pytest.mark.parametrize(
    "text, city, region, country",
    [
        ("17 Cedar Cres, Etobicoke, ON, M9B 2K4", "Etobicoke", "ON", "CA"),  # Canadian postcode
        ("Ogallala, Nebraska 69xxx", "Ogallala", "Nebraska", "US"),  # a template's masked ZIP code
        ("Pinehollow, KS 66xxx", "Pinehollow", "KS", "US"),  # an unlisted town before a state code
        ("58 Orchard St, New York", None, "New York", "US"),  # a street, then a state named like its city
        ("12 Main St, Melbourne", "Melbourne", None, "AU"),
        ("East Vill., New York City", "New York City", None, "US"),
    ],
)
def test_addresses(text, city, region, country):
    loc = read_location(text)
    assert (loc.city, loc.region, loc.countryCode) == (city, region, country)


@pytest.mark.parametrize(
    "text",
    [
        "Riverland Army, Adelaide",  # an employer and its city is not an address
        "Acme Solutions, London",
        "Tax Department, Vettori & Partner, Verona",
    ],
)
def test_organisation_before_a_city_is_not_an_address(text):
    assert read_location(text) is None


@pytest.mark.parametrize(
    "part, street",
    [("123 Main St.", True), ("Flat 3", True), ("#12", True), ("Baker Street", True), ("Riverland Army", False), ("Street", False)],
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
        ("Grand Rapids MI US", "Grand Rapids", "MI", "US"),
    ],
)
def test_codes_and_country_words_read_with_the_city(text, city, region, country):
    loc = read_location(text)
    assert (loc.city, loc.region, loc.countryCode) == (city, region, country)


@pytest.mark.parametrize(
    "text",
    [
        "Brightline India",  # an employer, then a country
        "Technical University of Denmark",
        "SAP FI",  # a module code, not Finland
        "People Manager QA",
        "Noor Haddad, M.A.",  # letters after a name, not Massachusetts
    ],
)
def test_names_ending_in_a_country_or_code_are_not_places(text):
    assert read_location(text) is None
