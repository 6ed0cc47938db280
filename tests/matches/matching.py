"""Helpers for the match tests."""

from __future__ import annotations

import asyncio


async def wait_for_match(user, match_id, timeout=30.0):
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        r = await user.get(f"/api/v1/matches/{match_id}")
        assert r.status_code == 200, r.text
        if r.json()["status"] in ("completed", "failed"):
            return r.json()
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"match still {r.json()['status']} after {timeout}s")
        await asyncio.sleep(0.05)


NURSE_JOB = """Registered Nurse
St Mary's Hospital · Leeds, UK

Requirements
- Three years or more of ward experience as a registered nurse
- Patient care, medication administration and wound care
- Current NMC registration

Nice to have
- Intensive care experience
"""
