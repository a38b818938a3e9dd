"""Units of the figures of targets: counted things ("3 - 5 mô hình") and money ("20 tỷ đồng")."""

from __future__ import annotations

COUNT_UNITS: tuple[str, ...] = (
    "đơn vị cấp huyện", "đơn vị cấp xã", "đơn vị hành chính cấp xã", "đơn vị", "mô hình", "điển hình",
    "xã", "phường", "thị trấn", "huyện", "thôn", "bản", "tổ dân phố", "khu dân cư", "hộ", "hộ gia đình",
    "người", "lượt người", "lượt", "câu lạc bộ", "tổ", "doanh nghiệp", "hợp tác xã", "sản phẩm", "trường",
    "km", "ha", "héc-ta", "lao động", "việc làm", "cuộc", "lớp", "buổi", "tin", "bài", "công trình",
    "nhà", "căn nhà", "chi bộ", "tổ chức cơ sở đảng", "đảng viên", "cán bộ", "hội viên", "đoàn viên",
    "sáng kiến", "đề tài", "dự án", "chương trình", "phong trào", "điểm", "tấn", "giường bệnh", "bác sĩ",
)
# Counted units that are measures, with fractions ("2,5 km", "12,8 ha"): never negative, not whole numbers.
MEASURE_UNITS: tuple[str, ...] = ("km", "ha", "héc-ta", "tấn")
MONEY_UNITS: tuple[str, ...] = ("nghìn tỷ đồng", "tỷ đồng", "triệu đồng", "triệu USD", "tỷ USD", "USD", "nghìn đồng")
# A figure's unit when it is a share.
PERCENT_WORDS: tuple[str, ...] = ("%", "phần trăm")


def is_percent(text: str | None) -> bool:
    """Whether a unit (or a clause) speaks of a share: "%", "phần trăm"."""
    return text is not None and any(w in text for w in PERCENT_WORDS)

# What may stand right before a count for it to be a target ("có từ 3-5 mô hình", "thành lập 2 hợp tác
# xã"), besides any direction word ("ít nhất 3 đơn vị", "tăng 2 xã").
COUNT_LEAD_INS: tuple[str, ...] = ("từ", "khoảng", "có", "thêm", "gần", "xây dựng", "thành lập", "phấn đấu",
                                   "bình quân", "mới", "tới", "lên")
