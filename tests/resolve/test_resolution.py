"""Identity as clusters over base entities: the first resolver, and clusters shown by the views
without any base entity or mention being rewritten. Real SQLite files."""

from __future__ import annotations

import sqlite3

from graph_builders import Ref, analysis

from newsgraph.model import Entity
from newsgraph.resolve import DEFAULT_RESOLVER, SameFoldedName
from newsgraph.store import open_store
from newsgraph.views import entities_table, find_entity, profile

ABDIRAHMAN = analysis("Abdirahman Warsame spoke in Bosaso.", [Ref("Abdirahman Warsame", "person", "Abdirahman Warsame"),
                                                             Ref("Bosaso", "place", "Bosaso")], title="one")
ABDURRAHMAN = analysis("Abdurrahman Warsame left Garowe.", [Ref("Abdurrahman Warsame", "person", "Abdurrahman Warsame"),
                                                            Ref("Garowe", "place", "Garowe")], title="two")
FIRST = Entity.make_id("person", "Abdirahman Warsame")
SECOND = Entity.make_id("person", "Abdurrahman Warsame")


def test_names_that_fold_alike_are_one_entity_and_types_stay_apart():
    entities = [
        Entity(Entity.make_id("organization", "Al-Shabaab"), "organization", "Al-Shabaab"),
        Entity("e-from-elsewhere", "organization", "al Shabaab"),
        Entity(Entity.make_id("place", "Jordan"), "place", "Jordan"),
        Entity(Entity.make_id("person", "Jordan"), "person", "JORDAN"),
    ]
    clusters = SameFoldedName().clusters(entities)
    shabaab = Entity.make_id("organization", "Al-Shabaab")
    assert clusters == {
        shabaab: shabaab,
        "e-from-elsewhere": shabaab,
        entities[2].id: entities[2].id,
        entities[3].id: entities[3].id,
    }


def test_a_group_without_its_extraction_id_is_represented_by_its_smallest_id():
    clusters = SameFoldedName().clusters([Entity("e-b", "place", "Kano"), Entity("e-a", "place", "KANO")])
    assert clusters == {"e-a": "e-a", "e-b": "e-a"}


def test_the_default_resolver_leaves_every_extracted_entity_its_own_cluster():
    assert DEFAULT_RESOLVER.clusters(ABDIRAHMAN.entities) == {e.id: e.id for e in ABDIRAHMAN.entities}


def test_a_cluster_over_two_base_entities_is_one_entity_in_every_view(tmp_path):
    db = tmp_path / "graph.db"
    with open_store(db) as store:
        store.add(ABDIRAHMAN)
        store.add(ABDURRAHMAN, clusters={SECOND: FIRST}, resolver="transliteration")

        [warsame] = entities_table(store, type="person")
        assert (warsame.id, warsame.name, warsame.aliases) == (FIRST, "Abdirahman Warsame", ["Abdurrahman Warsame"])
        assert (warsame.documents, warsame.mentions) == (2, 2)
        assert find_entity(store, "abdurrahman warsame").id == FIRST
        shown = profile(store, FIRST)
        assert sorted(m.text for m in shown.mentions) == ["Abdirahman Warsame", "Abdurrahman Warsame"]
        assert [c.name for c in shown.co_mentions] == ["Bosaso", "Garowe"]
        [(exported, mentions)] = [(e, m) for e, m in store.iter_entities() if e.type == "person"]
        assert exported.id == FIRST
        assert sorted(m.entity for m in mentions) == sorted([FIRST, SECOND]), "mentions keep their base id"

    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT id, name FROM entities WHERE type = 'person' ORDER BY name").fetchall()
        mention_entities = conn.execute("SELECT DISTINCT entity_id FROM mentions WHERE type = 'person'").fetchall()
    finally:
        conn.close()
    assert rows == [(FIRST, "Abdirahman Warsame"), (SECOND, "Abdurrahman Warsame")], "base entities stay"
    assert sorted(mention_entities) == sorted([(FIRST,), (SECOND,)])
