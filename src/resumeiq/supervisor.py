"""``resumeiq serve --workers N``: several API processes on one listening socket.

The parent binds the socket, then forks ``N`` children; each builds its own app (database
engine, engine pool, local dispatchers) and serves the inherited socket, the kernel handing
each new connection to one of them. The parent only watches: a child that dies is replaced, and
SIGTERM/SIGINT are passed on to every child, which shut down as a single server does.

Why fork and not uvicorn's ``--workers``: uvicorn spawns its workers and pickles its config
into them, which rules out an app object or a protocol class made at run time; a forked child
builds exactly what ``resumeiq serve`` builds in one process.

Jobs stay exactly-once across the processes: every job is claimed with a conditional UPDATE
(``worker.claim``), each process sweeps for due jobs, and a job whose process died is taken over
when its lease expires.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import sys
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

MAX_WORKERS = 8
_RESTART_PAUSE_SECONDS = 1.0
_STOP_SECONDS = 30.0


def default_workers() -> int:
    """The machine's cores, at most ``MAX_WORKERS``."""
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket that forked children inherit (as uvicorn binds its own)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def run_workers(serve_one: Callable[[socket.socket, int], None], sock: socket.socket, workers: int) -> int:
    """Fork ``workers`` children, each running ``serve_one(sock, index)``; keep that many alive
    until SIGTERM or SIGINT, then stop them. Returns the exit status for the command."""
    children: dict[int, int] = {}  # pid -> worker index
    stopping = False

    def spawn(index: int) -> None:
        pid = os.fork()
        if pid == 0:  # the child
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            code = 0
            try:
                serve_one(sock, index)
            except BaseException:  # noqa: BLE001 - a child reports and exits, never returns here
                log.exception("API worker %d failed", index)
                code = 1
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        children[pid] = index

    def stop(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True
        for pid in list(children):
            _signal(pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for index in range(workers):
        spawn(index)
    while children:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            break
        except InterruptedError:
            continue
        index = children.pop(pid, None)
        if index is None or stopping:
            continue
        log.error("API worker %d (pid %d) exited (%s); starting another", index, pid, _describe(status))
        time.sleep(_RESTART_PAUSE_SECONDS)
        if not stopping:
            spawn(index)
    _reap(children)
    return 0


def _reap(children: dict[int, int]) -> None:
    deadline = time.monotonic() + _STOP_SECONDS
    while children and time.monotonic() < deadline:
        pid, _ = os.waitpid(-1, os.WNOHANG)
        if pid:
            children.pop(pid, None)
        else:
            time.sleep(0.1)
    for pid in children:
        _signal(pid, signal.SIGKILL)


def _signal(pid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signum)


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {os.WTERMSIG(status)}"
    return f"status {os.waitstatus_to_exitcode(status)}"
