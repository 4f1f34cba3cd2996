"""A writer killed with SIGKILL mid-batch leaves a sound store holding only whole documents."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from newsgraph.store import open_store
from newsgraph.views import find_entities

WORKER = Path(__file__).with_name("crash_worker.py")
DOCUMENTS = 20
SENTENCES = 300  # enough that writing one document takes long enough to be interrupted


def run_worker(db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(WORKER), str(db), str(DOCUMENTS), str(SENTENCES)],
        stdout=subprocess.PIPE,
        text=True,
    )


def test_kill_9_mid_batch_leaves_only_whole_documents(tmp_path):
    db = tmp_path / "graph.db"
    worker = run_worker(db)
    committed = 0
    while True:
        line = worker.stdout.readline()
        assert line, "worker stopped early"
        committed += line.startswith("added")
        if committed >= 3 and line.startswith("adding"):
            break
    # The worker has just started writing a document, which takes tens of milliseconds.
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait()
    worker.stdout.close()

    with open_store(db) as store:
        documents = store.documents()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        per_document = {
            doc_id: tuple(counts)
            for doc_id, *counts in conn.execute(
                "SELECT d.id,"
                " (SELECT COUNT(*) FROM sentences s WHERE s.doc_id = d.id),"
                " (SELECT COUNT(*) FROM sentence_search f WHERE f.doc_id = d.id),"
                " (SELECT COUNT(*) FROM mentions m WHERE m.doc_id = d.id)"
                " FROM documents d"
            )
        }
        orphans = conn.execute(
            "SELECT COUNT(*) FROM mentions m WHERE m.doc_id NOT IN (SELECT id FROM documents)"
        ).fetchone()
    finally:
        conn.close()
    assert committed <= len(documents) < DOCUMENTS
    assert set(per_document.values()) == {(SENTENCES, SENTENCES, 2 * SENTENCES)}
    assert orphans == (0,)

    rerun = run_worker(db)
    outcomes = [line.split()[0] for line in rerun.stdout if not line.startswith("adding")]
    rerun.stdout.close()
    assert rerun.wait() == 0
    assert outcomes.count("skipped") == len(documents)
    with open_store(db) as store:
        assert len(store.documents()) == DOCUMENTS
        [calverton] = find_entities(store, "calverton")
        assert (calverton.documents, calverton.mentions) == (DOCUMENTS, DOCUMENTS * SENTENCES)
