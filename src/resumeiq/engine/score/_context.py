"""What the checks read: the parsed document plus a few derived views, computed once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from resumeiq.engine.model import Check, CheckStatus, Line, ParsedDocument, ResumeData, Section, Span
from resumeiq.engine.score._bullets import is_statement, join_wrapped
from resumeiq.engine.score._dates import RoleDates, role_dates
from resumeiq.engine.score._text import is_action_verb, strip_bullet, word_count, words
from resumeiq.engine.score.industries import IndustryProfile
from resumeiq.engine.score.weights import CHECKS

_WORDS_PER_PAGE = 500  # estimate for formats without pages (TXT, MD, DOCX)
_MAX_EVIDENCE = 12
_MAX_SPANS = 50


def status_for(score: float, *, passed: float = 0.85, failed: float = 0.35) -> CheckStatus:
    """Status of a 0..1 score: passed at or above ``passed``, failed below ``failed``."""
    if score >= passed:
        return "passed"
    return "failed" if score < failed else "partial"


@dataclass(frozen=True, slots=True)
class Bullet:
    """One achievement line: a work/project highlight or a bullet line of the experience section."""

    text: str
    span: Span | None


@dataclass
class Context:
    parsed: ParsedDocument
    profile: IndustryProfile
    weights: dict[str, float] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.parsed.document.text

    @property
    def resume(self) -> ResumeData:
        return self.parsed.resume

    @cached_property
    def kinds(self) -> list[str]:
        return [s.kind for s in self.parsed.sections]

    def sections_of(self, kind: str) -> list[Section]:
        return [s for s in self.parsed.sections if s.kind == kind]

    def lines_of(self, kind: str) -> list[Line]:
        lines = self.parsed.document.lines
        out: list[Line] = []
        for s in self.sections_of(kind):
            out.extend(lines[max(0, s.first_line) : max(0, s.end_line)])
        return out

    def line_text(self, line: Line) -> str:
        return self.text[line.start : line.end]

    def find_span(self, needle: str, start: int = 0) -> Span | None:
        """Span of the first occurrence of ``needle`` (whitespace-tolerant) at or after ``start``."""
        needle = needle.strip()
        if not needle:
            return None
        at = self.text.find(needle, start)
        if at < 0 and start:
            at = self.text.find(needle)
        return (at, at + len(needle)) if at >= 0 else None

    @cached_property
    def word_count(self) -> int:
        return word_count(self.text)

    @cached_property
    def pages(self) -> int:
        """Pages: the layout's count for PDF; for other formats at least the word-count estimate."""
        doc = self.parsed.document
        pages = max(1, doc.layout.pages)
        if doc.format != "pdf":
            pages = max(pages, -(-self.word_count // _WORDS_PER_PAGE))
        return pages

    @cached_property
    def bullets(self) -> list[Bullet]:
        """Achievement statements (logical bullets, see ``_bullets``): work and project highlights
        (with their evidence spans); when the parser attached none, the bullet lines of the
        experience sections with the lines they wrap onto."""
        out: list[Bullet] = []
        items = [*self.resume.work, *self.resume.projects]
        for item in items:
            pieces = []
            for i, text in enumerate(item.highlights):
                span = item.evidence.get(f"highlights.{i}") or self.find_span(text)
                pieces.append((strip_bullet(text), self.valid_span(span)))
            out.extend(Bullet(t, s) for t, s in join_wrapped(pieces))
        if not out:
            out = self._bullet_lines()
        return [b for b in out if is_statement(b.text, starts_with_verb=bool(words(b.text)[:1])
                                               and is_action_verb(words(b.text)[0]))]

    def _bullet_lines(self) -> list[Bullet]:
        lines = self.lines_of("experience") + self.lines_of("projects")
        if not any(ln.bullet for ln in lines):  # no experience heading: bullets outside list-like sections
            listy = {"skills", "education", "languages", "certificates", "interests", "references", "awards"}
            doc_lines = self.parsed.document.lines
            lines = [ln for s in self.parsed.sections if s.kind not in listy
                     for ln in doc_lines[max(0, s.first_line) : max(0, s.end_line)]]
        out: list[Bullet] = []
        pieces: list[tuple[str, Span | None]] = []
        in_bullet = False
        for line in lines:
            text = self.line_text(line)
            if line.bullet:
                out.extend(Bullet(t, s) for t, s in join_wrapped(pieces))
                pieces = [(strip_bullet(text), self.valid_span((line.start, line.end)))]
                in_bullet = True
            elif in_bullet and pieces and text.strip():
                joined = join_wrapped([pieces[-1], (text, (line.start, line.end))])
                if len(joined) == 1:  # the line carries on the bullet above
                    pieces[-1] = (joined[0][0], self.valid_span(joined[0][1]))
                else:
                    in_bullet = False
            else:
                in_bullet = False
        out.extend(Bullet(t, s) for t, s in join_wrapped(pieces))
        return out

    @cached_property
    def roles(self) -> list[RoleDates]:
        return role_dates(self.resume.work)

    def valid_span(self, span: Span | None) -> Span | None:
        if span is None:
            return None
        start, end = int(span[0]), int(span[1])
        if 0 <= start < end <= len(self.text):
            return (start, end)
        return None

    def work_label(self, index: int) -> str:
        item = self.resume.work[index]
        parts = [p for p in (item.position, item.name) if p]
        return " at ".join(parts) if parts else f"role {index + 1}"

    def work_span(self, index: int) -> Span | None:
        ev = self.resume.work[index].evidence
        for key in ("position", "name", "startDate"):
            if key in ev:
                return self.valid_span(ev[key])
        return None

    def check(
        self,
        check_id: str,
        score: float,
        message: str,
        *,
        status: CheckStatus | None = None,
        evidence: list[str] | None = None,
        spans: list[Span | None] | None = None,
        suggestion: str | None = None,
    ) -> Check:
        """A ``Check`` with the registry's group and title and the profile's weight; the score is
        clamped to 0..1, spans outside the text are dropped, a passed check has no suggestion."""
        spec = CHECKS[check_id]
        score = min(1.0, max(0.0, float(score)))
        status = status or status_for(score)
        clean_spans = sorted({s for s in (self.valid_span(x) for x in spans or []) if s})
        return Check(
            id=check_id,
            group=spec.group,
            title=spec.title,
            status=status,
            score=round(score, 4),
            weight=self.weights.get(check_id, spec.weight),
            message=message,
            evidence=[" ".join(e.split()) for e in (evidence or [])][:_MAX_EVIDENCE],
            spans=clean_spans[:_MAX_SPANS],
            suggestion=None if status == "passed" else suggestion,
        )
