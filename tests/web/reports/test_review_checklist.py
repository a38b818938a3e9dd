"""Done when: for the demo's plans, a plan imported from a document varied here, a State plan and a ministry's,
the sơ kết and a quarterly report pass the HD 36 / NĐ 30 checklist (trienkhai.reports.checklist), repeat at
most a quarter of the plan's sentences, and state the same figures as the dashboard."""

from __future__ import annotations

import io
import warnings
from datetime import date

import pytest
from django.core.management import call_command

from tests.web.factories import OrganisationFactory, PlanItemFactory, TargetFactory, TaskFactory, assign
from trienkhai.reports import checklist
from trienkhai.reports.docx_writer import build_docx
from trienkhai.reports.model import ReportKind, Variant
from trienkhai.reports.review import NOT_REPORTED
from trienkhai_web.plans.models import Plan, PlanItem, PlanStatus
from trienkhai_web.reports import queries
from trienkhai_web.tracking import dashboard, demo

pytestmark = pytest.mark.django_db
MAX_REPEATED = 0.25

# A State plan written for this test from the shape of the stored Kiên Giang one, varied: another province,
# another number, four parts, assignments to named departments, targets due in 2025 and in 2030, and the
# old tone placement ("Uỷ ban", "hoá") that the report must keep throughout.
VARIED = """ỦY BAN NHÂN DÂN
TỈNH HẬU GIANG
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 74/KH-UBND
Hậu Giang, ngày 14 tháng 4 năm 2025

KẾ HOẠCH
THỰC HIỆN CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ TỈNH HẬU GIANG GIAI ĐOẠN 2025 - 2030

Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;
Uỷ ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Cụ thể hoá các nhiệm vụ chuyển đổi số phù hợp với điều kiện của tỉnh; nâng cao nhận thức của cán bộ, công chức và người dân.
2. Yêu cầu
Bảo đảm đồng bộ, thống nhất từ tỉnh đến cơ sở; phân công rõ trách nhiệm.
II. CHỈ TIÊU
1. Đến năm 2025, 100% hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng.
2. Đến năm 2030, kinh tế số chiếm ít nhất 20% GRDP của tỉnh.
III. NHIỆM VỤ VÀ GIẢI PHÁP
1. Nâng cao nhận thức về chuyển đổi số
Tổ chức hội nghị quán triệt, tuyên truyền về chuyển đổi số cho cán bộ, công chức, viên chức và Nhân dân; lồng ghép tuyên truyền trong sinh hoạt chi bộ.
2. Phát triển hạ tầng số
Phủ sóng di động 4G đến tất cả các ấp; hoàn thiện trung tâm dữ liệu của tỉnh.
3. Phát triển nhân lực số
Tổ chức đào tạo, bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức; ban hành văn bản hướng dẫn triển khai.
4. Kiểm tra, giám sát
Kiểm tra, giám sát việc thực hiện tại cơ sở, kịp thời tháo gỡ khó khăn.
IV. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành theo dõi, hướng dẫn thực hiện Kế hoạch; tổ chức hội nghị quán triệt cho cán bộ, công chức.
2. Sở Tài chính bố trí kinh phí thực hiện theo quy định.
3. Sở Nội vụ tổ chức đào tạo, bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức.
4. Uỷ ban nhân dân các huyện, thị xã, thành phố kiểm tra, giám sát việc thực hiện ở cơ sở.
Nơi nhận:
- Bộ Khoa học và Công nghệ;
- TT. Tỉnh uỷ, TT. HĐND tỉnh;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Huyến
"""


def _plan_texts(plan: Plan) -> list[str]:
    return [plan.source_text or "", *(t.content for t in plan.tasks.all()),
            *(f"{i.title}. {i.text}" for i in PlanItem.objects.filter(plan=plan))]


def _check(plan: Plan, code: str, today: date) -> tuple[list[str], float]:
    period = queries.find_period(plan, code)
    assert period is not None, code
    data = queries.build_report_data(plan, period, today=today)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        docx = build_docx(data)
    body = [s.text for b in data.body for s in b.sentences]
    return checklist.problems(data, docx), checklist.repeated_share(body, _plan_texts(plan))


def _figures_equal_dashboard(plan: Plan, code: str, today: date) -> None:
    """Every figure of a quarterly report equals the dashboard's for the same period."""
    period = queries.find_period(plan, code)
    data = queries.build_report_data(plan, period, today=today)
    board = dashboard.build(plan, period, dashboard.Filters(), today)
    f = data.figures
    assert f is not None
    assert {k: v for k, v in board.totals.items() if v} == f.task_status
    assert sum(board.totals.values()) == f.tasks
    assert {r["organisation"].name: {k: v for k, v in r["counts"].items() if v} for r in board.units} == f.unit_status
    assert sorted(m.organisation.name for m in board.unreported) == sorted(f.not_reported)
    assert [r["assessment"] for r in board.targets] == [t.assessment for t in data.targets]
    rows = {r.organisation: r for r in data.tasks_by_status if r.total}
    for row in board.units:  # the appendix's table is the dashboard's table
        assert rows[row["organisation"].name].counts == {k: v for k, v in row["counts"].items() if v}
    assert f.reported == f.units - len(f.not_reported)
    assert NOT_REPORTED not in f.task_status or f.task_status[NOT_REPORTED] > 0


def test_demo_plans_pass_the_checklist(corpus_docs):
    call_command("load_demo", docs=str(corpus_docs), stdout=io.StringIO())
    today = date.today()
    plans = list(Plan.objects.filter(status=PlanStatus.PUBLISHED, tasks__isnull=False).distinct())
    assert len(plans) >= 4
    failures = {}
    for plan in plans:
        quarter = (plan.reporting_periods.filter(kind="quarterly", reports__isnull=False)
                   .order_by("-unit_deadline").first())
        for code in (quarter.code, "so-ket"):
            problems, repeated = _check(plan, code, today)
            if problems or repeated > MAX_REPEATED:
                failures[(plan.number or plan.pk, code)] = (problems[:5], round(repeated, 2))
        _figures_equal_dashboard(plan, quarter.code, today)
    assert failures == {}
    district = next(p for p in plans if p.issuer and "Huyện ủy" in p.issuer.name)
    data = queries.build_report_data(district, queries.find_period(district, "so-ket"), today=today)
    # The district plan (003) does not name its district: the header says the committee and its province,
    # never a placeholder; the user names it by correcting the plan's issuer.
    assert (data.issuer.superior, data.issuer.name, data.number_suffix) == (
        "ĐẢNG BỘ TỈNH LAI CHÂU", "HUYỆN ỦY", "-BC/HU")
    assert data.signer.on_behalf_of == "T/M BAN THƯỜNG VỤ"


def _fill(plan: Plan, today: date) -> None:
    """Units' reports for the plan's last two quarters, as the demo writes them (varied, some missing)."""
    demo.load(today)


def test_imported_varied_state_plan_passes_the_checklist(tmp_path, bob):
    path = tmp_path / "kh-74-hau-giang.txt"
    path.write_text(VARIED, encoding="utf-8")
    OrganisationFactory(name="Văn phòng Ủy ban nhân dân tỉnh", code="vp-ubnd")
    call_command("import_plan", str(path), "--publish", "--theo-doi", "vp-ubnd", stdout=io.StringIO())
    plan = Plan.objects.get(number="74/KH-UBND")
    assert plan.tasks.exists()
    today = date(2026, 11, 20)
    _fill(plan, today)
    for code in ("2026-Q3", "so-ket"):
        problems, repeated = _check(plan, code, today)
        assert problems == [] and repeated <= MAX_REPEATED, (code, problems, repeated)
    data = queries.build_report_data(plan, queries.find_period(plan, "2026-Q3"), today=today)
    assert data.variant is Variant.STATE
    assert (data.issuer.superior, data.issuer.name, data.number_suffix) == ("ỦY BAN NHÂN DÂN", "TỈNH HẬU GIANG",
                                                                            "/BC-UBND")
    assert data.signer.on_behalf_of == "TM. ỦY BAN NHÂN DÂN"
    assert data.tone == "old"  # the plan writes "Uỷ ban", "hoá": so does its report
    _figures_equal_dashboard(plan, "2026-Q3", today)


def test_a_ministrys_plan_is_issued_in_its_own_name():
    plan = Plan.objects.create(status=PlanStatus.PUBLISHED, kind="quyet_dinh", number="645/QĐ-UBDT",
                               title="Chương trình hành động", issuer_name="Ủy ban Dân tộc", place="Hà Nội",
                               issued_on=date(2025, 3, 1), monitoring_body=OrganisationFactory(name="Vụ Tổng hợp"))
    part = PlanItemFactory(plan=plan, path="II", title="NHIỆM VỤ, GIẢI PHÁP")
    sub = PlanItemFactory(plan=plan, path="II.1", title="Tuyên truyền, phổ biến chính sách dân tộc", parent=part)
    for i, name in enumerate(("Vụ Chính sách dân tộc", "Vụ Tuyên truyền", "Ban Dân tộc tỉnh Lào Cai")):
        assign(TaskFactory(plan=plan, item=sub, content=f"Nhiệm vụ {i + 1} về tuyên truyền chính sách dân tộc"),
               OrganisationFactory(name=name))
    TargetFactory(plan=plan, subject="Tỷ lệ hộ nghèo vùng đồng bào dân tộc thiểu số giảm", direction="giảm",
                  unit="%/năm", value_low=3, deadline_year=2030)
    today = date(2026, 11, 20)
    _fill(plan, today)
    for code in ("2026-Q3", "so-ket"):
        problems, repeated = _check(plan, code, today)
        assert problems == [] and repeated <= MAX_REPEATED, (code, problems, repeated)
    data = queries.build_report_data(plan, queries.find_period(plan, "so-ket"), today=today)
    assert (data.issuer.superior, data.issuer.name, data.number_suffix) == ("", "ỦY BAN DÂN TỘC", "/BC-UBDT")
    assert data.signer.on_behalf_of == "" and data.signer.title == "BỘ TRƯỞNG, CHỦ NHIỆM"
    assert data.kind is ReportKind.MID_TERM
    text = " ".join(b.plain for b in data.body)
    assert "TỈNH" not in data.issuer.name and "Tỉnh hà nội" not in text
