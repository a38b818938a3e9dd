"""The parts of a plan's formal layout that set work to do: their bullets may become trackable tasks."""

from __future__ import annotations

# A heading whose title holds one of these (folded, as whole words) sets tasks, as do its sub-headings:
# "II. NHIỆM VỤ, GIẢI PHÁP", "III. Tổ chức thực hiện", "Các nhiệm vụ trọng tâm".
TASK_PART_WORDS: tuple[str, ...] = ("nhiệm vụ", "giải pháp", "tổ chức thực hiện", "phân công nhiệm vụ",
                                    "trách nhiệm thực hiện")
