"""Education written the way people outside the US write it: school-leaving certificates beside
degrees, degrees in French, German, Portuguese and Spanish with accents, "Degree from School",
schools named by their initials, degree words inside sentences. The people and schools are invented."""

from __future__ import annotations

import pytest

from resumeiq.engine import parse_resume
from resumeiq.engine.parse.education import degree_level, find_degree


def _education(body: str):
    text = "Ravi Kamma\nravi.kamma@example.in\n\nEDUCATION\n" + body
    return [(e.studyType, e.area, e.institution) for e in parse_resume(text.encode(), filename="cv.txt").resume.education]


def test_degree_from_school_on_one_line():
    assert _education(
        "Bachelor of Technology from Nallamala College of Engineering, Nandyal – 8.10 CGPA (2021-Present)\n"
        "Intermediate (BiPC) from Sri Venkatesa Junior College, Ongole – 9.1 CGPA (2019)\n"
    ) == [
        ("Bachelor of Technology", None, "Nallamala College of Engineering"),
        ("Intermediate", "BiPC", "Sri Venkatesa Junior College"),
    ]


@pytest.mark.parametrize(
    "text, level",
    [
        ("Baccalauréat scientifique", "high_school"),
        ("Erweiterter Realschulabschluss", "high_school"),
        ("Allgemeine Hochschulreife", "high_school"),
        ("Ensino Fundamental", "high_school"),
        ("Mestrado em Ciências da Computação", "master"),
        ("Licenciatura en Economía", "bachelor"),
        ("Bacharelado em Sistemas de Informação", "bachelor"),
        ("Doctorat en physique", "doctorate"),
        ("BTS Systèmes numériques", "diploma"),
    ],
)
def test_degrees_of_other_countries_and_their_accents(text, level):
    found = find_degree(text, 0, len(text))
    assert found is not None and found[3] == level and degree_level(found[0]) == level
    assert text.startswith(found[0])  # the surface as written, accents kept


def test_a_school_named_by_its_initials_before_a_place_or_on_its_own_line():
    assert _education(
        "2019 - 2021 Master Robotique, INSA, Lyon\n"
        "2016 - 2019 Bachelor systèmes embarqués\nESTEI / Ynov - Bordeaux\n"
        "2014 - 2016 BAC S - SVT\n"
    ) == [
        ("Master", "Robotique", "INSA"),
        ("Bachelor", "systèmes embarqués", "ESTEI / Ynov"),
        ("BAC", "S", None),  # "SVT" is the track, not a school
    ]


def test_a_degree_named_inside_a_sentence_is_no_entry():
    assert _education(
        "2019 - 2021 Master Robotique, INSA, Lyon\n"
        "Vision par ordinateur et commande des bras. Mémoire de Master sur la prise d'objets souples.\n"
    ) == [("Master", "Robotique", "INSA")]
