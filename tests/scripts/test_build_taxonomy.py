"""scripts/build_taxonomy.py on a tiny hand-made O*NET + ESCO source directory."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_taxonomy.py"

TECH = [
    ("15-1252.00", "Atlassian JIRA", "43232201", "Content workflow software", "Y", "N"),
    ("15-1252.00", "The MathWorks MATLAB", "43232612", "Analytical or scientific software", "Y", "N"),
    (
        "15-1252.00",
        "Hypertext markup language HTML",
        "43232403",
        "Web platform development software",
        "Y",
        "N",
    ),
    ("15-1252.00", "Acme WidgetStudio", "43232104", "Computer aided design CAD software", "N", "N"),
    ("15-1252.00", "Spreadsheet software", "43232110", "Spreadsheet software", "N", "N"),
    ("13-2011.00", "Intuit QuickBooks", "43231601", "Accounting software", "Y", "N"),
    # Noisy names: version marks, edition words and multi-word vendors.
    ("15-1252.00", "Altera Quartus II", "43232605", "Analytical or scientific software", "N", "N"),
    ("13-2011.00", "Lathem Time PayClock EZ", "43231601", "Time accounting software", "N", "N"),
    ("13-2011.00", "EZ 2000", "43231601", "Accounting software", "N", "N"),
    ("13-2011.00", "EZ Forms", "43231601", "Accounting software", "N", "N"),
    ("13-2011.00", "EZ Pipe", "43231601", "Accounting software", "N", "N"),
    ("15-1252.00", "XML User Interface XUI", "43232403", "Web platform development software", "N", "N"),
    ("15-1252.00", "XML Path Language XPATH", "43232403", "Web platform development software", "N", "N"),
    ("15-1252.00", "XML Schema", "43232403", "Web platform development software", "N", "N"),
    ("13-2011.00", "Yardi Systems Yardi Enterprise", "43231601", "Accounting software", "N", "N"),
    ("13-2011.00", "Yardi Systems Yardi Voyager Residential", "43231601", "Accounting software", "N", "N"),
    ("15-1252.00", "Apache Subversion SVN", "43232201", "Content workflow software", "N", "N"),
    ("15-1252.00", "Act!", "43232201", "Customer relationship management CRM software", "N", "N"),
]
OCCUPATIONS = [
    ("15-1252.00", "Software Developers", "Research, design, and develop computer software."),
    ("13-2011.00", "Accountants and Auditors", "Examine, analyze, and interpret accounting records."),
]
ALTERNATES = [
    ("15-1252.00", "Software Engineer", "n/a", "08"),
    ("15-1252.00", "Application Developer", "n/a", "08"),
    ("15-1252.00", "Backend Software Engineer", "n/a", "08"),
    ("13-2011.00", "Staff Accountant", "n/a", "08"),
    ("13-2011.00", "Tax Accountant", "n/a", "08"),
    ("13-2011.00", "Cost Accountant", "n/a", "08"),
]
REPORTED = [("15-1252.00", "Software Development Engineer (SDE)", "Y")]
ESCO_SKILLS = [
    (
        "http://data.europa.eu/esco/skill/1",
        "manage musical staff manage staff of music Assign and manage staff tasks.",
    ),
    (
        "http://data.europa.eu/esco/skill/2",
        "hydrogeology groundwater hydrology The study of hydrogeology and water.",
    ),
    (
        "http://data.europa.eu/esco/skill/3",
        "Haxe Haxe language The techniques and principles of software development, "
        "such as coding and compiling of programming paradigms in Haxe.",
    ),
]


def _tsv(path: Path, header: list[str], rows: list[tuple[str, ...]]) -> None:
    path.write_text("\n".join("\t".join(r) for r in [tuple(header), *rows]) + "\n", encoding="utf-8")


@pytest.fixture
def build_module():
    spec = importlib.util.spec_from_file_location("build_taxonomy", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the script loads
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    onet, esco = tmp_path / "src" / "onet", tmp_path / "src" / "esco"
    onet.mkdir(parents=True)
    esco.mkdir()
    _tsv(
        onet / "Technology Skills.txt",
        ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title", "Hot Technology", "In Demand"],
        TECH,
    )
    _tsv(onet / "Occupation Data.txt", ["O*NET-SOC Code", "Title", "Description"], OCCUPATIONS)
    _tsv(
        onet / "Alternate Titles.txt",
        ["O*NET-SOC Code", "Alternate Title", "Short Title", "Source(s)"],
        ALTERNATES,
    )
    _tsv(
        onet / "Sample of Reported Titles.txt",
        ["O*NET-SOC Code", "Reported Job Title", "Shown in My Next Move"],
        REPORTED,
    )
    lines = ["id,description"] + [f'{i},"{d}"' for i, d in ESCO_SKILLS]
    (esco / "skills.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path / "src"


def test_build_produces_expected_entries_with_attribution(build_module, source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build_module.main(["--source", str(source), "--out", str(out)]) == 0
    skills = json.loads((out / "skills.json").read_text(encoding="utf-8"))
    titles = json.loads((out / "titles.json").read_text(encoding="utf-8"))

    for data in (skills, titles):
        meta = data["_meta"]
        assert any("O*NET 29.2 Database" in a and "CC BY 4.0" in a for a in meta["attribution"])
        assert "modified" in meta["modified"]
    assert any("ESCO classification of the European Commission" in a for a in skills["_meta"]["attribution"])
    assert any("2011/833/EU" in licence for licence in skills["_meta"]["licence"])

    by_name = {s["name"]: s for s in skills["skills"]}
    assert "Atlassian JIRA" in by_name["Jira"]["aliases"]  # merged into the curated entry
    assert by_name["MATLAB"]["category"] == "programming_language"
    assert "Hypertext markup language" in by_name["HTML"]["aliases"]
    assert by_name["Acme WidgetStudio"]["category"] == "design"
    assert "Intuit QuickBooks" in by_name["QuickBooks"]["aliases"]
    assert "Spreadsheet software" not in by_name  # generic description, not a product
    assert by_name["Haxe"]["category"] == "programming_language"
    assert by_name["Haxe"]["source"] == "esco"
    assert not any(name.startswith("manage") for name in by_name)  # ESCO competences are left out
    assert "Python" in by_name and by_name["Python"]["source"] == "curated"

    assert titles["occupations"]["15-1252.00"] == "Software Developers"
    assert titles["titles"]["software engineer"] == "15-1252.00"
    assert titles["titles"]["software developer"] == "15-1252.00"  # singular of the occupation title
    assert titles["titles"]["software development engineer"] == "15-1252.00"
    assert titles["tails"]["accountant"] == "13-2011.00"
    assert {"engineer", "accountant", "manager"} <= set(titles["head_words"])
    assert titles["seniority"]["senior"] and "junior" in titles["seniority"]


def test_build_is_deterministic(build_module, source: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    build_module.main(["--source", str(source), "--out", str(first)])
    build_module.main(["--source", str(source), "--out", str(second)])
    for name in ("skills.json", "titles.json"):
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_missing_source_is_an_error(build_module, tmp_path: Path) -> None:
    assert build_module.main(["--source", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 2


def test_noisy_aliases_are_not_derived(build_module, source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build_module.main(["--source", str(source), "--out", str(out)]) == 0
    skills = json.loads((out / "skills.json").read_text(encoding="utf-8"))
    by_name = {s["name"]: s for s in skills["skills"]}
    surfaces = {a for s in skills["skills"] for a in [s["name"], *s.get("aliases", [])]}
    # A trailing version or edition mark is part of the name, never an alias on its own.
    assert "Altera Quartus II" in by_name and "II" not in surfaces
    assert "Lathem Time PayClock EZ" in by_name and "EZ" not in surfaces
    assert "2000" not in surfaces  # "EZ 2000" minus its vendor is a number
    # A real acronym stays ("XUI", "XPATH", "SVN"); generic remainders of a vendor name do not.
    assert "XUI" in by_name["XML User Interface"]["aliases"]
    assert {"Apache Subversion", "SVN"} <= set(by_name["Subversion"]["aliases"])  # merged into curated
    assert not {"User Interface", "Path Language", "Systems Yardi Enterprise"} & surfaces
    assert "Yardi Enterprise" in by_name["Yardi Systems Yardi Enterprise"]["aliases"]
    # A one-word ordinary name is exact-case, with its punctuation.
    assert by_name["Act!"]["exact"] == ["ACT!", "Act!"]
    # Section labels are never skills, only blocked surfaces.
    assert not {"Languages", "Tools", "Databases", "Operating systems"} & surfaces
    assert "Programming languages" in skills["blocked"]


@pytest.mark.parametrize(
    ("acronym", "words", "expected"),
    [
        ("SVN", "Apache Subversion", True),
        ("XUI", "XML User Interface", True),
        ("AIP4WIN", "Astronomical Image Processing for Windows", True),
        ("II", "Altera Quartus", False),
        ("EZ", "Lathem Time PayClock", False),
        ("PDF", "Nuance Power", False),
        ("PC", "SPX/OTC Genisys ConnecTech", False),
    ],
)
def test_abbreviates(build_module, acronym: str, words: str, expected: bool) -> None:
    assert build_module.abbreviates(acronym, words.split()) is expected
