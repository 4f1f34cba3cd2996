"""What several rule families share: modifiers, month names, spelled years, the year of a
date given without one, amounts, and the reading of a period shifted from a base."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from newsgraph.time.narrative import Mention
from newsgraph.time.reading import Context, Reading
from newsgraph.time.recognise import Candidate
from newsgraph.time.values import Duration, OutsideCalendar, Period

# A day of the last weeks is named as past even in a clause about the future.
_JUST_PAST_DAYS = 31


def modifier(ctx: Context, word: str | None) -> str | None:
    """The TIMEX3 mod of a modifier word ("early" -> START), or None."""
    if not word:
        return None
    return ctx.lex.modifiers.get(" ".join(word.lower().split()).rstrip("-"))


def month_number(ctx: Context, g: dict) -> int | None:
    """The month a candidate names; None for a lower-case word that is also a common word ("march")."""
    if g.get("mnum"):
        return int(g["mnum"])
    word = g["month"]
    key = word.lower().rstrip(".")
    if key in ctx.lex.ambiguous_months and not word[0].isupper():
        return None
    return ctx.lex.months[key]


def spelled_year(ctx: Context, text: str) -> int | None:
    """'nineteen ninety-six' -> 1996, "two thousand and one" -> 2001."""
    words = " ".join(text.lower().replace("-", " ").split())
    if words.startswith("two thousand"):
        rest = words[len("two thousand") :].replace("and", " ").strip()
        return 2000 + int(ctx.lex.number(rest) or 0) if rest else 2000
    head, _, rest = words.partition(" ")
    century = ctx.lex.number(head)
    rest = rest.replace("oh ", "")
    tail = ctx.lex.number(rest) if rest else None
    if century is None or tail is None:
        return None
    return int(century * 100 + tail)


def year_around(ctx: Context, month: int, day: int | None, c: Candidate) -> tuple[int | None, Mention | None]:
    """Year of a month/day given without one, and the mention it came from (None: the DCT).

    A narrative set in another year than the DCT ("On 3 May 2021 ... the April 26 raid")
    lends its year; otherwise the year that puts the date nearest the DCT, forward when
    the clause speaks of the future."""
    ref = ctx.explicit_reference(c.start)
    near_dct = _year_near_dct(ctx, month, day, c) if ctx.dct is not None else None
    if ref is not None and near_dct is not None and _story_moves_on(ctx, ref, month, day, near_dct, c):
        ref = None
    if ref is not None and (near_dct is None or ref.period.start.year != near_dct):
        recent = near_dct is not None and abs((_day_in(near_dct, month, day or 15) - ctx.dct).days) <= 60
        if not recent:  # news of the last weeks is read against the DCT, older events against the story
            year = ref.period.start.year
            if (
                ctx.dct
                and _day_in(year, month, day or 1) > ctx.dct
                and not ctx.clauses.future(c.start, c.end)
            ):
                year -= 1
            return year, ref
    return near_dct, None


# How long before the DCT a story date still belongs to the news of the year the DCT ends.
_RECENT_STORY_DAYS = 365


def _story_moves_on(ctx: Context, ref: Mention, month: int, day: int | None, near_dct: int, c: Candidate) -> bool:
    """Whether a date without year is read against the DCT rather than the story's year: a
    clause about the future looks ahead of the DCT, not back into the story ("met in August
    2022 ... is scheduled to appear in February"); and after a story date of recent months a
    date that would fall between it and the DCT continues the story forward ("met in December
    2024 ... was wounded in February", in May 2025)."""
    if ctx.clauses.future(c.start, c.end, reach=150):
        return True
    nearest = _day_in(near_dct, month, day or 1)
    return (ctx.dct - ref.period.start).days <= _RECENT_STORY_DAYS and ref.period.end < nearest <= ctx.dct


def _year_near_dct(ctx: Context, month: int, day: int | None, c: Candidate) -> int:
    """News speaks mostly of the recent past: the last occurrence that has begun by the DCT,
    unless the clause is in the future or the next occurrence is only weeks away."""
    dct = ctx.dct

    def span(year: int) -> tuple[date, date]:
        if day is not None:
            return _day_in(year, month, day), _day_in(year, month, day)
        period = Period("month", date(year, month, 1))
        return period.start, period.end

    year = dct.year if span(dct.year)[0] <= dct else dct.year - 1
    if ctx.clauses.future(c.start, c.end, reach=150) or ctx.clauses.deadline(c.start, c.end):
        # a day of the last weeks is named as past even in a clause about the future
        # ("aid for the victims of the Aug. 7 blasts would ..."): the next one would say its year
        just_past = day is not None and (dct - span(year)[1]).days <= _JUST_PAST_DAYS
        return year if span(year)[1] >= dct or just_past else year + 1
    ahead = (span(year + 1)[0] + timedelta(days=14 if day is None else 0) - dct).days
    return year + 1 if ahead <= 75 and not ctx.clauses.past(c.start) else year


def _day_in(year: int, month: int, day: int) -> date:
    """The day, or the month's last when the year lacks it: "February 29" is weighed against
    the DCT in every year, leap or not."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def amount(ctx: Context, g: dict) -> float | None:
    """The number of units a candidate counts ("three", "2 1/2"); None when vague ("several")."""
    text = g["num"]
    if " ".join(text.lower().split()) in ctx.lex.vague:
        return None
    if "/" in text:
        whole, frac = text.split()
        num, den = frac.split("/")
        return int(whole) + int(num) / int(den)
    return ctx.lex.number(text)


def unit(ctx: Context, g: dict) -> str:
    return ctx.lex.units[g["unit"].lower()]


def relation(shift: int) -> str:
    return "same" if shift == 0 else "after" if shift > 0 else "before"


def day_offset(days: int) -> Duration | None:
    return Duration(abs(days), "D") if days else None


def unit_offset(shift: int, unit: str) -> Duration | None:
    return Duration(abs(shift), unit) if shift else None


def shifted(
    base: Period,
    shift: int,
    letter: str,
    weekend: bool,
    mod: str | None,
    anchor: Mention | None = None,
    anchor_dct: bool = False,
) -> Reading:
    """The DATE `shift` units of `letter` away from `base` ("last week", "the following
    quarter"), as a weekend when the text says so, remembering what it was counted from."""
    period = base.shift(shift, letter)
    if weekend:
        period = Period("week", period.start, weekend=True)
    return Reading(
        "DATE",
        period,
        mod=mod,
        anchor=anchor,
        anchor_dct=anchor_dct,
        relation=relation(shift),
        offset=unit_offset(shift, letter),
    )


def dct_span(ctx: Context, length: Duration, direction: str) -> tuple[date, date] | None:
    """The days a length ending at the DCT ("the past eight years", direction `before`) or
    beginning at it ("the next few days", `after`) covers. A vague count ("recent weeks")
    reaches as far as the lexicon's `vague_reach` for its unit."""
    if ctx.dct is None:
        return None
    step = (length if length.amount is not None else ctx.lex.vague_reach.get(length.unit, length)).step()
    if step.amount is None or step.amount != int(step.amount):
        return None
    count = int(step.amount) if direction == "after" else -int(step.amount)
    try:
        other = Period("day", ctx.dct).shift(count, step.unit).start
    except OutsideCalendar:
        other = date.max if direction == "after" else date.min
    return (ctx.dct, other) if direction == "after" else (other, ctx.dct)


def comparative_interval(ctx: Context, word: str | None, period: Period) -> tuple[date, date] | None:
    """'earlier this month' runs from the start of the month to the DCT, "later this year" from
    the DCT to the end of the year; None unless the word compares with a DCT the period holds."""
    side = ctx.lex.comparative_modifiers.get(" ".join((word or "").lower().split()))
    if side is None or ctx.dct is None or not period.earliest <= ctx.dct <= period.end:
        return None
    return (period.earliest, ctx.dct) if side == "before" else (ctx.dct, period.end)


def length_reading(ctx: Context, length: Duration, mod: str | None, side: str | None) -> Reading:
    """A DURATION, with the days it covers when it ends (`side` before) or begins (after) at
    the DCT."""
    interval = dct_span(ctx, length, side) if side else None
    return Reading(
        "DURATION",
        duration=length,
        mod=mod,
        interval=interval,
        anchor_dct=interval is not None,
        relation=side if interval is not None else "same",
    )
