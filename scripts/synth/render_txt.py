"""Plain-text resumes: headings in capitals, underlined or framed; right parts padded to the line's
width or after a tab; a rail as a fixed-width column; wrapped or unwrapped long lines; job-board
exports ("Company - City, ST" / "Job Title" / "Jan 2019 to Present", "Designation: …")."""

from __future__ import annotations

import random
import textwrap

from compose import Line, Section, Style


def _heading(title: str, kind: str, width: int) -> list[str]:
    bare = title.rstrip(":")
    if kind == "underline":
        return [bare, ("=" if len(bare) % 2 else "-") * len(bare)]
    if kind == "dashes":
        return [f"--- {bare.upper()} ---"]
    if kind == "colon":
        return [bare + ":"]
    if kind == "stars":
        return [f"*** {bare.upper()} ***"]
    if kind == "title":
        return [bare]
    return [bare.upper()]


def _line(line: Line, style: Style, width: int, rail: str | None, rail_w: int, pad_right: str, rng: random.Random) -> list[str]:
    text = line.text
    indent = ""
    if line.bullet is not None:
        glyph = line.bullet
        indent = "  " if glyph else "  "
        text = (glyph + " " if glyph else "") + text
    if line.right:
        right = "".join(r.text for r in line.right)
        if pad_right == "pad" and len(indent) + len(text) + len(right) + 2 <= width:
            text = text + " " * (width - len(indent) - len(text) - len(right)) + right
        elif pad_right == "tab":
            text = text + "\t" + right
        else:
            text = text + pad_right + right
    prefix = ""
    if rail_w:
        prefix = (rail or "").ljust(rail_w)
    if style.wrap and len(prefix + indent + text) > width and not line.right:
        hang = " " * (len(prefix) + len(indent) + (2 if line.bullet else 0)) if style.extra.get("hang", True) else ""

        return textwrap.wrap(text, width=width, initial_indent=prefix + indent, subsequent_indent=hang,
                             break_long_words=False, break_on_hyphens=False) or [prefix + indent + text]
    return [prefix + indent + text]


def _page_marks(out: list[str], rng: random.Random, name: str, style: Style) -> list[str]:
    """Text exported from a paged document keeps what stood at each page break: a page number,
    the candidate's name, a profile link."""
    if rng.random() >= style.extra.get("page_marks", 0.25) or len(out) < 50:
        return out
    link = style.extra.get("profile_link") or "www.example.com/resume"
    mark = rng.choice(("Page {p}", "Page {p} of {n}", "{name}", "{link}", "{name} - Page {p}", "- {p} -"))
    every = rng.randint(40, 62)
    n = len(out) // every + 1
    marked: list[str] = []
    for k, line in enumerate(out):
        marked.append(line)
        if k and k % every == 0:
            marked.append(mark.format(p=k // every + 1, n=n, name=name, link=link))
    return marked


def render_txt(header: list[Line], sections: list[Section], style: Style, rng: random.Random, name: str) -> tuple[bytes, int]:
    width = rng.choice((64, 72, 80, 90, 100))
    style.wrap = rng.random() < 0.75
    kind = style.extra.get("txt_heading", "caps")
    pad_right = rng.choice(("pad", "tab", " | ", "  (", ", "))
    style.extra["hang"] = rng.random() < 0.6  # wrapped lines indented under their bullet, or not
    out: list[str] = []
    for ln in header:
        text = ln.text
        if ln.align == "center":
            text = text.center(width).rstrip()
        out.append(text)
    out.append("")
    rail_w = 0
    for sec in sections:
        dated = any(b.rail for b in sec.blocks)
        if sec.title:
            out.extend(_heading(sec.title, kind, width))
            if rng.random() < 0.5:
                out.append("")
        rail_w = max((len(r) for b in sec.blocks for r in (b.rail or [])), default=0) + 3 if dated else 0
        for block in sec.blocks:
            for k, line in enumerate(block.lines):
                rail = block.rail[k] if block.rail and k < len(block.rail) else None
                pr = pad_right
                if pr == "  (" and line.right:
                    line = Line(line.runs + [type(line.runs[0])("  (" + "".join(r.text for r in line.right) + ")")],
                                bullet=line.bullet, indent=line.indent)
                lines = _line(line, style, width, rail, rail_w, pr, rng)
                out.extend(lines)
            out.append("")
    out = _page_marks(out, rng, name, style)
    text = "\n".join(out).rstrip() + "\n"
    if rng.random() < 0.2:
        text = text.replace("\n", "\r\n")
    pages = max(1, len(out) // 60 + 1)
    return text.encode("utf-8"), pages
