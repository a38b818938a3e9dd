"""The plans list scales: search, filters and pages, in a constant number of queries; titles cut at a word."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from tests.web.crawl import visible_text
from tests.web.factories import PlanFactory
from trienkhai_web.ui import cut_words

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def many_plans(db):
    plans = [PlanFactory(title=f"Kế hoạch tuyên truyền chuyển đổi số giai đoạn {n}", issued_on=date(2024 + n % 2, 3, 1))
             for n in range(40)]
    plans.append(PlanFactory(number="99-KH/TU", kind="chi_thi", title="Chỉ thị về công tác dân vận chính quyền",
                             issued_on=date(2025, 5, 2)))
    return plans


def test_search_filter_and_pages(erin, many_plans, django_assert_max_num_queries):
    client = _client(erin)
    with django_assert_max_num_queries(10):
        first = client.get("/ke-hoach/").content.decode()
    assert "Số kế hoạch: 41" in first and "Trang 1/2" in first
    found = visible_text(client.get("/ke-hoach/", {"q": "dân vận chính quyền"}).content.decode())
    assert "99-KH/TU" in found and "chuyển đổi số" not in found
    by_kind = visible_text(client.get("/ke-hoach/", {"loai": "chi_thi"}).content.decode())
    assert "99-KH/TU" in by_kind and "Số kế hoạch: 1" in by_kind
    by_year = client.get("/ke-hoach/", {"nam": "2024"}).content.decode()
    assert "Số kế hoạch: 20" in by_year
    second = client.get("/ke-hoach/", {"trang": "2", "q": "chuyển đổi"}).content.decode()
    assert "Trang 2/2" in second and "q=chuy" in second  # the next/previous links keep the search
    assert "Không có kế hoạch phù hợp." in client.get("/ke-hoach/", {"q": "không có chữ này"}).content.decode()


def test_queries_do_not_grow_with_the_page(erin, django_assert_max_num_queries):
    for n in range(60):
        PlanFactory(title=f"Kế hoạch số {n}")
    client = _client(erin)
    with django_assert_max_num_queries(10):
        assert client.get("/ke-hoach/").status_code == 200


def test_titles_are_cut_at_a_word_with_the_whole_title_on_hover(erin):
    title = "Kế hoạch thực hiện Nghị quyết số 43-NQ/TW ngày 24 tháng 11 năm 2023 của Ban Chấp hành Trung ương " * 3
    PlanFactory(title=title.strip())
    page = _client(erin).get("/ke-hoach/").content.decode()
    assert f'title="{title.strip()}"' in page
    assert cut_words(title, 140) in page


@pytest.mark.parametrize(("text", "limit", "cut"), [
    ("Tuyên truyền nghị quyết", 80, "Tuyên truyền nghị quyết"),
    ("Tuyên truyền, phổ biến nghị quyết đến cán bộ", 30, "Tuyên truyền, phổ biến nghị…"),
    ("Mộtchữrấtdàikhôngcódấucáchnàocả", 10, "Mộtchữrất…"),
])
def test_cut_words(text, limit, cut):
    assert cut_words(text, limit) == cut
    assert len(cut_words(text, limit)) <= limit
