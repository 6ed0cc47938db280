"""Plain text whose line breaks were lost (pasted from a form, kept in a CSV cell): one long line,
the old breaks shown as runs of spaces, dashes of date ranges lost with them."""

from __future__ import annotations

from resumeiq.engine import parse_resume
from resumeiq.engine.parse.dates import find_date_ranges

# An invented person; two spaces (or more) where the breaks were, ranges written "2016  Present".
ONE_LINE = (
    "Odile Marchetti  18 Quarry Lane, Harwell, Oregon  Phone: 555-201-3344  odile.marchetti@example.org  "
    "Objective  To keep orchards healthy and productive as a senior arborist.    "
    "Work Experience  2016  Present  Senior Arborist, Bramblefield Nurseries, Harwell, Oregon  "
    "Planned the pruning of four hundred fruit trees every winter.  Trained six seasonal workers.    "
    "2011  2016  Grounds Keeper, Lindqvist Estate, Salem, Oregon  "
    "Kept the gardens and the greenhouse of a private estate.    "
    "Education  2007  2011  Bachelor of Science in Horticulture, Oregon Valley College"
)


def test_one_line_text_is_read_as_lines_with_its_ranges_whole():
    parsed = parse_resume(ONE_LINE.encode(), filename="resume.txt")
    doc = parsed.document
    lines = [doc.text[ln.start : ln.end] for ln in doc.lines]
    assert "2016  Present" in lines and "2011  2016" in lines
    assert "Work Experience" in lines
    work = [(w.position, w.name, w.startDate, w.endDate) for w in parsed.resume.work]
    assert work == [
        ("Senior Arborist", "Bramblefield Nurseries", "2016", None),
        ("Grounds Keeper", "Lindqvist Estate", "2011", "2016"),
    ]
    assert parsed.resume.work[0].endDate is None and parsed.resume.work[0].startDate == "2016"


def test_two_spaces_between_two_dates_are_a_lost_dash():
    ranges = find_date_ranges("Apr 2014  Oct 2016")
    assert [(r.start, r.end) for r in ranges] == [("2014-04", "2016-10")]
    assert [(r.start, r.end) for r in find_date_ranges("1999  2003")] == [("1999", "2003")]
    # one space is no range: "in 2019 2020 people" stays two years
    assert len(find_date_ranges("1999 2003")) == 2


def test_a_header_closed_by_a_period_is_a_header():
    body = (
        "2016 - present\nLead Engineer, Payments Team, Quillon Systems, Portland.\nShipped the card vault\n"
        "2012 - 2016\nSoftware Engineer, Quillon Systems, Portland.\nWrote the ledger service\n"
    )
    parsed = parse_resume(
        f"Ravi Mendel\nravi@example.net\n\nWork Experience\n{body}".encode(), filename="r.txt"
    )
    assert [(w.position, w.startDate, w.endDate) for w in parsed.resume.work] == [
        ("Lead Engineer, Payments Team", "2016", None),  # a team stays with its title (test_work_qualifiers)
        ("Software Engineer", "2012", "2016"),
    ]


def test_the_town_of_a_full_address_line_is_the_location():
    # a one-line text: the address holds house, building and street parts and a phone after the country
    text = (
        "Ines Halvorsen  No.7, Linden Building, Birch Street, Oslo, Norway, 55512345  ines.h@example.com  "
        "Summary  Nurse with ten years on surgical wards.  "
        + "Cared for patients before and after surgery.  "
        * 6
    )
    basics = parse_resume(text.encode(), filename="resume.txt").resume.basics
    assert (basics.location.city, basics.location.countryCode) == ("Oslo", "NO")
    basics = parse_resume(
        b"Tom Avery\n8 Banksia Way, Ringwood VIC 3134\ntom.avery@example.com\n", filename="resume.txt"
    ).resume.basics
    assert (basics.location.city, basics.location.region) == ("Ringwood", "VIC")


def test_a_slash_between_two_dates_parts_a_range():
    assert [(r.start, r.end, r.current) for r in find_date_ranges("Mar 2012/Now Harbour Film School")] == [
        ("2012-03", None, True)
    ]
    assert [(r.start, r.end) for r in find_date_ranges("Apr 2014 / Oct 2016")] == [("2014-04", "2016-10")]


def test_headings_in_capitals_cut_at_random_letters_are_found():
    from resumeiq.engine.parse.segment import heading_kind

    assert heading_kind("W OR KEX PER I ENCE") == "experience"
    assert heading_kind("ED UC ATI ON") == "education"
    text = (
        "Lena Fairbrook\nlena.fairbrook@example.com\n\nW OR KEX PER I ENCE\n"
        "Head Librarian, Eastbrook Public Library, Dayton, OH\nJuly 2010 - June 2018\n"
        "• Ran the lending desk.\n\nED UC ATI ON\nMaster of Library Science, Westmoor University, 2010\n"
    )
    parsed = parse_resume(text.encode(), filename="resume.txt")
    assert [s.kind for s in parsed.sections][1:] == ["experience", "education"]
    assert parsed.resume.work[0].position == "Head Librarian"


def test_a_title_leading_the_first_sentence_of_an_entry_is_its_position():
    text = (
        "Gus Okafor\ngus.okafor@example.com\n\nExperience\nHallmark Foundry, Inc., Dayton, OH\n2007 to 2010\n"
        "Head of Casting Quality - Took over the sand lab and cut the scrap rate of the moulding line by half.\n"
        "\nBolt Works LLC, Dayton, OH\n2003 to 2007\n"
        "Kept the shop running - balanced the ledgers and bought the pig iron every month for four years.\n"
    )
    work = parse_resume(text.encode(), filename="resume.txt").resume.work
    assert [(w.position, w.name) for w in work] == [
        ("Head of Casting Quality", "Hallmark Foundry, Inc"),
        (None, "Bolt Works LLC"),
    ]


def _education(body: str):
    text = f"Ann Bellweather\nann.b@example.com\n\nEducation\n{body}"
    return [
        (e.institution, e.studyType, e.endDate)
        for e in parse_resume(text.encode(), filename="r.txt").resume.education
    ]


def test_a_column_of_degrees_over_a_column_of_schools_is_read_pairwise():
    body = (
        "Ph.D.\nM.A.\nB.A.\nNorthfield University, 1990\nWestmoor University, 1986\nLakemont College, 1984\n"
    )
    assert _education(body) == [
        ("Northfield University", "Ph.D.", "1990"),
        ("Westmoor University", "M.A.", "1986"),
        ("Lakemont College", "B.A.", "1984"),
    ]


def test_a_field_beside_the_school_after_a_colon_is_not_the_school():
    assert _education(
        "B.A.\nM.A.\nNorthfield University: Sociology, 1990\nLakemont College: Philosophy, 1984\n"
    ) == [
        ("Northfield University", "B.A.", "1990"),
        ("Lakemont College", "M.A.", "1984"),
    ]
    assert _education("M.A. History: Northfield University, 1992\nPlacement 1: School:\n") == [
        ("Northfield University", "M.A.", "1992")
    ]


def test_more_education_headings_are_known():
    from resumeiq.engine.parse.segment import heading_kind

    for heading in (
        "Academic Degrees",
        "Academic Qualifications and Certifications",
    ):
        assert heading_kind(heading) == "education", heading


def test_a_labelled_major_under_a_degree_is_its_field():
    text = (
        "Ann Bellweather\nann.b@example.com\n\nEducation\nBachelor of Arts, Northfield University, 2010\n"
        "Major: Geology, Minor: French\n\nB.S., Lakemont College, 2005\n• Major in Marine Biology\n"
    )
    education = parse_resume(text.encode(), filename="r.txt").resume.education
    assert [(e.studyType, e.area) for e in education] == [
        ("Bachelor of Arts", "Geology"),
        ("B.S.", "Marine Biology"),
    ]


def test_a_dated_bullet_that_closes_a_sentence_is_no_entry_header():
    text = (
        "Mira Castell\nmira.c@example.com\n\nWork Experience\nQuality Engineer\nFennick Instruments\n"
        "• Quality Engineer in the calibration lab of the plant\n"
        "• Calibrated the torque gauges and wrote their test plans. (March 2016 onwards)\n"
        "Wrote the test scripts for the line.\n"
    )
    work = parse_resume(text.encode(), filename="r.txt").resume.work
    assert [w.position for w in work] == ["Quality Engineer"]
    assert all(w.name != "Calibrated the torque gauges and wrote their test plans" for w in work)


def test_a_labelled_address_outside_the_header_gives_the_location():
    text = (
        "RESUME\nKarin Oyelaran\n\nQualification\nQualification: Diploma in Welding Inspection\n"
        "Home Address: Flat 9, Kestrel Court, Mill Lane,\nHeaton, Newcastle upon Tyne NE6 5XX, UK\n"
        "Email: karin.o@example.com\n"
    )
    location = parse_resume(text.encode(), filename="r.txt").resume.basics.location
    assert (location.city, location.countryCode) == ("Newcastle upon Tyne", "GB")


def test_a_town_written_with_a_combining_mark_is_known():
    from resumeiq.engine.parse.places import read_location

    location = read_location("Zu\u0308rich, Switzerland")
    assert location is not None and location.countryCode == "CH" and location.city == "Z\u00fcrich"


def test_languages_over_a_column_of_values_inside_skills_is_a_skill_category():
    text = (
        "Pia Lindgren\npia.l@example.com\n\nTechnical Proficiency\nPlatforms\nDatabases\nLanguages\n"
        ": Linux, macOS\n: PostgreSQL, Redis\n: Go, Rust, Java, PHP\n"
    )
    parsed = parse_resume(text.encode(), filename="r.txt")
    assert [s.kind for s in parsed.sections][1:] == ["skills"]
    keywords = {k for group in parsed.resume.skills for k in group.keywords} | {
        g.name for g in parsed.resume.skills
    }
    assert {"Java", "PHP"} <= keywords


def test_a_heading_word_over_a_list_of_skills_inside_skills_is_a_category():
    text = (
        "Theo Marchand\ntheo.m@example.com\n\nProgramming Languages\nAt work:\nGo, Rust, Kotlin, Scala\n"
        "Academic\nHaskell, Prolog, Java\n\nWork Experience\nPython, Java, SQL\n"
    )
    parsed = parse_resume(text.encode(), filename="r.txt")
    assert [s.kind for s in parsed.sections][1:] == ["skills", "experience"]
    keywords = {k for group in parsed.resume.skills for k in group.keywords}
    assert {"Haskell", "Prolog"} <= keywords
