"""The password policy of new accounts, as OWASP's Authentication Cheat Sheet (after NIST SP
800-63B-4) puts it: long enough (``RESUMEIQ_PASSWORD_MIN_LENGTH``, 15 by default since the
service has no second factor; at most 256), any characters, no composition rules, and not one
that guessing tries first: a common password (``data/common_passwords.txt``), one short unit
repeated ("aaaaaaaaaaaaaaa"), a run of consecutive keys or characters ("123456789012345"), or
the account's own e-mail address.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

MAX_LENGTH = 256
_MAX_UNIT = 4  # "abcabcabcabcabc" is a repeated unit; "abcdeabcdeabcde" is left to the length rule
# Runs of consecutive characters, each direction, wrapping ("...7890123..." is one run).
_RUNS = tuple(
    run + run[::-1]
    for run in (
        "01234567890123456789",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
        "qwertyuiopasdfghjklzxcvbnm",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    )
)


@cache
def common_passwords() -> frozenset[str]:
    text = (resources.files("resumeiq.users") / "data" / "common_passwords.txt").read_text(encoding="utf-8")
    return frozenset(_plain(line) for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _plain(text: str) -> str:
    return "".join(text.casefold().split())


def _one_unit_repeated(text: str) -> bool:
    return any(
        len(text) >= 2 * unit and all(text[i] == text[i % unit] for i in range(len(text)))
        for unit in range(1, _MAX_UNIT + 1)
    )


def password_problem(password: str, *, email: str, min_length: int) -> str | None:
    """Why ``password`` may not be the password of the account ``email``, or ``None``."""
    if len(password) < min_length:
        return f"The password must have at least {min_length} characters; a few words in a row make a good one."
    if len(password) > MAX_LENGTH:
        return f"The password may have at most {MAX_LENGTH} characters."
    plain = _plain(password)
    if plain in common_passwords():
        return "This password is one of the most common ones; choose another."
    if _one_unit_repeated(password.casefold()) or _one_unit_repeated(plain):
        return "The password must not be one character or a short group of characters repeated."
    if any(plain in run for run in _RUNS):
        return "The password must not be a run of consecutive characters or keys."
    address = _plain(email)
    local = address.split("@", 1)[0]
    if plain in (address, local) or (len(local) >= 3 and len(plain.replace(local, "")) < 8):
        return "The password must not be made of your e-mail address."
    return None
