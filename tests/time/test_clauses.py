"""Clause cues: sentence bounds, how far back a story's year holds, and the tense around an expression."""

from __future__ import annotations

from newsgraph.time.clauses import Clauses
from newsgraph.time.lexicon import lexicon

TEXT = "Mr. Smith arrived in 2021. He met the mayor. Talks ended. They will resume Friday. He said Friday it was over."


def test_sentences_do_not_end_after_a_title():
    clauses = Clauses(TEXT, lexicon())
    assert clauses.sentence(TEXT.index("arrived")) == (0, TEXT.index("He met"))


def test_the_horizon_reaches_back_two_sentences_before_the_current_one():
    clauses = Clauses(TEXT, lexicon())
    assert clauses.horizon(TEXT.index("ended")) == 0
    assert clauses.horizon(TEXT.index("resume")) == TEXT.index("He met")


def test_tense_around_a_weekday():
    clauses = Clauses(TEXT, lexicon())
    ahead = TEXT.index("Friday")
    said = TEXT.index("Friday", ahead + 1)
    assert clauses.future(ahead, ahead + 6) and not clauses.past(ahead, ahead + 6)
    assert clauses.past(said, said + 6) and not clauses.future(said, said + 6)
