"""Timeframe words of task registers: recurring wordings and their codes, and the wordings of a timeframe
that follows something else ("Theo kế hoạch")."""

from __future__ import annotations

# Recurrence code (model.Timeframe.recurrence) → its wordings; checked in this order, the first found wins.
RECURRING: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("thuong_xuyen", ("thường xuyên", "liên tục")),
    ("hang_quy", ("hằng quý", "hàng quý", "mỗi quý", "từng quý")),
    ("hang_thang", ("hằng tháng", "hàng tháng", "mỗi tháng", "từng tháng")),
    ("hang_nam", ("hằng năm", "hàng năm", "mỗi năm", "từng năm")),
    ("dinh_ky", ("định kỳ",)),
    ("theo_nhiem_ky", ("theo nhiệm kỳ", "nhiệm kỳ")),
)

# The period a recurring target's figure is counted over ("tăng 10%/năm", "hằng năm đạt …"), in the order
# a target's words are searched for them.
PERIOD_OF: dict[str, str] = {"hang_nam": "năm", "hang_quy": "quý", "hang_thang": "tháng"}

# Recurring wordings that make a whole timeframe cell in text without its table layout (capitalised
# there); each is read by RECURRING too.
CELL_RECURRING: tuple[str, ...] = ("thường xuyên", "định kỳ", "hằng năm", "hàng năm", "hằng quý", "hàng quý",
                                   "hằng tháng", "hàng tháng", "liên tục", "cả nhiệm kỳ")

# Timeframes that follow something else; in a PDF cell they often wrap, so their later words may end the
# next lines. Longest first where one begins another.
FOLLOWING: tuple[str, ...] = (
    "theo chương trình, đề án", "theo chỉ đạo của Trung ương", "theo từng chương trình", "theo giai đoạn",
    "theo nhiệm kỳ", "theo kế hoạch", "theo chương trình", "theo lộ trình", "theo tiến độ",
)
# What follows "Theo" on the first line of such a timeframe (the rest may wrap to the next lines; a cell
# may even break inside "chương trình"). Every FOLLOWING phrase opens with one of them.
FOLLOWING_OPENINGS: tuple[str, ...] = ("chương", "chỉ đạo", "từng", "giai đoạn", "nhiệm kỳ", "kế hoạch",
                                       "lộ trình", "tiến độ")
