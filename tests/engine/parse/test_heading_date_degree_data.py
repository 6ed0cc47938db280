"""Shape and consistency of the hand-written data files headings.json, dates.json and degrees.json."""

from __future__ import annotations

import re

import pytest

from resumeiq.engine._data import load_json
from resumeiq.engine.parse.dates import find_date_ranges
from resumeiq.engine.parse.education import find_degree
from resumeiq.engine.parse.segment import _LEADING_HEADS, heading_kind, normalize_heading


def test_heading_phrases_are_normalised_and_belong_to_one_kind():
    sections = load_json("headings.json")["sections"]
    seen: dict[str, str] = {}
    for kind, phrases in sections.items():
        assert phrases, kind
        for phrase in phrases:
            assert normalize_heading(phrase) == phrase, (kind, phrase)
            assert len(phrase.split()) <= 6, phrase  # longer lines are never looked up
            assert seen.setdefault(phrase, kind) == kind, f"{phrase!r} in {seen[phrase]} and {kind}"


def test_head_words_are_single_normalised_words_of_known_kinds():
    data = load_json("headings.json")
    kinds = set(data["sections"])
    words = [w for k, ws in data["head_words"].items() if not k.startswith("_") for w in ws]
    assert len(words) == len(set(words))
    for kind, ws in data["head_words"].items():
        if kind.startswith("_"):
            continue
        assert kind in kinds
        assert all(normalize_heading(w) == w and " " not in w for w in ws)
    # the leading-word rule of segment.heading_kind only works for words listed here
    assert set(_LEADING_HEADS) - {"education"} <= set(words)


def test_code_kinds_are_listed():
    kinds = set(load_json("headings.json")["sections"])
    assert {
        "summary",
        "experience",
        "education",
        "skills",
        "projects",
        "certificates",
        "languages",
        "personal",
        "interests",
        "references",
        "awards",
        "volunteer",
        "publications",
    } <= kinds


@pytest.mark.parametrize(
    "heading, kind",
    [
        ("Employment History", "experience"),
        ("Career History", "experience"),
        ("Internships", "experience"),
        ("Volunteer Experience", "volunteer"),
        ("Core Competencies", "skills"),
        ("Areas of Expertise", "skills"),
        ("Programming Languages", "skills"),
        ("Languages Known", "languages"),
        ("Academic Background", "education"),
        ("Educational Qualifications", "education"),
        ("Career Objective", "summary"),
        ("About Me", "summary"),
        ("Personal Details", "personal"),
        ("CONTACT", "personal"),
        ("Licenses & Certifications", "certificates"),
        ("Honors and Awards", "awards"),
        ("Hobbies & Interests", "interests"),
        ("Referees", "references"),
        ("Berufserfahrung", "experience"),
        ("Expérience professionnelle", "experience"),
        ("Formación académica", "education"),
        ("Career Experience / Job History", "experience"),
    ],
)
def test_common_headings(heading, kind):
    assert heading_kind(heading) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Special Education",
        "Education Consultant",
        "Marketing Internship",
        "Key Activities",
        "Project Summary",
        "Programming",
        "Open Source",
    ],
)
def test_roles_and_labels_are_not_headings(line):
    assert heading_kind(line) is None


def test_dates_file_shape():
    data = load_json("dates.json")
    assert sorted(data["months"], key=int) == [str(i) for i in range(1, 13)]
    names = [n for ns in data["months"].values() for n in ns]
    assert len(names) == len(set(names)) and all(n == n.lower() for n in names)
    assert {"present", "current", "now"} <= set(data["present"])
    assert all(s == s.lower() and 1 <= m <= 12 for s, m in data["seasons"].items())


@pytest.mark.parametrize(
    "text, start, current",
    [
        ("Janvier 2019 - aujourd'hui", "2019-01", True),
        ("März 2018 – heute", "2018-03", True),
        ("enero 2017 - actualidad", "2017-01", True),
        ("settembre 2016 – oggi", "2016-09", True),
        ("outubro 2015 - atual", "2015-10", True),
        ("mei 2014 - heden", "2014-05", True),
        ("Jun 2020 – Ongoing", "2020-06", True),
    ],
)
def test_month_and_present_words_in_seven_languages(text, start, current):
    [found] = find_date_ranges(text)
    assert (found.start, found.current) == (start, current)


def test_degree_file_shape():
    data = load_json("degrees.json")
    aliases = [a for d in data["degrees"] for a in d["aliases"]]
    assert len(aliases) == len(set(aliases))
    for d in data["degrees"]:
        assert d["name"] and d["level"] and d["aliases"]
        for a in d["aliases"]:
            assert a == a.lower() and a.strip() == a, a
    assert {d["level"] for d in data["degrees"]} >= {"associate", "bachelor", "master", "doctorate"}
    assert all(w == w.lower() and " " not in w for w in data["institution_words"])


@pytest.mark.parametrize(
    "text, surface, level",
    [
        ("B.Sc. Computer Science", "B.Sc.", "bachelor"),
        ("BA (Hons) Economics", "BA (Hons)", "bachelor"),
        ("B.E. in Mechanical Engineering", "B.E.", "bachelor"),
        ("M.Tech (CSE)", "M.Tech", "master"),
        ("Associate of Applied Science", "Associate of Applied Science", "associate"),
        ("Associate's Degree in Nursing", "Associate's Degree", "associate"),
        ("JD, Harvard Law School", "JD", "doctorate"),
        ("PharmD", "PharmD", "doctorate"),
        ("Bachelor’s Degree", "Bachelor’s Degree", "bachelor"),
        ("MBBS", "MBBS", "bachelor"),
        ("High School Diploma", "High School Diploma", "high_school"),
    ],
)
def test_degree_aliases(text, surface, level):
    found = find_degree(text, 0, len(text))
    assert found is not None and (found[0], found[3]) == (surface, level)


@pytest.mark.parametrize(
    "text",
    [
        "Ashcombe University, Annapolis, MD",
        "Lincoln High School",
        "Harvard University",
        "Held a Diplomatic role",
        "Mastered the art",
        "March 2019",
    ],
)
def test_places_and_school_names_are_not_degrees(text):
    found = find_degree(text, 0, len(text))
    assert found is None, found


def test_degree_aliases_are_letters_or_documented_forms():
    for d in load_json("degrees.json")["degrees"]:
        for a in d["aliases"]:
            assert re.fullmatch(r"[a-zà-ÿ\u0430-\u044f'’ ]+|[a-z. ]+ \(hons\)|m\.d|[a-z ]+, [a-z ]+", a), a
