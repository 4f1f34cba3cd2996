"""The narrative state of one document: its creation time and the dates mentioned so far.

A relative expression is read against this state ("the next day" against the last day
mentioned, a bare "April 26" against the year the story is set in), and every dated
expression that later ones may refer to is remembered here, with the timex it came from, so
that an anchor can name it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from newsgraph.model import Timex
from newsgraph.time.values import Period, finer_or_equal


@dataclass(frozen=True)
class Mention:
    """A date the text has mentioned: its period, whether its year is written in the text
    ("3 May 2021", "1990"), where it starts and the timex it is."""

    period: Period
    explicit_year: bool
    position: int
    timex: Timex


@dataclass
class Narrative:
    """The document creation time (None when unknown) and the dated mentions, in text order."""

    dct: date | None
    mentions: list[Mention] = field(default_factory=list)

    @property
    def last(self) -> Mention | None:
        return self.mentions[-1] if self.mentions else None

    def remember(self, period: Period, explicit_year: bool, position: int, timex: Timex) -> Mention:
        mention = Mention(period, explicit_year, position, timex)
        self.mentions.append(mention)
        return mention

    def replace_last(self, period: Period) -> None:
        """The last mention turned out more precise ("5 p.m." joined by its day)."""
        self.mentions[-1] = replace(self.mentions[-1], period=period)

    def reference(self, coarsest: str = "year", finest: str = "time", before: int | None = None) -> Mention | None:
        """The latest mention whose granularity lies in [finest, coarsest] (and that starts
        before offset `before`, when given)."""
        for mention in reversed(self.mentions):
            if before is not None and mention.position >= before:
                continue
            g = mention.period.granularity
            if finer_or_equal(g, coarsest) and finer_or_equal(finest, g):
                return mention
        return None

    def explicit_reference(self, horizon: int) -> Mention | None:
        """The latest mention from `horizon` on of a month or day whose year the text states
        and that is not after the DCT: the year a story set in another year lends."""
        for mention in reversed(self.mentions):
            if mention.position < horizon:
                return None
            if (
                mention.explicit_year
                and finer_or_equal(mention.period.granularity, "month")
                and (self.dct is None or mention.period.start <= self.dct)
            ):
                return mention
        return None

    def reporting_quarter(self, completed: bool = False, anaphoric: bool = False) -> Mention | None:
        """The quarter a report is about: of the quarters mentioned in the DCT's year (earlier
        years' quarters are the comparisons), the latest already over ("After a flat second
        quarter" looks back from the quarter reported); else the latest mentioned.
        `completed`: one already over; `anaphoric` ("that quarter"): the latest mentioned."""
        best = None
        for mention in reversed(self.mentions):
            period = mention.period
            if period.granularity != "quarter":
                continue
            if self.dct is None or (
                period.start.year == self.dct.year and not (completed and period.end >= self.dct)
            ):
                if best is None:
                    best = mention
                    if anaphoric:
                        break
                elif best.period.end < period.start < period.end < self.dct:
                    best = mention
        return best
