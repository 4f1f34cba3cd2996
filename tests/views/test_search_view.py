"""Full-text search over stored sentences, over a real SQLite store with its FTS5 index."""

from __future__ import annotations

import pytest
from graph_builders import analysis, port_analysis, union_analysis

from newsgraph.views import search


def test_search_ranks_sentences_and_names_their_entities(store):
    store.add(port_analysis())
    store.add(union_analysis())

    [hit] = search(store, "port jobs")
    assert hit.text == "Ferrandez said the port would bring two hundred jobs."
    assert (hit.doc, hit.doc_title, hit.sentence) == (port_analysis().document.id, "River port opens", 1)
    assert "[port]" in hit.snippet and "[jobs]" in hit.snippet
    assert [e.name for e in hit.entities] == ["Lucía Ferrandez"]

    hits = search(store, "Ferrandez")
    assert len(hits) == 3 and hits == sorted(hits, key=lambda h: -h.score)
    assert [h.doc_title for h in search(store, "lucia")] == ["River port opens"], "accents are ignored"
    assert [h.sentence for h in search(store, "talks failing")] == [1], "stemmed"
    assert "<b>jobs</b>" in search(store, "jobs", highlight=("<b>", "</b>"))[0].snippet


@pytest.mark.parametrize(
    "query", ['"foo', "a-b:c", "CHA's", "NEAR(", '""', "-", "*", "port OR", "(jobs", "^"]
)
def test_search_survives_fts_syntax_in_queries(store, query):
    store.add(port_analysis())
    search(store, query)


def test_search_treats_punctuated_words_as_phrases(store):
    store.add(analysis("The Tel-Aviv office closed. Aviv Tel visited.", []))
    assert [h.sentence for h in search(store, "tel-aviv")] == [0]
    assert [h.sentence for h in search(store, '"office')] == [0]
