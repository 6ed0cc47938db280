"""Work history: experience section → ``Work`` entries (employer, position, dates, highlights)."""

from __future__ import annotations

import pytest

from resumeiq.engine import parse_resume

HEAD = "Maria Gonzalez\nmaria@example.com\n\nEXPERIENCE\n"


def _work(body: str):
    parsed = parse_resume((HEAD + body).encode(), filename="resume.txt")
    return parsed.document.text, parsed.resume.work


def _summary(work) -> list[tuple]:
    return [(w.position, w.name, w.startDate, w.endDate) for w in work]


@pytest.mark.parametrize("fixture", ["resume_pdf_bytes", "resume_docx_bytes", "resume_txt"])
def test_jobs_of_built_files(request, fixture, person):
    data = request.getfixturevalue(fixture)
    parsed = parse_resume(data.encode() if isinstance(data, str) else data, filename="resume")
    work = parsed.resume.work
    assert _summary(work) == [(j.position, j.company, j.start, j.end) for j in person.jobs]
    assert [w.highlights for w in work] == [list(j.bullets) for j in person.jobs]
    text = parsed.document.text
    for w in work:
        for key, value in (("position", w.position), ("name", w.name)):
            a, b = w.evidence[key]
            assert text[a:b] == value


def test_two_column_pdf_jobs(two_column_pdf_bytes, person):
    work = parse_resume(two_column_pdf_bytes).resume.work
    assert _summary(work) == [(j.position, j.company, j.start, j.end) for j in person.jobs]
    assert len(work[0].highlights) == 2 and work[0].highlights[0].startswith("Built a churn model")


@pytest.mark.parametrize(
    "header",
    [
        "Data Engineer, Initech LLC\tMar 2018 – Aug 2021",
        "Data Engineer at Initech LLC | Mar 2018 – Aug 2021",
        "Data Engineer | Initech LLC | 03/2018 - 08/2021",
        "Initech LLC\nData Engineer\tMarch 2018 to August 2021",
        "Data Engineer\nInitech LLC\t2018-03 – 2021-08",
    ],
    ids=["comma-tab", "at-pipe", "pipes", "company-over-title", "title-over-company"],
)
def test_header_layouts(header):
    _, work = _work(header + "\n• Migrated 40 nightly batch jobs to Airflow.\n")
    assert _summary(work) == [("Data Engineer", "Initech LLC", "2018-03", "2021-08")]
    assert work[0].highlights == ["Migrated 40 nightly batch jobs to Airflow."]


def test_company_city_line_gives_the_location():
    _, work = _work("Acme Corp — Austin, TX\nSenior Data Analyst\tJan 2020 – Present\n• Coached 3 junior analysts.\n")
    assert (work[0].name, work[0].position, work[0].location) == ("Acme Corp", "Senior Data Analyst", "Austin, TX")


@pytest.mark.parametrize("ongoing", ["Present", "Current", "now", "Today"])
def test_ongoing_role_has_no_end_date(ongoing):
    _, work = _work(f"Senior Data Analyst, Acme Corp\tJan 2020 – {ongoing}\n• Led a team of 3 analysts.\n")
    assert work[0].startDate == "2020-01"
    assert work[0].endDate is None
    assert "endDate" not in work[0].evidence


def test_wrapped_bullet_lines_are_joined():
    text, work = _work(
        "Senior Data Analyst, Acme Corp\tJan 2020 – Present\n"
        "• Built a churn model in Python that cut customer attrition by 12% across\n"
        "  four regional markets in two quarters.\n"
        "• Led a team of 3 analysts.\n"
    )
    assert work[0].highlights == [
        "Built a churn model in Python that cut customer attrition by 12% across four regional markets in two quarters.",
        "Led a team of 3 analysts.",
    ]
    a, b = work[0].evidence["highlights.0"]
    assert text[a:b].startswith("Built") and text[a:b].endswith("two quarters.")


def test_prose_under_the_header_is_the_summary():
    _, work = _work(
        "Senior Data Analyst, Acme Corp\tJan 2020 – Present\n"
        "Analytics lead for the pricing team of a retail marketplace with 2 million customers.\n"
        "• Led a team of 3 analysts.\n"
    )
    assert work[0].summary == "Analytics lead for the pricing team of a retail marketplace with 2 million customers."
    assert work[0].highlights == ["Led a team of 3 analysts."]


def test_prose_years_are_not_job_dates():
    _, work = _work(
        "Senior Data Analyst, Acme Corp\tJan 2020 – Present\n"
        "• Replaced the reporting stack that had been in use since 2009 with dbt and Snowflake models.\n"
        "Data Analyst, Globex Corporation\tJun 2016 – Dec 2019\n• Designed 25 dashboards.\n"
    )
    assert _summary(work) == [
        ("Senior Data Analyst", "Acme Corp", "2020-01", None),
        ("Data Analyst", "Globex Corporation", "2016-06", "2019-12"),
    ]


def test_jobs_without_dates_are_anchored_on_titles():
    _, work = _work(
        "Software Engineer\n• Built a billing service in Go.\n• Cut p99 latency by 40%.\n\n"
        "Junior Developer\n• Maintained the internal wiki.\n"
    )
    assert [(w.position, w.startDate, len(w.highlights)) for w in work] == [
        ("Software Engineer", None, 2),
        ("Junior Developer", None, 1),
    ]


def test_undated_jobs_with_title_and_company_are_kept():
    _, work = _work(
        "Software Engineer, Initech LLC\n• Built a billing service in Go.\n• Cut p99 latency by 40%.\n\n"
        "Junior Developer, Hooli Inc\n• Maintained the internal wiki.\n"
    )
    assert [(w.position, w.name, w.startDate) for w in work] == [
        ("Software Engineer", "Initech LLC", None),
        ("Junior Developer", "Hooli Inc", None),
    ]


def test_section_without_jobs_gives_no_work():
    _, work = _work("Open to relocation and to remote roles in data teams.\n")
    assert work == []


def test_range_split_over_two_lines_is_one_range():
    # A converter that drops the dash leaves "Mar 2014" and "current" on lines of their own.
    _, work = _work(
        "Apr 2015\ncurrent\nEvents Coordinator, Brightwell Promotions, Bendigo\n• Booked venues for product launches.\n"
        "Nov 2014\nMar 2015\nFundraising Assistant, Harbour Lights Trust, Geelong\n• Wrote donor newsletters.\n"
    )
    assert _summary(work) == [
        ("Events Coordinator", "Brightwell Promotions", "2015-04", None),
        ("Fundraising Assistant", "Harbour Lights Trust", "2014-11", "2015-03"),
    ]
    assert [w.location for w in work] == ["Bendigo", "Geelong"]


def test_present_word_opening_the_next_line_ends_the_range():
    _, work = _work("2009\nPresent: Forklift Operator, Riverside Freight Depot\n• Loaded trailers for the night run.\n")
    assert _summary(work) == [("Forklift Operator", "Riverside Freight Depot", "2009", None)]


def test_dates_first_layout_takes_the_header_below_the_dates():
    # The section opens with a date line: each entry's header follows its dates, and the last
    # bullet of the previous entry is not claimed as the next employer.
    _, work = _work(
        "2016 - 2019\nStore Manager, Corner Books\nSupervised weekend staff\n"
        "2012 - 2016\nSales Assistant, City Shoes\nHandled returns\n"
    )
    assert _summary(work) == [
        ("Store Manager", "Corner Books", "2016", "2019"),
        ("Sales Assistant", "City Shoes", "2012", "2016"),
    ]


def test_employer_dash_place_line_names_the_employer():
    # "Title / Employer - City, ST / dates": the dashed line is the employer's even when the
    # title is not a known one.
    _, work = _work("App Builder\nGlobex -  Pune, Maharashtra -\nAugust 2016 to Present\n• Shipped two apps.\n")
    assert _summary(work) == [("App Builder", "Globex", "2016-08", None)]
    assert work[0].location == "Pune, Maharashtra"


def test_undated_title_over_employer_line_is_a_job():
    _, work = _work("Data Entry Operator\nGlobex -  Patna, Bihar\nEntered invoices into the ledger daily\n")
    assert [(w.position, w.name) for w in work] == [("Data Entry Operator", "Globex")]


def test_web_address_between_header_lines_is_skipped():
    _, work = _work(
        "Payroll Consultant\nhttps://www.example.com/r/maria-gonzalez\nGlobex -\nMarch 2012 to June 2013\n"
        "• Configured the CRM.\n"
    )
    assert _summary(work) == [("Payroll Consultant", "Globex", "2012-03", "2013-06")]


@pytest.mark.parametrize(
    "line, name, location",
    [
        ("QA Engineer, Quarrybank Payments, Austin, Texas", "Quarrybank Payments", "Austin, Texas"),
        ("Software Engineer, Nadeem Code Works , Lahore, Pakistan", "Nadeem Code Works", "Lahore, Pakistan"),
        ("Junior Art Editor, Pixel Harbor Americas, Detroit", "Pixel Harbor Americas", "Detroit"),
        ("Copywriter, Marlow & Marlow, New York City", "Marlow & Marlow", "New York City"),
    ],
)
def test_employer_before_a_place_is_not_part_of_it(line, name, location):
    _, work = _work(f"{line}\tJan 2014 – Present\n• Wrote test suites.\n")
    assert (work[0].name, work[0].location) == (name, location)


@pytest.mark.parametrize(
    "header",
    [
        "Responsibilities & Achievements",
        "Key Result Areas",
        "Team Size: 8 Members",
        "Sorted donated books and catalogued them for the reading room",
    ],
)
def test_labels_and_sentences_are_not_employers(header):
    _, work = _work(f"Jan 2014 – Present\nLibrary Assistant\n{header}\n• Shelved returns.\n")
    assert work[0].position == "Library Assistant"
    assert work[0].name is None


def test_state_code_beside_a_firm_is_not_the_position():
    _, work = _work("Paralegal\tThe Okafor Law Group, PA\tOrlando, Florida\t2016 – 2019\n• Filed motions.\n")
    assert (work[0].position, work[0].name, work[0].location) == ("Paralegal", "The Okafor Law Group", "Orlando, Florida")


@pytest.mark.parametrize("title", ["Systems Engineer", "Assistant Bank Manager", "School Teacher", "Health Services Manager"])
def test_roles_holding_an_organisation_word_are_positions(title):
    _, work = _work(f"{title}\nFirst National Trust -\nJan 2014 to Present\n• Kept the ledgers.\n")
    assert (work[0].position, work[0].name) == (title, "First National Trust")


def test_role_noun_beside_a_named_employer_is_the_position():
    _, work = _work("2009 - 2012\nBluefin Print Ltd.\nTypesetter\nSet catalogues and menus for local shops.\n")
    assert (work[0].position, work[0].name) == ("Typesetter", "Bluefin Print Ltd")


def test_title_under_an_employer_description_is_the_position():
    _, work = _work(
        "HALVERSON INSTRUMENTS CORPORATION, Hartford, CT\n2003 to Present\n"
        "Maker of precision flow meters for water utilities and breweries in nine countries.\n"
        "Director of Channel Sales\n• Signed 30 resellers.\n"
    )
    assert (work[0].name, work[0].position, work[0].location) == (
        "HALVERSON INSTRUMENTS CORPORATION", "Director of Channel Sales", "Hartford, CT"
    )
    assert work[0].summary.startswith("Maker of precision") and work[0].highlights == ["Signed 30 resellers."]


def test_roles_within_an_employment_inherit_the_employer():
    _, work = _work(
        "NORTHGATE ANALYTICS, INC.\n2005 to 2016\n"
        "Principal Consultant, 2011 to 2016\nLed the pricing practice for 25 clients.\n"
        "Project Manager (Tulsa, OK), 2007 to 2011\nRan the data warehouse rollout.\n"
    )
    assert [(w.position, w.name) for w in work] == [
        (None, "NORTHGATE ANALYTICS, INC"),
        ("Principal Consultant", "NORTHGATE ANALYTICS, INC"),
        ("Project Manager", "NORTHGATE ANALYTICS, INC"),
    ]


def test_masked_template_years_anchor_entries():
    _, work = _work(
        "Science Teacher, Maplewood High School, Maplewood, Kansas, 19xx-20xx\nRan Biology I, Grade 10\n"
        "Oak Lane Elementary School, Dayton, OH\nSept 20XX\nDec 20XX\nStudent Teacher\n"
        "Planned reading lessons for a mixed-age class\n"
    )
    assert [(w.position, w.name, w.location, w.startDate) for w in work] == [
        ("Science Teacher", "Maplewood High School", "Maplewood, Kansas", None),
        ("Student Teacher", "Oak Lane Elementary School", "Dayton, OH", None),
    ]


@pytest.mark.parametrize("firm", ["Ng, Whitford and Bose", "Carver, Lindqvist and Oduya", "Pratt, Moreno & Associates"])
def test_partners_names_are_one_employer(firm):
    _, work = _work(f"Paralegal\n{firm} -\n2010 - 2014\n• Filed motions.\n")
    assert (work[0].position, work[0].name) == ("Paralegal", firm)


def test_month_range_without_year_is_not_a_place():
    _, work = _work("Student Teaching, Pinecrest High School, Ord, Nebraska, September-December, 19xx\nGave Earth Science labs\n")
    assert (work[0].name, work[0].location) == ("Pinecrest High School", "Ord, Nebraska")


@pytest.mark.parametrize("line", ["XXXXXXXXXXX", "MySQL, RealBasic, Flash", "Curriculum Vitae", "Summer 2002", "Fall [year]"])
def test_masks_skill_lists_and_dates_are_not_employers(line):
    _, work = _work(f"2005 - 2009\nPHP Developer\n{line}\nBuilt e-learning applications in PHP\n")
    assert (work[0].position, work[0].name) == ("PHP Developer", None)


def test_place_run_into_the_title():
    _, work = _work("Brindle Hosting\tMay 2006 - June 2010\nOwner/Web Designer Sherman Oaks, California\nRan a design studio.\n")
    assert (work[0].position, work[0].name, work[0].location) == (
        "Owner/Web Designer", "Brindle Hosting", "Sherman Oaks, California"
    )


def test_three_header_lines_above_the_dates():
    _, work = _work(
        "Corvid Systems Corporation\nFirmware Engineer Intern\nBellevue, WA\nSummer 2006\n"
        "Wrote a bootloader test harness for the sensor board.\n"
    )
    assert [(w.position, w.name, w.location, w.startDate) for w in work] == [
        ("Firmware Engineer Intern", "Corvid Systems Corporation", "Bellevue, WA", "2006-06")
    ]


def test_dated_jobs_under_a_summary_heading_are_read_without_a_work_heading():
    parsed = parse_resume(
        (
            b"Odile Farrant\nodile@example.com\nSUMMARY OF QUALIFICATIONS\nSkilled in SolidWorks and Mastercam.\n"
            b"2012 to Present\nKestrel Machining, Petaluma, California\nLead Machinist/CNC Setter\nSet up a five-axis cell\n"
            b"Education\nBS Manufacturing Engineering, Chico State University, 2001\n"
        ),
        filename="resume.txt",
    )
    assert [(w.position, w.name, w.location, w.startDate) for w in parsed.resume.work] == [
        ("Lead Machinist/CNC Setter", "Kestrel Machining", "Petaluma, California", "2012")
    ]


def test_summary_dates_without_a_full_job_are_not_work():
    parsed = parse_resume(
        b"Odile Farrant\nodile@example.com\nSUMMARY\nMastercam used since 2003\nCertified in 2014 and 2019\n",
        filename="resume.txt",
    )
    assert parsed.resume.work == []


def test_title_colon_employer():
    _, work = _work("Adjunct Instructor: Lakeshore Community College\nSandusky OH\n2002 - 2007\nTaught bookkeeping.\n")
    assert (work[0].position, work[0].name) == ("Adjunct Instructor", "Lakeshore Community College")


@pytest.mark.parametrize("title", ["Data Engineering Internship", "Electrical Technician Apprenticeship", "Summer Internship"])
def test_placements_are_positions(title):
    _, work = _work(f"{title}, June 2009 to August 2009\nLarkspur-Dell Corporation, San Jose, California\n• Tested drivers.\n")
    assert (work[0].position, work[0].name, work[0].location) == (title, "Larkspur-Dell Corporation", "San Jose, California")
