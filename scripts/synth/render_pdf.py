"""PDF pages with reportlab's canvas and a small layout engine of its own: columns and sidebars
(frames per page), a rail column left of the body for dates or section headings, right-aligned
parts and dot leaders, wrapped lines, letter-spaced and ruled headings, bullets drawn as glyphs or
shapes, running headers and footers with the page count."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from compose import Block, Line, Run, Section, Style
from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

rl_config.invariant = 1  # no creation date or random document id: the same bytes for a seed

FAMILIES = {
    "Helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique"),
    "Times": ("Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic"),
    "Courier": ("Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique"),
    "Vera": ("Vera", "VeraBd", "VeraIt", "VeraBI"),
}
SHAPE_BULLETS = {"▪": "square", "■": "square", "●": "circle", "◦": "ring"}


@cache
def _register_vera() -> None:
    import reportlab

    folder = Path(reportlab.__file__).parent / "fonts"
    for name in FAMILIES["Vera"]:
        pdfmetrics.registerFont(TTFont(name, str(folder / f"{name}.ttf")))


def font_of(style: Style, run: Run | None = None, *, bold: bool = False, italic: bool = False) -> str:
    fam = FAMILIES[style.font]
    b = bold or (run is not None and run.bold)
    i = italic or (run is not None and run.italic)
    return fam[(1 if b else 0) + (2 if i else 0)]


@dataclass
class Frame:
    x: float
    top: float
    w: float
    bottom: float


@dataclass
class Page:
    ops: list[tuple] = field(default_factory=list)


class Layout:
    def __init__(self, style: Style, rng: random.Random) -> None:
        if style.font == "Vera":
            _register_vera()
        self.s, self.rng = style, rng
        self.size = A4 if style.page == "A4" else LETTER
        self.margin = rng.choice((36, 42, 48, 54, 60, 72))
        self.top_margin = self.margin + (14 if style.running else 0)
        self.fs = style.size
        self.lh = self.fs * rng.choice((1.18, 1.25, 1.3, 1.4))
        self.pages: list[Page] = []
        self.cursor: dict[str, tuple[int, int, float]] = {}
        self.header_h = 0.0
        W, H = self.size
        body_w = W - 2 * self.margin
        side_w = body_w * rng.choice((0.28, 0.3, 0.33, 0.36))
        self.gutter = rng.choice((14, 18, 24))
        self.side_w = side_w
        self.body_w = body_w
        self.rail_w = body_w * rng.choice((0.18, 0.2, 0.22, 0.25)) if style.frame == "rail_headings" else body_w * rng.choice((0.2, 0.22, 0.24))
        self.header_span = style.frame in ("twocol",) or (style.frame.startswith("sidebar") and rng.random() < 0.5)
        self.side_fill = rng.random() < 0.5
        self.heading_size = self.fs + rng.choice((1, 2, 3))
        self.rail_bottom: tuple[int, int, float] | None = None
        self.last_key = "main"
        self.right_below = rng.random() < 0.75

    # ------------------------------------------------------------------ frames

    def frames(self, page_no: int, stream: str) -> list[Frame]:
        W, H = self.size
        m, s = self.margin, self.s
        top = H - self.top_margin - (self.header_h if page_no == 0 and self.header_span else 0)
        bottom = self.margin + (10 if s.running else 0)
        if stream == "top":
            return [Frame(m, H - self.top_margin, self.body_w, H - self.top_margin - self.header_h)] if page_no == 0 else []
        if s.frame == "sidebar_left":
            side = Frame(m, top, self.side_w, bottom)
            main = Frame(m + self.side_w + self.gutter, top, self.body_w - self.side_w - self.gutter, bottom)
        elif s.frame == "sidebar_right":
            main = Frame(m, top, self.body_w - self.side_w - self.gutter, bottom)
            side = Frame(m + self.body_w - self.side_w, top, self.side_w, bottom)
        elif s.frame == "twocol":
            col = (self.body_w - self.gutter) / 2
            return [Frame(m, top, col, bottom), Frame(m + col + self.gutter, top, col, bottom)] if stream == "main" else []
        else:
            return [Frame(m, top, self.body_w, bottom)] if stream == "main" else []
        return [side] if stream == "side" else [main]

    def page(self, k: int) -> Page:
        while len(self.pages) <= k:
            self.pages.append(Page())
        return self.pages[k]

    def room(self, stream: str, height: float) -> tuple[Frame, float, Page]:
        """A frame with ``height`` free below the stream's cursor; moves on to the next frame or page."""
        p, f, y = self.cursor.get(stream, (0, 0, None))
        while True:
            frames = self.frames(p, stream)
            if not frames:  # a stream with no frame on this page flows into the main column
                stream = "main"
                p, f, y = self.cursor.get("main", (p, 0, None))
                continue
            frame = frames[f]
            if y is None:
                y = frame.top
            if y - height >= frame.bottom or y == frame.top:
                self.cursor[stream] = (p, f, y - height)
                self.last_key = stream
                return frame, y, self.page(p)
            f += 1
            y = None
            if f >= len(frames):
                p, f = p + 1, 0

    def ensure(self, stream: str, height: float) -> None:
        """Move on to the next frame unless ``height`` fits below the cursor (keep with next)."""
        self.room(stream, height)
        p, f, y = self.cursor[self.last_key]
        self.cursor[self.last_key] = (p, f, y + height)

    def skip(self, stream: str, dy: float) -> None:
        p, f, y = self.cursor.get(stream, (0, 0, None))
        if y is not None:
            self.cursor[stream] = (p, f, y - dy)

    # ------------------------------------------------------------------ text

    def width(self, text: str, font: str, size: float) -> float:
        return pdfmetrics.stringWidth(text, font, size)

    def wrap(self, runs: list[Run], first_w: float, rest_w: float, size: float, bold: bool = False) -> list[list[tuple[str, str]]]:
        """Visual lines of (text, font) pieces."""
        words: list[tuple[str, str]] = []
        for r in runs:
            font = font_of(self.s, r, bold=bold)
            parts = r.text.split(" ")
            for k, w in enumerate(parts):
                words.append((w + (" " if k < len(parts) - 1 else ""), font))
        lines: list[list[tuple[str, str]]] = [[]]
        used = 0.0
        limit = first_w
        for w, font in words:
            ww = self.width(w.rstrip(), font, size)
            if lines[-1] and used + ww > limit:
                lines.append([])
                used, limit = 0.0, rest_w
            lines[-1].append((w, font))
            used += self.width(w, font, size)
        return lines

    def line_height(self, line: Line) -> float:
        return (self.fs + line.size) * (self.lh / self.fs)

    def place_line(self, stream: str, line: Line, x_off: float = 0.0, rail: list[str] | None = None) -> tuple[Frame, float, Page]:
        size = self.fs + line.size
        lh = self.line_height(line)
        frame, _, _ = self.room(stream, 0)
        width = frame.w - x_off - line.indent * size * 1.2
        bullet_w = size * 1.1 if line.bullet else 0.0
        longest = max((self.width(w, font_of(self.s, r), size) for r in line.runs for w in r.text.split()), default=0)
        if longest > width - bullet_w:  # a long e-mail or link in a narrow column: smaller type
            size = max(6.0, size * (width - bullet_w) / longest * 0.98)
            lh = size * self.lh / self.fs
            bullet_w = size * 1.1 if line.bullet else 0.0
        right_text = "".join(r.text for r in line.right) if line.right else ""
        right_font = font_of(self.s, line.right[0]) if line.right else ""
        right_fs = max(6.0, size + line.right_size)
        right_w = self.width(right_text, right_font, right_fs) + size if right_text else 0.0
        if right_w > width * 0.55:
            right_w = 0.0  # no room beside: the right part goes on a line of its own
        visual = self.wrap(line.runs, width - bullet_w - right_w, width - bullet_w, size)
        if right_text and len(visual) > 1 and self.right_below:
            # The text wraps beside its date: the date goes under it, as most templates do.
            visual = self.wrap(line.runs, width - bullet_w, width - bullet_w, size)
            right_w = 0.0
        if right_text and not right_w:
            visual.append([(right_text, right_font)])
            right_text = ""
        total = lh * (len(visual) + line.gap)
        frame, y, page = self.room(stream, total)
        x0 = frame.x + x_off + line.indent * size * 1.2
        width = frame.w - x_off - line.indent * size * 1.2
        y -= lh * line.gap
        placed = (frame, y, page)
        if rail:
            rail_lines = []
            for text in rail:  # wrapped to the rail's width
                for pieces in self.wrap([Run(text)], self.rail_w - size, self.rail_w - size, size - 0.5):
                    rail_lines.append("".join(t for t, _ in pieces).rstrip())
            for k, text in enumerate(rail_lines):
                page.ops.append(("text", frame.x, y - size - k * lh, font_of(self.s), size - 0.5, text, 0))
        for k, pieces in enumerate(visual):
            base = y - size - k * lh
            if k == 0 and line.bullet:
                self._bullet(page, line.bullet, x0, base, size)
            x = x0 + bullet_w
            if line.align == "center":
                full = sum(self.width(t, f, size) for t, f in pieces)
                x = frame.x + (frame.w - full) / 2
            merged = _merge(pieces)
            for m, (text, font) in enumerate(merged):
                page.ops.append(("text", x, base, font, size, text.rstrip() if m == len(merged) - 1 else text, 0))
                x += self.width(text, font, size)
            if k == 0 and right_text:
                end = frame.x + frame.w
                if line.leader:
                    dots_w = end - right_w + size * 0.6 - (x + size * 0.4)
                    dot = self.width(". ", font_of(self.s), size)
                    if dots_w > dot * 2:
                        page.ops.append(("text", x + size * 0.4, base, font_of(self.s), size, ". " * int(dots_w / dot), 0))
                page.ops.append(("right", end, base, right_font, right_fs, right_text, 0))
        return placed

    def _bullet(self, page: Page, glyph: str, x: float, base: float, size: float) -> None:
        shape = SHAPE_BULLETS.get(glyph)
        if shape:
            page.ops.append((shape, x + size * 0.15, base + size * 0.28, size * 0.32))
        else:
            page.ops.append(("text", x, base, font_of(self.s), size, glyph, 0))

    # ------------------------------------------------------------------ sections

    def place_heading(self, stream: str, title: str, x_off: float = 0.0) -> None:
        s = self.s
        size = self.heading_size
        lh = size * 1.35
        font = font_of(s, bold=True)
        spacing = size * 0.25 if s.heading_spaced else 0
        frame, y, page = self.room(stream, lh * 1.2 + (4 if s.heading_rule != "none" else 0))
        y -= lh * 0.2
        if s.heading_rule == "above":
            page.ops.append(("rule", frame.x, y + 1, frame.x + frame.w, 0.6, s.accent))
            y -= 4
        page.ops.append(("text", frame.x + x_off, y - size, font, size, title, spacing, s.accent))
        if s.heading_rule == "below":
            page.ops.append(("rule", frame.x, y - size - 3, frame.x + frame.w, 0.6, s.accent))

    def place_section(self, stream: str, sec: Section) -> None:
        s = self.s
        rail_sec = s.frame == "rail_headings" and stream == "main"
        dated_rail = any(b.rail for b in sec.blocks)
        x_off = self.rail_w if (rail_sec or dated_rail) else 0.0
        self.skip(stream, self.lh * 0.6)
        if sec.title:
            self.ensure(stream, self.heading_size * 1.7 + 2 * self.lh)
        if sec.title and not rail_sec:
            self.place_heading(stream, sec.title)
        first = True
        for block in sec.blocks:
            for k, line in enumerate(block.lines):
                rail = block.rail if (k == 0 and block.rail) else None
                if line.keep and k + 1 < len(block.lines) and s.extra.get("keep", True):
                    nxt = block.lines[k + 1]
                    self.ensure(stream, self.line_height(line) * (1 + line.gap) + self.line_height(nxt) * (1 + nxt.gap))
                if first and rail_sec and sec.title:
                    self._rail_heading(stream, sec.title, line, x_off, rail)
                    first = False
                    continue
                first = False
                self.place_line(stream, line, x_off, rail)
            self.skip(stream, self.lh * s.entry_gap)
        if self.rail_bottom is not None and stream in self.cursor:
            p, f, y = self.cursor[stream]
            if (p, f) == self.rail_bottom[:2] and y > self.rail_bottom[2]:
                self.cursor[stream] = (p, f, self.rail_bottom[2])
            self.rail_bottom = None

    def _rail_heading(self, stream: str, title: str, line: Line, x_off: float, rail: list[str] | None) -> None:
        """A section heading in the left rail on the same line as the section's first line."""
        s = self.s
        size = self.fs + 1
        room = self.rail_w - 2 * size  # a clear gap before the body
        longest = max(self.width(w, font_of(s, bold=True), size) + len(w) * (size * 0.2 if s.heading_spaced else 0)
                      for w in title.split())
        if longest > room:
            size = max(6.0, size * room / longest)
        words = self.wrap([Run(title, bold=True)], room, room, size)
        frame, y, page = self.place_line(stream, line, x_off, rail)
        p, f, _ = self.cursor[stream if stream in self.cursor else "main"]
        self.rail_bottom = (p, f, y - len(words) * size * 1.2 - 2)
        for k, pieces in enumerate(words):
            text = "".join(t for t, _ in pieces).rstrip()
            page.ops.append(("text", frame.x, y - size - k * size * 1.2, font_of(s, bold=True), size, text,
                             size * 0.2 if s.heading_spaced else 0, s.accent))

    def place_header(self, lines: list[Line]) -> None:
        stream = "top" if self.header_span else "main"
        if self.header_span:
            self.header_h = sum(self.line_height(ln) for ln in lines) + self.lh
        for ln in lines:
            self.place_line(stream, ln)


def _merge(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for text, font in pieces:
        if out and out[-1][1] == font:
            out[-1] = (out[-1][0] + text, font)
        else:
            out.append((text, font))
    return out


RUNNING = (
    "Page {p} of {n}", "{name} — Page {p}", "{name} | Résumé", "{p}/{n}", "Curriculum Vitae — {name}",
    "{name} · {p}", "Résumé {p}", "- {p} -",
)


def render(header: list[Line], sections: list[Section], style: Style, rng: random.Random, name: str) -> tuple[bytes, int]:
    lay = Layout(style, rng)
    lay.place_header(header)
    side_first = rng.random() < 0.5
    main = [s for s in sections if not s.side]
    side = [s for s in sections if s.side]
    for group in ((side, main) if side_first else (main, side)):
        for sec in group:
            lay.place_section("side" if sec.side else "main", sec)
    n = len(lay.pages)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=lay.size, invariant=1)
    c.setTitle(f"{name} — Resume" if rng.random() < 0.5 else "")
    running_pos = rng.choice(("footer", "header", "both"))
    for k, page in enumerate(lay.pages):
        if style.frame.startswith("sidebar") and lay.side_fill:
            frame = lay.frames(k, "side")[0]
            c.setFillColorRGB(0.93, 0.94, 0.96)
            c.rect(frame.x - 8, 0, frame.w + 16, lay.size[1], stroke=0, fill=1)
            c.setFillColorRGB(0, 0, 0)
        for op in page.ops:
            _draw(c, op)
        if style.running:
            text = style.running.format(p=k + 1, n=n, name=name)
            c.setFont(font_of(style), 8)
            W, H = lay.size
            if running_pos in ("footer", "both"):
                c.drawCentredString(W / 2, lay.margin / 2, text)
            if running_pos in ("header", "both") and (k > 0 or running_pos == "header"):
                c.drawRightString(W - lay.margin, H - lay.margin / 2, text)
        c.showPage()
    c.save()
    return buf.getvalue(), n


def _draw(c: canvas.Canvas, op: tuple) -> None:
    kind = op[0]
    if kind == "text":
        _, x, y, font, size, text, spacing, *color = op
        if color:
            c.setFillColorRGB(*color[0])
        c.setFont(font, size)
        c.drawString(x, y, text, charSpace=spacing)
        if color:
            c.setFillColorRGB(0, 0, 0)
    elif kind == "right":
        _, x, y, font, size, text, _ = op
        c.setFont(font, size)
        c.drawRightString(x, y, text)
    elif kind == "rule":
        _, x1, y, x2, width, color = op
        c.setStrokeColorRGB(*color)
        c.setLineWidth(width)
        c.line(x1, y, x2, y)
        c.setStrokeColorRGB(0, 0, 0)
    elif kind == "square":
        _, x, y, s = op
        c.rect(x, y - s / 2, s, s, stroke=0, fill=1)
    elif kind == "circle":
        _, x, y, s = op
        c.circle(x + s / 2, y, s / 2, stroke=0, fill=1)
    elif kind == "ring":
        _, x, y, s = op
        c.circle(x + s / 2, y, s / 2, stroke=1, fill=0)


def render_pdf(header: list[Line], sections: list[Section], style: Style, rng: random.Random, name: str) -> tuple[bytes, int]:
    return render(header, sections, style, rng, name)


__all__ = ["RUNNING", "Block", "render_pdf"]
