"""The one search form of Vietnamese text, and the snippets cut from the original."""

from trienkhai.text.search import contains_phrase, highlight, query_words, search_form, words


def test_words_fold_diacritics_d_and_both_tone_placements():
    assert words("Người có uy tín") == ["nguoi", "co", "uy", "tin"]
    assert search_form("Đoàn Thanh niên") == search_form("doan thanh nien") == "doan thanh nien"
    assert search_form("hoà giải, thuỷ lợi") == search_form("hòa giải, thủy lợi") == "hoa giai thuy loi"
    assert search_form("55-KH/TU, ngày 1.2.2025") == "55 kh tu ngay 1 2 2025"


def test_query_words_once_each_in_order():
    assert query_words("  Uy tín, uy TÍN!  người ") == ["uy", "tin", "nguoi"]
    assert query_words("…, — !") == []


def test_highlight_marks_the_phrase_as_written_and_escapes():
    text = "Phát huy vai trò của <b>Người có uy tín</b> & già làng"
    html = highlight(text, ["nguoi", "co", "uy", "tin"], phrase=["nguoi", "co", "uy", "tin"])
    assert html == "Phát huy vai trò của &lt;b&gt;<mark>Người có uy tín</mark>&lt;/b&gt; &amp; già làng"


def test_highlight_single_words_when_no_phrase_and_old_tone_placement():
    assert highlight("Hoà bình, thuỷ lợi", ["hoa", "thuy"]) == "<mark>Hoà</mark> bình, <mark>thuỷ</mark> lợi"


def test_highlight_cuts_a_window_around_the_phrase():
    text = "mở đầu " * 100 + "người có uy tín ở cơ sở" + " kết thúc" * 100
    html = highlight(text, ["nguoi", "co", "uy", "tin"], length=120, phrase=["nguoi", "co", "uy", "tin"])
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>người có uy tín</mark>" in html and len(html) < 200


def test_highlight_phrase_only_marks_nothing_else():
    assert highlight("có công, cơ sở", ["co"], phrase=["nguoi", "co"], phrase_only=True) == "có công, cơ sở"


def test_contains_phrase():
    assert contains_phrase("…vai trò của NGƯỜI CÓ UY TÍN.", ["nguoi", "co", "uy", "tin"])
    assert not contains_phrase("người dân có niềm tin, uy tín", ["nguoi", "co", "uy", "tin"])
