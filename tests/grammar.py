"""Simple grammar rules for the sentences a review generates (used by the wording tests and by
``benchmarks/review_quality.py``). Each rule names a mistake templates used to make; a sentence
that breaks one is listed with the rule's name.

- ``plural-marker``: "page(s)", "role(s)": write the number's own form.
- ``number-agreement``: "1 roles", "3 page".
- ``verb-gerund``: a rewrite that puts a gerund after a finite verb ("'Led shaping …'").
- ``verb-heading``: a rewrite that puts a verb before a heading word or before nothing
  ("'Handled, …'", "'Handled Responsibilities …'").
- ``start-fragment``: advice to start a one- or two-word item with a verb ("Start 'O365' …").
- ``lowercase-section``: a section named in lower case in a list of sections.
- ``doubled-word``, ``space-before-punctuation``, ``double-punctuation``, ``unbalanced``,
  ``capital-start``, ``truncated-list`` (a list of skills cut with "…").
"""

from __future__ import annotations

import re

_COUNTED = ("role", "bullet", "page", "word", "skill", "gap", "image", "table", "highlight", "link",
            "recommendation", "point", "pronoun", "phrase", "year", "month", "section")
_FINITE = ("Led", "Built", "Handled", "Applied", "Delivered", "Completed", "Supported", "Co-led",
           "Managed", "Served as")
_HEADING_WORDS = ("responsibilities", "duties", "experience", "skills", "education", "summary",
                  "achievements", "tasks", "projects")
_NOT_GERUNDS = frozenset({"during", "including", "according", "regarding", "following", "morning",
                          "evening", "string", "thing", "spring", "ring", "king", "bring", "ceiling",
                          "something", "nothing", "anything", "everything", "pricing", "engineering",
                          "marketing", "accounting", "training", "funding", "hiring", "onboarding",
                          "staffing", "offering", "building", "meeting", "pending", "being"})


def problems(sentence: str, *, is_list: bool = False) -> list[str]:
    """Names of the rules ``sentence`` breaks (empty when it reads as written English); a list
    ("missing: A, B, C") is only checked for being cut short."""
    out: list[str] = []
    s = sentence
    if is_list:
        return ["truncated-list"] if "…" in s else []
    if re.search(r"\w\((?:s|es)\)", s):
        out.append("plural-marker")
    for noun in _COUNTED:
        if re.search(rf"(?<![\d.,/–-])\b1 {noun}s\b", s) or re.search(
                rf"(?<![\d.,/–-])\b(?:0|[2-9]|\d{{2,}}) {noun}\b(?![- ]points?\b|-)", s):
            out.append("number-agreement")
            break
    for quoted in re.findall(r"'([^']+)'", s):
        words = [w.strip(",.;:") for w in quoted.split()]
        for verb in _FINITE:
            vw = verb.split()
            if words[: len(vw)] != vw:
                continue
            nxt = words[len(vw)].strip(",.;:").lower() if len(words) > len(vw) else ""
            if nxt.endswith("ing") and nxt not in _NOT_GERUNDS:
                out.append("verb-gerund")
            if nxt in _HEADING_WORDS or re.match(rf"^{re.escape(verb)}\s*,", quoted.strip()):
                out.append("verb-heading")
    if (m := re.search(r"\bStart '([^']+)' with", s)) and len(m.group(1).split()) <= 2:
        out.append("start-fragment")
    m = re.search(r"(?:[Ss]ections?|Not found|Missing):\s*([^.]+)\.", s)
    if m and any(item.strip()[:1].islower() for item in m.group(1).split(",")):
        out.append("lowercase-section")
    # The rules below read the template's own words: quoted resume text is set aside.
    s = re.sub(r"(?<!\w)'[^']*'(?!\w)", "'Q'", s)
    if re.search(r"\b(\w+) \1\b", s, re.IGNORECASE) and not re.search(r"\b(\d+) \1\b", s):
        out.append("doubled-word")
    if re.search(r"\s[,.;:!?](?!\d)", s.replace(" …", "").replace(" .NET", "")):
        out.append("space-before-punctuation")
    if re.search(r"[,;:]\s*[.,;:]|\.\.(?!\.)", s.replace("…", "")):
        out.append("double-punctuation")
    # Parentheses only: an apostrophe ("clients' needs") cannot be told from a closing quote.
    if s.count("(") != s.count(")"):
        out.append("unbalanced")
    if s and not (s[0].isupper() or s[0].isdigit() or s[0] in "'\"“("):
        out.append("capital-start")
    if re.search(r"(?:matched|missing|related)[^:]*:[^.]*…", s):
        out.append("truncated-list")
    return out


def review_problems(review) -> list[tuple[str, str, list[str]]]:
    """(where, text, rules broken) for every generated text of a review that breaks a rule."""
    out = []
    for where, text in review_sentences(review):
        found = problems(text, is_list=where.startswith("evidence:"))
        if found:
            out.append((where, text, found))
    return out


def review_sentences(review) -> list[tuple[str, str]]:
    """(where, text) of every generated text of a review: summary, strengths, weaknesses,
    recommendations, each check's message and suggestion, and its matched/missing lists."""
    out = [("executive_summary", review.executive_summary)]
    out += [("strength", s) for s in review.strengths]
    out += [("weakness", s) for s in review.weaknesses]
    out += [(f"recommendation:{r.check_id}", r.text) for r in review.recommendations]
    for c in review.checks:
        out.append((f"message:{c.id}", c.message))
        if c.suggestion:
            out.append((f"suggestion:{c.id}", c.suggestion))
        out += [(f"evidence:{c.id}", e) for e in c.evidence if e.startswith(("matched:", "missing:"))]
    return out
