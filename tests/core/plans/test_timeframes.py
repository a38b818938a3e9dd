"""Timeframes of task registers: each recurring and due form."""

from __future__ import annotations

import pytest

from trienkhai.plans.timeframes import parse_timeframe


@pytest.mark.parametrize("text, code", [
    ("Thường xuyên", "thuong_xuyen"), ("Hàng năm", "hang_nam"), ("Hằng năm", "hang_nam"),
    ("Định kỳ", "dinh_ky"), ("Theo nhiệm kỳ", "theo_nhiem_ky"), ("Hằng quý", "hang_quy"),
    ("hàng tháng", "hang_thang"),
])
def test_recurring(text, code):
    tf = parse_timeframe(text)
    assert (tf.kind, tf.recurrence, tf.due, tf.text) == ("recurring", code, None, text)


@pytest.mark.parametrize("text, due", [
    ("Quý I/2024", "2024-03-31"), ("Quý IV/2025", "2025-12-31"), ("quý 2 năm 2024", "2024-06-30"),
    ("Năm 2025", "2025-12-31"), ("Tháng 6/2024", "2024-06-30"), ("Tháng 2/2024", "2024-02-29"),
    ("Trước 30/6/2025", "2025-06-30"), ("6 tháng đầu năm 2025", "2025-06-30"),
    ("6 tháng cuối năm 2025", "2025-12-31"),
])
def test_due(text, due):
    tf = parse_timeframe(text)
    assert (tf.kind, tf.due) == ("due", due)


def test_range_is_due_at_its_end():
    tf = parse_timeframe("2024 - 2025")
    assert (tf.kind, tf.due) == ("range", "2025-12-31")


def test_old_and_new_tone_placement_and_no_diacritics_are_the_same():
    assert parse_timeframe("Thuong xuyen").recurrence == "thuong_xuyen"
    assert parse_timeframe("QUÝ III/2026").due == "2026-09-30"


@pytest.mark.parametrize("text", ["", None, "Ngày 31/2/2024", "Sớm nhất có thể"])
def test_unknown_or_impossible_dates_invent_nothing(text):
    tf = parse_timeframe(text)
    assert (tf.kind, tf.due, tf.recurrence) == ("unknown", None, None)


@pytest.mark.parametrize("text", [
    "Theo chỉ đạo của Trung ương", "(khi Trung ương chỉ đạo)", "Sau khi có hướng dẫn của Bộ Nội vụ",
    "Khi Trung ương sơ kết Nghị quyết số 43-NQ/TW ngày 24/11/2023", "Theo yêu cầu của Ban Thường vụ"])
def test_a_condition_is_no_date(text):
    tf = parse_timeframe(text)
    assert (tf.kind, tf.due, tf.recurrence) == ("condition", None, None)


def test_a_time_written_beside_a_condition_is_kept():
    assert parse_timeframe("Năm 2025 hoặc khi có chỉ đạo").due == "2025-12-31"
    assert parse_timeframe("Hằng năm, khi có yêu cầu").recurrence == "hang_nam"
