"""The SQLite store through the `Store` protocol, on real files: schema and migrations, atomic
adds, base entities across documents, facts read back, clusters and judgements."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest
from graph_builders import PORT_TEXT, UNION_TEXT, Ref, analysis, port_analysis, union_analysis

from newsgraph.errors import NotFound, StoreError
from newsgraph.model import (
    Anchor,
    Entity,
    Event,
    EventTime,
    Evidence,
    Geo,
    Judgement,
    Mention,
    Participant,
    Relation,
    Timex,
    fold,
)
from newsgraph.store import DocumentSource, Store, open_store
from newsgraph.store.sqlite import SQLiteStore

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
    "entity_clusters",
    "entity_judgements",
    "event_clusters",
    "document_sources",
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
        (3, "identity_and_evidence"),
        (4, "document_sources"),
        (5, "fact_roles_and_sources"),
        (6, "event_clusters"),
        (7, "place_region_and_precision"),
    ]
    assert store.schema_version() == 7
    assert isinstance(store, Store)


def test_the_store_is_in_wal_mode(store, db):
    assert raw(db, "PRAGMA journal_mode") == [("wal",)]


def test_reopening_applies_no_migration_twice_and_keeps_the_data(db):
    with open_store(db) as store:
        assert store.add(port_analysis())
    with open_store(db) as store:
        [record] = store.documents()
        document = store.document(record.id)
    assert raw(db, "SELECT COUNT(*) FROM schema_migrations") == [(7,)]
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
    assert store.entity_counts(key_contains="ferrandez")[0][4] == 2


def test_the_same_text_read_again_elsewhere_is_recorded_as_another_source(store, db):
    first = port_analysis().document
    store.add(port_analysis())
    assert store.document_sources([first.id]) == {
        first.id: [DocumentSource("port.txt", "River port opens", None, date(2024, 3, 4))]}

    mirror = replace(first, source="mirror/port.html", title="Port opens", url="https://example.org/port",
                     published=date(2024, 3, 5))
    assert store.add_source(mirror) is True
    assert store.add_source(mirror) is False, "the same source with the same metadata once"
    assert store.add_source(port_analysis().document) is False, "the first source is recorded already"
    assert store.add_source(replace(first, published=None)) is False, "saying less is nothing new"
    retitled = replace(first, title="River port opens at last")
    assert store.add_source(retitled) is True, "the same file under another title: the title is kept"

    assert [s.source for s in store.document_sources([first.id])[first.id]] == [
        "port.txt", "mirror/port.html", "port.txt"]
    assert store.document_sources([first.id])[first.id][1] == DocumentSource(
        "mirror/port.html", "Port opens", "https://example.org/port", date(2024, 3, 5))
    assert [(d.source, d.title) for d in store.documents()] == [("port.txt", "River port opens")]
    assert raw(db, "SELECT COUNT(*) FROM documents") == [(1,)]
    with pytest.raises(StoreError, match="not stored"):
        store.add_source(union_analysis().document)


def test_a_store_of_schema_version_3_gets_the_first_source_of_each_document(db):
    with open_store(db) as store:
        store.add(port_analysis())
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("DROP TABLE document_sources")
        conn.execute("DROP TABLE event_clusters")
        for table, column in (("relations", "role"), ("relation_evidence", "source_id"), ("event_evidence", "source_id"),
                              ("entities", "geo_region"), ("entities", "geo_precision")):
            conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        conn.execute("DELETE FROM schema_migrations WHERE version >= 4")
    conn.close()
    first = port_analysis().document
    with open_store(db) as store:
        assert store.schema_version() == 7
        assert store.document_sources([first.id]) == {
            first.id: [DocumentSource("port.txt", "River port opens", None, date(2024, 3, 4))]}


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
    assert store.entities_named("brenmoor", "Brenmoor") == []
    assert store.search_sentences(["Brenmoor"], 10, ("[", "]")) == []
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


def entity_named(store, name):
    [entity] = [e for e in store.iter_base_entities() if fold(e.name) == fold(name)]
    return entity


def test_one_base_entity_across_documents_unions_aliases_and_counts_documents(store):
    store.add(port_analysis())
    store.add(union_analysis())

    ferrandez = entity_named(store, "Lucía Ferrandez")
    assert ferrandez.name == "Lucía Ferrandez", "first seen wins over a name of the same length"
    assert ferrandez.aliases == ["Ferrandez", "Mayor Ferrandez"]
    assert store.entity_counts(type="person") == [
        (ferrandez.id, "person", "Lucía Ferrandez", 2, 3)
    ]
    cha = Entity.make_id("organization", "Calverton Harbour Authority")
    assert store.entity_counts(type="organization") == [(cha, "organization", "Calverton Harbour Authority", 2, 3)]
    assert store.aliases([cha]) == {cha: ["CHA"]}


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
    [place] = store.iter_base_entities()
    assert place.name == "St. Ives"
    assert place.aliases == ["Ives"], "spellings that fold alike are one alias, and the name is no alias"


def test_geo_is_kept_once_known(store):
    first = analysis("Calverton is small.", [Ref("Calverton", "place", "Calverton")])
    second = analysis("Calverton grew.", [Ref("Calverton", "place", "Calverton")])
    geo = Geo(51.5, -2.25, "GB", "test:1", "Wiltshire", "city")
    first.entities[0].geo = geo
    store.add(first)
    store.add(second)
    assert entity_named(store, "Calverton").geo == geo  # region and precision too
    assert store.entity(Entity.make_id("place", "Calverton")).geo == geo


def test_the_narrow_queries_answer_for_one_entity_and_for_sentences_at_once(store):
    store.add(port_analysis())
    store.add(union_analysis())
    ferrandez = Entity.make_id("person", "Lucía Ferrandez")
    port, union = port_analysis().document.id, union_analysis().document.id

    assert store.entities_named("mayor ferrandez", "mayor ferrandez") == [
        (ferrandez, "person", "Lucía Ferrandez", 2, 3)
    ]
    assert [(row[1], row[5], row[7], row[8]) for row in store.mention_rows(ferrandez)] == [
        (port, "Lucía Ferrandez", 0, 0),
        (port, "Ferrandez", 1, PORT_TEXT.index("Ferrandez said")),
        (union, "Mayor Ferrandez", 0, 0),
    ]
    assert store.sentences_entities([(union, 0), (port, 2), (union, 9)]) == {
        (union, 0): [
            (Entity.make_id("place", "Brenmoor"), "place", "Brenmoor"),
            (ferrandez, "person", "Lucía Ferrandez"),
        ],
        (port, 2): [(Entity.make_id("organization", "Calverton Harbour Authority"), "organization",
                     "Calverton Harbour Authority")],
    }
    assert store.document_titles([union, port, "d-0000000000000000"]) == {
        union: "Dock talks", port: "River port opens"}
    assert store.text_slice(port, 6, 21) == "Lucía Ferrandez"
    assert store.entity("e-0000000000000000") is None
    with pytest.raises(NotFound):
        store.document("d-0000000000000000")


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
    opening = Evidence(doc, 0, 71, PORT_TEXT[:71], 0, [port.mentions[0].id, port.mentions[1].id])
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

    entities = {e.id: (e, mentions) for e, mentions in store.iter_entities()}
    assert [m.text for m in entities[ferrandez][1]] == sorted(
        ["Lucía Ferrandez", "Ferrandez", "Mayor Ferrandez"],
        key=lambda t: (union.document.id if t == "Mayor Ferrandez" else doc, PORT_TEXT.find(t)),
    )
    assert entities[cha][0].aliases == ["CHA"]
    assert all(m.entity == cha for m in entities[cha][1])
    assert {e.id for e in store.iter_base_entities()} == entities.keys()


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


def test_clusters_and_judgements_are_kept_beside_the_base_entities(store, db):
    store.add(port_analysis())
    union = union_analysis()
    lucia = Entity.make_id("person", "Lucía Ferrandez")
    mayor = Entity.make_id("person", "Lucia Ferrandez")  # folds alike: the same base id
    assert lucia == mayor
    brenmoor = Entity.make_id("place", "Brenmoor")
    calverton = Entity.make_id("place", "Calverton")
    store.add(union, clusters={brenmoor: calverton}, resolver="test")

    assert store.clusters()[brenmoor] == calverton
    assert store.clusters()[lucia] == lucia, "a base entity is its own cluster by default"
    assert raw(db, "SELECT resolver FROM entity_clusters WHERE entity_id = ?", (brenmoor,)) == [("test",)]
    assert raw(db, "SELECT name FROM entities WHERE id = ?", (brenmoor,)) == [("Brenmoor",)], "not rewritten"

    judgement = Judgement("not-same", brenmoor, calverton, "analyst@example.org", "2026-01-02T03:04:05+00:00",
                          "a village and a town")
    store.add_judgement(judgement)
    store.add_judgement(judgement)
    assert store.judgements() == [judgement]
    with pytest.raises(StoreError):
        store.add_judgement(Judgement("merge", brenmoor, None, "a", "2026-01-02T03:04:05+00:00"))


def test_a_store_of_schema_version_2_is_migrated_with_each_base_entity_its_own_cluster(db):
    with open_store(db) as store:
        store.add(port_analysis())
    conn = sqlite3.connect(db)
    with conn:
        for statement in (
            "DROP VIEW resolved_mentions",
            "DROP TABLE entity_judgements",
            "DROP TABLE entity_clusters",
            "DROP TABLE event_clusters",
            "ALTER TABLE relation_evidence DROP COLUMN sentence_index",
            "ALTER TABLE relation_evidence DROP COLUMN mention_ids",
            "ALTER TABLE event_evidence DROP COLUMN sentence_index",
            "ALTER TABLE event_evidence DROP COLUMN mention_ids",
            "DROP TABLE document_sources",
            "ALTER TABLE relations DROP COLUMN role",
            "ALTER TABLE relation_evidence DROP COLUMN source_id",
            "ALTER TABLE event_evidence DROP COLUMN source_id",
            "ALTER TABLE entities DROP COLUMN geo_region",
            "ALTER TABLE entities DROP COLUMN geo_precision",
            "DELETE FROM schema_migrations WHERE version >= 3",
        ):
            conn.execute(statement)
    conn.close()

    with open_store(db) as store:
        assert store.schema_version() == 7
        assert store.clusters() == {e.id: e.id for e in port_analysis().entities}
        assert [row[3:] for row in store.entity_counts(type="person")] == [(1, 2)]


def test_a_store_of_schema_version_5_is_migrated_with_each_event_its_own(db):
    port = port_analysis()
    opening = Evidence(port.document.id, 0, 71, PORT_TEXT[:71], 0)
    port.events = [Event("v-open", "opening", [Participant(port.entities[0].id)], evidence=[opening])]
    with open_store(db) as store:
        store.add(port)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("DROP TABLE event_clusters")
        for column in ("geo_region", "geo_precision"):
            conn.execute(f"ALTER TABLE entities DROP COLUMN {column}")
        conn.execute("DELETE FROM schema_migrations WHERE version >= 6")
    conn.close()

    with open_store(db) as store:
        assert store.schema_version() == 7
        assert store.event_clusters() == {"v-open": "v-open"}
        assert store.replace_event_clusters({"v-open": "v-open"}, "events") == 0


def test_open_store_takes_a_path_or_a_sqlite_url_and_refuses_other_schemes(tmp_path):
    with open_store(f"sqlite://{tmp_path / 'url.db'}") as store:
        assert store.schema_version() == 7
    assert (tmp_path / "url.db").is_file()
    with pytest.raises(StoreError, match="postgresql://"):
        open_store("postgresql://localhost/newsgraph")


def test_a_relations_role_and_the_source_of_its_evidence_are_kept(db):
    analysis = port_analysis()
    person, organization = (next(e for e in analysis.entities if e.type == t) for t in ("person", "organization"))
    sentence = analysis.sentences[0]
    analysis.relations = [Relation(Relation.make_id("member_of", person.id, organization.id), "member_of",
                                   person.id, organization.id, "reported",
                                   [Evidence(analysis.document.id, sentence.start, sentence.end, sentence.text,
                                             sentence.index, [], source=organization.id)],
                                   role="spokesman")]
    with open_store(db) as store:
        store.add(analysis)
        [relation] = store.iter_relations()
    assert relation.role == "spokesman"
    assert relation.evidence[0].source == organization.id
