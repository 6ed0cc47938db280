"""``match(resume, job)``: the score, its components, the evidence and the words around it.

Resumes and postings are plain text built here; each test changes one thing about a candidate
and checks that the score moves the way a recruiter would expect (or, for identity, not at all).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pytest

from resumeiq.engine import parse_resume
from resumeiq.engine._data import load_json
from resumeiq.engine.match.components import RoleFit, related_skills, relevant_years
from resumeiq.engine.match.match import DEFAULT_WEIGHTS, Thresholds, match

AS_OF = "2025-06"

JOB = """Senior Platform Engineer
Quayside Labs · Glasgow, UK

The team
Six engineers keep the container platform under our warehouse software running day and night.

Requirements
- At least five years of experience as a site reliability engineer, keeping busy production systems healthy
- Terraform, Ansible and Python used in production
- Kubernetes, which we run on bare metal
- A bachelor's in Computer Science, or an equal degree

Bonus points
- Helm
- Go
"""


@dataclass(frozen=True)
class Identity:
    name: str
    email: str
    phone: str
    city: str
    pronoun: str  # subject pronoun used in the text
    possessive: str
    personal: str  # a personal-details line (age, gender)


MARIA = Identity(
    "Maria Gonzalez",
    "maria.gonzalez@example.com",
    "(415) 555-0132",
    "Denver, CO",
    "she",
    "her",
    "Date of birth: 14/02/1991 · Gender: Female",
)
JAMES = Identity(
    "James O'Connor",
    "jim.oconnor@example.org",
    "+1 617 555 0199",
    "Boston, MA",
    "he",
    "his",
    "Date of birth: 03/11/1976 · Gender: Male",
)


@dataclass(frozen=True)
class Role:
    title: str
    company: str
    dates: str
    bullets: tuple[str, ...]


@dataclass(frozen=True)
class Career:
    headline: str
    roles: tuple[Role, ...]
    skills: tuple[str, ...]
    degree: str = "B.S. in Computer Science, University of Michigan (2009 - 2013)"
    extra_summary: str = ""
    sections: dict[str, str] = field(default_factory=dict)


SRE = Career(
    "Site Reliability Engineer",
    (
        Role(
            "Senior Site Reliability Engineer",
            "Acme Corp",
            "2019-01 to present",
            (
                "Automated AWS infrastructure with Terraform for 40 services",
                "Ran Kubernetes clusters serving 2M users; {possessive} runbooks cut paging by 30%",
            ),
        ),
        Role(
            "Site Reliability Engineer",
            "Beta Inc",
            "2016-03 to 2018-12",
            ("Wrote Python and Ansible tooling that halved deploy time",),
        ),
    ),
    ("Terraform", "Ansible", "Python", "Kubernetes", "Go"),
)
JUNIOR_SRE = replace(
    SRE,
    roles=(
        Role(
            "Site Reliability Engineer",
            "Acme Corp",
            "2023-06 to present",
            ("Automated AWS infrastructure with Terraform", "Wrote Python and Ansible tooling on Kubernetes"),
        ),
    ),
)
ACCOUNTANT = Career(
    "Senior Accountant",
    (
        Role(
            "Senior Accountant",
            "Pitts Group",
            "2015-01 to present",
            ("Closed the books monthly under GAAP", "Used Python scripts to reconcile 12 bank accounts"),
        ),
    ),
    ("GAAP", "NetSuite", "Python", "Microsoft Excel"),
)


def resume_text(career: Career, who: Identity) -> str:
    lines = [
        who.name,
        career.headline,
        f"{who.email} | {who.phone} | {who.city}",
        who.personal,
        "",
        "SUMMARY",
        f"{career.headline} with a record of calm, measurable operations. {who.pronoun.capitalize()} mentors "
        f"new engineers and {who.possessive} teams ship safely. {career.extra_summary}".strip(),
        "",
        "EXPERIENCE",
    ]
    for role in career.roles:
        lines.append(f"{role.title}, {role.company}    {role.dates}")
        lines.extend("- " + b.format(pronoun=who.pronoun, possessive=who.possessive) for b in role.bullets)
        lines.append("")
    lines += ["EDUCATION", career.degree, "", "SKILLS", ", ".join(career.skills), ""]
    for heading, body in career.sections.items():
        lines += [heading, body, ""]
    return "\n".join(lines)


def run(career: Career, who: Identity = MARIA, job: str = JOB, **kw):
    parsed = parse_resume(resume_text(career, who).encode(), filename="resume.txt")
    return match(parsed, job, as_of=AS_OF, **kw)


def score_view(result) -> tuple:
    """Everything about a result that may depend on the candidate's qualifications."""
    return (
        result.score,
        result.category,
        tuple((c.id, c.score) for c in result.components),
        tuple(s.skill for s in result.matched_required),
        tuple(s.skill for s in result.missing_required),
        result.experience.relevant_years,
    )


# --------------------------------------------------------------------------- fairness, determinism


def test_swapping_names_pronouns_contacts_and_ages_does_not_move_scores():
    careers = {"sre": SRE, "junior": JUNIOR_SRE, "accountant": ACCOUNTANT}
    for career in careers.values():
        assert score_view(run(career, MARIA)) == score_view(run(career, JAMES))
    # and the ranking those scores make is the same whoever holds which career
    first = sorted(careers, key=lambda k: -run(careers[k], MARIA).score)
    second = sorted(careers, key=lambda k: -run(careers[k], JAMES).score)
    assert first == second == ["sre", "junior", "accountant"]


@pytest.mark.parametrize("name", ["Ruby Chen", "Angular Smith", "Julia Sandoval"])
def test_a_name_that_is_also_a_skill_earns_nothing(name):
    who = Identity(name, "r.chen@example.com", "(415) 555-0100", "Austin, TX", "they", "their", "")
    assert score_view(run(JUNIOR_SRE, who)) == score_view(run(JUNIOR_SRE, MARIA))


def test_same_input_same_output():
    a, b = run(SRE), run(SRE)
    assert a.model_dump() == b.model_dump()


# --------------------------------------------------------------------------- the score's parts


def test_result_shape_weights_and_defaults_are_reported():
    result = run(SRE)
    assert 0 <= result.match_score <= 100 and result.match_score == round(result.score)
    assert {c.id for c in result.components} == set(DEFAULT_WEIGHTS)
    assert {c.id: c.weight for c in result.components} == DEFAULT_WEIGHTS
    assert result.thresholds == Thresholds(selected=75, considered=36)
    # the points of the components add up to the score before the occupation factor
    assert sum(c.points for c in result.components) * result.occupation_factor == pytest.approx(
        result.score, abs=0.05
    )
    assert result.as_of == AS_OF
    assert result.explanation.startswith(f"Scores {result.match_score}/100 ({result.category})")


def test_qualified_candidate_is_selected_and_shows_evidence():
    result = run(SRE)
    assert result.category == "selected"
    assert [s.skill for s in result.matched_required] == ["Terraform", "Ansible", "Python", "Kubernetes"]
    assert result.missing_required == []
    text = resume_text(SRE, MARIA)
    for skill in result.matched_required:
        assert skill.status == "work"
        a, b = skill.resume_spans[0]
        assert text[a:b].lower() == skill.skill.lower()
        assert skill.job_spans
    assert result.experience.meets_minimum and result.experience.required_years == 5
    assert any("minimum" in s for s in result.strengths)


def test_near_miss_of_the_same_occupation_ranks_below_the_qualified_one():
    qualified, short = run(SRE), run(JUNIOR_SRE)
    assert short.score < qualified.score
    assert not short.experience.meets_minimum
    assert any("5-year minimum" in w for w in short.weaknesses)
    assert any(r.component == "experience" for r in short.recommendations)


def test_other_occupation_is_rejected_even_with_shared_keywords():
    result = run(ACCOUNTANT)
    assert result.category == "rejected"
    assert result.occupation_factor < 1.0
    assert run(JUNIOR_SRE).score > result.score


def test_skills_used_in_work_count_more_than_a_bare_list():
    listed_only = replace(
        SRE,
        roles=tuple(
            replace(r, bullets=("Kept production services healthy and on budget",)) for r in SRE.roles
        ),
    )
    worked, listed = run(SRE), run(listed_only)
    assert {s.status for s in listed.matched_required} == {"listed"}
    req = (
        {c.id: c.score for c in worked.components}["required_skills"],
        {c.id: c.score for c in listed.components}["required_skills"],
    )
    assert req[0] > req[1] > 0
    assert worked.score > listed.score
    assert any("not only in the skills list" in r.text for r in listed.recommendations)


def test_aliases_count_as_the_skill():
    aliased = replace(SRE, skills=("TF", "Ansible", "Python", "K8s", "Golang"))
    aliased = replace(
        aliased, roles=tuple(replace(r, bullets=("Kept production services healthy",)) for r in SRE.roles)
    )
    result = run(aliased)
    statuses = {s.skill: s.status for s in result.matched_required}
    assert statuses["Kubernetes"] == "listed"


def test_related_skills_earn_part_of_the_credit():
    job = "Machine Learning Engineer\n\nRequirements\n- Experience with Deep Learning\n- Python\n"
    with_pytorch = Career(
        "Data Scientist",
        (
            Role(
                "Data Scientist",
                "Acme",
                "2015-01 to present",
                ("Trained PyTorch models in Python for fraud detection",),
            ),
        ),
        ("PyTorch", "Python"),
    )
    without = replace(
        with_pytorch,
        roles=(Role("Data Scientist", "Acme", "2015-01 to present", ("Built reports in Python",)),),
        skills=("Python",),
    )
    related, missing = run(with_pytorch, job=job), run(without, job=job)
    # Labelled as related (with what it relates to), never listed as matched.
    assert "Deep Learning" not in [s.skill for s in related.matched_required]
    deep = next(s for s in related.related_required if s.skill == "Deep Learning")
    assert deep.status == "related" and deep.related_to == "PyTorch"
    assert 0 < deep.credit < 1
    assert [s.skill for s in missing.missing_required] == ["Deep Learning"]
    assert related.score > missing.score


MUST_HAVES_JOB = """Site Reliability Engineer

Requirements
- 4+ years of experience as a site reliability engineer
- Terraform, Kubernetes, Prometheus and Python

Nice to have
- Go, Grafana and Ansible
"""
# Names all four required skills, in the skills list only; none of the nice-to-haves.
NAMES_THE_MUST_HAVES = Career(
    "Site Reliability Engineer",
    (
        Role(
            "Site Reliability Engineer",
            "Harbour Freight Systems",
            "2017-02 to present",
            ("Kept the order platform at 99.95% availability", "Halved the pager load with better runbooks"),
        ),
    ),
    ("Terraform", "Kubernetes", "Prometheus", "Python"),
)
# Uses two of them in work, shows related skills for the other two (CloudFormation for Terraform,
# Docker for Kubernetes), and lists every nice-to-have.
MAKES_UP_WITH_RELATED = replace(
    NAMES_THE_MUST_HAVES,
    roles=(
        Role(
            "Site Reliability Engineer",
            "Harbour Freight Systems",
            "2017-02 to present",
            (
                "Moved 30 services to Docker and described the stack in CloudFormation",
                "Wrote Python exporters and Prometheus alerts for the order platform",
            ),
        ),
    ),
    skills=("Go", "Grafana", "Ansible"),
)


def test_naming_the_required_skills_beats_related_skills_and_nice_to_haves():
    named, related = (
        run(NAMES_THE_MUST_HAVES, job=MUST_HAVES_JOB),
        run(MAKES_UP_WITH_RELATED, job=MUST_HAVES_JOB),
    )
    assert sorted(s.skill for s in related.related_required) == ["Kubernetes", "Terraform"]
    assert [s.skill for s in related.matched_preferred] and not named.matched_preferred
    # The related skills' own credit nearly equals the bare list's (work evidence counts more)…
    named_credit = sum(c.credit for c in named.matched_required)
    related_credit = sum(c.credit for c in related.matched_required + related.related_required)
    assert abs(named_credit - related_credit) < 0.5
    # …but a recruiter asks for the required skills themselves: the one who names them all ranks first.
    assert named.score > related.score
    named_req, related_req = (
        next(c for c in r.components if c.id == "required_skills") for r in (named, related)
    )
    assert named_req.score == pytest.approx(0.8)  # every skill named: the mean credit, unchanged
    assert "× 0.65 for the share shown by name" in related_req.detail  # 0.3 + 0.7 × 2/4
    assert "2 more through related skills" in related.explanation
    # Nice-to-haves count in proportion to the must-haves' score, related ones discounted too.
    pref = next(c for c in related.components if c.id == "preferred_skills")
    pref_credit = sum(s.credit for s in related.matched_preferred) / 3
    assert pref.score == pytest.approx(pref_credit * related_req.score, abs=1e-3)


def test_a_required_skill_s_recommendation_counts_what_naming_it_adds():
    result = run(MAKES_UP_WITH_RELATED, job=MUST_HAVES_JOB)
    share = next(c for c in result.components if c.id == "required_skills").weight / sum(
        c.weight for c in result.components if c.score is not None
    )
    rec = next(r for r in result.recommendations if "asks for Terraform" in r.text)
    terraform = next(s for s in result.related_required if s.skill == "Terraform")
    credits = [s.credit for s in result.matched_required + result.related_required]
    # Shown in a role, Terraform would earn full credit and lift the named share from 2/4 to 3/4.
    before = sum(credits) / 4 * (0.3 + 0.7 * 2 / 4)
    after = (sum(credits) - terraform.credit + 1.0) / 4 * (0.3 + 0.7 * 3 / 4)
    assert rec.impact == pytest.approx(100 * result.occupation_factor * share * (after - before), abs=0.01)


def test_a_skill_the_taxonomy_does_not_know_is_matched_by_its_words():
    job = "Mechanical Engineer\n\nRequirements\n- ANSYS\n- SolidWorks\n"
    mech = Career(
        "Mechanical Engineer",
        (
            Role(
                "Mechanical Engineer",
                "Acme",
                "2015-01 to present",
                ("Ran ANSYS thermal simulations of gearboxes",),
            ),
        ),
        ("SolidWorks",),
    )
    result = run(mech, job=job)
    ansys = next(s for s in result.matched_required if s.skill == "ANSYS")
    assert ansys.status == "work" and not ansys.in_taxonomy


def test_overlapping_roles_count_once():
    # two jobs at once for 2019-2020 and a later one: 2018-01..2021-01 is 36 months, not 48
    roles = [
        RoleFit("Site Reliability Engineer", 1.0, 1.0, 2018 * 12, 2020 * 12),
        RoleFit("DevOps Engineer", 1.0, 1.0, 2019 * 12, 2021 * 12),
    ]
    assert relevant_years(roles, 2025 * 12) == (3.0, 3.0)
    # a month covered by a related and an unrelated role counts with the related weight
    mixed = [RoleFit("a", 1.0, 1.0, 2018 * 12, 2019 * 12), RoleFit("b", 0.1, 0.25, 2018 * 12, 2020 * 12)]
    assert relevant_years(mixed, 2025 * 12) == (1.25, 2.0)


def test_overlapping_roles_in_a_resume_are_merged():
    moonlighting = replace(
        SRE,
        roles=(
            Role(
                "Site Reliability Engineer",
                "Acme Corp",
                "2020-06 to present",
                ("Ran Terraform and Kubernetes",),
            ),
            Role(
                "DevOps Engineer",
                "Side Gig LLC",
                "2021-06 to 2023-06",
                ("Wrote Ansible playbooks in Python",),
            ),
        ),
    )
    result = run(moonlighting)
    assert result.experience.relevant_years == pytest.approx(
        5.0, abs=0.01
    )  # 2020-06..2025-06, the side job inside it
    assert not result.experience.meets_minimum or result.experience.relevant_years >= 5


def test_missing_required_degree_lowers_education():
    no_degree = replace(SRE, degree="Coursework in Computer Science, Denver Community Center (2010)")
    with_degree, without = run(SRE), run(no_degree)
    edu = (
        {c.id: c.score for c in with_degree.components}["education"],
        {c.id: c.score for c in without.components}["education"],
    )
    assert edu[0] == 1.0 and edu[1] < 1.0
    assert with_degree.education.required_level == "bachelor"


# --------------------------------------------------------------------------- categories


def test_thresholds_decide_the_category_and_are_returned():
    result = run(JUNIOR_SRE)
    strict = run(JUNIOR_SRE, thresholds=Thresholds(selected=99, considered=98))
    lenient = run(JUNIOR_SRE, thresholds=Thresholds(selected=1, considered=0))
    assert strict.score == lenient.score == result.score
    exp = lenient.experience
    short = exp.required_years and exp.relevant_years < 0.7 * exp.required_years
    assert strict.category == "rejected" and lenient.category == ("considered" if short else "selected")
    assert lenient.thresholds == Thresholds(selected=1, considered=0)


def test_a_required_years_shortfall_over_30_percent_is_never_selected():
    job = "Senior Site Reliability Engineer\n\nRequirements\n- 6+ years of experience\n- Kubernetes\n- Terraform\n"
    short = Career(
        "Site Reliability Engineer",
        (
            Role(
                "Site Reliability Engineer",
                "Acme",
                "2022-01 to present",
                ("Ran Kubernetes clusters with Terraform for 40 services",),
            ),
        ),
        ("Kubernetes", "Terraform"),
    )
    lenient = Thresholds(selected=1, considered=0)
    result = run(short, job=job, thresholds=lenient)
    assert result.experience.required_years == 6 and result.experience.relevant_years < 4.2
    assert result.category == "considered"
    enough = replace(
        short,
        roles=(
            Role(
                "Site Reliability Engineer",
                "Acme",
                "2015-01 to present",
                ("Ran Kubernetes clusters with Terraform for 40 services",),
            ),
        ),
    )
    assert run(enough, job=job, thresholds=lenient).category == "selected"


def test_thresholds_must_be_ordered():
    with pytest.raises(ValueError):
        Thresholds(selected=40, considered=60)


def test_category_boundaries():
    t = Thresholds(selected=70, considered=50)
    assert [t.category(s) for s in (70, 69.99, 50, 49.99)] == [
        "selected",
        "considered",
        "considered",
        "rejected",
    ]


def test_weights_can_be_changed():
    only_skills = {k: 0.0 for k in DEFAULT_WEIGHTS} | {"required_skills": 1.0}
    result = run(SRE, weights=only_skills)
    assert result.score == pytest.approx(
        100 * {c.id: c.score for c in result.components}["required_skills"], abs=0.01
    )


def test_relations_go_from_the_specific_to_the_general():
    # a member shown counts more for its parent than the parent shown counts for a member
    assert related_skills("Deep Learning")["PyTorch"] > related_skills("PyTorch")["Deep Learning"]
    # tools of one kind stand in for each other in part (NetSuite and SAP are both ERP systems)
    assert 0 < related_skills("NetSuite")["SAP"] < related_skills("Deep Learning")["PyTorch"]


def test_relation_data_is_well_formed():
    data = load_json("skill_relations.json")
    assert 0 < data["member_weight"] < data["parent_weight"] < 1 and 0 < data["group_weight"] < 1
    for group in data["groups"]:
        assert group["parent"] and group["members"]
    for a, b, w in data["pairs"]:
        assert a != b and 0 < w <= 1
