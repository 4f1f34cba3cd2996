"""What the words around an expression say about it: its sentence, tense, modality and deadlines.

"Friday" is last Friday in "said Friday" and next Friday in "will meet Friday"; these cues
are read from the text around the expression, never from the narrative state.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsgraph.text import SpanIndex

if TYPE_CHECKING:
    from newsgraph.time.lexicon import Lexicon

# not after an initial ("Daniel P. Davison", "the U.S. Army"), a title ("Mr. Smith") or a clock
# time before its zone ("4 a.m. EDT Thursday")
_SENTENCE_END = re.compile(
    r"(?<![\s.][A-Z])(?<!\bM[rs])(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?:(?<!\b[ap]\.m)|(?!\.\s+[A-Z]{2,4}\b))"
    r"[.!?]\s+(?=[A-Z\"'`(])|\n\s*\n"
)
_DEADLINE_BEFORE = re.compile(
    r"\b(?:until|till|by|through)\s+(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?\s+(?:[A-Z]{2,4}\s+)?)?$",
    re.IGNORECASE,
)
# "In September, " / "On Tuesday, ": an adverbial opening its sentence
_FRONTED = re.compile(r"[\s\"'`(]*(?:(?:in|on|by|during|since|until|last|early|late)\s+)?", re.IGNORECASE)
_PLUPERFECT = re.compile(r"\bhad(?:\s+(?:not|already|never))?\s+(?:been\s+)?\w+(?:ed|en|t)\b", re.IGNORECASE)
_RANGE_START = re.compile(r"\b(?:year|month|quarter|week|\d{4})\s*$", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:will|'ll|would|may|might|could|should|shall|expects?|plans?)\b", re.IGNORECASE)
_NOT_A_PAST_VERB = re.compile(r"\b(?:to|be|been|will|would|'ll)\s+$")
# the last relative clause before an expression, up to it: "that killed nine people on "
_RELATIVE_OPENER = re.compile(r"\b(?:that|which|who)\s+(?P<rest>[^,;:()\"]*)$", re.IGNORECASE)


class Clauses:
    """Sentence boundaries and tense cues of one text."""

    def __init__(self, text: str, lex: Lexicon):
        self.text = text
        self.lex = lex
        starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
        self._sentences = SpanIndex(zip(starts, [*starts[1:], len(text)]))

    def sentence(self, start: int) -> tuple[int, int]:
        """[begin, end) of the sentence holding offset `start`."""
        i = self._sentences.at_or_before(start)
        return self._sentences.starts[i], self._sentences.ends[i]

    def horizon(self, position: int, sentences: int = 3) -> int:
        """Where the current and the `sentences - 1` preceding sentences begin: how far back a
        story's year still holds (further back, a story has moved on)."""
        horizon = position
        for _ in range(sentences):
            horizon = self.sentence(max(0, horizon - 1))[0] if horizon > 0 else 0
        return horizon

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
        if self._relative_past(begin, start):
            return True
        window_start = max(begin, start - 30)
        verb = self.lex.past_verb_before.search(self.text[window_start:start])
        if verb is None:
            return False
        before_verb = self.text[max(begin, window_start + verb.start() - 12) : window_start + verb.start()]
        return not (
            self.lex.future_markers.match(verb.group().strip().split()[0])
            or _NOT_A_PAST_VERB.search(before_verb)
        )

    def _relative_past(self, begin: int, start: int) -> bool:
        """'... planned the bombing that killed nine people on January 9': a relative clause
        whose own verb is past holds the expression, whatever the verb it hangs on says."""
        clause = _RELATIVE_OPENER.search(self.text, max(begin, start - 80), start)
        if clause is None:
            return False
        rest = " " + clause.group("rest")
        verb = self.lex.past_verb_after.match(rest)
        if verb is None or self.lex.future_markers.search(rest):
            return False
        before_verb = rest[: verb.end() - len(re.search(r"\w+$", verb.group()).group())]
        return not _NOT_A_PAST_VERB.search(before_verb)

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

    def modal_near(self, start: int, end: int) -> bool:
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
        """Whether the clause around [start, end) speaks of the future (will, next, effective...),
        or names a timetable in the present ("the trial resumes on Monday")."""
        begin, stop = self.sentence(start)
        if self.past(start, end):
            return False
        window = self.text[max(begin, start - reach) : start] + " " + self.text[end : min(stop, end + 25)]
        scheduled = self.lex.schedule_verb_before.search(self.text, max(begin, start - 60), start)
        return bool(self.lex.future_markers.search(window) or scheduled)
