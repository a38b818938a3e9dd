"""Pure computations behind the dashboard: completion ratios, a trend chart (assessing a target is
trienkhai.tracking.assess, shared with the review report)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape


def ratio(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def trend_svg(labels: Sequence[str], values: Sequence[float | None], target: float | None = None,
              width: int = 260, height: int = 90, title: str = "") -> str:
    """A small line chart as inline SVG (no JavaScript): one point per period, the target dashed."""
    pad = 18
    known = [v for v in values if v is not None]
    scale_values = known + ([target] if target is not None else [])
    if not scale_values:
        return (f'<svg class="trend" width="{width}" height="{height}" role="img" aria-label="{escape(title)}">'
                f'<text x="4" y="{height // 2}" font-size="11">—</text></svg>')
    lo, hi = min([*scale_values, 0.0]), max(scale_values)
    hi = hi if hi > lo else lo + 1

    def y(v: float) -> float:
        return round(height - pad - (v - lo) / (hi - lo) * (height - 2 * pad), 1)

    step = (width - 2 * pad) / max(len(labels) - 1, 1)
    points = [(round(pad + i * step, 1), y(v), v) for i, v in enumerate(values) if v is not None]
    parts = [f'<svg class="trend" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>']
    if target is not None:
        ty = y(target)
        parts.append(f'<line x1="{pad}" y1="{ty}" x2="{width - pad}" y2="{ty}" stroke="#1d7a35" '
                     f'stroke-dasharray="4 3"/>')
    if len(points) > 1:
        path = " ".join(f"{x},{py}" for x, py, _ in points)
        parts.append(f'<polyline fill="none" stroke="#a31515" stroke-width="2" points="{path}"/>')
    for x, py, v in points:
        parts.append(f'<circle cx="{x}" cy="{py}" r="3" fill="#a31515"><title>{v:g}</title></circle>')
    for i, label in enumerate(labels):
        parts.append(f'<text x="{round(pad + i * step, 1)}" y="{height - 3}" font-size="9" '
                     f'text-anchor="middle">{escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)
