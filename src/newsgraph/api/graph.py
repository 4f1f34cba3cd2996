"""`Graph`: a knowledge graph kept in a store, for the CLI and (later) the web API to call."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from newsgraph import views
from newsgraph.api import resolution, screening
from newsgraph.api.extraction import default_pipeline, require_sentences
from newsgraph.errors import InputError, NewsgraphError, StoreError
from newsgraph.export.json import SCHEMA, document_dict, entity_dict, event_dict, relation_dict, write_export
from newsgraph.model import Document, Judgement
from newsgraph.resolve import DEFAULT_RESOLVER, Resolver
from newsgraph.store import open_store

DEFAULT_DB = "newsgraph.db"


def db_path(path: str | os.PathLike | None = None) -> Path:
    """The store path: the argument, else $NEWSGRAPH_DB, else ./newsgraph.db."""
    return Path(path or os.environ.get("NEWSGRAPH_DB") or DEFAULT_DB)


@dataclass
class Duplicate:
    """A text stored already, read again from `source` and recorded as another source of the
    document first read from `first_source`."""

    source: str | None
    first_source: str | None


@dataclass
class IngestReport:
    added: int = 0
    skipped: int = 0  # stored already, the duplicates included
    failed: int = 0
    errors: list[NewsgraphError] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)


class Graph:
    """A knowledge graph kept in a store; open it, ingest documents, ask it questions.

    >>> with Graph("newsgraph.db") as g:          # doctest: +SKIP
    ...     g.ingest(["demo/corpus"])
    ...     g.show("Idris Maleki").aliases
    """

    def __init__(self, path: str | os.PathLike | None = None, readonly: bool = False,
                 resolver: Resolver = DEFAULT_RESOLVER):
        """Open the store at `path`, creating or migrating it; with `readonly`, open an existing
        newsgraph store without writing anything (everything but `ingest` needs no more)."""
        self.path = db_path(path)
        self.store = open_store(self.path, readonly=readonly)
        self.resolver = resolver

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
        on_duplicate: Callable[[Duplicate], None] | None = None,
    ) -> IngestReport:
        """Read, analyse and store documents; each document is stored in its own transaction.

        A document already stored (same content hash) is skipped without being analysed, so a
        batch interrupted by a crash is finished by running it again. When it comes from
        another source, or with a title, url or date not recorded for it, that is recorded as
        another source of the stored document and reported through `on_duplicate`. Bad input
        is reported through `on_error` and counted; the rest of the batch goes on.
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

        def skip(document: Document) -> None:
            try:
                recorded = self.store.add_source(document)
                first = self.store.document_sources([document.id])[document.id][0] if recorded else None
            except StoreError as error:
                fail(error)
                return
            if first is not None:
                duplicate = Duplicate(document.source, first.source)
                report.duplicates.append(duplicate)
                if on_duplicate:
                    on_duplicate(duplicate)
            outcome(document, "skipped")

        def new_documents() -> Iterator[Document]:
            for item in iter_documents(paths, published=published):
                if isinstance(item, InputError):
                    fail(item)
                elif self.store.has_document(item.sha256):
                    skip(item)
                else:
                    yield item

        for analysis in default_pipeline().pipe(new_documents(), on_error=fail):
            try:
                require_sentences(analysis)
                added = self.store.add(analysis, self.resolver.clusters(analysis.entities), self.resolver.name)
            except (InputError, StoreError) as error:
                fail(error)
                continue
            if added:
                outcome(analysis.document, "added")
            else:  # stored by another process since it was read
                skip(analysis.document)
        if report.added:
            self.reresolve()
        return report

    def reresolve(self) -> int:
        """Cluster all base entities again across documents, honouring the recorded judgements;
        returns how many base entities changed cluster."""
        return resolution.reresolve(self.store, self.resolver)

    def why(self, a: str, b: str) -> resolution.Why:
        """The matcher's score of the entities called `a` and `b`, its parts, and the judgements about them."""
        return resolution.why(self.store, a, b)

    def judge(self, kind: str, a: str, b: str | None = None, author: str | None = None,
              reason: str = "") -> Judgement:
        """Record an analyst's `merge` (a, b), `not-same` (a, b) or `split` (a) judgement, by
        `author` (default $USER), and re-derive the clusters."""
        author = author or os.environ.get("USER") or "unknown"
        return resolution.judge(self.store, self.resolver, kind, a, b, author, reason)

    def judgements(self) -> list[Judgement]:
        """Every recorded judgement, oldest first."""
        return self.store.judgements()

    def undo(self, judgement_id: str) -> Judgement:
        """Delete a judgement (by id or a unique prefix of it) and re-derive the clusters."""
        return resolution.undo(self.store, self.resolver, judgement_id)

    def review(self, limit: int | None = 20) -> list[resolution.ReviewPair]:
        """Undecided pairs between the review and merge thresholds, most informative first."""
        return resolution.review(self.store, limit)

    def screen(self, list_path: str | os.PathLike, threshold: float | None = None) -> list[screening.Match]:
        """The graph's people and organisations found in the watchlist at `list_path`
        (FollowTheMoney JSON lines or CSV), best first (see `api.screening.screen`)."""
        return screening.screen(self.store, list_path, threshold)

    def entities(self, type: str | None = None, search: str | None = None,
                 limit: int | None = None) -> list[views.EntitySummary]:
        """Entities, most mentioned first (see `views.entities_table`)."""
        return views.entities_table(self.store, type=type, search=search, limit=limit)

    def resolve(self, name: str) -> views.EntitySummary:
        """The one entity called `name` (any alias, any case or accents)."""
        return views.find_entity(self.store, name)

    def show(self, name: str) -> views.EntityProfile:
        """Profile of one entity: type, aliases, documents, mentions with sentences, co-mentions."""
        return views.profile(self.store, self.resolve(name).id)

    def events(self, entity: str | None = None, type: str | None = None,
               start: date | None = None, end: date | None = None) -> list[views.EventItem]:
        """Events in timeline order, dated first (see `views.events`): those `entity` (a name,
        alias or id) takes part in, of `type`, overlapping `start`..`end`."""
        return views.events(self.store, self._entity_id(entity), type=type, start=start, end=end)

    def relations(self, entity: str | None = None, type: str | None = None) -> list[views.RelationItem]:
        """Relations of `type` with `entity` (a name, alias or id) as their subject or object."""
        return views.relations(self.store, self._entity_id(entity), type=type)

    def timeline(self, entity: str | None = None, start: date | None = None,
                 end: date | None = None) -> list[views.EventItem]:
        """The events of `entity` (of the whole graph without one): dated ones in time order at
        their granularity, then undated ones with their bounds."""
        return self.events(entity, start=start, end=end)

    def _entity_id(self, name: str | None) -> str | None:
        return None if name is None else self.resolve(name).id

    def search(self, query: str, limit: int = 20) -> list[views.SentenceHit]:
        """Stored sentences matching every word of `query`, best first."""
        return views.search(self.store, query, limit=limit)

    def _export_parts(self) -> dict[str, Iterator[dict]]:
        """The graph's documents, entities, relations and events as `newsgraph/1` items, streamed."""
        store = self.store
        return {
            "documents": (document_dict(d, store.iter_timexes(d.id), store.document_sources([d.id]).get(d.id, []))
                          for d in store.iter_documents()),
            "entities": (entity_dict(e, mentions) for e, mentions in store.iter_entities()),
            "relations": (relation_dict(r) for r in store.iter_relations()),
            "events": (event_dict(v) for v in views.resolved_events(store)),
        }

    def export(self, out) -> None:
        """Write the whole graph as `newsgraph/1` JSON to the text stream `out`."""
        parts = self._export_parts()
        write_export(out, parts["documents"], parts["entities"], parts["relations"], parts["events"])

    def export_to(self, fmt: str = "json", path: str | os.PathLike | None = None,
                  entity: str | None = None, depth: int = 1) -> None:
        """Write the graph (or the neighbourhood of `entity`, `depth` hops of relations and
        shared events) in format `fmt` (`newsgraph.export.formats.FORMATS`) to `path`, a file or a
        folder by format, standard output when None; the target is replaced only when complete."""
        from newsgraph.export.formats import write
        from newsgraph.export.neighbourhood import neighbourhood

        if entity is not None:
            data = neighbourhood(self.export_dict(), self.resolve(entity).id, depth)
        elif fmt == "json":  # streamed: the whole graph is never held in memory
            data = {"schema": SCHEMA, **self._export_parts()}
        else:
            data = self.export_dict()
        write(data, fmt, path)

    def export_dict(self) -> dict:
        """The whole graph as one `newsgraph/1` object in memory (for views drawn from it)."""
        return {"schema": SCHEMA, **{key: list(items) for key, items in self._export_parts().items()}}

    def write_dossier(self, name: str, path: str | os.PathLike) -> None:
        """Write the offline HTML dossier page of the actor called `name` (docs/dossier.md)."""
        from newsgraph.dossier import render_dossier
        from newsgraph.export.targets import atomic_file

        page = render_dossier(self.export_dict(), name)
        with atomic_file(path) as out:
            out.write(page.encode("utf-8"))

    def write_dossiers(self, out_dir: str | os.PathLike):
        """An index page and one dossier page per person and organisation, written into `out_dir`."""
        from newsgraph.dossier import write_dossiers

        return write_dossiers(self.export_dict(), out_dir)
