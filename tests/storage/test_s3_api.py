"""The service with RESUMEIQ_STORAGE_URL=s3://bucket/prefix, against a real S3-compatible server
on loopback: uploads land in the bucket (content-addressed, once), the engine reads them back
(reviews, matches, screenings, tailoring), downloads come from it, deletes remove the object only
when nothing uses it, and no local copy is left behind."""

from __future__ import annotations

import secrets

import pytest

from accounts.everything import JOB, OWN_RESUME, SHARED_RESUME, poll


@pytest.fixture
def bucket(s3_server):
    return s3_server.new_bucket()


@pytest.fixture
def settings(make_settings, s3_server, bucket):
    return make_settings(
        rate_limit_upload="1000/minute", rate_limit_analysis="1000/minute", **s3_server.settings(bucket)
    )


@pytest.fixture
async def user(api):
    """A recruiter: these tests screen files."""
    return await api.register(role="recruiter")


async def test_files_live_in_the_bucket(api, user, settings, s3_server, bucket):
    r = await user.upload(OWN_RESUME, "own.txt")
    assert r.status_code == 201, r.text
    first = r.json()["resume_id"]
    again = (await user.upload(OWN_RESUME, "same.txt")).json()["resume_id"]
    objects = s3_server.objects(bucket)
    assert len(objects) == 1 and objects[0].startswith("files/sha256/")  # one object for both
    assert not (settings.data_dir / "files").exists() or not any((settings.data_dir / "files").rglob("*"))

    r = await user.get(f"/api/v1/resumes/{first}/file")
    assert r.status_code == 200 and r.content == OWN_RESUME
    assert r.headers["content-disposition"] == 'attachment; filename="own.txt"'
    assert r.headers["x-content-type-options"] == "nosniff"

    # The engine reads the bucket's copy: a review, a job match, top matches, a tailoring.
    r = await user.post(f"/api/v1/analysis/resumes/{first}/analyze", json={"industry": "data_science"})
    review = r.json()["analysis_id"]
    job_id = (await user.post("/api/v1/jobs", json={"text": JOB})).json()["id"]
    match = (await user.post("/api/v1/matches", json={"resume_id": first, "job_id": job_id})).json()["analysis_id"]
    for path in (f"/api/v1/analysis/analysis/{review}/status", f"/api/v1/matches/{match}"):
        done = await poll(lambda path=path: user.get(path), lambda r: r.json()["status"] in ("completed", "failed"))
        assert done.json()["status"] == "completed", done.json()
    r = await user.get(f"/api/v1/resumes/{first}/top-matches")
    assert r.status_code == 200 and r.json()["items"][0]["job_id"] == job_id, r.text
    r = await user.post("/api/v1/tailorings/preview", json={"resume_id": first, "job_id": job_id})
    assert r.status_code == 201, r.text

    # A screening's files go to the bucket too, and are scored from it.
    r = await user.post(
        "/api/v1/screenings", data={"job_id": job_id}, files=[("files", ("s.txt", SHARED_RESUME))]
    )
    sid = r.json()["id"]
    await poll(lambda: user.get(f"/api/v1/screenings/{sid}"), lambda r: r.json()["status"] == "completed")
    (item,) = (await user.get(f"/api/v1/screenings/{sid}/results")).json()["items"]
    assert item["status"] == "completed" and item["score"] is not None, item
    assert len(s3_server.objects(bucket)) == 2

    # A recruiter's second upload of the same file is the same resume; deleting it removes its
    # object. The screened file is kept as its person's resume (the pool): deleting the screening
    # keeps it, deleting that resume removes the last object.
    assert again == first
    assert (await user.delete(f"/api/v1/resumes/{first}")).status_code == 204
    assert len(s3_server.objects(bucket)) == 1
    assert (await user.delete(f"/api/v1/screenings/{sid}")).status_code == 204
    assert len(s3_server.objects(bucket)) == 1
    assert (await user.delete(f"/api/v1/resumes/{item['resume_id']}")).status_code == 204
    assert s3_server.objects(bucket) == []
    assert list((settings.data_dir / "tmp").iterdir()) == []  # no download left behind


async def test_an_object_gone_from_the_bucket_is_a_404_and_a_failed_review(api, user, s3_server, bucket):
    rid = (await user.upload(OWN_RESUME, "own.txt")).json()["resume_id"]
    client = s3_server.client()
    for key in s3_server.objects(bucket):
        client.delete_object(Bucket=bucket, Key=key)
    client.close()
    r = await user.get(f"/api/v1/resumes/{rid}/file")
    assert r.status_code == 404 and r.json()["code"] == "not_found"
    r = await user.post(f"/api/v1/analysis/resumes/{rid}/analyze", json={"industry": "general"})
    review = r.json()["analysis_id"]
    body = (
        await poll(
            lambda: user.get(f"/api/v1/analysis/analysis/{review}/status"),
            lambda r: r.json()["status"] in ("completed", "failed"),
        )
    ).json()
    assert body["status"] == "failed" and body["error"].startswith("file_missing"), body


async def test_ready_reports_the_bucket_and_start_up_can_create_it(start_api, make_settings, s3_server):
    missing = f"resumeiq-test-later-{secrets.token_hex(6)}"
    async with start_api(make_settings(**s3_server.settings(missing))) as api:
        r = await api.client.get("/ready")
        assert r.status_code == 503 and "file storage" in r.json()["detail"], r.text
    async with start_api(make_settings(**s3_server.settings(missing), s3_create_bucket=True)) as api:
        assert (await api.client.get("/ready")).status_code == 200
        user = await api.register(role="recruiter")
        assert (await user.upload(OWN_RESUME, "own.txt")).status_code == 201
    assert len(s3_server.objects(missing)) == 1
