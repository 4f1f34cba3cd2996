"""The model's own helpers: finding a sentence by offset, an entity's mentions, stable fact ids."""

from __future__ import annotations

from graph_builders import PORT_TEXT, port_analysis

from newsgraph.model import Entity, Event, Judgement, Relation, Sentence


def test_sentence_at_finds_the_sentence_of_an_offset_and_none_between_sentences():
    analysis = port_analysis()
    assert analysis.sentence_at(0).index == 0
    second = PORT_TEXT.index("Ferrandez said")
    assert analysis.sentence_at(second).index == 1
    assert analysis.sentence_at(second - 1) is None, "the space between two sentences"
    assert analysis.sentence_at(len(PORT_TEXT)) is None
    analysis.sentences = [Sentence(0, 5, 9, PORT_TEXT[5:9])]
    assert analysis.sentence_at(4) is None and analysis.sentence_at(5).index == 0


def test_each_mention_names_its_entity_and_the_analysis_groups_them():
    analysis = port_analysis()
    ferrandez = Entity.make_id("person", "Lucía Ferrandez")
    assert [m.text for m in analysis.mentions_of(ferrandez)] == ["Lucía Ferrandez", "Ferrandez"]
    grouped = analysis.mentions_by_entity()
    assert grouped.keys() == {e.id for e in analysis.entities}
    assert grouped[ferrandez] == analysis.mentions_of(ferrandez)
    assert sum(map(len, grouped.values())) == len(analysis.mentions)


def test_fact_ids_depend_only_on_what_identifies_the_fact():
    assert Relation.make_id("operates", "e-a", "e-b") == Relation.make_id("operates", "e-a", "e-b")
    assert Relation.make_id("operates", "e-a", "e-b") != Relation.make_id("operates", "e-b", "e-a")
    assert Event.make_id("meeting", "d-1", 10, 17).startswith("v-")
    merge = Judgement("merge", "e-a", "e-b", "analyst", "2026-01-02T03:04:05+00:00", "same man")
    assert merge.id == Judgement("merge", "e-a", "e-b", "analyst", "2026-01-02T03:04:05+00:00").id, "why is no part of the id"
    assert Entity.make_id("person", "Lucía Ferrandez") == Entity.make_id("person", "LUCIA  ferrandez")
