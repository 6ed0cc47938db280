"""Issue 8, finding 11 (files): a stored filename keeps no bidi control or other invisible
character (U+202E made "cv\u202etxt.exe" read "cvexe.txt"), and text files in Windows-1251 or
UTF-16BE, with or without a byte order mark, are read as text whatever their name says."""

from __future__ import annotations

import unicodedata

import pytest

from resumeiq.engine import extract_text
from resumeiq.resumes.upload import safe_filename

CYRILLIC = (
    "Светлана Орлова\nsvetlana.orlova@example.com\n\nОПЫТ РАБОТЫ\n"
    "Аналитик данных, ООО Северный Ветер, Казань\n2018 – 2023\n- Построила отчёты на Python и SQL\n"
)


@pytest.mark.parametrize(
    "raw",
    ["cv\u202etxt.exe", "cv\u2066x\u2069.pdf", "cv\u200b\u200d.pdf", "\u202acv\u202c.pdf", "cv\u2028a.pdf", "cv\ufeff.pdf"],
)
def test_finding11_filenames_lose_bidi_controls_and_invisible_characters(raw):
    name = safe_filename(raw)
    assert all(unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") for c in name), name
    assert name.startswith("cv")


def test_finding11_visible_names_are_kept():
    assert safe_filename("Résumé – Zoë Ångström (2024).pdf") == "Résumé – Zoë Ångström (2024).pdf"
    assert safe_filename("履歴書.docx") == "履歴書.docx"


async def test_finding11_an_uploaded_filename_is_stored_without_its_override(user, resume_text):
    r = await user.upload(resume_text, filename="resume\u202etxt.exe.txt")
    assert r.status_code == 201, r.text
    stored = (await user.get(f"/api/v1/resumes/{r.json()['resume_id']}")).json()["filename"]
    assert "\u202e" not in stored and stored == "resumetxt.exe.txt"


@pytest.mark.parametrize(
    "data",
    [
        CYRILLIC.encode("cp1251"),
        CYRILLIC.encode("utf-16-be"),
        b"\xfe\xff" + CYRILLIC.encode("utf-16-be"),
        CYRILLIC.encode("utf-16-le"),
    ],
    ids=["cp1251", "utf-16be", "utf-16be-bom", "utf-16le"],
)
@pytest.mark.parametrize("filename", ["cv.txt", "cv.bin", "cv"])
def test_finding11_cp1251_and_utf16_text_is_read_by_its_bytes(data, filename):
    doc = extract_text(data, filename=filename)
    assert doc.format == "txt"
    assert doc.text == CYRILLIC.strip()


def test_finding11_western_legacy_text_stays_windows_1252_and_binary_stays_refused():
    from resumeiq.engine.errors import UnsupportedFormat

    western = "Zoë Laurent\nzoe@example.com\nAnalyste à Société Générale, déjà chargée d'études\n"
    assert extract_text(western.encode("cp1252"), filename="cv.txt").text == western.strip()
    noise = bytes((i * 73 + 11) % 256 for i in range(6000))
    with pytest.raises(UnsupportedFormat):
        extract_text(noise, filename="cv.txt")


async def test_finding11_a_cp1251_resume_uploads_on_both_databases(user):
    r = await user.upload(CYRILLIC.encode("cp1251"), filename="резюме.txt")
    assert r.status_code == 201, r.text
    text = (await user.get(f"/api/v1/resumes/{r.json()['resume_id']}/text")).json()
    assert "Светлана Орлова" in str(text)
