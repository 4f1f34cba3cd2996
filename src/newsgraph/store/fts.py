"""Sentence full-text search on SQLite FTS5: the only SQLite-specific SQL of the store.

User queries are never passed to FTS5 as syntax: each term (a whitespace-separated chunk of the
query) becomes a quoted phrase, so quotes, hyphens, colons or operators cannot break it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from newsgraph.model import Sentence


def match_expression(terms: Sequence[str]) -> str | None:
    """An FTS5 query matching sentences that contain every one of `terms`; None if none has a
    letter or digit.

    "a-b:c" becomes the phrase "a b c", as the tokenizer splits it the same way in the text.
    A NUL, which ends the query for FTS5's parser ("unterminated string"), is a space, as it is
    to the tokenizer.
    """
    phrases = ['"' + term.replace('"', '""').replace("\0", " ") + '"'
               for term in terms if any(c.isalnum() for c in term)]
    return " ".join(phrases) or None


def index_sentences(conn: sqlite3.Connection, doc_id: str, sentences: Iterable[Sentence]) -> None:
    conn.executemany(
        "INSERT INTO sentence_search (text, doc_id, sentence_index) VALUES (?, ?, ?)",
        ((s.text, doc_id, s.index) for s in sentences),
    )


def search_sentences(
    conn: sqlite3.Connection, terms: Sequence[str], limit: int, highlight: tuple[str, str]
) -> list[tuple[str, int, str, str, float]]:
    """(doc id, sentence index, text, snippet, score) of the best matches, best first.

    The score is bm25 negated, so that higher is better. bm25 and the snippet cost each
    candidate sentence time in proportion to the terms times their matches there, so callers
    pass each term once (`newsgraph.views.search` does, within its caps).
    """
    expression = match_expression(terms)
    if expression is None:
        return []
    rows = conn.execute(
        "SELECT doc_id, sentence_index, text, snippet(sentence_search, 0, ?, ?, '…', 32),"
        " bm25(sentence_search) FROM sentence_search WHERE sentence_search MATCH ?"
        " ORDER BY bm25(sentence_search) LIMIT ?",
        (*highlight, expression, limit),
    )
    return [(doc, int(index), text, snippet, -score) for doc, index, text, snippet, score in rows]
