"""An accessibility check run in the page: every control has a visible label (or an accessible
name where a label cannot be, such as a button's text), landmarks and headings, images with text
alternatives, and the contrast of every piece of visible text computed from the computed styles
(WCAG 2 relative luminance; 4.5:1, or 3:1 for large text)."""

from __future__ import annotations

from typing import Any

_CHECK = r"""
() => {
  const problems = [];
  const visible = (el) => {
    const s = getComputedStyle(el);
    if (s.visibility === 'hidden' || s.display === 'none') return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (el.name ? '[name=' + el.name + ']' : '') + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
  const textOf = (el) => (el.textContent || '').replace(/\s+/g, ' ').trim();

  // Controls: a visible <label> (for= or wrapping); buttons and links: their own text.
  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (el.type === 'hidden' || !visible(el)) continue;
    const labels = Array.from(el.labels || []).filter((l) => visible(l) && textOf(l));
    if (!labels.length) problems.push('control without a visible label: ' + describe(el));
  }
  for (const el of document.querySelectorAll('button, a[href], [role=button]')) {
    if (!visible(el)) continue;
    const name = textOf(el) || el.getAttribute('aria-label') || '';
    if (!name) problems.push('button or link without a name: ' + describe(el));
  }
  // Ids referenced by labels and ARIA exist and are unique.
  const ids = {};
  for (const el of document.querySelectorAll('[id]')) ids[el.id] = (ids[el.id] || 0) + 1;
  for (const [id, n] of Object.entries(ids)) if (n > 1) problems.push('duplicate id: ' + id);
  for (const el of document.querySelectorAll('[aria-labelledby], [aria-describedby], label[for]')) {
    const refs = (el.getAttribute('aria-labelledby') || '') + ' ' + (el.getAttribute('aria-describedby') || '') +
                 ' ' + (el.getAttribute('for') || '');
    for (const ref of refs.split(/\s+/).filter(Boolean)) if (!ids[ref]) problems.push('reference to missing id ' + ref);
  }
  // Page structure.
  if (!document.documentElement.lang) problems.push('no lang on <html>');
  if (!document.title.trim()) problems.push('no <title>');
  if (document.querySelectorAll('main').length !== 1) problems.push('not exactly one <main>');
  if (document.querySelectorAll('h1').length !== 1) problems.push('not exactly one <h1>');
  let last = 0;
  for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const level = Number(h.tagName[1]);
    if (last && level > last + 1) problems.push('heading level skipped before: ' + describe(h));
    last = level;
  }
  for (const svg of document.querySelectorAll('svg')) {
    if (svg.getAttribute('aria-hidden') === 'true') continue;
    if (svg.getAttribute('role') !== 'img' || !svg.querySelector('title')) problems.push('chart without role=img and a title');
  }
  for (const img of document.querySelectorAll('img')) if (!img.hasAttribute('alt')) problems.push('img without alt');
  for (const table of document.querySelectorAll('table')) if (!table.querySelector('th')) problems.push('table without headers');

  // Contrast of visible text against the background it is drawn on.
  const parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  };
  const lum = (c) => {
    const ch = [c.r, c.g, c.b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
  };
  const blend = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a), a: 1});
  const background = (el) => {
    const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg && bg.a > 0) { layers.push(bg); if (bg.a >= 1) break; }
    }
    let colour = {r: 255, g: 255, b: 255, a: 1};
    for (const layer of layers.reverse()) colour = blend(layer, colour);
    return colour;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  let checked = 0;
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!el || seen.has(el) || !node.textContent.trim() || !visible(el)) continue;
    if (el.closest('svg, .visually-hidden, .skip, option')) continue;
    seen.add(el);
    const s = getComputedStyle(el);
    const fg = parse(s.color);
    if (!fg) continue;
    const bg = background(el);
    const fgc = blend(fg, bg);
    const l1 = lum(fgc), l2 = lum(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const size = parseFloat(s.fontSize), bold = Number(s.fontWeight) >= 700;
    const needed = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
    checked++;
    if (ratio < needed) problems.push('contrast ' + ratio.toFixed(2) + ' < ' + needed + ': ' + describe(el));
  }
  // SVG chart text drawn with fill against the page's background.
  for (const t of document.querySelectorAll('svg text')) {
    const fill = t.getAttribute('fill');
    if (!fill) continue;
    const hex = fill.replace('#', '');
    const fg = {r: parseInt(hex.slice(0, 2), 16), g: parseInt(hex.slice(2, 4), 16), b: parseInt(hex.slice(4, 6), 16), a: 1};
    const bg = background(t.closest('svg').parentElement);
    const ratio = (Math.max(lum(fg), lum(bg)) + 0.05) / (Math.min(lum(fg), lum(bg)) + 0.05);
    checked++;
    if (ratio < 4.5) problems.push('chart text contrast ' + ratio.toFixed(2) + ': ' + t.textContent);
  }
  return {problems, checked};
}
"""

_KEYBOARD = r"""
() => {
  // Every visible control can take the keyboard focus (none is taken out of the tab order).
  const bad = [];
  for (const el of document.querySelectorAll('a[href], button, input, select, textarea')) {
    if (el.type === 'hidden') continue;
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden') continue;
    if (el.tabIndex < 0 || el.disabled) bad.push(el.outerHTML.slice(0, 80));
  }
  return bad;
}
"""


def check_page(page: Any) -> int:
    """Assert the checks above on the page as it is; returns how many text elements were measured."""
    result = page.evaluate(_CHECK)
    assert not result["problems"], f"accessibility problems on {page.url}:\n" + "\n".join(result["problems"])
    unreachable = page.evaluate(_KEYBOARD)
    assert not unreachable, f"controls out of the tab order on {page.url}: {unreachable}"
    assert result["checked"] > 0
    return result["checked"]


def fits_width(page: Any) -> None:
    """Nothing sticks out sideways: the page scrolls only vertically at the viewport's width."""
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{page.url} is {overflow}px wider than the viewport"
