"""The entities table and finding one entity by name: what `newsgraph entities` lists and
what `show` looks up."""

from __future__ import annotations

from newsgraph.errors import Ambiguous, NotFound
from newsgraph.model import fold
from newsgraph.store import Store
from newsgraph.store.protocol import EntityCount
from newsgraph.views.records import EntitySummary


def _summaries(store: Store, counts: list[EntityCount]) -> list[EntitySummary]:
    aliases = store.aliases([c[0] for c in counts])
    return [
        EntitySummary(id_, type_, name, aliases.get(id_, []), documents, mentions)
        for id_, type_, name, documents, mentions in counts
    ]


def entities_table(
    store: Store, type: str | None = None, search: str | None = None, limit: int | None = None
) -> list[EntitySummary]:
    """Entities, most mentioned first; `search` is a substring of the name or an alias,
    matched without regard to case, accents or punctuation."""
    key = None
    if search is not None:
        key = fold(search)
        if not key:
            return []
    return _summaries(store, store.entity_counts(type=type, key_contains=key, limit=limit))


def find_entities(store: Store, name: str) -> list[EntitySummary]:
    """Entities whose id is `name`, or whose name or an alias folds to the same key.

    Several results mean the name is ambiguous; the caller decides what to do.
    """
    return _summaries(store, store.entities_named(fold(name), name))


def find_entity(store: Store, name: str) -> EntitySummary:
    """The one entity called `name` (any alias, any case or accents); NotFound or Ambiguous."""
    found = find_entities(store, name)
    if not found:
        raise NotFound(f"no entity named {name!r}")
    if len(found) > 1:
        listing = "; ".join(f"{e.name} ({e.type}, {e.id})" for e in found)
        raise Ambiguous(f"{name!r} matches {len(found)} entities: {listing}", candidates=found)
    return found[0]
