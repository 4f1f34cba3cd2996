"""Full-text search over stored sentences, over a real SQLite store with its FTS5 index."""

from __future__ import annotations

import pytest
from graph_builders import Ref, analysis, port_analysis, union_analysis

from newsgraph.errors import InputError
from newsgraph.store import open_store
from newsgraph.views import search
from newsgraph.views.search import MAX_QUERY_CHARS, MAX_QUERY_TERMS, query_terms


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


def test_repeated_words_are_searched_once(store):
    store.add(port_analysis())
    once = search(store, "port jobs")
    assert query_terms("Port port PORT, jobs port jobs.") == ["Port", "jobs"]
    assert search(store, "Port port PORT, jobs " * 45) == once, "180 words, two terms"


def test_a_query_over_the_character_cap_is_refused_with_a_clear_message(store):
    store.add(port_analysis())
    assert search(store, "port " + " " * (MAX_QUERY_CHARS - 10) + "jobs"), "the cap itself is allowed"
    with pytest.raises(InputError, match=f"{MAX_QUERY_CHARS + 1} characters.*at most {MAX_QUERY_CHARS}"):
        search(store, "p" * (MAX_QUERY_CHARS + 1))


def test_a_query_over_the_term_cap_is_refused_with_a_clear_message(store):
    store.add(port_analysis())
    words = [f"word{i}" for i in range(MAX_QUERY_TERMS)]
    assert search(store, " ".join(words)) == []
    with pytest.raises(InputError, match=f"{MAX_QUERY_TERMS + 1} different words.*at most {MAX_QUERY_TERMS}"):
        search(store, " ".join([*words, "port"]))


def test_hits_name_their_documents_and_entities_in_one_query_each(tmp_path):
    """Twenty hits over twenty documents: the titles and the entities are asked for once."""
    with open_store(tmp_path / "graph.db") as writer:
        for n in range(20):
            writer.add(analysis(f"Harbour report {n}. Dock workers met Mayor Ferrandez in Brenmoor.",
                                [Ref("Ferrandez", "person", "Lucía Ferrandez"), Ref("Brenmoor", "place", "Brenmoor")],
                                title=f"Report {n}"))
    with open_store(tmp_path / "graph.db", readonly=True) as reader:
        statements: list[str] = []
        reader._conn.set_trace_callback(statements.append)
        hits = search(reader, "dock workers", limit=50)
    assert sorted(h.doc_title for h in hits) == sorted(f"Report {n}" for n in range(20))
    assert all([e.name for e in h.entities] == ["Brenmoor", "Lucía Ferrandez"] for h in hits)
    ours = [s for s in statements if not s.startswith(("PRAGMA", "--")) and "'main'." not in s]  # not FTS5's own
    assert len(ours) == 3, ours
