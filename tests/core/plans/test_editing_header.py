"""Correcting a draft's header (number, date, summary, issuer, signer, recipients) and making the bullets
of the parts that set work into trackable tasks (trienkhai.plans.editing)."""

from __future__ import annotations

from datetime import date

import pytest

from trienkhai.errors import DraftEditError
from trienkhai.plans import editing
from trienkhai.plans.model import DocumentInfo, OutlineBlock, OutlineNode, Plan, Signer, Source, Task

TODAY = date(2026, 12, 2)


def _plan() -> Plan:
    def bullets(*texts: str) -> list[OutlineBlock]:
        return [OutlineBlock(kind="bullet", text=t) for t in texts]

    return Plan(
        source=Source(filename="kh.txt", sha256="0" * 64, format="txt"),
        document=DocumentInfo(kind="other", number=None, title="Thực hiện Nghị quyết 43",
                              signer=Signer(name="Nguyễn Văn A", title="Phó Bí thư", on_behalf_of="T/M Ban Thường vụ")),
        outline=[
            OutlineNode(path="I", number="I", title="MỤC ĐÍCH, YÊU CẦU", blocks=bullets("Nâng cao nhận thức.")),
            OutlineNode(path="II", number="II", title="NHIỆM VỤ, GIẢI PHÁP", children=[
                OutlineNode(path="II.1", number="1", title="Tuyên truyền",
                            blocks=[OutlineBlock(kind="paragraph", text="Các cấp ủy tập trung:"),
                                    *bullets("- Tổ chức hội nghị quán triệt.", "Biên soạn tài liệu.")]),
                OutlineNode(path="II.2", number="2", title="Kiểm tra", blocks=bullets("Kiểm tra hằng năm.")),
            ]),
            OutlineNode(path="III", number="III", title="Tổ chức thực hiện"),
        ],
        tasks=[Task(no=1, content="Biên soạn tài liệu.", section="II.1")],
    )


def test_header_fields_are_typed_and_applied():
    plan = _plan()
    doc = editing.edit_header(plan, {"number": " Số:  55 - KH/TU ", "date": "31/01/2024", "title": "  Thực hiện\n NQ 43 ",
                                     "issuer": "Ban Thường vụ Tỉnh ủy", "signer_name": "Trần Thị B",
                                     "signer_title": "Bí thư", "recipients": "- Ban Bí thư,\n\n- Lưu Văn phòng."},
                              today=TODAY)
    assert (doc.number, doc.date, doc.title) == ("55-KH/TU", "2024-01-31", "Thực hiện NQ 43")
    assert doc.kind == "ke_hoach"  # the parser found none: the symbol names it
    assert doc.signer == Signer(name="Trần Thị B", title="Bí thư", on_behalf_of="T/M Ban Thường vụ")
    assert doc.recipients == ["Ban Bí thư", "Lưu Văn phòng"]
    assert plan.document is doc
    # A picked date (yyyy-mm-dd) and a State number are read too.
    assert editing.edit_header(plan, {"date": "2026-12-20", "number": "236/QĐ-UBND"}, today=TODAY).date == "2026-12-20"
    assert plan.document.number == "236/QĐ-UBND"


@pytest.mark.parametrize(("fields", "message"), [
    ({"number": "55 KH TU"}, "Số, ký hiệu không đúng dạng"),
    ({"number": "KH/TU"}, "Số, ký hiệu không đúng dạng"),
    ({"number": "55-KH/TU ngày 31/01"}, "Số, ký hiệu không đúng dạng"),
    ({"date": "31/02/2024"}, "Ngày ban hành không đúng"),
    ({"date": "hôm qua"}, "Ngày ban hành không đúng"),
    ({"date": "01/01/1900"}, "quá sớm"),
    ({"date": "15/01/2027"}, "quá xa trong tương lai"),
    ({"title": "   "}, "Cần nhập: trích yếu"),
    ({"place": "Lai Châu"}, "Không sửa được trường"),
])
def test_bad_header_values_change_nothing(fields, message):
    plan = _plan()
    before = plan.to_dict()
    with pytest.raises(DraftEditError, match=message):
        editing.edit_header(plan, {"issuer": "Tỉnh ủy", **fields}, today=TODAY)
    assert plan.to_dict() == before


def test_clearing_number_date_and_signer():
    plan = _plan()
    editing.edit_header(plan, {"number": "55-KH/TU", "date": "2024-01-31"}, today=TODAY)
    doc = editing.edit_header(plan, {"number": "", "date": "", "signer_name": "", "signer_title": ""}, today=TODAY)
    assert (doc.number, doc.date) == (None, None)
    assert doc.signer == Signer(on_behalf_of="T/M Ban Thường vụ")
    assert editing.edit_header(plan, {"date": date(2024, 5, 1)}, today=TODAY).date == "2024-05-01"


def test_parts_that_set_tasks():
    assert editing.task_parts(_plan()) == {"II", "II.1", "II.2", "III"}


def test_one_bullet_becomes_a_task_under_its_heading():
    plan = _plan()
    assert editing.bullets_to_tasks(plan, "II.1", 1) == ["1"]
    assert plan.tasks[1] == Task(no=None, content="Tổ chức hội nghị quán triệt.", section="II.1")
    assert editing.is_task_block(plan, "II.1", plan.outline[1].children[0].blocks[1])
    with pytest.raises(DraftEditError, match="đã là nhiệm vụ"):
        editing.bullets_to_tasks(plan, "II.1", 1)
    with pytest.raises(DraftEditError, match="không còn"):
        editing.bullets_to_tasks(plan, "II.1", 9)


def test_a_part_bullets_become_tasks_in_bulk_keeping_their_paths():
    plan = _plan()
    keys = editing.bullets_to_tasks(plan, "II")
    # "Biên soạn tài liệu." was already a task; the lead-in paragraph is not a bullet.
    assert keys == ["1", "2"]
    assert [(t.content, t.section) for t in plan.tasks[1:]] == [
        ("Tổ chức hội nghị quán triệt.", "II.1"), ("Kiểm tra hằng năm.", "II.2")]
    with pytest.raises(DraftEditError, match="không có ý"):
        editing.bullets_to_tasks(plan, "III")
    round_trip = Plan.from_dict(plan.to_dict())
    assert round_trip.tasks[2].section == "II.2"


def test_the_parser_notes_a_correction_answers_are_dropped():
    plan = _plan()
    plan.warnings = ["Văn bản không ghi số, ký hiệu.", "Văn bản không ghi ngày ban hành.", "Khác."]
    editing.edit_header(plan, {"number": "55-KH/TU"}, today=TODAY)
    assert plan.warnings == ["Văn bản không ghi ngày ban hành.", "Khác."]
    editing.edit_header(plan, {"date": "01/02/2024"}, today=TODAY)
    assert plan.warnings == ["Khác."]
