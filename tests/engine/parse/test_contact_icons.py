"""Icon glyphs (private use area code points of icon fonts such as Font Awesome) set before the
contact items stay out of the values read from them (invented person)."""

from __future__ import annotations

import re

import pytest

from documents import styled_docx
from resumeiq.engine import parse_resume

USER, ENVELOPE, PHONE, PIN, LINKEDIN, GITHUB, GLOBE = (
    "\uf007",
    "\uf0e0",
    "\uf095",
    "\uf041",
    "\uf08c",
    "\uf09b",
    "\U000f059f",
)
PUA = re.compile("[\ue000-\uf8ff\U000f0000-\U0010fffd]")

HEADER = [
    (f"{USER} Tomas Novak", "Title"),
    ("Senior Data Analyst", None),
    (f"{ENVELOPE} tomas.novak@example.com  {PHONE} (312) 555-0142  {PIN}Chicago, IL", None),
    (f"{LINKEDIN} linkedin.com/in/tomasnovak{GITHUB} github.com/tnovak {GLOBE}tomasnovak.dev", None),
]
BODY = [
    ("Experience", "Heading 1"),
    ("Data Analyst, Acme Corp\tJan 2019 – Present", None),
    ("Built dashboards in Tableau for 40 managers.", "List Bullet"),
]




def _txt(paragraphs) -> bytes:
    return "\n".join(text for text, _ in paragraphs).encode()


@pytest.mark.parametrize("build, filename", [(styled_docx, None), (_txt, "resume.txt")])
def test_icons_before_contact_items_stay_out_of_the_values(build, filename):
    parsed = parse_resume(build(HEADER + BODY), filename=filename)
    assert PUA.search(parsed.document.text)  # the glyphs are in the text, as the file has them
    basics = parsed.resume.basics
    assert basics.name == "Tomas Novak"
    assert basics.label == "Senior Data Analyst"
    assert basics.email == "tomas.novak@example.com"
    assert basics.phone == "+1 312-555-0142"
    assert (basics.location.city, basics.location.region) == ("Chicago", "IL")
    assert {p.network: p.url for p in basics.profiles} == {
        "LinkedIn": "https://linkedin.com/in/tomasnovak",
        "GitHub": "https://github.com/tnovak",
    }
    assert basics.url == "https://tomasnovak.dev"
    assert not PUA.search(basics.model_dump_json())
    text = parsed.document.text
    for field in ("name", "email"):
        a, b = basics.evidence[field]
        assert text[a:b] == getattr(basics, field)
    a, b = basics.location.evidence["city"]
    assert text[a:b] == "Chicago, IL"
