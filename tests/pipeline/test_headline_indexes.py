"""The indexes the headline check looks names up in answer as the walks they replace: a
whole-word search of the body text, and the first body name of the same or more words."""
import re

from hypothesis import given
from hypothesis import strategies as st

from newsgraph.ontology import ORGANIZATION, PERSON, PLACE
from newsgraph.pipeline.mention_rules.base import Candidate
from newsgraph.pipeline.mention_rules.headlines import BodyNames, WordIndex

BODY = "The Hadramawt Martyrs Battalion met al-Harithi's men in Mukalla.\n(Aden) talks: Al-Shabaab, ALS."


def test_a_name_occurs_only_as_whole_words():
    body = WordIndex(BODY)
    assert body.occurs("Hadramawt Martyrs Battalion")
    assert body.occurs("Martyrs")
    assert body.occurs("al-Harithi")  # a word followed by punctuation in the body
    assert body.occurs("Al-Shabaab")
    assert body.occurs("(Aden)")  # opening with punctuation: searched, not looked up
    assert not body.occurs("Hadramawt Battalion")  # a word between
    assert body.occurs("Al")  # in "Al-Shabaab" the hyphen ends the word
    assert not body.occurs("Shab")
    assert not body.occurs("Mukall")
    assert not body.occurs("AL")


_WORDS = ["Al", "al", "Shabaab", "-", " ", "\n", "(", ")", "'s", "Aden", "Aden-", "é", "."]


@given(st.lists(st.sampled_from(_WORDS), max_size=12), st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4))
def test_the_word_index_agrees_with_a_whole_word_search(body_words, name_words):
    body, name = "".join(body_words), "".join(name_words)
    expected = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", body) is not None
    assert WordIndex(body).occurs(name) == expected


def _name(start: int, type_: str) -> Candidate:
    return Candidate(start, start + 1, "ORG", type_)


def test_body_names_give_the_first_name_of_the_same_words():
    first, second = _name(0, ORGANIZATION), _name(5, PERSON)
    names = BodyNames([(("hadramawt", "battalion"), first), (("hadramawt", "battalion"), second)])
    assert names.same(("hadramawt", "battalion")) is first
    assert names.same(("hadramawt",)) is None


def test_body_names_give_the_first_longer_name_that_is_no_place():
    place = _name(0, PLACE)
    org = _name(3, ORGANIZATION)
    later = _name(9, ORGANIZATION)
    names = BodyNames([
        (("hadramawt", "governorate"), place),
        (("hadramawt", "martyrs", "battalion"), org),
        (("hadramawt", "battalion", "command"), later),
    ])
    assert names.first_longer(("hadramawt",)) is org  # the place comes first but does not count
    assert names.first_longer(("hadramawt", "battalion")) is org  # words in order, gaps allowed
    assert names.first_longer(("battalion", "hadramawt")) is None  # order matters
    assert names.first_longer(("hadramawt", "martyrs", "battalion")) is None  # not shorter
    assert names.first_longer(("martyrs",)) is org  # found by a word that is not the name's first
