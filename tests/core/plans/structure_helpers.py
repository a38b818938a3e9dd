"""Small documents for the structure tests: a SourceDocument built from lines of text, one block each."""

from __future__ import annotations

from trienkhai.documents.model import Block, SourceDocument
from trienkhai.plans.model import Plan
from trienkhai.plans.parse import parse_document

PARTY_HEADER = [
    "TỈNH ỦY LẠNG SƠN", "BAN THƯỜNG VỤ", "*", "Số 55-CTr/TU", "ĐẢNG CỘNG SẢN VIỆT NAM",
    "Lạng Sơn, ngày 31 tháng 01 năm 2024",
]
STATE_HEADER = [
    "ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "-------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc", "---------------", "Số: 2506/KH-UBND", "Bắc Ninh, ngày 09 tháng 6 năm 2022",
]
BODY = [
    "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "- Quán triệt Nghị quyết.", "2. Yêu cầu", "Bảo đảm thiết thực.",
    "II. TỔ CHỨC THỰC HIỆN", "1. Ban Dân vận Tỉnh ủy chủ trì theo dõi, đôn đốc.",
]
CLOSING = ["Nơi nhận:", "- Ban Bí thư Trung ương Đảng,", "- Lưu Văn phòng Tỉnh ủy.",
           "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "(đã ký)", "Hoàng Văn Nghiệm"]


def source(lines: list[str] | list[Block], name: str = "t.txt") -> SourceDocument:
    blocks = [b if isinstance(b, Block) else Block(kind="paragraph", text=b) for b in lines]
    return SourceDocument(filename=name, sha256="0" * 64, format="txt", encoding="utf-8", blocks=blocks)


def parse_lines(lines: list[str] | list[Block]) -> Plan:
    return parse_document(source(lines))


def headings(plan: Plan) -> list[tuple[str, str]]:
    return [(n.path, n.title) for n in plan.nodes()]
