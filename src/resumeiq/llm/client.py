"""A JSON-answering client over any OpenAI-compatible Chat Completions server (the ``openai`` SDK).

``ChatClient.complete_json(messages, Answer)`` returns the model's answer validated as the
Pydantic model ``Answer``. It asks for structured output first (``response_format`` JSON schema),
then ``json_object``, then plain text from which it extracts the first JSON object: a server that
rejects a format (400/422; another 4xx such as a refused key ends the call) or answers with something that is not valid ``Answer`` JSON is asked
again in the next format. 429, 5xx, timeouts and lost connections are retried with exponential
back-off (``max_retries`` times, honouring a short ``Retry-After``). ``timeout`` (seconds) bounds
the whole call, every attempt and back-off included. Raises only ``LLMError`` subclasses.

The API key goes to the SDK and nowhere else: it is not logged, not kept in errors.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from typing import Any, TypeVar

import openai
from pydantic import BaseModel, ValidationError

from resumeiq.llm.errors import LLMBadAnswer, LLMError, LLMRefused, LLMUnavailable

log = logging.getLogger(__name__)

A = TypeVar("A", bound=BaseModel)
FORMATS = ("json_schema", "json_object", "text")
_MAX_RETRY_AFTER = 10.0  # seconds; a longer Retry-After is not worth waiting for in a preview
_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL | re.IGNORECASE)


class ChatClient:
    """``async with ChatClient(...) as client``: one connection pool, closed on exit."""

    def __init__(
        self,
        *,
        base_url: str,
        model: str,
        api_key: str | None,
        timeout: float,
        max_retries: int = 2,
        backoff_seconds: float = 0.5,
    ) -> None:
        self.model = model
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff_seconds = backoff_seconds
        # An explicit placeholder: local servers need no key, and the SDK must never fall back
        # to an OPENAI_API_KEY of the environment and send it to another server.
        self._sdk = openai.AsyncOpenAI(
            base_url=base_url, api_key=api_key or "no-key", timeout=timeout, max_retries=0
        )

    async def __aenter__(self) -> ChatClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._sdk.close()

    async def complete_json(self, messages: list[dict[str, str]], answer: type[A], *, name: str) -> A:
        """The model's answer to ``messages`` as an ``answer``; ``name`` names the JSON schema."""
        deadline = asyncio.get_running_loop().time() + self.timeout
        problems: list[str] = []
        for fmt in FORMATS:
            try:
                content, finish = await self._create(
                    _messages_for(fmt, messages, answer), fmt, answer, name, deadline
                )
            except LLMRefused as exc:
                if fmt == "text" or exc.status not in (400, 422):  # a bad key stays bad
                    raise
                problems.append(f"{fmt}: {exc.reason}")
                continue
            if finish == "length":
                problems.append(f"{fmt}: the answer was cut off (the model hit its length limit)")
                continue
            try:
                return answer.model_validate(extract_json(content))
            except (ValueError, ValidationError) as exc:
                problems.append(f"{fmt}: {_why_invalid(exc)}")
        log.warning("model %s gave no usable answer: %s", self.model, "; ".join(problems))
        raise LLMBadAnswer(
            "the model's answer was not the JSON resumeiq asked for, in any format tried ("
            + "; ".join(problems)
            + ")"
        )

    async def _create(
        self, messages: list[dict[str, str]], fmt: str, answer: type[BaseModel], name: str, deadline: float
    ) -> tuple[str, str | None]:
        loop = asyncio.get_running_loop()
        extra: dict[str, Any] = {}
        if fmt == "json_schema":
            extra["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": name, "schema": answer.model_json_schema(), "strict": False},
            }
        elif fmt == "json_object":
            extra["response_format"] = {"type": "json_object"}
        attempt = 0
        while True:
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise LLMUnavailable(f"the model server gave no answer within {self.timeout:g} s")
            try:
                response = await self._sdk.chat.completions.create(
                    model=self.model,
                    messages=messages,
                    timeout=remaining,
                    **extra,  # type: ignore[arg-type]
                )
            except openai.APIStatusError as exc:
                status = exc.status_code
                if status != 429 and status < 500:
                    raise LLMRefused(_refusal(status, self.model), status) from None
                tries = _attempts(attempt + 1)
                reason = (
                    f"the model server kept answering 429 Too Many Requests ({tries})"
                    if status == 429
                    else f"the model server answered HTTP {status} ({tries})"
                )
                wait = _retry_after(exc.response.headers.get("retry-after"))
            except openai.APITimeoutError:
                reason = f"the model server gave no answer within {self.timeout:g} s"
                wait = None
            except openai.APIConnectionError:
                reason = f"the model server could not be reached ({_attempts(attempt + 1)})"
                wait = None
            except openai.OpenAIError as exc:  # e.g. an answer that is not Chat Completions JSON
                raise LLMBadAnswer(
                    f"the model server's answer is not a Chat Completions response ({type(exc).__name__})"
                ) from None
            else:
                choice = response.choices[0] if response.choices else None
                if choice is None or choice.message is None:
                    return "", None
                return choice.message.content or "", choice.finish_reason
            if attempt >= self.max_retries:
                raise LLMUnavailable(reason)
            delay = wait if wait is not None else self.backoff_seconds * 2**attempt
            if loop.time() + delay >= deadline:
                raise LLMUnavailable(reason)
            log.info("model server: %s; retrying in %.2f s", reason, delay)
            await asyncio.sleep(delay)
            attempt += 1


def _refusal(status: int, model: str) -> str:
    if status in (401, 403):
        return f"the model server refused the API key (HTTP {status}); check RESUMEIQ_LLM_API_KEY"
    if status == 404:
        return (
            f"the model server answered HTTP 404: check RESUMEIQ_LLM_BASE_URL (it usually ends in /v1) "
            f"and that it serves the model {model!r}"
        )
    return f"the model server rejected the request (HTTP {status})"


def _attempts(n: int) -> str:
    return "1 attempt" if n == 1 else f"{n} attempts"


def _retry_after(value: str | None) -> float | None:
    try:
        seconds = float(value) if value is not None else None
    except ValueError:
        return None
    if seconds is None or seconds < 0:
        return None
    return min(seconds, _MAX_RETRY_AFTER)


def _messages_for(fmt: str, messages: list[dict[str, str]], answer: type[BaseModel]) -> list[dict[str, str]]:
    """Without a schema the server enforces, the schema goes into the prompt."""
    if fmt == "json_schema":
        return messages
    schema = json.dumps(answer.model_json_schema(), separators=(",", ":"))
    note = f"Answer with one JSON object only, no other text, matching this JSON schema: {schema}"
    return [*messages, {"role": "system", "content": note}]


def extract_json(content: str) -> Any:
    """The JSON value of ``content``: the whole text, else a fenced block, else the first ``{...}``
    object in it. Raises ``ValueError``."""
    text = content.strip()
    if not text:
        raise ValueError("the answer was empty")
    try:
        return json.loads(text)
    except ValueError:
        pass
    for block in _FENCE.findall(text):
        try:
            return json.loads(block.strip())
        except ValueError:
            continue
    decoder = json.JSONDecoder()
    for match in re.finditer(r"\{", text):
        try:
            value, _ = decoder.raw_decode(text, match.start())
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    raise ValueError("the answer holds no complete JSON object")


def _why_invalid(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "the answer"
        return f"the JSON does not have the expected shape ({where}: {first['msg']})"
    return str(exc)


__all__ = ["FORMATS", "ChatClient", "LLMError", "extract_json"]
