"""Expressions counted from the document creation time: "yesterday", "Friday", "last March",
"now", and the calendar units "last week", "this quarter", "next summer" (which count from
the narrative instead when the text says "the following" or "that")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsgraph.time.narrative import Mention
from newsgraph.time.reading import Context, Reading
from newsgraph.time.recognise import Candidate
from newsgraph.time.rules.common import (
    comparative_interval,
    day_offset,
    dct_span,
    length_reading,
    modifier,
    month_number,
    relation,
    shifted,
    unit_offset,
)
from newsgraph.time.values import Duration, Period, period_of, season_period

_SHARED_PLURAL = re.compile(r"\s+(?:and|or)\s+[A-Za-z]+day(?:\s+([a-z]+?))?s\b", re.IGNORECASE)
_COMPOUND_AFTER = re.compile(r"-[^\W\d_]")
_REFERENCE_SIDE = {"PAST_REF": "before", "FUTURE_REF": "after"}
_ANAPHORIC = {"that", "that same", "the same"}
_DCT_DETERMINERS = {"this", "last", "next", "this past", "this coming", "the current", "the coming"}
_DURATION_DETERMINERS = {"the past", "the last", "the coming"}
_PART_OF_DAY_UNITS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_NARRATIVE_SHIFT = {"the following": 1, "the next": 1, "the previous": -1, "the prior": -1}
_UNIT_GRANULARITY = {
    "week": "week",
    "weekend": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "decade": "decade",
    "century": "century",
}
_UNIT_LETTER = {
    "week": "W",
    "weekend": "W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}


def deictic(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    word = " ".join(g["deictic"].lower().split())
    if ctx.text[c.end : c.end + 2] == "'s" and word == "today":
        return None  # "today's world": the present era, not the day
    pod = ctx.lex.parts_of_day.get((g.get("pod") or "").lower())
    shift = {
        "today": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "tonight": 0,
        "this": 0,
        "last": -1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }[word]
    if word == "tonight":
        pod = "NI"
    if word == "last" and pod != "NI":
        return None
    kind = "TIME" if pod else "DATE"
    if ctx.dct is None:
        return Reading(kind)
    day = ctx.dct + timedelta(days=shift)
    period = Period("time", day, clock=pod) if pod else Period("day", day)
    return Reading(
        kind,
        period,
        mod=modifier(ctx, g.get("mod")),
        anchor_dct=True,
        relation=relation(shift),
        offset=day_offset(shift),
    )


def _base_day(c: Candidate, ctx: Context) -> tuple[Period | None, Mention | None]:
    """The day weekday names count from: the DCT (news reports about their own week),
    unless the narrative has moved to a dated day far from it."""
    ref = ctx.explicit_reference(c.start)
    if (
        ref is not None
        and ref.period.granularity in ("day", "time")
        and (ctx.dct is None or abs((ref.period.start - ctx.dct).days) > 31)
        and ref.position >= ctx.clauses.sentence(ctx.clauses.sentence(c.start)[0] - 1)[0]
    ):
        return ref.period, ref
    if ctx.dct is not None:
        return Period("day", ctx.dct), None
    return None, None


def weekday(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    number = ctx.lex.weekdays[g["weekday"].lower()]
    pod = ctx.lex.parts_of_day.get((g.get("pod") or "").lower())
    rel = " ".join((g.get("rel") or "").lower().split())
    shared = _SHARED_PLURAL.match(ctx.text, c.end) if not (g.get("plural") or pod or rel) else None
    if shared and (shared[1] is None or shared[1].lower() in ctx.lex.parts_of_day):
        # "on Monday and Tuesday nights": the plural and the part of day are shared
        g, pod = {**g, "plural": "s"}, ctx.lex.parts_of_day.get((shared[1] or "").lower())
    underspecified = f"XXXX-WXX-{number}" + (f"T{pod}" if pod else "")
    if g.get("plural") and not rel:  # "on Tuesday nights": every one of them
        return Reading("SET", literal=underspecified)
    base, ref = _base_day(c, ctx)
    if rel in ("that", "the previous", "the preceding", "the following"):
        # counted from the day being discussed: "down 4.5% from the previous Friday"
        ref = ctx.narrative.reference("day")
        if ref is not None:
            base = ref.period
        elif rel == "that":
            base = None
    if base is None:
        return Reading("TIME" if pod else "DATE", literal=underspecified)
    today = base.start
    delta = (number - today.isoweekday()) % 7  # days forward to the next such weekday (0 = today)
    if rel in ("next", "this coming", "coming", "the following"):
        day = today + timedelta(days=delta or 7)
    elif rel in ("last", "this past", "the previous", "the preceding"):
        day = today - timedelta(days=(7 - delta) % 7 or 7)
    elif rel == "this" or (
        rel != "that" and (ctx.clauses.deadline(c.start, c.end) or ctx.clauses.future(c.start, c.end))
    ):
        day = today + timedelta(days=delta)
    else:
        day = today - timedelta(days=(7 - delta) % 7)
    period = Period("time", day, clock=pod) if pod else Period("day", day)
    offset = (day - today).days
    return Reading(
        "TIME" if pod else "DATE",
        period,
        anchor=ref,
        anchor_dct=ref is None,
        relation=relation(offset),
        offset=day_offset(offset),
    )


def month_relative(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    month = month_number(ctx, g)
    if month is None or re.match(r"\.?\s*\d", ctx.text[c.end : c.end + 4]):
        return None  # "last Oct. 23": the day makes it a calendar date
    rel = " ".join(g["rel"].lower().split())
    if rel == "that":
        ref = ctx.narrative.reference("year")
        if ref is None:
            return Reading("DATE", literal=f"XXXX-{month:02d}")
        period = Period("month", date(ref.period.start.year, month, 1))
        return Reading("DATE", period, anchor=ref, relation="year-of")
    if ctx.dct is None:
        return Reading("DATE", literal=f"XXXX-{month:02d}")
    year = ctx.dct.year
    whole_year = g.get("month") and re.search(r"year$", ctx.text[c.start : c.end], re.IGNORECASE)
    if whole_year:
        year += {"last": -1, "next": 1}.get(rel, 0)
    elif rel in ("last", "this past"):
        # "last February" said in March is a year back: last month would be "last month"
        year -= 1 if (ctx.dct.month - month) % 12 <= 1 or month > ctx.dct.month else 0
    elif rel in ("next", "this coming"):
        year += 1 if month <= ctx.dct.month else 0
    return Reading("DATE", Period("month", date(year, month, 1)), anchor_dct=True)


def fuzzy(c: Candidate, ctx: Context) -> Reading | None:
    word = " ".join(c.groups["fuzzy"].lower().split())
    text = ctx.text
    if word == "now" and text[c.end : c.end + 1] == "," and ctx.clauses.sentence(c.start)[0] >= c.start - 3:
        return None  # "Now, he says...": a discourse marker
    if _COMPOUND_AFTER.match(text, c.end):
        return None  # "the now-defunct group": part of an adjective, not a time
    if word == "soon" and (
        re.match(r"\s+(?:after|afterwards?|as|enough)\b", text[c.end : c.end + 12])
        or re.search(r"\bas\s+$", text[max(0, c.start - 4) : c.start])
        or not ctx.clauses.modal_near(c.start, c.end)
    ):
        return None  # only "will soon", "may soon seek": not "soon became", "as soon as"
    if word in ctx.lex.fuzzy_needs_noun:
        following = re.match(r"\s+(\w+)", text[c.end : c.end + 20])
        if not following or following.group(1).lower() not in (
            "times",
            "period",
            "era",
            "history",
            "past",
        ):
            return None
    literal = ctx.lex.fuzzy[word]
    # "in the coming days", "recent years": as far from the DCT as a vague count of the unit reaches
    counted = ctx.lex.units.get(word.rsplit(" ", 1)[-1])
    interval = None
    if counted is not None and literal in _REFERENCE_SIDE:
        interval = dct_span(ctx, Duration(None, counted), _REFERENCE_SIDE[literal])
    return Reading("DATE", literal=literal, anchor_dct=ctx.dct is not None, interval=interval)


def relative(c: Candidate, ctx: Context) -> Reading | None:
    """'last week', "this quarter", "the past year", "the following month", "that summer";
    "earlier this month" up to the DCT."""
    reading = _relative(c, ctx)
    if reading is not None and reading.period is not None:
        reading.interval = comparative_interval(ctx, c.groups.get("mod"), reading.period)
    return reading


def _relative(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    rel = " ".join(g["rel"].lower().split())
    unit = " ".join(g["unit"].lower().split())
    if ctx.text.startswith("-to-", c.end):
        return None  # "quarter-to-quarter comparison"
    mod = modifier(ctx, g.get("mod"))
    season = ctx.lex.seasons.get(unit)
    if unit == "period":
        # "the latest period" of an earnings report is the quarter under discussion
        if rel not in ("the latest", "the same", "the") or (
            rel == "the" and ctx.narrative.reference("quarter", "quarter") is None
        ):
            return None
        unit = "quarter"
    plain_year = unit == "year"
    if unit.endswith(" year") or (unit == "year" and rel == "the" and mod):
        specific = unit.startswith("full") or rel in ("the latest", "the current", "this") or bool(mod)
        unit, rel = "year", "the" if rel in ("the", "the latest", "the current", "this") else rel
        if rel == "the" and specific:
            ref = ctx.explicit_reference(c.start)
            if ctx.dct is None and ref is None:
                return Reading("DATE")
            base = ref.period if ref is not None else period_of(ctx.dct, "year")
            if g["rel"].lower() == "the latest" and ref is None:
                base = base.shift(-1, "Y")
            return Reading("DATE", base, mod=mod, anchor=ref, anchor_dct=ref is None)
    if unit in _PART_OF_DAY_UNITS or unit == "day":
        return _relative_day(rel, unit, mod, c, ctx)
    if season:
        return _relative_season(rel, season, mod, c, ctx)
    gran = _UNIT_GRANULARITY[unit]
    letter = _UNIT_LETTER[unit]
    if rel in ("the past", "the last") and unit in ("year", "month", "quarter") and ctx.dct is not None:
        # "over the past year" is annotated as the calendar period before the DCT's
        period = period_of(ctx.dct, gran).shift(-1, letter)
        return Reading(
            "DATE",
            period,
            mod=mod,
            anchor_dct=True,
            relation="before",
            offset=unit_offset(1, letter),
        )
    if (
        rel == "the"
        and plain_year
        and not mod
        and not re.match(r"\s+(?:ended|ending)\b", ctx.text[c.end : c.end + 10])
    ):
        ref = ctx.explicit_reference(c.start)
        if ref is not None or ctx.dct is not None:
            base = ref.period.truncate("year") if ref is not None else period_of(ctx.dct, "year")
            return Reading("DATE", base, anchor=ref, anchor_dct=ref is None)
    if rel in _DURATION_DETERMINERS or (rel == "the" and not mod and unit in ("year", "decade", "century")):
        length = Duration(2, "D") if unit == "weekend" else Duration(1, letter)
        return length_reading(ctx, length, mod, ctx.lex.dct_spans.get(rel))
    weekend = unit == "weekend"
    if rel in _DCT_DETERMINERS or (rel == "the" and weekend):
        if ctx.dct is None:
            return Reading("DATE", mod=mod)
        shift = {"last": -1, "this past": -1, "next": 1, "this coming": 1}.get(rel, 0)
        if (
            weekend
            and rel in ("this", "the", "the current")
            and ctx.dct.isoweekday() < 5
            and not ctx.clauses.future(c.start, c.end)
        ):
            shift = -1
        return shifted(period_of(ctx.dct, gran), shift, letter, weekend, mod, anchor_dct=True)
    # narrative: the following week, that year, the quarter, the latest quarter
    if gran == "quarter":
        ref = ctx.narrative.reporting_quarter(completed=rel == "the latest", anaphoric=rel in _ANAPHORIC)
    else:
        ref = ctx.narrative.reference(gran)
    if ref is None:
        if ctx.dct is None:
            return Reading("DATE", mod=mod)
        base = period_of(ctx.dct, gran)
        if gran == "quarter" and rel in ("the", "the latest") and not ctx.clauses.future(c.start, c.end):
            base = base.shift(-1, "Q")  # results are reported for the quarter just ended
        anchored_dct = True
    else:
        base = ref.period.truncate(gran)
        anchored_dct = False
    shift = _NARRATIVE_SHIFT.get(rel, 0)
    return shifted(base, shift, letter, weekend, mod, anchor=ref, anchor_dct=anchored_dct)


def _relative_day(rel: str, unit: str, mod: str | None, c: Candidate, ctx: Context) -> Reading | None:
    if rel == "the" and (
        re.search(r"\b(?:in|during|of)\s+$", ctx.text[max(0, c.start - 8) : c.start])
        or re.match(r"\s+of\b", ctx.text[c.end : c.end + 4])
    ):
        return None  # "later in the day": a part of a day already given, not a new time
    if rel in (
        "this",
        "last",
        "next",
        "this past",
        "this coming",
        "the past",
        "the last",
        "the coming",
        "the current",
    ):
        return None
    pod = _PART_OF_DAY_UNITS.get(unit)
    ref = ctx.narrative.reference("day")
    shift = _NARRATIVE_SHIFT.get(rel, 0)
    kind = "TIME" if pod else "DATE"
    if ref is None:
        return Reading(kind, mod=mod)
    day = ref.period.start + timedelta(days=shift)
    period = Period("time", day, clock=pod) if pod else Period("day", day)
    return Reading(
        kind,
        period,
        mod=mod,
        anchor=ref,
        relation=relation(shift),
        offset=day_offset(shift),
    )


def _relative_season(rel: str, season: str, mod: str | None, c: Candidate, ctx: Context) -> Reading | None:
    ref = ctx.narrative.reference("year") if rel in ("that", "the same", "that same", "the") else None
    if ref is not None:
        period = season_period(ref.period.start.year, season)
        return Reading("DATE", period, mod=mod, anchor=ref, relation="year-of")
    if rel in ("that", "the same", "that same") or ctx.dct is None:
        return Reading("DATE", literal=f"XXXX-{season}", mod=mod)
    current = period_of(ctx.dct, "season")
    if (
        rel == "the"
        and season_period(ctx.dct.year, season).start > current.start
        and not ctx.clauses.future(c.start, c.end)
    ):
        rel = "last"
    period = season_period(ctx.dct.year, season)
    if rel in ("last", "this past", "the past", "the last", "the previous"):
        while period.start >= current.start:
            period = period.shift(-1, "Y")
    elif rel in ("next", "this coming", "the coming", "the next", "the following"):
        while period.start <= current.start:
            period = period.shift(1, "Y")
    return Reading("DATE", period, mod=mod, anchor_dct=True)


RULES = {
    "deictic": deictic,
    "weekday": weekday,
    "month_relative": month_relative,
    "fuzzy": fuzzy,
    "relative": relative,
}
