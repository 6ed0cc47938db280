"""Whether a PDF line was wrapped by its column: the next line's first word would not have fitted."""

from __future__ import annotations

from resumeiq.engine.model import ExtractedDocument, Line


def frame_edge(doc: ExtractedDocument, ln: Line) -> float:
    """How far right the text of the frame ``ln`` starts in reaches: the furthest right end of
    the page's lines of the same column that start where it does or a little right of it (its
    list items), not a centred title above them."""
    edge = ln.x1
    for other in doc.lines:
        if other.page == ln.page and other.column == ln.column and not other.rail and ln.x0 - 1.0 <= other.x0 <= ln.x0 + 30.0:
            edge = max(edge, other.x1)
    return edge


def no_room(a: Line, b: Line, text: str, edge: float) -> bool:
    """The first word of line ``b`` would not have fitted at the end of line ``a``."""
    if not text or b.x1 <= b.x0:
        return False
    per_char = (b.x1 - b.x0) / len(text)
    first = len(text.split()[0]) + 1
    return a.x1 + first * per_char > edge - 1.0
