"""A plan with three units in 2025-Q2: one accepted and on time, one submitted late (not yet accepted),
one that did not report; users for every role."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from tests.web.factories import (
    IndicatorValueFactory,
    OrganisationFactory,
    PlanItemFactory,
    TargetFactory,
    TaskFactory,
    TaskProgressFactory,
    UnitReportFactory,
    assign,
    at,
    scheduled_plan,
    user_with_role,
)
from trienkhai_web.accounts.models import Role
from trienkhai_web.tracking.models import ReportStatus


@dataclass
class Province:
    plan: Any
    period: Any
    on_time: Any
    late: Any
    silent: Any
    tasks: list
    target: Any
    users: dict


@pytest.fixture
def province(alice, erin) -> Province:
    plan = scheduled_plan(number="55-CTr/TU", kind="chuong_trinh_hanh_dong", place="Tuyên Quang",
                          issuer_name="Ban Thường vụ Tỉnh ủy", signer_name="Lê Thị Kim Dung",
                          signer_title="Phó Bí thư Thường trực", signer_on_behalf_of="Ban Thường vụ",
                          recipients=["Ban Bí thư Trung ương Đảng", "Các đảng bộ trực thuộc"])
    part1 = PlanItemFactory(plan=plan, path="II", title="NHIỆM VỤ, GIẢI PHÁP")
    part2 = PlanItemFactory(plan=plan, path="III", title="TỔ CHỨC THỰC HIỆN")
    on_time = OrganisationFactory(name="Ban Tuyên giáo Tỉnh ủy")
    late = OrganisationFactory(name="Sở Nội vụ")
    silent = OrganisationFactory(name="Đảng ủy xã Minh Quang")
    tasks = [TaskFactory(plan=plan, item=part1, content="Tổ chức hội nghị quán triệt"),
             TaskFactory(plan=plan, item=part1, content="Xây dựng chuyên mục tuyên truyền"),
             TaskFactory(plan=plan, item=part2, content="Kiện toàn bộ máy")]
    assign(tasks[0], on_time)
    assign(tasks[1], on_time)
    assign(tasks[2], late)
    assign(tasks[0], silent, "partner")
    target = TargetFactory(plan=plan, subject="Tỷ lệ đảng viên được quán triệt", value_low=Decimal(90))
    period = plan.reporting_periods.get(code="2025-Q2")
    deadline = period.unit_deadline

    accepted = UnitReportFactory(period=period, organisation=on_time, status=ReportStatus.ACCEPTED,
                                 first_submitted_at=at(deadline - timedelta(days=1)))
    TaskProgressFactory(report=accepted, task=tasks[0], status="hoan_thanh",
                        results="Đã tổ chức 12 hội nghị với 3.400 lượt đảng viên")
    TaskProgressFactory(report=accepted, task=tasks[1], status="cham_tien_do", results="Đang xây dựng",
                        difficulties="Thiếu kinh phí", causes="Dự toán chưa được phê duyệt",
                        proposals="Đề nghị bổ sung kinh phí")
    IndicatorValueFactory(report=accepted, target=target, value=Decimal("95.5"))
    submitted = UnitReportFactory(period=period, organisation=late, status=ReportStatus.SUBMITTED,
                                  first_submitted_at=at(deadline + timedelta(days=2)))
    TaskProgressFactory(report=submitted, task=tasks[2], status="hoan_thanh", results="Chưa duyệt: không được dùng")
    users = {
        "admin": alice,
        "monitor": user_with_role(Role.MONITOR, plan.monitoring_body, "ban_dan_van"),
        "leader": erin,
        "reporter": user_with_role(Role.UNIT_REPORTER, on_time, "bao_cao_vien"),
        "head": user_with_role(Role.UNIT_HEAD, late, "thu_truong"),
        "other_monitor": user_with_role(Role.MONITOR, OrganisationFactory(name="Ban khác"), "ban_khac"),
    }
    return Province(plan, period, on_time, late, silent, tasks, target, users)


def today() -> date:
    return date(2025, 7, 20)
