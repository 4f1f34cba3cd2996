"""TIMEX3 values as typed periods and durations: formatting, shifting and bounds.

A `Period` is a span of the calendar at one granularity (a day, an ISO week, a month,
a quarter, ...), stored as its first day. Keeping the granularity with the date is what lets
us never print a value finer than the text supports: "March 2024" stays `2024-03`.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

# The third of a period a modifier leaves ("early", "mid-", "late").
_THIRDS = {"START": 0, "MID": 1, "END": 2}
# From finest to coarsest; `time` is a day with a clock time or part of day attached.
GRANULARITIES = ("time", "day", "week", "month", "season", "quarter", "half", "year", "decade", "century")
_RANK = {g: i for i, g in enumerate(GRANULARITIES)}

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_MONTH_SEASON = {
    3: "SP",
    4: "SP",
    5: "SP",
    6: "SU",
    7: "SU",
    8: "SU",
    9: "FA",
    10: "FA",
    11: "FA",
    12: "WI",
    1: "WI",
    2: "WI",
}

# Duration unit letters (TIMEX3) by the granularity they count.
UNIT_GRANULARITY = {
    "D": "day",
    "W": "week",
    "M": "month",
    "Q": "quarter",
    "Y": "year",
    "DE": "decade",
    "CE": "century",
    "ML": "century",
    "H": "time",
    "MIN": "time",
    "S": "time",
    "WE": "week",
    "2W": "week",
}


class OutsideCalendar(ValueError):
    """A day before 1-01-01 or after 9999-12-31, which the calendar cannot hold."""


def coarser(a: str, b: str) -> str:
    return a if _RANK[a] >= _RANK[b] else b


def finer_or_equal(a: str, b: str) -> bool:
    return _RANK[a] <= _RANK[b]


@dataclass(frozen=True)
class Period:
    """A calendar period: its granularity and first day (plus a clock/part of day for `time`)."""

    granularity: str
    start: date
    clock: str | None = None  # "10:35", "10:35Z" (UTC), "17" or a part of day code "MO", "EV", ...
    weekend: bool = False  # the weekend of the week (value "2023-W41-WE")

    @property
    def end(self) -> date:
        """The last day of the period."""
        s = self.start
        g = self.granularity
        if g in ("time", "day"):
            return s
        if g == "week":
            return _days_after(s, 6)  # the last ISO week of 9999 ends in the year 10000
        months = {
            "month": 1,
            "season": 3,
            "quarter": 3,
            "half": 6,
            "year": 12,
            "decade": 120,
            "century": 1200,
        }[g]
        return _month_end(add_months(s, months - 1))

    @property
    def earliest(self) -> date:
        return _days_after(self.start, 5) if self.weekend else self.start

    def bounds(self, mod: str | None = None) -> tuple[date, date]:
        """The first and last day of the period, or of the third of it a START, MID or END
        modifier leaves: "early 2024" is January to April, "late October" the 21st on. Weeks
        and months are cut in days, longer periods in months; a day is not cut."""
        first, last = self.earliest, self.end
        if mod not in _THIRDS or self.granularity in ("time", "day") or self.weekend:
            return first, last
        third = _THIRDS[mod]
        if self.granularity in ("week", "month"):
            days = (last - first).days + 1
            begin, stop = days * third // 3, days * (third + 1) // 3 - 1
            return first + timedelta(days=begin), first + timedelta(days=stop)
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        return (
            add_months(first, months * third // 3),
            _month_end(add_months(first, months * (third + 1) // 3 - 1)),
        )

    def value(self) -> str:
        s, g = self.start, self.granularity
        if g == "time":
            return f"{s.isoformat()}T{self.clock}" if self.clock else s.isoformat()
        if g == "day":
            return s.isoformat()
        if g == "week":
            iso = s.isocalendar()
            return f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if self.weekend else "")
        if g == "month":
            return f"{s.year:04d}-{s.month:02d}"
        if g == "season":
            year = s.year + 1 if s.month == 12 else s.year
            return f"{year:04d}-{_MONTH_SEASON[s.month]}"
        if g == "quarter":
            return f"{s.year:04d}-Q{(s.month - 1) // 3 + 1}"
        if g == "half":
            return f"{s.year:04d}-H{(s.month - 1) // 6 + 1}"
        if g == "year":
            return f"{s.year:04d}"
        if g == "decade":
            return f"{s.year // 10:03d}"
        return f"{s.year // 100:02d}"

    def truncate(self, granularity: str) -> Period:
        """The period of coarser `granularity` that contains this one's start."""
        if finer_or_equal(granularity, self.granularity):
            return self
        return period_of(self.start, granularity)

    def shift(self, amount: int, unit: str) -> Period:
        """Move by `amount` of any unit a text counts in (`Duration.step`: a fortnight is two
        weeks, a weekend a week on), keeping the granularity. OutsideCalendar when the move
        leaves the years 1 to 9999."""
        step = Duration(amount, unit).step()
        count, unit = int(step.amount), step.unit
        clock = self.clock
        try:
            if unit in _MONTHS_PER:
                moved = add_months(self.start, _MONTHS_PER[unit] * count, keep_day=True)
            elif unit in _DAYS_PER:
                moved = self.start + timedelta(days=_DAYS_PER[unit] * count)
            elif self.granularity == "time" and clock and ":" in clock:
                hours, _, rest = clock.partition(":")
                at = datetime.combine(self.start, time()) + timedelta(hours=int(hours), minutes=int(rest[:2]))
                at += timedelta(seconds=count * _SECONDS_PER[unit])
                moved, clock = at.date(), f"{at.hour:02d}:{at.minute:02d}{rest[2:]}"  # the zone stays
            else:  # without a clock time, hours move the period by whole days only
                moved = self.start + timedelta(days=int(count * _SECONDS_PER[unit] / 86400))
        except OverflowError as error:
            raise OutsideCalendar(f"{self.value()} moved by {amount} {unit}") from error
        if self.granularity == "time":
            return replace(self, start=moved, clock=clock)
        return replace(self, start=period_of(moved, self.granularity).start)


# Units TIMEX3 writes after the "T" of a duration.
_TIME_UNITS = frozenset({"H", "MIN", "S"})
# Units a text may count in that TIMEX3 writes as a multiple of another one.
_MULTIPLES = {"DE": (10, "Y"), "CE": (100, "Y"), "2W": (2, "W"), "WE": (2, "D")}
# The same units as steps on the calendar: "a weekend later" is the next weekend, a week on,
# though a weekend lasts two days.
_STEPS = {**_MULTIPLES, "WE": (1, "W"), "ML": (1000, "Y")}
_MONTHS_PER = {"M": 1, "Q": 3, "Y": 12}
_DAYS_PER = {"D": 1, "W": 7}
_SECONDS_PER = {"S": 1, "MIN": 60, "H": 3600}
# A fraction of these units is written in the next smaller one ("1.5 years" -> P1Y6M).
_SMALLER = {"Y": (12, "M"), "D": (24, "H"), "H": (60, "MIN"), "W": (7, "D"), "MIN": (60, "S")}


@dataclass(frozen=True)
class Duration:
    """A length of time as the text counts it: an amount (None when vague: "years") of a unit
    (D, W, M, Q, Y, DE, CE, H, MIN, S, WE for weekends, 2W for fortnights)."""

    amount: float | None
    unit: str

    def __post_init__(self) -> None:
        if self.amount is not None and not math.isfinite(self.amount):
            raise OverflowError(f"no duration of {self.amount} {self.unit}")  # "9999...9 years"

    def parts(self) -> tuple[tuple[float | None, str], ...]:
        """The (amount, unit) terms TIMEX3 writes: multiples folded into their base unit and a
        fraction of a unit spelled out in the next smaller one."""
        amount, unit = self.amount, self.unit
        if unit in _MULTIPLES:
            factor, unit = _MULTIPLES[unit]
            amount = None if amount is None else amount * factor
        if amount is None or amount == int(amount) or unit not in _SMALLER:
            return ((amount, unit),)
        factor, smaller = _SMALLER[unit]
        whole, rest = int(amount), round((amount - int(amount)) * factor)
        return ((whole, unit), (rest, smaller)) if whole else ((rest, smaller),)

    def step(self) -> Duration:
        """The same length as a step on the calendar, in a unit a date moves by (D, W, M, Q,
        Y, H, MIN, S): a decade is ten years, a fortnight two weeks, a weekend one week on,
        a year and a half eighteen months."""
        amount, unit = self.amount, self.unit
        if unit in _STEPS:
            factor, unit = _STEPS[unit]
            amount = None if amount is None else amount * factor
        if amount is not None and amount != int(amount) and unit in _SMALLER:
            factor, unit = _SMALLER[unit]
            amount *= factor
        return Duration(amount, unit)

    def value(self) -> str:
        """The ISO 8601 duration ("P3D", "PT1H30M", "PXY")."""
        terms = self.parts()
        date_part = "".join(_term(a, u) for a, u in terms if u not in _TIME_UNITS)
        time_part = "".join(_term(a, u) for a, u in terms if u in _TIME_UNITS)
        return "P" + date_part + ("T" + time_part if time_part else "")


def _term(amount: float | None, unit: str) -> str:
    letter = "M" if unit == "MIN" else unit
    if amount is None:
        return f"X{letter}"
    return f"{int(amount)}{letter}" if amount == int(amount) else f"{amount:g}{letter}"


def add_months(d: date, months: int, keep_day: bool = False) -> date:
    """The first day (or, with `keep_day`, the same day as far as the month has it) `months` on."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    if not date.min.year <= year <= date.max.year:
        raise OutsideCalendar(f"{d.isoformat()} moved by {months} months")
    day = min(d.day, calendar.monthrange(year, month + 1)[1]) if keep_day else 1
    return date(year, month + 1, day)


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _days_after(d: date, days: int) -> date:
    """`days` after `d`, or the last day the calendar holds."""
    return d + timedelta(days=days) if (date.max - d).days >= days else date.max


def period_of(d: date, granularity: str) -> Period:
    """The period of `granularity` containing day `d`."""
    g = granularity
    if g in ("time", "day"):
        return Period("day", d)
    if g == "week":
        return Period(g, d - timedelta(days=d.weekday()))
    if g == "month":
        return Period(g, d.replace(day=1))
    if g == "season":
        month = {12: 12, 1: 12, 2: 12}.get(d.month, (d.month // 3) * 3)
        year = d.year - 1 if d.month in (1, 2) else d.year
        if year < date.min.year:
            raise OutsideCalendar(f"the winter of {d.isoformat()} began in the year 0")
        return Period(g, date(year, month, 1))
    if g == "quarter":
        return Period(g, date(d.year, (d.month - 1) // 3 * 3 + 1, 1))
    if g == "half":
        return Period(g, date(d.year, 1 if d.month <= 6 else 7, 1))
    if g == "year":
        return Period(g, date(d.year, 1, 1))
    if g == "decade":
        return Period(g, date(max(1, d.year // 10 * 10), 1, 1))
    return Period("century", date(max(1, d.year // 100 * 100), 1, 1))


def reference_bounds(reference: str | None, dct: date | None) -> tuple[date | None, date | None, str | None]:
    """(earliest, latest, granularity) of a reference word (PRESENT_REF, PAST_REF, FUTURE_REF):
    only the DCT bounds it. Any other value without a period has no bounds."""
    if reference == "PRESENT_REF":
        return dct, dct, "day" if dct else None
    if reference == "PAST_REF":
        return None, dct, None
    if reference == "FUTURE_REF":
        return dct, None, None
    return None, None, None


def season_period(year: int, code: str) -> Period:
    start = SEASON_START[code]
    return Period("season", date(year - 1 if start == 12 else year, start, 1))
