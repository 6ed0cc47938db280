"""Issue 8, finding 11 (tokens): a token used to be good until its ``exp``, whatever happened.
``POST /auth/logout`` revokes every token of the user issued until then (their version is no
longer the user's, a column in the database), and signing out of the web app does the same for
its sessions and the API's tokens. On SQLite and PostgreSQL."""

from __future__ import annotations

from webclient import Browser, token_of


async def test_finding11_logout_revokes_every_token_issued_before(api, user):
    second = await api.client.post("/api/v1/auth/token", data={"username": user.email, "password": "correct horse battery"})
    other = {"Authorization": f"Bearer {second.json()['access_token']}"}
    assert (await user.get("/api/v1/users/me")).status_code == 200
    assert (await api.client.get("/api/v1/users/me", headers=other)).status_code == 200

    r = await user.post("/api/v1/auth/logout")
    assert r.status_code == 204, r.text
    for headers in (user.headers, other):
        r = await api.client.get("/api/v1/users/me", headers=headers)
        assert r.status_code == 401, r.text
        assert r.json()["code"] == "invalid_token"
        assert "revoked" in r.json()["detail"]
    assert (await user.post("/api/v1/auth/logout")).status_code == 401  # the old token is dead

    fresh = await api.client.post("/api/v1/auth/token", data={"username": user.email, "password": "correct horse battery"})
    r = await api.client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {fresh.json()['access_token']}"})
    assert r.status_code == 200


async def test_finding11_signing_out_of_the_web_app_ends_a_copied_session_cookie(api):
    browser = Browser(api.app)
    await browser.sign_up_and_in()
    copied = dict(browser.client.cookies)
    assert (await browser.client.get("/resumes")).status_code == 200
    r = await browser.post("/sign-out", {}, token_from="/resumes")
    assert r.status_code == 303

    thief = Browser(api.app)
    thief.client.cookies.update(copied)
    r = await thief.client.get("/resumes")
    assert r.status_code == 303 and r.headers["location"].startswith("/sign-in"), r.text
    assert token_of((await thief.client.get("/sign-in")).text)
