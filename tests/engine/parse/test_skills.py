"""Skill matcher: aliases, word boundaries, exact-case rules, spans and categories."""

from __future__ import annotations

import pytest

from resumeiq.engine.parse.skills import SkillHit, canonical_skill, find_skills, skill_category, skill_names


def names(text: str) -> list[str]:
    return [h.name for h in find_skills(text)]


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("k8s", "Kubernetes"),
        ("python", "Python"),
        ("JS", "JavaScript"),
        ("TS", "TypeScript"),
        ("MS Excel", "Microsoft Excel"),
        ("sklearn", "scikit-learn"),
        ("scikit learn", "scikit-learn"),
        ("Postgres", "PostgreSQL"),
        ("GCP", "Google Cloud Platform"),
        ("AWS", "Amazon Web Services"),
        ("NodeJS", "Node.js"),
        ("ReactJS", "React"),
        ("ML", "Machine Learning"),
        ("NLP", "Natural Language Processing"),
        ("EMR", "Electronic Health Records"),
        ("SFDC", "Salesforce"),
        ("Atlassian JIRA", "Jira"),
        ("The MathWorks MATLAB", "MATLAB"),
        ("golang", "Go"),
    ],
)
def test_aliases_resolve(surface: str, canonical: str) -> None:
    assert canonical_skill(surface) == canonical
    assert canonical in skill_names()


def test_unknown_skill_is_none() -> None:
    assert canonical_skill("flibbertigibbet wrangling") is None
    assert skill_category("flibbertigibbet wrangling") is None


def test_alias_hits_report_canonical_name_and_span() -> None:
    text = "Deployed on k8s with Terraform; dashboards in MS Excel."
    hits = find_skills(text)
    assert [h.name for h in hits] == ["Kubernetes", "Terraform", "Microsoft Excel"]
    assert [text[h.start : h.end] for h in hits] == ["k8s", "Terraform", "MS Excel"]
    assert all(isinstance(h, SkillHit) for h in hits)


def test_java_is_not_found_inside_javascript() -> None:
    assert names("Built UIs in JavaScript") == ["JavaScript"]
    assert names("Java and JavaScript") == ["Java", "JavaScript"]


def test_r_and_d_is_not_r() -> None:
    assert "R" not in names("Led R&D for new products")
    assert names("Statistics in R and Python") == ["Statistics", "R", "Python"]


def test_go_needs_its_exact_case_and_context() -> None:
    assert "Go" not in names("we go to market quarterly")
    assert "Go" not in names("Go to the office")
    assert "Go" not in names("ready to go")
    assert names("Services written in Go, Rust and Python") == ["Go", "Rust", "Python"]
    assert names("Golang microservices") == ["Go", "Microservices"]


def test_punctuated_names_match_exactly() -> None:
    text = "C++, C#, .NET, Node.js and CI/CD"
    hits = find_skills(text)
    assert [h.name for h in hits] == ["C++", "C#", ".NET", "Node.js", "CI/CD"]
    assert [text[h.start : h.end] for h in hits] == ["C++", "C#", ".NET", "Node.js", "CI/CD"]


def test_single_letter_c_only_standalone_uppercase() -> None:
    assert names("Firmware in C and C++") == ["Firmware", "C", "C++"]
    assert "C" not in names("Presented to C-level executives")
    assert "C" not in names("Grade: C")
    assert "C" not in names("wrote code in c")


def test_ordinary_words_need_exact_case() -> None:
    assert "Microsoft Excel" in names("Advanced Excel modelling")
    assert names("students excel at maths") == []
    assert "Chef" not in names("worked as a chef")
    assert "Apache Spark" in names("ETL jobs on Spark")
    assert "Apache Spark" not in names("a spark of curiosity")


def test_leftmost_longest_wins() -> None:
    text = "Experience with machine learning and Microsoft SQL Server"
    hits = find_skills(text)
    assert [h.name for h in hits] == ["Machine Learning", "Microsoft SQL Server"]
    assert text[hits[1].start : hits[1].end] == "Microsoft SQL Server"


def test_matching_is_case_insensitive_for_distinctive_names() -> None:
    assert names("KUBERNETES, postgresql, TensorFlow, pytorch") == [
        "Kubernetes",
        "PostgreSQL",
        "TensorFlow",
        "PyTorch",
    ]


def test_range_offsets_are_relative_to_full_text() -> None:
    text = "Python here. Then Docker and Kubernetes."
    start = text.index("Then")
    hits = find_skills(text, start, len(text))
    assert [h.name for h in hits] == ["Docker", "Kubernetes"]
    assert text[hits[0].start : hits[0].end] == "Docker"
    assert find_skills(text, 0, 6)[0].name == "Python"
    assert find_skills(text, 5, 5) == []


def test_professional_skills_across_fields() -> None:
    text = (
        "GAAP reporting, month-end close and the general ledger; variance analysis and financial modeling; "
        "user research and A/B testing; patient care, medication administration, IV therapy, BLS; "
        "lesson planning and classroom management; GD&T, FEA and stormwater management; SEO and lead generation."
    )
    found = set(names(text))
    for expected in [
        "GAAP",
        "Patient Care",
        "Month-End Close",
        "Lesson Planning",
        "General Ledger",
        "User Research",
        "Financial Modeling",
        "IV Therapy",
        "Variance Analysis",
        "Medication Administration",
        "A/B Testing",
        "BLS",
        "Classroom Management",
        "GD&T",
        "Finite Element Analysis",
        "Stormwater Management",
        "Search Engine Optimization",
        "Lead Generation",
    ]:
        assert expected in found, expected


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("Python", "programming_language"),
        ("PostgreSQL", "database"),
        ("Kubernetes", "cloud_devops"),
        ("Microsoft Excel", "office_productivity"),
        ("Machine Learning", "data_ml"),
        ("Figma", "design"),
        ("Salesforce", "business_software"),
        ("General Ledger", "domain"),
        ("Teamwork", "soft_skill"),
        ("k8s", "cloud_devops"),
    ],
)
def test_categories(name: str, category: str) -> None:
    assert skill_category(name) == category


def test_generic_words_are_soft_skills_or_absent() -> None:
    hits = find_skills("Strong communication, leadership and teamwork; management of writing and reading.")
    assert {h.name: h.category for h in hits} == {
        "Communication": "soft_skill",
        "Leadership": "soft_skill",
        "Teamwork": "soft_skill",
    }


def test_taxonomy_is_broad() -> None:
    assert 4000 <= len(skill_names()) <= 12000


# --------------------------------------------------------------------------- noisy O*NET aliases


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Windows 2000 server and EZ", {"EZ 2000", "Lathem Time PayClock"}),
        ("Working in payroll since 2000; payroll 2000 migration", {"EZ 2000"}),
        ("Quartus II and Altera FPGA", {"Altera Quartus", "Magma Design Automation Blast"}),
        ("used Kingdom software for seismic interpretation", {"Seismic Micro-Technology", "IHS Kingdom"}),
        ("I act as lead for the team. Act as a mentor.", {"Act!"}),
        (
            "TOTAL HOA fees and the user interface",
            {"a la mode Pocket", "a la mode Pocket TOTAL", "XML User Interface"},
        ),
        (
            "production planning, media player, media services",
            {"ABB Production Planning", "Windows Media Player"},
        ),
        ("XPath path language and research derivatives", {"Wolfram Research Derivatives"}),
        (
            "Data Solutions team; Engineering ClaimScrub review; Health Organization data",
            {"Abacus Data Solutions HearWare"},
        ),
        ("Vector Shoreline maps", {"World Vector Shoreline"}),
    ],
)
def test_vendor_and_version_fragments_are_not_skills(text: str, absent: set[str]) -> None:
    assert not absent & set(names(text))


def test_numbers_roman_numerals_and_short_fragments_are_never_hits() -> None:
    for text in ["since 2000", "Phase II and III", "version IV", "EZ and HR and PC"]:
        assert [
            h for h in find_skills(text) if text[h.start : h.end] in {"2000", "II", "III", "IV", "EZ", "PC"}
        ] == []


@pytest.mark.parametrize(
    "text",
    [
        "Operating systems: Linux. Languages: English, Hindi. Tools: none.",
        "Project: inventory portal. Responsibilities: coding. Role: developer. Year: 2015 - Present.",
        "Databases: see below. Scripting languages: see below. Operating system: see below.",
    ],
)
def test_section_labels_are_not_skills(text: str) -> None:
    found = set(names(text))
    assert not found & {
        "operating systems",
        "Operating Systems",
        "Languages",
        "Tools",
        "Project",
        "Microsoft Project",
        "Responsibilities",
        "Role",
        "Year",
        "Present",
        "Databases",
        "Scripting Languages",
    }
    for label in [
        "Operating systems",
        "Languages",
        "Tools",
        "Project",
        "Role",
        "Year",
        "Present",
        "Databases",
    ]:
        assert canonical_skill(label) is None, label


def test_no_shorter_skill_inside_a_section_label() -> None:
    assert "Programming" not in names("Programming Languages: C#, Java")
    assert names("Programming Languages: C#, Java") == ["C#", "Java"]


def test_generic_domain_words_in_prose_are_not_skills() -> None:
    text = (
        "I moved from journalism into real estate, drafting contracts and tutoring children with special "
        "needs in special education; the social sciences taught me compliance, and I was reporting to the "
        "director while recruiting volunteers."
    )
    found = set(names(text))
    for name in [
        "Journalism",
        "Real Estate",
        "Drafting",
        "Tutoring",
        "Special Needs",
        "Special Education",
        "Social Sciences",
        "Compliance",
        "Reporting",
        "Recruiting",
    ]:
        assert name not in found, name


def test_capitalised_ordinary_word_opening_a_sentence_is_prose() -> None:
    assert names("Reporting to the CFO. Closing the books monthly.") == []
    assert "Reporting" in names("Skills: Reporting, Budgeting, Forecasting")
    assert names("Statistics in R and Python") == ["Statistics", "R", "Python"]


def test_soft_skills_are_found_with_their_category() -> None:
    text = (
        "Communication, verbal communication, problem solving, time management, leadership, "
        "negotiation, mentoring and customer service."
    )
    hits = {h.name: h.category for h in find_skills(text)}
    assert hits == {
        "Communication": "soft_skill",
        "Verbal Communication": "soft_skill",
        "Problem Solving": "soft_skill",
        "Time Management": "soft_skill",
        "Leadership": "soft_skill",
        "Negotiation": "soft_skill",
        "Mentoring": "soft_skill",
        "Customer Service": "soft_skill",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Advanced Excel, MS Excel and Microsoft Excel reporting", ["Microsoft Excel"] * 3),
        ("Documents in Word and MS Word", ["Microsoft Word", "Microsoft Word"]),
        ("Decks in PowerPoint and Power Point", ["Microsoft PowerPoint", "Microsoft PowerPoint"]),
        ("Email and calendars in Outlook", ["Microsoft Outlook"]),
        ("Operating Systems: Windows, Linux, Unix, Mac OS", ["Microsoft Windows", "Linux", "Unix", "macOS"]),
        ("Worked on a Mac and Windows", ["macOS", "Microsoft Windows"]),
        (
            "Languages: C, C++, C#, Java, J2EE, JavaScript, Python",
            ["C", "C++", "C#", "Java", "Java", "JavaScript", "Python"],
        ),
        (
            "Web: HTML, CSS, PHP, ASP, ASP.NET and .NET",
            ["HTML", "CSS", "PHP", "Microsoft Active Server Pages", "ASP.NET", ".NET"],
        ),
        ("Databases: SQL, MySQL, Oracle", ["SQL", "MySQL", "Oracle"]),
        (
            "Modelled in UML; built Android apps in Eclipse; tracked in JIRA",
            ["UML", "Android", "Eclipse", "Jira"],
        ),
        (
            "Ran campaigns on Facebook, LinkedIn, Twitter and Instagram",
            ["Facebook", "LinkedIn", "Twitter", "Instagram"],
        ),
        ("Animations in Flash, flyers in Publisher", ["Adobe Flash", "Microsoft Publisher"]),
        ("Databases in MS Access, Microsoft Access and Access", ["Microsoft Access"] * 3),
        (
            "Unit Testing, Use Cases, Requirement Analysis and Requirements Analysis",
            ["Unit Testing", "Use Cases", "Requirements Analysis", "Requirements Analysis"],
        ),
        ("Project Management and Customer Service", ["Project Management", "Customer Service"]),
        ("Ecommerce and E-commerce sites", ["E-commerce", "E-commerce"]),
        (
            "Skills: Marketing, Sales, Programming, Testing, Automation",
            ["Marketing", "Sales", "Programming", "Testing", "Automation"],
        ),
        ("CRM: ACT! and Act! for contacts", ["Customer Relationship Management", "Act!", "Act!"]),
    ],
)
def test_real_resume_skills_are_found(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_exact_case_words_need_their_spelling() -> None:
    assert names("in a word, we access the outlook of the publisher") == []
    assert "Microsoft Access" not in names("Set up VPN Access for users")
    assert "Microsoft Word" not in names("Grew sales by Word of mouth")
    text = "Contacts in Act! daily"
    hit = find_skills(text)[0]
    assert (hit.name, text[hit.start : hit.end]) == ("Act!", "Act!")


def test_social_media_links_are_not_skills() -> None:
    assert names("LinkedIn: linkedin.com/in/jane-doe  www.facebook.com/jane") == []
