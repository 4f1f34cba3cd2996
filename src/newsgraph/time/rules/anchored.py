"""Expressions read against the narrative: "April 24 and 25", "during that visit", "the
year-earlier quarter", and counted ones ("two days later", "a year ago", "a week after")."""

from __future__ import annotations

import re
from datetime import date

from newsgraph.time.reading import Context, Reading
from newsgraph.time.recognise import Candidate
from newsgraph.time.rules.absolute import QUARTER_ORDINALS
from newsgraph.time.rules.common import amount, relation, unit
from newsgraph.time.values import UNIT_GRANULARITY, Duration, Period, coarser, period_of

_COORDINATED_DAY_BEFORE = re.compile(r"[A-Za-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:and|or|&)\s+")


def coordinated_day(c: Candidate, ctx: Context) -> Reading | None:
    """'April 24 and 25': a bare day number coordinated with the month-day just before it."""
    last = ctx.narrative.last
    if last is None or last.period.granularity != "day":
        return None
    if not _COORDINATED_DAY_BEFORE.fullmatch(ctx.text, last.position, c.start):
        return None
    period = Period("day", last.period.start.replace(day=int(c.groups["dnum"])))
    return Reading("DATE", period, anchor=last, relation="year-of")


def event_time(c: Candidate, ctx: Context) -> Reading | None:
    """'During that visit': the time of the event the narrative just dated."""
    ref = ctx.narrative.reference("year")
    if ref is None:
        return None
    return Reading("DATE", ref.period, anchor=ref, relation="same")


def comparable(c: Candidate, ctx: Context) -> Reading | None:
    """'the year-earlier quarter': the same period one year before the one discussed."""
    g = c.groups
    unit_word = (g.get("unit") or g.get("unit2") or "").lower()
    if g.get("ord") and unit_word in ("quarter", "period") and ctx.dct is not None:
        number = QUARTER_ORDINALS[g["ord"].lower()]
        period = Period("quarter", date(ctx.dct.year - 1, (number - 1) * 3 + 1, 1))
        return Reading("DATE", period, anchor_dct=True, remember=False)
    if unit_word in ("nine months", "six months"):
        return Reading("DURATION", duration=Duration(9 if unit_word.startswith("nine") else 6, "M"))
    ref = ctx.narrative.reporting_quarter() if unit_word in ("quarter", "period", "") else None
    if ref is None:
        ref = ctx.narrative.reference("year")
    if ref is None:
        if ctx.dct is None:
            return Reading("DATE")
        base, anchored_dct = period_of(ctx.dct, "year"), True
    else:
        base, anchored_dct = ref.period, False
        if unit_word == "year" or base.granularity in ("day", "time", "week"):
            base = base.truncate(
                {"year": "year", "quarter": "quarter", "": "quarter"}.get(unit_word, "month")
            )
    return Reading(
        "DATE",
        base.shift(-1, "Y"),
        anchor=ref,
        anchor_dct=anchored_dct,
        relation="before",
        offset=Duration(1, "Y"),
        remember=False,
    )


def ago(c: Candidate, ctx: Context) -> Reading | None:
    """'three days ago', "a year earlier", "two weeks later", "a week after"."""
    g = c.groups
    direction = " ".join(g["dir"].lower().split())
    count = amount(ctx, g)
    counted = unit(ctx, g)
    mod = ctx.lex.quantifier_mods.get(" ".join((g.get("qmod") or "").lower().split()))
    if mod and mod not in ("APPROX",):
        mod = "APPROX" if mod in ("LESS_THAN", "MORE_THAN") and direction == "ago" else mod
    # the extent stops before the relation word when the value is a length (TimeML)
    relation_at = c.start + ctx.text[c.start : c.end].lower().rindex(g["dir"].lower())
    length_end = len(ctx.text[c.start : relation_at].rstrip()) + c.start
    if direction in ("before", "after"):
        return Reading(
            "DURATION", duration=Duration(count, counted), mod=mod, end=length_end, pending=direction
        )
    backwards = direction in ("ago", "earlier", "previously")
    if count is None and direction in ("earlier", "later"):
        return Reading("DURATION", duration=Duration(None, counted), mod=mod, end=length_end)
    if count is None or count != int(count):
        return Reading("DATE", literal="PAST_REF" if backwards else "FUTURE_REF", mod=mod)
    length = Duration(count, counted)
    # counted in the unit a date moves by: "a decade ago" is a year ten years back, "a
    # fortnight ago" the week two weeks back, "two weekends ago" the weekend two weeks back
    step = length.step()
    weekend = counted == "WE"
    count, counted = step.amount, step.unit
    steps = -int(count) if backwards else int(count)
    unit_gran = UNIT_GRANULARITY[counted]
    if unit_gran == "time":  # hours and minutes move within the day we know
        unit_gran, steps = "day", 0
    ref = None
    if direction in ("ago", "from now", "hence"):
        if ctx.dct is None:
            return Reading("DATE", mod=mod)
        base = Period("day", ctx.dct)
        comparable_quarter = ctx.narrative.reporting_quarter()
        if counted == "Y" and comparable_quarter is not None and count == 1:
            base, ref = comparable_quarter.period, comparable_quarter
    else:
        ref = ctx.narrative.reference("year")
        if ref is None and ctx.dct is None:
            return Reading("DATE", mod=mod)
        base = ref.period if ref is not None else Period("day", ctx.dct)
    gran = coarser(unit_gran, base.granularity)
    if counted == "Y" and base.granularity in ("quarter", "half", "month", "season"):
        gran = base.granularity
    elif counted == "Y" and ref is not None and base.granularity in ("day", "time"):
        gran = "day"  # "a year earlier" than a dated day is that day a year before
    period = base.truncate(gran).shift(steps, counted).truncate(gran)
    if weekend:
        period = Period("week", period.start, weekend=True)
    # TimeML gives "three days later" the value of its length; the day it reaches is
    # kept as the interval and the anchor.
    if direction in ("earlier", "later", "previously") and counted not in ("Y", "M", "Q"):
        if ref is None:  # "a day later" than an event the text has not dated: no day known
            return Reading("DURATION", duration=length, mod=mod, end=length_end)
        return Reading(
            "DURATION",
            period,
            duration=length,
            mod=mod,
            anchor=ref,
            anchor_dct=ref is None,
            relation=relation(steps),
            offset=step,
            end=length_end,
        )
    return Reading(
        "DATE",
        period,
        mod=mod,
        anchor=ref,
        anchor_dct=ref is None,
        relation=relation(steps),
        offset=step,
        remember=direction not in ("ago", "from now", "hence") and counted != "Y",
    )


RULES = {
    "coordinated_day": coordinated_day,
    "event_time": event_time,
    "comparable": comparable,
    "ago": ago,
}
