"""Gathering a review report from the database, and the files written from it."""

from __future__ import annotations

import io
from datetime import timedelta

from django.core.management import call_command
from docx import Document
from openpyxl import load_workbook

from trienkhai.reports.docx_writer import build_docx
from trienkhai.reports.model import Assessment, ReportKind, Variant
from trienkhai_web.reports import queries


def _body(data) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(b.plain for b in data.body)


def test_report_data_from_accepted_reports(province):
    data = queries.build_report_data(province.plan, province.period)
    assert data.variant is Variant.PARTY and data.number_suffix == "-BC/TU"
    assert data.kind is ReportKind.PERIODIC
    assert data.title == "Kết quả quý II năm 2025 thực hiện Chương trình hành động số 55-CTr/TU"
    # A programme of the Ban Thường vụ Tỉnh ủy is issued as the Tỉnh ủy, signed on behalf of the Ban Thường vụ.
    assert (data.issuer.superior, data.issuer.name) == ("", "TỈNH ỦY TUYÊN QUANG")
    assert data.voice == "Ban Thường vụ Tỉnh ủy"
    assert [p.title for p in data.results] == ["Nhiệm vụ, giải pháp", "Tổ chức thực hiện"]
    first = data.results[0].groups[0]
    assert [(lead.organisation, lead.result) for lead in first.leads] == [
        ("Ban Tuyên giáo Tỉnh ủy", "Đã tổ chức 12 hội nghị với 3.400 lượt đảng viên")]
    # The submitted but not yet accepted report gives no results.
    assert data.results[1].groups[0].leads == []
    [target] = data.targets
    assert (target.result, target.assessment) == (95.5, Assessment.EXCEEDED)
    body = _body(data)
    # Written, with the unit named, and the unit's difficulty, cause and proposal each said once.
    assert "Ban Tuyên giáo Tỉnh ủy đã tổ chức 12 hội nghị với 3.400 lượt đảng viên." in body
    assert body.count("Thiếu kinh phí (Ban Tuyên giáo Tỉnh ủy)") == 1
    assert body.count("Dự toán chưa được phê duyệt (Ban Tuyên giáo Tỉnh ủy)") == 1
    assert body.count("Đề nghị bổ sung kinh phí (Ban Tuyên giáo Tỉnh ủy)") == 1
    assert "Chưa có báo cáo kết quả" not in body and "Tập trung chỉ đạo đẩy nhanh tiến độ nhiệm vụ:" not in body
    assert "1/3 cơ quan, đơn vị đã gửi báo cáo" not in body and "2/3 cơ quan, đơn vị đã gửi báo cáo" in body
    assert "1 đơn vị chưa báo cáo: Đảng ủy xã Minh Quang" in body
    assert [r.organisation for r in data.not_reported] == ["Đảng ủy xã Minh Quang"]
    timely = {r.organisation: r for r in data.timeliness}
    assert timely["Ban Tuyên giáo Tỉnh ủy"].on_time is True
    assert timely["Sở Nội vụ"].days_late == 2
    assert timely["Đảng ủy xã Minh Quang"].submitted is None
    counts = {r.organisation: r.counts for r in data.tasks_by_status}
    assert counts["Ban Tuyên giáo Tỉnh ủy"] == {"hoan_thanh": 1, "cham_tien_do": 1}
    assert counts["Sở Nội vụ"] == {"chua_bao_cao": 1}  # submitted, not accepted: its task is not yet reported
    # The signer is chosen for the report: the plan's title is kept, its name is not (it signed the plan).
    assert data.signer.on_behalf_of == "T/M BAN THƯỜNG VỤ" and data.signer.title == "PHÓ BÍ THƯ THƯỜNG TRỰC"
    assert data.signer.name == ""
    assert data.recipients[0] == "Ban Bí thư Trung ương Đảng (để báo cáo)"
    assert data.archive == "Lưu Văn phòng Tỉnh ủy"


def test_docx_numbers_match_the_database(province):
    data = queries.build_report_data(province.plan, province.period)
    doc = Document(io.BytesIO(build_docx(data)))
    targets = doc.tables[1]
    assert [c.text for c in targets.rows[1].cells][1:] == [
        "Tỷ lệ đảng viên được quán triệt", "%", "đạt 90", "95,5", "Vượt"]
    by_status = doc.tables[3]
    rows = {r.cells[1].text: [c.text for c in r.cells[2:]] for r in by_status.rows[1:]}
    assert rows["Ban Tuyên giáo Tỉnh ủy"] == ["2", "1", "0", "1", "0", "0"]
    assert rows["Sở Nội vụ"] == ["1", "0", "0", "0", "0", "1"]
    assert rows["Tổng cộng (lượt giao chủ trì)"] == ["3", "1", "0", "1", "0", "1"]
    not_reported = doc.tables[4]
    assert [r.cells[1].text for r in not_reported.rows[1:]] == ["Đảng ủy xã Minh Quang"]
    assert not_reported.rows[1].cells[2].text == province.period.unit_deadline.strftime("%d/%m/%Y")


def test_review_span_uses_the_latest_accepted_report(province):
    plan, q2 = province.plan, province.period
    q3 = plan.reporting_periods.get(code="2025-Q3")
    from tests.web.factories import TaskProgressFactory, UnitReportFactory, at

    later = UnitReportFactory(period=q3, organisation=province.on_time,
                              first_submitted_at=at(q3.unit_deadline - timedelta(days=3)))
    TaskProgressFactory(report=later, task=province.tasks[1], status="hoan_thanh", results="Đã hoàn thành chuyên mục")
    review = q2.__class__.objects.create(plan=plan, code="so-ket", kind="so-ket", start=q2.start.replace(month=1),
                                         end=q3.end, data_from=q2.start, cutoff=q3.end,
                                         unit_deadline=q3.unit_deadline, compile_deadline=q3.compile_deadline)
    data = queries.build_report_data(plan, review)
    assert data.kind is ReportKind.MID_TERM and data.title.startswith("Sơ kết năm 2025")
    results = {g.title.split(". ", 1)[-1]: [lead.result for lead in g.leads] for g in data.results[0].groups}
    assert results["Xây dựng chuyên mục tuyên truyền"] == ["Đã hoàn thành chuyên mục"]
    assert results["Tổ chức hội nghị quán triệt"] == ["Đã tổ chức 12 hội nghị với 3.400 lượt đảng viên"]


def test_command_writes_docx_and_xlsx(province, tmp_path):
    call_command("make_report", plan="55-CTr/TU", period="2025-Q2", out=str(tmp_path / "bc.docx"))
    doc = Document(str(tmp_path / "bc.docx"))
    assert doc.tables[0].rows[0].cells[1].paragraphs[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    call_command("make_report", plan=str(province.plan.pk), period="2025-Q2", xlsx=True,
                 out=str(tmp_path / "bc.xlsx"))
    wb = load_workbook(tmp_path / "bc.xlsx")
    assert wb["Chỉ tiêu"]["E2"].value == 95.5
    assert wb["Đơn vị chưa báo cáo"]["B2"].value == "Đảng ủy xã Minh Quang"


def test_command_errors_in_vietnamese(province):
    import pytest
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Không tìm thấy kế hoạch"):
        call_command("make_report", plan="999-KH/TU", period="2025-Q2")
    with pytest.raises(CommandError, match="không có kỳ báo cáo “2030”"):
        call_command("make_report", plan="55-CTr/TU", period="2030")


def test_units_answers_to_explanation_requests_are_causes(province):
    from tests.web.factories import at
    from trienkhai_web.tracking.models import ExplanationMessage, ExplanationRequest

    asked = at(province.period.unit_deadline)
    thread = ExplanationRequest.objects.create(
        task=province.tasks[1], organisation=province.on_time, period=province.period,
        asked_by=province.users["leader"], question="Vì sao chậm tiến độ?", created_at=asked)
    ExplanationMessage.objects.create(request=thread, author=province.users["leader"], text="Đề nghị giải trình",
                                      created_at=asked)
    ExplanationMessage.objects.create(request=thread, author=province.users["reporter"],
                                      text="Do chưa bố trí được biên tập viên", created_at=asked)
    data = queries.build_report_data(province.plan, province.period)
    body = _body(data)
    assert "Do chưa bố trí được biên tập viên (Ban Tuyên giáo Tỉnh ủy)." in body
    assert "Đề nghị giải trình" not in body  # the question is not a cause
    [cause] = [s for b in data.body for s in b.sentences if s.text.startswith("Do chưa bố trí")]
    assert cause.sources == (f"GT-{thread.pk}",)


def test_report_builder_and_dashboard_share_the_data_window(db):
    """One data window per period: the review report says the dates the dashboard shows (data_from – cutoff)."""
    from datetime import date

    from tests.web.factories import scheduled_plan
    from trienkhai_web.reports.queries import build_report_data

    plan = scheduled_plan()
    period = plan.reporting_periods.get(code="2025-Q3")
    data = build_report_data(plan, period, today=date(2025, 10, 1))
    assert (data.period.start, data.period.end) == (period.data_from, period.cutoff)
    assert period.cutoff != period.end  # the data are cut off before the quarter ends (NĐ 09/2019)
