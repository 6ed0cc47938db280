"""A real OpenAI-compatible Chat Completions server on loopback, with scripted answers.

``with FakeLLM([answer, ...]) as server:`` serves ``POST /v1/chat/completions`` on 127.0.0.1 (a
stdlib ``ThreadingHTTPServer`` in a thread); each request takes the next answer of the script
(the last one repeats). An answer is one of:

- ``reply(content, finish_reason="stop")``: a chat completion whose message is ``content``;
- ``status(code, body=..., headers=...)``: an HTTP error;
- ``slow(seconds, then)``: wait, then answer ``then``;
- ``reject_formats(formats, then)``: HTTP 400 for a request whose ``response_format.type`` is one
  of ``formats`` (what a server without structured output does), else ``then``;
- a callable ``(request_json) -> answer``.

``server.requests`` records every request: headers (lower-case names) and JSON body.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Answer:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


def reply(content: str | dict[str, Any], finish_reason: str = "stop", model: str = "fake-model") -> Answer:
    text = content if isinstance(content, str) else json.dumps(content)
    return Answer(
        body={
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "finish_reason": finish_reason,
                }
            ],
            "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
        }
    )


def status(code: int, body: Any = None, headers: dict[str, str] | None = None) -> Answer:
    return Answer(status=code, body=body or {"error": {"message": f"scripted {code}"}}, headers=headers or {})


def slow(seconds: float, then: Answer) -> Answer:
    return Answer(status=then.status, body=then.body, headers=then.headers, delay=seconds)


def reject_formats(formats: set[str], then: Answer) -> Callable[[dict[str, Any]], Answer]:
    def answer(request: dict[str, Any]) -> Answer:
        kind = (request.get("response_format") or {}).get("type")
        if kind in formats:
            return status(400, {"error": {"message": f"response_format {kind} is not supported"}})
        return then

    return answer


class FakeLLM:
    def __init__(self, script: list[Answer | Callable[[dict[str, Any]], Answer]]) -> None:
        self.script = list(script)
        self.requests: list[dict[str, Any]] = []
        self.received = threading.Event()  # set at the first request
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def formats(self) -> list[str | None]:
        """``response_format.type`` of each request, in order (None: plain text)."""
        return [(r["json"].get("response_format") or {}).get("type") for r in self.requests]

    def __enter__(self) -> FakeLLM:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _next(self, request: dict[str, Any]) -> Answer:
        with self._lock:
            item = self.script.pop(0) if len(self.script) > 1 else self.script[0]
        return item(request) if callable(item) else item

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_POST(self) -> None:  # noqa: N802 (the stdlib's name)
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = {}
                with server._lock:
                    server.requests.append(
                        {
                            "path": self.path,
                            "headers": {k.lower(): v for k, v in self.headers.items()},
                            "json": body,
                        }
                    )
                server.received.set()
                if self.path != "/v1/chat/completions":
                    answer = status(404, {"error": {"message": "no such route"}})
                else:
                    answer = server._next(body)
                if answer.delay:
                    time.sleep(answer.delay)
                data = answer.body if isinstance(answer.body, bytes) else json.dumps(answer.body).encode()
                try:
                    self.send_response(answer.status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(data)))
                    for key, value in answer.headers.items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout)
                    pass

        return Handler
