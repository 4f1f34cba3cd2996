"""Entity identity: which base entities are one real actor.

Extraction gives each entity a stable base id (hash of type and folded name) and the store
keeps base entities as they were found. A resolver groups base ids into clusters; each cluster
is shown as one resolved entity whose id is one of its base ids, so merging or splitting never
rewrites a base entity or a mention, and undoing it restores the clusters. Analysts'
judgements (merge, split, not-same; who, when, why) are recorded beside them in the store
(`Store.add_judgement`) for the cross-document resolver to read.

`SameFoldedName` says base entities of one type whose names fold alike are one entity, which
is exactly what the base ids already say. The default, `NameResolver`, clusters across
documents by name evidence (`names.compare`, blocking keys, union-find) and honours the
judgements (docs/resolution.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from newsgraph.model import Entity, Judgement
from newsgraph.resolve.folded_name import SameFoldedName
from newsgraph.resolve.name_resolver import NameResolver

__all__ = ["DEFAULT_RESOLVER", "NameResolver", "Resolver", "SameFoldedName"]


class Resolver(Protocol):
    """Decides identity over base entities."""

    name: str

    def clusters(self, entities: Iterable[Entity], judgements: Sequence[Judgement] = ()) -> dict[str, str]:
        """Base id → resolved id for each of `entities`, honouring the analysts' `judgements`;
        a resolved id is one of its cluster's base ids."""
        ...


DEFAULT_RESOLVER: Resolver = NameResolver()
"""One entity per real actor across documents, by name evidence and analysts' judgements."""
