"""The SQL every backend shares: migrations, writes, reads and the views' narrow queries.

Plain SQL with `?` marks, run through a `Dialect`; a backend module supplies the connection,
its dialect and the parts no standard covers (full-text search). Entities are read through
`entity_clusters` and the `resolved_mentions` view, so a resolved entity is a cluster of base
entities whose rows are never rewritten.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from itertools import groupby
from typing import Self

from newsgraph.errors import NotFound, StoreError
from newsgraph.model import (
    Analysis,
    Anchor,
    Document,
    Entity,
    Event,
    EventTime,
    Evidence,
    Geo,
    Judgement,
    Mention,
    Participant,
    Relation,
    Sentence,
    Timex,
    fold,
)
from newsgraph.store.dialect import Dialect
from newsgraph.store.protocol import (
    CoMentionCount,
    DocumentRecord,
    DocumentSource,
    EntityCount,
    MentionRow,
    SentenceMatch,
)
from newsgraph.store.schema import VERSION_TABLE, migrations_for, pending
from newsgraph.store.validation import check_analysis
from newsgraph.text import parse_day

# Ids per `IN (...)` list, well below every backend's limit on parameters.
CHUNK = 500
# Recorded as the source of a cluster when no resolver decided it: the base entity alone.
SINGLETON = "singleton"

_DOCUMENT_COLUMNS = "id, sha256, title, source, url, published, language, ingested_at"
_SOURCE_COLUMNS = ("source", "title", "url", "published")
_MENTION_COLUMNS = "id, doc_id, start_char, end_char, text, type, kind, sentence_index, entity_id, canonical"
# The resolved entities: one row per cluster, that of its representative base entity.
_RESOLVED = "entities e WHERE e.id IN (SELECT cluster_id FROM entity_clusters)"
_GEO_COLUMNS = "geo_lat, geo_lon, geo_country, geo_source, geo_region, geo_precision"


def _geo_columns(geo: Geo | None) -> tuple:
    """The values of _GEO_COLUMNS for a place's geo (all null without one)."""
    return (geo.lat, geo.lon, geo.country, geo.source, geo.region, geo.precision) if geo else (None,) * 6


def _geo(columns: Sequence) -> Geo | None:
    """A Geo from the values of _GEO_COLUMNS."""
    return Geo(*columns) if columns[0] is not None else None
# (cluster id, alias, alias key) of every cluster: its base entities' aliases, and the names of
# its members other than the representative.
_CLUSTER_ALIASES = (
    "(SELECT c.cluster_id, a.alias, a.alias_key FROM entity_aliases a"
    " JOIN entity_clusters c ON c.entity_id = a.entity_id"
    " UNION SELECT c.cluster_id, b.name, b.name_key FROM entities b"
    " JOIN entity_clusters c ON c.entity_id = b.id WHERE b.id <> c.cluster_id) ca"
)


class SQLStore:
    """A newsgraph store over a DB-API connection; subclasses connect and add their own parts."""

    dialect: Dialect
    location: str

    def __init__(self, connection, location: str):
        self._conn = connection
        self.location = location

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    # -- backend hooks --------------------------------------------------------------------

    def _in_transaction(self) -> bool:
        raise NotImplementedError

    def _index_sentences(self, doc_id: str, sentences: Sequence[Sentence]) -> None:
        """Add a document's sentences to the full-text index."""
        raise NotImplementedError

    def _match_sentences(
        self, terms: Sequence[str], limit: int, highlight: tuple[str, str]
    ) -> list[SentenceMatch]:
        raise NotImplementedError

    # -- plumbing -------------------------------------------------------------------------

    @contextmanager
    def _failures(self, action: str, source: str | None = None):
        """Database errors become StoreError naming the action and the store."""
        try:
            yield
        except (*self.dialect.errors, UnicodeError) as exc:
            raise StoreError(f"{action}: {exc}", source=source or self.location) from exc

    def _execute(self, sql: str, params: Sequence = ()):
        cursor = self._conn.cursor()
        cursor.execute(self.dialect.sql(sql), params)
        return cursor

    def _executemany(self, sql: str, rows: Iterable[Sequence]) -> None:
        self._conn.cursor().executemany(self.dialect.sql(sql), rows)

    @contextmanager
    def _transaction(self):
        """A write transaction that takes the write lock up front, so it never deadlocks midway."""
        self._execute(self.dialect.begin_write)
        try:
            yield
            self._execute("COMMIT")
        except BaseException:
            # The database may have rolled back already after some errors (a full disk, say).
            if self._in_transaction():
                self._execute("ROLLBACK")
            raise

    def _applied_version(self) -> int:
        self._execute(VERSION_TABLE)
        (version,) = self._execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return version or 0

    def _migrate(self) -> None:
        migrations = migrations_for(self.dialect.name)
        if not pending(self._applied_version(), migrations, self.location):
            return
        with self._transaction():
            # Read again under the lock: another process may have migrated meanwhile.
            for migration in pending(self._applied_version(), migrations, self.location):
                for statement in self.dialect.statements(migration.sql):
                    self._execute(statement)
                self._execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, _now()),
                )

    def _check_readable(self) -> None:
        """Refuse, without writing anything, a database that is not a newsgraph store, or one
        whose schema this code cannot read as it is."""
        if not all(self._execute(self.dialect.table_exists, (t,)).fetchone() for t in ("schema_migrations", "documents")):
            raise StoreError("not a newsgraph store (it has no newsgraph tables)", source=self.location)
        (applied,) = self._execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        missing = pending(applied or 0, migrations_for(self.dialect.name), self.location)
        if missing:
            raise StoreError(
                f"store has schema version {applied or 0}, older than this newsgraph reads"
                f" ({missing[-1].version}); open it once for writing (newsgraph ingest) to upgrade it",
                source=self.location,
            )

    def schema_version(self) -> int:
        with self._failures("cannot read the schema version"):
            return self._applied_version()

    def _rows(self, sql: str, params: Sequence = ()) -> list[tuple]:
        with self._failures("cannot read the store"):
            return self._execute(sql, params).fetchall()

    def _stream(self, sql: str, params: Sequence = ()) -> Iterator[tuple]:
        """Rows one at a time from a cursor, so large results never sit in memory."""
        with self._failures("cannot read the store"):
            # Not `yield from`: that would close the cursor when the generator is dropped,
            # which fails once the store itself has been closed.
            for row in self._execute(sql, params):  # noqa: UP028
                yield row

    def _rows_in(self, sql: str, keys: Sequence) -> Iterator[tuple]:
        """Rows of `sql` for many keys, CHUNK keys per query: `{keys}` in `sql` becomes a list
        of marks, one `?` per key, or one `(?, ?)` row value per tuple key."""
        for i in range(0, len(keys), CHUNK):
            chunk = keys[i : i + CHUNK]
            if isinstance(chunk[0], tuple):
                marks = ", ".join("(" + ", ".join("?" * len(key)) + ")" for key in chunk)
                params = [value for key in chunk for value in key]
            else:
                marks, params = ", ".join("?" * len(chunk)), chunk
            yield from self._rows(sql.replace("{keys}", marks), params)

    # -- writing --------------------------------------------------------------------------

    def add(
        self, analysis: Analysis, clusters: Mapping[str, str] | None = None, resolver: str = SINGLETON
    ) -> bool:
        """Store a document and all that was found in it, in one transaction.

        Returns False, writing nothing, when a document with the same content is stored
        already. Raises StoreError, writing nothing, when the analysis does not fit its
        document or breaks a constraint of the schema. A base entity seen for the first time
        joins the cluster `clusters` names for it (its own by default), recorded as decided by
        `resolver`; one seen before keeps its cluster.
        """
        check_analysis(analysis)
        document = analysis.document
        with (
            self._failures("cannot store the document", source=document.source or document.id),
            self._transaction(),
        ):
            if self._has_document(document.sha256):
                return False
            self._write(analysis, clusters or {}, resolver)
        return True

    def _write(self, analysis: Analysis, clusters: Mapping[str, str], resolver: str) -> None:
        doc = analysis.document
        self._execute(
            "INSERT INTO documents (id, sha256, title, source, url, published, language, text, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.id,
                doc.sha256,
                doc.title,
                doc.source,
                doc.url,
                doc.published.isoformat() if doc.published else None,
                doc.language,
                doc.text,
                _now(),
            ),
        )
        self._record_source(doc)
        self._executemany(
            "INSERT INTO sentences (doc_id, sentence_index, start_char, end_char, text)"
            " VALUES (?, ?, ?, ?, ?)",
            ((doc.id, s.index, s.start, s.end, s.text) for s in analysis.sentences),
        )
        self._index_sentences(doc.id, analysis.sentences)
        for entity in analysis.entities:
            self._add_base_entity(entity)
        self._executemany(
            "INSERT INTO entity_clusters (entity_id, cluster_id, resolver) VALUES (?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            ((e.id, clusters.get(e.id, e.id), resolver) for e in analysis.entities),
        )
        self._executemany(
            f"INSERT INTO mentions ({_MENTION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (m.id, doc.id, m.start, m.end, m.text, m.type, m.kind, _sentence_index(analysis, m),
                 m.entity, m.canonical)
                for m in analysis.mentions
            ),
        )
        self._executemany(
            "INSERT INTO timexes (id, doc_id, start_char, end_char, text, type, value, earliest, latest,"
            " granularity, mod, anchored, anchor_timex, anchor_text, anchor_relation, anchor_offset)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (t.id, doc.id, t.start, t.end, t.text, t.type, t.value, t.earliest, t.latest, t.granularity,
                 t.mod, int(t.anchor is not None), *_anchor_columns(t.anchor))
                for t in analysis.timexes
            ),
        )
        for relation in analysis.relations:
            self._add_relation(relation)
        for event in analysis.events:
            self._add_event(event)
        self._executemany(
            "INSERT INTO event_clusters (event_id, cluster_id, resolver) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            ((v.id, v.id, SINGLETON) for v in analysis.events),
        )

    def _add_base_entity(self, entity: Entity) -> None:
        """One row per base entity id across documents: what each document says of it is
        added (aliases unioned, the longer spelling of its name kept, the first place found).
        Rows of different base ids are never merged here: that is resolution's job."""
        row = self._execute("SELECT name, geo_lat FROM entities WHERE id = ?", (entity.id,)).fetchone()
        aliases = set(entity.aliases)
        if row is None:
            geo = entity.geo
            self._execute(
                "INSERT INTO entities (id, type, name, name_key, geo_lat, geo_lon, geo_country, geo_source,"
                " geo_region, geo_precision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (entity.id, entity.type, entity.name, fold(entity.name), *_geo_columns(geo)),
            )
            name = entity.name
        else:
            name, lat = row
            if len(entity.name) > len(name):
                self._execute(
                    "UPDATE entities SET name = ?, name_key = ? WHERE id = ?",
                    (entity.name, fold(entity.name), entity.id),
                )
                aliases.add(name)
                name = entity.name
            else:
                aliases.add(entity.name)
            if lat is None and entity.geo:
                self._execute(
                    "UPDATE entities SET geo_lat = ?, geo_lon = ?, geo_country = ?, geo_source = ?,"
                    " geo_region = ?, geo_precision = ? WHERE id = ?",
                    (*_geo_columns(entity.geo), entity.id),
                )
        self._executemany(
            "INSERT INTO entity_aliases (entity_id, alias, alias_key) VALUES (?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            ((entity.id, a, fold(a)) for a in sorted(aliases) if fold(a) != fold(name)),
        )

    def _add_evidence(self, table: str, key: str, owner: str, evidence: Iterable[Evidence]) -> None:
        self._executemany(
            f"INSERT INTO {table} ({key}, doc_id, start_char, end_char, sentence, sentence_index, mention_ids,"
            " source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            ((owner, ev.doc, ev.start, ev.end, ev.sentence, ev.sentence_index, " ".join(ev.mentions), ev.source)
             for ev in evidence),
        )

    def _add_relation(self, r: Relation) -> None:
        """A relation found again in another document gains that document's evidence."""
        self._execute(
            "INSERT INTO relations (id, type, subject_id, object_id, certainty, role) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            (r.id, r.type, r.subject, r.object, r.certainty, r.role),
        )
        self._add_evidence("relation_evidence", "relation_id", r.id, r.evidence)

    def _add_event(self, v: Event) -> None:
        """An event found again in another document gains its participants and evidence."""
        t = v.time
        self._execute(
            "INSERT INTO events (id, type, place_id, has_time, time_value, time_earliest, time_latest,"
            " time_granularity, time_expression, certainty, modality)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            (
                v.id,
                v.type,
                v.place,
                int(t is not None),
                *((t.value, t.earliest, t.latest, t.granularity, t.expression) if t else (None,) * 5),
                v.certainty,
                v.modality,
            ),
        )
        self._executemany(
            "INSERT INTO event_participants (event_id, entity_id, position, role, remote)"
            " VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            ((v.id, p.entity, i, p.role, int(p.remote)) for i, p in enumerate(v.participants)),
        )
        self._add_evidence("event_evidence", "event_id", v.id, v.evidence)

    def add_source(self, document: Document) -> bool:
        """Record that a stored document's text was read again from `document.source`, with the
        title, url and published date given there. False, writing nothing, when that tells
        nothing new (see `_record_source`); StoreError when the document is not stored."""
        with self._failures("cannot record the source", source=document.source or document.id), \
                self._transaction():
            if not self._has_document(document.sha256):
                raise StoreError(f"document {document.id} is not stored", source=document.source)
            return self._record_source(document)

    def _record_source(self, doc: Document) -> bool:
        """Add the source row unless a row of the same document already says all it says: the
        same source (or both none), and each of title, url, published the same or not given now
        (a re-run without --published tells nothing new)."""
        values = (doc.source, doc.title, doc.url, doc.published.isoformat() if doc.published else None)
        same_source = "(source = ? OR (source IS NULL AND ? IS NULL))"
        same_or_unsaid = " AND ".join(f"({c} = ? OR ? IS NULL)" for c in _SOURCE_COLUMNS[1:])
        if self._execute(
            f"SELECT 1 FROM document_sources WHERE doc_id = ? AND {same_source} AND {same_or_unsaid}",
            (doc.id, *(v for v in values for _ in range(2))),
        ).fetchone():
            return False
        self._execute(
            f"INSERT INTO document_sources (doc_id, {', '.join(_SOURCE_COLUMNS)}, recorded_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (doc.id, *values, _now(precise=True)),
        )
        return True

    def add_judgement(self, judgement: Judgement) -> None:
        """Record an analyst's judgement; recording the same one twice keeps one."""
        j = judgement
        with self._failures("cannot record the judgement"), self._transaction():
            self._execute(
                "INSERT INTO entity_judgements (id, kind, left_id, right_id, author, made_at, reason)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (j.id, j.kind, j.left, j.right, j.author, j.made_at, j.reason),
            )

    def remove_judgement(self, judgement_id: str) -> bool:
        """Delete a recorded judgement (undo it); False when there is none with that id."""
        with self._failures("cannot remove the judgement"), self._transaction():
            removed = self._execute("DELETE FROM entity_judgements WHERE id = ?", (judgement_id,)).rowcount
        return removed > 0

    def replace_clusters(self, clusters: Mapping[str, str], resolver: str) -> int:
        """Give base entities the clusters `clusters` names (base id → resolved id), recorded as
        decided by `resolver`, in one transaction; returns how many changed. Entity rows and
        mentions are not touched: a resolved entity is only a cluster over base ids."""
        return self._replace("entity", self.clusters(), clusters, resolver)

    def replace_event_clusters(self, clusters: Mapping[str, str], resolver: str) -> int:
        """Give events the clusters `clusters` names (event id → the id of its cluster's event
        shown for it), recorded as decided by `resolver`, in one transaction; returns how many
        changed. Event rows are not touched."""
        return self._replace("event", self.event_clusters(), clusters, resolver)

    def _replace(self, kind: str, current: Mapping[str, str], clusters: Mapping[str, str], resolver: str) -> int:
        """Update the `kind`_clusters rows whose cluster `clusters` changes; returns how many."""
        changed = [(cluster, resolver, member) for member, cluster in clusters.items()
                   if member in current and current[member] != cluster]
        with self._failures(f"cannot store the {kind} clusters"), self._transaction():
            self._executemany(f"UPDATE {kind}_clusters SET cluster_id = ?, resolver = ? WHERE {kind}_id = ?", changed)
        return len(changed)

    def event_clusters(self) -> dict[str, str]:
        """Per-document event id → the id of the event across documents it belongs to."""
        return dict(self._rows("SELECT event_id, cluster_id FROM event_clusters ORDER BY event_id"))

    def published_dates(self, doc_ids: Sequence[str]) -> dict[str, date]:
        """The earliest publication date any source gives each document (undated ones left out)."""
        return {doc: parse_day(day) for doc, day in self._rows_in(
            "SELECT doc_id, MIN(published) FROM document_sources WHERE doc_id IN ({keys})"
            " AND published IS NOT NULL GROUP BY doc_id", doc_ids)}

    # -- documents ------------------------------------------------------------------------

    def _has_document(self, sha256: str) -> bool:
        return self._execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)).fetchone() is not None

    def has_document(self, sha256: str) -> bool:
        with self._failures("cannot read the store"):
            return self._has_document(sha256)

    def documents(self) -> list[DocumentRecord]:
        """Every stored document without its text, in the order they were added."""
        return [
            DocumentRecord(id_, sha, title, source, url, _date(published), language, ingested)
            for id_, sha, title, source, url, published, language, ingested in self._rows(
                f"SELECT {_DOCUMENT_COLUMNS} FROM documents ORDER BY ingested_at, id"
            )
        ]

    def document_sources(self, doc_ids: Sequence[str]) -> dict[str, list[DocumentSource]]:
        """Every source each document was read from, the first first."""
        found: dict[str, list[DocumentSource]] = {}
        for doc, source, title, url, published in self._rows_in(
            f"SELECT doc_id, {', '.join(_SOURCE_COLUMNS)} FROM document_sources"
            " WHERE doc_id IN ({keys}) ORDER BY doc_id, recorded_at",
            doc_ids,
        ):
            found.setdefault(doc, []).append(DocumentSource(source, title, url, _date(published)))
        return found

    def document(self, doc_id: str) -> Document:
        rows = self._rows(
            "SELECT text, title, source, url, published, language FROM documents WHERE id = ?", (doc_id,)
        )
        if not rows:
            raise NotFound(f"no document {doc_id!r} in the store", source=self.location)
        return _document(rows[0])

    def entity_refs(self, entity_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """(type, name) of each resolved entity of `entity_ids`: what a listing of facts names."""
        return {id_: (type_, name) for id_, type_, name in self._rows_in(
            "SELECT id, type, name FROM entities WHERE id IN ({keys})", entity_ids)}

    def document_titles(self, doc_ids: Sequence[str]) -> dict[str, str | None]:
        """The title of each stored document of `doc_ids`."""
        return dict(self._rows_in("SELECT id, title FROM documents WHERE id IN ({keys})", doc_ids))

    def iter_documents(self) -> Iterator[Document]:
        for row in self._stream(
            "SELECT text, title, source, url, published, language FROM documents ORDER BY ingested_at, id"
        ):
            yield _document(row)

    def iter_timexes(self, doc_id: str) -> Iterator[Timex]:
        for row in self._stream(
            "SELECT doc_id, start_char, end_char, text, type, value, earliest, latest, granularity,"
            " anchored, anchor_timex, anchor_text, anchor_relation, anchor_offset, mod"
            " FROM timexes WHERE doc_id = ? ORDER BY start_char, end_char",
            (doc_id,),
        ):
            *fields, anchored, anchor_timex, anchor_text, relation, offset, mod = row
            anchor = Anchor(anchor_timex, anchor_text, relation, offset) if anchored else None
            yield Timex(*fields, anchor=anchor, mod=mod)

    def text_slice(self, doc_id: str, start: int, end: int) -> str:
        """Characters [start:end] of a stored document's text."""
        rows = self._rows("SELECT SUBSTR(text, ?, ?) FROM documents WHERE id = ?", (start + 1, end - start, doc_id))
        if not rows:
            raise NotFound(f"no document {doc_id!r} in the store", source=self.location)
        return rows[0][0]

    # -- entities -------------------------------------------------------------------------

    def aliases(self, entity_ids: Sequence[str]) -> dict[str, list[str]]:
        """The aliases of resolved entities: those of all the base entities of each cluster and
        the names of its members other than the representative."""
        found: dict[str, list[str]] = {}
        for entity_id, alias in self._rows_in(
            f"SELECT cluster_id, alias FROM {_CLUSTER_ALIASES}"
            " WHERE cluster_id IN ({keys}) ORDER BY cluster_id, alias_key, alias",
            entity_ids,
        ):
            found.setdefault(entity_id, []).append(alias)
        return found

    def _counts(self, where: list[str], params: list, limit: int | None = None) -> list[EntityCount]:
        sql = (
            "SELECT e.id, e.type, e.name,"
            " (SELECT COUNT(DISTINCT m.doc_id) FROM resolved_mentions m WHERE m.entity_id = e.id) AS documents,"
            " (SELECT COUNT(*) FROM resolved_mentions m WHERE m.entity_id = e.id) AS mentions"
            f" FROM {_RESOLVED}"
            + "".join(f" AND ({w})" for w in where)
            + " ORDER BY mentions DESC, documents DESC, e.name_key, e.id"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params = [*params, limit]
        return self._rows(sql, params)

    def entity_counts(
        self, type: str | None = None, key_contains: str | None = None, limit: int | None = None
    ) -> list[EntityCount]:
        """Resolved entities with their document and mention counts, most mentioned first;
        `key_contains` is a substring of the folded name or of a folded alias."""
        where: list[str] = []
        params: list = []
        if type is not None:
            where.append("e.type = ?")
            params.append(type)
        if key_contains is not None:
            # A folded key holds only letters, digits and spaces, so no LIKE wildcards.
            pattern = f"%{key_contains}%"
            where.append(f"e.name_key LIKE ? OR e.id IN (SELECT cluster_id FROM {_CLUSTER_ALIASES}"
                         " WHERE alias_key LIKE ?)")
            params += [pattern, pattern]
        return self._counts(where, params, limit)

    def entities_named(self, key: str, entity_id: str) -> list[EntityCount]:
        """Resolved entities with the id `entity_id`, or with a base entity whose folded name
        or alias is `key`."""
        return self._counts(
            [
                "e.id = ? OR e.id IN (SELECT c.cluster_id FROM entity_clusters c"
                " JOIN entities b ON b.id = c.entity_id WHERE b.name_key = ?"
                " OR b.id IN (SELECT a.entity_id FROM entity_aliases a WHERE a.alias_key = ?))"
            ],
            [entity_id, key, key],
        )

    def _entity_rows(self, where: str = "", params: Sequence = ()) -> Iterator[Entity]:
        """Resolved entities (aliases of the whole cluster, representative's name and place),
        streamed in id order."""
        entities = self._stream(
            f"SELECT id, type, name, {_GEO_COLUMNS} FROM {_RESOLVED}{where}"
            " ORDER BY e.id",
            params,
        )
        aliases = _Groups(
            self._stream(
                f"SELECT cluster_id, alias FROM {_CLUSTER_ALIASES}"
                f" WHERE cluster_id IN (SELECT e.id FROM {_RESOLVED}{where})"
                " ORDER BY cluster_id, alias_key, alias",
                params,
            )
        )
        for id_, type_, name, *geo in entities:
            yield Entity(id_, type_, name, [a for _, a in aliases.take(id_)], _geo(geo))

    def entity(self, entity_id: str) -> Entity | None:
        """One resolved entity, or None."""
        return next(self._entity_rows(" AND e.id = ?", (entity_id,)), None)

    def iter_base_entities(self) -> Iterator[Entity]:
        """Every base entity as stored, in id order: what a resolver clusters."""
        aliases = _Groups(
            self._stream("SELECT entity_id, alias FROM entity_aliases ORDER BY entity_id, alias_key, alias")
        )
        for id_, type_, name, *geo in self._stream(
            f"SELECT id, type, name, {_GEO_COLUMNS} FROM entities ORDER BY id"
        ):
            yield Entity(id_, type_, name, [a for _, a in aliases.take(id_)], _geo(geo))

    def iter_entities(self) -> Iterator[tuple[Entity, list[Mention]]]:
        """Every resolved entity with all its mentions, streamed in id order."""
        mentions = _Groups(
            self._stream(
                "SELECT entity_id, id, doc_id, start_char, end_char, text, type, kind, sentence_index,"
                " base_id, canonical FROM resolved_mentions ORDER BY entity_id, doc_id, start_char, id"
            )
        )
        for entity in self._entity_rows():
            yield entity, [_mention(row[1:]) for row in mentions.take(entity.id)]

    def clusters(self) -> dict[str, str]:
        """Base entity id → resolved entity id, for every base entity."""
        return dict(self._rows("SELECT entity_id, cluster_id FROM entity_clusters ORDER BY entity_id"))

    def base_mention_counts(self) -> dict[str, int]:
        """Base entity id → how many mentions name it."""
        return dict(self._rows("SELECT entity_id, COUNT(*) FROM mentions GROUP BY entity_id"))

    def judgements(self) -> list[Judgement]:
        """Every recorded judgement, oldest first."""
        return [
            Judgement(kind, left, right, author, made_at, reason)
            for kind, left, right, author, made_at, reason in self._rows(
                "SELECT kind, left_id, right_id, author, made_at, reason FROM entity_judgements"
                " ORDER BY made_at, id"
            )
        ]

    def mention_rows(self, entity_id: str) -> list[MentionRow]:
        """Every mention of a resolved entity with its document title and sentence, in the
        order the documents were added and then in text order."""
        return self._rows(
            "SELECT m.id, m.doc_id, d.title, m.start_char, m.end_char, m.text, m.kind, m.sentence_index,"
            " s.start_char, s.text FROM resolved_mentions m JOIN documents d ON d.id = m.doc_id"
            " LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.sentence_index = m.sentence_index"
            " WHERE m.entity_id = ? ORDER BY d.ingested_at, d.id, m.start_char",
            (entity_id,),
        )

    def co_mention_counts(self, entity_id: str) -> list[CoMentionCount]:
        """Entities sharing a document with `entity_id`, with how many sentences and documents
        they share, those sharing most sentences first."""
        return self._rows(
            # The entity's own documents and sentences are made distinct first: joining its
            # mentions to every other mention directly grows with the square of a document.
            "SELECT e.id, e.type, e.name, COALESCE(s.shared, 0), d.shared FROM"
            " (SELECT o.entity_id, COUNT(DISTINCT o.doc_id) AS shared FROM"
            "   (SELECT DISTINCT doc_id FROM resolved_mentions WHERE entity_id = ?) own"
            "   JOIN resolved_mentions o ON o.doc_id = own.doc_id"
            "   WHERE o.entity_id <> ?"
            "  GROUP BY o.entity_id) d"
            " JOIN entities e ON e.id = d.entity_id"
            " LEFT JOIN"
            " (SELECT pairs.entity_id, COUNT(*) AS shared FROM"
            "   (SELECT DISTINCT o.entity_id, o.doc_id, o.sentence_index FROM"
            "     (SELECT DISTINCT doc_id, sentence_index FROM resolved_mentions WHERE entity_id = ?) own"
            "     JOIN resolved_mentions o ON o.doc_id = own.doc_id AND o.sentence_index = own.sentence_index"
            "     WHERE o.entity_id <> ?) pairs"
            "  GROUP BY pairs.entity_id) s ON s.entity_id = d.entity_id"
            " ORDER BY 4 DESC, 5 DESC, e.name_key, e.id",
            (entity_id, entity_id, entity_id, entity_id),
        )

    def search_sentences(
        self, terms: Sequence[str], limit: int, highlight: tuple[str, str]
    ) -> list[SentenceMatch]:
        """(doc id, sentence index, text, snippet, score) of the sentences containing every one
        of `terms`, best first; `highlight` marks the matched words in the snippet."""
        with self._failures("cannot search the store"):
            return self._match_sentences(terms, limit, highlight)

    def sentences_entities(
        self, sentences: Sequence[tuple[str, int]]
    ) -> dict[tuple[str, int], list[tuple[str, str, str]]]:
        """(id, type, name) of the resolved entities each (doc id, sentence index) mentions, by
        name."""
        found: dict[tuple[str, int], list[tuple[str, str, str]]] = {}
        for doc, index, id_, type_, name, _ in self._rows_in(
            "SELECT DISTINCT m.doc_id, m.sentence_index, e.id, e.type, e.name, e.name_key"
            " FROM resolved_mentions m JOIN entities e ON e.id = m.entity_id"
            " WHERE (m.doc_id, m.sentence_index) IN (VALUES {keys})"
            " ORDER BY m.doc_id, m.sentence_index, e.name_key, e.id",
            sentences,
        ):
            found.setdefault((doc, index), []).append((id_, type_, name))
        return found

    # -- relations and events -------------------------------------------------------------

    def iter_relations(self) -> Iterator[Relation]:
        """Every relation, its subject and object as resolved entities."""
        evidence = _Groups(
            self._stream(
                "SELECT relation_id, doc_id, start_char, end_char, sentence, sentence_index, mention_ids, source_id"
                " FROM relation_evidence ORDER BY relation_id, doc_id, start_char, end_char"
            )
        )
        for id_, type_, subject, object_, certainty, role in self._stream(
            "SELECT r.id, r.type, cs.cluster_id, co.cluster_id, r.certainty, r.role FROM relations r"
            " JOIN entity_clusters cs ON cs.entity_id = r.subject_id"
            " JOIN entity_clusters co ON co.entity_id = r.object_id ORDER BY r.id"
        ):
            yield Relation(id_, type_, subject, object_, certainty, [_evidence(r[1:]) for r in evidence.take(id_)],
                           role)

    def iter_events(self) -> Iterator[Event]:
        """Every event, its participants and place as resolved entities."""
        participants = _Groups(
            self._stream(
                "SELECT p.event_id, c.cluster_id, p.role, p.remote FROM event_participants p"
                " JOIN entity_clusters c ON c.entity_id = p.entity_id ORDER BY p.event_id, p.position, p.entity_id"
            )
        )
        evidence = _Groups(
            self._stream(
                "SELECT event_id, doc_id, start_char, end_char, sentence, sentence_index, mention_ids, source_id"
                " FROM event_evidence ORDER BY event_id, doc_id, start_char, end_char"
            )
        )
        for row in self._stream(
            "SELECT v.id, v.type, c.cluster_id, v.has_time, v.time_value, v.time_earliest, v.time_latest,"
            " v.time_granularity, v.time_expression, v.certainty, v.modality FROM events v"
            " LEFT JOIN entity_clusters c ON c.entity_id = v.place_id ORDER BY v.id"
        ):
            id_, type_, place, has_time, *time_fields, certainty, modality = row
            yield Event(
                id=id_,
                type=type_,
                participants=[
                    Participant(entity, role, bool(remote))
                    for _, entity, role, remote in participants.take(id_)
                ],
                place=place,
                time=EventTime(*time_fields) if has_time else None,
                certainty=certainty,
                modality=modality,
                evidence=[_evidence(r[1:]) for r in evidence.take(id_)],
            )


class _Groups:
    """Consecutive rows sharing their first column, taken in the order of a parallel listing.

    Both listings must be sorted by the same key and every row's key must occur in the
    listing that drives `take`; then a merge needs one pass and constant memory.
    """

    def __init__(self, rows: Iterable[tuple]):
        self._groups = groupby(rows, key=lambda row: row[0])
        self._next = next(self._groups, None)

    def take(self, key: str) -> list[tuple]:
        if self._next is None or self._next[0] != key:
            return []
        rows = list(self._next[1])
        self._next = next(self._groups, None)
        return rows


def _now(precise: bool = False) -> str:
    """The time in UTC, ISO 8601; `precise` to order rows written within one second."""
    return datetime.now(UTC).isoformat(timespec="microseconds" if precise else "seconds")


def _date(value: str | None) -> date | None:
    return parse_day(value) if value else None


def _document(row: tuple) -> Document:
    text, title, source, url, published, language = row
    return Document(text, title, source, url, _date(published), language)


def _mention(row: tuple) -> Mention:
    _, doc, start, end, text, type_, kind, sentence, entity, canonical = row
    return Mention(doc, start, end, text, type_, kind, sentence, entity, canonical)


def _evidence(row: tuple) -> Evidence:
    doc, start, end, sentence, sentence_index, mention_ids, source = row
    return Evidence(doc, start, end, sentence, sentence_index, mention_ids.split(), source)


def _sentence_index(analysis: Analysis, mention: Mention) -> int | None:
    """The mention's sentence, found from its offset when the pipeline did not say."""
    if mention.sentence is not None:
        return mention.sentence
    sentence = analysis.sentence_at(mention.start)
    return sentence.index if sentence else None


def _anchor_columns(anchor: Anchor | None) -> tuple:
    if anchor is None:
        return (None,) * 4
    return anchor.timex, anchor.text, anchor.relation, anchor.offset
