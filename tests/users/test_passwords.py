"""The password policy of new accounts (OWASP Authentication Cheat Sheet, NIST SP 800-63B-4):
long enough, any characters, no composition rules, not one that guessing tries first."""

from __future__ import annotations

import pytest

from resumeiq.users.passwords import MAX_LENGTH, common_passwords, password_problem

EMAIL = "mira.okafor@example.com"


def problem(password: str, min_length: int = 15) -> str | None:
    return password_problem(password, email=EMAIL, min_length=min_length)


@pytest.mark.parametrize(
    "password",
    [
        "correct horse battery",  # words in a row
        "Zq9#xw-Lk2!pR8@vT",
        "tres tristes tigres comen",
        "Ünïcödé wörds äre fïne",
        "   spaced   out   phrase   ",
        "abcdeabcdeabcdeabcde",  # a 5-character unit: left to the length rule
        "mira's own long sentence",
        "x" * 14 + "y",
    ],
)
def test_long_unguessable_passwords_of_any_characters_are_accepted(password):
    assert problem(password) is None


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("aaaaaaaa", "at least 15 characters"),
        ("Zq9#xw-Lk2!pR8", "at least 15 characters"),  # 14
        ("aaaaaaaaaaaaaaaaaaaa", "repeated"),
        ("               ", "repeated"),
        ("abcabcabcabcabcabc", "repeated"),
        ("1212121212121212", "repeated"),
        ("123456789012345", "consecutive"),
        ("9876543210987654", "consecutive"),
        ("abcdefghijklmnop", "consecutive"),
        ("ZYXWVUTSRQPONMLK", "consecutive"),
        ("wertyuiopasdfghjk", "consecutive"),
        ("2wsx3edc4rfv5tgb6yhn", "consecutive"),
        ("password12345678", "most common"),
        ("PasswordPassword", "most common"),
        ("iloveyouiloveyou", "most common"),
        ("correct horse battery staple", "most common"),
        ("Correct Horse Battery Staple", "most common"),
        ("mira.okafor@example.com", "e-mail address"),
        ("mira.okafor2024!", "e-mail address"),
        ("MIRA.OKAFOR mira.okafor", "e-mail address"),
        ("x" * (MAX_LENGTH + 1), f"at most {MAX_LENGTH}"),
    ],
)
def test_guessable_passwords_are_refused_with_the_reason(password, reason):
    assert reason in (problem(password) or ""), password


def test_the_minimum_length_is_a_setting():
    assert problem("Zq9#xw-Lk2", min_length=10) is None
    assert "at least 10 characters" in problem("Zq9#xw-Lk", min_length=10)
    assert "most common" in problem("password123", min_length=8)
    assert "repeated" in problem("aaaaaaaa", min_length=8)


def test_the_common_list_is_read_normalised_from_the_data_file():
    common = common_passwords()
    assert len(common) > 100
    assert "correcthorsebatterystaple" in common and "password123" in common
    assert all(p == p.casefold() and " " not in p and not p.startswith("#") for p in common)
