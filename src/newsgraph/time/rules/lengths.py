"""Durations and sets: "two weeks", "several years", "every Tuesday", "daily", "twice a year"."""

from __future__ import annotations

import re

from newsgraph.time.reading import Context, Reading
from newsgraph.time.recognise import Candidate
from newsgraph.time.rules.common import amount, length_reading, unit
from newsgraph.time.values import Duration

# "$2 million a year", "four flights a week": a rate, not a duration
_RATE_BEFORE = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million|billion)\b)"
    r"[^.;,]{0,25}$",
    re.IGNORECASE,
)
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_MODAL_BEFORE = re.compile(r"\b(?:will|'ll|would|may|might|could|can)\s+$", re.IGNORECASE)


def duration(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    if (g.get("tail") or "").lower() == "old" or re.match(r"[\s-]+old\b", ctx.text[c.end : c.end + 5]):
        return None  # an age ("a 6-year-old", "52 years old"), not a period of time
    if g.get("bare"):
        return Reading("DURATION", duration=Duration(None, ctx.lex.units[g["bare"].lower()]))
    count = amount(ctx, g)
    counted = unit(ctx, g)
    num = " ".join(g["num"].lower().split())
    if num in ("a", "an") and counted == "S":
        return None
    if (
        num == "one"
        and counted == "D"
        and not g.get("det")
        and _MODAL_BEFORE.search(ctx.text, max(0, c.start - 10), c.start)
    ):
        return Reading("DATE", literal="FUTURE_REF", anchor_dct=ctx.dct is not None)  # "will one day be"
    if (
        num in ("a", "an")
        and not g.get("det")
        and not g.get("qmod")
        and _RATE_BEFORE.search(ctx.text[max(0, c.start - 30) : c.start])
    ):
        return None
    if g.get("andhalf") or g.get("halfbefore"):  # "two years and a half", "two and a half years"
        count = (count or 0) + 0.5
    if count is not None and count > 10000:
        return None
    if counted == "Q" and re.match(r"\s+of\b|-to-", ctx.text[c.end : c.end + 4]):
        return None  # "three-quarters of its food": a fraction
    mod = ctx.lex.quantifier_mods.get(" ".join((g.get("qmod") or "").lower().split()))
    return length_reading(ctx, Duration(count, counted), mod, _side_of_dct(c, ctx, num))


def _side_of_dct(c: Candidate, ctx: Context, num: str) -> str | None:
    """'the past eight years', "recent weeks" end at the DCT (`before`), "the next few days"
    begin at it (`after`); not "the last two years of the war" nor "he stayed the next three days"."""
    det = " ".join((c.groups.get("det") or "").lower().split())
    side = ctx.lex.dct_spans.get(det) or ctx.lex.dct_spans.get(num)
    if side is None or _OF_AFTER.match(ctx.text, c.end):
        return None
    return None if side == "after" and ctx.clauses.past(c.start, c.end) else side


def recurrence(c: Candidate, ctx: Context) -> Reading | None:
    """A SET: "daily", "every Tuesday", "each March", "every other week"."""
    g = c.groups
    if g.get("set"):
        return Reading("SET", literal=ctx.lex.sets[g["set"].lower()])
    unit_word = g["unit"].lower()
    if unit_word in ctx.lex.weekdays:
        return Reading("SET", literal=f"XXXX-WXX-{ctx.lex.weekdays[unit_word]}")
    if unit_word.rstrip(".") in ctx.lex.months:
        return Reading("SET", literal=f"XXXX-{ctx.lex.months[unit_word.rstrip('.')]:02d}")
    count = 1.0
    if g.get("num") and g["num"].lower() != "other":
        count = ctx.lex.number(g["num"]) or 1.0
    elif g.get("num"):
        count = 2.0
    return Reading("SET", duration=Duration(count, ctx.lex.units[unit_word]))


RULES = {
    "duration": duration,
    "set": recurrence,
}
