"""Calendar periods: TIMEX3 values round-trip, intervals are ordered and nest correctly."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from newsgraph.time.values import GRANULARITIES, Period, interval, parse_value, period_of

days = st.dates(min_value=date(1001, 1, 1), max_value=date(2998, 12, 31))
calendar_granularities = st.sampled_from([g for g in GRANULARITIES if g != "time"])


@given(days, calendar_granularities)
def test_value_round_trips(day, granularity):
    period = period_of(day, granularity)
    assert parse_value(period.value()) == period


@given(days, calendar_granularities)
def test_period_contains_its_day_and_is_ordered(day, granularity):
    period = period_of(day, granularity)
    assert period.start <= day <= period.end
    earliest, latest, gran = interval(period.value(), None)
    assert earliest <= latest
    assert gran == granularity


@given(
    days,
    st.sampled_from(["day", "week", "month", "quarter", "year"]),
    st.integers(-40, 40),
    st.sampled_from(["D", "W", "M", "Q", "Y"]),
)
def test_shift_keeps_granularity(day, granularity, amount, unit):
    period = period_of(day, granularity)
    moved = period.shift(amount, unit)
    assert moved.granularity == granularity
    assert period_of(moved.start, granularity) == moved


@given(days, st.integers(-400, 400))
def test_day_shift_is_calendar_arithmetic(day, amount):
    moved = Period("day", day).shift(amount, "D")
    assert moved.start == day + timedelta(days=amount)


def test_known_values():
    assert interval("2023-W41", None) == ("2023-10-09", "2023-10-15", "week")
    assert interval("2023-Q4", None) == ("2023-10-01", "2023-12-31", "quarter")
    assert interval("2023-SU", None) == ("2023-06-01", "2023-08-31", "season")
    assert interval("199", None) == ("1990-01-01", "1999-12-31", "decade")
    assert interval("2023-10-14T09:30", None) == ("2023-10-14", "2023-10-14", "day")
    assert interval("1990-W32-WE", None) == ("1990-08-11", "1990-08-12", "week")


def test_reference_words_are_bounded_by_the_dct_only():
    dct = date(2025, 2, 10)
    assert interval("PAST_REF", dct) == (None, "2025-02-10", None)
    assert interval("FUTURE_REF", dct) == ("2025-02-10", None, None)
    assert interval("PRESENT_REF", dct) == ("2025-02-10", "2025-02-10", "day")
    assert interval("PAST_REF", None) == (None, None, None)


def test_durations_and_unknown_years_have_no_interval():
    assert interval("P2Y", None) == (None, None, None)
    assert interval("XXXX-10-07", None) == (None, None, None)
    assert parse_value("2023-02-30") is None
