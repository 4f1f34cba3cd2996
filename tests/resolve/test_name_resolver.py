"""Cross-document resolution: blocking, clusters by score, and analysts' judgements that force,
forbid and undo merges without rewriting a base entity or a mention. Real SQLite files."""
from __future__ import annotations

from graph_builders import Ref, analysis

from newsgraph.api.resolution import judge, reresolve, review, undo
from newsgraph.model import Entity, Judgement
from newsgraph.resolve import NameResolver
from newsgraph.resolve.name_resolver import Blocking, candidate_pairs, record_keys
from newsgraph.store import open_store


def person(name: str) -> Entity:
    return Entity(Entity.make_id("person", name), "person", name)


def judgement(kind: str, left: Entity, right: Entity | None, at: str) -> Judgement:
    return Judgement(kind, left.id, right.id if right else None, "analyst", at, "test")


ZAHEER, ZAHIR, NABIL = person("Naji Zaheer"), person("Naji Zahir"), person("Nabil Zaheer")
SALEM, SALIM = person("Salem Awad bin Humaid"), person("Salim Awadh bin Humayd")


def test_blocking_pairs_only_names_of_one_type_that_share_a_key():
    place = Entity(Entity.make_id("place", "Naji Zaheer"), "place", "Naji Zaheer")
    entities = [ZAHEER, ZAHIR, person("Samuel Okonkwo"), place]
    assert set(candidate_pairs(entities)) == {(0, 1)}


def test_a_pair_sharing_many_keys_is_produced_once_and_an_oversized_key_is_left_out():
    keys = [frozenset({"a", "b", "c"}), frozenset({"a", "b", "c"}), frozenset({"a", "d"}), frozenset({"d"})]
    assert sorted(Blocking.of(keys).pairs()) == [(0, 1), (0, 2), (1, 2), (2, 3)]
    capped = Blocking.of(keys, limit=2)  # "a" is shared by three records
    assert capped.skipped == {"a": 3} and sorted(capped.pairs()) == [(0, 1), (2, 3)]
    assert sorted(capped.probe(frozenset({"a", "b", "d"}))) == [0, 1, 2, 3]


def test_types_never_share_a_key_and_a_common_given_name_alone_blocks_nothing():
    assert not record_keys("Naji Zaheer", "person") & record_keys("Naji Zaheer", "organization")
    luis = [person(f"José Luis {surname}") for surname in ("Salas", "Guzmán", "Herrera", "Rojas")]
    assert list(candidate_pairs(luis)) == []


def test_variants_cluster_and_a_shared_surname_does_not():
    clusters = NameResolver().clusters([ZAHEER, ZAHIR, NABIL])
    assert clusters[ZAHEER.id] == clusters[ZAHIR.id]
    assert clusters[NABIL.id] == NABIL.id


def organisation(name: str) -> Entity:
    return Entity(Entity.make_id("organization", name), "organization", name)


def test_an_acronym_of_two_spellings_of_one_name_joins_them_but_of_two_names_joins_neither():
    tem, spelt, respelt = organisation("TeM"), organisation("Tehreek-e-Mehwar"), organisation("Tehrik-e-Mehwar")
    assert len(set(NameResolver().clusters([tem, spelt, respelt]).values())) == 1
    kn, karofi, karaka = organisation("KN"), organisation("Karofi National"), organisation("Karaka National")
    clusters = NameResolver().clusters([kn, karofi, karaka])
    assert clusters[kn.id] == kn.id and clusters[karofi.id] != clusters[karaka.id]


def test_not_same_keeps_apart_merge_forces_together_and_the_later_judgement_wins():
    resolver = NameResolver()
    apart = resolver.clusters([ZAHEER, ZAHIR], [judgement("not-same", ZAHEER, ZAHIR, "2026-01-01T00:00:00+00:00")])
    assert apart[ZAHEER.id] != apart[ZAHIR.id]
    forced = resolver.clusters([ZAHEER, NABIL], [judgement("merge", ZAHEER, NABIL, "2026-01-01T00:00:00+00:00")])
    assert forced[ZAHEER.id] == forced[NABIL.id]
    overridden = resolver.clusters([ZAHEER, NABIL], [
        judgement("merge", ZAHEER, NABIL, "2026-01-01T00:00:00+00:00"),
        judgement("not-same", ZAHEER, NABIL, "2026-01-02T00:00:00+00:00"),
    ])
    assert overridden[ZAHEER.id] != overridden[NABIL.id]


def test_a_split_entity_leaves_its_cluster_and_the_others_stay_together():
    third = person("Naji Zahiir")
    clusters = NameResolver().clusters([ZAHEER, ZAHIR, third], [judgement("split", third, None, "2026-01-01T00:00:00+00:00")])
    assert clusters[ZAHEER.id] == clusters[ZAHIR.id] != clusters[third.id]


def test_judgements_in_a_store_are_reversible_and_never_touch_mentions(tmp_path):
    resolver = NameResolver()
    one = analysis("Salem Awad bin Humaid spoke.", [Ref("Salem Awad bin Humaid", "person", "Salem Awad bin Humaid")], title="a")
    two = analysis("Salim Awadh bin Humayd left.", [Ref("Salim Awadh bin Humayd", "person", "Salim Awadh bin Humayd")], title="b")
    with open_store(tmp_path / "graph.db") as store:
        store.add(one)
        store.add(two)
        assert reresolve(store, resolver) == 1
        merged = store.clusters()
        assert merged[SALEM.id] == merged[SALIM.id]
        mentions_before = sorted((m.id, m.entity) for _, ms in store.iter_entities() for m in ms)

        made = judge(store, resolver, "not-same", "Salem Awad bin Humaid", "Salim Awadh bin Humayd", "analyst", "two men")
        assert store.clusters() == {SALEM.id: SALEM.id, SALIM.id: SALIM.id}
        assert [j.reason for j in store.judgements()] == ["two men"]

        undo(store, resolver, made.id[:8])
        assert store.clusters() == merged and store.judgements() == []
        assert sorted((m.id, m.entity) for _, ms in store.iter_entities() for m in ms) == mentions_before


def test_review_lists_undecided_pairs_between_the_thresholds(tmp_path):
    one = analysis("Abdul Qadir Rahimzai spoke.", [Ref("Abdul Qadir Rahimzai", "person", "Abdul Qadir Rahimzai")], title="a")
    two = analysis("Abdul Qahir Rahimzai left.", [Ref("Abdul Qahir Rahimzai", "person", "Abdul Qahir Rahimzai")], title="b")
    with open_store(tmp_path / "graph.db") as store:
        store.add(one)
        store.add(two)
        reresolve(store, NameResolver())
        [pair] = review(store)
        assert {pair.left.name, pair.right.name} == {"Abdul Qadir Rahimzai", "Abdul Qahir Rahimzai"}
        judge(store, NameResolver(), "not-same", "Abdul Qadir Rahimzai", "Abdul Qahir Rahimzai", "analyst")
        assert review(store) == []
