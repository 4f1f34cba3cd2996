"""Time expressions: find TIMEX3 expressions in a text and normalise them.

`find_timexes(text, dct)` returns every time expression with its ISO-TimeML type and value,
the interval it bounds (earliest/latest day, granularity) and, for relative expressions,
the anchor the value was computed from (the DCT or a preceding time expression).
"""
from __future__ import annotations

import re
from datetime import date

from newsgraph.model import Anchor, Timex
from newsgraph.time.lexicon import lexicon
from newsgraph.time.normalise import Narrative, Reading
from newsgraph.time.recognise import candidates
from newsgraph.time.values import Period, coarser, interval, parse_value

__all__ = ["find_timexes"]

# "two weeks before <X>": how far X may start after the relation word to anchor on it.
_ANCHOR_REACH = re.compile(r"\s+(?:the\s+|an?\s+|his\s+|her\s+|their\s+|its\s+)?(?:[\w'-]+\s+){0,2}?$")


def find_timexes(text: str, dct: date | None, doc_id: str = "") -> list[Timex]:
    """TIMEX3 expressions in `text`, sorted by start, with offsets such that text[start:end] == timex.text."""
    lex = lexicon()
    narrative = Narrative(text, dct, lex)
    timexes: list[Timex] = []
    readings: list[Reading] = []
    mention_timex: dict[int, Timex] = {}  # narrative mention index -> its timex
    taken_until = 0
    for cand in candidates(text, lex):
        if cand.start < taken_until:
            continue
        reading = narrative.read(cand)
        if reading is None:
            continue
        end = reading.end or cand.end
        if timexes and _joins_clock(text, timexes[-1], cand.start, reading):
            _join_clock(timexes[-1], text, end, reading, narrative)
            taken_until = cand.end
            continue
        timex = _timex(text, doc_id, cand.start, end, reading, dct)
        if reading.anchor_ref is not None:
            ref_timex = mention_timex[reading.anchor_ref]
            timex.anchor = Anchor(ref_timex.id, ref_timex.text, reading.relation, reading.offset)
        elif reading.anchor_dct and dct is not None:
            timex.anchor = Anchor(None, None, reading.relation, reading.offset)
        if reading.period is not None and reading.remember:
            mention_timex[narrative.remember(reading.period, reading.explicit_year, cand.start)] = timex
        timexes.append(timex)
        readings.append(reading)
        taken_until = cand.end
    for i, reading in enumerate(readings):
        if reading.pending:
            _resolve_span_relation(text, timexes, i, reading, dct, mention_timex, narrative)
    return timexes


_CLOCK_GAP = re.compile(r"\s*(?:[A-Z]{2,4}\b)?\s*,?\s*(?:on\s+)?")


def _joins_clock(text: str, previous: Timex, start: int, reading: Reading) -> bool:
    """"5 p.m. EST Nov. 9": a clock time followed by its day is one expression."""
    return (previous.type == "TIME" and previous.value is not None and ":" in previous.value
            and reading.period is not None and reading.period.granularity == "day"
            and _CLOCK_GAP.fullmatch(text[previous.end:start]) is not None)


def _join_clock(previous: Timex, text: str, end: int, reading: Reading, narrative: Narrative) -> None:
    clock = previous.value.split("T", 1)[1]
    period = Period("time", reading.period.start, clock=clock)
    previous.end, previous.text = end, text[previous.start:end]
    previous.value = period.value()
    previous.earliest = previous.latest = period.start.isoformat()
    previous.anchor = None
    if narrative.mentions and narrative.mentions[-1].granularity == "time":
        narrative.replace_last(period)


def _timex(text: str, doc_id: str, start: int, end: int, reading: Reading, dct: date | None) -> Timex:
    if reading.period is not None:
        gran = "day" if reading.period.granularity == "time" else reading.period.granularity
        earliest, latest = reading.period.earliest.isoformat(), reading.period.end.isoformat()
    else:
        earliest, latest, gran = interval(reading.value, dct) if reading.type == "DATE" else (None, None, None)
    return Timex(doc_id, start, end, text[start:end], reading.type, reading.value,
                 earliest, latest, gran, None, reading.mod)


def _resolve_span_relation(text, timexes, i, reading, dct, mention_timex, narrative) -> None:
    """"a week after the May 3 raid": count from the date that follows; "weeks before the raid"
    (no date follows): the raid is bounded by the preceding date and the DCT."""
    direction, amount, unit = reading.pending
    timex = timexes[i]
    following = timexes[i + 1] if i + 1 < len(timexes) else None
    relation_word = re.match(r"\s*\w+", text[timex.end:])
    gap_start = timex.end + (relation_word.end() if relation_word else 0)
    if following is not None and following.value and _ANCHOR_REACH.fullmatch(" " + text[gap_start:following.start]):
        target = _period_of_timex(following)
        if target is not None and amount is not None and amount == int(amount) and unit in ("D", "W", "M", "Y", "Q"):
            step = int(amount) if direction == "after" else -int(amount)
            gran = "day" if unit in ("D", "W") else {"M": "month", "Q": "quarter", "Y": "year"}[unit]
            gran = coarser(gran, "day" if target.granularity == "time" else target.granularity)
            moved = target.truncate(gran).shift(step, unit).truncate(gran)
            # the value stays the length (TimeML); the interval is the time it reaches
            timex.earliest, timex.latest, timex.granularity = moved.earliest.isoformat(), moved.end.isoformat(), gran
        timex.anchor = Anchor(following.id, following.text, direction, timex.value)
        return
    preceding = next((t for t in reversed(timexes[:i]) if _period_of_timex(t) is not None), None)
    if preceding is None:
        return
    # The preceding date is `amount` before/after the thing named next.
    timex.anchor = Anchor(preceding.id, preceding.text, "after" if direction == "before" else "before",
                          timex.value)
    bound = _period_of_timex(preceding)
    if direction == "before":
        timex.earliest, timex.latest = bound.earliest.isoformat(), dct.isoformat() if dct else None
    else:
        timex.earliest, timex.latest = None, bound.end.isoformat()


def _period_of_timex(timex: Timex) -> Period | None:
    if timex.type not in ("DATE", "TIME") or not timex.value:
        return None
    return parse_value(timex.value)
