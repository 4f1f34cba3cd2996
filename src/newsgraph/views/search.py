"""Full-text search over stored sentences, each hit with its document's title and the entities
it mentions.

A query is a list of words a matching sentence must all contain. Full-text ranking and
snippets cost, for every candidate sentence, time in proportion to the number of query terms
times their matches, so a pasted article (thousands of words, most repeated) took minutes:
repeated words are searched once, and a query is capped in length and in different words,
refused with a clear message beyond that rather than silently cut.
"""

from __future__ import annotations

from newsgraph.errors import InputError
from newsgraph.model import fold
from newsgraph.store import Store
from newsgraph.views.records import EntityRef, SentenceHit

# A search box query, not a document: longer ones are refused (a sentence is ~150 characters).
MAX_QUERY_CHARS = 1000
# Different words a matching sentence must all contain; no real sentence has more.
MAX_QUERY_TERMS = 32


def query_terms(query: str) -> list[str]:
    """The words of `query` that search matches: each whitespace-separated chunk holding a
    letter or digit, once, as first written; chunks alike but for case, accents and
    punctuation ("Port", "port,") are one word."""
    terms: dict[str, str] = {}
    for chunk in query.split():
        key = fold(chunk)
        if key:
            terms.setdefault(key, chunk)
    return list(terms.values())


def search(
    store: Store, query: str, limit: int = 20, highlight: tuple[str, str] = ("[", "]")
) -> list[SentenceHit]:
    """Sentences containing every word of `query`, best first, with the entities each mentions;
    `highlight` marks the matched words in the snippet. InputError when the query is over the
    caps (MAX_QUERY_CHARS characters, MAX_QUERY_TERMS different words)."""
    if len(query) > MAX_QUERY_CHARS:
        raise InputError(f"the query has {len(query)} characters; search takes at most {MAX_QUERY_CHARS}",
                         source="search")
    terms = query_terms(query)
    if len(terms) > MAX_QUERY_TERMS:
        raise InputError(f"the query has {len(terms)} different words; search takes at most {MAX_QUERY_TERMS}",
                         source="search")
    matches = store.search_sentences(terms, limit, highlight) if terms else []
    titles = store.document_titles(sorted({doc for doc, *_ in matches}))
    entities = store.sentences_entities([(doc, index) for doc, index, *_ in matches])
    return [
        SentenceHit(doc, titles.get(doc), index, text, snippet, score,
                    [EntityRef(*row) for row in entities.get((doc, index), [])])
        for doc, index, text, snippet, score in matches
    ]
