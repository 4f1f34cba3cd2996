"""An entity's profile: mentions in their sentences and co-mentioned entities, over real SQLite."""

from __future__ import annotations

import pytest
from graph_builders import analysis, port_analysis, union_analysis

from newsgraph.errors import NotFound
from newsgraph.model import Entity, Mention
from newsgraph.views import co_mentions, profile


def test_profile_gives_mentions_in_their_sentences_and_co_mentions(store):
    store.add(port_analysis())
    store.add(union_analysis())

    ferrandez = profile(store, Entity.make_id("person", "Lucía Ferrandez"))

    assert (ferrandez.type, ferrandez.name, ferrandez.documents) == ("person", "Lucía Ferrandez", 2)
    assert ferrandez.aliases == ["Ferrandez", "Mayor Ferrandez"]
    assert [(m.text, m.doc_title, m.sentence) for m in ferrandez.mentions] == [
        ("Lucía Ferrandez", "River port opens", 0),
        ("Ferrandez", "River port opens", 1),
        ("Mayor Ferrandez", "Dock talks", 0),
    ]
    for m in ferrandez.mentions:
        assert m.sentence_text[m.start - m.sentence_start : m.end - m.sentence_start] == m.text
    assert ferrandez.mentions[1].sentence_text == "Ferrandez said the port would bring two hundred jobs."
    assert [(c.name, c.count, c.documents) for c in ferrandez.co_mentions] == [
        ("Brenmoor", 1, 1),
        ("Calverton", 1, 1),
        ("Calverton Harbour Authority", 0, 2),
    ]
    assert co_mentions(store, ferrandez.id) == ferrandez.co_mentions


def test_profile_of_an_unknown_entity_is_not_found(store):
    with pytest.raises(NotFound):
        profile(store, "e-0000000000000000")


def test_a_mention_outside_every_sentence_is_shown_with_surrounding_text(store):
    text = "HEADLINE Calverton\n\nThe port opened."
    a = analysis(text, [])
    a.sentences = [s for s in a.sentences if s.text == "The port opened."]
    mention = Mention(a.document.id, 9, 18, "Calverton", "place", entity=Entity.make_id("place", "Calverton"))
    a.mentions = [mention]
    a.entities = [Entity(mention.entity, "place", "Calverton")]
    store.add(a)
    [m] = profile(store, mention.entity).mentions
    assert m.sentence is None
    assert m.sentence_text == text and m.sentence_start == 0
