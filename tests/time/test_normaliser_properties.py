"""Property tests: any date written in a usual English form normalises back to itself, at the
granularity the text gives, with an ordered interval."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.time import find_timexes

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
ABBREVIATIONS = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]

days = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
dcts = st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))


def formats(day: date) -> list[tuple[str, str, str]]:
    """(written form, expected value, expected granularity)."""
    month = MONTHS[day.month - 1]
    return [
        (f"{day.day} {month} {day.year}", day.isoformat(), "day"),
        (f"{month} {day.day}, {day.year}", day.isoformat(), "day"),
        (f"{ABBREVIATIONS[day.month - 1]} {day.day}, {day.year}", day.isoformat(), "day"),
        (day.isoformat(), day.isoformat(), "day"),
        (f"{month} {day.year}", f"{day.year:04d}-{day.month:02d}", "month"),
        (f"{day.year}", f"{day.year:04d}", "year"),
    ]


@settings(max_examples=150, deadline=None)
@given(days, dcts, st.sampled_from(range(6)))
def test_written_dates_round_trip(day, dct, form):
    written, value, granularity = formats(day)[form]
    text = f"The agreement was signed on {written} in the capital."
    found = find_timexes(text, dct)
    assert [t.text for t in found] == [written]
    timex = found[0]
    assert timex.value == value
    assert timex.granularity == granularity
    assert timex.earliest <= day.isoformat() <= timex.latest


RELATIVE = [
    "yesterday",
    "today",
    "tomorrow",
    "last week",
    "this week",
    "next week",
    "last month",
    "next month",
    "last year",
    "this year",
    "next year",
    "two years ago",
    "three days ago",
    "Friday",
    "last Monday",
    "next Tuesday",
    "April 26",
    "in July",
    "the next day",
    "recently",
    "now",
    "earlier this month",
    "the third quarter",
    "last summer",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(RELATIVE), min_size=1, max_size=4), dcts)
def test_intervals_are_ordered_and_never_finer_than_the_text(phrases, dct):
    text = ". ".join(f"The council met {p}" for p in phrases) + "."
    for timex in find_timexes(text, dct):
        assert text[timex.start : timex.end] == timex.text
        if timex.earliest and timex.latest:
            assert timex.earliest <= timex.latest
        if timex.granularity == "day" and timex.earliest and timex.type == "DATE":
            # a day is only given when the text names one or counts days from a known day
            assert dct is not None or any(ch.isdigit() for ch in text)
        if "week" in timex.text or "month" in timex.text or "quarter" in timex.text or "summer" in timex.text:
            assert timex.granularity != "day"
        if dct is None and timex.value and timex.value not in ("PAST_REF", "PRESENT_REF", "FUTURE_REF"):
            # without a DCT nothing relative may be tied to a calendar year
            assert timex.value.startswith("X") or timex.value.startswith("P"), timex


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)), st.integers(1, 6))
def test_yesterday_and_days_ago_count_back_from_the_dct(dct, n):
    words = ["one", "two", "three", "four", "five", "six"]
    found = {t.text: t for t in find_timexes(f"He left yesterday and came {words[n - 1]} days ago.", dct)}
    assert found["yesterday"].value == (dct - timedelta(days=1)).isoformat()
    assert found[f"{words[n - 1]} days ago"].value == (dct - timedelta(days=n)).isoformat()


WORDS = [
    "the",
    "last",
    "next",
    "this",
    "week",
    "May",
    "may",
    "3",
    "31",
    "30",
    "February",
    "2021",
    "1999",
    "ago",
    "years",
    "two",
    "a",
    "day",
    "after",
    "before",
    "Friday",
    "night",
    "quarter",
    "third",
    "fiscal",
    "1990s",
    "mid-",
    "early",
    "same",
    "that",
    "visit",
    "during",
    "10:30",
    "p.m.",
    ",",
    ".",
    "now",
    "recently",
    "every",
    "daily",
    "century",
    "20th",
    "nineteen",
    "ninety-six",
    "-",
    "of",
    "in",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14), dcts)
def test_any_word_salad_gives_well_formed_timexes(words, dct):
    text = " ".join(words)
    found = find_timexes(text, dct)
    assert [t.start for t in found] == sorted(t.start for t in found)
    for previous, timex in itertools.pairwise(found):
        assert previous.end <= timex.start
    for timex in found:
        assert text[timex.start : timex.end] == timex.text
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
        if timex.earliest and timex.latest:
            assert timex.earliest <= timex.latest
