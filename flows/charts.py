"""Inline SVG charts for the HTML report: pure functions from numbers to SVG text, no libraries.

Every mark carries a ``<title>`` (the browser's tooltip) and, where a figure has evidence, a link to
it (``href="#ev-<figure_id>"``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#393b79", "#637939", "#843c39", "#7b4173", "#3182bd", "#e6550d")
FONT = "font-family=\"system-ui, 'Segoe UI', Roboto, 'Noto Sans', sans-serif\""


@dataclass(frozen=True)
class Point:
    """One ranked figure of a unit in a year."""

    year: int
    rank: int
    label: str
    figure_id: str | None = None


def _link(figure_id: str | None, inner: str) -> str:
    return f'<a href="#ev-{escape(figure_id)}">{inner}</a>' if figure_id else inner


def scale(value: float, lo: float, hi: float, out_lo: float, out_hi: float) -> float:
    """Map ``value`` from [lo, hi] to [out_lo, out_hi]; the middle of the output when lo == hi.

    Example:
        >>> scale(5, 0, 10, 100, 200), scale(3, 3, 3, 0, 10)
        (150.0, 5.0)
    """
    if hi == lo:
        return (out_lo + out_hi) / 2
    return out_lo + (value - lo) * (out_hi - out_lo) / (hi - lo)


def spread(positions: Sequence[float], gap: float) -> list[float]:
    """Label positions moved down just enough that consecutive ones are ``gap`` apart (input sorted).

    Example:
        >>> spread([10, 10, 30, 31], gap=12)
        [10, 22, 34, 46]
    """
    out: list[float] = []
    for pos in positions:
        out.append(pos if not out or pos >= out[-1] + gap else out[-1] + gap)
    return out


def bump_chart(series: Mapping[str, Sequence[Point]], title: str) -> str:
    """Ranks over the years, one line per unit, rank 1 on top; units labelled at their last year."""
    years = sorted({p.year for points in series.values() for p in points})
    max_rank = max((p.rank for points in series.values() for p in points), default=1)
    left, right, top, row = 48, 330, 28, 24
    width = left + max(len(years) - 1, 1) * 110 + right
    height = int(max(top + max_rank * row, top + 13 * len(series)) + 24)
    x = {year: (scale(i, 0, max(len(years) - 1, 1), left, width - right)) for i, year in enumerate(years)}

    def y(rank: int) -> float:
        return top + (rank - 0.5) * row

    parts = [f'<svg class="chart bump" role="img" viewBox="0 0 {width:.0f} {height}" width="{width:.0f}" '
             f'height="{height}" xmlns="http://www.w3.org/2000/svg" {FONT} font-size="12">',
             f"<title>{escape(title)}</title>"]
    for rank in range(1, max_rank + 1):
        parts.append(f'<text x="{left - 10}" y="{y(rank) + 4:.1f}" text-anchor="end" fill="#666">{rank}</text>')
    for year in years:
        parts.append(f'<text x="{x[year]:.1f}" y="16" text-anchor="middle" font-weight="600">{year}</text>'
                     f'<line x1="{x[year]:.1f}" x2="{x[year]:.1f}" y1="22" y2="{height - 16}" stroke="#eee"/>')
    lines = sorted(series.items(), key=lambda kv: (max(kv[1], key=lambda p: p.year).rank, kv[0]))
    label_y = spread([y(max(points, key=lambda p: p.year).rank) + 4 for _, points in lines], gap=13)
    for number, (unit, points) in enumerate(lines):
        color = PALETTE[number % len(PALETTE)]
        ordered = sorted(points, key=lambda p: p.year)
        parts.append(f'<g class="bump-unit" data-unit="{escape(unit)}">')
        for a, b in zip(ordered, ordered[1:], strict=False):
            # a dashed line spans years in which the unit has no rank
            dash = ' stroke-dasharray="5 4"' if years.index(b.year) - years.index(a.year) > 1 else ""
            parts.append(f'<line x1="{x[a.year]:.1f}" y1="{y(a.rank):.1f}" x2="{x[b.year]:.1f}" '
                         f'y2="{y(b.rank):.1f}" stroke="{color}" stroke-width="2.5" opacity="0.85"{dash}/>')
        for p in ordered:
            dot = (f'<circle cx="{x[p.year]:.1f}" cy="{y(p.rank):.1f}" r="5" fill="{color}" stroke="#fff">'
                   f"<title>{escape(unit)} · {p.year}: rank {p.rank} {escape(p.label)}</title></circle>")
            parts.append(_link(p.figure_id, dot))
        last = ordered[-1]
        parts.append(f'<text x="{x[last.year] + 10:.1f}" y="{label_y[number]:.1f}" fill="{color}">'
                     f"{escape(unit)}</text></g>")
    parts.append("</svg>")
    return "".join(parts)


def change_bars(changes: Sequence[tuple[str, float, str | None]], title: str, unit: str = "points") -> str:
    """Horizontal bars of score changes around zero: climbs green to the right, falls red to the left."""
    label_w, bar_w, row = 250, 320, 22
    height = 30 + row * len(changes)
    extent = max((abs(c) for _, c, _ in changes), default=1.0) or 1.0
    zero = label_w + bar_w / 2
    parts = [f'<svg class="chart changes" role="img" viewBox="0 0 {label_w + bar_w + 70} {height}" '
             f'width="{label_w + bar_w + 70}" height="{height}" xmlns="http://www.w3.org/2000/svg" {FONT} '
             f'font-size="12"><title>{escape(title)}</title>',
             f'<line x1="{zero}" x2="{zero}" y1="6" y2="{height - 6}" stroke="#999"/>',
             f'<text x="{zero}" y="{height - 2}" text-anchor="middle" fill="#666" font-size="10">0 {unit}</text>']
    for i, (name, change, figure_id) in enumerate(changes):
        y = 8 + i * row
        length = abs(change) / extent * (bar_w / 2 - 6)
        x0 = zero if change >= 0 else zero - length
        color = "#2a9d4a" if change > 0 else "#c8423b" if change < 0 else "#999"
        sign = "+" if change > 0 else ""
        value_x = zero + length + 4 if change >= 0 else zero - length - 4
        anchor = "start" if change >= 0 else "end"
        bar = (f'<rect x="{x0:.1f}" y="{y}" width="{max(length, 1):.1f}" height="{row - 6}" fill="{color}">'
               f"<title>{escape(name)}: {sign}{change:.2f}</title></rect>")
        parts.append(f'<g class="change" data-unit="{escape(name)}" data-change="{change:.2f}">'
                     f'<text x="{label_w - 8}" y="{y + 12}" text-anchor="end">{escape(name)}</text>'
                     f"{_link(figure_id, bar)}"
                     f'<text x="{value_x:.1f}" y="{y + 12}" text-anchor="{anchor}" fill="{color}">'
                     f"{sign}{change:.2f}</text></g>")
    parts.append("</svg>")
    return "".join(parts)


def heatmap(units: Sequence[str], criteria: Sequence[str],
            cells: Mapping[tuple[str, str], tuple[float, float, str | None]], title: str) -> str:
    """Units × criteria; each cell (score, bloc best, figure id) shaded by score / best on that criterion."""
    label_w, cell_w, cell_h = 250, 64, 24
    longest = max((len(c) for c in criteria), default=4)
    head = int(min(longest, 40) * 4.5) + 16  # rotated labels need room above the grid and to the right
    width, height = label_w + cell_w * len(criteria) + int(min(longest, 40) * 5.5), head + cell_h * len(units) + 8
    parts = [f'<svg class="chart heatmap" role="img" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" xmlns="http://www.w3.org/2000/svg" {FONT} font-size="11">'
             f"<title>{escape(title)}</title>"]
    for j, criterion in enumerate(criteria):
        cx = label_w + j * cell_w + cell_w / 2
        parts.append(f'<text transform="translate({cx:.1f},{head - 6}) rotate(-35)" font-weight="600">'
                     f"{escape(criterion)}</text>")
    for i, unit in enumerate(units):
        y = head + i * cell_h
        parts.append(f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end">{escape(unit)}</text>')
        for j, criterion in enumerate(criteria):
            if (unit, criterion) not in cells:
                continue
            score, best, figure_id = cells[(unit, criterion)]
            share = score / best if best else 0.0
            lightness = scale(max(min(share, 1.0), 0.5), 0.5, 1.0, 92, 38)
            fill = f"hsl(212, 60%, {lightness:.0f}%)"
            ink = "#fff" if lightness < 60 else "#123"
            cell = (f'<rect x="{label_w + j * cell_w + 1}" y="{y + 1}" width="{cell_w - 2}" height="{cell_h - 2}" '
                    f'fill="{fill}"><title>{escape(unit)} · {escape(criterion)}: {score:g} (bloc best {best:g})'
                    f"</title></rect>"
                    f'<text x="{label_w + j * cell_w + cell_w / 2:.1f}" y="{y + 16}" text-anchor="middle" '
                    f'fill="{ink}">{score:g}</text>')
            parts.append(_link(figure_id, f'<g class="cell" data-unit="{escape(unit)}" '
                                          f'data-criterion="{escape(criterion)}" data-score="{score:g}">{cell}</g>'))
    parts.append("</svg>")
    return "".join(parts)
