"""Rewriting a weak bullet opening: the weak phrase found, and a rewrite only when it is sure to
be English ("Responsible for shaping …" → "Shaped …"; never "Led shaping …")."""

from __future__ import annotations

import re

from resumeiq.engine.score._context import Bullet
from resumeiq.engine.score._text import action_verbs as action_verbs_list
from resumeiq.engine.score._text import is_action_verb, language, weak_phrases, word_count, words


def weak_start(text: str) -> tuple[str, str] | None:
    low = text.lower()
    for phrase, verb in weak_phrases():
        if low.startswith(phrase) and (len(low) == len(phrase) or not low[len(phrase)].isalnum()):
            return phrase, verb
    return None


# Rewrite verbs that take a noun phrase: a gerund after them ("Led shaping …") is not English, so
# the gerund itself becomes the verb ("Shaped …").
_TAKES_OBJECT = frozenset({"led", "co-led", "built", "handled", "applied", "delivered", "completed", "supported",
                           "served as", "supporting"})


def past_of_gerund(word: str) -> str | None:
    """'shaping' → 'shaped', 'building' → 'built', 'planning' → 'planned'; None unless the past form
    is a known action verb."""
    w = word.lower()
    if not w.endswith("ing") or len(w) < 6:
        return None
    base = w[:-3]
    irregular = language()["irregular_verbs"]
    verbs = action_verbs_list()
    for b in (base, base + "e", base[:-1]):
        if irregular.get(b) in verbs:
            return irregular[b]
    for past in (base + "ed", base + "d", base[:-1] + "ed" if base[-1:] == base[-2:-1] else "", base[:-1] + "ied"):
        if past and past in verbs:
            return past
    return None


def rewrite(bullet: Bullet, phrase: str, verb: str) -> str | None:
    """The bullet restarted with a strong verb, or None when no grammatical rewrite is sure."""
    rest = bullet.text[len(phrase) :].lstrip(" :,-")
    rest = re.sub(r"^(?:the\s+)?(?:helping|assisting)\s+(?:with\s+|to\s+|in\s+)?", "", rest)
    first = words(rest)[:1]
    if word_count(rest) < 2 or not first or not rest[:1].isalnum():
        return None
    if first[0].lower().endswith("ing"):
        if verb.lower() not in _TAKES_OBJECT:
            return _head(f"{verb} {rest}")  # "Contributed to building …" is fine
        past = past_of_gerund(first[0])
        if past is None:
            return None
        return _head(past.capitalize() + rest[len(first[0]) :])
    if first[0].lower() in action_verbs_list() or is_action_verb(first[0]):
        return None  # "Responsible for managed …": no rewrite is sure
    return _head(f"{verb} {rest}")


def _head(text: str, n: int = 8) -> str:
    """The first ``n`` words of a rewrite, without closing punctuation (the advice adds ' …')."""
    return " ".join(text.split()[:n]).rstrip(".,;:–- ")
