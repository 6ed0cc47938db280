"""Logical bullets: the achievement statements of a resume, one per statement however many lines
it was printed on.

The parse stage joins most wrapped lines of a highlight; what reaches the checks may still be cut
(a plain-text export wraps a bullet at a fixed width, a PDF line breaks inside a sentence with no
indent to tell). A piece carries on the statement above when that one ends on a word a sentence
cannot end on ("using", "and", a comma) or when the piece starts with a lower-case letter. Short
label lines ("Responsibilities:", "Key achievements:") and one- or two-word items that do not start
with a verb ("O365", "Python") are not statements and are left out.
"""

from __future__ import annotations

import re

from resumeiq.engine.parse.lines import ends_on_joiner

# A piece that starts like the middle of a sentence: a lower-case letter or a closing mark.
_CONTINUES = re.compile(r"^[a-z(),;%&/]")
_LABEL = re.compile(r"^[^.!?]{0,60}:\s*$")
_WORD = re.compile(r"[A-Za-z0-9][\w'’&+#./-]*")


def _carries_on(prev: str, piece: str) -> bool:
    return ends_on_joiner(prev) or prev.rstrip().endswith(("-", "–", "/")) or bool(_CONTINUES.match(piece))


def is_statement(text: str, *, starts_with_verb: bool) -> bool:
    """Whether a joined piece reads as an achievement statement rather than a label or a list item."""
    if _LABEL.match(text):
        return False
    return len(_WORD.findall(text)) >= 3 or starts_with_verb


def join_wrapped(pieces: list[tuple[str, tuple[int, int] | None]]) -> list[tuple[str, tuple[int, int] | None]]:
    """Join each piece that carries on the one before it; spans are merged (start of the first,
    end of the last)."""
    out: list[tuple[str, tuple[int, int] | None]] = []
    for text, span in pieces:
        text = " ".join(text.split())
        if not text:
            continue
        if out and _carries_on(out[-1][0], text):
            prev_text, prev_span = out[-1]
            joined = prev_text + text if prev_text.endswith("-") else f"{prev_text} {text}"
            merged = (prev_span[0], span[1]) if prev_span and span and span[1] >= prev_span[0] else prev_span or span
            out[-1] = (joined, merged)
        else:
            out.append((text, span))
    return out
