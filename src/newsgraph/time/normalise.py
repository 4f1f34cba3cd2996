"""Turn recognised expressions into TIMEX3 type/value, relative to the DCT and the narrative.

`Narrative` walks a document's candidates in text order. It keeps the dates already
mentioned, so that "the next day" or a bare "April 26" is read against the preceding date,
and it never invents a date: with no DCT and no preceding date, relative expressions keep
only what the text says (`XXXX-04-26`, or no value at all).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from newsgraph.time.lexicon import Lexicon
from newsgraph.time.recognise import Candidate
from newsgraph.time.values import (
    UNIT_GRANULARITY,
    Period,
    coarser,
    finer_or_equal,
    period_of,
    season_period,
)

# not after an initial ("Daniel P. Davison", "the U.S. Army"), a title ("Mr. Smith") or a clock
# time before its zone ("4 a.m. EDT Thursday")
_SENTENCE_END = re.compile(
    r"(?<![\s.][A-Z])(?<!\bM[rs])(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?:(?<!\b[ap]\.m)|(?!\.\s+[A-Z]{2,4}\b))"
    r"[.!?]\s+(?=[A-Z\"'`(])|\n\s*\n"
)
_PRECEDING_TIME_WORD = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|through|of|early|late|mid|last|next|this|during|before|"
    r"after|to|between|and|or|around|throughout|on|for|end|beginning|middle|start)|-)\s*$",
    re.IGNORECASE,
)
# "$2 million a year", "four flights a week": a rate, not a duration
_RATE_BEFORE = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million|billion)\b)"
    r"[^.;,]{0,25}$",
    re.IGNORECASE,
)
_DEADLINE_BEFORE = re.compile(
    r"\b(?:until|till|by|through)\s+(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?\s+(?:[A-Z]{2,4}\s+)?)?$",
    re.IGNORECASE,
)
# "In September, " / "On Tuesday, ": an adverbial opening its sentence
_FRONTED = re.compile(r"[\s\"'`(]*(?:(?:in|on|by|during|since|until|last|early|late)\s+)?", re.IGNORECASE)
_PLUPERFECT = re.compile(r"\bhad(?:\s+(?:not|already|never))?\s+(?:been\s+)?\w+(?:ed|en|t)\b", re.IGNORECASE)
_RANGE_START = re.compile(r"\b(?:year|month|quarter|week|\d{4})\s*$", re.IGNORECASE)
_JUST_PAST_DAYS = 31
_MODAL = re.compile(r"\b(?:will|'ll|would|may|might|could|should|shall|expects?|plans?)\b", re.IGNORECASE)
_MODAL_BEFORE = re.compile(r"\b(?:will|'ll|would|may|might|could|can)\s+$", re.IGNORECASE)
_COORDINATED_DAY_BEFORE = re.compile(r"[A-Za-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:and|or|&)\s+")
_SHARED_PLURAL = re.compile(r"\s+(?:and|or)\s+[A-Za-z]+day(?:\s+([a-z]+?))?s\b", re.IGNORECASE)
_ANAPHORIC = {"that", "that same", "the same"}
_QUARTER_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_DCT_DETERMINERS = {"this", "last", "next", "this past", "this coming", "the current", "the coming"}
_DURATION_DETERMINERS = {"the past", "the last", "the coming"}
_PART_OF_DAY_UNITS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


@dataclass
class Reading:
    """The normalised reading of one candidate."""

    type: str
    value: str | None
    period: Period | None = None
    mod: str | None = None
    # How the value was computed: from the DCT, from a preceding timex (index into the
    # narrative), with a relation and ISO offset.
    anchor_ref: int | None = None
    anchor_dct: bool = False
    relation: str = "same"
    offset: str | None = None
    explicit_year: bool = False  # the year is written in the text ("3 May 2021", "1990")
    remember: bool = True  # a narrative time later expressions may refer to (not "a year ago")
    end: int | None = None  # a shorter extent than the match, when the match ran on
    pending: tuple[str, float | None, str] | None = None  # ("before"|"after", amount, unit)


def _duration_value(amount: float | None, unit: str) -> str:
    """ISO 8601 duration for `amount` `unit`s; X for a vague amount."""
    if unit == "DE":
        unit, amount = "Y", None if amount is None else amount * 10
    elif unit == "CE":
        unit, amount = "Y", None if amount is None else amount * 100
    elif unit == "2W":
        unit, amount = "W", None if amount is None else amount * 2
    elif unit == "WE":
        unit, amount = "D", None if amount is None else amount * 2
    time_unit = unit in ("H", "MIN", "S")
    letter = "M" if unit == "MIN" else unit
    prefix = "PT" if time_unit else "P"
    if amount is None:
        return f"{prefix}X{letter}"
    if amount != int(amount):
        smaller = {
            "Y": (12, "M", False),
            "D": (24, "H", True),
            "H": (60, "M", True),
            "W": (7, "D", False),
            "MIN": (60, "S", True),
        }
        if unit in smaller:
            factor, small_letter, small_is_time = smaller[unit]
            whole, rest = int(amount), round((amount - int(amount)) * factor)
            head = f"{whole}{letter}" if whole else ""
            if time_unit or small_is_time:
                if prefix == "PT":
                    return f"PT{head}{rest}{small_letter}"
                return f"P{head}T{rest}{small_letter}" if head else f"PT{rest}{small_letter}"
            return f"P{head}{rest}{small_letter}"
        return f"{prefix}{amount:g}{letter}"
    return f"{prefix}{int(amount)}{letter}"


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


class Narrative:
    """Reads one document's candidates in order, remembering the dates mentioned so far."""

    def __init__(self, text: str, dct: date | None, lex: Lexicon):
        self.text = text
        self.dct = dct
        self.lex = lex
        self.mentions: list[Period] = []  # resolved date mentions, in text order
        self.explicit: list[bool] = []  # whether each mention's year is written in the text
        self.positions: list[int] = []  # where each mention starts
        self._sentence_starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]

    # --- context ------------------------------------------------------------------------

    def remember(self, period: Period, explicit_year: bool, position: int) -> int:
        self.mentions.append(period)
        self.positions.append(position)
        self.explicit.append(explicit_year)
        return len(self.mentions) - 1

    def replace_last(self, period: Period) -> None:
        self.mentions[-1] = period

    def reporting_quarter(self, completed: bool = False, anaphoric: bool = False) -> int | None:
        """The quarter a report is about: of the quarters mentioned in the DCT's year (earlier
        years' quarters are the comparisons), the latest already over ("After a flat second
        quarter" looks back from the quarter reported); else the latest mentioned.
        `completed`: one already over; `anaphoric` ("that quarter"): the latest mentioned."""
        best = None
        for i in range(len(self.mentions) - 1, -1, -1):
            period = self.mentions[i]
            if period.granularity != "quarter":
                continue
            if self.dct is None or (
                period.start.year == self.dct.year and not (completed and period.end >= self.dct)
            ):
                if best is None:
                    best = i
                    if anaphoric:
                        break
                elif self.mentions[best].end < period.start < period.end < self.dct:
                    best = i
        return best

    def explicit_reference(self, position: int) -> int | None:
        """Latest mention of a month or day whose year the text states ("3 May 2021"), in the
        current or the two preceding sentences (further back, a story has moved on)."""
        horizon = position
        for _ in range(3):
            horizon = self.sentence(max(0, horizon - 1))[0] if horizon > 0 else 0
        for i in range(len(self.mentions) - 1, -1, -1):
            if self.positions[i] < horizon:
                return None
            if (
                self.explicit[i]
                and finer_or_equal(self.mentions[i].granularity, "month")
                and (self.dct is None or self.mentions[i].start <= self.dct)
            ):
                return i
        return None

    def reference(self, coarsest: str = "year", finest: str = "time") -> int | None:
        """Index of the latest mention whose granularity lies in [finest, coarsest]."""
        for i in range(len(self.mentions) - 1, -1, -1):
            g = self.mentions[i].granularity
            if finer_or_equal(g, coarsest) and finer_or_equal(finest, g):
                return i
        return None

    def sentence(self, start: int) -> tuple[int, int]:
        import bisect

        i = bisect.bisect_right(self._sentence_starts, start) - 1
        begin = self._sentence_starts[i]
        end = self._sentence_starts[i + 1] if i + 1 < len(self._sentence_starts) else len(self.text)
        return begin, end

    def past(self, start: int, end: int | None = None) -> bool:
        """Whether a past-tense verb governs the expression ("fell in January", "said Friday");
        not "expected in December" or "to be published in May". With `end`, also a verb after
        a fronted expression ("In September, it announced") and a pluperfect in the clause
        ("had been due to expire Friday"), which puts even a deadline in the past."""
        begin, stop = self.sentence(start)
        if end is not None and (
            self._fronted_past(begin, start, end, stop) or self._pluperfect(begin, start, end, stop)
        ):
            return True
        window_start = max(begin, start - 30)
        verb = self.lex.past_verb_before.search(self.text[window_start:start])
        if verb is None:
            return False
        before_verb = self.text[max(begin, window_start + verb.start() - 12) : window_start + verb.start()]
        return not (
            self.lex.future_markers.match(verb.group().strip().split()[0])
            or re.search(r"\b(?:to|be|been|will|would|'ll)\s+$", before_verb)
        )

    def _fronted_past(self, begin: int, start: int, end: int, stop: int) -> bool:
        """'In September, it announced ...': a sentence-initial adverbial takes the tense of the
        main verb that follows it."""
        if not _FRONTED.fullmatch(self.text, begin, start):
            return False
        verb = self.lex.past_verb_after.match(self.text, end, min(stop, end + 40))
        return verb is not None and not self.lex.future_markers.search(verb.group())

    def _pluperfect(self, begin: int, start: int, end: int, stop: int) -> bool:
        clause = self.text[max(begin, start - 50) : min(stop, end + 30)]
        return bool(_PLUPERFECT.search(clause))

    def _modal_near(self, start: int, end: int) -> bool:
        """A modal or future auxiliary right around the expression ("may soon", "soon will")."""
        begin, stop = self.sentence(start)
        return bool(_MODAL.search(self.text[max(begin, start - 25) : min(stop, end + 12)]))

    def deadline(self, start: int, end: int | None = None) -> bool:
        """'until Tuesday', 'by 9 a.m. Friday': a limit still ahead (not "had expired by Friday")."""
        limit = _DEADLINE_BEFORE.search(self.text, max(0, start - 30), start)
        if not limit or _RANGE_START.search(self.text, max(0, limit.start() - 20), limit.start()):
            return False  # "sales this year through August": the end of a range, not a deadline
        begin, stop = self.sentence(start)
        return end is None or not self._pluperfect(begin, start, end, stop)

    def future(self, start: int, end: int, reach: int = 60) -> bool:
        """Whether the clause around [start, end) speaks of the future (will, next, effective...)."""
        begin, stop = self.sentence(start)
        if self.past(start, end):
            return False
        window = self.text[max(begin, start - reach) : start] + " " + self.text[end : min(stop, end + 25)]
        return bool(self.lex.future_markers.search(window))

    # --- dispatch -----------------------------------------------------------------------

    def read(self, c: Candidate) -> Reading | None:
        if self._title(c):
            return None
        handler = getattr(self, "_" + c.kind)
        try:
            return handler(c.groups, c)
        except (ValueError, OverflowError):
            return None  # a date outside the calendar Python can represent (year 0 or 10000)

    def _title(self, c: Candidate) -> bool:
        """A capitalised phrase inside a sentence ("This Week With David Brinkley", "60 Minutes")
        is a name, not a time."""
        words = self.text[c.start : c.end].split()
        if not all(w[:1].isupper() for w in words) or any(w[:1].isdigit() for w in words):
            return False
        if (
            c.kind in ("calendar", "weekday", "holiday", "month_relative", "year")
            or len(words) == 1
            and c.kind != "duration"
        ):
            return False
        before = self.text[max(0, c.start - 3) : c.start]
        return not re.search(r"(?:[.!?\n][\s\"'`]*|^\s*)$", before)

    def _mod(self, word: str | None) -> str | None:
        if not word:
            return None
        return self.lex.modifiers.get(" ".join(word.lower().split()).rstrip("-"))

    def _month_number(self, g: dict, c: Candidate) -> int | None:
        if g.get("mnum"):
            return int(g["mnum"])
        word = g["month"]
        key = word.lower().rstrip(".")
        if key in self.lex.ambiguous_months and not word[0].isupper():
            return None
        return self.lex.months[key]

    def _year_around(self, month: int, day: int | None, c: Candidate) -> tuple[int | None, int | None]:
        """Year of a month/day given without one, and the mention it came from (None: the DCT).

        A narrative set in another year than the DCT ("On 3 May 2021 ... the April 26 raid")
        lends its year; otherwise the year that puts the date nearest the DCT, forward when
        the clause speaks of the future."""
        ref = self.explicit_reference(c.start)
        near_dct = self._year_near_dct(month, day, c) if self.dct is not None else None
        if ref is not None and (near_dct is None or self.mentions[ref].start.year != near_dct):
            recent = near_dct is not None and abs((date(near_dct, month, day or 15) - self.dct).days) <= 60
            if not recent:  # news of the last weeks is read against the DCT, older events against the story
                year = self.mentions[ref].start.year
                if self.dct and date(year, month, day or 1) > self.dct and not self.future(c.start, c.end):
                    year -= 1
                return year, ref
        return near_dct, None

    def _year_near_dct(self, month: int, day: int | None, c: Candidate) -> int:
        """News speaks mostly of the recent past: the last occurrence that has begun by the DCT,
        unless the clause is in the future or the next occurrence is only weeks away."""

        def span(year: int) -> tuple[date, date]:
            if day is not None:
                return date(year, month, day), date(year, month, day)
            period = Period("month", date(year, month, 1))
            return period.start, period.end

        year = self.dct.year if span(self.dct.year)[0] <= self.dct else self.dct.year - 1
        if self.future(c.start, c.end, reach=150) or self.deadline(c.start, c.end):
            # a day of the last weeks is named as past even in a clause about the future
            # ("aid for the victims of the Aug. 7 blasts would ..."): the next one would say its year
            just_past = day is not None and (self.dct - span(year)[1]).days <= _JUST_PAST_DAYS
            return year if span(year)[1] >= self.dct or just_past else year + 1
        ahead = (span(year + 1)[0] + timedelta(days=14 if day is None else 0) - self.dct).days
        return year + 1 if ahead <= 75 and not self.past(c.start) else year

    # --- handlers -----------------------------------------------------------------------

    def _calendar(self, g: dict, c: Candidate) -> Reading | None:
        month = self._month_number(g, c)
        if month is None or not 1 <= month <= 12:
            return None
        day_text = g.get("day") or g.get("dnum")
        day = int(re.match(r"\d+", day_text).group()) if day_text else None
        year_text = g.get("year")
        if g.get("wordyear"):
            spelled = self._spelled_year(g["wordyear"])
            if spelled is None:
                return None
            year_text = str(spelled)
        if (
            day is None
            and not year_text
            and re.match(r" [A-Z][a-z]", self.text[c.end : c.end + 3])
            and not g.get("mod")
        ):
            return None  # "Jan Kavan", "May Day": a name
        if day is None and not year_text and not g.get("mod"):
            word = g["month"]
            if word.lower().rstrip(".") in self.lex.ambiguous_months and not _PRECEDING_TIME_WORD.search(
                self.text[max(0, c.start - 12) : c.start]
            ):
                return None
        mod = self._mod(g.get("mod"))
        if year_text:
            year = int(year_text)
            if year < 100:
                year += 1900 if year >= 50 else 2000
            anchor = None
        else:
            year, anchor = self._year_around(month, day, c)
        try:
            if year is None:
                value = f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
                date(2000, month, day or 1)
                return Reading("DATE", value, mod=mod)
            period = Period("day", date(year, month, day)) if day else Period("month", date(year, month, 1))
        except ValueError:
            return None
        reading = Reading("DATE", period.value(), period, mod=mod, explicit_year=bool(year_text))
        if not year_text:
            reading.anchor_ref, reading.anchor_dct, reading.relation = anchor, anchor is None, "year-of"
        return reading

    def _coordinated_day(self, g: dict, c: Candidate) -> Reading | None:
        """'April 24 and 25': a bare day number coordinated with the month-day just before it."""
        if not self.mentions or self.mentions[-1].granularity != "day":
            return None
        if not _COORDINATED_DAY_BEFORE.fullmatch(self.text, self.positions[-1], c.start):
            return None
        period = Period("day", self.mentions[-1].start.replace(day=int(g["dnum"])))
        return Reading("DATE", period.value(), period, anchor_ref=len(self.mentions) - 1, relation="year-of")

    def _week_of(self, g: dict, c: Candidate) -> Reading | None:
        """'the week of March 6': the ISO week containing that day."""
        day = self._calendar(g, c)
        if day is None or day.period is None:
            return day
        period = period_of(day.period.start, "week")
        return Reading(
            "DATE",
            period.value(),
            period,
            anchor_ref=day.anchor_ref,
            anchor_dct=day.anchor_dct,
            relation=day.relation,
            explicit_year=day.explicit_year,
        )

    def _month_relative(self, g: dict, c: Candidate) -> Reading | None:
        month = self._month_number(g, c)
        if month is None or re.match(r"\.?\s*\d", self.text[c.end : c.end + 4]):
            return None  # "last Oct. 23": the day makes it a calendar date
        rel = " ".join(g["rel"].lower().split())
        if rel == "that":
            ref = self.reference("year")
            if ref is None:
                return Reading("DATE", f"XXXX-{month:02d}")
            period = Period("month", date(self.mentions[ref].start.year, month, 1))
            return Reading("DATE", period.value(), period, anchor_ref=ref, relation="year-of")
        if self.dct is None:
            return Reading("DATE", f"XXXX-{month:02d}")
        year = self.dct.year
        whole_year = c.groups.get("month") and re.search(r"year$", self.text[c.start : c.end], re.IGNORECASE)
        if whole_year:
            year += {"last": -1, "next": 1}.get(rel, 0)
        elif rel in ("last", "this past"):
            # "last February" said in March is a year back: last month would be "last month"
            year -= 1 if (self.dct.month - month) % 12 <= 1 or month > self.dct.month else 0
        elif rel in ("next", "this coming"):
            year += 1 if month <= self.dct.month else 0
        period = Period("month", date(year, month, 1))
        return Reading("DATE", period.value(), period, anchor_dct=True)

    def _year(self, g: dict, c: Candidate) -> Reading | None:
        if g.get("wordyear"):
            year = self._spelled_year(g["wordyear"])
            if year is None:
                return None
        elif g.get("shortyear"):
            short = int(g["shortyear"])
            year = (1900 if short >= 50 else 2000) + short
        else:
            year = int(g["year"])
            after = self.text[c.end : c.end + 12]
            if re.match(r"\s*-\s*\d", after) and not re.match(r"\s*-\s*\d\d\b(?!\d)", after):
                return None
        period = Period("year", date(year, 1, 1))
        return Reading("DATE", period.value(), period, mod=self._mod(g.get("mod")), explicit_year=True)

    def _spelled_year(self, text: str) -> int | None:
        """'nineteen ninety-six' -> 1996, "two thousand and one" -> 2001."""
        words = " ".join(text.lower().replace("-", " ").split())
        if words.startswith("two thousand"):
            rest = words[len("two thousand") :].replace("and", " ").strip()
            return 2000 + int(self.lex.number(rest) or 0) if rest else 2000
        head, _, rest = words.partition(" ")
        century = self.lex.number(head)
        rest = rest.replace("oh ", "")
        tail = self.lex.number(rest) if rest else None
        if century is None or tail is None:
            return None
        return int(century * 100 + tail)

    def _year_end(self, g: dict, c: Candidate) -> Reading | None:
        """'year-end', "by year's end": the end of the year being discussed (or the DCT's)."""
        if g.get("year"):
            year = int(g["year"])
        else:
            ref = self.explicit_reference(c.start)
            if ref is not None and (self.dct is None or self.mentions[ref].start.year != self.dct.year):
                year = self.mentions[ref].start.year
            elif self.dct is not None:
                year = self.dct.year
            else:
                return Reading("DATE", None, mod="END")
        period = Period("year", date(year, 1, 1))
        mod = "APPROX" if g.get("qmod") else "END"
        return Reading("DATE", period.value(), period, mod=mod, anchor_dct=not g.get("year"))

    def _decade(self, g: dict, c: Candidate) -> Reading | None:
        if g.get("decadeword"):
            century = {"eighteen": 1800, "twenty": 2000}.get((g.get("centuryword") or "").lower(), 1900)
            decade = century + self.lex.decade_words[g["decadeword"].lower()]
        else:
            decade = int(g["decade"]) if g.get("decade") else 1900 + int(g["shortdecade"])
        period = Period("decade", date(decade, 1, 1))
        return Reading("DATE", period.value(), period, mod=self._mod(g.get("mod")))

    def _century(self, g: dict, c: Candidate) -> Reading | None:
        word = g["ord"].lower()
        number = int(word[:-2]) if word[:1].isdigit() else self.lex.ordinals.get(word)
        if not number or word == "last":
            return None
        period = Period("century", date((number - 1) * 100 or 1, 1, 1))
        return Reading("DATE", period.value(), period, mod=self._mod(g.get("mod")))

    def _base_day(self, c: Candidate) -> tuple[Period | None, int | None]:
        """The day weekday names count from: the DCT (news reports about their own week),
        unless the narrative has moved to a dated day far from it."""
        ref = self.explicit_reference(c.start)
        if (
            ref is not None
            and self.mentions[ref].granularity in ("day", "time")
            and (self.dct is None or abs((self.mentions[ref].start - self.dct).days) > 31)
            and self.positions[ref] >= self.sentence(self.sentence(c.start)[0] - 1)[0]
        ):
            return self.mentions[ref], ref
        if self.dct is not None:
            return Period("day", self.dct), None
        return None, None

    def _weekday(self, g: dict, c: Candidate) -> Reading | None:
        weekday = self.lex.weekdays[g["weekday"].lower()]
        pod = self.lex.parts_of_day.get((g.get("pod") or "").lower())
        rel = " ".join((g.get("rel") or "").lower().split())
        shared = _SHARED_PLURAL.match(self.text, c.end) if not (g.get("plural") or pod or rel) else None
        if shared and (shared[1] is None or shared[1].lower() in self.lex.parts_of_day):
            # "on Monday and Tuesday nights": the plural and the part of day are shared
            g, pod = {**g, "plural": "s"}, self.lex.parts_of_day.get((shared[1] or "").lower())
        if g.get("plural") and not rel:  # "on Tuesday nights": every one of them
            return Reading("SET", f"XXXX-WXX-{weekday}" + (f"T{pod}" if pod else ""))
        base, ref = self._base_day(c)
        if rel in ("that", "the previous", "the preceding", "the following"):
            # counted from the day being discussed: "down 4.5% from the previous Friday"
            ref = self.reference("day")
            if ref is not None:
                base = self.mentions[ref]
            elif rel == "that":
                base = None
        if base is None:
            return Reading("TIME" if pod else "DATE", f"XXXX-WXX-{weekday}" + (f"T{pod}" if pod else ""))
        today = base.start
        delta = (weekday - today.isoweekday()) % 7  # days forward to the next such weekday (0 = today)
        if rel in ("next", "this coming", "coming", "the following"):
            day = today + timedelta(days=delta or 7)
        elif rel in ("last", "this past", "the previous", "the preceding"):
            day = today - timedelta(days=(7 - delta) % 7 or 7)
        elif rel == "this" or (
            rel != "that" and (self.deadline(c.start, c.end) or self.future(c.start, c.end))
        ):
            day = today + timedelta(days=delta)
        else:
            day = today - timedelta(days=(7 - delta) % 7)
        period = Period("time", day, clock=pod) if pod else Period("day", day)
        offset = (day - today).days
        return Reading(
            "TIME" if pod else "DATE",
            period.value(),
            period,
            anchor_ref=ref,
            anchor_dct=ref is None,
            relation=_relation(offset),
            offset=_day_offset(offset),
        )

    def _deictic(self, g: dict, c: Candidate) -> Reading | None:
        word = " ".join(g["deictic"].lower().split())
        if self.text[c.end : c.end + 2] == "'s" and word == "today":
            return None  # "today's world": the present era, not the day
        pod = self.lex.parts_of_day.get((g.get("pod") or "").lower())
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
        if self.dct is None:
            return Reading(kind, None)
        day = self.dct + timedelta(days=shift)
        period = Period("time", day, clock=pod) if pod else Period("day", day)
        mod = self._mod(g.get("mod"))
        return Reading(
            kind,
            period.value(),
            period,
            mod=mod,
            anchor_dct=True,
            relation=_relation(shift),
            offset=_day_offset(shift),
        )

    def _relative(self, g: dict, c: Candidate) -> Reading | None:
        rel = " ".join(g["rel"].lower().split())
        unit = " ".join(g["unit"].lower().split())
        if self.text.startswith("-to-", c.end):
            return None  # "quarter-to-quarter comparison"
        mod = self._mod(g.get("mod"))
        season = self.lex.seasons.get(unit)
        if unit == "period":
            # "the latest period" of an earnings report is the quarter under discussion
            if rel not in ("the latest", "the same", "the") or (
                rel == "the" and self.reference("quarter", "quarter") is None
            ):
                return None
            unit = "quarter"
        plain_year = unit == "year"
        if unit.endswith(" year") or (unit == "year" and rel == "the" and mod):
            specific = unit.startswith("full") or rel in ("the latest", "the current", "this") or bool(mod)
            unit, rel = "year", "the" if rel in ("the", "the latest", "the current", "this") else rel
            if rel == "the" and specific:
                ref = self.explicit_reference(c.start)
                if self.dct is None and ref is None:
                    return Reading("DATE", None)
                base = self.mentions[ref] if ref is not None else period_of(self.dct, "year")
                if g["rel"].lower() == "the latest" and ref is None:
                    base = base.shift(-1, "Y")
                return Reading("DATE", base.value(), base, mod=mod, anchor_ref=ref, anchor_dct=ref is None)
        if unit in _PART_OF_DAY_UNITS or unit == "day":
            return self._relative_day(rel, unit, mod, c)
        if season:
            return self._relative_season(rel, season, mod, c)
        gran = {
            "week": "week",
            "weekend": "week",
            "month": "month",
            "quarter": "quarter",
            "year": "year",
            "decade": "decade",
            "century": "century",
        }[unit]
        letter = {
            "week": "W",
            "weekend": "W",
            "month": "M",
            "quarter": "Q",
            "year": "Y",
            "decade": "DE",
            "century": "CE",
        }[unit]
        if rel in ("the past", "the last") and unit in ("year", "month", "quarter") and self.dct is not None:
            # "over the past year" is annotated as the calendar period before the DCT's
            period = period_of(self.dct, gran).shift(-1, letter)
            return Reading(
                "DATE",
                period.value(),
                period,
                mod=mod,
                anchor_dct=True,
                relation="before",
                offset=_unit_offset(1, letter),
            )
        if (
            rel == "the"
            and plain_year
            and not mod
            and not re.match(r"\s+(?:ended|ending)\b", self.text[c.end : c.end + 10])
        ):
            ref = self.explicit_reference(c.start)
            if ref is not None or self.dct is not None:
                base = self.mentions[ref].truncate("year") if ref is not None else period_of(self.dct, "year")
                return Reading("DATE", base.value(), base, anchor_ref=ref, anchor_dct=ref is None)
        if rel in _DURATION_DETERMINERS or (
            rel == "the" and not mod and unit in ("year", "decade", "century")
        ):
            if unit == "weekend":
                return Reading("DURATION", "P2D", mod=mod)
            return Reading("DURATION", _duration_value(1, letter), mod=mod)
        weekend = unit == "weekend"
        if rel in _DCT_DETERMINERS or (rel == "the" and weekend):
            if self.dct is None:
                return Reading("DATE", None, mod=mod)
            shift = {"last": -1, "this past": -1, "next": 1, "this coming": 1}.get(rel, 0)
            if (
                weekend
                and rel in ("this", "the", "the current")
                and self.dct.isoweekday() < 5
                and not self.future(c.start, c.end)
            ):
                shift = -1
            return _shifted(period_of(self.dct, gran), shift, letter, weekend, mod, anchor_dct=True)
        # narrative: the following week, that year, the quarter, the latest quarter
        if gran == "quarter":
            ref = self.reporting_quarter(completed=rel == "the latest", anaphoric=rel in _ANAPHORIC)
        else:
            ref = self.reference(gran)
        if ref is None:
            if self.dct is None:
                return Reading("DATE", None, mod=mod)
            base = period_of(self.dct, gran)
            if gran == "quarter" and rel in ("the", "the latest") and not self.future(c.start, c.end):
                base = base.shift(-1, "Q")  # results are reported for the quarter just ended
            anchored_dct = True
        else:
            base = self.mentions[ref].truncate(gran)
            anchored_dct = False
        shift = {"the following": 1, "the next": 1, "the previous": -1, "the prior": -1}.get(rel, 0)
        return _shifted(base, shift, letter, weekend, mod, anchor_ref=ref, anchor_dct=anchored_dct)

    def _relative_day(self, rel: str, unit: str, mod: str | None, c: Candidate) -> Reading | None:
        if rel == "the" and (
            re.search(r"\b(?:in|during|of)\s+$", self.text[max(0, c.start - 8) : c.start])
            or re.match(r"\s+of\b", self.text[c.end : c.end + 4])
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
        ref = self.reference("day")
        shift = {"the following": 1, "the next": 1, "the previous": -1, "the prior": -1}.get(rel, 0)
        kind = "TIME" if pod else "DATE"
        if ref is None:
            return Reading(kind, None, mod=mod)
        day = self.mentions[ref].start + timedelta(days=shift)
        period = Period("time", day, clock=pod) if pod else Period("day", day)
        return Reading(
            kind,
            period.value(),
            period,
            mod=mod,
            anchor_ref=ref,
            relation=_relation(shift),
            offset=_day_offset(shift),
        )

    def _relative_season(self, rel: str, season: str, mod: str | None, c: Candidate) -> Reading | None:
        ref = self.reference("year") if rel in ("that", "the same", "that same", "the") else None
        if ref is not None:
            period = season_period(self.mentions[ref].start.year, season)
            return Reading("DATE", period.value(), period, mod=mod, anchor_ref=ref, relation="year-of")
        if rel in ("that", "the same", "that same"):
            return Reading("DATE", f"XXXX-{season}", mod=mod)
        if self.dct is None:
            return Reading("DATE", f"XXXX-{season}", mod=mod)
        current = period_of(self.dct, "season")
        if (
            rel == "the"
            and season_period(self.dct.year, season).start > current.start
            and not self.future(c.start, c.end)
        ):
            rel = "last"
        period = season_period(self.dct.year, season)
        if rel in ("last", "this past", "the past", "the last", "the previous"):
            while period.start >= current.start:
                period = period.shift(-1, "Y")
        elif rel in ("next", "this coming", "the coming", "the next", "the following"):
            while period.start <= current.start:
                period = period.shift(1, "Y")
        return Reading("DATE", period.value(), period, mod=mod, anchor_dct=True)

    def _comparable(self, g: dict, c: Candidate) -> Reading | None:
        """'the year-earlier quarter': the same period one year before the one discussed."""
        unit = (g.get("unit") or g.get("unit2") or "").lower()
        if g.get("ord") and unit in ("quarter", "period") and self.dct is not None:
            number = _QUARTER_ORDINALS[g["ord"].lower()]
            period = Period("quarter", date(self.dct.year - 1, (number - 1) * 3 + 1, 1))
            return Reading("DATE", period.value(), period, anchor_dct=True, remember=False)
        if unit in ("nine months", "six months"):
            return Reading("DURATION", "P9M" if unit.startswith("nine") else "P6M")
        ref = self.reporting_quarter() if unit in ("quarter", "period", "") else None
        if ref is None:
            ref = self.reference("year")
        if ref is None:
            if self.dct is None:
                return Reading("DATE", None)
            base, anchored_dct = period_of(self.dct, "year"), True
        else:
            base, anchored_dct = self.mentions[ref], False
            if unit == "year" or base.granularity in ("day", "time", "week"):
                base = base.truncate({"year": "year", "quarter": "quarter", "": "quarter"}.get(unit, "month"))
        period = base.shift(-1, "Y")
        return Reading(
            "DATE",
            period.value(),
            period,
            anchor_ref=ref,
            anchor_dct=anchored_dct,
            relation="before",
            offset="P1Y",
            remember=False,
        )

    def _quarter(self, g: dict, c: Candidate) -> Reading | None:
        if g.get("lastord"):  # "the last half of 1989"
            unit = g["lastunit"].lower()
            number = 4 if unit == "quarter" else 2
        else:
            number = _QUARTER_ORDINALS.get(g["ord"].lower())
            unit = g["qunit"].lower()
        if number is None or unit == "period" or (unit == "half" and number > 2):
            return None
        gran = "quarter" if unit == "quarter" else "half"
        months_per = 3 if gran == "quarter" else 6
        poss = (g.get("poss") or "").lower()
        ref = None
        if g.get("year"):
            year = int(g["year"])
        elif poss and self.dct is not None:
            year = self.dct.year + {"last": -1, "next": 1}.get(poss, 0)
        else:
            ref = self.explicit_reference(c.start)
            if ref is not None and self.dct is not None and self.mentions[ref].start.year == self.dct.year:
                ref = None
            if ref is not None:
                year = self.mentions[ref].start.year
            elif self.dct is not None:
                year = self.dct.year
                if date(year, (number - 1) * months_per + 1, 1) > self.dct and not self.future(
                    c.start, c.end
                ):
                    year -= 1
            else:
                return Reading("DATE", f"XXXX-{'Q' if gran == 'quarter' else 'H'}{number}")
        period = Period(gran, date(year, (number - 1) * months_per + 1, 1))
        explicit = bool(g.get("year"))
        return Reading(
            "DATE",
            period.value(),
            period,
            anchor_ref=ref,
            explicit_year=explicit,
            anchor_dct=not explicit and ref is None,
            relation="year-of",
        )

    def _year_period(self, g: dict, c: Candidate) -> Reading | None:
        """'the 1988 third quarter', "the 1989 period": a quarter of a stated year; a bare
        period is the one the text is discussing."""
        year = int(g["year"])
        unit = " ".join(g["qunit"].lower().split())
        if g.get("ord"):
            number = _QUARTER_ORDINALS.get(g["ord"].lower())
            if unit == "half" and number <= 2:
                return self._period_reading(Period("half", date(year, 1 if number == 1 else 7, 1)))
            if unit in ("quarter", "period"):
                return self._period_reading(Period("quarter", date(year, (number - 1) * 3 + 1, 1)))
            return None
        if unit in ("first half", "second half"):
            return self._period_reading(Period("half", date(year, 1 if unit == "first half" else 7, 1)))
        ref = self.reference("half", "month")
        if ref is None:
            return self._period_reading(Period("year", date(year, 1, 1)))
        discussed = self.mentions[ref]
        return self._period_reading(Period(discussed.granularity, discussed.start.replace(year=year)))

    @staticmethod
    def _period_reading(period: Period) -> Reading:
        return Reading("DATE", period.value(), period, explicit_year=True)

    def _season(self, g: dict, c: Candidate) -> Reading | None:
        year = int(g["year"]) if g.get("year") else self._spelled_year(g["wordyear"])
        if year is None:
            return None
        period = season_period(year, self.lex.seasons[g["season"].lower()])
        return Reading("DATE", period.value(), period, mod=self._mod(g.get("mod")))

    def _amount(self, g: dict) -> float | None:
        text = g["num"]
        if " ".join(text.lower().split()) in self.lex.vague:
            return None
        if "/" in text:
            whole, frac = text.split()
            num, den = frac.split("/")
            return int(whole) + int(num) / int(den)
        return self.lex.number(text)

    def _unit(self, g: dict) -> str:
        return self.lex.units[g["unit"].lower()]

    def _ago(self, g: dict, c: Candidate) -> Reading | None:
        direction = " ".join(g["dir"].lower().split())
        amount = self._amount(g)
        unit = self._unit(g)
        mod = self.lex.quantifier_mods.get(" ".join((g.get("qmod") or "").lower().split()))
        if mod and mod not in ("APPROX",):
            mod = "APPROX" if mod in ("LESS_THAN", "MORE_THAN") and direction == "ago" else mod
        # the extent stops before the relation word when the value is a length (TimeML)
        relation_at = c.start + self.text[c.start : c.end].lower().rindex(g["dir"].lower())
        length_end = len(self.text[c.start : relation_at].rstrip()) + c.start
        if direction in ("before", "after"):
            return Reading(
                "DURATION",
                _duration_value(amount, unit),
                mod=mod,
                end=length_end,
                pending=(direction, amount, unit),
            )
        backwards = direction in ("ago", "earlier", "previously")
        if amount is None and direction in ("earlier", "later"):
            return Reading("DURATION", _duration_value(None, unit), mod=mod, end=length_end)
        if amount is None or amount != int(amount):
            return Reading("DATE", "PAST_REF" if backwards else "FUTURE_REF", mod=mod)
        length = _duration_value(amount, unit)
        if unit in ("DE", "CE"):  # "a decade ago" is a year, ten years back
            amount, unit = amount * (10 if unit == "DE" else 100), "Y"
        step = -int(amount) if backwards else int(amount)
        unit_gran = UNIT_GRANULARITY.get(unit, "day")
        shift_unit = "W" if unit == "WE" else unit
        if unit_gran == "time":  # hours and minutes move within the day we know
            unit_gran, step, shift_unit = "day", 0, "D"
        ref = None
        if direction in ("ago", "from now", "hence"):
            if self.dct is None:
                return Reading("DATE", None, mod=mod)
            base = Period("day", self.dct)
            comparable = self.reporting_quarter()
            if unit == "Y" and comparable is not None and amount == 1:
                base, ref = self.mentions[comparable], comparable
        else:
            ref = self.reference("year")
            if ref is None and self.dct is None:
                return Reading("DATE", None, mod=mod)
            base = self.mentions[ref] if ref is not None else Period("day", self.dct)
        gran = coarser(unit_gran, base.granularity)
        if unit == "Y" and base.granularity in ("quarter", "half", "month", "season"):
            gran = base.granularity
        elif unit == "Y" and ref is not None and base.granularity in ("day", "time"):
            gran = "day"  # "a year earlier" than a dated day is that day a year before
        period = base.truncate(gran).shift(step, shift_unit).truncate(gran)
        # TimeML gives "three days later" the value of its length; the day it reaches is
        # kept as the interval and the anchor.
        if direction in ("earlier", "later", "previously") and unit not in ("Y", "M", "Q"):
            return Reading(
                "DURATION",
                length,
                period,
                mod=mod,
                anchor_ref=ref,
                anchor_dct=ref is None,
                relation=_relation(step),
                offset=length,
                end=length_end,
            )
        return Reading(
            "DATE",
            period.value(),
            period,
            mod=mod,
            anchor_ref=ref,
            anchor_dct=ref is None,
            relation=_relation(step),
            offset=length,
            remember=direction not in ("ago", "from now", "hence") and unit != "Y",
        )

    def _duration(self, g: dict, c: Candidate) -> Reading | None:
        if (g.get("tail") or "").lower() == "old" or re.match(r"[\s-]+old\b", self.text[c.end : c.end + 5]):
            return None  # an age ("a 6-year-old", "52 years old"), not a period of time
        if g.get("bare"):
            unit = self.lex.units[g["bare"].lower()]
            return Reading("DURATION", _duration_value(None, unit))
        amount = self._amount(g)
        unit = self._unit(g)
        num = " ".join(g["num"].lower().split())
        if num in ("a", "an") and unit == "S":
            return None
        if (
            num == "one"
            and unit == "D"
            and not g.get("det")
            and _MODAL_BEFORE.search(self.text, max(0, c.start - 10), c.start)
        ):
            return Reading("DATE", "FUTURE_REF", anchor_dct=self.dct is not None)  # "will one day be"
        if (
            num in ("a", "an")
            and not g.get("det")
            and not g.get("qmod")
            and _RATE_BEFORE.search(self.text[max(0, c.start - 30) : c.start])
        ):
            return None
        if g.get("andhalf"):
            amount = (amount or 0) + 0.5
        if amount is not None and amount > 10000:
            return None
        if unit == "Q" and re.match(r"\s+of\b|-to-", self.text[c.end : c.end + 4]):
            return None  # "three-quarters of its food": a fraction
        mod = self.lex.quantifier_mods.get(" ".join((g.get("qmod") or "").lower().split()))
        return Reading("DURATION", _duration_value(amount, unit), mod=mod)

    def _fuzzy(self, g: dict, c: Candidate) -> Reading | None:
        word = " ".join(g["fuzzy"].lower().split())
        if word == "now" and self.text[c.end : c.end + 1] == "," and self.sentence(c.start)[0] >= c.start - 3:
            return None  # "Now, he says...": a discourse marker
        if word == "soon" and (
            re.match(r"\s+(?:after|afterwards?|as|enough)\b", self.text[c.end : c.end + 12])
            or re.search(r"\bas\s+$", self.text[max(0, c.start - 4) : c.start])
            or not self._modal_near(c.start, c.end)
        ):
            return None  # only "will soon", "may soon seek": not "soon became", "as soon as"
        if word in self.lex.fuzzy_needs_noun:
            following = re.match(r"\s+(\w+)", self.text[c.end : c.end + 20])
            if not following or following.group(1).lower() not in (
                "times",
                "period",
                "era",
                "history",
                "past",
            ):
                return None
        return Reading("DATE", self.lex.fuzzy[word], anchor_dct=self.dct is not None)

    def _set(self, g: dict, c: Candidate) -> Reading | None:
        if g.get("set"):
            return Reading("SET", self.lex.sets[g["set"].lower()])
        unit_word = g["unit"].lower()
        if unit_word in self.lex.weekdays:
            return Reading("SET", f"XXXX-WXX-{self.lex.weekdays[unit_word]}")
        if unit_word.rstrip(".") in self.lex.months:
            return Reading("SET", f"XXXX-{self.lex.months[unit_word.rstrip('.')]:02d}")
        amount = 1.0
        if g.get("num") and g["num"].lower() != "other":
            amount = self.lex.number(g["num"]) or 1.0
        elif g.get("num"):
            amount = 2.0
        return Reading("SET", _duration_value(amount, self.lex.units[unit_word]))

    def _clock(self, g: dict, c: Candidate) -> Reading | None:
        if g.get("noon"):
            hour, minute = (12, 0) if g["noon"].lower() != "midnight" else (24, 0)
        else:
            hour, minute = int(g["hour"]), int(g.get("minute") or 0)
            ampm = (g.get("ampm") or "").lower()
            if g.get("half"):  # "4 in the morning", "8 in the evening"
                ampm = "am" if g["half"].lower() == "morning" else "pm"
            if hour > 12 and ampm or hour > 24:
                return None
            if ampm.startswith("p") and hour < 12:
                hour += 12
            elif ampm.startswith("a") and hour == 12:
                hour = 0
        clock = f"{hour:02d}:{minute:02d}"
        ref = self.reference("day")
        if ref is not None and self.mentions[ref].granularity in ("day", "time"):
            day, anchored = self.mentions[ref].start, ref
        elif self.dct is not None:
            day, anchored = self.dct, None
        else:
            return Reading("TIME", f"XXXX-XX-XXT{clock}")
        period = Period("time", day, clock=clock)
        return Reading("TIME", period.value(), period, anchor_ref=anchored, anchor_dct=anchored is None)

    def _event_time(self, g: dict, c: Candidate) -> Reading | None:
        """'During that visit': the time of the event the narrative just dated."""
        ref = self.reference("year")
        if ref is None:
            return None
        period = self.mentions[ref]
        return Reading("DATE", period.value(), period, anchor_ref=ref, relation="same")

    def _holiday(self, g: dict, c: Candidate) -> Reading | None:
        rule = self.lex.holidays[" ".join(g["holiday"].lower().split())]
        rel = (g.get("rel") or "").lower()
        ref = None
        if g.get("year"):
            year = int(g["year"])
        elif self.dct is not None and rel:
            year = self.dct.year + {"last": -1, "next": 1}.get(rel, 0)
        else:
            typical = _holiday_date(rule, self.dct.year if self.dct else 2001)
            year, ref = self._year_around(typical.month, typical.day, c)
        if year is None:
            return Reading("DATE", f"XXXX-{rule}" if "-" in rule else None)
        day = _holiday_date(rule, year)
        if rel == "last" and self.dct is not None and day > self.dct and not g.get("year"):
            return None
        period = period_of(day, "week") if g.get("week") else Period("day", day)  # "Easter week"
        return Reading(
            "DATE",
            period.value(),
            period,
            anchor_ref=ref,
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


def _shifted(
    base: Period,
    shift: int,
    letter: str,
    weekend: bool,
    mod: str | None,
    anchor_ref: int | None = None,
    anchor_dct: bool = False,
) -> Reading:
    """The DATE `shift` units of `letter` away from `base` ("last week", "the following
    quarter"), as a weekend when the text says so, remembering what it was counted from."""
    period = base.shift(shift, letter)
    if weekend:
        period = Period("week", period.start, weekend=True)
    return Reading(
        "DATE",
        period.value(),
        period,
        mod=mod,
        anchor_ref=anchor_ref,
        anchor_dct=anchor_dct,
        relation=_relation(shift),
        offset=_unit_offset(shift, letter),
    )


def _relation(shift: int) -> str:
    return "same" if shift == 0 else "after" if shift > 0 else "before"


def _day_offset(days: int) -> str | None:
    return f"P{abs(days)}D" if days else None


def _unit_offset(shift: int, unit: str) -> str | None:
    return _duration_value(abs(shift), unit) if shift else None
