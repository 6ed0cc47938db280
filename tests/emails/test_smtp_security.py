"""E-mail over STARTTLS and implicit TLS, with a login, to real SMTP servers on loopback.

Each server has a certificate for 127.0.0.1 signed by a certificate authority made for this test
run; the sender trusts it the way an operator trusts a private CA: through ``SSL_CERT_FILE``
(OpenSSL's default verify paths, which the SMTP client's default context loads). The servers
refuse mail from a client that has not logged in, and record whether each message came over TLS
and under which login.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from emails import smtp
from emails.test_send_email import TO, make_message, row
from resumeiq.config import Settings
from resumeiq.db import Database
from resumeiq.emails.tasks import EmailContext, SmtpSettings, send_email

LOGINS = {"mailer@acme.test": "s3cret-app-password"}


@pytest.fixture(scope="module")
def certificates(tmp_path_factory) -> smtp.Certificates:
    return smtp.Certificates(tmp_path_factory.mktemp("tls"))


@pytest.fixture(params=["starttls", "tls"])
def tls_server(request, certificates) -> Iterator[smtp.SmtpServer]:
    yield from smtp.serve_smtp(request.param, certificates=certificates, logins=LOGINS)


@pytest.fixture
async def database(database_url):
    db = Database(database_url)
    yield db
    await db.dispose()


@pytest.fixture
def trust_test_ca(monkeypatch, certificates) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(certificates.ca_file))


def email_context(database: Database, server: smtp.SmtpServer, *, password: str) -> EmailContext:
    """The context the service builds from its settings (``RESUMEIQ_SMTP_*``)."""
    settings = Settings(
        data_dir=".",
        smtp_host=server.host,
        smtp_port=server.port,
        smtp_security=server.security,
        smtp_username="mailer@acme.test",
        smtp_password=password,
        smtp_timeout_seconds=10,
    )
    return EmailContext(
        sessionmaker=database.sessionmaker,
        smtp=SmtpSettings.from_settings(settings),
        lease_seconds=30,
        max_attempts=3,
        retry_seconds=0,
    )


async def test_the_message_goes_over_tls_after_a_login(database, tls_server, trust_test_ca):
    message_id = await make_message(database)
    ctx = email_context(database, tls_server, password=LOGINS["mailer@acme.test"])
    assert await send_email(message_id, ctx=ctx) == "sent"
    (received,) = tls_server.inbox.to(TO)
    assert received["Subject"] == "Your application, Ada"
    assert tls_server.inbox.sessions == [smtp.Received(tls=True, login="mailer@acme.test")]


async def test_a_refused_login_fails_the_message_with_the_servers_reply(database, tls_server, trust_test_ca):
    message_id = await make_message(database)
    ctx = email_context(database, tls_server, password="not the password")
    assert await send_email(message_id, ctx=ctx) == "failed"
    failed = await row(database, message_id)
    assert failed.error.startswith("535 ") and "uthentication" in failed.error
    assert tls_server.inbox.messages == []


async def test_an_untrusted_certificate_is_refused(database, tls_server, monkeypatch, tmp_path):
    """Without the test CA among the trusted ones, the server's certificate does not verify:
    nothing is sent (not even the password), and the message waits for a retry."""
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "no-such-bundle.pem"))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path))
    message_id = await make_message(database)
    ctx = email_context(database, tls_server, password=LOGINS["mailer@acme.test"])
    assert await send_email(message_id, ctx=ctx) == "queued"
    waiting = await row(database, message_id)
    assert "CERTIFICATE_VERIFY_FAILED" in waiting.error
    assert tls_server.inbox.messages == []


def test_smtp_settings_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("RESUMEIQ_SMTP_HOST", "mail.acme.test")
    monkeypatch.setenv("RESUMEIQ_SMTP_PORT", "465")
    monkeypatch.setenv("RESUMEIQ_SMTP_SECURITY", "tls")
    monkeypatch.setenv("RESUMEIQ_SMTP_USERNAME", "mailer@acme.test")
    monkeypatch.setenv("RESUMEIQ_SMTP_PASSWORD", "s3cret-app-password")
    monkeypatch.setenv("RESUMEIQ_SMTP_TIMEOUT_SECONDS", "7.5")
    assert SmtpSettings.from_settings(Settings(data_dir=tmp_path)) == SmtpSettings(
        host="mail.acme.test",
        port=465,
        security="tls",
        username="mailer@acme.test",
        password="s3cret-app-password",
        timeout=7.5,
    )
    monkeypatch.delenv("RESUMEIQ_SMTP_HOST")
    assert SmtpSettings.from_settings(Settings(data_dir=tmp_path)) is None
    monkeypatch.setenv("RESUMEIQ_SMTP_HOST", "mail.acme.test")
    monkeypatch.delenv("RESUMEIQ_SMTP_PASSWORD")
    assert SmtpSettings.from_settings(Settings(data_dir=tmp_path)).password is None
