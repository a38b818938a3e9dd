"""A coverage result as a readable table, for `trienkhai cover PARENT CHILD` (no --json)."""

from __future__ import annotations

from trienkhai.cascade.coverage import Coverage
from trienkhai.plans.render_tables import _short, _table


def render_coverage(result: Coverage, parent_name: str, child_name: str) -> str:
    """A summary line, then one row per unit of the parent: covered or not, where, and on which words."""
    percent = round(100 * result.ratio)
    lines = [f"Văn bản cấp trên: {parent_name}", f"Văn bản cấp dưới: {child_name}",
             f"Đã cụ thể hóa {len(result.covered)}/{result.total} nội dung ({percent}%); "
             f"chưa cụ thể hóa {len(result.uncovered)}.", ""]
    rows = []
    for item in result.items:
        first = item.counterparts[0] if item.counterparts else None
        others = ", ".join(c.key for c in item.counterparts[1:])
        rows.append([
            item.key, _short(item.text, 56), ("một phần" if item.broad else "có") if item.covered else "CHƯA",
            (first.key + (f" (và {others})" if others else "")) if first else "—",
            f"{first.score:.2f}".replace(".", ",") if first else "",
            _short("; ".join(item.why), 40),
        ])
    lines += _table(["Mục", "Nội dung văn bản cấp trên", "Cụ thể hóa", "Nội dung tương ứng", "Điểm", "Căn cứ"], rows)
    return "\n".join(lines) + "\n"
