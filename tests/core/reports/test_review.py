"""The review written from the units' reports: grouping, traceability, figures, structure, header, form."""

from __future__ import annotations

import io
import warnings
from datetime import date

import pytest
from docx import Document

from trienkhai.reports import checklist
from trienkhai.reports import synthesis as syn
from trienkhai.reports.clean import NEW, OLD, clean, tone_style
from trienkhai.reports.docx_writer import build_docx
from trienkhai.reports.issuer import heading
from trienkhai.reports.model import ReportKind, Variant
from trienkhai.reports.review import (
    Activity,
    LeadProgress,
    PartInput,
    ReviewInput,
    TaskInput,
    UnitAssessment,
    UnitReporting,
    combined_status,
    compose,
    compute_figures,
)
from trienkhai.reports.sample import sample_report
from trienkhai.tracking.assess import Assessment, assess_by, implausible


def _statements(lines: list[tuple[str, str]]) -> list[syn.Statement]:
    return [syn.Statement(text, org, f"BC-{i}") for i, (text, org) in enumerate(lines)]


def test_similar_statements_become_one_line_with_the_units_that_said_it():
    lines = _statements([("Kinh phí bố trí còn hạn hẹp", "Sở A"), ("Nguồn kinh phí bố trí cho nhiệm vụ còn hạn hẹp", "Sở B"),
                         ("Kinh phí bố trí còn hạn hẹp.", "Sở C"), ("Địa bàn rộng, giao thông đi lại khó khăn", "Sở A"),
                         ("Kinh phí bố trí còn hạn hẹp", "Sở A")])
    groups = syn.group(lines)
    assert [len(g.organisations) for g in groups] == [3, 1]
    assert groups[0].text == "Kinh phí bố trí còn hạn hẹp"  # the wording most units used
    line = syn.themed(groups[0])
    assert line.text == "Kinh phí bố trí còn hạn hẹp (3 đơn vị nêu: Sở A, Sở B và Sở C)."
    assert line.sources == ("BC-0", "BC-1", "BC-2", "BC-4")  # traceable to every report that said it
    many = syn.group(_statements([("Công tác kiểm tra chưa thường xuyên", f"Đơn vị {i}") for i in range(6)]))
    assert syn.themed(many[0]).text == "Công tác kiểm tra chưa thường xuyên (6 đơn vị nêu)."


def test_different_points_stay_apart():
    groups = syn.group(_statements([("Đề nghị bổ sung kinh phí", "A"), ("Đề nghị tập huấn nghiệp vụ cho cán bộ", "B"),
                                    ("Đề nghị ban hành hướng dẫn về biểu mẫu", "C")]))
    assert len(groups) == 3


def test_results_name_who_did_what():
    groups = syn.group(_statements([("Đã tổ chức hội nghị quán triệt", "Sở A"), ("Đã tổ chức hội nghị quán triệt", "Sở B")]))
    assert syn.attributed(groups[0]).text == "2 cơ quan, đơn vị (Sở A và Sở B) đã tổ chức hội nghị quán triệt."
    one = syn.group(_statements([("Đã tổ chức 12 hội nghị với 3.400 lượt đảng viên", "Ban Tuyên giáo Tỉnh ủy")]))
    assert syn.attributed(one[0]).text == "Ban Tuyên giáo Tỉnh ủy đã tổ chức 12 hội nghị với 3.400 lượt đảng viên."


def test_a_statement_finds_the_part_it_speaks_of():
    parts = ["Phát triển hạ tầng số: phủ sóng di động 4G đến tất cả các ấp",
             "Phát triển nhân lực số: đào tạo, bồi dưỡng kỹ năng số cho cán bộ, công chức"]
    assert syn.match_part("Đã đào tạo kỹ năng số cho 300 cán bộ, công chức", parts) == 1
    assert syn.match_part("Đã phủ sóng di động 4G đến 95 % số ấp", parts) == 0
    assert syn.match_part("Họp giao ban định kỳ", parts) is None


def test_combined_status_is_the_worst_reported():
    assert combined_status(["hoan_thanh", "cham_tien_do"]) == "cham_tien_do"
    assert combined_status(["hoan_thanh", ""]) == "chua_bao_cao"
    assert combined_status(["hoan_thanh", "hoan_thanh"]) == "hoan_thanh"
    assert combined_status([]) == "chua_bao_cao"


def test_targets_are_assessed_against_their_own_deadline_and_impossible_values_flagged():
    assert assess_by("đạt", 20, None, 12, deadline_year=2030, as_of_year=2026).status is Assessment.IN_PROGRESS
    assert assess_by("đạt", 20, None, 12, deadline_year=2026, as_of_year=2026).status is Assessment.NOT_MET
    assert assess_by("đạt", 20, None, 25, deadline_year=2030, as_of_year=2026).status is Assessment.EXCEEDED
    assert implausible("%", 100, 100, 109) == "tỷ lệ vượt 100 %"
    assert implausible("người", 100, None, 109) == "" and implausible("%", 90, None, -1) == "giá trị âm"


@pytest.mark.parametrize(("kind", "parts"), [(ReportKind.PERIODIC, checklist.PARTS[ReportKind.PERIODIC]),
                                              (ReportKind.MID_TERM, checklist.PARTS[ReportKind.MID_TERM]),
                                              (ReportKind.FINAL, checklist.PARTS[ReportKind.FINAL])])
def test_each_kind_has_its_parts(kind, parts):
    source = _input(kind)
    blocks = compose(source, compute_figures(source))
    headings = [syn.folded(b.text) for b in blocks if b.kind == "heading"]
    for part in parts:
        assert any(part in h for h in headings), part


def _input(kind: ReportKind = ReportKind.MID_TERM) -> ReviewInput:
    tasks = [TaskInput("Tuyên truyền", "Tổ chức quán triệt nghị quyết", ["Sở A", "Sở B"],
                       [LeadProgress("Sở A", "hoan_thanh", "Đã tổ chức 5 hội nghị với 400 người", source="BC-1"),
                        LeadProgress("Sở B", "cham_tien_do", "Đang xây dựng kế hoạch", "Thiếu kinh phí",
                                     source="BC-2")]),
             TaskInput("", "Kiện toàn bộ máy", ["Sở C"], [], home="Tổ chức thực hiện")]
    return ReviewInput(
        kind=kind, voice="Ban Thường vụ Tỉnh ủy", plan_reference="Chương trình số 1-CTr/TU", period_label="năm 2026",
        reporting_label="Quý III/2026", monitoring_body="Ban Dân vận Tỉnh ủy",
        parts=[PartInput("Tuyên truyền", "tuyên truyền quán triệt"), PartInput("Chuyển đổi số", "số hóa")],
        tasks=tasks,
        activities=[Activity("Sở A", "hoi_nghi", "Hội nghị quán triệt", date(2026, 3, 1), participants=120, count=2,
                             source="BC-1"),
                    Activity("Sở A", "van_ban", "Kế hoạch thực hiện", date(2026, 3, 5), "12-KH", source="BC-1"),
                    Activity("Ban Dân vận Tỉnh ủy", "hoi_nghi", "Hội nghị triển khai", date(2026, 2, 1),
                             participants=200, source="HĐ-9")],
        assessments=[UnitAssessment("Sở A", "BC-1", lessons="Phát huy vai trò người đứng đầu",
                                    causes_objective="Địa bàn rộng", causes_subjective="Phối hợp chưa chặt chẽ")],
        reporting=[UnitReporting("Sở A", date(2026, 9, 16), date(2026, 9, 15)),
                   UnitReporting("Sở B", date(2026, 9, 16), date(2026, 9, 20)),
                   UnitReporting("Sở C", date(2026, 9, 16), None)])


def test_the_body_is_written_from_the_figures_and_says_missing_data_once():
    source = _input()
    f = compute_figures(source)
    assert (f.units, f.reported, f.on_time, f.not_reported) == (3, 2, 1, ["Sở C"])
    assert f.task_status == {"cham_tien_do": 1, "chua_bao_cao": 1} and f.conferences == 2  # its own not counted
    text = " ".join(b.plain for b in compose(source, f))
    assert "2/3 cơ quan, đơn vị đã gửi báo cáo" in text and text.count("Sở C") == 1
    assert "1/3 cơ quan, đơn vị đã ban hành kế hoạch" in text
    assert "Ngày 01/02/2026, Ban Dân vận Tỉnh ủy tổ chức hội nghị triển khai với 200 người tham dự." in text
    assert "Sở A đã tổ chức 5 hội nghị với 400 người." in text
    assert "chưa báo cáo kết quả cụ thể đối với 1/2 nội dung của chương trình: chuyển đổi số" in text
    assert "Phát huy vai trò người đứng đầu (Sở A)." in text


def test_every_sentence_from_the_units_keeps_its_sources():
    source = _input()
    blocks = compose(source, compute_figures(source))
    unit_words = ("Sở A đã tổ chức", "Thiếu kinh phí", "Phát huy vai trò", "Địa bàn rộng")
    for block in blocks:
        for sentence in block.sentences:
            if any(w in sentence.text for w in unit_words):
                assert sentence.sources, sentence.text


@pytest.mark.parametrize(("variant", "kwargs", "expected"), [
    (Variant.PARTY, {"number": "12-KH/HU", "issuer_name": "Ban Thường vụ Huyện ủy", "issuer_org": "Huyện ủy Biên Giới",
                     "province": "Lai Châu"}, ("ĐẢNG BỘ TỈNH LAI CHÂU", "HUYỆN ỦY BIÊN GIỚI", "-BC/HU", "T/M BAN THƯỜNG VỤ")),
    (Variant.PARTY, {"number": "55-CTr/TU", "issuer_name": "Ban Thường vụ Tỉnh ủy", "province": "Tuyên Quang"},
     ("", "TỈNH ỦY TUYÊN QUANG", "-BC/TU", "T/M BAN THƯỜNG VỤ")),
    (Variant.PARTY, {"number": "05-KH/ĐU", "issuer_name": "Đảng ủy xã Minh Quang", "province": "Tuyên Quang"},
     ("ĐẢNG BỘ TỈNH TUYÊN QUANG", "ĐẢNG ỦY XÃ MINH QUANG", "-BC/ĐU", "T/M BAN THƯỜNG VỤ")),
    (Variant.STATE, {"number": "155/KH-UBND", "issuer_name": "Ủy ban nhân dân tỉnh Bắc Ninh", "province": "Bắc Ninh"},
     ("ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "/BC-UBND", "TM. ỦY BAN NHÂN DÂN")),
    (Variant.STATE, {"number": "645/QĐ-UBDT", "issuer_name": "Ủy ban Dân tộc", "place": "Hà Nội"},
     ("", "ỦY BAN DÂN TỘC", "/BC-UBDT", "")),
])
def test_issuing_body_and_number_from_the_plans_level(variant, kwargs, expected):
    head = heading(variant, **kwargs)
    assert (head.issuer.superior, head.issuer.name, head.number_suffix, head.signer.on_behalf_of) == expected


def test_cleaner_one_tone_no_doubled_punctuation_numbers_on_one_line():
    assert clean("Đã xong.. Tỷ lệ 72 % ,; Huyện uỷ Định Hoá,.") == "Đã xong. Tỷ lệ 72\u00a0%; Huyện ủy Định Hóa."
    assert clean("Huyện ủy Định Hóa, Quý III", OLD) == "Huyện uỷ Định Hoá, Quý III"
    assert clean("Qúy III có 12 nhiệm vụ") == "Quý III có 12\u00a0nhiệm vụ"
    assert tone_style("CỘNG HÒA … Uỷ ban nhân dân tỉnh, cụ thể hoá") == OLD
    assert tone_style("Ủy ban nhân dân tỉnh, cụ thể hóa") == NEW


def test_the_checklist_refuses_a_concatenated_report():
    """The old skeleton (one for every kind, no bài học kinh nghiệm, placeholders) fails; so the checklist tests."""
    data = sample_report(units=10, tasks=8, indicators=3)
    data.shortcomings.append("Chưa ghi nhận hạn chế..")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        problems = checklist.problems(data, build_docx(data))
    assert "thiếu phần: bai hoc kinh nghiem" in problems
    assert any(p.startswith("chữ giữ chỗ") for p in problems)
    assert "thiếu số liệu tổng hợp" in problems


def test_repeated_share_measures_quoting_back():
    plan = ["Tổ chức quán triệt đến cán bộ, đảng viên và Nhân dân về nội dung nghị quyết của Trung ương.",
            "Rà soát, sửa đổi, ban hành cơ chế, chính sách phát huy sức mạnh đại đoàn kết toàn dân tộc."]
    quoted = ["Tập trung chỉ đạo đẩy nhanh tiến độ nhiệm vụ: Rà soát, sửa đổi, ban hành cơ chế, chính sách phát "
              "huy sức mạnh đại đoàn kết toàn dân tộc.",
              "Tổ chức quán triệt đến cán bộ, đảng viên và Nhân dân về nội dung nghị quyết của Trung ương."]
    assert checklist.repeated_share(quoted, plan) == 1.0
    written = ["18/25 cơ quan, đơn vị đã ban hành kế hoạch thực hiện (72 %); 7 đơn vị chưa ban hành.",
               "Ban Tuyên giáo Tỉnh ủy đã tổ chức 12 hội nghị với 3.400 lượt đảng viên tham dự."]
    assert checklist.repeated_share(written, plan) == 0.0


def test_document_language_draft_mark_and_appendix_without_blank_page():
    data = sample_report(units=5, tasks=4, indicators=2)
    data.draft = True
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = Document(io.BytesIO(build_docx(data)))
    assert checklist._language(doc) == []
    assert "DỰ THẢO" in [p.text for p in doc.paragraphs[:3]]
    appendix = next(p for p in doc.paragraphs if p.text == "PHỤ LỤC")
    assert appendix.paragraph_format.page_break_before
    assert not any(r._r.xpath("./w:br[@w:type='page']") for p in doc.paragraphs for r in p.runs)
