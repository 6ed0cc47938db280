"""Contact details: name, headline, email, phone, location and profile links."""

from __future__ import annotations

import pytest

from resumeiq.engine import parse_resume


def _basics(text: str, filename: str = "resume.txt"):
    parsed = parse_resume(text.encode(), filename=filename)
    return parsed.document.text, parsed.resume.basics


BODY = "\n\nEXPERIENCE\nData Analyst, Acme Corp\tJan 2019 – Present\n• Built dashboards in Tableau for 40 managers.\n"


@pytest.mark.parametrize("fixture", ["resume_pdf_bytes", "resume_docx_bytes", "two_column_pdf_bytes"])
def test_contact_of_built_files(request, fixture, person):
    parsed = parse_resume(request.getfixturevalue(fixture))
    basics = parsed.resume.basics
    assert basics.name == person.name
    assert basics.email == person.email
    assert basics.phone == "+1 415-555-0132"
    assert (basics.location.city, basics.location.region, basics.location.countryCode) == ("San Francisco", "CA", "US")
    text = parsed.document.text
    a, b = basics.evidence["phone"]
    assert "".join(c for c in text[a:b] if c.isdigit()) == person.phone_digits


def test_headline_under_the_name_is_the_label():
    text, basics = _basics("Maria Gonzalez\nSenior Data Analyst\nmaria@example.com | (415) 555-0132" + BODY)
    assert basics.name == "Maria Gonzalez"
    assert basics.label == "Senior Data Analyst"
    a, b = basics.evidence["label"]
    assert text[a:b] == "Senior Data Analyst"


def test_name_in_capitals_is_title_cased():
    _, basics = _basics("MARIA DE LA CRUZ\nmaria.cruz@example.com" + BODY)
    assert basics.name == "Maria de la Cruz"


def test_curriculum_vitae_title_is_not_the_name():
    _, basics = _basics("Curriculum Vitae\nMaria Gonzalez\nmaria@example.com" + BODY)
    assert basics.name == "Maria Gonzalez"


@pytest.mark.parametrize(
    "written, normalised",
    [
        ("(415) 555-0132", "+1 415-555-0132"),
        ("415.555.0132", "+1 415-555-0132"),
        ("+1 415 555 0132", "+1 415-555-0132"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),
        ("+49 30 901820", "+49 30 901820"),
    ],
)
def test_phone_numbers_are_normalised(written, normalised):
    text, basics = _basics(f"Maria Gonzalez\nmaria@example.com | {written}" + BODY)
    assert basics.phone == normalised
    a, b = basics.evidence["phone"]
    assert text[a:b] == written


def test_uk_location_gives_the_region_for_a_national_number():
    _, basics = _basics("Maria Gonzalez\nLondon, UK | 020 7946 0958 | maria@example.co.uk" + BODY)
    assert basics.location.countryCode == "GB"
    assert basics.phone == "+44 20 7946 0958"
    assert basics.email == "maria@example.co.uk"


def test_dates_and_years_are_not_phone_numbers():
    _, basics = _basics("Maria Gonzalez\nmaria@example.com\n2018 - 2020" + BODY)
    assert basics.phone is None


def test_email_outside_the_header_is_found():
    text = (
        "Maria Gonzalez\n\nEXPERIENCE\nData Analyst, Acme Corp\tJan 2019 – Present\n"
        "• Built dashboards in Tableau.\n\nCONTACT\nReach me at maria.gonzalez@example.com\n"
    )
    doc_text, basics = _basics(text)
    assert basics.email == "maria.gonzalez@example.com"
    a, b = basics.evidence["email"]
    assert doc_text[a:b] == "maria.gonzalez@example.com"


def test_profiles_and_personal_site():
    _, basics = _basics(
        "Maria Gonzalez\nmaria@example.com | linkedin.com/in/mariagonzalez | https://github.com/mgonzalez | "
        "mariagonzalez.dev" + BODY
    )
    profiles = {p.network: (p.username, p.url) for p in basics.profiles}
    assert profiles == {
        "LinkedIn": ("mariagonzalez", "https://linkedin.com/in/mariagonzalez"),
        "GitHub": ("mgonzalez", "https://github.com/mgonzalez"),
    }
    assert basics.url == "https://mariagonzalez.dev"


def test_email_domain_is_not_a_website():
    _, basics = _basics("Maria Gonzalez\nmaria@gonzalez-analytics.com" + BODY)
    assert basics.email == "maria@gonzalez-analytics.com"
    assert basics.url is None and basics.profiles == []


def test_labelled_contact_lines():
    text, basics = _basics("Name: Maria Gonzalez\nEmail: maria@example.com\nPhone: 415-555-0132\nAddress: Austin, TX" + BODY)
    assert basics.name == "Maria Gonzalez"
    assert basics.email == "maria@example.com"
    assert basics.phone == "+1 415-555-0132"
    assert basics.location.city == "Austin" and basics.location.region == "TX"


def test_markdown_title_is_the_name(resume_md, person):
    _, basics = _basics(resume_md, filename="resume.md")
    assert basics.name == person.name


@pytest.mark.parametrize(
    "header, city, region",
    [
        ("Rosa Lindqvist    48 Alder Rd.  Portland, OR  503.555.0147  rosa@example.com", "Portland", "OR"),
        ("Devin Hart\n9 Birch Lane. Madison, WI 53703 ~ (608) 555-0101 ~ devin@example.com", "Madison", "WI"),
        ("Ines Okoro\nAlumni Office, Lakemont College, Rochester, New York USA 14604", "Rochester", "New York"),
    ],
)
def test_location_among_other_header_items(header, city, region):
    _, basics = _basics(header + BODY)
    assert (basics.location.city, basics.location.region) == (city, region)


def test_a_jobs_place_is_not_taken_for_where_the_candidate_lives():
    resume = parse_resume(
        b"Maria Gonzalez\nmaria@example.com\n\nEXPERIENCE\n"
        b"Data Analyst, Acme Corp, Austin, TX\tJan 2019 - Dec 2021\n- Built dashboards.\n"
        b"Junior Analyst, Globex, Denver, CO\tJan 2016 - Dec 2018\n- Cleaned data.\n",
        filename="resume.txt",
    ).resume
    assert resume.basics.location is None  # the header names no place: nothing is invented
    assert [w.location for w in resume.work] == ["Austin, TX", "Denver, CO"]


@pytest.mark.parametrize(
    "line, name",
    [
        ("Marcus Oyelaran, MBA, PMP", "Marcus Oyelaran"),
        ("Petra Novak, MS (EE), MS (OR), CSM, PMP", "Petra Novak"),
        ("Dana Whitcombe, M.ED.", "Dana Whitcombe"),
        ("Lior Benami  B lior@example.com", "Lior Benami"),
    ],
)
def test_name_without_the_letters_after_it(line, name):
    _, basics = _basics(line + "\n" + BODY)
    assert basics.name == name


def test_name_run_into_a_street_address_on_its_line():
    _, basics = _basics("Ines Okoro 14 Birch Lane, Dayton, OH\nines@example.com" + BODY)
    assert basics.name == "Ines Okoro"


@pytest.mark.parametrize("line", ["BS Nursing, New Grad", "DO NOT COPY: sample only", "Magna Cum Laude"])
def test_headlines_and_notes_are_not_names(line):
    _, basics = _basics(f"{line}\nJane Doe\njane@example.com\n" + BODY)
    assert basics.name == "Jane Doe"


@pytest.mark.parametrize(
    "line, city, code, country",
    [
        ("87654 Oberwalden", "Oberwalden", "87654", None),
        ("94811, Vauclerc", "Vauclerc", "94811", None),
        ("07190 SAINT-ORVAL FRANCE", "Saint-Orval", "07190", "FR"),
        ("D-78999 Talheim", "Talheim", "78999", None),
    ],
)
def test_a_postcode_before_a_town_the_places_data_does_not_know(line, city, code, country):
    parsed = parse_resume(f"Ines Okoro\n12 Weiherweg\n{line}\nines@example.org\n\nSKILLS\nPython\n".encode(), filename="cv.txt")
    loc = parsed.resume.basics.location
    assert (loc.city, loc.postalCode, loc.countryCode) == (city, code, country)


@pytest.mark.parametrize("line", ["4521 Quarry Lane", "7923 Tamsin Street", "2021 Lisbon Marathon"])
def test_a_house_number_or_a_year_is_no_postcode(line):
    parsed = parse_resume(f"Ines Okoro\n{line}\nines@example.org\n\nSKILLS\nPython\n".encode(), filename="cv.txt")
    assert parsed.resume.basics.location is None or parsed.resume.basics.location.postalCode is None


def test_a_known_place_later_in_the_header_wins_over_a_house_number():
    parsed = parse_resume("Ines Okoro\n7923 Tamsin • Houston, TX 77005\nines@example.org\n\nSKILLS\nPython\n".encode(), filename="cv.txt")
    assert parsed.resume.basics.location.city == "Houston"


@pytest.mark.parametrize(
    "contact_line, city",
    [
        ("ivo.marsh@example.org / +61 412 555 019 / Ballarat, VIC", "Ballarat"),
        ("Phone: +49 1523 5550177 / E-mail: lena.voss@example.org / Address: Paderborn, Germany", "Paderborn"),
        ("tomas.reyna@example.net / Leeds\n07700 900417", "Leeds"),
    ],
)
def test_city_among_contact_items_parted_by_slashes(contact_line, city):
    _text, basics = _basics(f"Ivo Marsh\n{contact_line}{BODY}")
    assert basics.location is not None and basics.location.city == city


@pytest.mark.parametrize(
    "contact_line, city, country",
    [
        ("Boston, MA jun.zhao@example.com (617) 555-0152", "Boston", "US"),
        ("github.com/eyildiz Mugla, Turkey e.yildiz@example.com 0501 234 05 98", "Mugla", "TR"),
        ("Phone: +1 (505) 555-0161 / E-mail: r.sutton@example.com / Address: Albuquerque, NM /", "Albuquerque", "US"),
        ("lucia.paz@example.org / +52 222 555 0934 / Zacatecas, Mexico", "Zacatecas", "MX"),
    ],
)
def test_city_among_contact_items_parted_by_spaces_or_a_trailing_slash(contact_line, city, country):
    _text, basics = _basics(f"Ivo Marsh\n{contact_line}{BODY}")
    assert basics.location is not None
    assert (basics.location.city, basics.location.countryCode) == (city, country)


def test_a_region_ending_in_a_country_name_stays_the_region():
    from resumeiq.engine.parse.places import read_location

    loc = read_location("Santa Fe, New Mexico")
    assert (loc.city, loc.region, loc.countryCode) == ("Santa Fe", "New Mexico", "US")
