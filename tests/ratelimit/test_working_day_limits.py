"""Limits for real use: defaults that let a day's work through, requests refused for bad input
or by the limiter itself cost nothing, a 429 says when to retry, limits per role."""

from __future__ import annotations

import pytest
from limits import parse

from resumeiq.config import Settings
from resumeiq.errors import RateLimited
from resumeiq.ratelimit.limiter import LimitKind, RateLimiter, storage_for


def test_the_defaults_fit_a_working_day(tmp_path):
    s = Settings(data_dir=tmp_path)
    assert (s.rate_limit_upload, s.rate_limit_analysis, s.rate_limit_analysis_burst) == (
        "300/hour",
        "60/hour",
        "10/minute",
    )
    assert s.rate_limit_analysis_block_seconds == 0 and s.rate_limit_screening_files == "3000/day"


@pytest.mark.parametrize(
    "bad", [{"rate_limits_by_role": {"king": {"upload": "1/minute"}}}, {"rate_limits_by_role": {"recruiter": {"x": "1/minute"}}},
            {"rate_limits_by_role": {"recruiter": {"upload": "often"}}}, {"rate_limit_analysis_burst": "lots"}],
)  # fmt: skip
def test_bad_limit_settings_are_refused(tmp_path, bad):
    with pytest.raises(ValueError):
        Settings(data_dir=tmp_path, **bad)


async def test_refusals_by_the_limiter_do_not_count(clock):
    lim = RateLimiter(storage_for(None, key_prefix="t"), upload=parse("2/minute"), analysis=parse("1/minute"),
                      analysis_block_seconds=0)  # fmt: skip
    await lim.hit(LimitKind.UPLOAD, "u")
    clock.advance(1)
    await lim.hit(LimitKind.UPLOAD, "u")
    for _ in range(5):  # a client hammering while refused
        clock.advance(5)
        with pytest.raises(RateLimited):
            await lim.hit(LimitKind.UPLOAD, "u")
    clock.advance(34.5)  # t=60.5: the first accepted request has left the window: room for exactly one
    await lim.hit(LimitKind.UPLOAD, "u")
    with pytest.raises(RateLimited) as refused:
        await lim.hit(LimitKind.UPLOAD, "u")
    assert refused.value.retry_after == 1  # when the second accepted one leaves the window


async def test_twenty_uploads_and_a_bad_one_pass_with_the_defaults(start_api, make_settings, resume_text):
    async with start_api(make_settings()) as api:
        recruiter = await api.register(role="recruiter")
        for i in range(25):
            r = await recruiter.upload(resume_text + f"\n{i}".encode(), filename=f"cv-{i}.txt")
            assert r.status_code == 201, (i, r.text)
        assert (await recruiter.upload(b"", filename="empty.txt")).status_code == 422


async def test_bad_input_costs_nothing(start_api, make_settings, resume_text):
    async with start_api(make_settings(rate_limit_upload="2/minute", rate_limit_analysis="2/minute")) as api:
        ada = await api.register()
        for bad in (b"", b"%PDF-1.7\n1 0 obj\n<<"):  # empty, corrupt: 422 each
            assert (await ada.upload(bad, filename="x.pdf")).status_code == 422
        rid = (await ada.upload(resume_text)).json()["resume_id"]
        assert (
            await ada.upload(resume_text + b"\nv2")
        ).status_code == 201  # still room: refusals did not count
        r = await ada.upload(resume_text + b"\nv3")
        assert r.status_code == 429 and int(r.headers["Retry-After"]) in range(1, 61)

        url = f"/api/v1/analysis/resumes/{rid}/analyze"
        for _ in range(3):
            assert (await ada.post(url, json={"industry": "no-such-industry"})).status_code == 422
        assert (await ada.post(url, json={"industry": "general"})).status_code == 202
        assert (await ada.post(url, json={"industry": "general"})).status_code == 202
        r = await ada.post(url, json={"industry": "general"})
        assert r.status_code == 429 and r.json()["code"] == "rate_limited" and r.headers["Retry-After"]


async def test_the_analysis_burst_and_its_retry_after(start_api, make_settings, resume_text, clock):
    settings = make_settings(rate_limit_analysis="60/hour", rate_limit_analysis_burst="3/minute")
    async with start_api(settings) as api:
        ada = await api.register()
        rid = (await ada.upload(resume_text)).json()["resume_id"]
        url = f"/api/v1/analysis/resumes/{rid}/analyze"
        for _ in range(3):
            assert (await ada.post(url, json={"industry": "general"})).status_code == 202
        clock.advance(20)
        r = await ada.post(url, json={"industry": "general"})
        assert r.status_code == 429 and r.headers["Retry-After"] == "40"
        clock.advance(41)
        assert (await ada.post(url, json={"industry": "general"})).status_code == 202


async def test_limits_per_role(start_api, make_settings, resume_text, clock):
    settings = make_settings(
        rate_limits_by_role={"recruiter": {"upload": "1/minute"}}, rate_limit_upload="3/minute"
    )
    async with start_api(settings) as api:
        recruiter, seeker = await api.register(role="recruiter"), await api.register()
        assert (await recruiter.upload(resume_text)).status_code == 201
        assert (await recruiter.upload(resume_text + b"\n2")).status_code == 429
        for i in range(3):
            assert (await seeker.upload(resume_text + f"\n{i}".encode())).status_code == 201


async def test_screenings_count_their_files_per_day(start_api, make_settings, resume_text, job_text, clock):
    async with start_api(make_settings(rate_limit_screening_files="3/day")) as api:
        recruiter = await api.register(role="recruiter")
        job_id = (await recruiter.post("/api/v1/jobs", json={"text": job_text})).json()["id"]
        files = [("files", (f"{i}.txt", resume_text + str(i).encode())) for i in range(3)]
        r = await recruiter.post("/api/v1/screenings", data={"job_id": job_id}, files=files)
        assert r.status_code == 202, r.text
        r = await recruiter.post("/api/v1/screenings", data={"job_id": job_id}, files=files[:1])
        assert r.status_code == 429 and "screened resumes" in r.json()["detail"]
        assert int(r.headers["Retry-After"]) > 3600
