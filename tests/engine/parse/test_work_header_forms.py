"""Header forms of a job entry seen on layouts the rules were not built on: labelled fields
("Designation:", "Company:"), a team after the title, an employer written in lower case, a title
and employer joined by another language's "at". The people and employers are invented."""

from __future__ import annotations

from resumeiq.engine import parse_resume


def _work(body: str):
    text = "Mara Quist\nmara.quist@example.com\n\nEXPERIENCE\n" + body
    return [(w.position, w.name) for w in parse_resume(text.encode(), filename="cv.txt").resume.work]


def test_labelled_fields_name_the_title_and_the_employer():
    assert _work(
        "Designation: Financial Analyst, Payments\nCompany: Orvel & Brandt\nDuration: Jan 2019 - Mar 2021\n"
        "  Built the cash model\n\n"
        "Designation: Credit Analyst\nCompany: Tallowmere Holdings Ltd. Sti.\nDuration: Jan 2017 - Dec 2018\n"
        "  Reviewed the loan book\n"
    ) == [("Financial Analyst, Payments", "Orvel & Brandt"), ("Credit Analyst", "Tallowmere Holdings Ltd. Sti")]


def test_a_team_between_the_title_and_the_employer_is_the_titles():
    assert _work(
        "Statistician, Growth, Pellwick Media\tOct 2019 - Jan 2020\n- Built the uplift model\n\n"
        "Recruiter, Retail Banking, Tamsworth Ventures\tJan 2017 - Sep 2019\n- Hired the branch teams\n"
    ) == [("Statistician, Growth", "Pellwick Media"), ("Recruiter, Retail Banking", "Tamsworth Ventures")]


def test_a_group_between_the_title_and_another_name_stays_a_name():
    work = _work("Consultant, Quellant Group, Northbay University\tJan 2017 - Sep 2019\n- Ran the audit\n")
    assert work[0][0] == "Consultant"


def test_a_team_after_the_title_on_a_line_of_pieces_is_the_titles():
    assert _work("Clinical Pharmacist, Growth | Ashby Pharmacy | Nuneaton | Feb 2023 - May 2025\n- Checked prescriptions\n") == [
        ("Clinical Pharmacist, Growth", "Ashby Pharmacy")
    ]


def test_a_team_after_the_title_before_at_is_the_titles():
    assert _work("HR Specialist, Mobile at Corvane Energy Corp.\n2022 - 2024\n- Ran the reviews\n") == [
        ("HR Specialist, Mobile", "Corvane Energy Corp")
    ]


def test_a_labelled_title_keeps_its_team_beside_the_employers_own_line():
    assert _work("Financial Analyst, Infrastructure\nCelwyn & Marr\nDec 2016 - Aug 2021\n- Reviewed capital plans\n") == [
        ("Financial Analyst, Infrastructure", "Celwyn & Marr")
    ]
