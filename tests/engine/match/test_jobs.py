"""``parse_job``: a posting's text → title, seniority, occupation, required and preferred skills
with their spans, minimum years, degree and location; and the occupation families behind it. Postings are written here by hand, in the
shapes job boards use: headed lists, "Label: value" headers, and prose."""

from __future__ import annotations

import pytest

from resumeiq.engine._data import load_json
from resumeiq.engine.match.jobs import job_relevant_text, parse_job
from resumeiq.engine.match.occupations import (
    FIT_ADJACENT,
    FIT_OTHER,
    FIT_SAME,
    families,
    family_fit,
    title_family,
)

HEADED = """Infrastructure Engineer
Marrow & Finch · Cardiff, UK · Hybrid

Who we are
Marrow & Finch is a small studio that hosts the booking systems of independent cinemas.

The work
- Look after the Kubernetes clusters our booking apps run on
- Write the runbooks the on-call rota follows

Requirements
- 4+ years of experience running production infrastructure
- Ansible, Bash and Terraform in daily use
- Comfortable on Linux

Nice to have
- Docker
- Python

Perks
- A conference ticket every year
- Cycle-to-work scheme
"""

LABELLED = """Job Title: Payroll Accountant
Company: Brackenridge Foods
Location: Fargo, ND
Employment Type: Full-time
Salary: $58,000 - $66,000

Must have:
• A bachelor's in accounting or finance
• At least three years of accounting experience
• Daily use of NetSuite
• A sound grasp of GAAP

Bonus:
• BlackLine
• IFRS
"""

PROSE = """Lead Data Analyst – Järvinen Oy (Tampere, Finland)

Järvinen Oy sells garden tools across the Nordics from a warehouse outside Tampere. We need someone to take charge of our reporting.

Day to day you would build dashboards and write queries for the buying and sales teams.

You bring ten (10) years of relevant experience and you are fluent in Power BI, pandas and SQL. A master's degree in Statistics or Economics is required.

Some experience of Google Analytics, Lever or dbt would be a plus.

We offer a learning and development budget and a pension scheme.
"""


def names(skills) -> list[str]:
    return [s.name for s in skills]


def test_headed_lists_split_required_from_preferred():
    job = parse_job(HEADED)
    assert names(job.required_skills) == ["Ansible", "Bash", "Terraform", "Linux"]
    assert names(job.preferred_skills) == ["Docker", "Python"]
    # duties are not requirements when the posting lists its requirements
    assert "Kubernetes" not in names(job.required_skills)


@pytest.mark.parametrize(
    "heading, kind",
    [
        ("Requirements", "required"),
        ("Must have", "required"),
        ("What you'll bring", "required"),
        ("Essential skills & experience", "required"),
        ("Nice to have", "preferred"),
        ("Preferred qualifications", "preferred"),
        ("Bonus points", "preferred"),
        ("Desirable", "preferred"),
    ],
)
def test_each_heading_sets_the_kind_of_its_list(heading, kind):
    job = parse_job(f"Data Engineer\n\n{heading}\n- Python\n- Apache Airflow\n")
    skills = job.required_skills if kind == "required" else job.preferred_skills
    assert names(skills) == ["Python", "Apache Airflow"]


def test_phrasing_overrides_the_heading():
    job = parse_job(
        "Software Engineer\n\nRequirements\n- Experience with Django\n- Kafka is a plus\n- Go would be an advantage\n"
        "- Java preferred\n"
    )
    assert names(job.required_skills) == ["Django"]
    assert names(job.preferred_skills) == ["Kafka", "Go", "Java"]


def test_prose_posting_reads_years_skills_degree_and_a_plus():
    job = parse_job(PROSE)
    assert job.title == "Lead Data Analyst"
    assert job.seniority == "lead"
    assert job.family == "data_analyst"
    assert names(job.required_skills) == ["Power BI", "pandas", "SQL"]
    assert names(job.preferred_skills) == ["Google Analytics", "Lever", "dbt"]
    assert job.min_years == 10
    assert (job.degree_level, job.degree_required) == ("master", True)
    assert job.degree_fields == ["Statistics", "Economics"]
    # the benefits sentence names no skill the candidate needs
    assert "Learning and Development" not in job.keywords


def test_label_header_gives_title_and_location_and_bonus_is_preferred():
    job = parse_job(LABELLED)
    assert job.title == "Payroll Accountant"
    assert job.family == "accountant"
    assert job.location is not None and job.location.city == "Fargo" and job.location.region == "ND"
    assert names(job.required_skills) == ["NetSuite", "GAAP"]
    assert names(job.preferred_skills) == ["BlackLine", "IFRS"]
    assert job.min_years == 3
    assert (job.degree_level, job.degree_required) == ("bachelor", True)


@pytest.mark.parametrize(
    "line, years",
    [
        ("- 5+ years of experience shipping web software", 5),
        ("- At least three years in a professional kitchen, with experience of stock control", 3),
        ("- A minimum of eleven (11) years of practice in tax law", 11),
        ("- 2-4 years of agency experience in brand design", 2),
        ("- 6+ yrs of hands-on HVAC commissioning experience", 6),
        ("- Set up over thirty years ago, we now serve customers in nine countries", None),
    ],
)
def test_minimum_years(line, years):
    job = parse_job(f"Engineer\n\nRequirements\n{line}\n")
    assert job.min_years == years
    if years is not None:
        a, b = job.min_years_span
        assert "year" in job_text(line)[a:b].lower() or "yrs" in job_text(line)[a:b].lower()


def job_text(line: str) -> str:
    return f"Engineer\n\nRequirements\n{line}\n"


@pytest.mark.parametrize(
    "line, level, required",
    [
        ("- Bachelor's degree in Geography", "bachelor", True),
        ("- A master's degree or a PhD in physics", "master", True),
        ("- Doctor of Pharmacy (PharmD) and a current licence to practise", "doctorate", True),
        ("- A master's degree would be preferred", "master", False),
        ("- No degree needed: show us your portfolio instead", None, False),
    ],
)
def test_degree_level(line, level, required):
    job = parse_job(f"Analyst\n\nRequirements\n{line}\n")
    assert job.degree_level == level
    assert job.degree_required is required


def test_a_degree_without_a_level_word_is_a_first_degree_and_its_field_no_skill():
    job = parse_job(
        "Controls Engineer\n\nEssential\n- SolidWorks\n\nQualifications\n"
        "- Degree in Mechatronics or Electrical Engineering or a related field\n"
    )
    assert (job.degree_level, job.degree_required) == ("bachelor", True)
    assert job.degree_fields == ["Mechatronics", "Electrical Engineering"]
    assert names(job.required_skills) == ["SolidWorks"]
    assert parse_job("Analyst\n\nRequirements\n- A high degree of autonomy\n").degree_level is None


def test_field_of_the_years_sentence_is_not_a_skill():
    job = parse_job("Service Designer\n\nRequirements\n- 3+ years of experience in service design\n- Figma\n")
    assert names(job.required_skills) == ["Figma"]
    assert "Service Design" in job.fields


def test_every_skill_points_at_its_words():
    text = HEADED
    job = parse_job(text)
    for skill in [*job.required_skills, *job.preferred_skills]:
        assert skill.spans
        for a, b in skill.spans:
            assert text[a:b].lower() == skill.name.lower()


def test_list_items_the_taxonomy_does_not_know_are_skills_too():
    text = "Mechanical Engineer\n\nRequirements\n- SolidWorks\n- ANSYS\n- Experience with Epic Willow\n\nNice to have\n- Meta Ads Manager\n"
    job = parse_job(text)
    by_name = {s.name: s for s in [*job.required_skills, *job.preferred_skills]}
    assert by_name["SolidWorks"].in_taxonomy
    for name in ("ANSYS", "Epic Willow", "Meta Ads Manager"):
        assert not by_name[name].in_taxonomy
        ((a, b),) = by_name[name].spans
        assert text[a:b] == name
    assert "Epic" not in by_name  # read as the longer name it is part of


def test_occupation_from_the_field_when_the_title_is_ambiguous():
    job = parse_job(
        "Senior Project Engineer – Harrow Brook Builders (Spokane, WA)\n\n"
        "We want someone with 6 years of site experience in civil engineering, who draws in AutoCAD "
        "and Civil 3D every day.\n"
    )
    assert job.family == "civil_engineer"
    assert job.seniority == "senior"
    assert names(job.required_skills) == ["AutoCAD", "Civil 3D"]


def test_account_executive_is_a_role_not_an_executive_level():
    assert parse_job("Enterprise Account Executive\n\nRequirements\n- Prospecting\n").seniority is None
    assert parse_job("Head of Sales\n\nRequirements\n- Prospecting\n").seniority == "executive"


def test_duties_count_when_the_posting_states_no_requirements():
    job = parse_job("Data Analyst\n\nYou will build dashboards in Tableau and write SQL.\n")
    assert names(job.required_skills) == ["Tableau", "SQL"]


def test_relevant_text_leaves_out_company_benefits_and_applying():
    text = job_relevant_text(HEADED)
    assert "Ansible" in text and "Kubernetes" in text
    assert "independent cinemas" not in text
    assert "Cycle-to-work" not in text


def test_same_text_same_requirements_and_hash():
    assert parse_job(HEADED).model_dump() == parse_job(HEADED).model_dump()
    a, b = parse_job(HEADED), parse_job(HEADED.replace("\n", "\r\n") + "\n\n")
    assert a.content_hash == b.content_hash
    assert names(a.required_skills) == names(b.required_skills)
    assert names(a.preferred_skills) == names(b.preferred_skills)


# --------------------------------------------------------------------------- occupations


@pytest.mark.parametrize(
    "title, family",
    [
        ("Senior Backend Engineer", "software_engineer"),
        ("Cloud & Platform Engineer", "devops_sre"),
        ("Senior Analyst, FP&A", "financial_analyst"),
        ("Lead Business Intelligence Analyst", "data_analyst"),
        ("Emergency Department RN", "registered_nurse"),
        ("Pharmacist in Charge", "pharmacist"),
        ("UX/UI Design Intern", "ux_designer"),
        ("Head of People", "hr_specialist"),
        ("Structural Engineer", "civil_engineer"),
        ("Enterprise Account Executive", "sales_representative"),
    ],
)
def test_title_family(title, family):
    assert title_family(title).family == family


def test_titles_that_name_no_occupation_have_no_family():
    for title in ("Senior Manager", "Associate Partner", "Technical Lead"):
        assert title_family(title).via != "title"


def test_family_fit_same_adjacent_other():
    fam = title_family
    assert family_fit(fam("Software Engineer"), fam("Backend Developer")) == FIT_SAME
    assert family_fit(fam("Software Engineer"), fam("Site Reliability Engineer")) == FIT_ADJACENT
    assert family_fit(fam("Data Scientist"), fam("Data Analyst")) == FIT_ADJACENT
    assert family_fit(fam("Mechanical Engineer"), fam("Civil Engineer")) == FIT_ADJACENT
    assert family_fit(fam("Accountant"), fam("Registered Nurse")) == FIT_OTHER


def test_occupation_data_is_well_formed():
    data = load_json("occupation_families.json")["families"]
    assert set(data) == set(families())
    for name, fam in data.items():
        assert fam["titles"] and fam["domains"], name
        assert all(t == t.lower() for t in fam["titles"]), name


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Role: Backend Engineer\nOrganisation: Quillon Labs\nLocation: Austin, TX\n", "Quillon Labs"),
        ("Job Title: Staff Nurse\nCompany: Brightwater Clinic\nLocation: Leeds, England\n", "Brightwater Clinic"),
        ("Data Engineer – Marlow-Vance (Denver, CO)\n\nMarlow-Vance builds logistics software.\n", "Marlow-Vance"),
        ("Platform Engineer\nTeslow Systems Inc. · Boston, MA · Remote\n\nAbout the role\n", "Teslow Systems Inc."),
        ("UX Researcher\nPinecrest Digital\nSeattle, WA\n\nWe are hiring.\n", "Pinecrest Digital"),
        ("Senior Engineer – Payments Platform\n\nRequirements\n- Go\n", None),
        ("Accountant\n\nWe need an accountant with 3 years of experience.\n", None),
    ],
)
def test_company_is_read_from_common_posting_shapes(text, company):
    assert parse_job(text).company == company
