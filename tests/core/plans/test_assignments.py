"""Assignments: responsible bodies, lead, partners, verbs, reporting, canonical names."""

from __future__ import annotations

from tests.core.plans.extraction_helpers import node, plan_with
from trienkhai.plans.assignments import find_assignments


def implementation(*items: tuple[str, str]):
    return plan_with(node("IV", "TỔ CHỨC THỰC HIỆN", children=[node(p, t) for p, t in items]))


def test_numbered_paragraph_is_one_assignment_with_its_path():
    plan = implementation(("IV.1", "Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy tổ chức quán triệt, "
                                   "xây dựng kế hoạch thực hiện."),
                          ("IV.2", "Đảng đoàn HĐND tỉnh lãnh đạo, chỉ đạo rà soát các cơ chế, chính sách."))
    a1, a2 = find_assignments(plan)
    assert (a1.item, a1.responsible) == ("IV.1", ["Các huyện ủy", "thành ủy", "đảng ủy trực thuộc Tỉnh ủy"])
    # No "chủ trì": the bodies that open the sentence lead the work.
    assert a1.leads == ["Các huyện ủy", "thành ủy", "đảng ủy trực thuộc Tỉnh ủy"] and a1.partners == []
    assert a2.responsible == a2.leads == ["Đảng đoàn HĐND tỉnh"]
    assert a2.canonical == {"Đảng đoàn HĐND tỉnh": "Đảng đoàn Hội đồng nhân dân tỉnh"}
    assert a2.verbs[:2] == ["lãnh đạo", "chỉ đạo"]


def test_organisations_word_in_a_name_is_not_the_verb():
    plan = implementation(("IV.1", "Ủy ban MTTQ và các tổ chức chính trị - xã hội tỉnh tổ chức tuyên truyền."))
    (a,) = find_assignments(plan)
    assert a.responsible == ["Ủy ban MTTQ", "các tổ chức chính trị - xã hội tỉnh"]
    assert a.canonical["Ủy ban MTTQ"] == "Ủy ban Mặt trận Tổ quốc"


def test_lead_generic_partner_and_reporting():
    plan = implementation(("IV.6", "Giao Ban Dân vận Tỉnh ủy chủ trì, phối hợp với các cơ quan, đơn vị liên quan "
                                   "theo dõi, kiểm tra, đôn đốc việc thực hiện; định kỳ báo cáo Ban Thường vụ "
                                   "Tỉnh ủy."))
    (a,) = find_assignments(plan)
    assert a.responsible == ["Ban Dân vận Tỉnh ủy"]
    assert a.leads == ["Ban Dân vận Tỉnh ủy"]
    assert a.partners == ["các cơ quan, đơn vị liên quan"]
    assert a.reporting == "định kỳ báo cáo Ban Thường vụ Tỉnh ủy"
    assert {"chủ trì", "phối hợp", "theo dõi", "kiểm tra", "đôn đốc"} <= set(a.verbs)


def test_several_partners_and_a_second_sentence_with_its_own_subject():
    plan = implementation(("III.2", "Ban Dân vận Huyện ủy chủ trì, phối hợp với các ban Đảng, Văn phòng Huyện ủy "
                                    "tham mưu triển khai kế hoạch. Đảng ủy Công an huyện, Quân sự huyện xây dựng "
                                    "kế hoạch thực hiện."))
    (a,) = find_assignments(plan)
    assert a.partners == ["các ban Đảng", "Văn phòng Huyện ủy"]
    assert a.responsible == ["Ban Dân vận Huyện ủy", "Đảng ủy Công an huyện", "Quân sự huyện"]


def test_partner_named_with_an_advising_role():
    plan = implementation(("IV.6", "Ban Dân vận Tỉnh ủy chủ trì, phối hợp với các cơ quan chuyên trách tham mưu, "
                                   "giúp việc Tỉnh ủy theo dõi việc thực hiện."))
    (a,) = find_assignments(plan)
    assert a.partners == ["các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy"]


def test_unnumbered_paragraphs_under_the_heading_and_the_recipients_list():
    plan = plan_with(node("V", "Tổ chức thực hiện", "Các sở, ban, ngành triển khai thực hiện Kế hoạch.",
                          "Nơi nhận:", "- Các đảng đoàn, ban cán sự đảng,"))
    (a,) = find_assignments(plan)
    assert (a.item, a.responsible) == ("V", ["Các sở, ban, ngành"])


def test_outside_implementation_only_explicit_assignments_count():
    plan = plan_with(node("III", "NHIỆM VỤ, GIẢI PHÁP", children=[
        node("III.1", "Đổi mới công tác dân vận", "Mặt trận Tổ quốc phối hợp với chính quyền vận động Nhân dân.",
             "Giao Sở Nội vụ chủ trì tham mưu ban hành quy chế.")]))
    (a,) = find_assignments(plan)
    assert (a.item, a.responsible, a.leads) == ("III.1", ["Sở Nội vụ"], ["Sở Nội vụ"])


def test_a_paragraph_opening_with_a_verb_assigns_nobody():
    plan = implementation(("IV.3", "Tổ chức tuyên truyền sâu rộng Kế hoạch này."))
    assert find_assignments(plan) == []


def test_sample_documents_assignments_match_the_gold(corpus_docs):
    import json

    from tests.conftest import CORPUS_GOLD
    from trienkhai.plans.agencies import canonical_name
    from trienkhai.plans.parse import parse_file

    for stem in ("001_c9ca5d0d8e180833", "003_70c23ef7c9a34c4f", "004_e02ef3f550a5da59"):
        gold = json.loads((CORPUS_GOLD / f"{stem}.json").read_text())["assignments"]
        found = {a.item: a for a in parse_file(corpus_docs / f"{stem}.txt").assignments}
        assert sorted(found) == sorted(g["item"] for g in gold), stem
        for g in gold:
            a = found[g["item"]]
            assert [canonical_name(x) for x in a.responsible] == [canonical_name(x) for x in g["responsible"]] or (
                {canonical_name(x) for x in g["responsible"]} <= {canonical_name(x) for x in a.responsible}
            ), g["item"]
            if g["lead"]:
                assert [canonical_name(x) for x in a.leads] == [canonical_name(g["lead"])]
            else:  # the gold names a lead only for "chủ trì"; otherwise the opening bodies lead
                assert a.leads and set(a.leads) <= set(a.responsible), g["item"]
            assert [canonical_name(x) for x in a.partners] == [canonical_name(x) for x in g["partners"]]


def test_body_followed_by_a_colon_then_its_duties():
    plan = implementation(("IV.2", "Sở Tư pháp: Chủ trì, phối hợp với Sở Nội vụ hướng dẫn thực hiện."),
                          ("IV.3", "Các sở, ban, ngành, địa phương:"))
    a, b = find_assignments(plan)
    assert (a.responsible, a.leads, a.partners) == (["Sở Tư pháp"], ["Sở Tư pháp"], ["Sở Nội vụ"])
    assert b.responsible == ["Các sở, ban, ngành, địa phương"]  # one collective phrase


def test_numbered_paragraph_split_into_a_title_line_and_its_continuation():
    paragraph = node("IV.1", "Các ban của Tỉnh ủy, các ban cán sự đảng, đảng đoàn, Ban Thường vụ",
                     "Tỉnh đoàn, thành ủy, huyện ủy tổ chức quán triệt Nghị quyết.")
    (a,) = find_assignments(plan_with(node("IV", "TỔ CHỨC THỰC HIỆN", children=[paragraph])))
    assert a.responsible == ["Các ban của Tỉnh ủy", "các ban cán sự đảng", "đảng đoàn",
                             "Ban Thường vụ Tỉnh đoàn", "thành ủy", "huyện ủy"]
