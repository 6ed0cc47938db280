"""ChatClient against a real OpenAI-compatible server on loopback, through the real ``openai`` SDK:
the structured-output → json_object → plain-text ladder, bounded retries, time limit, and errors
that say what went wrong without the server's text or the key."""

from __future__ import annotations

import socket

import pytest
from pydantic import BaseModel

from llm_server import FakeLLM, reject_formats, reply, slow, status
from resumeiq.llm import ChatClient, LLMBadAnswer, LLMRefused, LLMUnavailable, extract_json

KEY = "sk-invented-7f3a9c2e-not-a-real-key"
MESSAGES = [{"role": "user", "content": "Reword: Sorted the parcels at Quillby Depot"}]


class Answer(BaseModel):
    text: str


def client(server: FakeLLM, **kw: object) -> ChatClient:
    values: dict[str, object] = {
        "base_url": server.base_url,
        "model": "fake-model",
        "api_key": KEY,
        "timeout": 5.0,
        "backoff_seconds": 0.01,
    }
    values.update(kw)
    return ChatClient(**values)  # type: ignore[arg-type]


async def test_structured_output_first_with_the_key_and_the_schema():
    with FakeLLM([reply({"text": "Sorted parcels"})]) as server:
        async with client(server) as c:
            got = await c.complete_json(MESSAGES, Answer, name="answer")
    assert got == Answer(text="Sorted parcels")
    assert server.formats() == ["json_schema"]
    request = server.requests[0]
    assert request["headers"]["authorization"] == f"Bearer {KEY}"
    schema = request["json"]["response_format"]["json_schema"]
    assert schema["name"] == "answer" and "text" in schema["schema"]["properties"]
    assert request["json"]["model"] == "fake-model"


async def test_a_server_without_structured_output_gets_json_object_then_plain_text():
    prose = 'Sure! Here it is:\n```json\n{"text": "Sorted parcels"}\n```\nAnything else?'
    with FakeLLM([reject_formats({"json_schema", "json_object"}, reply(prose))]) as server:
        async with client(server) as c:
            got = await c.complete_json(MESSAGES, Answer, name="answer")
    assert got.text == "Sorted parcels"
    assert server.formats() == ["json_schema", "json_object", None]
    # Without a server-enforced schema, the schema is in the prompt.
    assert "JSON schema" in server.requests[2]["json"]["messages"][-1]["content"]


async def test_truncated_json_is_asked_again_in_the_next_format():
    with FakeLLM([reply('{"text": "Sorted par', finish_reason="length"), reply({"text": "ok"})]) as server:
        async with client(server) as c:
            got = await c.complete_json(MESSAGES, Answer, name="answer")
    assert got.text == "ok" and server.formats() == ["json_schema", "json_object"]


@pytest.mark.parametrize(
    ("content", "finish", "why"),
    [
        ("{not json at all", "stop", "no complete JSON object"),
        ('{"text": "Sorted par', "stop", "no complete JSON object"),
        ('{"text": "Sorted par', "length", "cut off"),
        ('{"words": 3}', "stop", "expected shape"),
        ("", "stop", "empty"),
    ],
)
async def test_garbage_in_every_format_is_a_bad_answer_that_says_why(content, finish, why):
    with FakeLLM([reply(content, finish_reason=finish)]) as server:
        async with client(server) as c:
            with pytest.raises(LLMBadAnswer) as err:
                await c.complete_json(MESSAGES, Answer, name="answer")
    assert why in err.value.reason
    assert server.formats() == ["json_schema", "json_object", None]


async def test_429_is_retried_after_its_retry_after_then_succeeds():
    with FakeLLM([status(429, headers={"Retry-After": "0"}), reply({"text": "ok"})]) as server:
        async with client(server) as c:
            got = await c.complete_json(MESSAGES, Answer, name="answer")
    assert got.text == "ok" and len(server.requests) == 2


async def test_5xx_is_retried_a_bounded_number_of_times():
    with FakeLLM([status(500)]) as server:
        async with client(server, max_retries=2) as c:
            with pytest.raises(LLMUnavailable) as err:
                await c.complete_json(MESSAGES, Answer, name="answer")
    assert len(server.requests) == 3  # one try and two retries, never more
    assert "HTTP 500" in err.value.reason and "3 attempts" in err.value.reason


async def test_503_then_success():
    with FakeLLM([status(503), status(502), reply({"text": "ok"})]) as server:
        async with client(server, max_retries=2) as c:
            assert (await c.complete_json(MESSAGES, Answer, name="answer")).text == "ok"
    assert len(server.requests) == 3


async def test_a_slow_server_is_given_up_on_at_the_time_limit():
    with FakeLLM([slow(3.0, reply({"text": "late"}))]) as server:
        async with client(server, timeout=0.4) as c:
            with pytest.raises(LLMUnavailable) as err:
                await c.complete_json(MESSAGES, Answer, name="answer")
    assert "no answer within 0.4 s" in err.value.reason
    assert len(server.requests) == 1  # the time limit covers every attempt: no retry past it


async def test_a_refused_key_is_not_retried_and_the_servers_echo_of_it_is_not_repeated():
    echo = {"error": {"message": f"Incorrect API key provided: {KEY}"}}
    with FakeLLM([status(401, body=echo)]) as server:
        async with client(server) as c:
            with pytest.raises(LLMRefused) as err:
                await c.complete_json(MESSAGES, Answer, name="answer")
    assert len(server.requests) == 1
    assert "HTTP 401" in err.value.reason and KEY not in str(err.value)


async def test_nothing_listening_is_unavailable():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again on leaving: nothing listens there
    c = ChatClient(
        base_url=f"http://127.0.0.1:{port}/v1", model="m", api_key=None, timeout=3, backoff_seconds=0.01
    )
    async with c:
        with pytest.raises(LLMUnavailable) as err:
            await c.complete_json(MESSAGES, Answer, name="answer")
    assert "could not be reached" in err.value.reason


async def test_no_key_never_sends_the_environments_openai_key(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-the-environment-invented")
    with FakeLLM([reply({"text": "ok"})]) as server:
        async with client(server, api_key=None) as c:
            await c.complete_json(MESSAGES, Answer, name="answer")
    assert "sk-from-the-environment" not in server.requests[0]["headers"].get("authorization", "")


def test_extract_json_finds_the_object_in_prose():
    assert extract_json('Here: {"text": "a"} done') == {"text": "a"}
    assert extract_json('{"text": "a"}') == {"text": "a"}
    with pytest.raises(ValueError):
        extract_json('{"text": "a"')
