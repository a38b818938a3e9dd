from datetime import date, timedelta

import pytest

from trienkhai.tracking.periods import (
    CalendarError,
    Regime,
    add_working_days,
    current_period,
    days_late,
    is_working_day,
    periods_between,
    working_days_between,
)


def test_half_yearly_and_yearly_cutoffs_follow_decree_09():
    periods = {p.code: p for p in periods_between(Regime(), date(2025, 1, 1), date(2025, 12, 31))}
    assert set(periods) == {"2025-H1", "2025"}
    h1 = periods["2025-H1"]
    assert (h1.data_from, h1.cutoff) == (date(2024, 12, 15), date(2025, 6, 14))
    year = periods["2025"]
    assert (year.data_from, year.cutoff) == (date(2024, 12, 15), date(2025, 12, 14))


def test_quarter_codes_and_configurable_cutoff_day():
    regime = Regime(quarterly=True, half_yearly=False, yearly=False, cutoff_day=20)
    periods = periods_between(regime, date(2025, 4, 1), date(2025, 9, 30))
    assert [p.code for p in periods] == ["2025-Q2", "2025-Q3"]
    assert periods[0].data_from == date(2025, 3, 21) and periods[0].cutoff == date(2025, 6, 20)


def test_deadline_skips_weekend_and_lower_level_first():
    # 14/06/2025 is a Saturday: the first working day after it is Monday 16/06.
    h1 = periods_between(Regime(deadline_days=(("don-vi", 1), ("tong-hop", 3))),
                         date(2025, 1, 1), date(2025, 6, 30))[0]
    assert h1.deadline_for("don-vi") == date(2025, 6, 16)
    assert h1.deadline_for("tong-hop") == date(2025, 6, 18)
    assert h1.first_deadline < h1.last_deadline
    assert working_days_between(h1.cutoff, h1.first_deadline) >= 1


def test_deadline_skips_public_holidays():
    # Cut-off 29/08/2025 (Friday); 1–2/9 are Quốc khánh days off: next working day is 03/09.
    assert add_working_days(date(2025, 8, 29), 1) == date(2025, 9, 3)
    # Tết 2026 (14–22/02) is skipped entirely.
    assert add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 23)
    assert not is_working_day(date(2025, 4, 30)) and is_working_day(date(2025, 5, 5))
    # 2025: Friday 2/5 was given off and made up on Saturday 26/4 (the government's decision).
    assert not is_working_day(date(2025, 5, 2)) and is_working_day(date(2025, 4, 26))
    assert add_working_days(date(2025, 5, 2), 1, extra_holidays=[date(2025, 5, 5)]) == date(2025, 5, 6)


@pytest.mark.parametrize("first, last", [
    (date(2028, 1, 24), date(2028, 1, 28)),  # Tết Mậu Thân: 29 tháng Chạp → mùng 3 (weekdays)
    (date(2030, 1, 31), date(2030, 2, 6)),   # Tết Canh Tuất
])
def test_tet_is_no_working_day_in_any_year(first, last):
    day = first
    while day <= last:
        assert not is_working_day(day), day
        day += timedelta(days=1)
    assert add_working_days(first - timedelta(days=1), 1) > last


def test_later_years_keep_the_fixed_holidays():
    for year in (2028, 2031, 2035):
        for month, day in ((1, 1), (4, 30), (5, 1), (9, 2)):
            assert not is_working_day(date(year, month, day)), (year, month, day)


def test_plan_make_up_saturday_is_a_working_day():
    saturday = date(2025, 6, 21)
    assert not is_working_day(saturday)
    assert is_working_day(saturday, extra_working_days=[saturday])
    # Cut-off Friday 20/06 + 1 working day: the make-up Saturday instead of Monday 23/06.
    assert add_working_days(date(2025, 6, 20), 1, extra_working_days=[saturday]) == saturday
    assert working_days_between(date(2025, 6, 20), date(2025, 6, 23), extra_working_days=[saturday]) == 2


def test_plan_day_off_shifts_the_deadline():
    plain = periods_between(Regime(), date(2025, 1, 1), date(2025, 6, 30))[0]
    # H1 cut-off Saturday 14/06; units' deadline the 2nd working day: Tuesday 17/06.
    assert plain.deadline_for("don-vi") == date(2025, 6, 17)
    shifted = periods_between(Regime(extra_holidays=frozenset({date(2025, 6, 16)})),
                              date(2025, 1, 1), date(2025, 6, 30))[0]
    assert shifted.deadline_for("don-vi") == date(2025, 6, 18)
    assert shifted.deadline_for("tong-hop") == add_working_days(date(2025, 6, 14), 5, [date(2025, 6, 16)])


def test_make_up_day_brings_the_deadline_forward():
    # The plan gives Monday 16/06 off and makes it up on Saturday 21/06: the monitoring body's 5th
    # working day after the cut-off (Saturday 14/06) is then the Saturday, not Monday 23/06.
    off = frozenset({date(2025, 6, 16)})
    without = periods_between(Regime(extra_holidays=off), date(2025, 1, 1), date(2025, 6, 30))[0]
    with_make_up = periods_between(Regime(extra_holidays=off, extra_working_days=frozenset({date(2025, 6, 21)})),
                                   date(2025, 1, 1), date(2025, 6, 30))[0]
    assert without.deadline_for("tong-hop") == date(2025, 6, 23)
    assert with_make_up.deadline_for("tong-hop") == date(2025, 6, 21)


def test_a_day_cannot_be_both_off_and_made_up():
    day = frozenset({date(2025, 6, 21)})
    with pytest.raises(CalendarError, match="vừa là ngày nghỉ vừa là ngày làm bù"):
        Regime(extra_holidays=day, extra_working_days=day).validate()


def test_regime_validation_messages_are_vietnamese():
    with pytest.raises(CalendarError, match="ít nhất một ngày làm việc"):
        periods_between(Regime(deadline_days=(("don-vi", 0),)), date(2025, 1, 1), date(2025, 12, 31))
    with pytest.raises(CalendarError, match="sau hạn nộp của cấp dưới"):
        Regime(deadline_days=(("don-vi", 3), ("tinh", 3))).validate()
    with pytest.raises(CalendarError):
        Regime(cutoff_day=31).validate()


def test_midterm_and_final_reviews():
    regime = Regime(half_yearly=False, yearly=True, midterm_end=date(2027, 6, 30), final_end=date(2030, 12, 31))
    periods = periods_between(regime, date(2026, 1, 1), date(2030, 12, 31))
    codes = [p.code for p in periods]
    assert "so-ket" in codes and "tong-ket" in codes and "2026" in codes and "2030" in codes
    so_ket = next(p for p in periods if p.code == "so-ket")
    assert so_ket.data_from == date(2026, 1, 1) and so_ket.cutoff == date(2027, 6, 14)


def test_current_period_with_fixed_today():
    periods = periods_between(Regime(quarterly=True, half_yearly=False, yearly=False),
                              date(2025, 1, 1), date(2025, 12, 31))
    assert current_period(periods, date(2025, 5, 1)).code == "2025-Q2"
    # After Q2's cut-off but before its last deadline, Q2 is still the one being reported.
    assert current_period(periods, date(2025, 6, 17)).code == "2025-Q2"
    assert current_period(periods, date(2024, 1, 1)) is None
    assert current_period(periods, date(2026, 6, 1)).code == "2025-Q4"


def test_days_late():
    assert days_late(date(2025, 6, 16), date(2025, 6, 16), date(2025, 7, 1)) == 0
    assert days_late(date(2025, 6, 16), date(2025, 6, 19), date(2025, 7, 1)) == 3
    assert days_late(date(2025, 6, 16), None, date(2025, 6, 26)) == 10


def test_current_and_latest_due_period_one_rule():
    from trienkhai.tracking.periods import latest_due_period, started_periods

    regime = Regime(quarterly=True, half_yearly=True, yearly=False, midterm_end=date(2025, 6, 30))
    periods = periods_between(regime, date(2025, 1, 1), date(2025, 12, 31))
    # Q2 and H1 share their deadlines: the shorter period (the quarter) comes first.
    assert current_period(periods, date(2025, 6, 17)).code == "2025-Q2"
    assert [p.code for p in started_periods(periods, date(2025, 1, 1))] == ["2025-Q1", "2025-H1", "so-ket"]
    assert started_periods(periods, date(2024, 12, 14)) == []
    # The dashboard opens on the latest regular period already due, never the mid-term review.
    # Of the quarter and the half-year due the same day, the half-year (it covers the quarter).
    assert latest_due_period(periods, date(2025, 7, 1)).code == "2025-H1"
    assert latest_due_period(periods, date(2025, 5, 1)).code == "2025-Q1"
    # Nothing due yet: the current period.
    assert latest_due_period(periods, date(2025, 2, 1)).code == "2025-Q1"
    assert latest_due_period(periods, date(2024, 1, 1)) is None


def test_period_titles_are_what_officials_write():
    from trienkhai.tracking.periods import period_phrase, period_title
    span = (date(2024, 1, 1), date(2026, 6, 30))
    assert [period_title(c, *span) for c in ("2026-Q3", "2026-H1", "2026", "so-ket", "tong-ket")] == [
        "Quý III/2026", "6 tháng đầu năm 2026", "Năm 2026", "Sơ kết 2024 - 2026", "Tổng kết 2024 - 2026"]
    assert period_phrase("2026-Q3") == "quý III năm 2026"
    assert period_phrase("so-ket", *span) == "giai đoạn 2024 - 2026"
    assert period_title("Đợt 1") == "Đợt 1"  # a period named by hand is shown as it was named
