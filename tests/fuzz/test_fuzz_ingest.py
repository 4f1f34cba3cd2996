"""`Graph.ingest` over random batches of good articles, bad files and random content.

Whatever a batch holds, ingest does not raise; each record comes out exactly once, as a stored
document or as one error line naming its file; no stage fails (a stage failure is a bug,
caught per document); the store stays sound; and a second run of the batch adds nothing and
reports the same errors.
"""
from __future__ import annotations

import sqlite3
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from fuzz_inputs import Expect, batches, fuzz, write_batch
from hypothesis import event, given

from newsgraph import Graph
from newsgraph.errors import InputError, NewsgraphError

# Random dates after tomorrow are kept with an InputWarning, which is expected here.
pytestmark = pytest.mark.filterwarnings("ignore::newsgraph.errors.InputWarning")


def error_key(error: NewsgraphError) -> str:
    return f"{error.source}:{error.line}" if error.line is not None else str(error.source)


class Outcomes:
    """What one ingest run reported, by the key each record is reported under."""

    def __init__(self) -> None:
        self.documents: dict[str, str] = {}  # key -> document id
        self.errors: dict[str, NewsgraphError] = {}
        self.reported: Counter[str] = Counter()

    def on_document(self, document, _what: str) -> None:
        self.documents[document.source] = document.id
        self.reported[document.source] += 1

    def on_error(self, error: NewsgraphError) -> None:
        self.errors[error_key(error)] = error
        self.reported[error_key(error)] += 1


def ingest(db: Path, folder: Path) -> tuple[Outcomes, object]:
    outcomes = Outcomes()
    with Graph(db) as graph:
        report = graph.ingest([folder], on_error=outcomes.on_error, on_document=outcomes.on_document)
    return outcomes, report


def check_store(db: Path) -> set[str]:
    """The ids of the stored documents, once SQLite has found the file sound."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
    with Graph(db, readonly=True) as graph:
        return {document.id for document in graph.store.iter_documents()}


@fuzz(examples=20)
@given(batch=batches)
def test_a_batch_stores_every_good_document_and_reports_every_bad_one_once(batch):
    with tempfile.TemporaryDirectory() as tmp:
        folder, db = Path(tmp) / "in", Path(tmp) / "graph.db"
        folder.mkdir()
        expected = write_batch(folder, batch)
        for item in batch:
            event(f"{item.kind} {item.suffix}")

        first, report = ingest(db, folder)

        assert first.reported == Counter(expected.keys()), "each record reported exactly once"
        for key, item in expected.items():
            if item.expect is Expect.DOCUMENT:
                assert key in first.documents, (key, first.errors.get(key))
            elif item.expect is Expect.ERROR:
                assert key in first.errors, key
            else:
                event(f"{item.kind}: {'stored' if key in first.documents else 'error'}")
        for key, error in first.errors.items():
            assert type(error) is InputError, f"{key}: {error}"  # a StageError or StoreError is a bug
            assert str(error).startswith(f"{key}: ") and "\n" not in str(error) and "\r" not in str(error)
        assert check_store(db) == set(first.documents.values())
        assert (report.added, report.failed) == (len(set(first.documents.values())), len(first.errors))

        again, rerun = ingest(db, folder)

        assert rerun.added == 0
        assert again.documents == first.documents
        assert {key: str(e) for key, e in again.errors.items()} == {key: str(e) for key, e in first.errors.items()}
        assert check_store(db) == set(first.documents.values())
