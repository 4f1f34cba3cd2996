"""No text and no document date makes `find_timexes` or the TimeML writer raise: random Unicode,
random runs of the lexicon's time words, and phrases generated from the recognition patterns
themselves (so that every rule is reached, with dates up to the ends of the calendar).

The default run takes a few seconds; `pytest -m slow tests/time` runs the long profile.
"""

from __future__ import annotations

import itertools
import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.time import find_timexes
from newsgraph.time.lexicon import lexicon
from newsgraph.time.tml import to_timeml
from newsgraph.time.values import GRANULARITIES


def _pattern_words() -> set[str]:
    """The literal words of the recognition patterns ("ago", "hence", "comparable", ...)."""
    spec = json.loads((resources.files("newsgraph.data") / "time_en_patterns.json").read_text("utf-8"))
    words: set[str] = set()
    for pattern in spec["patterns"]:
        literal = re.sub(r"\(\?P<\w+>|\{[A-Z_]+\}|\\[a-zA-Z]", " ", pattern["pattern"])
        words |= set(re.findall(r"[a-z][a-z']+", literal))
    return words


def _time_words() -> list[str]:
    lex = lexicon()
    vocabularies = (
        lex.months, lex.weekdays, lex.numbers, lex.vague, lex.ordinals, lex.units, lex.seasons,
        lex.parts_of_day, lex.modifiers, lex.quantifier_mods, lex.fuzzy, lex.sets, lex.holidays,
        lex.decade_words,
    )  # fmt: skip
    words = set(itertools.chain.from_iterable(vocabularies)) | _pattern_words()
    # what the patterns read besides words: numbers, clock times, years at the ends of the
    # calendar, and what separates expressions
    words |= {"0", "1", "3", "24", "31", "99", "1990s", "2021", "0001", "9999", "10:30", "2 1/2", "3/4/21"}
    words |= {",", ".", "-", "'s", "\n\n", "GMT", "p.m.", "He", "said", "will", "had", "On", "In"}
    return sorted(words)


DCTS = st.one_of(
    st.none(),
    st.sampled_from([date.min, date.max, date(1, 1, 7), date(9999, 12, 25), date(2024, 2, 29)]),
    st.dates(),
)
UNICODE = st.text()
WORD_RUNS = st.builds(
    lambda words, separator: separator.join(words),
    st.lists(st.sampled_from(_time_words()), max_size=16),
    st.sampled_from([" ", " ", "-", ", "]),
)
# a match of every pattern (in its own lower case, with odd spaces and digits from any script),
# a few in a row with relation words between them, in any case
PATTERN_PHRASES = st.builds(
    lambda phrases, separator, case: case(separator.join(phrases)),
    st.lists(
        st.one_of(
            *(st.from_regex(p.regex, fullmatch=True) for p in lexicon().patterns if p.kind != "event_time")
        ),
        min_size=1,
        max_size=5,
    ),
    st.sampled_from([" ", ", ", ". ", " before ", " after the ", " ago, ", " during that visit "]),
    st.sampled_from([str, str.title, str.upper, str.capitalize]),
)


def _never_raises(text: str, dct: date | None) -> None:
    found = find_timexes(text, dct, "doc")
    for previous, timex in itertools.pairwise(found):
        assert previous.end <= timex.start
    for timex in found:
        assert text[timex.start : timex.end] == timex.text
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
        assert timex.granularity is None or timex.granularity in GRANULARITIES
        if timex.earliest and timex.latest:
            assert timex.earliest <= timex.latest
    document = ET.fromstring(to_timeml(text, found, dct, "doc").encode("utf-8"))
    assert [t.get("value") for t in document.find("TEXT").iter("TIMEX3")] == [t.value for t in found]


def _property(texts: st.SearchStrategy[str], examples: int):
    @settings(max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(texts, DCTS)
    def check(text: str, dct: date | None) -> None:
        _never_raises(text, dct)

    return check


test_random_unicode = _property(UNICODE, 150)
test_runs_of_time_words = _property(WORD_RUNS, 250)
test_phrases_of_every_pattern = _property(PATTERN_PHRASES, 150)

test_random_unicode_long = pytest.mark.slow(_property(UNICODE, 5000))
test_runs_of_time_words_long = pytest.mark.slow(_property(WORD_RUNS, 10000))
test_phrases_of_every_pattern_long = pytest.mark.slow(_property(PATTERN_PHRASES, 5000))


@pytest.mark.parametrize(
    "text, dct",
    [
        # each of these raised before it was fixed
        (
            "The Mysore replaced the Tabar on patrol about a fortnight ago.",
            date(2008, 11, 11),
        ),  # ECB+ 12_3ecb
        ("The levy lasted 2 0/0 years.", None),
        ("Around the year-end, the daily paper closed.", date(9999, 12, 25)),
        ("A millennium previously, in 2020 days.", date(1, 1, 1)),
        ("At 1 p.m. GMT, a couple of days before the following evening.", date(1, 1, 1)),
    ],
)
def test_inputs_that_once_raised(text, dct):
    _never_raises(text, dct)
