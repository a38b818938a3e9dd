"""The targets chart: share of each target achieved, as a PNG for the .docx (its data goes to the workbook).

matplotlib with the Agg backend (no display), in the document's font: Times New Roman where installed, else
its metric twin Liberation Serif, with DejaVu Serif for any letter they lack; a legend says what the colours
mean.
"""

from __future__ import annotations

import io
import textwrap

import matplotlib
from matplotlib import font_manager

matplotlib.use("Agg")  # before pyplot: a server has no display
# Per-glyph fallback along the list: a letter the first font lacks comes from the next (a server may have a
# Times twin without the Vietnamese letters).
matplotlib.rcParams["font.family"] = [f for f in ("Times New Roman", "Liberation Serif", "DejaVu Serif")
                                      if f in {e.name for e in font_manager.fontManager.ttflist}] or ["serif"]

from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from trienkhai.reports.model import Assessment, TargetRow  # noqa: E402

COLOURS = {Assessment.EXCEEDED: "#2e7d32", Assessment.MET: "#1565c0", Assessment.NOT_MET: "#c62828",
           Assessment.IN_PROGRESS: "#ef8f00", Assessment.NO_DATA: "#9e9e9e"}
MAX_BARS = 30  # beyond this the chart is unreadable on an A4 page; the table keeps every row


def targets_chart_png(targets: list[TargetRow], *, dpi: int = 150) -> bytes | None:
    """A horizontal bar chart of completion (% of plan value), or None when no target has a result."""
    rows = [t for t in targets if t.completion is not None][:MAX_BARS]
    if not rows:
        return None
    labels = [textwrap.shorten(t.name, 60, placeholder="…") for t in rows]
    values = [min(float(t.completion or 0), 200.0) for t in rows]
    height = 1.8 + 0.38 * len(rows)
    fig = Figure(figsize=(6.3, height), dpi=dpi)
    ax = fig.add_subplot()
    positions = list(range(len(rows)))[::-1]
    ax.barh(positions, values, color=[COLOURS[t.assessment] for t in rows], height=0.6)
    ax.axvline(100, color="#424242", linestyle="--", linewidth=1)
    ax.set_yticks(positions, labels, fontsize=7)
    ax.set_xlabel("Tỷ lệ đạt so với kế hoạch (%)", fontsize=8)
    ax.set_title("Kết quả thực hiện các chỉ tiêu", fontsize=9, fontweight="bold")
    ax.tick_params(axis="x", labelsize=7)
    for pos, value, row in zip(positions, values, rows, strict=True):
        ax.text(value + 1, pos, f"{row.completion:.0f}%", va="center", fontsize=6)
    ax.set_xlim(0, max(110.0, max(values) * 1.15))
    shown = [a for a in COLOURS if any(t.assessment is a for t in rows)]
    handles: list[Patch | Line2D] = [Patch(color=COLOURS[a], label=a.label) for a in shown]
    handles.append(Line2D([0], [0], color="#424242", linestyle="--", linewidth=1,
                                           label="Mức kế hoạch (100 %)"))
    ax.legend(handles=handles, fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.6 / height),
              ncol=min(len(handles), 3), frameon=False)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()

