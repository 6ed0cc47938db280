"""Lexical relevance for matching: BM25 of a resume's text against a job's text, on text cleaned
of everything that identifies a person (name, e-mail, phone, links, addresses, birth dates,
gendered words), so that the score cannot depend on who the candidate is.

``CorpusStats`` holds document frequencies of a batch (``corpus_stats`` over every resume of a
screening); without it every term weighs the same and documents are compared with a typical
resume length, which is a fair default for a single pair.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from resumeiq.engine.model import ResumeData, Span

__all__ = ["CorpusStats", "bm25_relevance", "corpus_stats", "fair_text", "tokenize"]

K1 = 1.2
B = 0.75
DEFAULT_AVGDL = 400.0
_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*(?:\.[a-z0-9]+)*")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|net|io|dev|me|co)(?:/\S*)?\b", re.IGNORECASE)
_PHONE = re.compile(r"\+?\(?\d[\d ().-]{7,}\d")
_PERSONAL = re.compile(
    r"^[^\n]*\b(?:date\s+of\s+birth|d\.?o\.?b\.?|born|birth\s*date|age|gender|sex|marital\s+status|nationality|"
    r"religion|pronouns)\b\s*[:\-][^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
# Words that say someone's gender (or stand for it); they never count.
GENDER_WORDS = frozenset(
    "he him his himself she her hers herself mr mrs ms miss mx sir madam male female man woman men women "  # noqa: SIM905
    "boy girl husband wife father mother son daughter brother sister gentleman lady".split()
)
_STOP = frozenset(
    "a an and are as at be by for from has have in is it its of on or our that the their this to was we "  # noqa: SIM905
    "were will with you your i my me they them who what which all any can may also such than then there "
    "these those into over under up out more most other some no not only own same so too very just about "
    "across per via etc".split()
)


@dataclass(slots=True)
class CorpusStats:
    """Document frequency of each term over ``n_docs`` documents of average length ``avgdl``."""

    n_docs: int = 0
    avgdl: float = DEFAULT_AVGDL
    df: dict[str, int] = field(default_factory=dict)

    def idf(self, term: str) -> float:
        if self.n_docs == 0:
            return 1.0
        n = self.df.get(term, 0)
        return math.log(1.0 + (self.n_docs - n + 0.5) / (n + 0.5))


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens without stop words and gendered words ("node.js", "c++" kept whole)."""
    return [t for t in _TOKEN.findall(text.lower()) if t not in _STOP and t not in GENDER_WORDS]


def fair_text(resume: ResumeData, text: str) -> str:
    """``text`` with the person's identity blanked: the spans of name, contact details, links and
    places, any e-mail, URL or phone number, personal-details lines, and every word of the name."""
    spans: list[Span] = []
    basics = resume.basics
    for key in ("name", "email", "phone", "url"):
        if key in basics.evidence:
            spans.append(basics.evidence[key])
    for item in (basics.location, *basics.profiles):
        if item is not None:
            spans.extend(item.evidence.values())
    for work in resume.work:
        if "location" in work.evidence:
            spans.append(work.evidence["location"])
    chars = list(text)
    for a, b in spans:
        for i in range(max(0, a), min(len(chars), b)):
            chars[i] = " "
    out = "".join(chars)
    for pattern in (_EMAIL, _URL, _PERSONAL, _PHONE):
        out = pattern.sub(lambda m: " " * len(m.group(0)), out)
    names = {w for w in _TOKEN.findall((basics.name or "").lower()) if len(w) > 1}
    if names:
        out = re.sub(
            r"\b(?:" + "|".join(re.escape(n) for n in sorted(names)) + r")\b",
            lambda m: " " * len(m.group(0)),
            out,
            flags=re.IGNORECASE,
        )
    return out


def corpus_stats(documents: Iterable[list[str]]) -> CorpusStats:
    """Statistics of a batch of tokenised documents (the fair texts of the resumes to rank)."""
    df: Counter[str] = Counter()
    n = 0
    total = 0
    for tokens in documents:
        n += 1
        total += len(tokens)
        df.update(set(tokens))
    return CorpusStats(n_docs=n, avgdl=(total / n) if n and total else DEFAULT_AVGDL, df=dict(df))


def bm25_relevance(doc_tokens: list[str], query_tokens: list[str], stats: CorpusStats | None = None) -> float:
    """BM25 of a document for a query, divided by the score a document saturated with every query
    term would get: 0..1, comparable across documents and jobs."""
    stats = stats or CorpusStats()
    if not doc_tokens or not query_tokens:
        return 0.0
    tf = Counter(doc_tokens)
    norm = K1 * (1.0 - B + B * len(doc_tokens) / stats.avgdl)
    score = 0.0
    best = 0.0
    for term, qtf in Counter(query_tokens).items():
        idf = stats.idf(term)
        weight = idf * min(qtf, 3)
        best += weight * (K1 + 1.0)
        f = tf.get(term, 0)
        if f:
            score += weight * f * (K1 + 1.0) / (f + norm)
    return score / best if best > 0 else 0.0
