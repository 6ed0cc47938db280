"""Invented people and their resumes, for the candidate tests and the recruiter benchmark."""

from __future__ import annotations


def resume(
    name: str,
    *,
    email: str | None = None,
    phone: str | None = None,
    city: str = "Porto, Portugal",
    title: str = "Data Engineer",
    employer: str = "Quayside Analytics",
    skills: str = "Python, SQL, Airflow",
    extra: str = "",
) -> bytes:
    contact = " | ".join(p for p in (email, phone, city) if p)
    return f"""{name}
{contact}

SUMMARY
{title} with six years of experience. {extra}

EXPERIENCE
{title}, {employer}, {city.split(",")[0]}
2019-04 - Present
- Built batch pipelines that load 3 million rows per night
- Cut report latency by 30% with incremental models

EDUCATION
BSc Computer Science, University of Coimbra, 2012 - 2016

SKILLS
{skills}
""".encode()
