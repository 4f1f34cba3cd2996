"""The narrative state: which earlier mention a relative expression is read against."""

from __future__ import annotations

from datetime import date

from newsgraph.model import Timex
from newsgraph.time.narrative import Narrative
from newsgraph.time.values import Period, period_of

DCT = date(2024, 11, 5)


def timex_at(position: int, text: str) -> Timex:
    return Timex("doc", position, position + len(text), text, "DATE", None)


def test_reference_is_the_latest_mention_within_the_granularities_asked():
    narrative = Narrative(DCT)
    may = narrative.remember(Period("day", date(2021, 5, 3)), True, 10, timex_at(10, "3 May 2021"))
    year = narrative.remember(Period("year", date(2020, 1, 1)), True, 40, timex_at(40, "2020"))
    assert narrative.last is year
    assert narrative.reference() is year
    assert narrative.reference("month") is may  # a year is coarser than "the next day" can use
    assert narrative.reference("quarter", "quarter") is None


def test_a_written_year_lends_itself_only_within_the_horizon_and_not_from_the_future():
    narrative = Narrative(DCT)
    may = narrative.remember(Period("day", date(2021, 5, 3)), True, 10, timex_at(10, "3 May 2021"))
    narrative.remember(Period("year", date(2019, 1, 1)), True, 30, timex_at(30, "2019"))
    assert narrative.explicit_reference(horizon=0) is may  # a bare year is not a month or day
    assert narrative.explicit_reference(horizon=20) is None  # the story has moved on
    narrative.remember(Period("month", date(2025, 3, 1)), True, 50, timex_at(50, "March 2025"))
    assert narrative.explicit_reference(horizon=0) is may  # after the DCT: not the story's year


def test_the_reporting_quarter_is_the_latest_of_the_dct_year():
    narrative = Narrative(DCT)
    q3 = narrative.remember(period_of(date(2024, 8, 1), "quarter"), False, 10, timex_at(10, "third quarter"))
    narrative.remember(period_of(date(2023, 8, 1), "quarter"), True, 40, timex_at(40, "1993 third quarter"))
    assert narrative.reporting_quarter() is q3  # last year's quarter is the comparison
    q4 = narrative.remember(
        period_of(date(2024, 11, 1), "quarter"), False, 60, timex_at(60, "fourth quarter")
    )
    assert narrative.reporting_quarter() is q4
    assert narrative.reporting_quarter(completed=True) is q3  # the fourth is not over yet
    assert narrative.reporting_quarter(anaphoric=True) is q4


def test_a_mention_made_more_precise_replaces_the_last_one():
    narrative = Narrative(None)
    timex = timex_at(0, "5 p.m.")
    narrative.remember(Period("time", date(2024, 11, 9), clock="17:00"), False, 0, timex)
    narrative.replace_last(Period("time", date(2024, 11, 9), clock="17:30"))
    assert narrative.last.period.clock == "17:30"
    assert narrative.last.timex is timex
