"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, and app settings that
send to it. (Not a conftest.py: the suite imports the root conftest by name.)

``serve_smtp(security=...)`` runs it in plain text (``none``), with STARTTLS (``starttls``: the
server refuses mail before the upgrade) or with implicit TLS (``tls``), each with a certificate
made at test time by a throw-away certificate authority (trustme) for 127.0.0.1; with ``logins``
it refuses mail from a client that has not logged in. Every received message keeps how it came:
over TLS or not, and under which login.
"""

from __future__ import annotations

import email
import email.policy
import socket
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Received:
    tls: bool  # the session was encrypted when the message was sent
    login: str | None  # the user name the client logged in with, if it did


@dataclass
class Inbox:
    """Received messages, and scripted replies: ``refuse[address]`` is a list of SMTP replies
    given to that recipient's next RCPT commands, one per attempt; ``refuse_data`` the replies to
    the next DATA commands."""

    messages: list[email.message.EmailMessage] = field(default_factory=list)
    sessions: list[Received] = field(default_factory=list)
    refuse: dict[str, list[str]] = field(default_factory=dict)
    refuse_data: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        with self.lock:
            replies = self.refuse.get(address)
            if replies:
                return replies.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        with self.lock:
            if self.refuse_data:
                return self.refuse_data.pop(0)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        tls = server.transport.get_extra_info("ssl_object") is not None
        login = session.auth_data.login.decode() if session.authenticated else None
        with self.lock:
            self.messages.append(message)
            self.sessions.append(Received(tls=tls, login=login))
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
    security: str = "none"
    ca_file: Path | None = None  # the certificate authority that signed the server's certificate


class Certificates:
    """A certificate authority made for this run, and a server certificate for 127.0.0.1."""

    def __init__(self, directory: Path) -> None:
        import trustme

        self.ca = trustme.CA()
        self.server = self.ca.issue_cert("127.0.0.1", "localhost")
        self.ca_file = directory / "test-ca.pem"
        self.ca.cert_pem.write_to_path(str(self.ca_file))

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.server.configure_cert(context)
        return context


def _authenticator(logins: dict[str, str]):
    from aiosmtpd.smtp import AuthResult, LoginPassword

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and logins.get(auth_data.login.decode()) == auth_data.password.decode()
        )
        return AuthResult(success=ok, handled=False, auth_data=auth_data)

    return authenticate


def serve_smtp(
    security: str = "none",
    *,
    host: str = "127.0.0.1",
    certificates: Certificates | None = None,
    logins: dict[str, str] | None = None,
) -> Iterator[SmtpServer]:
    """Run the server while the generator is suspended (use it as a fixture's body)."""
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    port = free_port()
    kwargs: dict = {}
    if security != "none":
        assert certificates is not None, "a TLS server needs certificates"
        if security == "starttls":
            kwargs |= {"tls_context": certificates.server_context(), "require_starttls": True}
        else:
            kwargs |= {"ssl_context": certificates.server_context()}
    if logins is not None:
        # Implicit TLS is not STARTTLS, which is all ``auth_require_tls`` knows of: logins are
        # refused in plain text by the ``starttls`` server, and ``tls`` has no plain text at all.
        kwargs |= {
            "authenticator": _authenticator(logins),
            "auth_required": True,
            "auth_require_tls": security == "starttls",
        }
    controller = Controller(inbox, hostname=host, port=port, **kwargs)
    controller.start()
    try:
        yield SmtpServer(
            host, port, inbox, security, certificates.ca_file if certificates is not None else None
        )
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
