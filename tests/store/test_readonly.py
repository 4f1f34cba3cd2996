"""Opening a store read-only: reads work, nothing is ever written, and a file that is not a
newsgraph store of this schema is refused before anything happens to it. Real SQLite files."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from graph_builders import port_analysis, union_analysis

from newsgraph.errors import StoreError
from newsgraph.store import open_store
from newsgraph.views import entities_table, search


def fingerprint(directory: Path) -> dict[str, str]:
    """Every file of the directory with the hash of its bytes."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir())}


@pytest.fixture
def stored(tmp_path) -> Path:
    db = tmp_path / "graph.db"
    with open_store(db) as store:
        store.add(port_analysis())
    return db


def test_a_store_opened_read_only_answers_and_refuses_to_write(stored):
    before = hashlib.sha256(stored.read_bytes()).hexdigest()
    with open_store(stored, readonly=True) as store:
        assert [e.name for e in entities_table(store, type="person")] == ["Lucía Ferrandez"]
        assert [h.sentence for h in search(store, "jobs")] == [1]
        with pytest.raises(StoreError, match="readonly"):
            store.add(union_analysis())
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == before
    with open_store(stored) as store:
        assert len(store.documents()) == 1


def test_a_missing_file_is_refused_and_not_created(tmp_path):
    with pytest.raises(StoreError, match="no newsgraph store"):
        open_store(tmp_path / "missing.db", readonly=True)
    assert list(tmp_path.iterdir()) == []


def test_an_empty_file_stays_empty(tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(StoreError, match="not a newsgraph store"):
        open_store(empty, readonly=True)
    assert fingerprint(tmp_path) == {"empty.db": hashlib.sha256(b"").hexdigest()}


def test_another_programs_database_is_refused_untouched(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    with conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('Ada')")
    conn.close()
    before = fingerprint(tmp_path)

    with pytest.raises(StoreError, match="not a newsgraph store") as refused:
        open_store(other, readonly=True)

    assert refused.value.source == str(other)
    assert fingerprint(tmp_path) == before, "no table added, no journal mode switched, no side file"


def test_a_file_that_is_no_database_is_refused_untouched(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 200)
    before = fingerprint(tmp_path)
    with pytest.raises(StoreError, match="not a database"):
        open_store(junk, readonly=True)
    assert fingerprint(tmp_path) == before


def test_a_store_of_an_older_schema_is_refused_until_opened_for_writing(stored):
    conn = sqlite3.connect(stored)
    with conn:
        conn.execute("DELETE FROM schema_migrations WHERE version >= 3")
    conn.close()
    before = hashlib.sha256(stored.read_bytes()).hexdigest()
    with pytest.raises(StoreError, match="schema version 2, older"):
        open_store(stored, readonly=True)
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == before


def test_a_store_newer_than_the_code_is_refused_read_only_too(stored):
    conn = sqlite3.connect(stored)
    with conn:
        conn.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'x')")
    conn.close()
    with pytest.raises(StoreError, match="schema version 99"):
        open_store(stored, readonly=True)
