"""Screening matches graph entities with list entries by the resolver's matcher and blocking:
types must agree, an entry of unknown kind is either, evidence and country are explained."""
from __future__ import annotations

from newsgraph.resolve.screening import Subject, match_names, with_countries
from newsgraph.resolve.watchlist import ListedEntity

TTP = ListedEntity("l-ttp", "Organization", ("organization",), ("Tehrik-e-Taliban Pakistan",), ("PK",))
RAHMAN = ListedEntity("l-fazl", "Person", ("person",), ("Fazl-ur-Rehman Khalil",), ("PK",))
EITHER = ListedEntity("l-warsame", "LegalEntity", ("person", "organization"), ("Warsame Holdings", "Abdirahman Warsame"))


def matched(subjects, listed=(TTP, RAHMAN, EITHER), threshold=0.72):
    return {(m.subject.id, m.listed.id): m for m in match_names(subjects, list(listed), threshold)}


def test_acronym_and_transliteration_with_their_evidence():
    found = matched([Subject("g-ttp", "organization", ("TTP",)),
                     Subject("g-fazl", "person", ("Maulana Fazlur Rehman Khalil", "Fazal-ur-Rahman Khalil"))])
    assert set(found) == {("g-ttp", "l-ttp"), ("g-fazl", "l-fazl")}
    assert found[("g-ttp", "l-ttp")].evidence == ("reference list",)  # the reference list spells it out
    assert found[("g-fazl", "l-fazl")].evidence[0] in ("exact", "transliteration")


def test_an_acronym_the_reference_list_does_not_know():
    front = ListedEntity("l-knf", "Organization", ("organization",), ("Karofi National Front",), ())
    found = matched([Subject("g-knf", "organization", ("KNF",))], listed=(front,))
    assert found[("g-knf", "l-knf")].evidence == ("acronym",)


def test_a_person_never_matches_an_organisation_but_either_kind_matches_both():
    found = matched([Subject("g-org", "organization", ("Fazl-ur-Rehman Khalil",)),
                     Subject("g-person", "person", ("Abdurrahman Warsame",)),
                     Subject("g-company", "organization", ("Warsame Holdings",))])
    assert set(found) == {("g-person", "l-warsame"), ("g-company", "l-warsame")}
    assert found[("g-person", "l-warsame")].evidence == ("transliteration", "alias")


def test_a_shared_surname_is_no_match():
    assert matched([Subject("g-son", "person", ("Ahmed Khalil",)), Subject("g-other", "person", ("Nabil Warsame",))]) == {}


def test_country_evidence_orders_equal_scores():
    same = [Subject("a", "person", ("Fazl-ur-Rehman Khalil",)), Subject("b", "person", ("Fazlur Rehman Khalil",))]
    ranked = with_countries(match_names(same, [RAHMAN], 0.72), {"a": {"AF"}, "b": {"PK"}})
    assert [(m.subject.id, m.country) for m in ranked] == [("b", "agrees"), ("a", "differs")]
    assert with_countries(match_names(same[:1], [RAHMAN], 0.72), {})[0].country == "unknown"
