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


def list_edge(doc: ExtractedDocument, lines: list[Line], ln: Line) -> float:
    """The right edge the list or entries of ``ln`` wrap at: the furthest end of their own lines
    that start where ``ln`` does, when there are three or more (a sidebar's list may be set
    narrower than the sidebar's longest line, an e-mail address), else ``frame_edge``."""
    own = [o.x1 for o in lines if o.page == ln.page and o.column == ln.column and abs(o.x0 - ln.x0) <= 2.0]
    return max(own) if len(own) >= 3 else frame_edge(doc, ln)


def in_narrow_column(doc: ExtractedDocument, lines: list[Line], ln: Line) -> bool:
    """The lines of ``ln``'s block span less than 45% of the page's text width (a sidebar)."""
    page = [o for o in doc.lines if o.page == ln.page and o.x1 > o.x0]
    if not page:
        return False
    width = max(o.x1 for o in page) - min(o.x0 for o in page)
    own = [o.x1 for o in lines if o.page == ln.page and o.column == ln.column and abs(o.x0 - ln.x0) <= 2.0]
    return bool(own) and max(own) - ln.x0 < 0.45 * width
