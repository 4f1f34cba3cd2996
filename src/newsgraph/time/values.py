"""TIMEX3 values as calendar periods: formatting, parsing, shifting and intervals.

A `Period` is a span of the calendar at one granularity (a day, an ISO week, a month,
a quarter, ...), stored as its first day. Keeping the granularity with the date is what lets
us never print a value finer than the text supports: "March 2024" stays `2024-03`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

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
    "H": "time",
    "MIN": "time",
    "S": "time",
    "WE": "week",
}


def coarser(a: str, b: str) -> str:
    return a if _RANK[a] >= _RANK[b] else b


def finer_or_equal(a: str, b: str) -> bool:
    return _RANK[a] <= _RANK[b]


@dataclass(frozen=True)
class Period:
    """A calendar period: its granularity and first day (plus a clock/part of day for `time`)."""

    granularity: str
    start: date
    clock: str | None = None  # "10:35", "17" or a part of day code "MO", "EV", ...
    weekend: bool = False  # the weekend of the week (value "2023-W41-WE")

    @property
    def end(self) -> date:
        """The last day of the period."""
        s = self.start
        g = self.granularity
        if g in ("time", "day"):
            return s
        if g == "week":
            return s + timedelta(days=6)
        months = {
            "month": 1,
            "season": 3,
            "quarter": 3,
            "half": 6,
            "year": 12,
            "decade": 120,
            "century": 1200,
        }[g]
        return add_months(s, months) - timedelta(days=1)

    @property
    def earliest(self) -> date:
        return self.start + timedelta(days=5) if self.weekend else self.start

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
        """Move by `amount` units (D, W, M, Q, Y, DE, CE), keeping the granularity."""
        s = self.start
        if unit == "D":
            moved = s + timedelta(days=amount)
        elif unit in ("W", "WE"):
            moved = s + timedelta(weeks=amount)
        else:
            months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit] * amount
            moved = add_months(s, months, keep_day=True)
        return replace(
            self, start=period_of(moved, self.granularity).start if self.granularity != "time" else moved
        )


def add_months(d: date, months: int, keep_day: bool = False) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    day = min(d.day, calendar.monthrange(year, month + 1)[1]) if keep_day else 1
    return date(year, month + 1, day)


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


_VALUE = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>\d\d)(?:-(?P<day>\d\d)(?:T(?P<clock>[\d:]+|MO|AF|EV|NI|MI|DT))?)?"
    r"|W(?P<week>\d\d?)(?P<we>-WE)?|Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)))?$"
    r"|^(?P<decade>\d{3})$|^(?P<century>\d{2})$"
)


def parse_value(value: str) -> Period | None:
    """The calendar period a TIMEX3 DATE/TIME value denotes, or None (durations, refs, X-es)."""
    m = _VALUE.match(value)
    if not m:
        return None
    try:
        if m["decade"]:
            return Period("decade", date(max(1, int(m["decade"]) * 10), 1, 1))
        if m["century"]:
            return Period("century", date(max(1, int(m["century"]) * 100), 1, 1))
        year = int(m["year"])
        if m["week"]:
            return Period("week", date.fromisocalendar(year, int(m["week"]), 1), weekend=bool(m["we"]))
        if m["quarter"]:
            return Period("quarter", date(year, (int(m["quarter"]) - 1) * 3 + 1, 1))
        if m["half"]:
            return Period("half", date(year, 1 if m["half"] == "1" else 7, 1))
        if m["season"]:
            start = SEASON_START[m["season"]]
            return Period("season", date(year - 1 if start == 12 else year, start, 1))
        if m["day"]:
            day = date(year, int(m["month"]), int(m["day"]))
            return Period("time", day, clock=m["clock"]) if m["clock"] else Period("day", day)
        if m["month"]:
            return Period("month", date(year, int(m["month"]), 1))
        return Period("year", date(year, 1, 1))
    except ValueError:
        return None


def interval(value: str | None, dct: date | None) -> tuple[str | None, str | None, str | None]:
    """(earliest, latest, granularity) of a TIMEX3 value; reference words bound by the DCT."""
    if value is None:
        return None, None, None
    period = parse_value(value)
    if period is not None:
        gran = "day" if period.granularity == "time" else period.granularity
        return period.earliest.isoformat(), period.end.isoformat(), gran
    today = dct.isoformat() if dct else None
    if value == "PRESENT_REF":
        return today, today, "day" if today else None
    if value == "PAST_REF":
        return None, today, None
    if value == "FUTURE_REF":
        return today, None, None
    return None, None, None


def season_period(year: int, code: str) -> Period:
    start = SEASON_START[code]
    return Period("season", date(year - 1 if start == 12 else year, start, 1))
