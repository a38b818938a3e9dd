"""The crawl's checks themselves: they see what a user sees, and only that."""

from __future__ import annotations

from tests.web import crawl


def test_visible_text_leaves_out_attributes_and_scripts():
    html = ('<p title="2026-Q3">Quý III/2026</p><script>var s="draft"</script>'
            '<a href="?ky=2026-H1">6 tháng đầu năm 2026</a><style>.submitted{}</style>')
    text = crawl.visible_text(html)
    assert crawl.period_codes(text) == [] and crawl.internal_ids(text) == []
    assert "Quý III/2026" in text


def test_codes_and_ids_in_text_are_found():
    text = crawl.visible_text("<td>2026-Q3</td><td>so-ket</td><td>dang_trien_khai</td><td>tracking.report.submit</td>"
                              "<td>draft → submitted</td>")
    assert crawl.period_codes(text) == ["2026-Q3", "so-ket"]
    assert {"dang_trien_khai", "tracking.report.submit", "draft", "submitted"} <= set(crawl.internal_ids(text))


def test_ids_match_whole_words_only():
    assert crawl.internal_ids(crawl.visible_text("<p>drafted, leadership, party_delegations</p>")) == []


def test_an_english_message_is_found_but_vietnamese_is_not():
    assert crawl.english(["Log out"]) == ["Log out"]
    assert crawl.english(["Đăng xuất", "Kế hoạch"]) == []
