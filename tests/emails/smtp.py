"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, and app settings that
send to it. (Not a conftest.py: the suite imports the root conftest by name.)"""

from __future__ import annotations

import email
import email.policy
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass
class Inbox:
    """Received messages, and scripted replies: ``refuse[address]`` is a list of SMTP replies
    given to that recipient's next RCPT commands, one per attempt."""

    messages: list[email.message.EmailMessage] = field(default_factory=list)
    refuse: dict[str, list[str]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        with self.lock:
            replies = self.refuse.get(address)
            if replies:
                return replies.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append(message)
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[email.message.EmailMessage]:
        with self.lock:
            return [m for m in self.messages if m["To"] == address]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class SmtpServer:
    host: str
    port: int
    inbox: Inbox


def serve_smtp() -> Iterator[SmtpServer]:
    """Run the server while the generator is suspended (use it as a fixture's body)."""
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield SmtpServer("127.0.0.1", port, inbox)
    finally:
        controller.stop()


def smtp_settings(make_settings, smtp_server: SmtpServer):
    """App settings that send e-mail to ``smtp_server``."""
    return make_settings(
        rate_limit_upload="10000/minute",
        smtp_host=smtp_server.host,
        smtp_port=smtp_server.port,
        smtp_security="none",
        smtp_from="jobs@acme.test",
        email_retry_seconds=0,
    )
