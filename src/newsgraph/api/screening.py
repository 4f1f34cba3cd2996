"""Screen the graph against a watchlist (`Graph.screen`, `newsgraph screen`): the people and
organisations of the store, under their names and aliases, matched with the list's entries by
the resolver's matcher; the countries the graph knows for each matched entity (those of the
places it shares a sentence with) are set beside the list's."""
from __future__ import annotations

import os

from newsgraph import views
from newsgraph.resolve.names import thresholds
from newsgraph.resolve.screening import Match, Subject, match_names, with_countries
from newsgraph.resolve.watchlist import read_watchlist
from newsgraph.store import Store

SCREENED_TYPES = ("person", "organization")


def screen(store: Store, list_path: str | os.PathLike, threshold: float | None = None) -> list[Match]:
    """Matches of the graph's people and organisations in the list at `list_path` scoring at
    least `threshold` (default: the review threshold), best first."""
    listed = read_watchlist(list_path)
    subjects = [Subject(e.id, e.type, (e.name, *e.aliases))
                for type_ in SCREENED_TYPES for e in views.entities_table(store, type=type_)]
    matches = match_names(subjects, listed, thresholds()["review"] if threshold is None else threshold)
    return with_countries(matches, {i: graph_countries(store, i) for i in {m.subject.id for m in matches}})


def graph_countries(store: Store, entity_id: str) -> set[str]:
    """ISO alpha-2 codes of the places `entity_id` shares a sentence with."""
    found = set()
    for place_id, type_, _, sentences, _ in store.co_mention_counts(entity_id):
        place = store.entity(place_id) if type_ == "place" and sentences else None
        if place is not None and place.geo is not None and place.geo.country:
            found.add(place.geo.country.upper())
    return found
