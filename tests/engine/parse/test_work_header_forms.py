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
