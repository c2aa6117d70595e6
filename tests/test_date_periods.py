"""Calendar arithmetic of the date recogniser."""
import datetime as dt

import pytest
from hypothesis import given, strategies as st

from extractor.dimensions.date import periods

D = dt.date


def test_quarters_and_halves():
    assert periods.quarter(2018, 3) == (D(2018, 7, 1), D(2018, 9, 30))
    assert periods.quarter(2018, 4) == (D(2018, 10, 1), D(2018, 12, 31))
    assert periods.half(2015, 2) == (D(2015, 7, 1), D(2015, 12, 31))
    assert periods.half(2015, 1) == (D(2015, 1, 1), D(2015, 6, 30))
    assert periods.quarters(2018, 1, 3) == (D(2018, 1, 1), D(2018, 9, 30))


def test_months_end_on_the_last_day_leap_years_included():
    assert periods.month(2024, 2) == (D(2024, 2, 1), D(2024, 2, 29))
    assert periods.month(2025, 2) == (D(2025, 2, 1), D(2025, 2, 28))
    assert periods.months(2025, 1, 11) == (D(2025, 1, 1), D(2025, 11, 30))


def test_day_that_does_not_exist_is_none():
    assert periods.day(2019, 2, 29) is None
    assert periods.day(2020, 2, 29) == D(2020, 2, 29)


@pytest.mark.parametrize("y, m, by, want", [(2025, 1, -1, (2024, 12)), (2025, 12, 1, (2026, 1)),
                                            (2025, 6, -18, (2023, 12)), (2025, 5, 0, (2025, 5))])
def test_shift_month_crosses_years(y, m, by, want):
    assert periods.shift_month(y, m, by) == want


def test_shift_quarter_crosses_years():
    assert periods.shift_quarter(D(2025, 2, 10), -1) == (2024, 4)
    assert periods.shift_quarter(D(2025, 12, 17), 1) == (2026, 1)


def test_weekday_near_each_direction():
    wed = D(2025, 12, 17)  # a Wednesday
    assert periods.weekday_near(wed, 4, "on_or_before") == D(2025, 12, 12)
    assert periods.weekday_near(wed, 2, "on_or_before") == wed
    assert periods.weekday_near(wed, 2, "before") == D(2025, 12, 10)
    assert periods.weekday_near(wed, 2, "after") == D(2025, 12, 24)
    assert periods.weekday_near(wed, 0, "after") == D(2025, 12, 22)
    assert periods.weekday_near(wed, 4, "same_week") == D(2025, 12, 19)


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)), st.integers(0, 6),
       st.sampled_from(["on_or_before", "before", "after", "same_week"]))
def test_weekday_near_gives_that_weekday_within_a_week(published, weekday, direction):
    got = periods.weekday_near(published, weekday, direction)
    assert got.weekday() == weekday
    delta = (got - published).days
    assert {"on_or_before": -6 <= delta <= 0, "before": -7 <= delta <= -1, "after": 1 <= delta <= 7,
            "same_week": -6 <= delta <= 6}[direction]


def test_months_across_the_new_year_end_in_the_next_year():
    # желтоқсан-ақпан: December of one year to February of the next (a leap February here)
    assert periods.months_across(2023, 12, 2) == (D(2023, 12, 1), D(2024, 2, 29))
    assert periods.months_across(2025, 11, 3) == (D(2025, 11, 1), D(2026, 3, 31))
