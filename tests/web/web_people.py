"""Invented people and their resumes, made up here for the web tests (no eval text)."""

from __future__ import annotations

from documents import text_docx, text_pdf

FIRST = ["Orla", "Tadeo", "Ilse", "Kwame", "Sunniva", "Ravi", "Mireille", "Bastian", "Yuki", "Femi",
         "Leocadia", "Oskar", "Thandiwe", "Emeric", "Paloma", "Ansel", "Noor", "Caspian", "Liesel", "Dario"]  # fmt: skip
LAST = ["Quennell", "Varga-Ruiz", "Marchetti", "Osei-Bonsu", "Hallgrimsdottir", "Pellegrino", "Dufresne",
        "Kowalczyk", "Tanabe", "Adeyemi", "Brannigan", "Lindqvist", "Mokoena", "Garnier", "Etxeberria",
        "Whitcombe", "Haddad", "Trevelyan", "Baumgartner", "Castellano"]  # fmt: skip

STRONG = ["Python", "PostgreSQL", "Docker", "Kubernetes", "SQL", "Git"]
MIXED = ["Python", "SQL", "Git", "Linux"]
WEAK = ["Adobe Photoshop", "Illustrator", "Figma", "Typography"]


def resume(
    name: str, email: str, *, title: str, skills: list[str], years: int, start_year: int = 2025
) -> str:
    first_year = start_year - years
    return f"""{name}
{email} | +44 20 7946 0{sum(map(ord, name)) % 900 + 100} | Leeds, UK

SUMMARY
{title} with {years} years of experience.

EXPERIENCE
{title}, Fernhollow Systems Ltd, Leeds
{first_year + years // 2}-04 - Present
- Built services in {skills[0]} used by 40,000 customers a day
- Cut the monthly infrastructure bill by 18% by consolidating {skills[-1]} workloads

Junior {title}, Brackwater Labs, York
{first_year}-09 - {first_year + years // 2}-03
- Maintained internal tools written in {skills[1 % len(skills)]}

EDUCATION
BSc Computer Science, University of Leeds, {first_year - 4} - {first_year}

SKILLS
{", ".join(skills)}
"""


def applicants(n: int = 20) -> list[tuple[str, bytes]]:
    """``n`` files (PDF, DOCX and TXT in turn) for invented applicants of three strengths."""
    files = []
    for i in range(n):
        name = f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}"
        email = f"{name.split()[0].lower()}.{i}@example.org"
        if i % 3 == 0:
            text = resume(name, email, title="Senior Software Engineer", skills=STRONG, years=8 + i % 4)
        elif i % 3 == 1:
            text = resume(name, email, title="Software Developer", skills=MIXED, years=3)
        else:
            text = resume(name, email, title="Graphic Designer", skills=WEAK, years=2 + i % 5)
        stem = f"applicant-{i + 1:02d}"
        if i % 3 == 0:
            files.append((f"{stem}.pdf", text_pdf(text)))
        elif i % 3 == 1:
            files.append((f"{stem}.docx", text_docx(text)))
        else:
            files.append((f"{stem}.txt", text.encode()))
    return files


JOB = """Senior Python Engineer
Fernhollow Systems Ltd · Leeds, UK

About the role
You will build the services behind our logistics platform.

Requirements
- 5+ years of professional software engineering experience
- Strong experience with Python and PostgreSQL
- Hands-on experience with Docker
- Holds a bachelor's degree (Computer Science, Physics or Mathematics)

Preferred
- Kubernetes
- Terraform
"""

SEEKER = resume(
    "Marisol Quennell-Adebayo",
    "marisol.qa@example.net",
    title="Software Engineer",
    skills=["Python", "PostgreSQL", "Docker", "Git"],
    years=7,
)


# For tailoring: "JS" is the posting's "JavaScript" (a rename), the bullets and skills are in an
# order the job does not ask for (moves), and Terraform, which the job requires, is not shown.
TAILOR_SEEKER = """Anselm Oyelaran-Brisk
anselm.ob@example.net | +44 161 496 0377 | Manchester, UK

SUMMARY
Web developer who ships small products end to end.

EXPERIENCE
Web Developer, Quillmoor Studio, Manchester
2019-02 - Present
- Ran the weekly design review with two product owners
- Rebuilt the booking pages in JS and React for 12,000 monthly visitors
- Moved the team's reports to PostgreSQL

Support Engineer, Tallowby Games, Salford
2016-08 - 2019-01
- Answered player tickets by e-mail and chat
- Wrote Python scripts that sorted 300 tickets a day

EDUCATION
BSc Software Engineering, University of Salford, 2012 - 2016

SKILLS
Git, Figma, JS, React, Python, PostgreSQL
"""

TAILOR_JOB = """Front-end Engineer
Brightwater Ledger · Manchester

Requirements
- 3+ years building web applications
- Strong JavaScript and React
- Python for internal tooling
- Terraform for our infrastructure

Nice to have
- PostgreSQL
"""
