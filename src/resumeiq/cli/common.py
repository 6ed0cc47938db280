"""What every command shares: its exit codes, and how a file it could not read is reported.

Exit codes, the same for every command:

    0  done
    1  refused: the input was read and the service said no (``user create``: the address has an
       account, the password is too weak)
    2  usage error (a bad option or argument; nothing was read)
    3  a file could not be read: each one is listed on stderr with its error code and message;
       with a folder, the files that could be read are still processed and written

On a terminal an error is a sentence (``error: scan.pdf: no_text_layer — …``); when stderr is a
file or a pipe, a single file's error is the JSON object ``{"code", "message"}`` for scripts.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.markup import escape

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_UNREADABLE = 3

err = Console(stderr=True)


def readable(name: str, error: dict[str, str]) -> str:
    """``scan.pdf: no_text_layer — The PDF has no text layer …`` (Rich markup escaped)."""
    return f"[yellow]{escape(name)}[/yellow]: {escape(error['code'])} — {escape(error['message'])}"


def report_error(name: str, error: dict[str, str], console: Console | None = None) -> None:
    """One file's error: a sentence on a terminal, else its JSON (one line)."""
    console = console or err
    if console.is_terminal:
        console.print(f"[red]error:[/red] {readable(name, error)}")
    else:
        console.file.write(json.dumps(error, ensure_ascii=False) + "\n")


def unreadable_summary(failed: Sequence[tuple[Path | str, dict[str, str]]]) -> str:
    """``could not be read: a.pdf (corrupt_file), b.txt (empty_file)``, or "" if none."""
    if not failed:
        return ""
    names = ", ".join(f"{Path(p).name} ({e['code']})" for p, e in sorted(failed, key=lambda f: str(f[0])))
    return f"{len(failed)} could not be read: {escape(names)}"


def exit_code(failed: Sequence[object]) -> int:
    """The one rule: 3 when any file could not be read, else 0."""
    return EXIT_UNREADABLE if failed else EXIT_OK
