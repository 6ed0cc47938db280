"""Screenings end to end: upload many resumes for a job, watch progress, read the ranked results
(keyset pages, categories, blind mode), export CSV; failed items keep their reason, duplicates
are flagged, another user's screening is a 404."""

from __future__ import annotations

import csv
import io
import uuid

import pytest

from screening.screenings import (
    JAVA_RESUME,
    NURSE_RESUME,
    create_job,
    start_screening,
    wait_for_screening,
)


@pytest.fixture
def user(recruiter):
    """Screening and candidate e-mail are for recruiters: this module's user is one."""
    return recruiter


@pytest.fixture
def settings(make_settings):
    return make_settings(rate_limit_upload="10000/minute")


def stored_files(settings):
    root = settings.data_dir / "files"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def temp_files(settings):
    root = settings.data_dir / "tmp"
    return [p for p in root.iterdir() if p.is_file()] if root.exists() else []


async def screened(user, resume_text, job_text, blind=None):
    """A finished screening: Ada (uploaded), a nurse, a corrupt PDF, Ada again, and Grace (stored
    resume); returns (screening id, status)."""
    job_id = await create_job(user, job_text)
    r = await user.upload(JAVA_RESUME, filename="grace.txt")
    assert r.status_code == 201, r.text
    grace = r.json()["resume_id"]
    files = [
        ("ada.txt", resume_text),
        ("florence.txt", NURSE_RESUME),
        ("broken.pdf", b"%PDF-1.7\n1 0 obj\n<<"),
        ("ada-again.txt", resume_text),
    ]
    r = await start_screening(user, job_id, files=files, resume_ids=[grace], blind=blind)
    assert r.status_code == 202, r.text
    accepted = r.json()
    assert accepted["total"] == 5 and accepted["duplicates"] == 1 and accepted["failed"] == 0
    assert accepted["status_url"] == f"/api/v1/screenings/{accepted['screening_id']}"
    return accepted["screening_id"], await wait_for_screening(user, accepted["screening_id"])


async def test_screening_ranks_counts_and_explains(user, resume_text, job_text):
    sid, status = await screened(user, resume_text, job_text)
    assert status["total"] == 5 and status["processed"] == 5 and status["pending"] == 0
    assert (status["completed"], status["failed"], status["duplicates"]) == (3, 1, 1)
    assert sum(status["counts"].values()) == 3
    assert status["job_title"] == "Senior Python Engineer" and status["completed_at"]

    results = (await user.get(f"/api/v1/screenings/{sid}/results")).json()
    assert results["total"] == 3 and results["next_cursor"] is None
    items = results["items"]
    assert [i["rank"] for i in items] == [1, 2, 3]
    assert [i["score"] for i in items] == sorted((i["score"] for i in items), reverse=True)
    top = items[0]
    assert top["candidate"]["name"] == "Ada Lovelace" and top["filename"] == "ada.txt"
    assert top["candidate"]["email"] == "ada@example.com"
    assert "Python" in top["matched_required"] and top["explanation"]
    assert items[-1]["candidate"]["name"] == "Florence Nightingale"
    assert items[-1]["category"] == "rejected" and "Python" in items[-1]["missing_required"]
    assert next(i for i in items if i["position"] == 5)["resume_id"] is not None
    by_category = {}
    for i in items:
        by_category[i["category"]] = by_category.get(i["category"], 0) + 1
    assert {k: v for k, v in status["counts"].items() if v} == by_category

    failed = (await user.get(f"/api/v1/screenings/{sid}/results", params={"status": "failed"})).json()
    assert failed["total"] == 1
    broken = failed["items"][0]
    assert broken["filename"] == "broken.pdf" and broken["status"] == "failed"
    assert broken["score"] is None and broken["category"] is None and broken["rank"] is None
    assert broken["error"].startswith("corrupt_file:")

    dups = (await user.get(f"/api/v1/screenings/{sid}/results", params={"status": "duplicate"})).json()
    assert dups["total"] == 1
    dup = dups["items"][0]
    assert dup["filename"] == "ada-again.txt" and dup["score"] is None
    assert dup["duplicate_of"]["position"] == 1 and dup["duplicate_of"]["item_id"] == top["item_id"]

    rejected = (await user.get(f"/api/v1/screenings/{sid}/results", params={"category": "rejected"})).json()
    assert rejected["total"] >= 1 and {i["category"] for i in rejected["items"]} == {"rejected"}
    everything = (await user.get(f"/api/v1/screenings/{sid}/results", params={"status": "all"})).json()
    assert everything["total"] == 5 and [i["rank"] for i in everything["items"]][:3] == [1, 2, 3]

    listed = (await user.get("/api/v1/screenings")).json()
    assert listed["total"] == 1 and listed["items"][0]["status"] == "completed"
    assert listed["items"][0]["processed"] == 5


async def test_results_pages_with_a_keyset_cursor(user, resume_text, job_text):
    sid, _ = await screened(user, resume_text, job_text)
    whole = (await user.get(f"/api/v1/screenings/{sid}/results", params={"status": "all"})).json()["items"]
    seen, cursor = [], None
    while True:
        params = {"status": "all", "limit": 2} | ({"cursor": cursor} if cursor else {})
        page = (await user.get(f"/api/v1/screenings/{sid}/results", params=params)).json()
        assert page["total"] == 5
        seen += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert [i["item_id"] for i in seen] == [i["item_id"] for i in whole]
    assert [i["rank"] for i in seen] == [i["rank"] for i in whole]
    for bad in ("nonsense", "W10", "!!"):
        r = await user.get(f"/api/v1/screenings/{sid}/results", params={"cursor": bad})
        assert r.status_code == 422 and r.json()["code"] == "invalid_input", bad
    r = await user.get(f"/api/v1/screenings/{sid}/results", params={"category": "maybe"})
    assert r.status_code == 422


async def test_export_csv_lists_every_item_with_rank_or_reason(user, resume_text, job_text):
    sid, _ = await screened(user, resume_text, job_text)
    r = await user.get(f"/api/v1/screenings/{sid}/export.csv")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 5
    assert [row["Rank"] for row in rows[:3]] == ["1", "2", "3"]
    assert rows[0]["Name"] == "Ada Lovelace" and rows[0]["E-mail"] == "ada@example.com"
    assert "Python" in rows[0]["Matched required"].split("; ")
    assert float(rows[0]["Years of experience"]) > 5 and rows[0]["Explanation"]
    by_file = {row["File"]: row for row in rows}
    assert by_file["broken.pdf"]["Category"] == "failed" and by_file["broken.pdf"]["Score"] == ""
    assert by_file["broken.pdf"]["Error"].startswith("corrupt_file:")
    assert by_file["ada-again.txt"]["Category"] == "duplicate"
    assert by_file["ada-again.txt"]["Duplicate of"] == f"Ada Lovelace (#{rows[0]['Rank']})"
    same = await user.get(f"/api/v1/screenings/{sid}/results", params={"format": "csv"})
    assert same.status_code == 200 and same.text == r.text


async def test_results_export_as_xlsx_with_the_csv_columns(user, resume_text, job_text):
    from openpyxl import load_workbook

    sid, _ = await screened(user, resume_text, job_text)
    r = await user.get(f"/api/v1/screenings/{sid}/results", params={"format": "xlsx"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert f'filename="screening-{sid}.xlsx"' in r.headers["content-disposition"]
    rows = [[c.value for c in row] for row in load_workbook(io.BytesIO(r.content)).active.iter_rows()]
    header = next(csv.reader(io.StringIO((await user.get(f"/api/v1/screenings/{sid}/export.csv")).text)))
    assert rows[0] == header and len(rows) == 6
    first = dict(zip(header, rows[1], strict=True))
    assert first["Rank"] == 1 and first["Name"] == "Ada Lovelace" and isinstance(first["Score"], int)
    selected = await user.get(f"/api/v1/screenings/{sid}/results", params={"format": "xlsx", "category": "rejected"})
    kept = [[c.value for c in row] for row in load_workbook(io.BytesIO(selected.content)).active.iter_rows()]
    assert all(dict(zip(header, row, strict=True))["Category"] == "rejected" for row in kept[1:])
    other = await user.api.register(role="recruiter")
    assert (await other.get(f"/api/v1/screenings/{sid}/results", params={"format": "xlsx"})).status_code == 404


async def test_blind_screening_hides_who_candidates_are(user, resume_text, job_text):
    sid, status = await screened(user, resume_text, job_text, blind=True)
    assert status["blind"] is True
    r = await user.get(f"/api/v1/screenings/{sid}/results", params={"status": "all"})
    body = r.json()
    assert body["blind"] is True
    for item in body["items"]:
        assert item["candidate"] is None and item["filename"] is None and item["resume_id"] is None
        assert item["label"] == f"Candidate {item['position']}"
    csv_text = (await user.get(f"/api/v1/screenings/{sid}/export.csv")).text
    for text in (r.text, csv_text):
        for secret in (
            "Ada",
            "Lovelace",
            "ada@example.com",
            "7946",
            "Florence",
            "grace@example.net",
            "ada.txt",
        ):
            assert secret not in text, secret
    header = next(csv.reader(io.StringIO(csv_text)))
    assert not {"E-mail", "Phone", "Location", "File"} & set(header)
    # The ranking does not depend on it.
    sid2, _ = await screened(user, resume_text, job_text, blind=False)
    blind_scores = [i["score"] for i in body["items"]]
    open_scores = [
        i["score"]
        for i in (await user.get(f"/api/v1/screenings/{sid2}/results", params={"status": "all"})).json()[
            "items"
        ]
    ]
    assert blind_scores == open_scores


async def test_another_users_screening_job_and_resumes_are_404(api, user, resume_text, job_text, settings):
    sid, _ = await screened(user, resume_text, job_text)
    my_resume = (await user.get("/api/v1/resumes")).json()["items"][0]["resume_id"]
    other = await api.register(role="recruiter")
    for method, url in [
        ("GET", f"/api/v1/screenings/{sid}"),
        ("GET", f"/api/v1/screenings/{sid}/results"),
        ("GET", f"/api/v1/screenings/{sid}/export.csv"),
        ("DELETE", f"/api/v1/screenings/{sid}"),
        ("GET", f"/api/v1/screenings/{uuid.uuid4()}"),
    ]:
        r = await other.request(method, url)
        assert r.status_code == 404 and r.json()["code"] == "not_found", url
        assert "Ada" not in r.text
    assert (await other.get("/api/v1/screenings")).json()["total"] == 0

    my_job = (await user.get("/api/v1/jobs")).json()["items"][0]["id"]
    files_before = stored_files(settings)
    r = await start_screening(other, my_job, files=[("cv.txt", JAVA_RESUME + b"\nextra")])
    assert r.status_code == 404
    their_job = await create_job(other, job_text)
    r = await start_screening(
        other, their_job, files=[("cv.txt", JAVA_RESUME + b"\nextra")], resume_ids=[my_resume]
    )
    assert r.status_code == 404 and r.json()["code"] == "not_found"
    assert stored_files(settings) == files_before and temp_files(settings) == []
    assert (await other.get("/api/v1/screenings")).json()["total"] == 0


async def test_bad_requests_are_problems_and_leave_nothing(user, job_text, resume_text, settings):
    job_id = await create_job(user, job_text)
    cases = [
        ({"data": {"job_id": "nope"}, "files": [("files", ("a.txt", resume_text))]}, 422, "invalid_input"),
        ({"data": {}, "files": [("files", ("a.txt", resume_text))]}, 422, "invalid_input"),
        (
            {"data": {"job_id": job_id, "blind": "maybe"}, "files": [("files", ("a.txt", resume_text))]},
            422,
            "invalid_input",
        ),
        ({"data": {"job_id": job_id}, "files": [("resume", ("a.txt", resume_text))]}, 422, "invalid_upload"),
        ({"json": {"job_id": job_id}}, 422, "invalid_input"),
        ({"json": {"job_id": job_id, "resume_ids": ["x"]}}, 422, "validation_error"),
        ({"content": b"job_id", "headers": {"content-type": "text/plain"}}, 415, "unsupported_media_type"),
    ]
    for kwargs, status, code in cases:
        r = await user.post("/api/v1/screenings", **kwargs)
        assert r.status_code == status and r.json()["code"] == code, (kwargs, r.text)
    assert (await user.get("/api/v1/screenings")).json()["total"] == 0
    assert stored_files(settings) == [] and temp_files(settings) == []


async def test_limits_on_files_per_screening_and_bytes_per_file(
    start_api, make_settings, resume_text, job_text
):
    settings = make_settings(screening_max_files=2, upload_max_bytes=4096, rate_limit_upload="1000/minute")
    async with start_api(settings) as api:
        user = await api.register(role="recruiter")
        job_id = await create_job(user, job_text)
        three = [(f"{i}.txt", resume_text + str(i).encode()) for i in range(3)]
        r = await start_screening(user, job_id, files=three)
        assert r.status_code == 413 and r.json()["code"] == "too_large"
        assert stored_files(settings) == [] and temp_files(settings) == []

        big = b"Ada Lovelace\nPython\n" + b"x" * 5000
        r = await start_screening(user, job_id, files=[("big.txt", big), ("ada.txt", resume_text)])
        assert r.status_code == 202, r.text
        assert r.json()["failed"] == 1
        status = await wait_for_screening(user, r.json()["screening_id"])
        assert (status["completed"], status["failed"]) == (1, 1)
        failed = (
            await user.get(
                f"/api/v1/screenings/{status['screening_id']}/results", params={"status": "failed"}
            )
        ).json()["items"]
        assert failed[0]["filename"] == "big.txt" and failed[0]["error"].startswith("too_large:")
        assert len(stored_files(settings)) == 1 and temp_files(settings) == []


async def test_deleting_a_screening_keeps_the_pool_and_its_files(user, resume_text, job_text, settings):
    """Screened files are resumes of their candidates (the pool): a screening going does not take
    them; deleting the candidate does."""
    job_id = await create_job(user, job_text)
    r = await user.upload(resume_text)  # the same bytes as ada.txt below: one stored file, two users of it
    resume_id = r.json()["resume_id"]
    r = await start_screening(user, job_id, files=[("ada.txt", resume_text), ("florence.txt", NURSE_RESUME)])
    sid = r.json()["screening_id"]
    await wait_for_screening(user, sid)
    assert len(stored_files(settings)) == 2
    items = (await user.get(f"/api/v1/screenings/{sid}/results")).json()["items"]
    assert next(i for i in items if i["filename"] == "ada.txt")["resume_id"] == resume_id  # no second copy
    assert (await user.delete(f"/api/v1/screenings/{sid}")).status_code == 204
    assert (await user.get(f"/api/v1/screenings/{sid}")).status_code == 404
    assert len(stored_files(settings)) == 2
    assert (await user.get(f"/api/v1/resumes/{resume_id}/file")).status_code == 200
    for candidate in (await user.get("/api/v1/candidates")).json()["items"]:
        assert (await user.delete(f"/api/v1/candidates/{candidate['candidate_id']}")).status_code == 204
    assert stored_files(settings) == []


async def test_deleting_the_job_deletes_its_screenings_not_the_pool(user, resume_text, job_text, settings):
    job_id = await create_job(user, job_text)
    r = await start_screening(user, job_id, files=[("ada.txt", resume_text)])
    sid = r.json()["screening_id"]
    await wait_for_screening(user, sid)
    assert len(stored_files(settings)) == 1
    assert (await user.delete(f"/api/v1/jobs/{job_id}")).status_code == 204
    assert (await user.get(f"/api/v1/screenings/{sid}")).status_code == 404
    assert len(stored_files(settings)) == 1
    (resume,) = (await user.get("/api/v1/resumes")).json()["items"]
    assert resume["filename"] == "ada.txt"


async def test_resume_ids_only_as_json(user, resume_text, job_text):
    job_id = await create_job(user, job_text)
    ids = [(await user.upload(content)).json()["resume_id"] for content in (resume_text, NURSE_RESUME)]
    r = await start_screening(user, job_id, resume_ids=ids + ids[:1])
    assert r.status_code == 202, r.text
    assert r.json()["total"] == 2  # a resume id given twice is screened once
    status = await wait_for_screening(user, r.json()["screening_id"])
    assert status["completed"] == 2


async def test_stats_include_screened_resumes(user, resume_text, job_text):
    _, status = await screened(user, resume_text, job_text)
    stats = (await user.get("/api/v1/stats")).json()
    assert stats["counts"]["screenings"] == 1 and stats["counts"]["screening_items"] == 5
    assert stats["screenings"]["items_by_status"] == {"completed": 3, "failed": 1, "duplicate": 1}
    assert stats["screenings"]["score"]["count"] == 3
    assert stats["screenings"]["categories"] == status["counts"] == stats["categories"]


async def test_unreadable_uploads_are_failed_items_never_a_500(user, job_text):
    import os
    import random

    rng = random.Random(99)
    files = [
        (f"random-{i}{ext}", rng.randbytes(rng.randint(1, 4000)))
        for i, ext in enumerate([".pdf", ".docx", ".txt"])
    ]
    files += [("zip.docx", b"PK\x03\x04" + os.urandom(300)), ("empty.txt", b""), ("nul.txt", b"\x00" * 300)]
    job_id = await create_job(user, job_text)
    r = await start_screening(user, job_id, files=files)
    assert r.status_code == 202, r.text
    status = await wait_for_screening(user, r.json()["screening_id"])
    assert status["processed"] == len(files)
    items = (
        await user.get(f"/api/v1/screenings/{status['screening_id']}/results", params={"status": "all"})
    ).json()
    for item in items["items"]:
        if item["status"] == "failed":
            assert item["score"] is None and item["error"] and ":" in item["error"], item
        else:
            assert item["status"] == "completed" and item["score"] is not None, item
    assert (await user.get(f"/api/v1/screenings/{status['screening_id']}/export.csv")).status_code == 200


def screening_body(job_id: str, files: list[tuple[str, bytes]]) -> tuple[bytes, dict[str, str]]:
    """A multipart screening request written out by hand, so that its size is known exactly."""
    boundary = "resumeiqscreeningboundary"
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="job_id"\r\n\r\n{job_id}\r\n'.encode()]
    for name, content in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
            f"Content-Type: text/plain\r\n\r\n".encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def streamed(body: bytes, chunk: int, consumed: list[int]):
    """``body`` as a stream without a Content-Length, counting what the server has read."""

    async def stream():
        for start in range(0, len(body), chunk):
            consumed[0] = start + chunk
            yield body[start : start + chunk]

    return stream()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_a_screenings_whole_upload_is_held_to_resumeiq_screening_max_bytes(
    start_api, make_settings, monkeypatch, resume_text, job_text
):
    """The limit is on the whole body, however it is split into files (each here is far under the
    per-file limit): declared too long, refused before reading; streamed without a length,
    refused as soon as it goes over; exactly at the limit, accepted."""
    files = [(f"{i}.txt", resume_text + f"\nReference number {i}\n".encode()) for i in range(4)]
    job_placeholder = str(uuid.uuid4())  # same length as the real job id
    size = len(screening_body(job_placeholder, files)[0])
    monkeypatch.setenv("RESUMEIQ_SCREENING_MAX_BYTES", str(size - 1))
    settings = make_settings(rate_limit_upload="10000/minute")
    assert settings.screening_max_bytes == size - 1 and settings.upload_max_bytes > 100 * len(resume_text)
    async with start_api(settings) as api:
        user = await api.register(role="recruiter")
        job_id = await create_job(user, job_text)
        body, headers = screening_body(job_id, files)
        assert len(body) == size

        r = await user.post("/api/v1/screenings", content=body, headers=headers)  # with Content-Length
        assert r.status_code == 413 and r.json()["code"] == "too_large", r.text

        consumed = [0]
        r = await user.post("/api/v1/screenings", content=streamed(body, 1024, consumed), headers=headers)
        assert r.status_code == 413 and r.json()["code"] == "too_large", r.text
        assert consumed[0] >= size - 1  # it read up to the limit, then stopped
        assert (await user.get("/api/v1/screenings")).json()["total"] == 0
        assert stored_files(settings) == [] and temp_files(settings) == []

    monkeypatch.setenv("RESUMEIQ_SCREENING_MAX_BYTES", str(size))
    settings = make_settings(rate_limit_upload="10000/minute")
    async with start_api(settings) as api:
        user = await api.register(role="recruiter")
        job_id = await create_job(user, job_text)
        body, headers = screening_body(job_id, files)
        r = await user.post("/api/v1/screenings", content=body, headers=headers)
        assert r.status_code == 202, r.text
        r = await user.post("/api/v1/screenings", content=streamed(body, 1024, [0]), headers=headers)
        assert r.status_code == 202, r.text
        assert r.json()["total"] == 4


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_a_streamed_screening_is_cut_off_soon_after_the_limit(start_api, make_settings, monkeypatch, job_text):
    monkeypatch.setenv("RESUMEIQ_SCREENING_MAX_BYTES", "200000")
    settings = make_settings(rate_limit_upload="10000/minute")
    async with start_api(settings) as api:
        user = await api.register(role="recruiter")
        job_id = await create_job(user, job_text)
        files = [(f"{i}.txt", b"Python developer\n" + b"x" * 99_000) for i in range(50)]  # 5 MB in all
        body, headers = screening_body(job_id, files)
        consumed = [0]
        r = await user.post("/api/v1/screenings", content=streamed(body, 16_384, consumed), headers=headers)
        assert r.status_code == 413 and r.json()["code"] == "too_large"
        assert consumed[0] <= 200_000 + 2 * 16_384  # far before the 5 MB the client had to send
        assert stored_files(settings) == [] and temp_files(settings) == []


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_a_screening_for_a_job_not_yours_is_refused_before_its_files_are_read(
    start_api, make_settings, monkeypatch, job_text
):
    """The job is checked as soon as the body reaches its first file, before anything is written:
    a 404 for another user's job or an unknown one, a 422 for a job_id sent after the files;
    the client has sent a small part of the body then, and no temp file was ever opened."""
    from resumeiq.storage import LocalFileStorage

    opened = []
    new_temp_path = LocalFileStorage.new_temp_path
    monkeypatch.setattr(LocalFileStorage, "new_temp_path", lambda self: opened.append(1) or new_temp_path(self))
    settings = make_settings(rate_limit_upload="10000/minute")
    async with start_api(settings) as api:
        owner, other = await api.register(role="recruiter"), await api.register(role="recruiter")
        theirs = await create_job(owner, job_text)
        files = [(f"{i}.txt", b"Python developer\n" + b"x" * 99_000) for i in range(50)]  # 5 MB in all
        for job_id, status, code in ((theirs, 404, "not_found"), (str(uuid.uuid4()), 404, "not_found")):
            body, headers = screening_body(job_id, files)
            consumed = [0]
            r = await other.post("/api/v1/screenings", content=streamed(body, 16_384, consumed), headers=headers)
            assert (r.status_code, r.json()["code"]) == (status, code), r.text
            assert consumed[0] <= 4 * 16_384  # of 5 MB
        assert opened == [] and temp_files(settings) == []

        boundary = "resumeiqscreeningboundary"
        body, headers = screening_body(theirs, files[:20])
        late_job = f'--{boundary}\r\nContent-Disposition: form-data; name="job_id"\r\n\r\n{theirs}\r\n'.encode()
        first_part = body.index(b"--" + boundary.encode(), 10)  # the job_id part comes first: move it last
        reordered = body[first_part:-len(f"--{boundary}--\r\n")] + late_job + f"--{boundary}--\r\n".encode()
        consumed = [0]
        r = await owner.post("/api/v1/screenings", content=streamed(reordered, 16_384, consumed), headers=headers)
        assert r.status_code == 422 and r.json()["code"] == "invalid_input", r.text
        assert "job_id" in r.json()["detail"] and consumed[0] <= 4 * 16_384
        assert opened == [] and temp_files(settings) == []

        body, headers = screening_body(theirs, files[:3])  # the owner's own: accepted, files written
        r = await owner.post("/api/v1/screenings", content=streamed(body, 16_384, [0]), headers=headers)
        assert r.status_code == 202, r.text
        assert len(opened) == 3
