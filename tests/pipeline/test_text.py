"""The shared text toolkit: offsets to sentences, acronyms and initials, name folding, days."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.text import SpanIndex, abbreviates, fold, initials, is_acronym, is_subsequence, parse_day


@st.composite
def spans_and_offset(draw):
    """Sorted, non-overlapping spans with gaps (like trimmed sentences), and an offset."""
    cuts = sorted(draw(st.sets(st.integers(0, 400), max_size=30)))
    spans = list(zip(cuts[::2], cuts[1::2]))
    return spans, draw(st.integers(0, 420))


@given(spans_and_offset())
def test_containing_finds_the_span_a_linear_scan_finds(case):
    spans, offset = case
    expected = next((i for i, (start, end) in enumerate(spans) if start <= offset < end), None)
    assert SpanIndex(spans).containing(offset) == expected


@given(spans_and_offset())
def test_at_or_before_is_the_last_span_starting_at_or_before_the_offset(case):
    spans, offset = case
    started = [i for i, (start, _) in enumerate(spans) if start <= offset]
    assert SpanIndex(spans).at_or_before(offset) == (started[-1] if started else 0)


def test_an_offset_between_sentences_belongs_to_none_but_follows_the_earlier_one():
    sentences = SpanIndex([(0, 10), (12, 30)])  # "...sentence." + two spaces + "..."
    assert sentences.containing(11) is None and sentences.at_or_before(11) == 0
    assert sentences.containing(12) == 1 and sentences.containing(29) == 1 and sentences.containing(30) is None


def test_acronyms_strict_and_mixed_case():
    for word in ("ECOWAS", "U.N.", "AT&T", "UN"):
        assert is_acronym(word) and is_acronym(word, mixed_case=True), word
    for word in ("Kano", "A", "ABCDEFGHI", "un"):
        assert not is_acronym(word) and not is_acronym(word, mixed_case=True), word
    # Small letters between capitals only where the text itself defines the acronym.
    assert is_acronym("AfDB", mixed_case=True) and not is_acronym("AfDB")
    assert not is_acronym("UNx", mixed_case=True)


def test_initials_and_abbreviations():
    assert initials("Sahel People's Congress") == "SPC"
    assert initials("Ministry of Defence") == "MD"
    assert abbreviates("HB", ["Harmattan", "Brotherhood"])
    assert abbreviates("MNJTF", ["Multinational", "Joint", "Task", "Force"])
    assert abbreviates("ISWAP", ["Islamic", "State", "West", "Africa", "Province"])
    assert abbreviates("SPC", ["Sahel", "People's", "Congress"])
    assert not abbreviates("NTA", ["Kano", "Radio"])
    assert is_subsequence(("hadramawt", "battalion"), ("hadramawt", "martyrs", "battalion"))
    assert not is_subsequence("NU", "UNHCR")


@given(st.text())
def test_fold_is_idempotent_and_leaves_single_spaced_lower_case_words(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert folded == " ".join(folded.split())
    assert all(c.isalnum() or c == " " for c in folded)


@given(st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1),
                min_size=1, max_size=5),
       st.sampled_from(["-", " ", "'", ". ", "  "]))
def test_fold_ignores_case_and_the_punctuation_between_words(words, separator):
    assert fold(separator.join(words)) == fold(" ".join(w.upper() for w in words)) == " ".join(words).lower()


def test_fold_removes_accents():
    assert fold("Mogadíshu") == fold("MOGADISHU") == "mogadishu"
    assert fold("Salah al-Dīn") == "salah al din"


def test_parse_day():
    assert parse_day("2025-02-10") == date(2025, 2, 10)
    with pytest.raises(ValueError):
        parse_day("2025-02-30")
    with pytest.raises(ValueError):
        parse_day("10 February 2025")
