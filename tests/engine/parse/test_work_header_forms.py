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


def test_a_bulleted_label_line_opens_the_entry():
    assert _work(
        "  • Company: Brisa, Olmo & Vidal\nDesignation: Process Engineer\nDuration: May 2024 - Apr 2025\n"
        "  • Built tolerance stack-ups\n  • Company: Quellant Dynamics Corp.\nDesignation: Test Engineer\n"
        "Duration: Jun 2022 - Mar 2023\n  • Ran the test rigs\n"
    ) == [("Process Engineer", "Brisa, Olmo & Vidal"), ("Test Engineer", "Quellant Dynamics Corp")]


def test_a_name_closed_by_its_legal_forms_point_is_no_sentence_and_no_place():
    assert _work("Jun 2022 - Apr 2024\nStaff Nurse\nAlvorada Lda.\nRole and Responsibilities\n- Ran the ward rounds\n") == [
        ("Staff Nurse", "Alvorada Lda")
    ]
    work = parse_resume(
        b"Mara Quist\nmara.quist@example.com\n\nEXPERIENCE\nLarchmont Software S.A.\nMobile Developer\t08.2019 - 05.2022\n- Shipped the app\n",
        filename="cv.txt",
    ).resume.work
    assert [(w.position, w.name, w.location) for w in work] == [("Mobile Developer", "Larchmont Software S.A.", None)]


def test_an_employer_opened_by_a_surname_particle():
    assert _work("Applied Scientist\tJan 2016 - Sep 2018\nda Ribeira Analytics, Noida, Uttar Pradesh\n- Priced the plans\n") == [
        ("Applied Scientist", "da Ribeira Analytics")
    ]


def test_roles_listed_under_one_employers_line_share_the_employer():
    assert _work(
        "Corvane Tech\nSenior Platform Engineer\t2018 - 2022\n- Ran the clusters\n- Cut the cloud bill\n"
        "Site Reliability Engineer\t2014 - 2018\n- Kept the pager quiet\n"
    ) == [("Senior Platform Engineer", "Corvane Tech"), ("Site Reliability Engineer", "Corvane Tech")]


def test_an_employers_line_above_the_next_title_opens_the_next_entry():
    assert _work(
        "Brisk & Hale — Tampere, Finland\nLayout Artist\nMAR 2024 — PRESENT\nNorvalic\tTurku, Finland\n"
        "Junior Designer\tNOV 2022 — JAN 2024\n- Drew the report\n"
    ) == [("Layout Artist", "Brisk & Hale"), ("Junior Designer", "Norvalic")]


def test_an_employers_line_behind_a_bullet_glyph_above_a_title():
    assert _work(
        "– Pellmore Steel\t2021 - 2025\nLead Planner\n– Cut the lead times\n– Ran the audits.\n"
        "– Quarrow Data\tStroud\nSenior Data Modeler\t2018 - 2021\n– Modelled the warehouse\n"
    ) == [("Lead Planner", "Pellmore Steel"), ("Senior Data Modeler", "Quarrow Data")]


def test_a_spanish_or_portuguese_at_joins_the_title_and_the_employer():
    assert _work(
        "Senior Product Lead en Solmarra\n06/2023 – Actualidad\n- Ran the roadmap\n\n"
        "Professora na van der Berg Academy\n02/2021 — 05/2023 | Recife\n- Taught the sciences\n"
        "Coordenadora na Escola Talvio\n06/2019 — 02/2021 | Olinda\n- Ran the department\n"
    ) == [("Senior Product Lead", "Solmarra"), ("Professora", "van der Berg Academy"), ("Coordenadora", "Escola Talvio")]


def test_a_title_and_its_subject_stay_whole_beside_an_employer():
    assert _work("Ingeniero en Sistemas | Orvalia SA | 2019 - 2021\n- Kept the servers\n") == [("Ingeniero en Sistemas", "Orvalia SA")]


def test_a_templates_employer_label_before_a_place_names_no_employer():
    work = parse_resume(
        b"Mara Quist\nmara.quist@example.com\n\nCAREER HISTORY\nAIRCRAFT TECHNICIAN\nJanuary 2010 - present\n"
        b"Employers name - Coventry\nInspected the airframes.\n",
        filename="cv.txt",
    ).resume.work
    assert [(w.position, w.name) for w in work] == [("AIRCRAFT TECHNICIAN", None)]


def test_a_projects_label_names_neither_title_nor_employer():
    assert _work("Designation: Data Analyst\nCompany: Quorvel Systems\nProject: Risk Ledger\nDuration: 2019 - 2021\n  Built the ledger\n") == [
        ("Data Analyst", "Quorvel Systems")
    ]


def test_a_projects_label_under_each_job_is_no_section():
    body = "".join(
        f"Designation: {t}\nCompany: {c}\nDuration: {d}\nKey Projects:\n  Built the {w} pipeline\n\n"
        for t, c, d, w in (
            ("Sales Manager", "Quorvel Partners", "Nov 2022 to Present", "outbound"),
            ("Sales Representative", "Brisa Packaging", "Dec 2020 to Oct 2022", "renewal"),
            ("Account Manager", "Talvane Bank", "Jan 2019 to Nov 2020", "partner"),
        )
    )
    assert _work(body) == [("Sales Manager", "Quorvel Partners"), ("Sales Representative", "Brisa Packaging"), ("Account Manager", "Talvane Bank")]


def test_a_title_ending_on_at_has_its_employer_on_the_next_line():
    assert _work(
        "Client Services Manager bei\nHeronwald Technik GmbH & Co. KG\n2023-06 – 2024-05 | Düren, Germany\n– Rebuilt the playbooks\n"
    ) == [("Client Services Manager", "Heronwald Technik GmbH & Co. KG")]


def test_a_place_behind_a_dash_under_the_header_stays_in_it():
    assert _work("Software Engineer, Marzec and Wolny\n— Walbrzych, Poland\nApr 2021 — Dec 2024\nShipped the billing service.\n") == [
        ("Software Engineer", "Marzec and Wolny")
    ]
