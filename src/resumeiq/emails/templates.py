"""E-mail templates: ``{placeholder}`` fields filled per candidate; ``{{`` and ``}}`` are literal
braces. Only the names in ``PLACEHOLDERS`` exist (no attribute access, no format specs)."""

from __future__ import annotations

import re

PLACEHOLDERS = {
    "candidate_name": 'the candidate\'s full name ("there" if the resume shows none)',
    "first_name": 'the first word of the name ("there" if none)',
    "job_title": "the job's title",
    "company": "the job's company (empty if not given)",
    "category": "selected, considered or rejected",
    "score": "the match score, 0-100",
}
_FIELD = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def check_template(template: str) -> None:
    """Raise ValueError naming the first unknown placeholder or stray brace."""
    for m in _FIELD.finditer(template):
        token = m.group(0)
        if token in ("{{", "}}"):
            continue
        name = m.group(1)
        if name is None:
            raise ValueError(f"a lone {token!r}: write {token * 2!r} for a literal brace")
        if name not in PLACEHOLDERS:
            raise ValueError(
                f"unknown placeholder {{{name}}}; known: {', '.join('{' + p + '}' for p in PLACEHOLDERS)}"
            )


def render(template: str, values: dict[str, str]) -> str:
    """Fill a template checked by ``check_template``."""

    def sub(m: re.Match[str]) -> str:
        token = m.group(0)
        if token in ("{{", "}}"):
            return token[0]
        return values.get(m.group(1) or "", "")

    return _FIELD.sub(sub, template)


def one_line(text: str) -> str:
    """A value safe in a header: line breaks and other control characters become spaces."""
    return " ".join("".join(" " if ord(c) < 32 or ord(c) == 127 else c for c in text).split())
