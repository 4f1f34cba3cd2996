"""Dates the text names on the calendar: "3 May 2021", "April 26", "1990", "the 1980s",
"the third quarter", "summer 2019", "Christmas". A missing year comes from the story or the DCT."""

from __future__ import annotations

import calendar as calendar_module
import re
from datetime import date, timedelta

from newsgraph.time.reading import Context, Reading
from newsgraph.time.recognise import Candidate
from newsgraph.time.rules.common import modifier, month_number, spelled_year, year_around
from newsgraph.time.values import Period, period_of, season_period

_PRECEDING_TIME_WORD = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|through|of|early|late|mid|last|next|this|during|before|"
    r"after|to|between|and|or|around|throughout|on|for|end|beginning|middle|start)|-)\s*$",
    re.IGNORECASE,
)
QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def calendar(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    month = month_number(ctx, g)
    if month is None or not 1 <= month <= 12:
        return None
    day_text = g.get("day") or g.get("dnum")
    day = int(re.match(r"\d+", day_text).group()) if day_text else None
    year_text = g.get("year")
    if g.get("wordyear"):
        spelled = spelled_year(ctx, g["wordyear"])
        if spelled is None:
            return None
        year_text = str(spelled)
    if (
        day is None
        and not year_text
        and re.match(r" [A-Z][a-z]", ctx.text[c.end : c.end + 3])
        and not g.get("mod")
    ):
        return None  # "Jan Kavan", "May Day": a name
    if day is None and not year_text and not g.get("mod"):
        word = g["month"]
        if word.lower().rstrip(".") in ctx.lex.ambiguous_months and not _PRECEDING_TIME_WORD.search(
            ctx.text[max(0, c.start - 12) : c.start]
        ):
            return None
    mod = modifier(ctx, g.get("mod"))
    if year_text:
        year = int(year_text)
        if year < 100:
            year += 1900 if year >= 50 else 2000
        anchor = None
    else:
        year, anchor = year_around(ctx, month, day, c)
        if year is not None and month == 2 and day == 29:
            while not calendar_module.isleap(year) and year > 1:
                year -= 1  # "February 29" with no year: the last leap year
    try:
        if year is None:
            date(2000, month, day or 1)
            return Reading("DATE", literal=f"XXXX-{month:02d}" + (f"-{day:02d}" if day else ""), mod=mod)
        period = Period("day", date(year, month, day)) if day else Period("month", date(year, month, 1))
    except ValueError:
        return None
    reading = Reading("DATE", period, mod=mod, explicit_year=bool(year_text))
    if not year_text:
        reading.anchor, reading.anchor_dct, reading.relation = anchor, anchor is None, "year-of"
    return reading


def week_of(c: Candidate, ctx: Context) -> Reading | None:
    """'the week of March 6': the ISO week containing that day; "the last week of March": of
    the weeks with at least four days in the month (as ISO counts a year's weeks), the last."""
    day = calendar(c, ctx)
    if day is None or day.period is None:
        return day
    week = period_of(day.period.start, "week")
    if day.period.granularity == "month":
        month = day.period
        first, last = (
            period_of(month.start + timedelta(days=3), "week"),
            period_of(month.end - timedelta(days=3), "week"),
        )
        week = (
            last
            if c.groups.get("wklast")
            else first.shift(QUARTER_ORDINALS[c.groups["wkord"].lower()] - 1, "W")
        )
        if week.start > last.start:
            return None  # "the fourth week of February" when February has only three
    return Reading(
        "DATE",
        week,
        anchor=day.anchor,
        anchor_dct=day.anchor_dct,
        relation=day.relation,
        explicit_year=day.explicit_year,
    )


def year(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    if g.get("wordyear"):
        number = spelled_year(ctx, g["wordyear"])
        if number is None:
            return None
    elif g.get("shortyear"):
        short = int(g["shortyear"])
        number = (1900 if short >= 50 else 2000) + short
    else:
        number = int(g["year"])
        after = ctx.text[c.end : c.end + 12]
        if re.match(r"\s*-\s*\d", after) and not re.match(r"\s*-\s*\d\d\b(?!\d)", after):
            return None
    return Reading(
        "DATE", Period("year", date(number, 1, 1)), mod=modifier(ctx, g.get("mod")), explicit_year=True
    )


def year_end(c: Candidate, ctx: Context) -> Reading | None:
    """'year-end', "by year's end": the end of the year being discussed (or the DCT's)."""
    g = c.groups
    if g.get("year"):
        number = int(g["year"])
    else:
        ref = ctx.explicit_reference(c.start)
        if ref is not None and (ctx.dct is None or ref.period.start.year != ctx.dct.year):
            number = ref.period.start.year
        elif ctx.dct is not None:
            number = ctx.dct.year
        else:
            return Reading("DATE", mod="END")
    mod = "APPROX" if g.get("qmod") else "END"
    return Reading("DATE", Period("year", date(number, 1, 1)), mod=mod, anchor_dct=not g.get("year"))


def decade(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    if g.get("decadeword"):
        century = {"eighteen": 1800, "twenty": 2000}.get((g.get("centuryword") or "").lower(), 1900)
        first_year = century + ctx.lex.decade_words[g["decadeword"].lower()]
    else:
        first_year = int(g["decade"]) if g.get("decade") else 1900 + int(g["shortdecade"])
    return Reading("DATE", Period("decade", date(first_year, 1, 1)), mod=modifier(ctx, g.get("mod")))


def century(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    word = g["ord"].lower()
    number = int(word[:-2]) if word[:1].isdigit() else ctx.lex.ordinals.get(word)
    if not number or word == "last":
        return None
    period = Period("century", date((number - 1) * 100 or 1, 1, 1))
    return Reading("DATE", period, mod=modifier(ctx, g.get("mod")))


def quarter(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    if g.get("lastord"):  # "the last half of 1989", "the final quarter of 2009"
        unit = g["lastunit"].lower()
        number = 4 if unit == "quarter" else 2
    else:
        number = QUARTER_ORDINALS.get(g["ord"].lower())
        unit = g["qunit"].lower()
    if number is None or unit == "period" or (unit == "half" and number > 2):
        return None
    gran = "quarter" if unit == "quarter" else "half"
    months_per = 3 if gran == "quarter" else 6
    poss = (
        g.get("poss") or g.get("relyear") or ""
    ).lower()  # "last year's first quarter", "... of last year"
    ref = None
    if g.get("year"):
        number_year = int(g["year"])
    elif poss and ctx.dct is not None:
        number_year = ctx.dct.year + {"last": -1, "next": 1}.get(poss, 0)
    else:
        ref = ctx.explicit_reference(c.start)
        if ref is not None and ctx.dct is not None and ref.period.start.year == ctx.dct.year:
            ref = None
        if ref is not None:
            number_year = ref.period.start.year
        elif ctx.dct is not None:
            number_year = ctx.dct.year
            if date(number_year, (number - 1) * months_per + 1, 1) > ctx.dct and not ctx.clauses.future(
                c.start, c.end
            ):
                number_year -= 1
        else:
            return Reading("DATE", literal=f"XXXX-{'Q' if gran == 'quarter' else 'H'}{number}")
    period = Period(gran, date(number_year, (number - 1) * months_per + 1, 1))
    explicit = bool(g.get("year"))
    return Reading(
        "DATE",
        period,
        anchor=ref,
        explicit_year=explicit,
        anchor_dct=not explicit and ref is None,
        relation="year-of",
    )


def year_period(c: Candidate, ctx: Context) -> Reading | None:
    """'the 1988 third quarter', "the 1989 period": a quarter of a stated year; a bare
    period is the one the text is discussing."""
    g = c.groups
    number_year = int(g["year"])
    unit = " ".join(g["qunit"].lower().split())
    if g.get("ord"):
        number = QUARTER_ORDINALS.get(g["ord"].lower())
        if unit == "half" and number <= 2:
            return _stated(Period("half", date(number_year, 1 if number == 1 else 7, 1)))
        if unit in ("quarter", "period"):
            return _stated(Period("quarter", date(number_year, (number - 1) * 3 + 1, 1)))
        return None
    if unit in ("first half", "second half"):
        return _stated(Period("half", date(number_year, 1 if unit == "first half" else 7, 1)))
    ref = ctx.narrative.reference("half", "month")
    if ref is None:
        return _stated(Period("year", date(number_year, 1, 1)))
    discussed = ref.period
    return _stated(Period(discussed.granularity, discussed.start.replace(year=number_year)))


def _stated(period: Period) -> Reading:
    return Reading("DATE", period, explicit_year=True)


def season(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    number = int(g["year"]) if g.get("year") else spelled_year(ctx, g["wordyear"])
    if number is None:
        return None
    period = season_period(number, ctx.lex.seasons[g["season"].lower()])
    return Reading("DATE", period, mod=modifier(ctx, g.get("mod")))


def holiday(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    rule = ctx.lex.holidays[" ".join(g["holiday"].lower().split())]
    rel = (g.get("rel") or "").lower()
    ref = None
    if g.get("year"):
        number = int(g["year"])
    elif ctx.dct is not None and rel:
        number = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
    else:
        typical = _holiday_date(rule, ctx.dct.year if ctx.dct else 2001)
        number, ref = year_around(ctx, typical.month, typical.day, c)
    if number is None:
        return Reading("DATE", literal=f"XXXX-{rule}" if "-" in rule else None)
    day = _holiday_date(rule, number)
    if rel == "last" and ctx.dct is not None and day > ctx.dct and not g.get("year"):
        return None
    period = period_of(day, "week") if g.get("week") else Period("day", day)  # "Easter week"
    return Reading(
        "DATE",
        period,
        anchor=ref,
        anchor_dct=ref is None and not g.get("year"),
        relation="year-of",
    )


def _holiday_date(rule: str, year: int) -> date:
    if rule == "thanksgiving":
        return _nth_weekday(year, 11, 4, 4)
    if rule == "easter":
        return _easter(year)
    if rule == "labor_day":
        return _nth_weekday(year, 9, 1, 1)
    if rule == "election_day":  # US: the Tuesday after the first Monday of November
        return _nth_weekday(year, 11, 1, 1) + timedelta(days=1)
    if rule == "memorial_day":
        return _nth_weekday(year, 5, 1, -1)
    month, dom = map(int, rule.split("-"))
    return date(year, month, dom)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1 = last) ISO `weekday` of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


RULES = {
    "calendar": calendar,
    "week_of": week_of,
    "year": year,
    "year_end": year_end,
    "decade": decade,
    "century": century,
    "quarter": quarter,
    "year_period": year_period,
    "season": season,
    "holiday": holiday,
}
