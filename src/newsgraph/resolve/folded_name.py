"""The first resolver: one entity per type and folded name ("Al-Shabaab" = "al Shabaab")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newsgraph.model import Entity, Judgement, fold


class SameFoldedName:
    """Base entities whose type and folded name are equal are one entity.

    A cluster is represented by the base id extraction gives that type and name, so nothing an
    earlier version stored changes; a group without such a member takes its smallest id.
    """

    name = "same-folded-name"

    def clusters(self, entities: Iterable[Entity], judgements: Sequence[Judgement] = ()) -> dict[str, str]:
        """The clusters of equal type and folded name; judgements are not read (a name decides)."""
        groups: dict[tuple[str, str], set[str]] = {}
        for e in entities:
            groups.setdefault((e.type, fold(e.name)), set()).add(e.id)
        resolved: dict[str, str] = {}
        for (type_, key), ids in groups.items():
            expected = Entity.make_id(type_, key)
            representative = expected if expected in ids else min(ids)
            resolved.update((base_id, representative) for base_id in ids)
        return resolved
