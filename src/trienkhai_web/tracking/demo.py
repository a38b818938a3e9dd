"""Demo data for the reporting cycle: a quarterly schedule for each published plan and two past periods
of realistic unit reports — some on time, some late, some missing, some returned, some accepted — with
indicator values, so the dashboard shows figures on first start. Idempotent."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from trienkhai_web.plans.models import AssignmentRole, Plan, PlanStatus, Target, TaskAssignment
from trienkhai_web.tracking import services
from trienkhai_web.tracking.models import (
    ActivityKind,
    IndicatorValue,
    PartnerContribution,
    ReportingSchedule,
    ReportStatus,
    ReviewActivity,
    ReviewEvent,
    TaskProgress,
    UnitReport,
    UnitReview,
)

RESULTS = ["Đã tổ chức hội nghị quán triệt cho cán bộ, đảng viên", "Đã ban hành văn bản hướng dẫn triển khai",
           "Đã lồng ghép tuyên truyền trong sinh hoạt chi bộ", "Đã kiểm tra, giám sát tại 3 cơ sở"]
DIFFICULTIES = ["Kinh phí hạn hẹp", "Thiếu cán bộ chuyên trách", "Địa bàn rộng, giao thông khó khăn"]

# The units' own assessment of the period: several wordings of the same few themes, as units write them,
# so that the review has something to group.
STRENGTHS = [
    "Cấp ủy, người đứng đầu quan tâm lãnh đạo, chỉ đạo sát sao việc triển khai thực hiện",
    "Cấp ủy và người đứng đầu đã quan tâm lãnh đạo, chỉ đạo sát sao",
    "Công tác tuyên truyền được đổi mới, đa dạng hình thức, lồng ghép trong sinh hoạt chi bộ",
    "Phối hợp giữa các cơ quan, đơn vị chặt chẽ, kịp thời",
    "Sự phối hợp giữa các cơ quan, đơn vị được thực hiện chặt chẽ",
    "Nhiều mô hình, cách làm hay được nhân rộng ở cơ sở",
]
LIMITATIONS = [
    "Một số nhiệm vụ triển khai còn chậm so với kế hoạch",
    "Một số nhiệm vụ còn chậm tiến độ so với kế hoạch đề ra",
    "Công tác kiểm tra, giám sát chưa thường xuyên",
    "Việc kiểm tra, giám sát chưa được thực hiện thường xuyên",
    "Chất lượng báo cáo của một số cơ sở chưa cao, số liệu chưa đầy đủ",
    "Hình thức tuyên truyền ở vùng sâu, vùng xa còn đơn điệu",
]
CAUSES_OBJECTIVE = [
    "Địa bàn rộng, chia cắt, giao thông đi lại khó khăn",
    "Địa bàn rộng, giao thông đi lại khó khăn, nhất là mùa mưa lũ",
    "Nguồn kinh phí bố trí cho nhiệm vụ còn hạn hẹp",
    "Kinh phí bố trí còn hạn hẹp",
    "Sắp xếp tổ chức bộ máy, đơn vị hành chính làm thay đổi đầu mối thực hiện",
]
CAUSES_SUBJECTIVE = [
    "Một số cấp ủy chưa quan tâm đúng mức đến công tác chỉ đạo",
    "Một số cấp ủy, người đứng đầu chưa thực sự quan tâm đúng mức",
    "Đội ngũ cán bộ làm công tác chuyên môn còn thiếu, kiêm nhiệm nhiều việc",
    "Cán bộ chuyên trách còn thiếu, phải kiêm nhiệm",
    "Sự phối hợp giữa một số cơ quan chưa chặt chẽ",
]
LESSONS = [
    "Phải phát huy vai trò nêu gương của người đứng đầu cấp ủy",
    "Phát huy vai trò nêu gương của người đứng đầu",
    "Cụ thể hóa nhiệm vụ bằng kế hoạch có lộ trình, phân công rõ người, rõ việc, rõ thời gian",
    "Phân công rõ người, rõ việc, rõ thời gian, rõ kết quả",
    "Thường xuyên kiểm tra, đôn đốc, kịp thời tháo gỡ khó khăn ở cơ sở",
]
PROPOSALS = [
    "Đề nghị Tỉnh ủy, Ủy ban nhân dân tỉnh bố trí bổ sung kinh phí thực hiện",
    "Đề nghị cấp trên quan tâm bố trí thêm kinh phí thực hiện",
    "Đề nghị tổ chức tập huấn nghiệp vụ cho cán bộ cơ sở",
    "Đề nghị mở lớp tập huấn nghiệp vụ cho cán bộ làm công tác chuyên môn ở cơ sở",
    "Đề nghị ban hành hướng dẫn thống nhất về biểu mẫu báo cáo",
]
DIRECTIONS = [
    "Tiếp tục đẩy mạnh tuyên truyền, quán triệt đến cán bộ, đảng viên và Nhân dân",
    "Tập trung hoàn thành các nhiệm vụ còn chậm tiến độ",
    "Tăng cường kiểm tra, giám sát việc thực hiện ở cơ sở",
]
CONFERENCES = ["Hội nghị quán triệt, triển khai chương trình cho cán bộ chủ chốt",
               "Hội nghị học tập, quán triệt cho cán bộ, đảng viên", "Hội nghị triển khai kế hoạch thực hiện"]


def _pick(pool: list[str], roll: int, many: int) -> str:
    """`many` lines of `pool` chosen by `roll`, one a line."""
    return "\n".join(dict.fromkeys(pool[(roll * 7 + i * 3) % len(pool)] for i in range(many)))


def _roll(*parts: object) -> int:
    """A stable pseudo-random number 0–99, so reloading gives the same demo."""
    return int(hashlib.sha256("/".join(map(str, parts)).encode()).hexdigest()[:8], 16) % 100


def _at(day: date, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def load(today: date | None = None) -> int:
    """Schedule every published plan with tasks and fill its two latest past periods; returns the number of
    reports created."""
    today = today or timezone.localdate()
    created = 0
    for plan in Plan.objects.filter(status=PlanStatus.PUBLISHED, tasks__isnull=False).distinct():
        created += _load_plan(plan, today)
    return created


@transaction.atomic
def _load_plan(plan: Plan, today: date) -> int:
    if not ReportingSchedule.objects.filter(plan=plan).exists():
        start = date(today.year - 1, 1, 1)
        services.save_schedule(None, plan, version=0, starts_on=start, ends_on=date(today.year + 2, 12, 31), quarterly=True,
                               half_yearly=False, yearly=True, midterm_on=date(today.year, 12, 31),
                               final_on=date(today.year + 2, 12, 31))
    past = [p for p in plan.reporting_periods.filter(kind="quarterly", unit_deadline__lt=today)
            .order_by("unit_deadline")][-2:]
    assignments = list(TaskAssignment.objects.filter(task__plan=plan).select_related("task", "organisation"))
    org_ids = sorted({a.organisation_id for a in assignments})
    targets = list(Target.objects.filter(plan=plan))
    created = 0
    for index, period in enumerate(past):
        reporters = []
        for org_id in org_ids:
            roll = _roll(plan.pk, period.code, org_id)
            if roll < 20 or UnitReport.objects.filter(period=period, organisation_id=org_id).exists():
                continue  # missing (one in five), or already loaded
            report = _report(plan, period, org_id, roll, index, [a for a in assignments if a.organisation_id == org_id])
            reporters.append(report)
            created += 1
        for i, target in enumerate(targets):
            accepted = [r for r in reporters if r.status == ReportStatus.ACCEPTED]
            if accepted and target.value_low is not None:
                drift = Decimal(_roll(target.pk, period.code) - 50) / 500 + Decimal("0.02") * index
                IndicatorValue.objects.get_or_create(
                    report=accepted[i % len(accepted)], target=target,
                    defaults={"value": (target.value_low * (1 + drift)).quantize(Decimal("0.01")),
                              "note": "Số liệu tổng hợp từ cơ sở"})
        for report in reporters:
            report.content_hash = services.content_hash(report)
            if report.status == ReportStatus.ACCEPTED:
                report.accepted_hash = report.content_hash
            report.save(update_fields=["content_hash", "accepted_hash"])
    return created


def _report(plan: Plan, period, org_id: int, roll: int, index: int, assignments: list) -> UnitReport:  # type: ignore[no-untyped-def]
    late = 20 <= roll < 35
    submitted = _at(period.unit_deadline + timedelta(days=3 if late else -1))
    returned = 35 <= roll < 45
    status = ReportStatus.RETURNED if returned else (ReportStatus.ACCEPTED if roll % 3 else ReportStatus.SUBMITTED)
    report = UnitReport.objects.create(period=period, organisation_id=org_id, status=status,
                                       first_submitted_at=submitted, submitted_at=submitted)
    for a in assignments:
        r = _roll(a.task_id, period.code, org_id)
        if a.role == AssignmentRole.PARTNER:
            PartnerContribution.objects.get_or_create(report=report, task=a.task,
                                                      defaults={"text": "Phối hợp tuyên truyền, vận động hội viên"})
            continue
        task_status = ["hoan_thanh", "dang_trien_khai", "dang_trien_khai", "cham_tien_do", "chua_trien_khai"][
            min(4, r // (25 - 5 * index))] if r < 100 else "hoan_thanh"
        explanation = "Chậm do thiếu kinh phí, đã đề xuất bổ sung" if services.needs_explanation(
            task_status, a.task.due_date, period) else ""
        TaskProgress.objects.get_or_create(report=report, task=a.task, defaults={
            "status": task_status, "results": RESULTS[r % len(RESULTS)],
            "difficulties": DIFFICULTIES[r % len(DIFFICULTIES)] if task_status != "hoan_thanh" else "",
            "causes": "Nguồn lực còn hạn chế" if task_status != "hoan_thanh" else "",
            "proposals": "Đề nghị cấp trên hỗ trợ kinh phí" if task_status == "cham_tien_do" else "",
            "explanation": explanation})
    _review_content(report, period, org_id, roll)
    ReviewEvent.objects.create(report=report, action="submit", from_status="draft", to_status="submitted",
                               actor_organisation_id=org_id, at=submitted)
    if status in (ReportStatus.ACCEPTED, ReportStatus.RETURNED):
        action = "accept" if status == ReportStatus.ACCEPTED else "return"
        comment = "" if status == ReportStatus.ACCEPTED else "Đề nghị bổ sung số liệu, kết quả cụ thể"
        report.reviewed_at, report.review_comment = submitted + timedelta(days=2), comment
        report.save(update_fields=["reviewed_at", "review_comment"])
        ReviewEvent.objects.create(report=report, action=action, from_status="submitted", to_status=status,
                                   actor_organisation_id=plan.monitoring_body_id, at=report.reviewed_at,
                                   comment=comment)
    return report


def _review_content(report: UnitReport, period, org_id: int, roll: int) -> None:  # type: ignore[no-untyped-def]
    """The unit's activities and assessment of the period: most units write them, a few leave them out."""
    if roll % 7 == 0:
        return  # some units write only their task results
    day = period.start + timedelta(days=10 + roll % 40)
    ReviewActivity.objects.create(period=period, organisation_id=org_id, kind=ActivityKind.CONFERENCE,
                                  held_on=day, title=CONFERENCES[roll % len(CONFERENCES)],
                                  participants=40 + (roll * 13) % 260, count=1 + roll % 3)
    if roll % 4 != 1:  # three units in four issue their own implementing plan
        ReviewActivity.objects.create(period=period, organisation_id=org_id, kind=ActivityKind.DOCUMENT,
                                      held_on=day + timedelta(days=5), title="Kế hoạch thực hiện",
                                      document_number=f"{10 + roll}-KH")
    if roll % 3 == 0:
        ReviewActivity.objects.create(period=period, organisation_id=org_id, kind=ActivityKind.INSPECTION,
                                      held_on=day + timedelta(days=20), title="Kiểm tra việc thực hiện ở cơ sở",
                                      count=1 + roll % 4)
    if roll % 5 in (0, 2):
        ReviewActivity.objects.create(period=period, organisation_id=org_id, kind=ActivityKind.PROPAGANDA,
                                      title="Tin, bài tuyên truyền trên trang thông tin điện tử",
                                      count=3 + roll % 12)
    UnitReview.objects.create(
        report=report, strengths=_pick(STRENGTHS, roll, 2), limitations=_pick(LIMITATIONS, roll, 2),
        causes_objective=_pick(CAUSES_OBJECTIVE, roll, 1 + roll % 2),
        causes_subjective=_pick(CAUSES_SUBJECTIVE, roll, 1 + (roll // 2) % 2),
        lessons=_pick(LESSONS, roll, 1 + roll % 2), proposals=_pick(PROPOSALS, roll // 3, 1 + roll % 2),
        directions=_pick(DIRECTIONS, roll, 2))
