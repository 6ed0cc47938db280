"""Issue 8, finding 7: one user's expensive reads (top matches over 200 jobs, comparisons, job
postings) could fill the engine pool, and another user's upload waited behind all of them
(0.04 s became 4.8-8.5 s). Now the pool's processes are handed out in fair turns: heavy calls
never take the last free process, a user runs one at a time with a bounded queue behind it,
light calls (an upload's parse) go first, and each user's heavy calls are rate-limited."""

from __future__ import annotations

import asyncio

import pytest

from resumeiq.errors import RateLimited
from resumeiq.worker.fairshare import FairShares


async def _hold(shares: FairShares, lane, share: str, log: list, started: asyncio.Event | None = None, release=None):
    async with shares.slot(lane, share):
        log.append(share)
        if started is not None:
            started.set()
        await (release.wait() if release is not None else asyncio.sleep(0.01))


async def test_finding7_heavy_calls_leave_a_process_for_light_ones():
    shares = FairShares(2)
    release = asyncio.Event()
    log: list[str] = []
    heavy = [asyncio.create_task(_hold(shares, "heavy", "attacker", log, release=release)) for _ in range(3)]
    await asyncio.sleep(0.01)
    assert log == ["attacker"]  # one heavy call runs; the others wait, the second process stays free
    started = asyncio.Event()
    victim = asyncio.create_task(_hold(shares, "light", "victim", log, started))
    await asyncio.wait_for(started.wait(), 1)  # at once, not after the attacker's calls
    await victim
    release.set()
    await asyncio.gather(*heavy)
    assert log == ["attacker", "victim", "attacker", "attacker"]


async def test_finding7_a_users_waiting_heavy_calls_are_bounded():
    shares = FairShares(2, heavy_queue=2)
    release = asyncio.Event()
    log: list[str] = []
    tasks = [asyncio.create_task(_hold(shares, "heavy", "attacker", log, release=release)) for _ in range(3)]
    await asyncio.sleep(0.01)
    with pytest.raises(RateLimited):
        await _hold(shares, "heavy", "attacker", log)
    release.set()
    await asyncio.gather(*tasks)
    assert log == ["attacker"] * 3


async def test_finding7_shares_take_turns():
    shares = FairShares(1)
    release = asyncio.Event()
    log: list[str] = []
    first = asyncio.create_task(_hold(shares, "light", "a", log, release=release))
    await asyncio.sleep(0.01)
    waiting = [asyncio.create_task(_hold(shares, "light", "a", log)) for _ in range(3)]
    await asyncio.sleep(0.01)
    waiting.append(asyncio.create_task(_hold(shares, "light", "b", log)))
    await asyncio.sleep(0.01)
    release.set()
    await asyncio.gather(first, *waiting)
    assert log == ["a", "a", "b", "a", "a"]  # b came last but did not wait for all of a's calls


async def test_finding7_a_cancelled_waiter_gives_its_turn_away():
    shares = FairShares(1)
    release = asyncio.Event()
    log: list[str] = []
    first = asyncio.create_task(_hold(shares, "light", "a", log, release=release))
    await asyncio.sleep(0.01)
    gone = asyncio.create_task(_hold(shares, "light", "b", log))
    after = asyncio.create_task(_hold(shares, "light", "c", log))
    await asyncio.sleep(0.01)
    gone.cancel()
    release.set()
    await asyncio.gather(first, after)
    assert log == ["a", "c"] and shares.waiting == 0


async def test_finding7_expensive_reads_are_rate_limited_per_user(start_api, make_settings, resume_text, job_text):
    async with start_api(make_settings(rate_limit_expensive="3/minute")) as api:
        attacker, victim = await api.register(), await api.register()
        statuses = []
        for user in (attacker, victim):
            resume_id = (await user.upload(resume_text)).json()["resume_id"]
            r = await user.post("/api/v1/jobs", json={"text": job_text})
            assert r.status_code == 201, r.text
            job_id = r.json()["job_id"] if "job_id" in r.json() else r.json()["id"]
            if user is attacker:
                for _ in range(3):
                    r = await user.get(f"/api/v1/resumes/{resume_id}/top-matches")
                    statuses.append(r.status_code)
                r = await user.get(f"/api/v1/resumes/{resume_id}/compare", params={"job_ids": job_id})
                statuses.append(r.status_code)
                assert r.json()["code"] == "rate_limited" and int(r.headers["retry-after"]) >= 1
            else:
                r = await user.get(f"/api/v1/resumes/{resume_id}/top-matches")
                assert r.status_code == 200, "another user's limit is not this one's"
        assert statuses == [200, 200, 429, 429]  # a job posting, two top matches, then refused
