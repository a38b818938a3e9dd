"""Words of assignment sentences ("Ban Tuyên giáo chủ trì, phối hợp với … tham mưu …", "định kỳ báo cáo")."""

from __future__ import annotations

LEAD_VERB = "chủ trì"
PARTNER_VERB = "phối hợp"
# Words that open an assignment without being its subject ("Giao Ban Tuyên giáo …").
LEAD_INS: tuple[str, ...] = ("giao", "đề nghị", "yêu cầu")

# Verbs (and modal words) that end a subject. Lower case only: "Ban Chỉ đạo", "Ủy ban Kiểm tra" are names.
PREDICATES: tuple[str, ...] = (
    LEAD_VERB, "chủ động", PARTNER_VERB, "lãnh đạo", "chỉ đạo", "tham mưu", "xây dựng", "căn cứ", "thực hiện",
    "triển khai", "quán triệt", "nghiên cứu", "theo dõi", "hướng dẫn", "định hướng", "tuyên truyền", "đẩy mạnh",
    "tăng cường", "rà soát", "kiểm tra", "giám sát", "cụ thể hóa", "cụ thể hoá", "ban hành", "có trách nhiệm",
    "tiếp tục", "thường xuyên", "đôn đốc", "bám sát", "nâng cao", "quan tâm", "phổ biến", "vận động", "định kỳ",
    "khẩn trương", "sớm", "cần", "phải", "được giao", "trực tiếp", "tập trung", "xác định", "bố trí",
    "bảo đảm", "đảm bảo", "cân đối", "thẩm định", "hỗ trợ", "mở", "phát huy", "tích cực", "lồng ghép",
)
# "tổ chức" is a verb unless a name goes on ("tổ chức chính trị - xã hội", "tổ chức đảng").
ORGANISE = "tổ chức"
NOT_ORGANISE_BEFORE: tuple[str, ...] = ("chính trị", "đảng", "cơ sở", "thành viên", "hội", "đoàn", "liên quan",
                                        "có liên quan", "quần chúng", "xã hội")

# The duties named in an assignment, in the order they are reported.
DUTY_VERBS: tuple[str, ...] = (
    "lãnh đạo", "chỉ đạo", LEAD_VERB, PARTNER_VERB, "tham mưu", "hướng dẫn", "tuyên truyền", "giám sát",
    "kiểm tra", "theo dõi", "đôn đốc", "xây dựng", "triển khai", "quán triệt", "nghiên cứu", "phổ biến",
    "vận động", "định hướng", "rà soát", "ban hành", "cụ thể hóa", "sơ kết", "tổng kết", "báo cáo",
)
REPORT_VERB = "báo cáo"
# How often to report, besides the recurring timeframe wordings ("6 tháng", "kịp thời").
REPORT_PERIODS: tuple[str, ...] = ("6 tháng", "kịp thời")
