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
from newsgraph.store.protocol import DocumentRecord, DocumentSource, Store

__all__ = ["DocumentRecord", "DocumentSource", "Store", "open_store"]


def open_store(location: str | os.PathLike, readonly: bool = False) -> Store:
    """Open the store at `location`: a file path or a `sqlite:///path` URL.

    By default the store is created and migrated if needed. With `readonly`, nothing is ever
    written: a missing file, a database that is not a newsgraph store, or a store of an older
    schema is refused with StoreError before anything else happens. A scheme no backend
    serves is a StoreError too.
    """
    from newsgraph.store.sqlite import SQLiteStore

    text = os.fspath(location)
    scheme = urlparse(text).scheme if "://" in text else ""
    if scheme == "":
        return SQLiteStore(Path(text), readonly=readonly)
    if scheme == "sqlite":
        return SQLiteStore(text.removeprefix("sqlite://"), readonly=readonly)
    raise StoreError(f"no store backend for {scheme}:// URLs (known: a file path, sqlite:///path)",
                     source=text)
