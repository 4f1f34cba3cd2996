"""Typed time values: calendar periods and durations, their TIMEX3 values and their arithmetic."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.time.lexicon import lexicon
from newsgraph.time.values import (
    GRANULARITIES,
    Duration,
    OutsideCalendar,
    Period,
    period_of,
    reference_bounds,
    season_period,
)

days = st.dates(min_value=date(1001, 1, 1), max_value=date(2998, 12, 31))
calendar_granularities = st.sampled_from([g for g in GRANULARITIES if g != "time"])
# granularities whose TIMEX3 values sort as their periods do ("SP" < "SU" < "FA" < "WI" does not)
sortable_granularities = st.sampled_from(
    ["day", "week", "month", "quarter", "half", "year", "decade", "century"]
)


@given(days, calendar_granularities)
def test_period_contains_its_day_and_is_ordered(day, granularity):
    period = period_of(day, granularity)
    assert period.start <= day <= period.end
    assert period.earliest <= period.end
    assert period.truncate(granularity) == period


@given(days, days, sortable_granularities)
def test_values_sort_as_the_periods_they_name(a, b, granularity):
    first, second = sorted([period_of(a, granularity), period_of(b, granularity)], key=lambda p: p.start)
    assert first.value() <= second.value()
    assert (first.value() == second.value()) == (first == second)


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


def test_known_values_and_bounds():
    week = period_of(date(2023, 10, 14), "week")
    assert (week.value(), week.start, week.end) == ("2023-W41", date(2023, 10, 9), date(2023, 10, 15))
    quarter = period_of(date(2023, 11, 5), "quarter")
    assert (quarter.value(), quarter.start, quarter.end) == ("2023-Q4", date(2023, 10, 1), date(2023, 12, 31))
    summer = season_period(2023, "SU")
    assert (summer.value(), summer.start, summer.end) == ("2023-SU", date(2023, 6, 1), date(2023, 8, 31))
    winter = season_period(2024, "WI")  # the winter that ends in 2024 begins in December 2023
    assert (winter.value(), winter.start, winter.end) == ("2024-WI", date(2023, 12, 1), date(2024, 2, 29))
    nineties = period_of(date(1994, 5, 1), "decade")
    assert (nineties.value(), nineties.end) == ("199", date(1999, 12, 31))
    morning = Period("time", date(2023, 10, 14), clock="09:30")
    assert (morning.value(), morning.end) == ("2023-10-14T09:30", date(2023, 10, 14))
    weekend = Period("week", date(1990, 8, 6), weekend=True)
    assert (weekend.value(), weekend.earliest, weekend.end) == (
        "1990-W32-WE",
        date(1990, 8, 11),
        date(1990, 8, 12),
    )


@given(
    days, calendar_granularities, st.integers(-30, 30), st.sampled_from(sorted(set(lexicon().units.values())))
)
def test_every_unit_of_the_lexicon_shifts_a_period_as_its_calendar_step(day, granularity, amount, unit):
    period = period_of(day, granularity)
    try:
        moved = period.shift(amount, unit)
    except OutsideCalendar:
        return  # a thousand years on from 9999
    step = Duration(amount, unit).step()
    assert moved == period.shift(int(step.amount), step.unit)
    assert (moved.granularity, period_of(moved.start, granularity)) == (granularity, moved)


@given(st.dates(), calendar_granularities)
def test_early_mid_and_late_cut_a_period_into_three_that_tile_it(day, granularity):
    period = period_of(day, granularity) if granularity != "season" or day >= date(1, 3, 1) else None
    if period is None:
        return  # the winter of the year 0
    start, mid, end = (period.bounds(mod) for mod in ("START", "MID", "END"))
    assert start[0] == period.earliest and end[1] == period.end
    assert all(first <= last for first, last in (start, mid, end))
    if granularity != "day":
        assert start[1] + timedelta(days=1) == mid[0] and mid[1] + timedelta(days=1) == end[0]


def test_fortnights_weekends_and_decades_move_as_the_text_counts_them():
    tuesday = Period("day", date(2024, 11, 5))
    assert tuesday.shift(-1, "2W").start == date(2024, 10, 22)
    assert tuesday.shift(1, "WE").start == date(2024, 11, 12)
    assert tuesday.shift(-2, "DE").start == date(2004, 11, 5)
    evening = Period("time", date(2024, 11, 5), clock="22:30")
    assert (evening.shift(3, "H").start, evening.shift(3, "H").clock) == (date(2024, 11, 6), "01:30")
    assert tuesday.shift(30, "H") == Period("day", date(2024, 11, 6))  # no clock: whole days only
    in_utc = Period("time", date(2024, 11, 5), clock="23:45Z").shift(30, "MIN")
    assert (in_utc.value(), in_utc.end) == ("2024-11-06T00:15Z", date(2024, 11, 6))


def test_the_ends_of_the_calendar():
    assert period_of(date(9999, 12, 31), "century").end == date(9999, 12, 31)
    assert period_of(date(9999, 12, 31), "week").end == date(9999, 12, 31)  # the week runs into 10000
    assert Period("week", date(9999, 12, 27), weekend=True).earliest == date(9999, 12, 31)
    with pytest.raises(OutsideCalendar):
        Period("day", date(9999, 12, 31)).shift(1, "D")
    with pytest.raises(OutsideCalendar):
        Period("year", date(1, 1, 1)).shift(-1, "DE")
    with pytest.raises(OutsideCalendar):
        period_of(date(1, 1, 5), "season")  # that winter began in December of the year 0


def test_a_quarter_back_from_a_month_end_keeps_the_quarter():
    assert period_of(date(2024, 5, 31), "quarter").shift(-1, "Q").value() == "2024-Q1"
    assert Period("day", date(2024, 3, 31)).shift(-1, "M").value() == "2024-02-29"


def test_reference_words_are_bounded_by_the_dct_only():
    dct = date(2025, 2, 10)
    assert reference_bounds("PAST_REF", dct) == (None, dct, None)
    assert reference_bounds("FUTURE_REF", dct) == (dct, None, None)
    assert reference_bounds("PRESENT_REF", dct) == (dct, dct, "day")
    assert reference_bounds("PAST_REF", None) == (None, None, None)
    assert reference_bounds("XXXX-10-07", dct) == (None, None, None)


@pytest.mark.parametrize(
    ("duration", "value"),
    [
        (Duration(3, "D"), "P3D"),
        (Duration(None, "Y"), "PXY"),
        (Duration(2, "H"), "PT2H"),
        (Duration(1.5, "Y"), "P1Y6M"),
        (Duration(1.5, "D"), "P1DT12H"),
        (Duration(0.5, "H"), "PT30M"),
        (Duration(0.5, "Y"), "P6M"),
        (Duration(2.5, "M"), "P2.5M"),
        (Duration(1, "DE"), "P10Y"),
        (Duration(None, "CE"), "PXY"),
        (Duration(2, "WE"), "P4D"),
        (Duration(1, "2W"), "P2W"),
        (Duration(20, "MIN"), "PT20M"),
    ],
)
def test_duration_values(duration, value):
    assert duration.value() == value


def test_a_duration_steps_in_the_units_a_date_moves_by():
    assert Duration(1, "DE").step() == Duration(10, "Y")
    assert Duration(1, "ML").step() == Duration(1000, "Y")
    assert Duration(3, "2W").step() == Duration(6, "W")
    assert Duration(2, "WE").step() == Duration(2, "W")  # two weekends on, though four days long
    assert Duration(0.5, "H").step() == Duration(30, "MIN")
    assert Duration(1.5, "Y").step() == Duration(18, "M")
    assert Duration(None, "W").step() == Duration(None, "W")
    assert Duration(2.5, "M").step() == Duration(2.5, "M")  # no whole number of any unit


def test_an_amount_beyond_any_calendar_is_refused():
    with pytest.raises(OverflowError):
        Duration(float("9" * 400), "Y")
