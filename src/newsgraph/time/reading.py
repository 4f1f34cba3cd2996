"""The typed reading of one candidate, and the context a rule reads it in.

A rule returns a `Reading`: a TIMEX3 type with a typed value (a `Period`, a `Duration`, or a
value TimeML writes without either, such as `XXXX-04-26` or `PRESENT_REF`) and what it was
computed from. The TIMEX3 value string is produced only at the edge, by `Reading.value`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from newsgraph.time.clauses import Clauses
from newsgraph.time.narrative import Mention, Narrative
from newsgraph.time.values import Duration, Period

if TYPE_CHECKING:
    from newsgraph.time.lexicon import Lexicon
    from newsgraph.time.recognise import Candidate


@dataclass
class Reading:
    """The normalised reading of one candidate."""

    type: str  # DATE | TIME | DURATION | SET
    period: Period | None = None  # the calendar period a DATE/TIME denotes (or a duration reaches)
    duration: Duration | None = None  # the length a DURATION (or a SET's frequency) states
    literal: str | None = None  # a value with neither: "XXXX-04-26", "PRESENT_REF", "P1D" (daily)
    clock: str | None = None  # a clock time on a day nobody knows ("XXXX-XX-XXT10:00")
    mod: str | None = None
    # What the value was computed from: a preceding mention, or the DCT, with the relation and
    # the length between them.
    anchor: Mention | None = None
    anchor_dct: bool = False
    relation: str = "same"
    offset: Duration | None = None
    explicit_year: bool = False  # the year is written in the text ("3 May 2021", "1990")
    remember: bool = True  # a narrative time later expressions may refer to (not "a year ago")
    end: int | None = None  # a shorter extent than the match, when the match ran on
    pending: str | None = None  # "before" | "after": "a week after" waits for what it counts from
    # the days it covers when narrower than its period or given to a length: "earlier this
    # month" ends at the DCT, "the past eight years" runs up to it
    interval: tuple[date, date] | None = None

    @property
    def value(self) -> str | None:
        """The TIMEX3 value string."""
        if self.duration is not None:
            return self.duration.value()
        if self.period is not None:
            return self.period.value()
        if self.clock is not None:
            return f"XXXX-XX-XXT{self.clock}"
        return self.literal

    @property
    def clock_time(self) -> str | None:
        """The hour and minute ("17:00") of a TIME read from a clock, else None."""
        clock = self.period.clock if self.period is not None else self.clock
        return clock if self.type == "TIME" and clock and ":" in clock else None


@dataclass(frozen=True)
class Context:
    """What a rule reads a candidate against: the text, its clauses, the vocabulary and the
    narrative state so far."""

    text: str
    lex: Lexicon
    clauses: Clauses
    narrative: Narrative

    @property
    def dct(self) -> date | None:
        return self.narrative.dct

    def explicit_reference(self, position: int) -> Mention | None:
        """The latest mention with a written year in the current or the two preceding sentences."""
        return self.narrative.explicit_reference(self.clauses.horizon(position))


# A rule: the reading of a candidate of its kind, or None when the match is not a time after all.
Rule = Callable[["Candidate", Context], "Reading | None"]
