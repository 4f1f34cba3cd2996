"""The event-mention detector on small news sentences written for these tests, parsed by the real model."""
from __future__ import annotations

from datetime import date

import pytest

from newsgraph.pipeline.event_mentions import (
    EventMention,
    detect_event_mentions,
    deverbal_stem,
    every_verb_baseline,
    known_verbs,
)
from newsgraph.pipeline.nlp import load_nlp
from newsgraph.time import find_timexes

PUBLISHED = date(2024, 6, 5)


def detect(text: str, detector=detect_event_mentions) -> tuple[list[EventMention], dict[str, str]]:
    """The event mentions of `text` and the text of each time expression by id."""
    timexes = find_timexes(text, PUBLISHED, "test")
    return detector(load_nlp()(text), timexes), {t.id: t.text for t in timexes}


def by_text(mentions: list[EventMention]) -> dict[str, EventMention]:
    return {m.text: m for m in mentions}


def participants(mention: EventMention) -> set[str]:
    return {p.text for p in mention.participants}


def test_a_verb_gets_subject_object_and_place_and_a_listed_noun_is_an_event():
    mentions, times = detect("Police arrested three men in Lagos on Tuesday after a raid on a warehouse.")
    found = by_text(mentions)
    assert set(found) == {"arrested", "raid"}
    assert participants(found["arrested"]) == {"Police", "three men", "Lagos"}
    assert times[found["arrested"].timex] == "Tuesday"
    assert found["raid"].pos == "noun"


def test_auxiliaries_and_modals_are_not_events():
    mentions, _ = detect("The mayor will have signed the budget by then.")
    assert [m.text for m in mentions] == ["signed"]
    assert participants(mentions[0]) == {"The mayor", "the budget"}


def test_deverbal_noun_takes_its_of_object_and_possessor():
    mentions, _ = detect("The minister's resignation followed the collapse of the coalition.")
    found = by_text(mentions)
    assert {"resignation", "followed", "collapse"} <= set(found)
    assert participants(found["resignation"]) == {"The minister"}
    assert participants(found["collapse"]) == {"the coalition"}
    # events relate to events through other links, not as participants
    assert participants(found["followed"]) == set()


def test_copula_and_its_predicative_adjective_are_events_a_participle_modifier_is_not():
    mentions, _ = detect("The old bridge was unsafe, and the disappointing figures alarmed investors.")
    found = by_text(mentions)
    assert {"was", "unsafe", "alarmed"} <= set(found)
    assert "disappointing" not in found
    assert participants(found["unsafe"]) == {"The old bridge"}
    assert found["unsafe"].pos == "adjective"
    assert participants(found["alarmed"]) == {"the disappointing figures", "investors"}


def test_conjoined_objects_and_a_passive_agent_are_participants():
    mentions, _ = detect("Rebels attacked Kano and Maiduguri. The forum was hosted by Ghana.")
    found = by_text(mentions)
    assert participants(found["attacked"]) == {"Rebels", "Kano", "Maiduguri"}
    assert {p.relation for p in found["hosted"].participants} == {"agent"}
    assert participants(found["hosted"]) == {"Ghana"}


def test_phrasal_particle_belongs_to_the_trigger():
    mentions, _ = detect("Toyota rolled out a new hybrid sedan.")
    assert [m.text for m in mentions] == ["rolled out"]
    assert mentions[0].lemma == "roll"


def test_each_event_takes_the_time_in_its_own_clause():
    mentions, times = detect("The strike began on Monday and ended on Friday.")
    found = by_text(mentions)
    assert times[found["began"].timex] == "Monday"
    assert times[found["ended"].timex] == "Friday"


def test_a_noun_takes_the_time_attached_to_it():
    mentions, times = detect("The election in March surprised analysts.")
    found = by_text(mentions)
    assert times[found["election"].timex] == "March"


def test_a_heading_and_a_dateline_are_not_the_time_of_the_body():
    mentions, _ = detect("Floods hit Dhaka\n\nJune 3, 2024\n\nRescuers searched flooded streets.")
    found = by_text(mentions)
    assert found["hit"].timex is None
    assert found["searched"].timex is None
    assert participants(found["searched"]) == {"Rescuers", "flooded streets"}


def test_a_sentence_without_a_date_gives_no_time():
    mentions, _ = detect("Talks between the two parties collapsed.")
    assert all(m.timex is None for m in mentions)
    assert participants(by_text(mentions)["Talks"]) == {"the two parties"}


@pytest.mark.parametrize(("noun", "verb"), [
    ("arrival", "arrive"), ("decision", "decide"), ("agreement", "agree"), ("bidding", "bid"),
    ("closure", "close"), ("negotiation", "negotiate"), ("performance", "perform"), ("delivery", "deliver"),
])
def test_deverbal_nouns_lead_back_to_a_known_verb(noun: str, verb: str):
    assert deverbal_stem(noun, known_verbs()) == verb


@pytest.mark.parametrize("noun", ["company", "aircraft", "minister", "salary"])
def test_other_nouns_have_no_verb_stem(noun: str):
    assert deverbal_stem(noun, known_verbs()) is None


def test_listed_things_are_not_events_though_they_look_derived():
    mentions, _ = detect("The government opened a new building.")
    assert [m.text for m in mentions] == ["opened"]


def test_baseline_takes_every_verb_its_subject_and_object_and_the_nearest_time():
    mentions, times = detect("Police arrested three men on Tuesday after the raid, and a judge freed them in May.",
                             detector=every_verb_baseline)
    found = by_text(mentions)
    assert set(found) == {"arrested", "freed"}
    assert participants(found["arrested"]) == {"Police", "three men"}
    assert participants(found["freed"]) == {"a judge", "them"}
    assert times[found["arrested"].timex] == "Tuesday"
    assert times[found["freed"].timex] == "May"


def test_a_verb_without_a_subject_shares_the_subject_of_the_verb_it_joins_or_completes():
    mentions, _ = detect("Protesters gathered and marched to the palace. The airline plans to cancel flights.")
    found = by_text(mentions)
    assert participants(found["marched"]) == {"Protesters", "the palace"}
    assert participants(found["cancel"]) == {"The airline"}  # "flights" is an event noun, not a participant
