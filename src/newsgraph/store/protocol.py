"""The store's interface: what the API, the views and resolution may ask of any backend.

A backend (SQLite today, PostgreSQL later) implements `Store`; nothing outside `newsgraph.store`
names a backend class. Facts come back as model objects; the narrow queries the views need
come back as plain rows that `newsgraph.views` turns into records.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol, Self, runtime_checkable

from newsgraph.model import Analysis, Document, Entity, Event, Judgement, Mention, Relation, Timex

# (id, type, name, documents, mentions) of a resolved entity.
EntityCount = tuple[str, str, str, int, int]
# (mention id, doc id, doc title, start, end, text, kind, sentence index, sentence start, sentence text);
# the last two are None for a mention outside every sentence.
MentionRow = tuple[str, str, str | None, int, int, str, str, int | None, int | None, str | None]
# (id, type, name, sentences shared, documents shared)
CoMentionCount = tuple[str, str, str, int, int]
# (doc id, sentence index, text, snippet, score: higher is better)
SentenceMatch = tuple[str, int, str, str, float]


@dataclass
class DocumentRecord:
    """A stored document without its text, for listings."""

    id: str
    sha256: str
    title: str | None
    source: str | None
    url: str | None
    published: date | None
    language: str
    ingested_at: str  # ISO 8601, UTC


@dataclass(frozen=True)
class DocumentSource:
    """Where a stored document was read from, with the metadata that source gave; the first
    is the document's own source, the others the same text read again elsewhere."""

    source: str | None
    title: str | None
    url: str | None
    published: date | None


@runtime_checkable
class Store(Protocol):
    """A newsgraph store: facts written one document per transaction, read back as model objects.

    Entities are read resolved: each id is a cluster's (see `newsgraph.resolve`), and a
    cluster's mentions are those of all its base entities.
    """

    location: str

    def __enter__(self) -> Self: ...
    def __exit__(self, *exc) -> None: ...
    def close(self) -> None: ...
    def schema_version(self) -> int: ...

    # -- writing ----------------------------------------------------------------------
    def add(
        self, analysis: Analysis, clusters: Mapping[str, str] | None = None, resolver: str = ...
    ) -> bool:
        """Store a document and its facts in one transaction; False if it is stored already.

        `clusters` maps the analysis's new base entity ids to resolved ids (default: each its
        own), as decided by the resolver named `resolver`.
        """
        ...

    def add_source(self, document: Document) -> bool:
        """Record that a stored document's text was read again from `document.source` with its
        title, url and published date; False, writing nothing, when it tells nothing new (the
        same source with the same metadata, or less of it, is recorded already)."""
        ...

    def add_judgement(self, judgement: Judgement) -> None: ...
    def remove_judgement(self, judgement_id: str) -> bool: ...
    def replace_clusters(self, clusters: Mapping[str, str], resolver: str) -> int: ...
    def replace_event_clusters(self, clusters: Mapping[str, str], resolver: str) -> int: ...

    # -- facts ------------------------------------------------------------------------
    def has_document(self, sha256: str) -> bool: ...
    def documents(self) -> list[DocumentRecord]: ...
    def document_sources(self, doc_ids: Sequence[str]) -> dict[str, list[DocumentSource]]: ...
    def document(self, doc_id: str) -> Document: ...
    def iter_documents(self) -> Iterator[Document]: ...
    def iter_timexes(self, doc_id: str) -> Iterator[Timex]: ...
    def iter_base_entities(self) -> Iterator[Entity]: ...
    def iter_entities(self) -> Iterator[tuple[Entity, list[Mention]]]: ...
    def iter_relations(self) -> Iterator[Relation]: ...
    def iter_events(self) -> Iterator[Event]:
        """Every event as one document tells it (its participants and place resolved entities)."""
        ...

    def event_clusters(self) -> dict[str, str]: ...
    def published_dates(self, doc_ids: Sequence[str]) -> dict[str, date]: ...
    def clusters(self) -> dict[str, str]: ...
    def judgements(self) -> list[Judgement]: ...
    def base_mention_counts(self) -> dict[str, int]: ...

    # -- narrow queries for the views -------------------------------------------------
    def entity(self, entity_id: str) -> Entity | None: ...
    def entity_counts(
        self, type: str | None = None, key_contains: str | None = None, limit: int | None = None
    ) -> list[EntityCount]: ...
    def entities_named(self, key: str, entity_id: str) -> list[EntityCount]: ...
    def aliases(self, entity_ids: Sequence[str]) -> dict[str, list[str]]: ...
    def mention_rows(self, entity_id: str) -> list[MentionRow]: ...
    def text_slice(self, doc_id: str, start: int, end: int) -> str: ...
    def co_mention_counts(self, entity_id: str) -> list[CoMentionCount]: ...
    def search_sentences(
        self, terms: Sequence[str], limit: int, highlight: tuple[str, str]
    ) -> list[SentenceMatch]: ...
    def document_titles(self, doc_ids: Sequence[str]) -> dict[str, str | None]: ...
    def entity_refs(self, entity_ids: Sequence[str]) -> dict[str, tuple[str, str]]: ...
    def sentences_entities(
        self, sentences: Sequence[tuple[str, int]]
    ) -> dict[tuple[str, int], list[tuple[str, str, str]]]: ...
