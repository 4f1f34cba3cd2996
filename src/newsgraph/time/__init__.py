"""Time expressions: find TIMEX3 expressions in a text and normalise them.

`find_timexes(text, dct)` returns every time expression with its ISO-TimeML type and value,
the interval it bounds (earliest/latest day, granularity) and, for relative expressions,
the anchor the value was computed from (the DCT or a preceding time expression).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from newsgraph.model import Anchor, Timex
from newsgraph.time.clauses import Clauses
from newsgraph.time.lexicon import lexicon
from newsgraph.time.narrative import Narrative
from newsgraph.time.reading import Context, Reading
from newsgraph.time.recognise import candidates
from newsgraph.time.rules import read
from newsgraph.time.values import (
    UNIT_GRANULARITY,
    Duration,
    OutsideCalendar,
    Period,
    coarser,
    reference_bounds,
)

__all__ = ["find_timexes"]

# "two weeks before <X>": how far X may start after the relation word to anchor on it.
_ANCHOR_REACH = re.compile(r"\s+(?:the\s+|an?\s+|his\s+|her\s+|their\s+|its\s+)?(?:[\w'-]+\s+){0,2}?")
_FOR_BEFORE = re.compile(r"\bfor\s+$", re.IGNORECASE)
_RELATION_WORD = re.compile(r"\s+(before|after)\b", re.IGNORECASE)
_LEADING_ARTICLE = re.compile(r"the\s+", re.IGNORECASE)
_HYPHENATED_END = re.compile(r"\w-\w+$")
_NOUN_AFTER = re.compile(r"\s+[a-z]")


@dataclass
class _Found:
    """A timex with the typed reading it was made from, for the expressions after it."""

    timex: Timex
    reading: Reading

    @property
    def period(self) -> Period | None:
        """The calendar period a DATE or TIME denotes (not the day a duration reaches)."""
        return self.reading.period if self.reading.type in ("DATE", "TIME") else None


@dataclass(frozen=True)
class _Waiting:
    """'a week after' waiting for the date it counts from: the duration, its direction and the
    step it makes on the calendar ("a decade" and "ten years" both move ten years)."""

    found: _Found
    direction: str  # before | after
    step: Duration
    lasting: bool  # "for a month after the raid": the length runs from that date


def find_timexes(text: str, dct: date | None, doc_id: str = "") -> list[Timex]:
    """TIMEX3 expressions in `text`, sorted by start, with offsets such that text[start:end] == timex.text."""
    if isinstance(dct, datetime):
        dct = dct.date()
    lex = lexicon()
    narrative = Narrative(dct)
    ctx = Context(text, lex, Clauses(text, lex), narrative)
    found: list[_Found] = []
    waiting: _Waiting | None = None
    taken_until = 0
    for cand in candidates(text, lex):
        if cand.start < taken_until:
            continue
        reading = read(cand, ctx)
        if reading is None:
            continue
        end = reading.end or cand.end
        taken_until = cand.end
        gap = _clock_day_gap(text, found[-1], cand.start, reading) if found else None
        if gap == "join":
            _join_clock(found[-1], text, end, reading, narrative, dct)
            continue
        if gap == "restated":  # the clock takes the day but keeps its own extent
            _join_clock(found[-1], text, found[-1].timex.end, reading, narrative, dct)
        current = _Found(
            _timex(text, doc_id, _modifier_start(text, cand.start, end), end, reading, dct), reading
        )
        timex = current.timex
        timex.anchor = _anchor(reading, dct)
        subordinate = False
        if waiting is not None and _ANCHOR_REACH.fullmatch(
            text, _relation_end(text, waiting.found.timex), cand.start
        ):
            # "a week after the April 26 raid": April 26 dates another event than the clause's,
            # so it counts the week but does not become the narrative's time.
            _count_from(waiting, current.timex, current.period)
            subordinate = True
        elif waiting is not None:
            _count_from_event(waiting, found, ctx)
        waiting = None
        if reading.period is not None and reading.remember and not subordinate:
            narrative.remember(reading.period, reading.explicit_year, cand.start, timex)
        found.append(current)
        waiting = _relation_of(text, current)
    if waiting is not None:
        _count_from_event(waiting, found, ctx)
    return [f.timex for f in found]


def _anchor(reading: Reading, dct: date | None) -> Anchor | None:
    """What the reading was computed from: a preceding timex, the DCT, or nothing."""
    offset = reading.offset.value() if reading.offset is not None else None
    if reading.anchor is not None:
        ref_timex = reading.anchor.timex
        return Anchor(ref_timex.id, ref_timex.text, reading.relation, offset)
    if reading.anchor_dct and dct is not None:
        return Anchor(None, None, reading.relation, offset)
    return None


def _modifier_start(text: str, start: int, end: int) -> int:
    """'the 30-day period', 'the third-quarter loss': an expression used as a modifier leaves
    the article to the noun it modifies (TimeML)."""
    article = _LEADING_ARTICLE.match(text, start, end)
    if article and _HYPHENATED_END.search(text, start, end) and _NOUN_AFTER.match(text, end):
        return article.end()
    return start


def _relation_of(text: str, current: _Found) -> _Waiting | None:
    """A duration followed by "before"/"after" (or read with its relation word), else None."""
    reading = current.reading
    lasting = _FOR_BEFORE.search(text, max(0, current.timex.start - 6), current.timex.start) is not None
    if reading.pending:
        return _Waiting(current, reading.pending, reading.duration.step(), lasting)
    relation = _RELATION_WORD.match(text, current.timex.end)
    if relation is None or reading.type != "DURATION" or reading.duration is None:
        return None
    return _Waiting(current, relation[1].lower(), reading.duration.step(), lasting)


def _relation_end(text: str, timex: Timex) -> int:
    relation = _RELATION_WORD.match(text, timex.end)
    return relation.end() if relation else timex.end


def _count_from_event(waiting: _Waiting, found: list[_Found], ctx: Context) -> None:
    """'a week after the raid' with no date after it: the raid the story has just told (its
    date in an earlier sentence) dates it ("On 26 April, militants raided a base. A week after
    the raid, ..."); otherwise the event is another one than the date before it in the same
    sentence dates, and that date only bounds it. A date of the sentence that was itself
    counted from the story's ("a day earlier, and ... two days after the meeting") names no
    other event to bound it: the story's date still counts."""
    timex = waiting.found.timex
    sentence_start = ctx.clauses.sentence(timex.start)[0]
    ref = ctx.narrative.reference("year")
    if ref is not None and ref.position >= sentence_start and ref.timex.anchor is not None \
            and ref.timex.anchor.timex is not None:
        ref = ctx.narrative.reference("year", before=sentence_start)
    if (
        ref is not None
        and ctx.lex.event_anaphor.match(ctx.text, _relation_end(ctx.text, timex))
        and ref.position < sentence_start
    ):
        _count_from(waiting, ref.timex, ref.period)
    else:
        _bound_by_preceding(waiting, found, ctx.dct)


def _count_from(waiting: _Waiting, target: Timex, period: Period | None) -> None:
    """'a week after <date>': the interval the duration reaches, anchored on that date; "for a
    week after <date>": the days from that date to there."""
    timex, amount, unit = waiting.found.timex, waiting.step.amount, waiting.step.unit
    timex.anchor = Anchor(target.id, target.text, waiting.direction, timex.value)
    if period is None or amount is None or amount != int(amount):
        return
    steps = int(amount) if waiting.direction == "after" else -int(amount)
    # a week or an hour after a day is a day; a month after March is a month
    gran = UNIT_GRANULARITY[unit]
    gran = coarser("day" if gran in ("week", "time") else gran, period.granularity)
    try:
        moved = period.shift(steps, unit).truncate(gran)
    except OutsideCalendar:
        return  # counted past the years the calendar holds: the anchor alone is known
    first, last = moved.earliest, moved.end
    if waiting.lasting:
        first, last = (period.earliest, last) if steps > 0 else (first, period.end)
    timex.earliest, timex.latest, timex.granularity = first.isoformat(), last.isoformat(), gran


def _bound_by_preceding(waiting: _Waiting, found: list[_Found], dct: date | None) -> None:
    """'visited in March 2024, weeks before the bombing': the bombing comes after March 2024
    (and before the DCT); "weeks after the bombing", it came before the preceding date."""
    timex = waiting.found.timex
    preceding = next(
        (
            f
            for f in reversed(found)
            if f is not waiting.found and f.timex.start < timex.start and f.period is not None
        ),
        None,
    )
    if preceding is None:
        return
    bound = preceding.period
    if waiting.direction == "before":
        timex.anchor = Anchor(preceding.timex.id, preceding.timex.text, "after", timex.value)
        # before the DCT too, unless the preceding date is itself still ahead
        latest = dct.isoformat() if dct and dct >= bound.earliest else None
        timex.earliest, timex.latest = bound.earliest.isoformat(), latest
    else:
        timex.anchor = Anchor(preceding.timex.id, preceding.timex.text, "before", timex.value)
        timex.earliest, timex.latest = None, bound.end.isoformat()


_CLOCK_GAP = re.compile(r"\s*(?:[A-Z]{2,4}\b)?\s*,?\s*(?:on\s+)?")
_RESTATED_GAP = re.compile(r"\s*\([^()]{1,25}\)\s*,?\s*(?:on\s+)?")


def _clock_day_gap(text: str, previous: _Found, start: int, reading: Reading) -> str | None:
    """'5 p.m. EST Nov. 9': a clock time followed by its day is one expression ("join");
    "10:35 a.m. (0735 GMT) Friday" stays two (TimeML), the clock on that day ("restated")."""
    if previous.reading.clock_time is None or reading.period is None or reading.period.granularity != "day":
        return None
    gap = text[previous.timex.end : start]
    if _CLOCK_GAP.fullmatch(gap):
        return "join"
    return "restated" if _RESTATED_GAP.fullmatch(gap) else None


def _join_clock(
    previous: _Found, text: str, end: int, reading: Reading, narrative: Narrative, dct: date | None
) -> None:
    """The clock time takes the day that follows it, and what that day was counted from
    ("15:00 GMT Saturday" in a past clause: the Saturday before the DCT)."""
    period = Period("time", reading.period.start, clock=previous.reading.clock_time)
    previous.reading = Reading("TIME", period)
    timex = previous.timex
    timex.end, timex.text = end, text[timex.start : end]
    timex.value = period.value()
    timex.earliest = timex.latest = period.start.isoformat()
    timex.anchor = _anchor(reading, dct)
    if narrative.last is not None and narrative.last.period.granularity == "time":
        narrative.replace_last(period)


def _timex(text: str, doc_id: str, start: int, end: int, reading: Reading, dct: date | None) -> Timex:
    """The model's Timex: where the typed reading becomes TIMEX3 strings and ISO days."""
    if reading.period is not None:
        gran = "day" if reading.period.granularity == "time" else reading.period.granularity
        earliest, latest = reading.period.bounds(reading.mod)
    elif reading.type == "DATE":
        earliest, latest, gran = reference_bounds(reading.literal, dct)
    else:
        earliest, latest, gran = None, None, None
    if reading.interval is not None:
        (earliest, latest), gran = reading.interval, gran or "day"
    return Timex(
        doc_id,
        start,
        end,
        text[start:end],
        reading.type,
        reading.value,
        earliest.isoformat() if earliest else None,
        latest.isoformat() if latest else None,
        gran,
        None,
        reading.mod,
    )
