"""Issue 8, finding 9: the server ``resumeiq serve`` starts refuses oversized request heads and
closes connections that hold it without sending a request (idle, or dripping headers or a body).
A real server on loopback, real sockets."""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import time

import httpx
import pytest

from processes import CliProcess


class Server(CliProcess):
    """``resumeiq serve`` on a free loopback port."""

    def __init__(self, env: dict[str, str], log) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        super().__init__(["serve", "--host", "127.0.0.1", "--port", str(self.port), "--no-access-log"], env, log)

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"the service exited with {self.proc.returncode}:\n{self.output()}")
            try:
                if httpx.get(f"{self.url}/ready", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"the service did not become ready:\n{self.output()}")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("limits-server")
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESUMEIQ_")}
    env |= {
        "RESUMEIQ_DATA_DIR": str(tmp / "data"),
        "RESUMEIQ_JWT_SECRET": secrets.token_urlsafe(32),
        "RESUMEIQ_WORKER_POOL_SIZE": "1",
        "RESUMEIQ_HTTP_HEADER_TIMEOUT_SECONDS": "2",
        "RESUMEIQ_HTTP_BODY_IDLE_SECONDS": "2",
        "RESUMEIQ_HTTP_KEEP_ALIVE_SECONDS": "1",
    }
    server = Server(env, tmp / "service.log")
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


def connect(server) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    return sock


def read_all(sock: socket.socket) -> bytes:
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    return data


def closed_within(sock: socket.socket, seconds: float) -> bool:
    """Whether the server closes ``sock`` within ``seconds`` (reads until EOF)."""
    sock.settimeout(seconds)
    try:
        read_all(sock)
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True
    return True


def test_finding9_a_one_megabyte_header_is_refused(server):
    with connect(server) as sock:
        head = b"GET /health HTTP/1.1\r\nHost: x\r\nX-Padding: " + b"a" * (1024 * 1024) + b"\r\n\r\n"
        # The server may stop reading and close before all is sent: refused too.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            sock.sendall(head)
        try:
            answer = read_all(sock)
        except ConnectionResetError:
            answer = b""
    assert not answer.startswith(b"HTTP/1.1 200"), answer[:200]
    assert answer == b"" or answer.startswith(b"HTTP/1.1 4"), answer[:200]
    with connect(server) as sock:  # and the server is fine
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert read_all(sock).startswith(b"HTTP/1.1 200")


def test_finding9_an_idle_connection_is_closed(server):
    with connect(server) as sock:
        started = time.monotonic()
        assert closed_within(sock, 10), "an idle connection stayed open"
        assert time.monotonic() - started < 6


def test_finding9_a_dripping_header_is_cut_off(server):
    with connect(server) as sock:
        started = time.monotonic()
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")
        cut = False
        for _ in range(20):  # a header line every half second: never complete
            time.sleep(0.5)
            try:
                sock.sendall(b"X-Slow: 1\r\n")
            except (BrokenPipeError, ConnectionResetError):
                cut = True
                break
        assert cut or closed_within(sock, 1), "a request head dripping in kept its connection"
        assert time.monotonic() - started < 8


def test_finding9_a_stalled_body_is_cut_off_and_a_kept_alive_connection_closed(server):
    with connect(server) as sock:
        sock.sendall(
            b"POST /api/v1/auth/register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1000\r\n\r\n{\"email\": "
        )
        started = time.monotonic()
        assert closed_within(sock, 10), "a body that stopped arriving kept its connection"
        assert time.monotonic() - started < 6
    with connect(server) as sock:
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        time.sleep(0.3)
        first = sock.recv(65536)
        assert first.startswith(b"HTTP/1.1 200")
        assert closed_within(sock, 5), "an idle keep-alive connection stayed open"
