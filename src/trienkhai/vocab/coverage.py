"""The words coverage (`trienkhai.cascade`) compares in: abbreviations written out (the bodies' ones from
`vocab.abbreviations` and the subjects' ones below), formulaic wording discounted.

Phrases are written in ordinary spelling and compared folded (no diacritics, đ→d), so old and new tone
placement and text typed without accents are equal.
"""

from __future__ import annotations

from trienkhai.text.vietnamese import fold

# Wording every directive uses whatever its subject: verbs of emphasis, of doing, of leading. They say
# how strongly, not what, so two items sharing only these are not about the same thing.
FORMULAIC = """
tăng cường | đẩy mạnh | tiếp tục | lãnh đạo | chỉ đạo | nâng cao | thực hiện | triển khai | tổ chức thực hiện
| có hiệu quả | hiệu quả | hiệu lực | bảo đảm | đảm bảo | phù hợp | gắn với | kịp thời | thường xuyên
| chủ động | tích cực | tập trung | chú trọng | quan tâm | thực hiện tốt | làm tốt | tốt | nghiêm túc
| các cấp | các ngành | cấp ủy | cơ quan | đơn vị | địa phương | liên quan | trên địa bàn | có liên quan
| công tác | nhiệm vụ | giải pháp | nội dung | việc | cụ thể | cụ thể hóa | đồng bộ | toàn diện | mạnh mẽ
| góp phần | nhằm | theo hướng | trong thời gian tới | ngày càng | hơn nữa | sâu rộng | thiết thực
| quy định | chủ trương | chính sách | đường lối | nghị quyết | kế hoạch | chương trình | số
""".replace("\n", " ")

# Function words (single syllables) that carry no subject matter.
FUNCTION_WORDS = """
và của các cho với trong theo về để là được có những một này đó khi thì từ trên tại đến như hoặc
mọi đã đang sẽ cùng ra vào lên do bởi nên mà qua giữa sau trước năm
""".split()

# Headings that only name a part of the formal layout: a heading that says no more than these (and has
# no text of its own) commits to nothing and is not a unit of coverage.
FORMAL_HEADING_WORDS = """
mục đích yêu cầu mục tiêu quan điểm nhiệm vụ giải pháp chủ yếu trọng tâm tổ chức thực hiện nội dung
chung cụ thể đến năm tầm nhìn một số chỉ tiêu phân công trách nhiệm kinh phí chế độ báo cáo các và
""".split()


def phrases(text: str) -> list[tuple[str, ...]]:
    """`a | b c` → [("a",), ("b", "c")], folded, longest first (so "tổ chức thực hiện" goes before "thực hiện")."""
    out = {tuple(fold(p).split()) for p in text.split("|") if p.strip()}
    return sorted(out, key=lambda p: (-len(p), p))


FORMULAIC_PHRASES = phrases(FORMULAIC)
FUNCTION_SYLLABLES = frozenset(fold(w) for w in FUNCTION_WORDS)
FORMAL_SYLLABLES = frozenset(fold(w) for w in FORMAL_HEADING_WORDS)
