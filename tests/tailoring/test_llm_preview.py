"""POST /tailorings/preview with a language model configured (RESUMEIQ_LLM_*): a real
OpenAI-compatible server on loopback with scripted answers, reached through the real ``openai``
SDK. The model may reword bullets and the summary only; a rewrite that brings in a fact the
original does not have is dropped and reported; a model that is down, slow or answering garbage
leaves the deterministic preview, said in ``warnings``; the key is never logged or returned."""

from __future__ import annotations

import asyncio
import json
import logging

import pytest

from llm_server import FakeLLM, reply, slow, status
from tailoring.people import create_job, preview, upload

KEY = "sk-invented-41c0ffee-never-shown"
MODEL = "fake-model-7b"

GOOD_BULLET = "Maintained the team's internal dashboards in JavaScript and React"
GOOD_SUMMARY = "Developer who builds web products end to end in Python and React."
GOOD = {
    "summary": GOOD_SUMMARY,
    "bullets": [{"path": "/work/0/highlights/2", "text": GOOD_BULLET}],
}
FABRICATED = {
    "summary": None,
    "bullets": [
        {"path": "/work/0/highlights/2", "text": GOOD_BULLET},
        {
            "path": "/work/1/highlights/1",
            "text": "Answered support tickets from analysts at Globex Corporation",
        },
        {"path": "/work/0/highlights/1", "text": "Designed a Go service handling 9,000 requests per second"},
    ],
}


def llm_settings(make_settings, server: FakeLLM, **kw):
    values = {
        "llm_base_url": server.base_url,
        "llm_model": MODEL,
        "llm_api_key": KEY,
        "llm_timeout_seconds": 5,
    }
    values.update(kw)
    return make_settings(**values)


async def mira_preview(api, **kw):
    user = await api.register()
    resume = await upload(user)
    job = await create_job(user, company="Cobalt Systems")
    r = await preview(user, resume["resume_id"], job["id"], **kw)
    assert r.status_code == 201, r.text
    return user, resume, job, r


async def test_the_model_rewrites_a_bullet_and_the_summary_and_mode_defaults_to_llm(start_api, make_settings):
    with FakeLLM([reply(GOOD)]) as server:
        async with start_api(llm_settings(make_settings, server)) as api:
            user, _, _, r = await mira_preview(api)
            body = r.json()
            assert body["mode"] == "llm" and body["ai_model_used"] == MODEL
            tailored = body["tailored"]
            assert GOOD_BULLET in tailored["work"][0]["highlights"]
            assert "Maintained internal dashboards in JS and React" not in tailored["work"][0]["highlights"]
            assert tailored["basics"]["summary"] == GOOD_SUMMARY
            assert len(tailored["work"][0]["highlights"]) == 3  # reworded, never removed
            rewrite = next(d for d in body["diff"] if d["path"] == "/work/0/highlights/2")
            assert rewrite["op"] == "changed" and rewrite["after"] == GOOD_BULLET
            assert MODEL in rewrite["reason"]
            moved = next(d for d in body["diff"] if d["path"] == "/work/0/highlights")
            assert moved["after"] == tailored["work"][0]["highlights"]  # the reorder shows the new text
            # Contact details stay the original's; the model never even saw them.
            assert tailored["basics"]["email"] == "mira.okafor@example.org"
            sent = json.dumps(server.requests[0]["json"]["messages"])
            assert "mira.okafor@example.org" not in sent and "555 0142" not in sent
            assert "Designed a Go service handling 3,000 requests per second" in sent

            # The rewritten bullet survives confirm (its slot is a rewrite, not a lost bullet).
            c = await user.post(
                "/api/v1/tailorings/confirm",
                json={"preview_id": body["preview_id"], "preview_hash": body["preview_hash"]},
            )
            assert c.status_code == 201, c.text
            version = await user.get(f"/api/v1/resumes/{c.json()['resume_id']}")
            assert GOOD_BULLET in json.dumps(version.json())


async def test_a_fabricated_employer_or_number_is_dropped_and_reported(start_api, make_settings):
    with FakeLLM([reply(FABRICATED)]) as server:
        async with start_api(llm_settings(make_settings, server)) as api:
            _, _, _, r = await mira_preview(api)
    body = r.json()
    tailored = json.dumps(body["tailored"])
    assert "Globex" not in tailored and "9,000" not in tailored
    assert GOOD_BULLET in body["tailored"]["work"][0]["highlights"]  # the honest rewrite stays
    assert "Answered support tickets from analysts" in body["tailored"]["work"][1]["highlights"]
    dropped = [w for w in body["warnings"] if "was dropped" in w]
    assert any("/work/1/highlights/1" in w and "Globex" in w for w in dropped)
    assert any("/work/0/highlights/1" in w and "9,000" in w for w in dropped)
    assert body["mode"] == "llm" and body["ai_model_used"] == MODEL


async def test_when_every_rewrite_is_fabricated_the_preview_is_deterministic_and_says_so(
    start_api, make_settings
):
    only_bad = {"bullets": [FABRICATED["bullets"][1]]}
    with FakeLLM([reply(only_bad)]) as server:
        async with start_api(llm_settings(make_settings, server)) as api:
            _, _, _, r = await mira_preview(api)
    body = r.json()
    assert body["mode"] == "deterministic" and body["ai_model_used"] is None
    assert any("none of its rewrites" in w for w in body["warnings"])
    assert "Globex" not in json.dumps(body["tailored"])


FAILURES = {
    "broken_json": ([reply('{"summary": "Dev", "bullets": [{"path": ')], "not the JSON"),
    "truncated_json": ([reply('{"summary": "Developer who', finish_reason="length")], "cut off"),
    "server_error": ([status(500)], "HTTP 500"),
    "slower_than_the_timeout": ([slow(3.0, reply(GOOD))], "no answer within 0.5 s"),
    "key_refused": ([status(401, {"error": {"message": f"Incorrect API key provided: {KEY}"}})], "HTTP 401"),
}


@pytest.mark.parametrize("case", list(FAILURES))
async def test_a_model_that_cannot_be_used_leaves_the_deterministic_preview_and_says_why(
    start_api, make_settings, case
):
    script, why = FAILURES[case]
    with FakeLLM(script) as server:
        # Only the slow case needs a short limit; the others must fail for their own reason,
        # even on a loaded machine.
        limit = 0.5 if case == "slower_than_the_timeout" else 10
        settings = llm_settings(make_settings, server, llm_timeout_seconds=limit, llm_max_retries=1)
        async with start_api(settings) as api:
            user, resume, job, r = await mira_preview(api)
            plain = await preview(user, resume["resume_id"], job["id"], mode="deterministic")
    body = r.json()
    assert body["mode"] == "deterministic" and body["ai_model_used"] is None
    warning = next(w for w in body["warnings"] if "could not be used" in w)
    assert MODEL in warning and why in warning
    assert KEY not in r.text
    # Exactly the deterministic tailoring.
    assert body["tailored"] == plain.json()["tailored"]
    assert body["diff"] == plain.json()["diff"]


async def test_429_then_success_uses_the_model(start_api, make_settings):
    with FakeLLM([status(429, headers={"Retry-After": "0"}), reply(GOOD)]) as server:
        async with start_api(llm_settings(make_settings, server)) as api:
            _, _, _, r = await mira_preview(api)
        assert len(server.requests) == 2
    assert r.json()["mode"] == "llm" and not any("could not be used" in w for w in r.json()["warnings"])


async def test_mode_deterministic_does_not_call_the_model(start_api, make_settings):
    with FakeLLM([reply(GOOD)]) as server:
        async with start_api(llm_settings(make_settings, server)) as api:
            _, _, _, r = await mira_preview(api, mode="deterministic")
        assert server.requests == []
    assert r.json()["mode"] == "deterministic" and r.json()["ai_model_used"] is None


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


async def test_the_key_is_never_logged_or_returned(start_api, make_settings, caplog):
    caplog.set_level(logging.DEBUG)  # the root logger: the openai SDK's and httpx's own lines
    ours = _Collect()  # the resumeiq logger does not propagate to the root
    logging.getLogger("resumeiq").addHandler(ours)
    echo = {"error": {"message": f"Incorrect API key provided: {KEY}"}}
    try:
        with FakeLLM([reply(GOOD), status(401, echo)]) as server:
            async with start_api(llm_settings(make_settings, server, log_level="DEBUG")) as api:
                user, resume, job, good = await mira_preview(api)
                refused = await preview(user, resume["resume_id"], job["id"])
                listed = await user.get("/api/v1/tailorings")
                again = await user.get(f"/api/v1/tailorings/{good.json()['preview_id']}")
            assert server.requests[0]["headers"]["authorization"] == f"Bearer {KEY}"  # it was used
    finally:
        logging.getLogger("resumeiq").removeHandler(ours)
    assert refused.json()["mode"] == "deterministic"
    for response in (good, refused, listed, again):
        assert KEY not in response.text
    assert any("could not be used" in line for line in ours.lines)
    assert any("chat/completions" in r.getMessage() for r in caplog.records)  # the SDK did log
    assert KEY not in caplog.text and not any(KEY in line for line in ours.lines)
    assert KEY not in repr(
        make_settings(llm_base_url="http://127.0.0.1:9/v1", llm_model="m", llm_api_key=KEY)
    )


async def test_a_slow_model_does_not_block_other_requests(start_api, make_settings):
    with FakeLLM([slow(1.5, reply(GOOD))]) as server:
        async with start_api(llm_settings(make_settings, server)) as api:
            user = await api.register()
            resume = await upload(user)
            job = await create_job(user, company="Cobalt Systems")
            task = asyncio.create_task(preview(user, resume["resume_id"], job["id"]))
            assert await asyncio.to_thread(server.received.wait, 10)
            listed = await user.get("/api/v1/tailorings")
            assert listed.status_code == 200 and not task.done()  # answered while the model thinks
            r = await task
    assert r.status_code == 201 and r.json()["mode"] == "llm"


async def test_a_failure_inside_resumeiq_while_asking_still_answers_deterministically(
    start_api, make_settings, monkeypatch
):
    import resumeiq.tailoring.modes as modes

    async def broken(*args, **kwargs):
        raise RuntimeError("a bug in the prompt code")

    monkeypatch.setattr(modes, "propose_rewrites", broken)
    with FakeLLM([reply(GOOD)]) as server:
        async with start_api(llm_settings(make_settings, server)) as api:
            _, _, _, r = await mira_preview(api)
    body = r.json()
    assert body["mode"] == "deterministic" and body["ai_model_used"] is None
    assert any("could not be used" in w and "RuntimeError" in w for w in body["warnings"])
