"""A draft plan as the parser produces it (`trienkhai.plan/1`) and its source text, for review and publish
tests (`tests.web.factories.DraftPlanFactory` stores it)."""

from __future__ import annotations

SOURCE = """KẾ HOẠCH
Thực hiện Nghị quyết số 43-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Phát huy sức mạnh đại đoàn kết toàn dân tộc.
II. NHIỆM VỤ, GIẢI PHÁP
1. Đẩy mạnh tuyên truyền về khối đại đoàn kết toàn dân tộc
Tỷ lệ hộ nghèo giảm từ 2 - 3%/năm.
III. TỔ CHỨC THỰC HIỆN
1. Ban Dân vận Tỉnh ủy chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc tỉnh theo dõi, đôn đốc."""


def draft_json(number: str = "55-KH/TU", implements: tuple[str, ...] = ("43-NQ/TW",)) -> dict:
    return {
        "schema": "trienkhai.plan/1",
        "source": {"filename": "kh.txt", "sha256": "x", "format": "txt", "encoding": "utf-8"},
        "document": {"kind": "ke_hoach", "number": number, "date": "2024-01-31", "place": "Lai Châu",
                     "issuer": "Ban Thường vụ Tỉnh ủy", "province": "Lai Châu",
                     "title": "Thực hiện Nghị quyết số 43-NQ/TW", "implements": list(implements),
                     "signer": {"name": "Nguyễn Văn A", "title": "Phó Bí thư", "on_behalf_of": "Tỉnh ủy"},
                     "recipients": ["Ban Bí thư"]},
        "outline": [
            {"path": "I", "number": "I", "title": "MỤC ĐÍCH, YÊU CẦU", "kind": "section", "blocks": [],
             "children": [{"path": "I.1", "number": "1", "title": "Mục đích", "kind": "section",
                           "blocks": [{"kind": "paragraph", "text": "Phát huy sức mạnh đại đoàn kết toàn dân tộc.",
                                       "label": None}], "children": []}]},
            {"path": "II", "number": "II", "title": "NHIỆM VỤ, GIẢI PHÁP", "kind": "section", "blocks": [],
             "children": [{"path": "II.1", "number": "1",
                           "title": "Đẩy mạnh tuyên truyền về khối đại đoàn kết toàn dân tộc", "kind": "section",
                           "blocks": [{"kind": "paragraph", "text": "Tỷ lệ hộ nghèo giảm từ 2 - 3%/năm.",
                                       "label": None}], "children": []}]},
            {"path": "III", "number": "III", "title": "TỔ CHỨC THỰC HIỆN", "kind": "section", "blocks": [],
             "children": [{"path": "III.1", "number": "1", "title": "Ban Dân vận Tỉnh ủy chủ trì", "kind": "section",
                           "blocks": [], "children": []}]},
        ],
        "targets": [{"section": "II.1", "text": "Tỷ lệ hộ nghèo giảm từ 2 - 3%/năm.", "subject": "tỷ lệ hộ nghèo",
                     "direction": "giảm", "value": [2, 3], "unit": "%", "recurrence": "năm", "deadline": 2030,
                     "baseline": None, "scope": None}],
        "assignments": [{"item": "III.1", "responsible": ["Ban Dân vận Tỉnh ủy", "Ủy ban Mặt trận Tổ quốc tỉnh"],
                         "lead": "Ban Dân vận Tỉnh ủy", "partners": ["Ủy ban Mặt trận Tổ quốc tỉnh"],
                         "verbs": ["chủ trì"], "duties": "theo dõi, đôn đốc việc thực hiện kế hoạch",
                         "reporting": "định kỳ", "canonical": {}, "text": None}],
        "tasks": [{"no": 1, "content": "Tổ chức hội nghị quán triệt Nghị quyết", "lead": "Ban Tuyên giáo Tỉnh ủy",
                   "partners": "Ban Dân vận Tỉnh ủy; các cơ quan liên quan", "timeframe": "Quý I/2024",
                   "product": "Hội nghị", "due": None, "recurrence": None, "section": None}],
        "references": [{"id": "43-NQ/TW", "kind": "nghi_quyet", "date": "2023-11-24",
                        "issuer": "Ban Chấp hành Trung ương", "text": None}],
        "warnings": [], "preamble": [],
    }
