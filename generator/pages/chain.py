"""The source chain as inline SVG, drawn at build time: primary sources → original →
republishers. No script and nothing from another host: the page carries the drawing.

Two drawings are made: a wide one (levels left to right) for screens and a tall one (levels
top to bottom, fitting a phone's width); the stylesheet shows one of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from .escape import ESCAPES

ROLE_LABEL = {"primary": "Primary source", "original": "Original", "republisher": "Republisher"}
PAD, GAP = 10, 40
WIDE_BOX = (200, 76)
TALL_WIDTH = 340
#: A box's name takes up to this many lines, each LINE pixels high.
NAME_LINES, LINE = 3, 16


def _x(text: str) -> str:
    """Text and attribute values: every piece of syntax as a character reference."""
    return text.translate(ESCAPES)


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: max(1, limit - 1)].rstrip() + "…"


def _wrap(text: str, width: int, lines: int) -> list[str]:
    """Break a name into at most `lines` lines of about `width` characters, words whole where
    they fit; what does not fit ends the last line with an ellipsis (the box's tooltip and the
    list below the drawing give the full name)."""
    out: list[str] = []
    current = ""
    for word in text.split():
        while len(word) > width:  # a word longer than a line is cut across lines
            if current:
                out.append(current)
                current = ""
            out.append(word[:width])
            word = word[width:]
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    out.append(current)
    if len(out) > lines:
        out = out[: lines - 1] + [_clip(" ".join(out[lines - 1 :]), width)]
    return out or [""]


def name_lines(link: dict[str, Any], w: float) -> list[str]:
    """The lines of a box's name at box width `w`."""
    return _wrap(str(link.get("name", "")), max(8, int((w - 20) / 7.6)), NAME_LINES)


def _box(x: float, y: float, w: float, h: float, link: dict[str, Any], date: str) -> str:
    role = str(link.get("role", ""))
    chars = max(8, int((w - 20) / 6.2))
    lines = name_lines(link, w)
    label = ROLE_LABEL.get(role, role)
    if link.get("anonymous") is True:
        label = "Unnamed source"
    if date:
        label = f"{label} · {date}"
    full = _x(" ".join(str(link.get("name", "")).split()))
    texts = "".join(
        f'<text x="{x + 10:.0f}" y="{y + 40 + LINE * i:.0f}" class="bf-node-name">{_x(line)}</text>'
        for i, line in enumerate(lines)
    )
    return (
        f'<g class="bf-node bf-node--{_x(role)}"><title>{full}</title>'
        f'<rect x="{x:.0f}" y="{y:.0f}" width="{w:.0f}" height="{h:.0f}" rx="8"/>'
        f'<text x="{x + 10:.0f}" y="{y + 20:.0f}" class="bf-node-role">'
        f"{_x(_clip(label, chars))}</text>{texts}</g>"
    )


def _box_height(levels: list[list[dict[str, Any]]], widths: list[float]) -> float:
    """One height for every box: enough for the name with the most lines."""
    most = max(
        (len(name_lines(lnk, w)) for level, w in zip(levels, widths, strict=True) for lnk in level),
        default=1,
    )
    return 32 + LINE * most


def _levels(links: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    primaries = [lnk for lnk in links if lnk.get("role") == "primary"]
    outlets = [lnk for lnk in links if lnk.get("role") != "primary"]
    return ([primaries] if primaries else []) + [[o] for o in outlets]


def _draw(levels: list[list[dict[str, Any]]], tall: bool, date_of: Callable[[Any], str]) -> str:
    boxes: list[list[tuple[float, float, float, float]]] = []
    width: float
    height: float
    bw: float
    bh: float
    if tall:
        width = TALL_WIDTH
        widths = [(width - 2 * PAD - (len(level) - 1) * 12) / len(level) for level in levels]
        bh = _box_height(levels, widths)
        for li, level in enumerate(levels):
            bw = widths[li]
            row_y = PAD + li * (bh + GAP)
            boxes.append([(PAD + i * (bw + 12), row_y, bw, bh) for i in range(len(level))])
        height = PAD * 2 + len(levels) * bh + (len(levels) - 1) * GAP
    else:
        bw = WIDE_BOX[0]
        bh = _box_height(levels, [bw] * len(levels))
        rows = max(len(level) for level in levels)
        width = PAD * 2 + len(levels) * bw + (len(levels) - 1) * GAP
        height = PAD * 2 + rows * bh + (rows - 1) * 14
        for li, level in enumerate(levels):
            top = PAD + (height - 2 * PAD - (len(level) * bh + (len(level) - 1) * 14)) / 2
            boxes.append(
                [(PAD + li * (bw + GAP), top + i * (bh + 14), bw, bh) for i in range(len(level))]
            )
    kind = "tall" if tall else "wide"
    parts = [
        f'<svg class="bf-chain-svg bf-chain-svg--{kind}" role="img" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
        'xmlns="http://www.w3.org/2000/svg"><title>Source chain</title>'
        f'<defs><marker id="bf-arrow-{kind}" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z"/></marker></defs>'
    ]
    for level, level_boxes in zip(levels, boxes, strict=True):
        for link, (x, y, w, h) in zip(level, level_boxes, strict=True):
            parts.append(_box(x, y, w, h, link, date_of(link)))
    for li in range(1, len(boxes)):
        tx, ty, tw, th = boxes[li][0]
        for sx, sy, sw, sh in boxes[li - 1]:
            if tall:
                x1, y1, x2, y2 = sx + sw / 2, sy + sh, tx + tw / 2, ty - 2
            else:
                x1, y1, x2, y2 = sx + sw, sy + sh / 2, tx - 2, ty + th / 2
            parts.append(
                f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" '
                f'class="bf-edge" marker-end="url(#bf-arrow-{kind})"/>'
            )
    parts.append("</svg>")
    return "".join(parts)


def chain_svg(links: list[dict[str, Any]], human_date: Callable[[str], str]) -> Markup:
    """The wide and the tall drawing of a source chain (empty for an empty chain)."""
    if not links:
        return Markup("")
    levels = _levels(links)

    def date_of(link: Any) -> str:
        return human_date(str(link["date"])) if link.get("date") else ""

    return Markup(_draw(levels, False, date_of) + _draw(levels, True, date_of))
