"""Exports: GET /resumes/{id}/export (json, md, docx, pdf) and GET /tailorings/{id}/cover-letter
(txt, docx, pdf). The engine reads every export back to the same person, roles and dates."""

from __future__ import annotations

import io
import json

import pytest

from resumeiq.engine import extract_text, parse_resume
from resumeiq.tailoring.render import UnsupportedCharacters, render_resume
from tailoring.people import MIRA, ready_preview, upload

# An invented person with a longer history, set by hand as a JSON Resume document.
JONAS = {
    "basics": {
        "name": "Jonas Weber-Lindqvist",
        "label": "Data Engineer",
        "email": "jonas.wl@example.net",
        "phone": "+49 30 1234567",
        "summary": "Data engineer who keeps pipelines boring and fast.",
        "location": {"city": "Berlin", "countryCode": "DE"},
    },
    "work": [
        {
            "name": "Nordlicht Logistik GmbH",
            "position": "Senior Data Engineer",
            "location": "Berlin",
            "startDate": "2021-04",
            "highlights": [
                "Moved 40 nightly jobs from cron to Airflow",
                "Cut warehouse costs by 30% with partitioned tables in BigQuery",
            ],
        },
        {
            "name": "Kestrel Insights",
            "position": "Data Engineer",
            "location": "Hamburg",
            "startDate": "2018-01",
            "endDate": "2021-03",
            "highlights": ["Built Spark jobs in Scala for clickstream data"],
        },
        {
            "name": "Uni Rechenzentrum",
            "position": "Student Assistant",
            "startDate": "2016-10",
            "endDate": "2017-12",
            "highlights": ["Ran Linux labs for 120 students"],
        },
    ],
    "education": [
        {
            "institution": "Technische Universität Berlin",
            "area": "Computer Science",
            "studyType": "MSc",
            "startDate": "2015",
            "endDate": "2017",
        }
    ],
    "skills": [
        {"name": "Data", "keywords": ["Python", "SQL", "Airflow", "Spark"]},
        {"name": "Cloud", "keywords": ["BigQuery", "Docker"]},
    ],
    "languages": [{"language": "German", "fluency": "Native"}, {"language": "English", "fluency": "Fluent"}],
}


def facts(doc: dict) -> dict:
    basics = doc.get("basics") or {}
    return {
        "name": basics.get("name"),
        "email": basics.get("email"),
        "phone": (basics.get("phone") or "").replace(" ", "").replace("-", ""),
        "work": [
            (w.get("name"), w.get("position"), w.get("startDate"), w.get("endDate"))
            for w in doc.get("work") or []
        ],
    }


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
@pytest.mark.parametrize("doc", [JONAS, parse_resume(MIRA, filename="m.txt").resume.to_json_resume()])
def test_the_engine_reads_an_export_back_to_the_same_fields(doc, fmt):
    data = render_resume(doc, fmt)
    back = parse_resume(data, filename=f"export.{fmt}").resume.to_json_resume()
    assert facts(back) == facts(doc)


def test_pdf_is_one_column_real_text_with_standard_headings():
    data = render_resume(JONAS, "pdf")
    assert data.startswith(b"%PDF-")
    doc = extract_text(data, filename="x.pdf")
    assert doc.layout.columns == 1 and doc.layout.images == 0
    for heading in ("EXPERIENCE", "EDUCATION", "SKILLS", "LANGUAGES"):
        assert heading in doc.text
    assert "Nordlicht Logistik GmbH" in doc.text and "Technische Universität Berlin" in doc.text


def test_docx_uses_heading_and_list_styles():
    from docx import Document

    document = Document(io.BytesIO(render_resume(JONAS, "docx")))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Title", "Jonas Weber-Lindqvist") in styles
    assert ("Heading 1", "Experience") in styles and ("Heading 1", "Education") in styles
    assert ("List Bullet", "Ran Linux labs for 120 students") in styles
    assert not document.tables and not document.inline_shapes


def test_pdf_refuses_characters_its_font_cannot_show_instead_of_dropping_them():
    doc = {"basics": {"name": "王小明"}, "work": [{"name": "Acme", "position": "Engineer"}]}
    with pytest.raises(UnsupportedCharacters, match="王"):
        render_resume(doc, "pdf")
    # Windows-1252 typography and the euro sign are shown as they are.
    doc = {
        "basics": {"name": "Ana – “Nana” Silva"},
        "work": [
            {
                "name": "Só €5 Lda",
                "position": "Gerente",
                "highlights": ["Abriu três lojas em Lisboa e no Porto"],
            }
        ],
    }
    data = render_resume(doc, "pdf")
    text = extract_text(data, filename="x.pdf").text
    assert "Ana – “Nana” Silva" in text and "Só €5 Lda" in text


async def test_export_endpoint_formats_and_media_types(user):
    resume = await upload(user)
    rid = resume["resume_id"]
    parsed = (await user.get(f"/api/v1/resumes/{rid}")).json()["parsed"]
    r = await user.get(f"/api/v1/resumes/{rid}/export", params={"format": "json"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    assert json.loads(r.content) == parsed
    expected = {"md": "text/markdown", "docx": "application/vnd.openxmlformats", "pdf": "application/pdf"}
    for fmt, media in expected.items():
        r = await user.get(f"/api/v1/resumes/{rid}/export", params={"format": fmt})
        assert r.status_code == 200 and r.headers["content-type"].startswith(media), fmt
        assert r.headers["content-disposition"].startswith("attachment")
        back = parse_resume(r.content, filename=f"e.{fmt}").resume.to_json_resume()
        assert facts(back) == facts(parsed), fmt
    r = await user.get(f"/api/v1/resumes/{rid}/export", params={"format": "rtf"})
    assert r.status_code == 422 and r.json()["code"] == "validation_error"


async def test_a_confirmed_tailoring_exports_as_tailored(user):
    _, _, body = await ready_preview(user)
    r = await user.post(
        "/api/v1/tailorings/confirm",
        json={"preview_id": body["preview_id"], "preview_hash": body["preview_hash"]},
    )
    new = r.json()["resume_id"]
    r = await user.get(f"/api/v1/resumes/{new}/export", params={"format": "pdf"})
    assert r.status_code == 200
    text = extract_text(r.content, filename="t.pdf").text
    assert "Key skills for this role" in text
    back = parse_resume(r.content, filename="t.pdf").resume.to_json_resume()
    assert facts(back) == facts(body["tailored"])


async def test_cover_letter_export(user):
    _, _, body = await ready_preview(user, cover_letter=True)
    letter = body["cover_letter"]["text"]
    pid = body["preview_id"]
    r = await user.get(f"/api/v1/tailorings/{pid}/cover-letter")
    assert r.status_code == 200 and r.text == letter and r.headers["content-type"].startswith("text/plain")
    for fmt in ("docx", "pdf"):
        r = await user.get(f"/api/v1/tailorings/{pid}/cover-letter", params={"format": fmt})
        assert r.status_code == 200, fmt
        text = extract_text(r.content, filename=f"l.{fmt}").text
        assert "Cobalt Systems" in text and "Mira Okafor" in text and "Lumen Freight" in text, fmt


async def test_cover_letter_export_of_a_preview_without_one_says_why(user):
    _, _, body = await ready_preview(user)
    r = await user.get(f"/api/v1/tailorings/{body['preview_id']}/cover-letter")
    assert r.status_code == 409 and r.json()["code"] == "no_cover_letter"
    assert "no cover letter was requested" in r.json()["detail"]


def round_trip_fields(doc: dict) -> dict[str, object]:
    basics = doc.get("basics") or {}
    out: dict[str, object] = {
        "name": basics.get("name"),
        "email": basics.get("email"),
        "phone": (basics.get("phone") or "").replace(" ", "").replace("-", ""),
    }
    for i, w in enumerate(doc.get("work") or []):
        out[f"employer/{i}"] = w.get("name")
        out[f"title/{i}"] = w.get("position")
        out[f"dates/{i}"] = (w.get("startDate"), w.get("endDate"))
    return out


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_round_trip_over_the_development_set(fmt):
    """Every readable resume of the shared set, as the engine parsed it, exported and read back:
    name, e-mail, phone, employers, titles and dates agree for at least 98 % of the values."""
    from collections import Counter

    from evalset import required_eval_files

    agree, total = Counter(), Counter()
    for path in required_eval_files("main"):
        doc = parse_resume(path.read_bytes(), filename=path.name).resume.to_json_resume()
        want = round_trip_fields(doc)
        got = round_trip_fields(
            parse_resume(render_resume(doc, fmt), filename=f"x.{fmt}").resume.to_json_resume()
        )
        for key, value in want.items():
            kind = key.split("/")[0]
            total[kind] += 1
            agree[kind] += got.get(key) == value
    assert set(total) == {"name", "email", "phone", "employer", "title", "dates"}
    for kind in total:
        assert agree[kind] / total[kind] >= 0.98, (kind, agree[kind], total[kind])
