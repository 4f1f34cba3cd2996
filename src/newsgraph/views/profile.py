"""An entity's profile: its mentions in context, who it appears with, its affiliations and its
events (`newsgraph show`)."""

from __future__ import annotations

from newsgraph.errors import NotFound
from newsgraph.store import Store
from newsgraph.store.protocol import MentionRow
from newsgraph.views.facts import events, relations
from newsgraph.views.records import CoMention, EntityProfile, MentionInContext

# Characters shown either side of a mention that lies outside every sentence.
CONTEXT_CHARS = 80


def profile(store: Store, entity_id: str) -> EntityProfile:
    """Everything known about one entity: its mentions in context, who it appears with, the
    relations it is an end of and the events it takes part in (or that happen at it)."""
    entity = store.entity(entity_id)
    if entity is None:
        raise NotFound(f"no entity {entity_id!r} in the store", source=store.location)
    mentions = [_in_context(store, row) for row in store.mention_rows(entity_id)]
    documents = list(dict.fromkeys(m.doc for m in mentions))
    return EntityProfile(
        id=entity.id,
        type=entity.type,
        name=entity.name,
        aliases=entity.aliases,
        documents=len(documents),
        mentions=mentions,
        co_mentions=co_mentions(store, entity_id),
        geo=entity.geo,
        sources={doc: [s.source for s in found] for doc, found in store.document_sources(documents).items()},
        affiliations=relations(store, entity_id),
        events=events(store, entity_id),
    )


def co_mentions(store: Store, entity_id: str) -> list[CoMention]:
    """Entities sharing a document with `entity_id`, those sharing most sentences first."""
    return [CoMention(*row) for row in store.co_mention_counts(entity_id)]


def _in_context(store: Store, row: MentionRow) -> MentionInContext:
    """A mention with its sentence; outside every sentence, with the text around it."""
    id_, doc, title, start, end, text, kind, sentence, sentence_start, sentence_text = row
    if sentence_text is None:
        sentence_start = max(0, start - CONTEXT_CHARS)
        sentence_text = store.text_slice(doc, sentence_start, end + CONTEXT_CHARS)
    return MentionInContext(id_, doc, title, start, end, text, kind, sentence, sentence_start, sentence_text)
