import copy
import random
from pathlib import Path

import pytest

from trienkhai.cascade.coverage import cover
from trienkhai.cascade.refs import canonical_ref
from trienkhai.cascade.terms import expand_abbreviations, terms
from trienkhai.cascade.units import plan_units
from trienkhai.errors import NotAPlanError
from trienkhai.plans.model import OutlineBlock, OutlineNode, Plan, Source, Target, Task
from trienkhai.plans.parse import parse_file


def test_canonical_ref_normalises_spaces_case_and_zeros():
    assert canonical_ref("69 -KL/TU") == "69-KL/TU"
    assert canonical_ref("043-nq/tw") == "43-NQ/TW"
    assert canonical_ref("Số: 236/QĐ-TTg") == "236/QĐ-TTG"
    assert canonical_ref(None) == ""


def _plan(outline, tasks=(), targets=(), province=None):
    plan = Plan(source=Source("x.txt", "0", "txt"), outline=list(outline), tasks=list(tasks), targets=list(targets))
    plan.document.province = province
    return plan


def _node(path, title, *blocks, children=()):
    return OutlineNode(path=path, number=path.split(".")[-1], title=title,
                       blocks=[OutlineBlock(kind, text) for kind, text in blocks], children=list(children))


def test_terms_write_out_abbreviations_and_ignore_tones_diacritics_and_formulaic_verbs():
    assert expand_abbreviations("Đảng đoàn HĐND, UBND tỉnh") == "Đảng đoàn Hội đồng nhân dân, Ủy ban nhân dân tỉnh"
    assert terms("Uỷ ban MTTQ").counts == terms("Ủy ban Mặt trận Tổ quốc").counts
    assert terms("cong tac dan van").counts == terms("công tác dân vận").counts
    # "tiếp tục đẩy mạnh" says how strongly, not what: only "dân vận" is left, and the pair does not
    # span the dropped words.
    assert set(terms("Tiếp tục đẩy mạnh công tác dân vận").counts) == {"dan", "van", "dan van"}
    assert "thong dai" not in terms("truyền thống, đại đoàn kết").counts


def test_units_are_headings_with_text_bullets_targets_and_register_rows_with_readable_keys():
    plan = _plan([
        _node("II", "MỤC TIÊU", children=[_node("II.1", "Mục tiêu chung")]),
        _node("III", "NHIỆM VỤ, GIẢI PHÁP", children=[
            _node("III.2", "Phát huy vai trò các tầng lớp nhân dân", ("paragraph", "Các cấp ủy cụ thể hóa chính sách."),
                  ("bullet", "Xây dựng giai cấp công nhân."), ("bullet", "Xây dựng giai cấp nông dân."),
                  ("footnote", "Quy định 1877-QĐ/TU.")),
        ]),
    ], tasks=[Task(no=12, content="Tổ chức Ngày hội đại đoàn kết")],
        targets=[Target(section="III.2", text="Xây dựng giai cấp công nhân.", subject="công nhân"),
                 Target(section="II.1", text="100% xã đạt chuẩn nông thôn mới", subject="xã")])
    units = {u.key: u for u in plan_units(plan)}
    # "II", "II.1 Mục tiêu chung" and "III" only name a part of the layout: they commit to nothing.
    assert list(units) == ["III.2", "III.2#1", "III.2#2", "target:2", "task:12"]
    assert units["III.2"].text.startswith("Phát huy vai trò các tầng lớp nhân dân Các cấp ủy")
    assert units["III.2#2"].text == "Xây dựng giai cấp nông dân."


STRATA = [("công nhân", "Xây dựng giai cấp công nhân hiện đại, có tác phong công nghiệp, kỷ luật lao động."),
          ("nông dân", "Xây dựng giai cấp nông dân văn minh, có năng lực tổ chức sản xuất tiên tiến."),
          ("trí thức", "Xây dựng đội ngũ trí thức lớn mạnh, có cơ cấu hợp lý, trọng dụng nhân tài."),
          ("doanh nhân", "Phát triển đội ngũ doanh nhân lớn mạnh, có văn hóa kinh doanh."),
          ("phụ nữ", "Chăm lo xây dựng người phụ nữ thời đại mới, thực hiện bình đẳng giới.")]


def _parent():
    return _plan([
        _node("I", "MỤC TIÊU", children=[_node("I.1", "Mục tiêu")]),
        _node("II", "NHIỆM VỤ", children=[
            _node("II.1", "Phát huy vai trò của các giai tầng xã hội", *[("bullet", t) for _, t in STRATA]),
            _node("II.2", "Xây dựng lực lượng vũ trang nhân dân vững mạnh, sẵn sàng chiến đấu"),
            _node("II.3", "Đổi mới nội dung, phương thức hoạt động của MTTQ và các tổ chức CT-XH"),
        ]),
    ], province="Lạng Sơn")


def _child():
    # The strata in another order and other words, plus a catch-all heading that names everything.
    bullets = [("bullet", f"Tiếp tục tăng cường {t[0].lower()}{t[1:]} trên địa bàn tỉnh Tuyên Quang.")
               for _, t in reversed(STRATA)]
    catch_all = ("Tăng cường lãnh đạo, chỉ đạo đối với công nhân, nông dân, trí thức, doanh nhân, phụ nữ, "
                 "thanh niên, cựu chiến binh, người cao tuổi, đồng bào dân tộc, tôn giáo; kinh tế, văn hóa, xã hội.")
    return _plan([
        _node("I", "MỤC TIÊU", children=[_node("I.1", "Mục tiêu", ("paragraph", catch_all))]),
        _node("III", "NHIỆM VỤ VÀ GIẢI PHÁP", children=[
            _node("III.2", "Các giai tầng", *bullets),
            _node("III.4", "Đổi mới nội dung, phương thức hoạt động của Mặt trận Tổ quốc, các tổ chức chính trị - xã hội"),
        ]),
    ], province="Tuyên Quang")


def test_each_bullet_is_matched_to_its_own_bullet_not_to_the_catch_all():
    result = {i.key: i for i in cover(_parent(), _child()).items}
    for n, (word, _) in enumerate(STRATA, 1):
        item = result[f"II.1#{n}"]
        expected = f"III.2#{len(STRATA) + 1 - n}"
        assert item.covered and item.counterparts[0].key == expected, (word, item.counterparts)
        assert any(word in w for w in item.why), item.why
        scores = [c.score for c in item.counterparts]
        assert scores == sorted(scores, reverse=True)
    # Abbreviations meet their written forms.
    assert result["II.3"].covered and result["II.3"].counterparts[0].key == "III.4"
    # What the child never says is not covered; the formal "Mục tiêu" heading is not a unit at all.
    assert not result["II.2"].covered and result["II.2"].counterparts == []
    assert "I.1" not in result


def test_an_empty_heading_never_matches_and_an_empty_child_covers_nothing():
    child = _plan([_node("I", "MỤC TIÊU", children=[_node("I.1", "Mục tiêu")])])
    result = cover(_parent(), child)
    assert result.total == len(STRATA) + 3 and not result.covered and result.ratio == 0


def test_result_does_not_depend_on_the_order_of_the_parts():
    parent, child = _parent(), _child()
    expected = {i.key: i.to_dict() for i in cover(parent, child).items}
    rng = random.Random(7)
    for _ in range(5):
        p2, c2 = copy.deepcopy(parent), copy.deepcopy(child)
        for plan in (p2, c2):
            rng.shuffle(plan.outline)
            for node in plan.nodes():
                rng.shuffle(node.children)
        assert {i.key: i.to_dict() for i in cover(p2, c2).items} == expected


def test_to_dict_has_the_documented_shape():
    data = cover(_parent(), _child()).to_dict()
    item = data["items"][0]
    assert set(item) == {"key", "text", "covered", "counterparts", "why"}
    assert set(item["counterparts"][0]) == {"key", "score"}
    assert data["total"] == len(data["items"]) and 0 <= data["ratio"] <= 1


def test_sample_programmes_on_the_same_resolution_align_and_others_do_not(corpus_docs):
    from trienkhai.plans import parse

    province = parse.parse_file(corpus_docs / "001_c9ca5d0d8e180833.txt")
    programme = parse.parse_file(corpus_docs / "004_e02ef3f550a5da59.txt")
    civil_status = parse.parse_file(corpus_docs / "kh_155_ubnd_bacninh_hotich.txt")
    same = {i.key: i for i in cover(province, programme).items}
    assert cover(province, programme).ratio >= 0.6
    assert cover(province, civil_status).ratio <= 0.1
    # The strata bullets find their own bullet; the growth target has no counterpart.
    assert same["III.2#1"].counterparts[0].key == "III.2.1#1"
    assert same["III.2#10"].counterparts[0].key == "III.2.1#10"
    assert not same["II.2#2"].covered


FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "resolutions"


def test_a_resolution_text_is_a_parent_its_bullets_units():
    """The resolution itself (not a plan carrying it out) is compared with the programmes: its strata
    bullets find the programme's own bullets, one by one."""
    resolution = parse_file(FIXTURES / "nq_43_tw.txt")
    assert resolution.document.kind == "nghi_quyet" and resolution.document.number == "43-NQ/TW"
    keys = [u.key for u in plan_units(resolution)]
    assert {"III.3#1", "III.3#9", "IV.3", "II.1#4"} <= set(keys)


def test_a_directive_without_header_or_headings_is_read_by_the_line_naming_it():
    plan = parse_file(FIXTURES / "ct_05_tw_body.txt")
    assert (plan.document.kind, plan.document.number, plan.document.issuer) == ("chi_thi", "5-CT/TW", "Bộ Chính trị")
    assert plan.document.title.startswith("đẩy mạnh học tập")
    units = plan_units(plan)
    assert [u.key for u in units] == ["#1", "#2", "#3", "#4", "#5", "#6"]
    assert units[5].text.startswith("Ban Tuyên giáo Trung ương chủ trì")


def test_a_paragraph_citing_a_directive_is_not_taken_for_its_name(tmp_path):
    text = ("Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị, các chi bộ tổ chức học tập chuyên đề năm 2024.\n\n"
            "Nội dung học tập gắn với việc làm theo tại cơ quan, đơn vị.\n")
    path = tmp_path / "doan.txt"
    path.write_text(text, encoding="utf-8")
    plan = parse_file(path)  # read (it carries the directive out), but the directive's number is not its own
    assert plan.document.number is None and plan.document.kind != "chi_thi"
    path.write_text("Các chi bộ tổ chức học tập chuyên đề năm 2024.\n\nNội dung gắn với việc làm theo.\n")
    with pytest.raises(NotAPlanError):  # no heading, no header, no name: still not a directive text
        parse_file(path)


def test_a_conclusion_is_a_parent_its_numbered_paragraphs_units():
    """A conclusion opens "Tại hội nghị ngày …, … kết luận như sau:": that is its preamble, not its title;
    its numbered paragraphs are what it commits to."""
    plan = parse_file(FIXTURES / "kl_69_tu.txt")
    assert (plan.document.kind, plan.document.number) == ("ket_luan", "69-KL/TU")
    assert plan.document.title.endswith("đến năm 2025") and "Tại hội nghị" not in plan.document.title
    assert [u.key for u in plan_units(plan) if u.kind == "heading"] == ["1", "2", "3", "4", "5", "6"]
