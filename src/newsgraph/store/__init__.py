"""The store: the graph on disk behind a narrow interface (SQLite by default).

with open_store("newsgraph.db") as store:
    store.add(analysis)
    store.find_entities("Idris Maleki")
"""

from __future__ import annotations

import os

from newsgraph.store.records import (
    CoMention,
    DocumentRecord,
    EntityProfile,
    EntityRef,
    EntitySummary,
    MentionInContext,
    SentenceHit,
)
from newsgraph.store.sqlite import SQLiteStore

__all__ = [
    "CoMention",
    "DocumentRecord",
    "EntityProfile",
    "EntityRef",
    "EntitySummary",
    "MentionInContext",
    "SQLiteStore",
    "SentenceHit",
    "open_store",
]


def open_store(path: str | os.PathLike) -> SQLiteStore:
    """Open (creating and migrating if needed) the store at `path`; raises StoreError."""
    return SQLiteStore(path)
