from trienkhai.cascade.coverage import CoverageItem, align, tokens
from trienkhai.cascade.refs import canonical_ref


def test_canonical_ref_normalises_spaces_case_and_zeros():
    assert canonical_ref("69 -KL/TU") == "69-KL/TU"
    assert canonical_ref("043-nq/tw") == "43-NQ/TW"
    assert canonical_ref("Số: 236/QĐ-TTg") == "236/QĐ-TTG"
    assert canonical_ref(None) == ""


def test_tokens_fold_and_drop_stopwords():
    assert tokens("Tiếp tục đẩy mạnh công tác dân vận") == ["dan", "van"]
    assert tokens("Uỷ ban") == tokens("Ủy ban")


def test_align_finds_covered_and_uncovered_items():
    parent = [
        CoverageItem("a", "Đổi mới nội dung, phương thức hoạt động của Mặt trận Tổ quốc Việt Nam"),
        CoverageItem("b", "Phát triển kinh tế vùng đồng bào dân tộc thiểu số và miền núi"),
        CoverageItem("c", "Xây dựng lực lượng vũ trang nhân dân vững mạnh"),
    ]
    child = [
        CoverageItem("x", "Tiếp tục đổi mới nội dung, phương thức hoạt động của Mặt trận Tổ quốc tỉnh"),
        CoverageItem("y", "Đẩy mạnh phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu so, mien nui"),
        CoverageItem("z", "Tổ chức hội nghị sơ kết"),
    ]
    result = align(parent, child)
    pairs = {m.parent.key: m.child.key for m in result.covered}
    assert pairs == {"a": "x", "b": "y"}
    assert [m.parent.key for m in result.uncovered] == ["c"]
    assert result.ratio == 2 / 3
    assert all(0 <= m.score <= 1 for m in result.covered + result.uncovered)


def test_align_with_empty_child_leaves_everything_uncovered():
    result = align([CoverageItem("a", "Công tác dân vận")], [])
    assert not result.covered and len(result.uncovered) == 1


def _items(plan):
    return [CoverageItem(n.path, " ".join([n.title, *(b.text for b in n.blocks)]), n.title)
            for n in plan.nodes() if "." in n.path]


def test_sample_plans_on_the_same_resolution_align_and_others_do_not(corpus_docs):
    from trienkhai.plans import parse

    province = parse.parse_file(corpus_docs / "001_c9ca5d0d8e180833.txt")
    programme = parse.parse_file(corpus_docs / "004_e02ef3f550a5da59.txt")
    civil_status = parse.parse_file(corpus_docs / "kh_155_ubnd_bacninh_hotich.txt")
    assert align(_items(province), _items(programme)).ratio >= 0.6
    assert align(_items(province), _items(civil_status)).ratio <= 0.1
