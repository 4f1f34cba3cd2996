"""The store: the graph on disk behind the `Store` protocol (SQLite by default).

    with open_store("newsgraph.db") as store:
        store.add(analysis)
        store.entity_counts(type="person")

`protocol.py` is the interface, `sql.py` the SQL every backend shares, `sqlite.py` the SQLite
backend. What the CLI shows (entity tables, profiles, search hits) is built in `newsgraph.views`.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

from newsgraph.errors import StoreError
from newsgraph.store.protocol import DocumentRecord, Store

__all__ = ["DocumentRecord", "Store", "open_store"]


def open_store(location: str | os.PathLike) -> Store:
    """Open (creating and migrating if needed) the store at `location`: a file path or a
    `sqlite:///path` URL. Raises StoreError for a scheme no backend serves."""
    from newsgraph.store.sqlite import SQLiteStore

    text = os.fspath(location)
    scheme = urlparse(text).scheme if "://" in text else ""
    if scheme == "":
        return SQLiteStore(Path(text))
    if scheme == "sqlite":
        return SQLiteStore(text.removeprefix("sqlite://"))
    raise StoreError(f"no store backend for {scheme}:// URLs (known: a file path, sqlite:///path)",
                     source=text)
