"""Sentence full-text search on SQLite FTS5: the only SQLite-specific SQL of the store.

User queries are never passed to FTS5 as syntax: each whitespace-separated chunk becomes a
quoted phrase, so quotes, hyphens, colons or operators in a query cannot break it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from newsgraph.model import Sentence


def match_expression(query: str) -> str | None:
    """An FTS5 query matching sentences that contain every word of `query`; None if it has none.

    "a-b:c" becomes the phrase "a b c", as the tokenizer splits it the same way in the text.
    """
    phrases = [
        '"' + chunk.replace('"', '""') + '"' for chunk in query.split() if any(c.isalnum() for c in chunk)
    ]
    return " ".join(phrases) or None


def index_sentences(conn: sqlite3.Connection, doc_id: str, sentences: Iterable[Sentence]) -> None:
    conn.executemany(
        "INSERT INTO sentence_search (text, doc_id, sentence_index) VALUES (?, ?, ?)",
        ((s.text, doc_id, s.index) for s in sentences),
    )


def search_sentences(
    conn: sqlite3.Connection, query: str, limit: int, highlight: tuple[str, str]
) -> list[tuple[str, int, str, str, float]]:
    """(doc id, sentence index, text, snippet, score) of the best matches, best first.

    The score is bm25 negated, so that higher is better.
    """
    expression = match_expression(query)
    if expression is None:
        return []
    rows = conn.execute(
        "SELECT doc_id, sentence_index, text, snippet(sentence_search, 0, ?, ?, '…', 32),"
        " bm25(sentence_search) FROM sentence_search WHERE sentence_search MATCH ?"
        " ORDER BY bm25(sentence_search) LIMIT ?",
        (*highlight, expression, limit),
    )
    return [(doc, int(index), text, snippet, -score) for doc, index, text, snippet, score in rows]
