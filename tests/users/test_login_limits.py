"""Login throttling (OWASP Authentication Cheat Sheet, "Login Throttling"): attempts are counted
per account and per client address before the password is checked, so that guessing stops at
the limit, the right password included, until the window moves on; sign-ups are counted per
address. On the memory storage, with the clock moved by hand (``tests/clock.py``)."""

from __future__ import annotations

import httpx
import pytest

PASSWORD = "correct horse battery"

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


async def log_in(api, email: str, password: str, address: str = "127.0.0.1"):
    """A login from ``address`` (the client address the app sees)."""
    transport = httpx.ASGITransport(app=api.app, client=(address, 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        return await client.post("/api/v1/auth/token", data={"username": email, "password": password})


async def test_guessing_one_account_stops_at_the_limit_even_for_the_right_password(start_api, make_settings, clock):
    settings = make_settings(rate_limit_login_account="5/15 minutes", rate_limit_login_ip="1000/15 minutes")
    async with start_api(settings) as api:
        await api.register("ada@example.com", PASSWORD)  # one successful login: cleared
        await api.register("bob@example.com", PASSWORD)
        for i in range(5):
            assert (await log_in(api, "ada@example.com", f"wrong guess number {i}")).status_code == 401
            clock.advance(60)
        r = await log_in(api, "ada@example.com", PASSWORD)
        assert r.status_code == 429 and r.json()["code"] == "rate_limited"
        assert "for this account" in r.json()["detail"]
        assert r.headers["retry-after"] == "600"  # the first guess, 5 minutes ago, leaves at 15
        r = await log_in(api, "ADA@Example.com ", PASSWORD)  # the same account, however it is written
        assert r.status_code == 429
        assert (await log_in(api, "bob@example.com", PASSWORD)).status_code == 200  # per account
        assert (await log_in(api, "nobody@example.com", "a guess")).status_code == 401

        clock.advance(600.5)  # the first guess has left the window
        assert (await log_in(api, "ada@example.com", PASSWORD)).status_code == 200


async def test_an_unknown_address_is_throttled_like_a_known_one(start_api, make_settings, clock):
    """The throttle must not tell which addresses have an account."""
    settings = make_settings(rate_limit_login_account="3/15 minutes", rate_limit_login_ip="1000/15 minutes")
    async with start_api(settings) as api:
        await api.register("ada@example.com", PASSWORD)
        for email in ("ada@example.com", "nobody@example.com"):
            statuses = [(await log_in(api, email, "a wrong guess")).status_code for _ in range(4)]
            assert statuses == [401, 401, 401, 429], email


async def test_a_successful_login_clears_the_accounts_count(start_api, make_settings, clock):
    settings = make_settings(rate_limit_login_account="3/15 minutes", rate_limit_login_ip="1000/15 minutes")
    async with start_api(settings) as api:
        await api.register("ada@example.com", PASSWORD)
        for _ in range(3):  # two mistakes then the right password, three times over
            assert (await log_in(api, "ada@example.com", "a typo")).status_code == 401
            assert (await log_in(api, "ada@example.com", "a second typo")).status_code == 401
            assert (await log_in(api, "ada@example.com", PASSWORD)).status_code == 200


async def test_one_address_guessing_many_accounts_is_stopped(start_api, make_settings, clock):
    """Password spraying: one guess per account, many accounts, from one address."""
    settings = make_settings(rate_limit_login_account="5/15 minutes", rate_limit_login_ip="4/15 minutes")
    async with start_api(settings) as api:
        for i in range(3):
            r = await log_in(api, f"user{i}@example.com", "summer is here 2024", address="203.0.113.7")
            assert r.status_code == 401
        await api.register("ada@example.com", PASSWORD)  # from 127.0.0.1: its own count
        r = await log_in(api, "ada@example.com", PASSWORD, address="203.0.113.7")
        assert r.status_code == 200  # the fourth attempt from that address
        r = await log_in(api, "ada@example.com", PASSWORD, address="203.0.113.7")
        assert r.status_code == 429 and "from your address" in r.json()["detail"]
        assert (await log_in(api, "ada@example.com", PASSWORD, address="198.51.100.2")).status_code == 200


async def test_sign_ups_from_one_address_are_limited(start_api, make_settings, clock):
    async with start_api(make_settings(rate_limit_register_ip="3/hour")) as api:
        for i in range(3):
            body = {"email": f"new{i}@example.com", "password": PASSWORD}
            assert (await api.client.post("/api/v1/auth/register", json=body)).status_code == 202
        body = {"email": "new3@example.com", "password": PASSWORD}
        r = await api.client.post("/api/v1/auth/register", json=body)
        assert r.status_code == 429 and r.json()["code"] == "rate_limited"
        assert r.headers["retry-after"] == "3600"
        clock.advance(3600.5)
        assert (await api.client.post("/api/v1/auth/register", json=body)).status_code == 202
