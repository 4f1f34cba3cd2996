"""Time expressions: find TIMEX3 expressions in a text and normalise them.

`find_timexes(text, dct)` returns every time expression with its ISO-TimeML type and value,
the interval it bounds (earliest/latest day, granularity) and, for relative expressions,
the anchor the value was computed from (the DCT or a preceding time expression).
"""

from __future__ import annotations

import re
from datetime import date, datetime

from newsgraph.model import Anchor, Timex
from newsgraph.time.lexicon import lexicon
from newsgraph.time.normalise import Narrative, Reading
from newsgraph.time.recognise import candidates
from newsgraph.time.values import Period, coarser, interval, parse_value

__all__ = ["find_timexes"]

# "two weeks before <X>": how far X may start after the relation word to anchor on it.
_ANCHOR_REACH = re.compile(r"\s+(?:the\s+|an?\s+|his\s+|her\s+|their\s+|its\s+)?(?:[\w'-]+\s+){0,2}?")
_RELATION_WORD = re.compile(r"\s+(before|after)\b", re.IGNORECASE)
_DURATION_PARTS = re.compile(r"P(T?)(\d+|X)([A-Z])$")
_LEADING_ARTICLE = re.compile(r"the\s+", re.IGNORECASE)
_HYPHENATED_END = re.compile(r"\w-\w+$")
_NOUN_AFTER = re.compile(r"\s+[a-z]")


def find_timexes(text: str, dct: date | None, doc_id: str = "") -> list[Timex]:
    """TIMEX3 expressions in `text`, sorted by start, with offsets such that text[start:end] == timex.text."""
    if isinstance(dct, datetime):
        dct = dct.date()
    lex = lexicon()
    narrative = Narrative(text, dct, lex)
    timexes: list[Timex] = []
    mention_timex: dict[int, Timex] = {}  # narrative mention index -> its timex
    waiting: tuple[Timex, str, float | None, str] | None = None  # "a week after" waiting for its date
    taken_until = 0
    for cand in candidates(text, lex):
        if cand.start < taken_until:
            continue
        reading = narrative.read(cand)
        if reading is None:
            continue
        end = reading.end or cand.end
        taken_until = cand.end
        if timexes and _joins_clock(text, timexes[-1], cand.start, reading):
            _join_clock(timexes[-1], text, end, reading, narrative)
            continue
        timex = _timex(text, doc_id, _modifier_start(text, cand.start, end), end, reading, dct)
        if reading.anchor_ref is not None:
            ref_timex = mention_timex[reading.anchor_ref]
            timex.anchor = Anchor(ref_timex.id, ref_timex.text, reading.relation, reading.offset)
        elif reading.anchor_dct and dct is not None:
            timex.anchor = Anchor(None, None, reading.relation, reading.offset)
        subordinate = False
        if waiting is not None and _ANCHOR_REACH.fullmatch(text, _relation_end(text, waiting[0]), cand.start):
            # "a week after the April 26 raid": April 26 dates another event than the clause's,
            # so it counts the week but does not become the narrative's time.
            _count_from(waiting, timex)
            subordinate = True
        elif waiting is not None:
            _bound_by_preceding(waiting, timexes, dct)
        waiting = None
        if reading.period is not None and reading.remember and not subordinate:
            mention_timex[narrative.remember(reading.period, reading.explicit_year, cand.start)] = timex
        timexes.append(timex)
        waiting = _relation_of(text, timex, reading)
    if waiting is not None:
        _bound_by_preceding(waiting, timexes, dct)
    return timexes


def _modifier_start(text: str, start: int, end: int) -> int:
    """'the 30-day period', 'the third-quarter loss': an expression used as a modifier leaves
    the article to the noun it modifies (TimeML)."""
    article = _LEADING_ARTICLE.match(text, start, end)
    if article and _HYPHENATED_END.search(text, start, end) and _NOUN_AFTER.match(text, end):
        return article.end()
    return start


def _relation_of(text: str, timex: Timex, reading: Reading) -> tuple[Timex, str, float | None, str] | None:
    """A duration followed by "before"/"after": (timex, direction, amount, unit), else None."""
    if reading.pending:
        return (timex, *reading.pending)
    relation = _RELATION_WORD.match(text, timex.end)
    parts = _DURATION_PARTS.match(timex.value or "") if timex.type == "DURATION" else None
    if relation is None or parts is None:
        return None
    amount = None if parts[2] == "X" else float(parts[2])
    unit = {"M": "MIN"}.get(parts[3], parts[3]) if parts[1] else parts[3]
    return timex, relation[1].lower(), amount, unit


def _relation_end(text: str, timex: Timex) -> int:
    relation = _RELATION_WORD.match(text, timex.end)
    return relation.end() if relation else timex.end


def _count_from(waiting: tuple[Timex, str, float | None, str], target_timex: Timex) -> None:
    """'a week after <date>': the interval the duration reaches, anchored on that date."""
    timex, direction, amount, unit = waiting
    timex.anchor = Anchor(target_timex.id, target_timex.text, direction, timex.value)
    target = _period_of_timex(target_timex)
    if target is None or amount is None or amount != int(amount) or unit not in ("D", "W", "M", "Y", "Q"):
        return
    step = int(amount) if direction == "after" else -int(amount)
    gran = "day" if unit in ("D", "W") else {"M": "month", "Q": "quarter", "Y": "year"}[unit]
    gran = coarser(gran, "day" if target.granularity == "time" else target.granularity)
    moved = target.truncate(gran).shift(step, unit).truncate(gran)
    timex.earliest, timex.latest, timex.granularity = moved.earliest.isoformat(), moved.end.isoformat(), gran


def _bound_by_preceding(
    waiting: tuple[Timex, str, float | None, str], timexes: list[Timex], dct: date | None
) -> None:
    """'visited in March 2024, weeks before the bombing': the bombing comes after March 2024
    (and before the DCT); "weeks after the bombing", it came before the preceding date."""
    timex, direction, _, _ = waiting
    preceding = next(
        (
            t
            for t in reversed(timexes)
            if t is not timex and t.start < timex.start and _period_of_timex(t) is not None
        ),
        None,
    )
    if preceding is None:
        return
    bound = _period_of_timex(preceding)
    if direction == "before":
        timex.anchor = Anchor(preceding.id, preceding.text, "after", timex.value)
        # before the DCT too, unless the preceding date is itself still ahead
        latest = dct.isoformat() if dct and dct >= bound.earliest else None
        timex.earliest, timex.latest = bound.earliest.isoformat(), latest
    else:
        timex.anchor = Anchor(preceding.id, preceding.text, "before", timex.value)
        timex.earliest, timex.latest = None, bound.end.isoformat()


_CLOCK_GAP = re.compile(r"\s*(?:[A-Z]{2,4}\b)?\s*,?\s*(?:on\s+)?")


def _joins_clock(text: str, previous: Timex, start: int, reading: Reading) -> bool:
    """'5 p.m. EST Nov. 9': a clock time followed by its day is one expression."""
    return (
        previous.type == "TIME"
        and previous.value is not None
        and ":" in previous.value
        and reading.period is not None
        and reading.period.granularity == "day"
        and _CLOCK_GAP.fullmatch(text[previous.end : start]) is not None
    )


def _join_clock(previous: Timex, text: str, end: int, reading: Reading, narrative: Narrative) -> None:
    clock = previous.value.split("T", 1)[1]
    period = Period("time", reading.period.start, clock=clock)
    previous.end, previous.text = end, text[previous.start : end]
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
        earliest, latest, gran = (
            interval(reading.value, dct) if reading.type == "DATE" else (None, None, None)
        )
    return Timex(
        doc_id,
        start,
        end,
        text[start:end],
        reading.type,
        reading.value,
        earliest,
        latest,
        gran,
        None,
        reading.mod,
    )


def _period_of_timex(timex: Timex) -> Period | None:
    if timex.type not in ("DATE", "TIME") or not timex.value:
        return None
    return parse_value(timex.value)
