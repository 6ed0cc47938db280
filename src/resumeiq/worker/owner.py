"""Who holds a claim: the process that claimed a job, written on the row with the claim.

An owner is ``host/boot id/pid/start time``. A sweep on the same machine (same host name and
boot id) can tell for sure whether that process still runs: the pid must exist and have started
at the recorded clock tick (a pid reused by another process has another start time). A claim
whose owner is gone is given back at once, instead of waiting for its lease to run out, so a
service restarted after ``kill -9`` finishes the jobs it was working on within seconds. Claims
held on other machines are left to their lease: nothing here can see those processes.
"""

from __future__ import annotations

import os
import socket
from functools import cache

OWNER_MAX_CHARS = 200


@cache
def _machine() -> str:
    """Host name and boot id: a pid means the same process only on the same running kernel."""
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as fh:
            boot = fh.read().strip()
    except OSError:
        boot = "unknown-boot"
    return f"{socket.gethostname()[:100]}/{boot}"


def _start_time(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (``/proc/PID/stat`` field 22), or
    None if there is no such process, it has exited (a zombie not yet reaped), or no /proc."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            stat = fh.read()
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may hold spaces: count after its end.
    fields = stat[stat.rfind(b")") + 2 :].split()
    if len(fields) <= 19 or fields[0] in (b"Z", b"X"):
        return None
    return fields[19].decode()


_OWNERS: dict[int, str] = {}


def current_owner() -> str:
    """This process, as written on the rows it claims (kept per pid, not per process: a forked
    worker is another process with another pid; the value is read from /proc once)."""
    pid = os.getpid()
    found = _OWNERS.get(pid)
    if found is None:
        found = f"{_machine()}/{pid}/{_start_time(pid) or '?'}"[:OWNER_MAX_CHARS]
        if "?" not in found.rsplit("/", 1)[1]:
            _OWNERS[pid] = found
    return found


def owner_gone(owner: str | None) -> bool:
    """Whether ``owner`` is a process of this machine that no longer runs. False when it runs,
    when it belongs to another machine (or boot), or when the value cannot be read."""
    if not owner:
        return False
    machine, _, rest = owner.rpartition("/")  # rest: the start time
    machine, _, pid_text = machine.rpartition("/")
    if machine != _machine() or not pid_text.isdigit() or rest == "?":
        return False
    return _start_time(int(pid_text)) != rest
