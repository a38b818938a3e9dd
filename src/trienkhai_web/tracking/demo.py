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
    IndicatorValue,
    PartnerContribution,
    ReportingSchedule,
    ReportStatus,
    ReviewEvent,
    TaskProgress,
    UnitReport,
)

RESULTS = ["Đã tổ chức hội nghị quán triệt cho cán bộ, đảng viên", "Đã ban hành văn bản hướng dẫn triển khai",
           "Đã lồng ghép tuyên truyền trong sinh hoạt chi bộ", "Đã kiểm tra, giám sát tại 3 cơ sở"]
DIFFICULTIES = ["Kinh phí hạn hẹp", "Thiếu cán bộ chuyên trách", "Địa bàn rộng, giao thông khó khăn"]


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
