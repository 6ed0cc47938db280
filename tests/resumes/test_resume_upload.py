"""Uploading resumes: the answer, the size limit while streaming, unreadable files, no 500s."""

from __future__ import annotations

import os
import random
import uuid
from pathlib import Path

import pytest

from documents import docx_zip_bomb
from evalset import expected_error_code, required_eval_files


def stored_files(settings) -> list[Path]:
    root = settings.data_dir / "files"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def temp_files(settings) -> list[Path]:
    root = settings.data_dir / "tmp"
    return [p for p in root.iterdir() if p.is_file()] if root.exists() else []


async def resume_count(user) -> int:
    r = await user.get("/api/v1/resumes")
    assert r.status_code == 200
    return r.json()["total"]


async def test_upload_parses_and_answers_the_contract(user, resume_text, settings):
    r = await user.upload(resume_text, filename="ada.txt")
    assert r.status_code == 201, r.text
    body = r.json()
    assert set(body) == {
        "id",
        "resume_id",  # the same as id, kept for compatibility
        "candidate_id",
        "version_number",
        "processing_status",
        "processing_error",
        "is_master",
        "warnings",
        "stored_before",
    }
    assert body["processing_status"] == "ready" and body["stored_before"] is False
    assert body["processing_error"] is None
    assert body["version_number"] == 1
    assert body["is_master"] is True
    assert isinstance(body["warnings"], list)
    assert len(stored_files(settings)) == 1
    assert temp_files(settings) == []

    detail = (await user.get(f"/api/v1/resumes/{body['resume_id']}")).json()
    assert detail["parsed"]["basics"]["email"] == "ada@example.com"
    assert detail["format"] == "txt"
    assert detail["filename"] == "ada.txt"


async def test_next_upload_is_the_next_version_and_not_master(user, resume_text):
    first = (await user.upload(resume_text)).json()
    second = (await user.upload(resume_text + b"\nLanguages: English\n")).json()
    assert second["candidate_id"] == first["candidate_id"]
    assert second["version_number"] == 2
    assert second["is_master"] is False


async def test_upload_for_another_candidate(recruiter, resume_text):
    user = recruiter  # only a recruiter has candidates other than themselves
    r = await user.post("/api/v1/candidates", json={"name": "Grace Hopper", "email": "grace@example.com"})
    assert r.status_code == 201
    candidate_id = r.json()["candidate_id"]
    mine = (await user.upload(resume_text)).json()
    theirs = (await user.upload(resume_text, candidate_id=candidate_id)).json()
    assert theirs["candidate_id"] == candidate_id != mine["candidate_id"]
    assert theirs["version_number"] == 1 and theirs["is_master"] is True


async def test_upload_to_a_foreign_or_unknown_candidate_is_404_and_stores_nothing(
    api, user, resume_text, settings
):
    other = await api.register(role="recruiter")
    foreign = (await other.post("/api/v1/candidates", json={"name": "X"})).json()["candidate_id"]
    for candidate_id in (foreign, str(uuid.uuid4())):
        r = await user.upload(resume_text, candidate_id=candidate_id)
        assert r.status_code == 404
        assert r.json()["code"] == "not_found"
    r = await user.upload(resume_text, candidate_id="not-a-uuid")
    assert r.status_code == 422 and r.json()["code"] == "invalid_upload"
    assert await resume_count(user) == 0
    assert stored_files(settings) == [] and temp_files(settings) == []


async def test_not_multipart_or_no_file_is_a_problem(user):
    r = await user.post("/api/v1/resumes", json={"file": "x"})
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["code"] == "invalid_upload"
    r = await user.post("/api/v1/resumes", data={"candidate_id": ""}, files={"other": ("a.txt", b"hello")})
    assert r.status_code == 422 and r.json()["code"] == "invalid_upload"


async def test_upload_needs_a_login(api, resume_text):
    r = await api.client.post("/api/v1/resumes", files={"file": ("a.txt", resume_text)})
    assert r.status_code == 401
    assert r.json()["code"] == "not_authenticated"


# --------------------------------------------------------------------------- size limit


def multipart_stream(total_file_bytes: int, chunk: int, consumed: list[int]):
    boundary = "resumeiqtestboundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n'
        "Content-Type: text/plain\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()

    async def body():
        yield head
        sent = 0
        while sent < total_file_bytes:
            n = min(chunk, total_file_bytes - sent)
            sent += n
            consumed[0] = sent
            yield b"a" * n
        yield tail

    return body(), {"Content-Type": f"multipart/form-data; boundary={boundary}"}


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_size_limit_is_enforced_while_streaming(start_api, make_settings, resume_text):
    settings = make_settings(upload_max_bytes=100_000)
    async with start_api(settings) as api:
        user = await api.register()
        consumed = [0]
        body, headers = multipart_stream(5_000_000, 16_384, consumed)
        r = await api.client.post("/api/v1/resumes", content=body, headers=user.headers | headers)
        assert r.status_code == 413
        assert r.json()["code"] == "too_large"
        # Reading stopped right after the limit, far before the 5 MB the client had to send.
        assert consumed[0] <= 100_000 + 2 * 16_384
        assert stored_files(settings) == [] and temp_files(settings) == []

        # Exactly at the limit is accepted.
        r = await user.upload((resume_text * 100)[:100_000], filename="a.txt")
        assert r.status_code == 201, r.text


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_declared_content_length_over_the_limit_is_refused_before_reading(start_api, make_settings):
    settings = make_settings(upload_max_bytes=1000)
    async with start_api(settings) as api:
        user = await api.register()
        r = await user.upload(b"x" * 200_000)
        assert r.status_code == 413 and r.json()["code"] == "too_large"
        assert "limit" in r.json()["detail"]


# --------------------------------------------------------------------------- unreadable files

# The HTTP status each engine error code maps to (the API contract).
STATUS_OF = {
    "empty_file": 422,
    "corrupt_file": 422,
    "encrypted_file": 422,
    "no_text_layer": 422,
    "unsupported_format": 415,
    "too_large": 413,
}


async def test_a_docx_zip_bomb_is_refused_with_413_and_leaves_nothing(user, settings, resume_text):
    """A DOCX whose word/document.xml inflates to 60 MB (about 1,000-fold): refused from the ZIP
    directory, the problem names the part, nothing is stored."""
    bomb = docx_zip_bomb(resume_text.decode(), inflated_mb=60)
    assert len(bomb) < 200_000
    r = await user.upload(bomb, filename="cv.docx")
    assert r.status_code == 413, r.text
    problem = r.json()
    assert r.headers["content-type"].startswith("application/problem+json")
    assert (problem["code"], problem["status"]) == ("too_large", 413)
    assert "word/document.xml inflates" in problem["detail"] and "decompression bomb" in problem["detail"]
    assert await resume_count(user) == 0
    assert stored_files(settings) == [] and temp_files(settings) == []


async def test_unreadable_files_are_refused_with_their_code_and_leave_nothing(user, settings):
    for path in required_eval_files("hard"):
        code = expected_error_code(path)
        assert code in STATUS_OF, (path.name, code)
        r = await user.upload(path.read_bytes(), filename=path.name)
        assert r.status_code == STATUS_OF[code], (path.name, r.text)
        problem = r.json()
        assert r.headers["content-type"].startswith("application/problem+json")
        assert problem["code"] == code and problem["status"] == STATUS_OF[code] and problem["detail"]
    assert await resume_count(user) == 0
    assert stored_files(settings) == [] and temp_files(settings) == []


async def test_no_input_reaches_a_500(start_api, make_settings):
    """Every file of the development set (hard cases included) and random bytes: 2xx or 4xx."""
    settings = make_settings(rate_limit_upload="10000/minute")
    rng = random.Random(1234)
    inputs = [(p.name, p.read_bytes()) for p in required_eval_files()]
    inputs += [
        (f"random-{i}{ext}", rng.randbytes(rng.randint(0, 20_000)))
        for i, ext in enumerate([".pdf", ".docx", ".txt", ".md", "", ".exe", ".pdf", ".docx"])
    ]
    inputs += [
        ("zip.docx", b"PK\x03\x04" + os.urandom(500)),
        ("pdfish.pdf", b"%PDF-1.7\n" + os.urandom(2000)),
        ("utf16.txt", "Ada Lovelace\nPython".encode("utf-16")),
        ("nul.txt", b"\x00" * 1000),
    ]
    async with start_api(settings) as api:
        user = await api.register()
        statuses = {}
        for name, data in inputs:
            r = await user.upload(data, filename=name)
            statuses[name] = r.status_code
            assert 200 <= r.status_code < 500, (name, r.status_code, r.text)
            if r.status_code >= 400:
                assert r.json()["code"], name
    assert any(s == 201 for s in statuses.values())


async def test_a_pdf_whose_font_maps_glyphs_to_no_character_is_stored_on_both_databases(user):
    """A PDF's ToUnicode map can send a glyph to a lone surrogate or a noncharacter. Such text is
    refused by the encoder (SQLite) or the server (PostgreSQL) if it reaches an insert; the
    engine hands out U+FFFD instead, as a resume and as a job posting."""
    from documents import pdf_with_mapped_glyph

    lines = [
        (72, 700, 14, b"Orla Z Quenby"),
        (72, 680, 10, b"Data engineer at Invented Analytics Ltd, Z Leeds, 2019 - 2024"),
        (72, 660, 10, b"SKILLS"),
        (72, 645, 10, b"Python, SQL, Spark, Z Airflow"),
    ]
    for bfchar in ("<5A> <D800>", "<5A> <DFFF>", "<5A> <FDD0>", "<5A> <DBFFDFFF>", "<5A> <0000>"):
        pdf = pdf_with_mapped_glyph(lines, bfchar)
        r = await user.upload(pdf, filename="orla.pdf")
        assert r.status_code == 201, (bfchar, r.text)
        text = (await user.get(f"/api/v1/resumes/{r.json()['resume_id']}/text")).json()["text"]
        assert text.startswith("Orla ") and "Quenby" in text
        assert all(not ("\ud800" <= c <= "\udfff" or c in "\x00\ufdd0\U0010ffff") for c in text), bfchar

        r = await user.post("/api/v1/jobs", files={"file": ("posting.pdf", pdf)})
        assert r.status_code == 201, (bfchar, r.text)
