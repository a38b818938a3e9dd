from datetime import date

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
    assert not is_working_day(date(2025, 4, 30)) and is_working_day(date(2025, 5, 2))
    assert add_working_days(date(2025, 5, 2), 1, extra_holidays=[date(2025, 5, 5)]) == date(2025, 5, 6)


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
