"""A made-up but realistic report, of any size: for the benchmark, the sample page in docs/ and tests.

The names are those of a province after 1/7/2025 (communes and wards, departments); figures are drawn
from a seeded random generator, so the same size gives the same report.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from trienkhai.reports.model import (
    TASK_STATUSES,
    Issuer,
    LeadResult,
    NotReportedRow,
    PartResults,
    ReportKind,
    ReportPeriod,
    ReportSigner,
    ReviewReportData,
    TargetRow,
    TaskGroupResult,
    TaskStatusRow,
    TimelinessRow,
    Variant,
)
from trienkhai.tracking.assess import assess

_BODIES = ["Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ủy ban Mặt trận Tổ quốc tỉnh",
           "Sở Nội vụ", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Nông nghiệp và Môi trường", "Công an tỉnh"]
_TARGETS = [("Tỷ lệ hộ nghèo giảm bình quân", "%/năm", "giảm", 2.0, 3.0),
            ("Tỷ lệ đảng viên được học tập, quán triệt nghị quyết", "%", "đạt", 95.0, None),
            ("Số thôn, tổ dân phố được công nhận văn hóa", "thôn", "đạt", 1200.0, None),
            ("Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ", "%", "trên", 90.0, None),
            ("Tỷ lệ người dân tham gia bảo hiểm y tế", "%", "ít nhất", 95.0, None)]


def sample_report(units: int = 40, tasks: int = 30, indicators: int = 8, *, seed: int = 7,
                  variant: Variant = Variant.PARTY) -> ReviewReportData:
    rng = random.Random(seed)
    unit_names = [f"Đảng ủy xã {name} {i}" if i % 3 else f"Đảng ủy phường {name} {i}"
                  for i, name in zip(range(1, units + 1), _cycle(["Minh Quang", "Hồng Thái", "Tân Trào", "Yên Sơn",
                                                                   "Kim Bình", "Phúc Ứng"], units), strict=True)]
    period = ReportPeriod("6 tháng đầu năm 2025", date(2025, 1, 1), date(2025, 6, 30))
    targets = []
    for i in range(indicators):
        name, unit, direction, low, high = _TARGETS[i % len(_TARGETS)]
        name = name if i < len(_TARGETS) else f"{name} (nhóm {i // len(_TARGETS) + 1})"
        result = round((low if direction != "giảm" else (high or low)) * rng.uniform(0.8, 1.2), 1)
        verdict, completion = assess(direction, low, high, result)
        plan_value = f"{_n(low)} - {_n(high)}" if high is not None else _n(low)
        targets.append(TargetRow(name, unit, plan_value, result, verdict, completion))
    groups_per_part = max(1, tasks // 4)
    parts = []
    for p, title in enumerate(["Công tác tuyên truyền, quán triệt", "Xây dựng hệ thống chính trị",
                               "Phát triển kinh tế - xã hội", "Bảo đảm quốc phòng, an ninh"]):
        groups = [TaskGroupResult(f"Nhiệm vụ {p * groups_per_part + g + 1}: tổ chức thực hiện nội dung "
                                  f"{title.lower()} giai đoạn {g + 1}",
                                  [LeadResult(rng.choice(_BODIES), "Đã ban hành kế hoạch, tổ chức "
                                              f"{rng.randint(2, 40)} hội nghị với {rng.randint(100, 5000)} lượt "
                                              "cán bộ, đảng viên tham gia; kết quả bước đầu đáp ứng yêu cầu.",
                                              TASK_STATUSES[rng.randrange(4)][0])])
                  for g in range(groups_per_part)]
        parts.append(PartResults(title, groups))
    by_status = [TaskStatusRow(name, {k: rng.randint(0, max(1, tasks // 10)) for k, _ in TASK_STATUSES})
                 for name in unit_names]
    due = period.end + timedelta(days=5)
    not_reported = [NotReportedRow(name, due, rng.randint(1, 10)) for name in unit_names[::17]]
    timeliness = [TimelinessRow(name, due, None if name in {r.organisation for r in not_reported}
                                else due + timedelta(days=max(0, rng.randint(-5, 6)))) for name in unit_names]
    state = variant is Variant.STATE
    return ReviewReportData(
        variant=variant,
        issuer=Issuer("TỈNH TUYÊN QUANG", "ỦY BAN NHÂN DÂN") if state else Issuer("TỈNH ỦY", "ĐẢNG BỘ TỈNH TUYÊN QUANG"),
        kind=ReportKind.MID_TERM,
        title="Sơ kết 6 tháng đầu năm 2025 thực hiện Chương trình hành động số 55-CTr/TU",
        period=period, place="Tuyên Quang", date=date(2025, 7, 8), number="",
        number_suffix="/BC-UBND" if state else "-BC/TU",
        plan_number="Kế hoạch số 123/KH-UBND" if state else "Chương trình hành động số 55-CTr/TU",
        plan_title="ngày 31/01/2024 thực hiện Nghị quyết số 43-NQ/TW",
        situation=["Ngay sau khi Chương trình được ban hành, các cấp ủy, tổ chức đảng đã tổ chức quán triệt, "
                   "xây dựng kế hoạch thực hiện phù hợp với điều kiện của địa phương, đơn vị.",
                   f"Đến nay có {units - len(not_reported)}/{units} đơn vị đã gửi báo cáo kết quả thực hiện."],
        results=parts, targets=targets,
        shortcomings=["Một số cấp ủy chưa quan tâm đúng mức đến công tác kiểm tra, giám sát.",
                      f"Còn {len(not_reported)} đơn vị chưa gửi báo cáo đúng thời hạn."],
        causes=["Nhận thức của một bộ phận cán bộ, đảng viên về vị trí, vai trò của nhiệm vụ chưa đầy đủ."],
        directions=["Tiếp tục quán triệt, tuyên truyền sâu rộng nội dung Chương trình.",
                    "Tập trung chỉ đạo hoàn thành các chỉ tiêu chưa đạt."],
        proposals=["Đề nghị Trung ương sớm ban hành hướng dẫn thực hiện."],
        tasks_by_status=by_status, not_reported=not_reported, timeliness=timeliness,
        recipients=["Ban Bí thư Trung ương Đảng (b/c)", "Các đồng chí Tỉnh ủy viên", "Các đảng bộ trực thuộc"],
        signer=ReportSigner("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Sơn") if state
        else ReportSigner("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Lê Thị Kim Dung"),
    )


def _cycle(items: list[str], n: int) -> list[str]:
    return [items[i % len(items)] for i in range(n)]


def _n(value: float) -> str:
    return f"{value:g}".replace(".", ",")
