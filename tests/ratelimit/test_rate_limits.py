"""Per-user rate limits: 429 with Retry-After, the analysis block, memory and Redis storage."""

from __future__ import annotations

import asyncio
import secrets

import pytest
from limits import parse

from resumeiq.errors import RateLimited
from resumeiq.ratelimit.limiter import LimitKind, RateLimiter, storage_for


def limiter(storage, upload="3/minute", analysis="2/5 minutes", block=600) -> RateLimiter:
    return RateLimiter(storage, upload=parse(upload), analysis=parse(analysis), analysis_block_seconds=block)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_upload_limit_is_per_user_with_retry_after(start_api, make_settings, resume_text):
    async with start_api(make_settings(rate_limit_upload="2/minute")) as api:
        ada, bob = await api.register(), await api.register()
        assert (await ada.upload(resume_text)).status_code == 201
        assert (await ada.upload(resume_text)).status_code == 201
        r = await ada.upload(resume_text)
        assert r.status_code == 429
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["code"] == "rate_limited"
        assert 1 <= int(r.headers["retry-after"]) <= 60
        assert (await bob.upload(resume_text)).status_code == 201


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_analysis_limit_then_blocked(start_api, make_settings, resume_text):
    settings = make_settings(rate_limit_analysis="2/5 minutes", rate_limit_analysis_block_seconds=600)
    async with start_api(settings) as api:
        ada = await api.register()
        rid = (await ada.upload(resume_text)).json()["resume_id"]
        url = f"/api/v1/analysis/resumes/{rid}/analyze"
        assert (await ada.post(url, json={"industry": "general"})).status_code == 202
        assert (await ada.post(url, json={"industry": "general"})).status_code == 202
        r = await ada.post(url, json={"industry": "general"})
        assert r.status_code == 429 and r.headers["retry-after"] == "600"
        r = await ada.post(url, json={"industry": "general"})
        assert r.status_code == 429 and 590 <= int(r.headers["retry-after"]) <= 600
        assert (await ada.get("/api/v1/analysis/analyses")).json()["total"] == 2


async def test_block_holds_then_expires():
    lim = limiter(storage_for(None, key_prefix="t"), analysis="1/second", block=1)
    await lim.hit(LimitKind.ANALYSIS, "u")
    with pytest.raises(RateLimited) as over:
        await lim.hit(LimitKind.ANALYSIS, "u")
    assert over.value.retry_after == 1
    with pytest.raises(RateLimited, match="blocked"):
        await lim.hit(LimitKind.ANALYSIS, "u")
    await lim.hit(LimitKind.ANALYSIS, "other-user")
    await asyncio.sleep(1.05)
    await lim.hit(LimitKind.ANALYSIS, "u")


@pytest.mark.redis
async def test_redis_storage_is_shared_between_processes(redis_url):
    prefix = f"resumeiq-test-{secrets.token_hex(4)}"
    first = limiter(storage_for(redis_url, key_prefix=prefix), upload="3/minute")
    second = limiter(storage_for(redis_url, key_prefix=prefix), upload="3/minute")
    try:
        await first.hit(LimitKind.UPLOAD, "u")
        await second.hit(LimitKind.UPLOAD, "u")
        await first.hit(LimitKind.UPLOAD, "u")
        with pytest.raises(RateLimited) as exc:
            await second.hit(LimitKind.UPLOAD, "u")
        assert 1 <= exc.value.retry_after <= 60
        await second.hit(LimitKind.UPLOAD, "someone-else")

        await first.hit(LimitKind.ANALYSIS, "u")
        await first.hit(LimitKind.ANALYSIS, "u")
        with pytest.raises(RateLimited):
            await first.hit(LimitKind.ANALYSIS, "u")
        with pytest.raises(RateLimited) as blocked:  # the block set by one process holds in the other
            await second.hit(LimitKind.ANALYSIS, "u")
        assert 590 <= blocked.value.retry_after <= 600
    finally:
        await first.reset()


@pytest.mark.redis
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_api_uses_redis_when_configured(start_api, make_settings, redis_url, resume_text):
    prefix = f"resumeiq-test-{secrets.token_hex(4)}"
    settings = make_settings(redis_url=redis_url, rate_limit_key_prefix=prefix, rate_limit_upload="1/minute")
    async with start_api(settings) as api:
        ada = await api.register()
        assert (await ada.upload(resume_text)).status_code == 201
        assert (await ada.upload(resume_text)).status_code == 429
        import redis

        client = redis.Redis.from_url(redis_url)
        assert client.keys(f"{prefix}*")
        await api.app.state.rate_limiter.reset()
        client.close()


async def test_storage_failure_lets_requests_through(caplog):
    lim = limiter(storage_for("redis://127.0.0.1:1", key_prefix="x"), upload="1/minute")
    await lim.hit(LimitKind.UPLOAD, "u")
    await lim.hit(LimitKind.UPLOAD, "u")
    assert "letting the request through" in caplog.text
