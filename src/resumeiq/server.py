"""The HTTP server ``resumeiq serve`` runs: uvicorn on its h11 protocol, with the limits a
public-facing server needs (OWASP's Denial of Service Cheat Sheet: bound what one connection
may hold, and for how long).

Uvicorn alone keeps a connection open for as long as the client wants before its first request,
and while it drips a request's headers or body; and its default parser (httptools) takes headers
of any size. So here:

- headers are at most ``http_header_max_bytes`` (h11's incomplete-event limit): a larger request
  head is answered 400 and the connection closed, having held that much memory at most;
- a request's head must arrive within ``http_header_timeout_seconds`` of the connection opening
  (or of the previous response): an idle or dripping connection is closed;
- a body that stops arriving for ``http_body_idle_seconds`` (while the app waits for it) ends
  the connection;
- an idle keep-alive connection is closed after ``http_keep_alive_seconds``;
- at most ``http_max_connections`` connections (and requests in flight) at once: above it, new
  requests are answered 503.
"""

from __future__ import annotations

import asyncio
import gc
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from resumeiq.config import Settings


class GuardedH11Protocol(H11Protocol):
    """``H11Protocol`` with a deadline for each request's head and an idle limit for its body."""

    header_timeout: float = 10.0
    body_idle_timeout: float = 30.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_timer: asyncio.TimerHandle | None = None
        self._head_of: object = None  # the cycle that was current when the head timer was armed
        self._body_timer: asyncio.TimerHandle | None = None

    # A request's head: from the connection (or the previous response) to its last header.
    def _arm_head_timer(self) -> None:
        self._cancel(self._head_timer)
        self._head_of = self.cycle
        self._head_timer = self.loop.call_later(self.header_timeout, self._head_deadline)

    def _head_deadline(self) -> None:
        self._head_timer = None
        if self.cycle is self._head_of and not self.transport.is_closing():
            self._close()  # no new request started: idle, or its head is still dripping in

    # A request's body: no byte for ``body_idle_timeout`` while the app waits for more.
    def _arm_body_timer(self) -> None:
        self._cancel(self._body_timer)
        self._body_timer = self.loop.call_later(self.body_idle_timeout, self._body_idle)

    def _body_idle(self) -> None:
        self._body_timer = None
        if self.transport.is_closing() or self.conn.their_state is not h11.SEND_BODY:
            return
        if self.flow.read_paused:  # the app is the slow one: wait for it
            self._arm_body_timer()
            return
        self._close()

    def _close(self) -> None:
        if self.cycle is not None and not self.cycle.response_complete:
            self.cycle.disconnected = True
        self.transport.close()

    @staticmethod
    def _cancel(timer: asyncio.TimerHandle | None) -> None:
        if timer is not None:
            timer.cancel()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel(self._head_timer)
        self._cancel(self._body_timer)
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is h11.SEND_BODY and not self.transport.is_closing():
            self._arm_body_timer()
        else:
            self._cancel(self._body_timer)

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm_head_timer()


def guarded_protocol(settings: Settings) -> type[GuardedH11Protocol]:
    """The protocol class with the settings' timeouts."""
    return type(
        "GuardedH11Protocol",
        (GuardedH11Protocol,),
        {
            "header_timeout": settings.http_header_timeout_seconds,
            "body_idle_timeout": settings.http_body_idle_seconds,
        },
    )


def server_config(app: Any, settings: Settings, *, host: str, port: int, access_log: bool) -> uvicorn.Config:
    """The uvicorn configuration of ``resumeiq serve``."""
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=settings.log_level.lower(),
        access_log=access_log,
        http=guarded_protocol(settings),
        h11_max_incomplete_event_size=settings.http_header_max_bytes,
        timeout_keep_alive=settings.http_keep_alive_seconds,
        limit_concurrency=settings.http_max_connections,
        # The app logs each request itself, as a JSON line with its id (resumeiq.logging).
        log_config=None,
    )


class Server(uvicorn.Server):
    """uvicorn's server, which before it starts the app hands every object that exists by then
    (the modules, the app and its routes: a quarter of a million objects) to the garbage
    collector's permanent generation (``gc.freeze``). They live as long as the process; left in
    the collector's oldest generation, every full collection walked all of them again (0.1-0.5 s
    on this machine's cores), in the middle of the requests that happened to trigger it."""

    async def startup(self, sockets: Any = None) -> None:
        gc.collect()  # what the imports left behind is freed, not frozen
        gc.freeze()
        await super().startup(sockets=sockets)


def serve(app: Any, settings: Settings, *, host: str, port: int, access_log: bool) -> None:
    Server(server_config(app, settings, host=host, port=port, access_log=access_log)).run()
