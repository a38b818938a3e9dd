"""The review report as plain dataclasses: everything the .docx and .xlsx writers need, nothing else.

The application fills a `ReviewReportData` from the database (trienkhai_web.reports.queries); the
writers in this package turn it into files. Text values are what the reader sees (Vietnamese, NFC).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from trienkhai.tracking.assess import Assessment

if TYPE_CHECKING:
    from trienkhai.reports.review import Block, ReviewFigures


class Variant(StrEnum):
    """Which document format applies: Party bodies (Hướng dẫn 36-HD/VPTW) or State bodies (NĐ 30/2020)."""

    PARTY = "party"
    STATE = "state"


class ReportKind(StrEnum):
    PERIODIC = "dinh_ky"
    MID_TERM = "so_ket"
    FINAL = "tong_ket"

    @property
    def label(self) -> str:
        return {"dinh_ky": "định kỳ", "so_ket": "sơ kết", "tong_ket": "tổng kết"}[self.value]


# Task statuses counted in the appendix, in column order, with their Vietnamese column headings.
TASK_STATUSES: tuple[tuple[str, str], ...] = (
    ("hoan_thanh", "Hoàn thành"),
    ("dang_trien_khai", "Đang triển khai"),
    ("cham_tien_do", "Chậm tiến độ"),
    ("chua_trien_khai", "Chưa triển khai"),
)


@dataclass
class Issuer:
    """The body that issues the report: `superior` is the line above its name ("ĐẢNG BỘ TỈNH TUYÊN QUANG"
    for a Party body, "ỦY BAN NHÂN DÂN" for a State one), `name` the body itself ("TỈNH ỦY", "TỈNH TUYÊN QUANG")."""

    name: str
    superior: str = ""


@dataclass
class ReportSigner:
    on_behalf_of: str = ""  # "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN"
    title: str = ""         # "PHÓ BÍ THƯ THƯỜNG TRỰC"
    name: str = ""


@dataclass
class ReportPeriod:
    label: str  # "6 tháng đầu năm 2025", "giai đoạn 2024 - 2025"
    start: date
    end: date


@dataclass
class LeadResult:
    """What one lead body reported for a task group."""

    organisation: str
    result: str
    status: str = ""  # one of TASK_STATUSES' keys, or ""


@dataclass
class TaskGroupResult:
    title: str
    leads: list[LeadResult] = field(default_factory=list)


@dataclass
class PartResults:
    """Results for one part of the plan (an outline heading such as "III.1")."""

    title: str
    groups: list[TaskGroupResult] = field(default_factory=list)


@dataclass
class TargetRow:
    name: str
    unit: str = ""
    plan_value: str = ""           # as the plan states it: "≥ 95", "2 - 3"
    result: float | None = None
    assessment: Assessment = Assessment.NO_DATA
    # Share of the plan value achieved, in percent, for the chart (None when it cannot be computed).
    completion: float | None = None
    problem: str = ""   # why the value cannot be right (trienkhai.tracking.assess.implausible), "" if plausible


@dataclass
class TaskStatusRow:
    organisation: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class NotReportedRow:
    organisation: str
    due: date | None = None
    tasks: int = 0


@dataclass
class TimelinessRow:
    organisation: str
    due: date | None
    submitted: date | None

    @property
    def days_late(self) -> int | None:
        if self.due is None or self.submitted is None:
            return None
        return max(0, (self.submitted - self.due).days)

    @property
    def on_time(self) -> bool | None:
        late = self.days_late
        return None if late is None else late == 0


@dataclass
class ReviewReportData:
    variant: Variant
    issuer: Issuer
    kind: ReportKind
    title: str                   # trích yếu: "Sơ kết 6 tháng đầu năm 2025 thực hiện Chương trình hành động số 55-CTr/TU …"
    period: ReportPeriod
    place: str = ""
    date: date | None = None
    number: str = ""             # "Số 12-BC/TU" is written from `number` + `number_suffix`; blank leaves room to fill in
    number_suffix: str = "-BC/TU"
    plan_number: str = ""
    plan_title: str = ""
    situation: list[str] = field(default_factory=list)
    results: list[PartResults] = field(default_factory=list)
    targets: list[TargetRow] = field(default_factory=list)
    shortcomings: list[str] = field(default_factory=list)
    causes: list[str] = field(default_factory=list)
    directions: list[str] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)
    tasks_by_status: list[TaskStatusRow] = field(default_factory=list)
    not_reported: list[NotReportedRow] = field(default_factory=list)
    timeliness: list[TimelinessRow] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signer: ReportSigner = field(default_factory=ReportSigner)
    # Written from the units' reports (trienkhai.reports.review): the body in its kind's structure, and the
    # figures every part of the report states. Empty body: the writers lay out the fields above instead.
    body: list[Block] = field(default_factory=list)
    figures: ReviewFigures | None = None
    voice: str = ""              # who reports: "Ban Thường vụ Tỉnh ủy"
    tone: str = "new"            # the document's tone placement ("new" ủy/hòa, "old" uỷ/hoà)
    draft: bool = False          # "DỰ THẢO": the period has not ended, or the user asked for a draft
    archive: str = "Lưu Văn phòng"

    @property
    def number_text(self) -> str:
        """"Số 12-BC/TU" (Party) or "Số: 12/BC-UBND" (State); blanks for the clerk when no number yet."""
        number = self.number or "\u00a0" * 6
        prefix = "Số:\u00a0" if self.variant is Variant.STATE else "Số\u00a0"
        # Non-breaking: the number and its symbol stay on one line.
        return f"{prefix}{number}{self.number_suffix}".replace(" ", "\u00a0")

    @property
    def place_date_text(self) -> str:
        """"Tuyên Quang, ngày 05 tháng 02 năm 2025": day < 10 and months 1-2 take a leading zero (HD 36, NĐ 30)."""
        if self.date is None:
            return f"{self.place}, ngày     tháng     năm     ".lstrip(", ")
        d = self.date
        day = f"{d.day:02d}"
        month = f"{d.month:02d}" if d.month < 3 else str(d.month)
        text = f"ngày {day} tháng {month} năm {d.year}"
        return f"{self.place}, {text}" if self.place else text.capitalize()
