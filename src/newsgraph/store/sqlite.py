"""The SQLite backend: the whole graph in one file, in WAL mode, one transaction per document.

What only SQLite has lives here: the connection and its pragmas, the `?` dialect and its
errors, how a script splits into statements, and the FTS5 sentence index (`fts.py`).
Everything else is the shared SQL of `sql.py`. A store object holds one connection: open one
per thread or request (WAL lets readers work while a writer adds documents).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from newsgraph.errors import StoreError
from newsgraph.model import Sentence
from newsgraph.store import fts
from newsgraph.store.dialect import Dialect
from newsgraph.store.protocol import SentenceMatch
from newsgraph.store.sql import SQLStore

# Seconds a connection waits for another one's write transaction before giving up.
BUSY_TIMEOUT = 30.0


def _statements(script: str) -> Iterator[str]:
    """The statements of an SQL script, split where SQLite's parser says one is complete."""
    pending_text = ""
    for line in script.splitlines(keepends=True):
        pending_text += line
        if sqlite3.complete_statement(pending_text):
            yield pending_text.strip()
            pending_text = ""
    if any(line.strip() and not line.strip().startswith("--") for line in pending_text.splitlines()):
        raise StoreError(
            f"unterminated SQL statement at the end of a migration: {pending_text.strip()[:60]!r}"
        )


SQLITE = Dialect(
    name="sqlite",
    mark="?",
    begin_write="BEGIN IMMEDIATE",
    errors=(sqlite3.Error,),
    statements=_statements,
    table_exists="SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
)


class SQLiteStore(SQLStore):
    """A newsgraph store in the SQLite file `path`, created and migrated on open; with
    `readonly`, opened without any write, and refused unless it is a newsgraph store of the
    schema this code knows."""

    dialect = SQLITE

    def __init__(self, path: str | os.PathLike, readonly: bool = False):
        location = os.fspath(path)
        if readonly and not os.path.isfile(location):
            raise StoreError("no newsgraph store here (run `newsgraph ingest` first)", source=location)
        frozen = readonly and not os.path.exists(location + "-wal")
        try:
            # Autocommit: transactions are opened explicitly, so each is exactly as wide as meant.
            connection = (_connect(_readonly_uri(location, frozen)) if readonly
                          else sqlite3.connect(location, timeout=BUSY_TIMEOUT, isolation_level=None))
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store: {exc}", source=location) from exc
        super().__init__(connection, location)
        try:
            with self._failures("cannot open the store"):
                if readonly:
                    self._open_readonly(frozen)
                    return
                self._execute("PRAGMA foreign_keys = ON")
                self._execute("PRAGMA journal_mode = WAL").fetchone()
                # In WAL mode NORMAL loses no committed data on a process crash, only on power loss.
                self._execute("PRAGMA synchronous = NORMAL")
                self._migrate()
        except BaseException:
            self._conn.close()
            raise

    def _open_readonly(self, frozen: bool) -> None:
        """Check the file is a newsgraph store, then keep a connection that never writes.

        SQLite's `mode=ro` still gives a WAL database a -wal and a -shm file, which a read-only
        connection can never remove, and cannot open one where they cannot be created. So
        while no -wal exists (no connection is using the file) the file is first read as
        `immutable`: without locks or side files, so another program's database is refused
        untouched. Where nobody can create files next to the store, no writer can either and
        that connection is kept; elsewhere the store is reopened with `mode=ro`, whose locks
        keep each read consistent while `ingest` writes.
        """
        self._check_readable()
        if frozen and os.access(os.path.dirname(os.path.abspath(self.location)), os.W_OK):
            self._conn.close()
            self._conn = _connect(_readonly_uri(self.location, frozen=False))

    def _in_transaction(self) -> bool:
        return self._conn.in_transaction

    def _index_sentences(self, doc_id: str, sentences: Sequence[Sentence]) -> None:
        fts.index_sentences(self._conn, doc_id, sentences)

    def _match_sentences(
        self, terms: Sequence[str], limit: int, highlight: tuple[str, str]
    ) -> list[SentenceMatch]:
        return fts.search_sentences(self._conn, terms, limit, highlight)


def _readonly_uri(location: str, frozen: bool) -> str:
    return Path(location).absolute().as_uri() + ("?mode=ro&immutable=1" if frozen else "?mode=ro")


def _connect(uri: str) -> sqlite3.Connection:
    return sqlite3.connect(uri, timeout=BUSY_TIMEOUT, isolation_level=None, uri=True)
