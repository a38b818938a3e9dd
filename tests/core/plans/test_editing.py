"""Typed draft editing (trienkhai.plans.editing) and reading trienkhai.plan/1 into /2."""

from __future__ import annotations

import copy
import json

import pytest

from trienkhai.errors import DraftEditError, PlanFormatError
from trienkhai.plans import editing
from trienkhai.plans.model import (
    SCHEMA_ID,
    SCHEMA_V1,
    Assignment,
    OutlineBlock,
    OutlineNode,
    Plan,
    Source,
    Target,
    Task,
)
from trienkhai.plans.schema import validate_plan_dict


def _plan() -> Plan:
    def node(path: str, number: str, title: str, *texts: str, children=()) -> OutlineNode:
        return OutlineNode(path=path, number=number, title=title,
                           blocks=[OutlineBlock(kind="paragraph", text=t) for t in texts], children=list(children))

    return Plan(
        source=Source(filename="kh.txt", sha256="0" * 64, format="txt", encoding="utf-8"),
        outline=[
            node("I", "I", "MỤC ĐÍCH, YÊU CẦU", children=[node("I.1", "1", "Mục đích", "Phát huy sức mạnh.")]),
            node("II", "II", "NHIỆM VỤ, GIẢI PHÁP",
                 children=[node("II.1", "1", "Tuyên truyền", "Tỷ lệ hộ nghèo giảm 2%."),
                           node("II.2", "2", "Kiểm tra", "Kiểm tra hằng năm.")]),
            node("III", "III", "TỔ CHỨC THỰC HIỆN", children=[node("III.1", "1", "Ban Dân vận chủ trì")]),
        ],
        targets=[Target(section="II.1", text="Tỷ lệ hộ nghèo giảm 2%. Thu nhập tăng 5%.", subject="tỷ lệ hộ nghèo",
                        direction="giảm", value=2, unit="%")],
        assignments=[Assignment(item="III.1", responsible=["Ban Dân vận Tỉnh ủy"], leads=["Ban Dân vận Tỉnh ủy"],
                                partners=[], duties="theo dõi, đôn đốc")],
        tasks=[Task(no=1, content="Tổ chức hội nghị", leads=["Ban Tuyên giáo Tỉnh ủy"], partners=[],
                    timeframe="Quý I/2024", due="2024-03-31", section="II.1"),
               Task(no=2, content="Sơ kết", leads=["Sở Nội vụ"], partners=["Sở Tư pháp"])],
    )


def test_edit_types_each_field_and_rereads_the_timeframe():
    plan = _plan()
    task = editing.edit_item(plan, "task", "0", {"leads": "Sở Nội vụ; Sở Tư pháp, UBND các xã",
                                                  "timeframe": "Tháng 6/2025", "no": "7"})
    assert (task.leads, task.no, task.due) == (["Sở Nội vụ", "Sở Tư pháp", "UBND các xã"], 7, "2025-06-30")
    assert plan.tasks[0] is task
    target = editing.edit_item(plan, "target", 0, {"deadline": "2030", "unit": "  "})
    assert (target.deadline, target.unit) == (2030, None)
    a = editing.edit_item(plan, "assignment", "0", {"partners": ["Sở Y tế", " "]})
    assert (a.partners, a.responsible) == (["Sở Y tế"], ["Ban Dân vận Tỉnh ủy", "Sở Y tế"])
    node = editing.edit_item(plan, "outline", "I.1", {"title": " Mục tiêu ", "text": "Một.\n\nHai."})
    assert (node.title, [b.text for b in node.blocks]) == ("Mục tiêu", ["Một.", "Hai."])


@pytest.mark.parametrize(("kind", "key", "fields", "words"), [
    ("task", "5", {"content": "x"}, "không còn"),
    ("task", "một", {"content": "x"}, "không còn"),
    ("outline", "IX.9", {"title": "x"}, "không còn"),
    ("chapter", "0", {}, "loại mục"),
    ("task", "0", {"content": ""}, "cần nhập: nội dung"),
    ("outline", "I", {"title": "  "}, "cần nhập: tiêu đề"),
    ("target", "0", {"deadline": "sớm"}, "năm"),
    ("task", "0", {"owner": "x"}, "không sửa được trường: owner"),
])
def test_a_bad_edit_raises_in_vietnamese_and_changes_nothing(kind, key, fields, words):
    plan = _plan()
    before = copy.deepcopy(plan)
    with pytest.raises(DraftEditError) as err:
        editing.edit_item(plan, kind, key, fields)
    assert words in err.value.message.lower()
    assert plan == before


def test_add_numbers_after_the_last_sibling_with_a_prime_when_taken():
    plan = _plan()
    assert editing.add_item(plan, "outline", {"title": "KINH PHÍ"}) == "IV"
    assert editing.add_item(plan, "outline", {"title": "Giám sát"}, parent="II") == "II.3"
    editing.delete_item(plan, "outline", "II.1")
    assert editing.add_item(plan, "outline", {"title": "Khác"}, parent="II") == "II.4"
    plan.outline[1].children[-1].number = "1"  # the last sibling says 1: the next, II.2, is taken
    assert editing.add_item(plan, "outline", {"title": "Khác"}, parent="II") == "II.2'"
    assert editing.add_item(plan, "task", {"content": "Báo cáo", "leads": "Sở Nội vụ"}) == "2"
    assert plan.tasks[2].leads == ["Sở Nội vụ"]
    with pytest.raises(DraftEditError):
        editing.add_item(plan, "assignment", {"leads": "Sở Nội vụ"})  # no duties
    assert len(plan.assignments) == 1
    with pytest.raises(DraftEditError):
        editing.add_item(plan, "outline", {"title": "x"}, parent="VII")


def test_delete_removes_the_heading_with_its_subheadings():
    plan = _plan()
    removed = editing.delete_item(plan, "outline", "II")
    assert removed.path == "II" and [n.path for n in plan.nodes()] == ["I", "I.1", "III", "III.1"]
    assert editing.delete_item(plan, "task", 1).content == "Sơ kết" and len(plan.tasks) == 1
    with pytest.raises(DraftEditError):
        editing.delete_item(plan, "task", 1)


def test_split_a_row_keeps_the_other_fields():
    plan = _plan()
    assert editing.split_item(plan, "target", "0", "Thu nhập") == "1"
    first, second = plan.targets
    assert (first.text, second.text, second.subject, second.section) == (
        "Tỷ lệ hộ nghèo giảm 2%.", "Thu nhập tăng 5%.", "Thu nhập tăng 5%.", "II.1")
    for at in ("Tỷ lệ", "không có", ""):  # at the very start, absent, empty: nothing to cut
        with pytest.raises(DraftEditError):
            editing.split_item(plan, "target", "0", at)
    assert len(plan.targets) == 2


def test_split_a_heading_moves_the_rest_to_the_next_number_and_repaths():
    plan = _plan()
    new = editing.split_item(plan, "outline", "II", "GIẢI PHÁP")
    assert new == "III'"  # III is taken
    assert [n.path for n in plan.outline] == ["I", "II", "III'", "III"]
    moved = plan.outline[2]
    assert (plan.outline[1].title, moved.title, [c.path for c in moved.children]) == (
        "NHIỆM VỤ,", "GIẢI PHÁP", ["III'.1", "III'.2"])
    assert plan.targets[0].section == "III'.1" and plan.tasks[0].section == "III'.1"


def test_split_a_heading_at_a_numbered_paragraph_keeps_its_number():
    plan = _plan()
    editing.edit_item(plan, "outline", "I.1", {"text": "Phát huy.\n3. Yêu cầu\nBám sát."})
    assert editing.split_heading(plan, "I.1", "3. Yêu cầu") == "I.3"
    first, second = plan.outline[0].children
    assert ([b.text for b in first.blocks], second.number, second.title, [b.text for b in second.blocks]) == (
        ["Phát huy."], "3", "Yêu cầu", ["Bám sát."])


def test_merge_joins_texts_and_lists_and_moves_subheadings():
    plan = _plan()
    second = editing.merge_item(plan, "task", "0")
    assert second.content == "Sơ kết"
    assert (plan.tasks[0].content, plan.tasks[0].leads, plan.tasks[0].partners) == (
        "Tổ chức hội nghị Sơ kết", ["Ban Tuyên giáo Tỉnh ủy", "Sở Nội vụ"], ["Sở Tư pháp"])
    with pytest.raises(DraftEditError) as err:
        editing.merge_item(plan, "task", "0")
    assert "không có mục tiếp theo" in err.value.message.lower()
    editing.merge_item(plan, "outline", "II")
    assert [n.path for n in plan.outline] == ["I", "II"]
    assert [c.path for c in plan.outline[1].children] == ["II.1", "II.2", "II.1'"]  # III.1 joined II
    assert plan.assignments[0].item == "II.1'"
    assert "TỔ CHỨC THỰC HIỆN" in editing.node_text(plan.outline[1])


def test_next_number():
    assert [editing.next_number(n) for n in ("IV", "2", "2.1", "b", "III'", "")] == [
        "V", "3", "2.2", "c", "III''", "'"]


# --- trienkhai.plan/1 ↔ /2 ------------------------------------------------------------------------

def test_reading_v1_splits_the_name_strings_and_round_trips():
    plan = _plan()
    v1 = plan.to_dict(version=1)
    assert v1["schema"] == SCHEMA_V1
    assert (v1["tasks"][1]["lead"], v1["tasks"][1]["partners"], v1["assignments"][0]["lead"]) == (
        "Sở Nội vụ", "Sở Tư pháp", "Ban Dân vận Tỉnh ủy")
    validate_plan_dict(json.loads(json.dumps(v1)))
    again = Plan.from_dict(v1)
    assert again == plan
    assert again.to_dict()["schema"] == SCHEMA_ID
    validate_plan_dict(json.loads(json.dumps(again.to_dict())))


def test_reading_a_v1_cell_names_each_body():
    d = _plan().to_dict(version=1)
    d["tasks"][0].update(lead="Ban Tuyên giáo Tỉnh ủy; Ban Dân vận Tỉnh ủy",
                         partners="Các cơ quan, đơn vị liên quan, UBND các huyện")
    d["assignments"][0]["lead"] = None
    plan = Plan.from_dict(d)
    assert plan.tasks[0].leads == ["Ban Tuyên giáo Tỉnh ủy", "Ban Dân vận Tỉnh ủy"]
    assert plan.tasks[0].partners == ["Các cơ quan, đơn vị liên quan", "UBND các huyện"]
    assert plan.assignments[0].leads == []
    assert plan.assignments[0].doers() == ["Ban Dân vận Tỉnh ủy"]  # responsible, not a partner
    assert plan.agency_names() == ["Ban Dân vận Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy",
                                   "Các cơ quan, đơn vị liên quan", "UBND các huyện", "Sở Nội vụ", "Sở Tư pháp"]


def test_an_unknown_version_is_refused():
    d = _plan().to_dict()
    d["schema"] = "trienkhai.plan/9"
    with pytest.raises(PlanFormatError) as err:
        Plan.from_dict(d)
    assert "trienkhai.plan/9" in err.value.message


@pytest.mark.parametrize("cell", [
    "Sở Nội vụ, Sở Tư pháp và UBND các huyện",
    "Các cơ quan, đơn vị liên quan",
    "Ủy ban MTTQ tỉnh; các đoàn thể (Hội LHPN, ĐTN, CCB)",
    "Sở Văn hóa, Thể thao và Du lịch\nSở Giáo dục và Đào tạo",
    "UBND các xã, phường, thị trấn",
    "Ban Tuyên giáo Tỉnh ủy, Ban Dân vận Tỉnh ủy, các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy",
])
def test_a_cell_read_from_v1_survives_being_written_back_as_v1(cell):
    """Writing /1 joins with "; " and reading splits again: the same bodies come back, cell after cell."""
    d = _plan().to_dict(version=1)
    d["tasks"][0].update(lead=cell, partners=cell)
    once = Plan.from_dict(d)
    twice = Plan.from_dict(once.to_dict(version=1))
    assert once.tasks[0].leads and twice == once


def test_every_sample_document_round_trips_through_v1(corpus_docs):
    from trienkhai.plans.parse import parse_file

    files = sorted(corpus_docs.iterdir())
    assert files
    for f in files:
        plan = parse_file(f)
        assert Plan.from_dict(json.loads(json.dumps(plan.to_dict(version=1)))) == plan, f.name
        assert Plan.from_dict(json.loads(json.dumps(plan.to_dict()))) == plan, f.name


def test_editing_an_assignments_roles_keeps_the_bodies_named_without_one():
    plan = _plan()
    plan.assignments = [Assignment(item="IV.1", responsible=["Đảng đoàn HĐND tỉnh", "Ban cán sự đảng UBND tỉnh"],
                                   duties="lãnh đạo, chỉ đạo")]
    a = editing.edit_item(plan, "assignment", "0", {"partners": "Sở Nội vụ"})
    assert a.doers() == ["Đảng đoàn HĐND tỉnh", "Ban cán sự đảng UBND tỉnh"] and a.partners == ["Sở Nội vụ"]
    a = editing.edit_item(plan, "assignment", "0", {"leads": "Sở Tư pháp", "partners": ""})
    assert (a.doers(), a.responsible) == (
        ["Sở Tư pháp"], ["Sở Tư pháp", "Đảng đoàn HĐND tỉnh", "Ban cán sự đảng UBND tỉnh"])
    a = editing.edit_item(plan, "assignment", "0", {"leads": ""})  # the lead removed: not named any more
    assert a.doers() == ["Đảng đoàn HĐND tỉnh", "Ban cán sự đảng UBND tỉnh"]


def test_a_v1_target_added_by_hand_without_its_sentence_is_read():
    d = _plan().to_dict(version=1)
    d["targets"].append({"section": None, "subject": "tỷ lệ đảng viên mới"})  # as the old review page stored it
    assert Plan.from_dict(d).targets[-1].text == "tỷ lệ đảng viên mới"
