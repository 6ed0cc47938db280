"""Per-user rate limits: 429 with Retry-After, the analysis block, memory and Redis storage.

The memory-storage tests run on a fake clock (``clock``, see ``tests/clock.py``), so that "the
block outlasts the window" is checked to the second without sleeping.
"""

from __future__ import annotations

import secrets

import pytest
from limits import parse

from resumeiq.errors import RateLimited
from resumeiq.ratelimit.limiter import LimitKind, RateLimiter, storage_for


def limiter(storage, upload="3/minute", analysis="2/5 minutes", block=600) -> RateLimiter:
    return RateLimiter(storage, upload=parse(upload), analysis=parse(analysis), analysis_block_seconds=block)


def memory_limiter(**kw) -> RateLimiter:
    return limiter(storage_for(None, key_prefix="t"), **kw)


async def refused(lim: RateLimiter, kind: LimitKind, user: str) -> RateLimited:
    with pytest.raises(RateLimited) as exc:
        await lim.hit(kind, user)
    return exc.value


# --------------------------------------------------------------------------- the analysis block


async def test_the_block_outlasts_the_limit_window(clock):
    """1 analysis per 10 s, a 60 s block: once over, the user waits the block out, not the window."""
    lim = memory_limiter(analysis="1/10 seconds", block=60)
    await lim.hit(LimitKind.ANALYSIS, "u")
    clock.advance(5)
    over = await refused(lim, LimitKind.ANALYSIS, "u")  # the offending request starts the block
    assert over.retry_after == 60  # the window alone would say 5
    assert str(over) == "Too many analysis requests (limit 1 per 10 second); blocked for 60 seconds."

    clock.advance(10)  # the window has passed: without the block this request would be accepted
    held = await refused(lim, LimitKind.ANALYSIS, "u")
    assert held.retry_after == 50
    assert str(held) == "Too many analysis requests; you are blocked for a while."
    await lim.hit(LimitKind.ANALYSIS, "other-user")  # the block is per user

    clock.advance(49.5)  # half a second before the block ends
    assert (await refused(lim, LimitKind.ANALYSIS, "u")).retry_after == 1
    clock.advance(1)
    await lim.hit(LimitKind.ANALYSIS, "u")  # block over, and the window has room again
    again = await refused(lim, LimitKind.ANALYSIS, "u")  # over again: a new block
    assert again.retry_after == 60


async def test_a_block_shorter_than_the_window_gives_the_blocks_retry_after(clock):
    lim = memory_limiter(analysis="1/minute", block=1)
    await lim.hit(LimitKind.ANALYSIS, "u")
    assert (await refused(lim, LimitKind.ANALYSIS, "u")).retry_after == 1


async def test_without_a_block_retry_after_is_when_the_window_has_room(clock):
    lim = memory_limiter(analysis="2/10 seconds", block=0)
    await lim.hit(LimitKind.ANALYSIS, "u")
    clock.advance(3)
    await lim.hit(LimitKind.ANALYSIS, "u")
    clock.advance(1)
    over = await refused(lim, LimitKind.ANALYSIS, "u")
    assert over.retry_after == 6  # the first request leaves the moving window at +10 s
    assert str(over) == "Too many analysis requests (limit 2 per 10 second)."
    clock.advance(5.5)
    assert (await refused(lim, LimitKind.ANALYSIS, "u")).retry_after == 1  # 0.5 s, rounded up
    clock.advance(1)
    await lim.hit(LimitKind.ANALYSIS, "u")


async def test_uploads_are_never_blocked(clock):
    lim = memory_limiter(upload="2/minute", block=600)
    await lim.hit(LimitKind.UPLOAD, "u")
    clock.advance(20)
    await lim.hit(LimitKind.UPLOAD, "u")
    over = await refused(lim, LimitKind.UPLOAD, "u")
    assert over.retry_after == 40 and str(over) == "Too many upload requests (limit 2 per 1 minute)."
    clock.advance(40.5)
    await lim.hit(LimitKind.UPLOAD, "u")  # the moving window, not a 600 s block
    await lim.hit(LimitKind.ANALYSIS, "u")  # and the analysis limit counts apart


async def test_login_and_sign_up_limits_count_apart_and_clear(clock):
    lim = RateLimiter(
        storage_for(None, key_prefix="t"),
        upload=parse("1/minute"),
        analysis=parse("1/minute"),
        analysis_block_seconds=0,
        login_account=parse("2/15 minutes"),
        login_ip=parse("3/15 minutes"),
        register_ip=parse("1/hour"),
    )
    await lim.hit(LimitKind.LOGIN_ACCOUNT, "ada@example.com")
    await lim.hit(LimitKind.LOGIN_ACCOUNT, "ada@example.com")
    over = await refused(lim, LimitKind.LOGIN_ACCOUNT, "ada@example.com")
    assert str(over) == "Too many login attempts for this account (limit 2 per 15 minute)."
    assert over.retry_after == 900
    await lim.hit(LimitKind.LOGIN_ACCOUNT, "bob@example.com")  # per key
    await lim.clear(LimitKind.LOGIN_ACCOUNT, "ada@example.com")
    await lim.hit(LimitKind.LOGIN_ACCOUNT, "ada@example.com")  # counted from zero again
    await lim.hit(LimitKind.LOGIN_ACCOUNT, "ada@example.com")
    await refused(lim, LimitKind.LOGIN_ACCOUNT, "ada@example.com")

    for _ in range(3):
        await lim.hit(LimitKind.LOGIN_IP, "203.0.113.7")
    assert "login attempts from your address" in str(await refused(lim, LimitKind.LOGIN_IP, "203.0.113.7"))
    await lim.hit(LimitKind.REGISTER_IP, "203.0.113.7")
    over = await refused(lim, LimitKind.REGISTER_IP, "203.0.113.7")
    assert (
        str(over) == "Too many registrations from your address (limit 1 per 1 hour)."
        and over.retry_after == 3600
    )
    await lim.hit(LimitKind.UPLOAD, "203.0.113.7")  # every kind counts apart


async def test_a_kind_without_a_limit_is_not_counted(clock):
    lim = memory_limiter()  # no login or sign-up limits given
    for _ in range(100):
        await lim.hit(LimitKind.LOGIN_ACCOUNT, "ada@example.com")
        await lim.hit(LimitKind.REGISTER_IP, "203.0.113.7")
    await lim.clear(LimitKind.LOGIN_ACCOUNT, "ada@example.com")


# --------------------------------------------------------------------------- through the API


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_upload_limit_is_per_user_with_retry_after(start_api, make_settings, resume_text, clock):
    async with start_api(make_settings(rate_limit_upload="2/minute")) as api:
        ada, bob = await api.register(), await api.register()
        assert (await ada.upload(resume_text)).status_code == 201
        clock.advance(15)
        assert (await ada.upload(resume_text)).status_code == 201
        r = await ada.upload(resume_text)
        assert r.status_code == 429
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["code"] == "rate_limited"
        assert r.headers["retry-after"] == "45"
        assert (await bob.upload(resume_text)).status_code == 201


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_analysis_limit_then_blocked(start_api, make_settings, resume_text, clock):
    settings = make_settings(rate_limit_analysis="2/5 minutes", rate_limit_analysis_block_seconds=600)
    async with start_api(settings) as api:
        ada = await api.register()
        rid = (await ada.upload(resume_text)).json()["resume_id"]
        url = f"/api/v1/analysis/resumes/{rid}/analyze"
        assert (await ada.post(url, json={"industry": "general"})).status_code == 202
        assert (await ada.post(url, json={"industry": "general"})).status_code == 202
        r = await ada.post(url, json={"industry": "general"})
        assert r.status_code == 429 and r.headers["retry-after"] == "600"  # the window alone: 300
        clock.advance(400)  # past the 5-minute window, inside the block
        r = await ada.post(url, json={"industry": "general"})
        assert r.status_code == 429 and r.headers["retry-after"] == "200"
        assert (await ada.get("/api/v1/analysis/analyses")).json()["total"] == 2


# --------------------------------------------------------------------------- Redis


@pytest.mark.redis
@pytest.mark.parametrize("scheme", ["", "async+"])
async def test_redis_storage_is_shared_between_processes(redis_url, scheme):
    prefix = f"resumeiq-test-{secrets.token_hex(4)}"
    url = scheme + redis_url
    first = limiter(storage_for(url, key_prefix=prefix), upload="3/minute", analysis="2/minute", block=600)
    second = limiter(storage_for(url, key_prefix=prefix), upload="3/minute", analysis="2/minute", block=600)
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
        with pytest.raises(RateLimited) as over:
            await first.hit(LimitKind.ANALYSIS, "u")
        assert over.value.retry_after == 600
        with pytest.raises(RateLimited) as blocked:  # the block set by one process holds in the other
            await second.hit(LimitKind.ANALYSIS, "u")
        assert 590 <= blocked.value.retry_after <= 600  # the window alone would say at most 60
    finally:
        await first.reset()


@pytest.mark.redis
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_api_uses_redis_when_configured(start_api, make_settings, redis_url, resume_text):
    import redis

    prefix = f"resumeiq-test-{secrets.token_hex(4)}"
    settings = make_settings(redis_url=redis_url, rate_limit_key_prefix=prefix, rate_limit_upload="1/minute")
    async with start_api(settings) as api:
        ada = await api.register()
        assert (await ada.upload(resume_text)).status_code == 201
        assert (await ada.upload(resume_text)).status_code == 429
        client = redis.Redis.from_url(redis_url)
        try:
            assert client.keys(f"{prefix}*")
        finally:
            await api.app.state.rate_limiter.reset()
            client.close()


@pytest.mark.redis
async def test_redis_keys_name_no_e_mail_or_client_address(redis_url):
    import redis

    prefix = f"resumeiq-test-{secrets.token_hex(4)}"
    lim = RateLimiter(
        storage_for(redis_url, key_prefix=prefix),
        upload=parse("3/minute"),
        analysis=parse("3/minute"),
        analysis_block_seconds=0,
        login_account=parse("3/minute"),
        login_ip=parse("3/minute"),
    )
    client = redis.Redis.from_url(redis_url)
    try:
        await lim.hit(LimitKind.LOGIN_ACCOUNT, "wilhelmina.quast@example.org")
        await lim.hit(LimitKind.LOGIN_IP, "203.0.113.77")
        keys = b" ".join(client.keys(f"{prefix}*")).decode()
        assert "login-account" in keys and "login-ip" in keys
        assert "wilhelmina" not in keys and "example.org" not in keys and "203.0.113" not in keys
        await lim.hit(LimitKind.LOGIN_ACCOUNT, "wilhelmina.quast@example.org")
        await lim.hit(LimitKind.LOGIN_ACCOUNT, "wilhelmina.quast@example.org")
        with pytest.raises(RateLimited):  # the digest still counts one account's attempts together
            await lim.hit(LimitKind.LOGIN_ACCOUNT, "wilhelmina.quast@example.org")
        await lim.clear(LimitKind.LOGIN_ACCOUNT, "wilhelmina.quast@example.org")
        await lim.hit(LimitKind.LOGIN_ACCOUNT, "wilhelmina.quast@example.org")
    finally:
        await lim.reset()
        client.close()


async def test_storage_failure_lets_requests_through(caplog):
    lim = limiter(storage_for("redis://127.0.0.1:1", key_prefix="x"), upload="1/minute")
    await lim.hit(LimitKind.UPLOAD, "u")
    await lim.hit(LimitKind.UPLOAD, "u")
    assert "rate limit storage failed (" in caplog.text
    assert "); letting the request through" in caplog.text


# --------------------------------------------------------------------------- the memory storage


async def test_the_memory_storage_frees_expired_entries_at_most_once_a_second(clock):
    """Expired entries are dropped by a pass that runs at most once a second (not after every hit,
    in a thread per key), and the counts are the same either way."""
    import asyncio

    from resumeiq.ratelimit.limiter import SweptMemoryStorage

    storage = storage_for(None, key_prefix="t")
    assert isinstance(storage, SweptMemoryStorage)
    lim = limiter(storage, upload="2/10 seconds")
    await lim.hit(LimitKind.UPLOAD, "ana")
    await lim.hit(LimitKind.UPLOAD, "bruno")
    await asyncio.sleep(0)  # the pass the first hit started
    passes = storage.timer
    clock.advance(0.5)
    await lim.hit(LimitKind.UPLOAD, "ana")
    assert storage.timer is passes  # not a second pass within the second
    await refused(lim, LimitKind.UPLOAD, "ana")
    assert len(storage.events) == 2

    clock.advance(11)  # every entry expired: the next hit starts a pass that drops them
    await lim.hit(LimitKind.UPLOAD, "ana")
    await storage.timer
    assert storage.timer is not passes
    assert (
        list(storage.events) == [next(iter(storage.events))] and len(next(iter(storage.events.values()))) == 1
    )
    await lim.hit(LimitKind.UPLOAD, "ana")
    await refused(lim, LimitKind.UPLOAD, "ana")
