"""The Python API: what the CLI (and later the REST server) call.

`extract` is stateless; `Graph` is a knowledge graph kept in a store on disk.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from newsgraph.errors import Ambiguous, InputError, NewsgraphError, NotFound, StoreError
from newsgraph.export.json import (
    analyses_export,
    document_dict,
    entity_dict,
    event_dict,
    relation_dict,
    write_export,
)
from newsgraph.model import Analysis, Document

DEFAULT_DB = "newsgraph.db"


@lru_cache(maxsize=1)
def default_pipeline():
    """The default pipeline, built once per process (loading spaCy takes seconds)."""
    from newsgraph.pipeline import Pipeline

    return Pipeline()


def analyze(document: Document) -> Analysis:
    """Run the default pipeline over one document."""
    analysis = default_pipeline().analyze(document)
    _require_sentences(analysis)
    return analysis


def extract(text: str, published: date | None = None, title: str | None = None,
            source: str | None = None) -> dict:
    """The `newsgraph/1` export of one text, without storing anything."""
    return analyses_export([analyze(Document(text=text, title=title, source=source, published=published))])


def _require_sentences(analysis: Analysis) -> None:
    if not analysis.sentences:
        raise InputError("no sentences in the document", source=analysis.document.source)


def db_path(path: str | os.PathLike | None = None) -> Path:
    """The store path: the argument, else $NEWSGRAPH_DB, else ./newsgraph.db."""
    return Path(path or os.environ.get("NEWSGRAPH_DB") or DEFAULT_DB)


@dataclass
class IngestReport:
    added: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[NewsgraphError] = field(default_factory=list)


class Graph:
    """A knowledge graph kept in a store; open it, ingest documents, ask it questions.

    >>> with Graph("newsgraph.db") as g:          # doctest: +SKIP
    ...     g.ingest(["demo/corpus"])
    ...     g.show("Idris Maleki").aliases
    """

    def __init__(self, path: str | os.PathLike | None = None, create: bool = True):
        from newsgraph.store import open_store

        self.path = db_path(path)
        if not create and not self.path.exists():
            raise StoreError("no newsgraph store here (run `newsgraph ingest` first)", source=str(self.path))
        self.store = open_store(self.path)

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def ingest(
        self,
        paths: Iterable[str | os.PathLike],
        published: date | None = None,
        on_error: Callable[[NewsgraphError], None] | None = None,
        on_document: Callable[[Document, str], None] | None = None,
    ) -> IngestReport:
        """Read, analyse and store documents; each document is stored in its own transaction.

        A document already stored (same content hash) is skipped without being analysed, so a
        batch interrupted by a crash is finished by running it again. Bad input is reported
        through `on_error` and counted; the rest of the batch goes on.
        """
        from newsgraph.ingest import iter_documents

        report = IngestReport()

        def fail(error: NewsgraphError) -> None:
            report.failed += 1
            report.errors.append(error)
            if on_error:
                on_error(error)

        def outcome(document: Document, what: str) -> None:
            setattr(report, what, getattr(report, what) + 1)
            if on_document:
                on_document(document, what)

        def new_documents() -> Iterator[Document]:
            for item in iter_documents(paths, published=published):
                if isinstance(item, InputError):
                    fail(item)
                elif self.store.has_document(item.sha256):
                    outcome(item, "skipped")
                else:
                    yield item

        for analysis in default_pipeline().pipe(new_documents(), on_error=fail):
            try:
                _require_sentences(analysis)
                added = self.store.add(analysis)
            except (InputError, StoreError) as error:
                fail(error)
                continue
            outcome(analysis.document, "added" if added else "skipped")
        return report

    def entities(self, type: str | None = None, search: str | None = None, limit: int | None = None):
        return self.store.entities(type=type, search=search, limit=limit)

    def resolve(self, name: str):
        """The one entity called `name` (any alias, any case or accents)."""
        found = self.store.find_entities(name)
        if not found:
            raise NotFound(f"no entity named {name!r}")
        if len(found) > 1:
            listing = "; ".join(f"{e.name} ({e.type}, {e.id})" for e in found)
            raise Ambiguous(f"{name!r} matches {len(found)} entities: {listing}", candidates=found)
        return found[0]

    def show(self, name: str):
        """Profile of one entity: type, aliases, documents, mentions with sentences, co-mentions."""
        return self.store.profile(self.resolve(name).id)

    def search(self, query: str, limit: int = 20):
        return self.store.search(query, limit=limit)

    def export(self, out) -> None:
        """Write the whole graph as `newsgraph/1` JSON to the text stream `out`."""
        store = self.store
        write_export(
            out,
            (document_dict(d, store.iter_timexes(d.id)) for d in store.iter_documents()),
            (entity_dict(e) for e in store.iter_entities()),
            (relation_dict(r) for r in store.iter_relations()),
            (event_dict(v) for v in store.iter_events()),
        )
