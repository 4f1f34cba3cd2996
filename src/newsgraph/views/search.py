"""Full-text search over stored sentences, each hit with the entities it mentions."""

from __future__ import annotations

from newsgraph.store import Store
from newsgraph.views.records import EntityRef, SentenceHit


def search(
    store: Store, query: str, limit: int = 20, highlight: tuple[str, str] = ("[", "]")
) -> list[SentenceHit]:
    """Sentences matching every word of `query`, best first, with the entities each mentions;
    `highlight` marks the matched words in the snippet."""
    return [
        SentenceHit(
            doc,
            store.document_title(doc),
            index,
            text,
            snippet,
            score,
            [EntityRef(*row) for row in store.sentence_entities(doc, index)],
        )
        for doc, index, text, snippet, score in store.search_sentences(query, limit, highlight)
    ]
