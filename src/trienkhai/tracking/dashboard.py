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
        # The first and last labels are anchored inside the picture ("Quý III/2026" is wider than the pad).
        x, anchor = round(pad + i * step, 1), "middle"
        if i == 0:
            x, anchor = 2, "start"
        elif i == len(labels) - 1:
            x, anchor = width - 2, "end"
        parts.append(f'<text x="{x}" y="{height - 3}" font-size="9" text-anchor="{anchor}">{escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


# Colours of the pictures, by the code they stand for (the same on screen and on paper). A picture is
# never colour only: each segment carries its count and a <title>, each picture an aria-label, and the
# page a legend in words.
STATUS_FILLS = {"hoan_thanh": "#1d7a35", "dang_trien_khai": "#2b6cb0", "chua_trien_khai": "#9aa5b1",
                "cham_tien_do": "#c05621", "chua_bao_cao": "#e2e8f0"}
_DARK_TEXT = {"chua_bao_cao", "chua_trien_khai"}


def stacked_bar_svg(segments: Sequence[tuple[str, str, int]], width: int = 240, height: int = 18,
                    title: str = "") -> str:
    """One horizontal bar split by status: `segments` are (code, label, count) in the order drawn.
    Each segment is as wide as its share, shows its count when there is room, and is named in its
    <title>; the whole bar is an image whose label lists every status with its count."""
    total = sum(n for _, _, n in segments)
    said = "; ".join(f"{label}: {n}" for _, label, n in segments if n)
    label = f"{title}: {said}" if title else said
    parts = [f'<svg class="bar" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{escape(label)}"><title>{escape(label)}</title>']
    if not total:
        parts.append(f'<rect x="0" y="0" width="{width}" height="{height}" fill="#f4f4f4" stroke="#ccc"/></svg>')
        return "".join(parts)
    x = 0.0
    for code, name, n in segments:
        if not n:
            continue
        w = width * n / total
        parts.append(f'<rect class="seg-{escape(code)}" x="{x:.1f}" y="0" width="{w:.1f}" height="{height}" '
                     f'fill="{STATUS_FILLS.get(code, "#777")}"><title>{escape(name)}: {n}</title></rect>')
        if w >= 8 * len(str(n)) + 4:
            colour = "#1a202c" if code in _DARK_TEXT else "#fff"
            parts.append(f'<text x="{x + w / 2:.1f}" y="{height - 5}" font-size="11" text-anchor="middle" '
                         f'fill="{colour}">{n}</text>')
        x += w
    parts.append("</svg>")
    return "".join(parts)


def progress_svg(completion: float | None, met: bool, width: int = 160, height: int = 18, title: str = "") -> str:
    """Progress toward a target's level: a track to 100 % of the level, filled to `completion` (percent
    of the level reached, as `assess` computes it; beyond 100 % the fill stops at the end and the text
    says the figure), the level marked by a line, the percentage written beside."""
    text = "—" if completion is None else f"{completion:.0f}%".replace(".", ",")
    label = f"{title}: {text}" if title else text
    bar = width - 44
    parts = [f'<svg class="progress" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{escape(label)}"><title>{escape(label)}</title>',
             f'<rect x="0" y="3" width="{bar}" height="{height - 6}" fill="#edf2f7" stroke="#a0aec0"/>']
    if completion is not None:
        w = max(0.0, min(completion, 100.0)) / 100 * bar
        parts.append(f'<rect x="0" y="3" width="{w:.1f}" height="{height - 6}" '
                     f'fill="{"#1d7a35" if met else "#c05621"}"/>')
    parts.append(f'<line x1="{bar}" y1="0" x2="{bar}" y2="{height}" stroke="#1a202c" stroke-width="2"/>')
    parts.append(f'<text x="{bar + 4}" y="{height - 5}" font-size="11" fill="#1a202c">{escape(text)}</text></svg>')
    return "".join(parts)
