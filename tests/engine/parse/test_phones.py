"""Phone numbers: a national number takes the country of the resume's own location, and no
country at all when nothing tells which (invented people and numbers)."""

from __future__ import annotations

import io

import pytest

from documents import styled_docx
from resumeiq.engine import parse_resume
from resumeiq.engine.parse.phones import phone_value
from resumeiq.engine.parse.places import location_countries, read_location

BODY = "\n\nEXPERIENCE\nData Analyst, Acme Corp\tJan 2019 – Present\n• Built dashboards in Tableau for 40 managers.\n"


def _basics(header: str):
    return parse_resume((header + BODY).encode(), filename="resume.txt").resume.basics


@pytest.mark.parametrize(
    "header, phone",
    [
        ("Olivia Hartley\nLondon, UK | 07700 900123 | olivia.hartley@example.co.uk", "+44 7700 900123"),
        ("Daan Verhoeven\nAmsterdam, Netherlands | 06 12345678", "+31 6 12345678"),
        ("Marcus Bell\nChicago, IL | (312) 555-0142", "+1 312-555-0142"),
        ("Lena Brandt\nBerlin, Germany | 0151 23456789", "+49 1512 3456789"),
        ("Sofia Marin\nToronto, ON | 416-555-0199", "+1 416-555-0199"),
        # an area code not in service: the location still says the number is North American
        ("Ruth Okafor\nHouston, TX | 259.553.8120", "+1 259-553-8120"),
        # a number written with its country code keeps it, wherever the person lives
        ("Tom Reyes\nChicago, IL | +44 20 7946 0958", "+44 20 7946 0958"),
        ("Tom Reyes\nChicago, IL | 0044 20 7946 0958", "+44 20 7946 0958"),
    ],
)
def test_national_number_takes_the_country_of_the_location(header, phone):
    assert _basics(header).phone == phone


def test_a_number_that_does_not_fit_the_location_gets_no_country():
    basics = _basics("Olivia Hartley\nLondon, UK | (312) 555-0142")
    assert basics.location.countryCode == "GB"
    assert basics.phone == "(312) 555-0142"


@pytest.mark.parametrize(
    "header, phone",
    [
        # valid in one country only, and grouped as that country writes it
        ("Camille Roux\n06 12 34 56 78", "+33 6 12 34 56 78"),
        ("Marcus Bell\n(312) 555-0142", "+1 312-555-0142"),
        ("Arjun Mehta\n98765 43210", "+91 98765 43210"),
        # London and Pune both write "020 …": no country, and no "+"
        ("Olivia Hartley\n020 7946 0958", "020 7946 0958"),
        # a British drama number is valid only in Germany's plan, but Britain's reads it too
        ("Olivia Hartley\n07700 900123", "07700 900123"),
        # "(451)" in brackets without a trunk prefix is North American, where 451 is not in service
        ("Marcus Bell\n(451) 377-2046", "(451) 377-2046"),
    ],
)
def test_without_a_location_a_country_only_when_one_fits(header, phone):
    assert _basics(header).phone == phone


@pytest.mark.parametrize(
    "header, phone",
    [
        ("Priya Raman\nTN | 98401 23456", "+91 98401 23456"),  # Tamil Nadu
        ("Cole Harper\nTN | (865) 555-0142", "+1 865-555-0142"),  # Tennessee
    ],
)
def test_a_region_of_two_countries_is_told_apart_by_the_number(header, phone):
    assert _basics(header).phone == phone


@pytest.mark.parametrize(
    "written, countries",
    [
        ("TN", ("US", "IN")),
        ("Nashville, TN", ("US",)),
        ("Memphis, TN, USA", ("US",)),
        ("Perth, WA", ("AU",)),
        ("WA", ("US", "AU")),
        ("London, UK", ("GB",)),
    ],
)
def test_countries_a_location_may_be_in(written, countries):
    assert location_countries(read_location(written), written) == countries


@pytest.mark.parametrize(
    "header, city, region, country",
    [
        ("Kate Lindqvist\nLiverpool (GB), England\n07700 900321", "Liverpool", "England", "GB"),
        ("Owen Price\nPhiladelphia (US), PA\n(215) 555-0176", "Philadelphia", "PA", "US"),
        ("Jonas Weber\nFrankfurt am Main Hesse\n0151 23456789", "Frankfurt am Main", "Hesse", "DE"),
        ("Maaike Jansen\nTHE HAGUE SOUTH HOLLAND\n06 12345678", "THE HAGUE", "SOUTH HOLLAND", "NL"),
        ("Eva Smit\nHolland NL\n06 87654321", None, None, "NL"),
    ],
)
def test_header_locations_written_without_the_usual_commas(header, city, region, country):
    basics = _basics(header)
    loc = basics.location
    assert (loc.city, loc.region, loc.countryCode) == (city, region, country)
    assert basics.phone.startswith("+" + {"GB": "44", "US": "1", "DE": "49", "NL": "31"}[country] + " ")


def test_city_and_region_without_a_comma_is_not_read_on_the_name_line():
    # "Sydney Victoria" may be a person; read alone it is no place
    assert read_location("Sydney Victoria") is None
    basics = _basics("Sydney Victoria\nsydney.victoria@example.com")
    assert basics.name == "Sydney Victoria"
    assert basics.location is None




def test_location_under_a_location_heading_gives_the_country():
    data = styled_docx(
        [
            ("Nina Falkner", "Title"),
            ("Contact", "Heading 1"),
            ("nina.falkner@example.com", None),
            ("07700 900456", None),
            ("Experience", "Heading 1"),
            ("Data Analyst, Acme Corp\tJan 2019 – Present", None),
            ("Built dashboards in Tableau for 40 managers.", "List Bullet"),
            ("Location", "Heading 1"),  # a sidebar box, read after the body
            ("Region\tEngland", None),
            ("Skills", "Heading 1"),
            ("Python, SQL, Tableau", None),
        ]
    )
    parsed = parse_resume(data)
    assert [s.kind for s in parsed.sections if s.heading == "Location"] == ["other"]
    basics = parsed.resume.basics
    assert basics.location.countryCode == "GB"
    assert basics.phone == "+44 7700 900456"


@pytest.mark.parametrize(
    "raw, countries, value",
    [
        ("1 312 555 0142", ("US",), "+1 312-555-0142"),  # the trunk prefix 1
        ("0 20 7946 0958", ("GB",), "+44 20 7946 0958"),
        ("7700 900123", ("GB",), "7700 900123"),  # Britain writes the trunk 0
        ("555-0142", ("US",), None),  # too short to be a number
    ],
)
def test_phone_value(raw, countries, value):
    assert phone_value(raw, countries) == value


# --------------------------------------------------------------------------- what is no phone number


@pytest.mark.parametrize(
    "line",
    [
        "2022-05\n2016-09",  # two stacked dates of a sidebar
        "2019-08-01 to 2021-08-01",
        "05/2016 - 09/2019",
        "2016 - 2019",
        "12.05.2019",
        "Blog: https://blog.example.com/2021/04/launch-notes",
        "Portfolio: example.com/work?id=5551234567",
    ],
)
def test_dates_ranges_and_addresses_are_not_phone_numbers(line):
    assert _basics(f"Maria Gonzalez\nmaria@example.com\n{line}").phone is None


def test_the_number_after_stacked_dates_is_the_phone():
    basics = _basics("Asha Kulkarni\n2022-05\n2016-09\nasha.kulkarni@example.com\n+91 98765 43210")
    assert basics.phone == "+91 98765 43210"


def test_a_number_and_a_date_range_after_a_slash():
    header = "Marcus Bell\nChicago, IL | (312) 555-0142 / 2019-2021"
    parsed = parse_resume((header + BODY).encode(), filename="resume.txt")
    basics = parsed.resume.basics
    assert basics.phone == "+1 312-555-0142"
    a, b = basics.evidence["phone"]
    assert parsed.document.text[a:b] == "(312) 555-0142"


def test_stacked_dates_in_a_pdf_sidebar_are_not_the_phone():
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    top = A4[1]
    for x, y, text, size in [
        (40, 60, "Asha Kulkarni", 20),
        (40, 100, "2022-05", 9),  # the dates of a left rail, one under the other
        (40, 112, "2016-09", 9),
        (40, 150, "asha.kulkarni@example.com", 9),
        (40, 162, "Phone +91 98765 43210", 9),
        (40, 200, "EXPERIENCE", 12),
        (40, 220, "Site Engineer, Harbor Build Ltd\tJan 2019 - Present", 10),
    ]:
        c.setFont("Helvetica", size)
        c.drawString(x, top - y, text)
    c.showPage()
    c.save()
    basics = parse_resume(buf.getvalue()).resume.basics
    assert basics.phone == "+91 98765 43210"


def test_a_number_on_the_line_after_a_year_is_read_alone():
    # outside the header the first part of the text is searched as one block, across lines
    text = (
        "Marcus Bell\nmarcus.bell@example.com\n\nINTERESTS\nVolunteer firefighter since 2019\n(312) 555-0142"
        + BODY
    )
    assert parse_resume(text.encode(), filename="resume.txt").resume.basics.phone == "+1 312-555-0142"


@pytest.mark.parametrize(
    "line, phone",
    [
        ("Tel : 661204875", "661204875"),  # a plan none of the default regions has
        ("Mobile No: 66 120 48 75", "66 120 48 75"),
    ],
)
def test_a_labelled_number_is_a_phone_as_written(line, phone):
    assert _basics(f"Awa Diallo\nawa.diallo@example.com\n{line}").phone == phone


@pytest.mark.parametrize("line", ["Member no. 661204875", "Phone: 2019-2021"])
def test_an_unlabelled_short_number_or_a_labelled_date_is_no_phone(line):
    assert _basics(f"Awa Diallo\nawa.diallo@example.com\n{line}").phone is None


def test_letters_in_brackets_after_a_degree_are_no_country():
    # "(CS)" is a field of study here, not a country code before a region
    assert read_location("Dana Whitfield, MS (CS), MBA, PMP") is None
    basics = _basics("Dana Whitfield, MS (CS), MBA, PMP\n14 Elm Road, Halifax, NS | (902) 555-0143")
    loc = basics.location
    assert (loc.city, loc.region, loc.countryCode) == ("Halifax", "NS", "CA")
    assert basics.phone == "+1 902-555-0143"


def _resume(header: str, education: str):
    text = header + BODY + "\nEDUCATION\n" + education
    return parse_resume(text.encode(), filename="resume.txt").resume.basics


def test_without_a_location_the_country_the_resume_names_elsewhere_places_the_number():
    basics = _resume("Fiona Baird\nfiona.baird@example.org | 020 7946 0958", "BSc Physics, University of Edinburgh, 2015")
    assert basics.location is None
    assert basics.phone == "+44 20 7946 0958"


@pytest.mark.parametrize(
    "education, phone",
    [
        ("BSc Physics, University of Edinburgh, 2015\nMSc Physics, University of Pune, 2017", "+91 20 7946 0958"),
        ("MSc Physics, University of Edinburgh, 2017\nBSc Physics, University of Pune, 2015", "+44 20 7946 0958"),
    ],
)
def test_two_named_countries_whose_plans_both_read_the_number_the_latest_school_decides(education, phone):
    # London and Pune both write "020 …": the person was last in the place of the latest school
    basics = _resume("Fiona Baird\nfiona.baird@example.org | 020 7946 0958", education)
    assert basics.phone == phone


def test_a_national_number_of_the_one_named_country_grouped_otherwise_takes_it():
    basics = _resume("Jonas Vogt\njonas.vogt@example.org | 0159 8720415", "MSc Physics, Universität Heidelberg, 2017")
    assert basics.phone == "+49 1598720415"


def test_a_legal_form_after_an_employer_names_no_country():
    from resumeiq.engine.parse.places import countries_named

    assert countries_named("Engineer, Brandt KG, Heidelberg") == ["DE"]


def test_a_number_the_plan_rewrites_keeps_its_country():
    basics = _basics("Lucía Paz\nlucia.paz@example.org | 011 15-2345-6021 | Buenos Aires, Argentina")
    assert basics.phone == "+54 9 11 2345-6021"


def test_a_number_wrapped_after_its_country_code_is_read_whole():
    basics = _basics("Omar Sayed\nomar.sayed@example.org — Phone: +20 10\n01234567\nCairo, Egypt")
    assert basics.phone == "+20 10 01234567"
