"""The entities table and finding an entity by name, over a real SQLite store."""

from __future__ import annotations

import pytest
from graph_builders import pike_analysis, port_analysis, union_analysis

from newsgraph.errors import Ambiguous, NotFound
from newsgraph.model import Entity
from newsgraph.views import entities_table, find_entities, find_entity


def test_one_entity_across_documents_unions_aliases_and_counts_documents(store):
    store.add(port_analysis())
    store.add(union_analysis())

    [ferrandez] = entities_table(store, search="ferrandez")
    assert ferrandez.name == "Lucía Ferrandez", "first seen wins over a name of the same length"
    assert ferrandez.aliases == ["Ferrandez", "Mayor Ferrandez"]
    assert (ferrandez.documents, ferrandez.mentions) == (2, 3)
    [cha] = entities_table(store, type="organization")
    assert (cha.name, cha.aliases, cha.documents, cha.mentions) == (
        "Calverton Harbour Authority",
        ["CHA"],
        2,
        3,
    )


def test_find_entities_ignores_case_accents_and_matches_aliases(store):
    store.add(port_analysis())
    store.add(union_analysis())
    store.add(pike_analysis())
    ferrandez_id = Entity.make_id("person", "Lucía Ferrandez")

    for name in ("LUCIA FERRANDEZ", "lucía ferrandez", "mayor  ferrandez", "Ferrandez", ferrandez_id):
        assert [e.id for e in find_entities(store, name)] == [ferrandez_id], name
    assert [e.name for e in find_entities(store, "cha")] == ["Calverton Harbour Authority"]
    assert [e.type for e in find_entities(store, "Jordan")] == ["place"], "exact match, not a prefix"
    assert find_entities(store, "Ferran") == []


def test_an_ambiguous_name_returns_every_candidate(store):
    store.add(pike_analysis())
    assert sorted(e.name for e in find_entities(store, "PIKE")) == ["Elena Pike", "Jordan Pike"]
    with pytest.raises(Ambiguous) as ambiguous:
        find_entity(store, "pike")
    assert sorted(e.name for e in ambiguous.value.candidates) == ["Elena Pike", "Jordan Pike"]
    with pytest.raises(NotFound):
        find_entity(store, "Ferrandez")
    assert find_entity(store, "elena pike").name == "Elena Pike"


def test_entities_filter_by_type_and_substring(store):
    store.add(port_analysis())
    store.add(pike_analysis())
    assert [e.name for e in entities_table(store, search="UCIA")] == ["Lucía Ferrandez"]
    assert [e.name for e in entities_table(store, search="harbour auth")] == ["Calverton Harbour Authority"]
    assert sorted(e.name for e in entities_table(store, type="place")) == ["Amman", "Calverton", "Jordan"]
    assert [e.name for e in entities_table(store, type="person", search="pike")] == ["Elena Pike", "Jordan Pike"]
    assert len(entities_table(store, limit=2)) == 2
    assert entities_table(store, search="%") == []
    ranked = entities_table(store)
    assert [(e.name, e.mentions) for e in ranked[:3]] == [
        ("Calverton Harbour Authority", 2),
        ("Lucía Ferrandez", 2),
        ("Amman", 1),
    ], "most mentioned, then by name"
