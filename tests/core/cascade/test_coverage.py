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
