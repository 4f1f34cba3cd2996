"""The SQLite store, on real files: schema, atomic adds, entity merging, lookup, search, profile."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest
from store_builders import PORT_TEXT, UNION_TEXT, Ref, analysis, pike_analysis, port_analysis, union_analysis

from newsgraph.errors import NotFound, StoreError
from newsgraph.model import (
    Anchor,
    Entity,
    Event,
    EventTime,
    Evidence,
    Geo,
    Mention,
    Participant,
    Relation,
    Timex,
)
from newsgraph.store import SQLiteStore, open_store

GRAPH_TABLES = {
    "documents",
    "sentences",
    "entities",
    "entity_aliases",
    "mentions",
    "timexes",
    "relations",
    "relation_evidence",
    "events",
    "event_participants",
    "event_evidence",
    "sentence_search",
}


@pytest.fixture
def db(tmp_path):
    return tmp_path / "graph.db"


@pytest.fixture
def store(db):
    with open_store(db) as s:
        yield s


def raw(db, sql, params=()):
    """Look at the file with a separate plain connection, as any other reader would."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_a_new_store_has_the_schema_and_records_its_version(store, db):
    tables = {name for (name,) in raw(db, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert GRAPH_TABLES <= tables
    assert raw(db, "SELECT version, name FROM schema_migrations ORDER BY version") == [
        (1, "initial"),
        (2, "sentence_search"),
    ]
    assert store.schema_version() == 2


def test_the_store_is_in_wal_mode(store, db):
    assert raw(db, "PRAGMA journal_mode") == [("wal",)]


def test_reopening_applies_no_migration_twice_and_keeps_the_data(db):
    with open_store(db) as store:
        assert store.add(port_analysis())
    with open_store(db) as store:
        [record] = store.documents()
        document = store.document(record.id)
    assert raw(db, "SELECT COUNT(*) FROM schema_migrations") == [(2,)]
    assert (record.title, record.source, record.published, record.language) == (
        "River port opens",
        "port.txt",
        date(2024, 3, 4),
        "en",
    )
    assert record.sha256 == port_analysis().document.sha256
    assert document.text == PORT_TEXT and document.id == record.id


def test_a_store_newer_than_the_code_is_refused(db):
    open_store(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'x')")
    conn.close()
    with pytest.raises(StoreError, match="schema version 99"):
        open_store(db)


def test_adding_the_same_content_again_is_a_no_op(store):
    assert store.add(port_analysis()) is True
    again = port_analysis()
    again.document = replace(again.document, title="Another title")
    assert store.has_document(again.document.sha256)
    assert store.add(again) is False
    assert [d.title for d in store.documents()] == ["River port opens"]
    assert store.entities(search="ferrandez")[0].mentions == 2


def test_a_constraint_failure_midway_stores_nothing_of_that_document(store, db):
    store.add(port_analysis())
    before = {table: raw(db, f"SELECT COUNT(*) FROM {table}") for table in GRAPH_TABLES}
    broken = union_analysis()
    # Resolved to an entity that exists neither in the analysis nor in the store: the mention
    # insert fails after the document, its sentences and entities were already written.
    broken.mentions.append(Mention(broken.document.id, 0, 5, "Mayor", "person", entity="e-nowhere"))

    with pytest.raises(StoreError, match="FOREIGN KEY") as failure:
        store.add(broken)

    assert failure.value.source == "union.txt"
    assert {table: raw(db, f"SELECT COUNT(*) FROM {table}") for table in GRAPH_TABLES} == before
    assert not store.has_document(broken.document.sha256)
    assert store.find_entities("Brenmoor") == []
    assert store.search("Brenmoor") == []
    assert store.add(union_analysis()) is True, "the store stays usable after a failed add"


def test_spans_that_do_not_fit_the_document_are_refused_before_writing(store):
    wrong_text = union_analysis()
    wrong_text.mentions[0].text = "Mayor Ferrandes"
    outside = union_analysis()
    outside.timexes.append(Timex(outside.document.id, 500, 508, "Thursday", "DATE", None))
    for bad in (wrong_text, outside):
        with pytest.raises(StoreError, match="union.txt"):
            store.add(bad)
    assert store.documents() == []


def test_one_entity_across_documents_unions_aliases_and_counts_documents(store):
    store.add(port_analysis())
    store.add(union_analysis())

    [ferrandez] = store.entities(search="ferrandez")
    assert ferrandez.name == "Lucía Ferrandez", "first seen wins over a name of the same length"
    assert ferrandez.aliases == ["Ferrandez", "Mayor Ferrandez"]
    assert (ferrandez.documents, ferrandez.mentions) == (2, 3)
    [cha] = store.entities(type="organization")
    assert (cha.name, cha.aliases, cha.documents, cha.mentions) == (
        "Calverton Harbour Authority",
        ["CHA"],
        2,
        3,
    )


def test_the_longer_spelling_of_a_name_becomes_canonical(store):
    short = analysis(
        "St Ives held a fair.", [Ref("St Ives", "place", "St Ives")], aliases={"St Ives": ["Ives"]}
    )
    longer = analysis(
        "St. Ives held a market.",
        [Ref("St. Ives", "place", "St. Ives")],
        aliases={"St. Ives": ["IVES", "St Ives"]},
    )
    store.add(short)
    store.add(longer)
    [place] = store.entities()
    assert (place.name, place.documents) == ("St. Ives", 2)
    assert place.aliases == ["Ives"], "spellings that fold alike are one alias, and the name is no alias"


def test_geo_is_kept_once_known(store):
    first = analysis("Calverton is small.", [Ref("Calverton", "place", "Calverton")])
    second = analysis("Calverton grew.", [Ref("Calverton", "place", "Calverton")])
    first.entities[0].geo = Geo(51.5, -2.25, "GB", "test:1")
    store.add(first)
    store.add(second)
    [entity] = [e for e in store.iter_entities() if e.name == "Calverton"]
    assert entity.geo == Geo(51.5, -2.25, "GB", "test:1")


def test_find_entities_ignores_case_accents_and_matches_aliases(store):
    store.add(port_analysis())
    store.add(union_analysis())
    store.add(pike_analysis())
    ferrandez_id = Entity.make_id("person", "Lucía Ferrandez")

    for name in ("LUCIA FERRANDEZ", "lucía ferrandez", "mayor  ferrandez", "Ferrandez", ferrandez_id):
        assert [e.id for e in store.find_entities(name)] == [ferrandez_id], name
    assert [e.name for e in store.find_entities("cha")] == ["Calverton Harbour Authority"]
    assert [e.type for e in store.find_entities("Jordan")] == ["place"], "exact match, not a prefix"
    assert store.find_entities("Ferran") == []


def test_an_ambiguous_name_returns_every_candidate(store):
    store.add(pike_analysis())
    assert sorted(e.name for e in store.find_entities("PIKE")) == ["Elena Pike", "Jordan Pike"]


def test_entities_filter_by_type_and_substring(store):
    store.add(port_analysis())
    store.add(pike_analysis())
    assert [e.name for e in store.entities(search="UCIA")] == ["Lucía Ferrandez"]
    assert [e.name for e in store.entities(search="harbour auth")] == ["Calverton Harbour Authority"]
    assert sorted(e.name for e in store.entities(type="place")) == ["Amman", "Calverton", "Jordan"]
    assert [e.name for e in store.entities(type="person", search="pike")] == ["Elena Pike", "Jordan Pike"]
    assert len(store.entities(limit=2)) == 2
    assert store.entities(search="%") == []
    ranked = store.entities()
    assert [(e.name, e.mentions) for e in ranked[:3]] == [
        ("Calverton Harbour Authority", 2),
        ("Lucía Ferrandez", 2),
        ("Amman", 1),
    ], "most mentioned, then by name"


def test_search_ranks_sentences_and_names_their_entities(store):
    store.add(port_analysis())
    store.add(union_analysis())

    [hit] = store.search("port jobs")
    assert hit.text == "Ferrandez said the port would bring two hundred jobs."
    assert (hit.doc, hit.doc_title, hit.sentence) == (port_analysis().document.id, "River port opens", 1)
    assert "[port]" in hit.snippet and "[jobs]" in hit.snippet
    assert [e.name for e in hit.entities] == ["Lucía Ferrandez"]

    hits = store.search("Ferrandez")
    assert len(hits) == 3 and hits == sorted(hits, key=lambda h: -h.score)
    assert [h.doc_title for h in store.search("lucia")] == ["River port opens"], "accents are ignored"
    assert [h.sentence for h in store.search("talks failing")] == [1], "stemmed"


@pytest.mark.parametrize(
    "query", ['"foo', "a-b:c", "CHA's", "NEAR(", '""', "-", "*", "port OR", "(jobs", "^"]
)
def test_search_survives_fts_syntax_in_queries(store, query):
    store.add(port_analysis())
    store.search(query)


def test_search_treats_punctuated_words_as_phrases(store):
    store.add(analysis("The Tel-Aviv office closed. Aviv Tel visited.", []))
    assert [h.sentence for h in store.search("tel-aviv")] == [0]
    assert [h.sentence for h in store.search('"office')] == [0]


def test_profile_gives_mentions_in_their_sentences_and_co_mentions(store):
    store.add(port_analysis())
    store.add(union_analysis())

    profile = store.profile(Entity.make_id("person", "Lucía Ferrandez"))

    assert (profile.type, profile.name, profile.documents) == ("person", "Lucía Ferrandez", 2)
    assert profile.aliases == ["Ferrandez", "Mayor Ferrandez"]
    assert [(m.text, m.doc_title, m.sentence) for m in profile.mentions] == [
        ("Lucía Ferrandez", "River port opens", 0),
        ("Ferrandez", "River port opens", 1),
        ("Mayor Ferrandez", "Dock talks", 0),
    ]
    for m in profile.mentions:
        assert m.sentence_text[m.start - m.sentence_start : m.end - m.sentence_start] == m.text
    assert profile.mentions[1].sentence_text == "Ferrandez said the port would bring two hundred jobs."
    assert [(c.name, c.count, c.documents) for c in profile.co_mentions] == [
        ("Brenmoor", 1, 1),
        ("Calverton", 1, 1),
        ("Calverton Harbour Authority", 0, 2),
    ]


def test_profile_of_an_unknown_entity_is_not_found(store):
    with pytest.raises(NotFound):
        store.profile("e-0000000000000000")
    with pytest.raises(NotFound):
        store.document("d-0000000000000000")


def test_a_mention_outside_every_sentence_is_shown_with_surrounding_text(store):
    text = "HEADLINE Calverton\n\nThe port opened."
    a = analysis(text, [])
    a.sentences = [s for s in a.sentences if s.text == "The port opened."]
    mention = Mention(a.document.id, 9, 18, "Calverton", "place", entity=Entity.make_id("place", "Calverton"))
    a.mentions = [mention]
    a.entities = [Entity(mention.entity, "place", "Calverton", mentions=[mention])]
    store.add(a)
    [m] = store.profile(mention.entity).mentions
    assert m.sentence is None
    assert m.sentence_text == text and m.sentence_start == 0


def test_the_whole_graph_reads_back_as_model_objects(store):
    port = port_analysis()
    doc = port.document.id
    ferrandez, cha, calverton = (
        Entity.make_id(*k)
        for k in (
            ("person", "Lucía Ferrandez"),
            ("organization", "Calverton Harbour Authority"),
            ("place", "Calverton"),
        )
    )
    monday = Timex(
        doc,
        PORT_TEXT.index("Monday"),
        PORT_TEXT.index("Monday") + 6,
        "Monday",
        "DATE",
        "2024-03-04",
        "2024-03-04",
        "2024-03-04",
        "day",
        Anchor(None, None, "before", None),
    )
    port.timexes = [monday]
    opening = Evidence(doc, 0, 71, PORT_TEXT[:71])
    port.relations = [Relation("r-run", "operates", cha, calverton, "asserted", [opening])]
    port.events = [
        Event(
            "v-open",
            "opening",
            [Participant(ferrandez, "opener")],
            calverton,
            EventTime("2024-03-04", "2024-03-04", "2024-03-04", "day", "Monday"),
            "asserted",
            "actual",
            [opening],
        )
    ]
    union = union_analysis()
    thursday = Timex(
        union.document.id,
        UNION_TEXT.index("Thursday"),
        UNION_TEXT.index("Thursday") + 8,
        "Thursday",
        "DATE",
        None,
    )
    union.timexes = [thursday]
    denial = Evidence(union.document.id, 64, 105, UNION_TEXT[64:105])
    union.relations = [Relation("r-run", "operates", cha, calverton, "asserted", [denial])]
    union.events = [
        Event(
            "v-talks",
            "meeting",
            [Participant(ferrandez), Participant(cha, remote=True)],
            None,
            None,
            "denied",
            "actual",
            [denial],
        )
    ]
    store.add(port)
    store.add(union)

    assert [d.text for d in store.iter_documents()] == [PORT_TEXT, UNION_TEXT]
    assert list(store.iter_timexes(doc)) == [monday]
    assert list(store.iter_timexes(union.document.id)) == [thursday]
    [relation] = store.iter_relations()
    assert relation.evidence == sorted([opening, denial], key=lambda e: e.doc)
    assert list(store.iter_events()) == sorted(port.events + union.events, key=lambda v: v.id)

    entities = {e.id: e for e in store.iter_entities()}
    assert [m.text for m in entities[ferrandez].mentions] == sorted(
        ["Lucía Ferrandez", "Ferrandez", "Mayor Ferrandez"],
        key=lambda t: (union.document.id if t == "Mayor Ferrandez" else doc, PORT_TEXT.find(t)),
    )
    assert entities[cha].aliases == ["CHA"]
    assert all(m.entity == cha for m in entities[cha].mentions)
    loaded = {e.id: e for e in store.load_entities()}
    assert loaded.keys() == entities.keys()
    assert all(e.mentions == [] for e in loaded.values())


def test_a_corrupt_file_raises_store_error_with_path_and_reason(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(StoreError) as failure:
        SQLiteStore(junk)
    assert str(junk) in str(failure.value) and "not a database" in str(failure.value)


def test_a_path_in_a_missing_directory_raises_store_error(tmp_path):
    with pytest.raises(StoreError, match="missing"):
        open_store(tmp_path / "missing" / "graph.db")


def test_a_reader_sees_committed_documents_while_another_store_writes(db):
    with open_store(db) as writer, open_store(db) as reader:
        writer.add(port_analysis())
        assert len(reader.documents()) == 1
        stream = reader.iter_documents()
        next(stream)
        writer.add(union_analysis())
        assert len(reader.documents()) == 2
