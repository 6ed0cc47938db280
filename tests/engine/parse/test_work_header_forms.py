"""Header forms of a job entry seen on layouts the rules were not built on: labelled fields
("Designation:", "Company:"), a team after the title, an employer written in lower case, a title
and employer joined by another language's "at". The people and employers are invented."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from resumeiq.engine import parse_resume

B, R = "Helvetica-Bold", "Helvetica"


def _pdf_work(items, heading: bool = True) -> list[tuple[str | None, str | None]]:
    """``items``: (x, y from the top, text, font, size) on one A4 page, under a name, an e-mail
    and (``heading``) an EXPERIENCE heading at y 100."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    head = [(60, 50, "Mara Quist", B, 18), (60, 70, "mara.quist@example.com", R, 9)] + ([(60, 100, "EXPERIENCE", B, 12)] if heading else [])
    for x, y, text, font, size in [*head, *items]:
        c.setFont(font, size)
        c.drawString(x, A4[1] - y, text)
    c.showPage()
    c.save()
    return [(w.position, w.name) for w in parse_resume(buf.getvalue(), filename="cv.pdf").resume.work]


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
        b"Mara Quist\nmara.quist@example.com\n\nEXPERIENCE\nWarehouse Supervisor\nMarch 2016 - June 2019\n"
        b"Employer name - Leeds\nRan the night shift.\n",
        filename="cv.txt",
    ).resume.work
    assert [(w.position, w.name) for w in work] == [("Warehouse Supervisor", None)]


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


def test_an_employer_written_in_lower_case_beside_the_title():
    assert _work(
        "hartwell & sons, Pharmacist — Brixton, United Kingdom\t09.2020 – 04.2022\n– Checked the scripts\n\n"
        "HR Specialist at corvane energy corp.\n2018 - 2020 | Girona\n- Ran the reviews\n"
    ) == [("Pharmacist", "hartwell & sons"), ("HR Specialist", "corvane energy corp")]


def test_two_titles_joined_by_a_slash_are_one_title_beside_the_employer():
    assert _work("Quellmoor Clinic, Registered Pharmacist / Community Pharmacist\t2016 - 2020\n- Ran the dispensary\n") == [
        ("Registered Pharmacist / Community Pharmacist", "Quellmoor Clinic")
    ]


def test_a_title_behind_a_bullet_above_the_employers_line():
    assert _work(
        "• Senior Reporting Analyst\tPune, Maharashtra\nQuorvel Group LLP\tNOV 2019 - MAY 2022\n• Rebuilt the weekly dashboards\n"
        "• Audited the survey data\n• Data Analyst\nBrisa & Talvane LLP\tJUN 2016 - OCT 2019\n• Cleaned the sales data\n"
    ) == [("Senior Reporting Analyst", "Quorvel Group LLP"), ("Data Analyst", "Brisa & Talvane LLP")]


def test_partners_names_in_capitals_are_no_name_and_a_state():
    assert _work("QUINN, WALD AND MA — Java Developer\tSep 2020 – Dec 2021\nSan Diego, CA\n- Built the API\n") == [
        ("Java Developer", "QUINN, WALD AND MA")
    ]


def test_a_header_line_the_column_cut_is_read_whole():
    # the employer's name carried over on "& …", a capitals' name under "at NAME", a title's last word before "at"
    assert _pdf_work(
        [
            (60, 130, "Community Pharmacist, Customer Insights | HALLORAN", B, 11),
            (60, 143, "& SONS | 07/2018 – 10/2022", R, 11),
            (72, 158, "Checked the prescriptions of the ward", R, 9),
            (60, 185, "ML ENGINEER I at CORVANTE", B, 10.5),
            (60, 198, "SOFTWARE", B, 10.5),
            (60, 211, "Sep 2016 to Jun 2018 | Bromma", R, 9),
            (72, 226, "Trained the ranking models", R, 9),
            (60, 253, "TRAINEE BUSINESS INTELLIGENCE", B, 10.5),
            (60, 266, "ANALYST at QUELL MINING", B, 10.5),
            (60, 279, "Dec 2013 to Jun 2016 | Lund", R, 9),
            (72, 294, "Built the weekly reports", R, 9),
        ]
    ) == [
        ("Community Pharmacist, Customer Insights", "HALLORAN & SONS"),
        ("ML ENGINEER I", "CORVANTE SOFTWARE"),
        ("TRAINEE BUSINESS INTELLIGENCE ANALYST", "QUELL MINING"),
    ]


def test_a_tech_stack_line_under_each_job_stays_in_the_entries_beside_a_label_repeated_per_job():
    # headings in a left rail; under each job a "Work Profile" label and a "Tech stack:" line in bold
    items = [
        (40, 100, "Education", B, 10),
        (150, 100, "BSc Computer Science — Northfield University (2011 to 2015)", B, 11),
        (40, 130, "Experience", B, 9.3),
    ]
    for y, header in (
        (130, "Quorvel Bank | Senior Software Engineer | Kahta | 2022 to Current"),
        (180, "Bristow Interactive | Software Engineer II | 2020 to 2022"),
        (230, "Harrowgate Networks | Software Developer I | 2015 to 2020"),
    ):
        items += [
            (150, y, header, B, 11),
            (150, y + 12, "Work Profile", B, 9),
            (170, y + 23, "Ran the notification service", R, 9),
            (150, y + 34, "Tech stack: Flask, Docker, Linux", B, 9),
        ]
    assert [w[1] for w in _pdf_work(items, heading=False)] == ["Quorvel Bank", "Bristow Interactive", "Harrowgate Networks"]


def test_a_label_on_a_line_of_its_own_names_the_value_below():
    assert _work("Technology Analyst\tJun 2006 - Jul 2011\nProject\n: Ledger Reporting\n  Built the reports\n") == [("Technology Analyst", None)]


def test_a_team_in_lower_case_after_a_sentence_case_title_is_the_titles():
    assert _work("Indigo Harrow Capital Corp. — HR coordinator, clinical operations\nJun 2022 - May 2025\n- Ran the hiring\n") == [
        ("HR coordinator, clinical operations", "Indigo Harrow Capital Corp")
    ]

