"""Work entries written as labelled fields ("Company: …", "Position held: …") and employers with a
dotted legal form ("S.A.", "N.V.")."""

from __future__ import annotations

import pytest

from resumeiq.engine import parse_resume

HEAD = "Lena Marsh\nlena.marsh@example.org\n\nEMPLOYMENT HISTORY\n"


def _work(body: str):
    return parse_resume((HEAD + body).encode(), filename="resume.txt").resume.work


def _summary(work) -> list[tuple]:
    return [(w.position, w.name, w.startDate, w.endDate) for w in work]


@pytest.mark.parametrize("form", ["S.A.", "N.V."])
def test_dotted_legal_form_is_no_place(form):
    # "SA" is a region code too (South Australia); written "S.A." after a name it is the firm's.
    work = _work(f"Quality Manager\nOrvex Holdings {form}\nMarch 2012 to June 2016\n• Ran the audits.\n")
    assert _summary(work) == [("Quality Manager", f"Orvex Holdings {form}", "2012-03", "2016-06")]
    assert work[0].location is None


def test_labelled_company_and_position_fields():
    work = _work(
        "Since: September 2014 Until: Currently\n"
        "Company: Talvio Roads S.A.\n"
        "Position held: Head of Legal Affairs\n"
        "Since: October 2009 Until: August 2014\n"
        "Company: Quarrendon Grid\n"
        "Position held: Contracts Counsel\n"
    )
    assert _summary(work) == [
        ("Head of Legal Affairs", "Talvio Roads S.A.", "2014-09", None),
        ("Contracts Counsel", "Quarrendon Grid", "2009-10", "2014-08"),
    ]


def test_labelled_fields_belong_to_their_own_entry():
    # Body lines without a closing period read like header lines; the labels still tell which
    # entry a "Designation:" or a "Company:" line opens.
    work = _work(
        "Designation: Network Analyst\n"
        "Company: Brightwater Telecom\n"
        "Duration: 04.2019 - Present\n"
        "  Cut the ticket backlog by half\n"
        "  Rolled out the new firewall rules\n"
        "\n"
        "Designation: Support Technician\n"
        "Company: Brightwater Telecom\n"
        "Duration: 01.2016 - 03.2019\n"
        "  Kept the branch offices online\n"
        "\n"
        "Designation: Junior Technician\n"
        "Company: Corvale Systems\n"
        "Duration: 06.2014 - 12.2015\n"
        "  Imaged laptops for new staff\n"
    )
    assert _summary(work) == [
        ("Network Analyst", "Brightwater Telecom", "2019-04", None),
        ("Support Technician", "Brightwater Telecom", "2016-01", "2019-03"),
        ("Junior Technician", "Corvale Systems", "2014-06", "2015-12"),
    ]


def test_title_below_the_dates_opens_the_next_entry():
    # "Title / Employer - City - / dates" entries: the next entry's title stands right under the
    # dates of the one above.
    work = _work(
        "Store Supervisor\n"
        "Halden Pumps -  Mysuru, Karnataka -\n"
        "March 2019 to Present\n"
        "Area Sales Lead\n"
        "Corvale Traders -  Kochi, Kerala -\n"
        "June 2014 to February 2019\n"
        "• Opened two dealerships.\n"
    )
    assert _summary(work) == [
        ("Store Supervisor", "Halden Pumps", "2019-03", None),
        ("Area Sales Lead", "Corvale Traders", "2014-06", "2019-02"),
    ]


def test_undated_current_job_above_the_dated_ones_is_kept():
    work = _work(
        "Integration Specialist\n"
        "Brightwater Telecom\n"
        "• Maintains the billing interfaces.\n"
        "• Mentors two junior developers.\n"
        "Junior Developer\n"
        "Corvale Systems -  Hubli, Karnataka -\n"
        "September 2011 to March 2016\n"
        "• Wrote the nightly export jobs.\n"
    )
    assert _summary(work) == [
        ("Integration Specialist", "Brightwater Telecom", None, None),
        ("Junior Developer", "Corvale Systems", "2011-09", "2016-03"),
    ]
    assert work[0].highlights == ["Maintains the billing interfaces.", "Mentors two junior developers."]


def test_jobs_told_in_one_sentence_each():
    work = _work(
        "Currently working as a Data Analyst in Orvex Labs, Pune from May 2016.\n"
        "Worked as Junior Analyst with Talvio Systems Pvt Ltd, Nagpur from June 2012\n"
        "to April 2016\n"
    )
    assert _summary(work) == [
        ("Data Analyst", "Orvex Labs", "2016-05", None),
        ("Junior Analyst", "Talvio Systems Pvt Ltd", "2012-06", "2016-04"),
    ]
    assert [w.location for w in work] == ["Pune", "Nagpur"]


def test_sentence_retelling_the_job_above_is_no_second_job():
    work = _work(
        "Data Analyst\n"
        "Orvex Labs -  Pune, Maharashtra -\n"
        "May 2016 to Present\n"
        "• Working as Data Analyst for Orvex Labs from May 2016 to till date.\n"
    )
    assert _summary(work) == [("Data Analyst", "Orvex Labs", "2016-05", None)]


def test_year_closing_a_one_line_entry_dates_it():
    work = _work(
        "Reading Specialist, Elm Park School, Dayton, OH, 1994 to 1999\n"
        "Third Grade Teacher, Hollis Primary School, Dayton, OH, 1993\n"
        "Classroom Aide, Linden Street School, Xenia, OH, 1992\n"
    )
    assert _summary(work) == [
        ("Reading Specialist", "Elm Park School", "1994", "1999"),
        ("Third Grade Teacher", "Hollis Primary School", "1993", "1993"),
        ("Classroom Aide", "Linden Street School", "1992", "1992"),
    ]


def test_year_closing_a_citation_is_no_entry_date():
    work = _work(
        "Research Fellow, Quarrendon Institute, Leeds, 2009 to 2014\n"
        "• Wrote the survey chapter in Advances in Grid Storage, pages 12-19. Hallam Press, 2012\n"
    )
    assert _summary(work) == [("Research Fellow", "Quarrendon Institute", "2009", "2014")]


def test_digit_inside_an_employer_name_is_no_house_number():
    work = _work("Quality Engineering Lead\nOrvex360, Pune, Maharashtra\nMay, 2013-September, 2014\n• Ran the test lab.\n")
    assert _summary(work) == [("Quality Engineering Lead", "Orvex360", "2013-05", "2014-09")]
    assert work[0].location == "Pune, Maharashtra"


def test_numbered_field_label():
    work = _work(
        "Company 1: Talvio Roads Private Limited\n"
        "Designation: Senior Site Engineer\n"
        "Duration: March 2011 - till date\n"
    )
    assert _summary(work) == [("Senior Site Engineer", "Talvio Roads Private Limited", "2011-03", None)]


def test_long_title_at_employer_line_under_the_dates_is_the_header():
    work = _work(
        "2019 - present\n"
        "Postdoctoral Researcher at Centre for Coastal Ecology and Marine Survey, Harwick University\n"
        "Responsibilities: field work on the estuary survey.\n"
        "2015 - 2019\n"
        "Research Assistant at Harwick University\n"
        "Responsibilities: sampling and lab work.\n"
    )
    assert _summary(work) == [
        ("Postdoctoral Researcher", "Centre for Coastal Ecology and Marine Survey, Harwick University", "2019", None),
        ("Research Assistant", "Harwick University", "2015", "2019"),
    ]


@pytest.mark.parametrize(
    ("line", "employer"),
    [("Lecturer at the University of Harwick", "University of Harwick"), ("Buyer at The Lantern Company", "The Lantern Company")],
)
def test_article_after_at_is_no_part_of_the_employer(line, employer):
    work = _work(f"{line}\n2012 - 2016\n• Taught statistics.\n")
    assert [(w.position, w.name) for w in work] == [(line.split(" at ")[0], employer)]


def test_earlier_jobs_listed_one_a_line_under_a_label():
    work = _work(
        "Plant Manager\n"
        "Orvex Foundries -  Pune, Maharashtra -\n"
        "May 2009 to Present\n"
        "• Runs the casting lines.\n"
        "Earlier Career:\n"
        "TALVIO CASTINGS, Shift Supervisor\n"
        "Quarrendon Metals Ltd., Trainee Engineer\n"
    )
    assert _summary(work) == [
        ("Plant Manager", "Orvex Foundries", "2009-05", None),
        ("Shift Supervisor", "TALVIO CASTINGS", None, None),
        ("Trainee Engineer", "Quarrendon Metals Ltd.", None, None),
    ]


def test_a_labelled_employer_written_in_lower_case_is_the_employer():
    """The label vouches for the name: "Company: tarn fold labs" is the employer, although a name
    in lower case is no employer on a line of its own."""
    text = (
        "Ines Quarrie\nines.quarrie@example.org\n\nEXPERIENCE\n"
        "Company: tarn fold labs\nDesignation: Data Analyst\nDuration: June - November 2024\n"
        "- Built 4 dashboards for the sales team\n\n"
        "Company: Orvex Ventures\nDesignation: Junior Analyst\nDuration: March 2022 - May 2024\n"
        "- Cleaned the monthly ledger exports\n"
    )
    work = parse_resume(text.encode(), filename="ines.txt").resume.work
    assert [(w.name, w.position, w.startDate) for w in work] == [
        ("tarn fold labs", "Data Analyst", "2024-06"),
        ("Orvex Ventures", "Junior Analyst", "2022-03"),
    ]
