"""The SQLite store: the whole graph in one file, in WAL mode, one transaction per document.

The SQL here is plain enough to run on PostgreSQL; the full-text index is the one SQLite-only
part and lives in `fts.py`. A store object holds one connection: open one per thread or
request (WAL lets readers work while a writer adds documents).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
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
    Mention,
    Participant,
    Relation,
    Timex,
    fold,
)
from newsgraph.store import fts
from newsgraph.store.records import (
    CoMention,
    DocumentRecord,
    EntityProfile,
    EntityRef,
    EntitySummary,
    MentionInContext,
    SentenceHit,
)
from newsgraph.store.schema import VERSION_TABLE, migrations_for, pending
from newsgraph.store.validation import check_analysis, document_mentions

# Seconds a connection waits for another one's write transaction before giving up.
BUSY_TIMEOUT = 30.0
# Characters shown either side of a mention that lies outside every sentence.
CONTEXT_CHARS = 80
# Ids per `IN (...)` list, well below every backend's limit on parameters.
CHUNK = 500

_DOCUMENT_COLUMNS = "id, sha256, title, source, url, published, language, ingested_at"
_MENTION_COLUMNS = "id, doc_id, start_char, end_char, text, type, kind, sentence_index, entity_id, canonical"


class SQLiteStore:
    """A newsgraph store in the SQLite file `path`, created and migrated on open."""

    dialect = "sqlite"

    def __init__(self, path: str | os.PathLike):
        self.path = os.fspath(path)
        try:
            # Autocommit: transactions are opened explicitly, so each is exactly as wide as meant.
            self._conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store: {exc}", source=self.path) from exc
        try:
            with self._failures("cannot open the store"):
                self._conn.execute("PRAGMA foreign_keys = ON")
                self._conn.execute("PRAGMA journal_mode = WAL").fetchone()
                # In WAL mode NORMAL loses no committed data on a process crash, only on power loss.
                self._conn.execute("PRAGMA synchronous = NORMAL")
                self._migrate()
        except BaseException:
            self._conn.close()
            raise

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    # -- plumbing -------------------------------------------------------------------------

    @contextmanager
    def _failures(self, action: str, source: str | None = None):
        """Database errors become StoreError naming the action and the file."""
        try:
            yield
        except (sqlite3.Error, UnicodeError) as exc:
            raise StoreError(f"{action}: {exc}", source=source or self.path) from exc

    @contextmanager
    def _transaction(self):
        """A write transaction that takes the write lock up front, so it never deadlocks midway."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._conn.execute("COMMIT")
        except BaseException:
            # SQLite has already rolled back after some errors (a full disk, say).
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise

    def _applied_version(self) -> int:
        self._conn.execute(VERSION_TABLE)
        (version,) = self._conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return version or 0

    def _migrate(self) -> None:
        migrations = migrations_for(self.dialect)
        if not pending(self._applied_version(), migrations, self.path):
            return
        with self._transaction():
            # Read again under the lock: another process may have migrated meanwhile.
            for migration in pending(self._applied_version(), migrations, self.path):
                for statement in _statements(migration.sql):
                    self._conn.execute(statement)
                self._conn.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, _now()),
                )

    def schema_version(self) -> int:
        with self._failures("cannot read the schema version"):
            return self._applied_version()

    def _rows(self, sql: str, params: Sequence = ()) -> list[tuple]:
        with self._failures("cannot read the store"):
            return self._conn.execute(sql, params).fetchall()

    def _stream(self, sql: str, params: Sequence = ()) -> Iterator[tuple]:
        """Rows one at a time from a cursor, so large results never sit in memory."""
        with self._failures("cannot read the store"):
            # Not `yield from`: that would close the cursor when the generator is dropped,
            # which fails once the store itself has been closed.
            for row in self._conn.execute(sql, params):  # noqa: UP028
                yield row

    # -- writing --------------------------------------------------------------------------

    def add(self, analysis: Analysis) -> bool:
        """Store a document and all that was found in it, in one transaction.

        Returns False, writing nothing, when a document with the same content is stored
        already. Raises StoreError, writing nothing, when the analysis does not fit its
        document or breaks a constraint of the schema.
        """
        check_analysis(analysis)
        document = analysis.document
        with (
            self._failures("cannot store the document", source=document.source or document.id),
            self._transaction(),
        ):
            if self._has_document(document.sha256):
                return False
            self._write(analysis)
        return True

    def _write(self, analysis: Analysis) -> None:
        doc = analysis.document
        execute, many = self._conn.execute, self._conn.executemany
        execute(
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
        many(
            "INSERT INTO sentences (doc_id, sentence_index, start_char, end_char, text)"
            " VALUES (?, ?, ?, ?, ?)",
            ((doc.id, s.index, s.start, s.end, s.text) for s in analysis.sentences),
        )
        fts.index_sentences(self._conn, doc.id, analysis.sentences)
        for entity in analysis.entities:
            self._upsert_entity(entity)
        many(
            f"INSERT INTO mentions ({_MENTION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    m.id,
                    doc.id,
                    m.start,
                    m.end,
                    m.text,
                    m.type,
                    m.kind,
                    _sentence_index(analysis, m),
                    entity_id,
                    m.canonical,
                )
                for m, entity_id in document_mentions(analysis)
            ),
        )
        many(
            "INSERT INTO timexes (id, doc_id, start_char, end_char, text, type, value, earliest, latest,"
            " granularity, mod, anchored, anchor_timex, anchor_text, anchor_relation, anchor_offset)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    t.id,
                    doc.id,
                    t.start,
                    t.end,
                    t.text,
                    t.type,
                    t.value,
                    t.earliest,
                    t.latest,
                    t.granularity,
                    t.mod,
                    int(t.anchor is not None),
                    *_anchor_columns(t.anchor),
                )
                for t in analysis.timexes
            ),
        )
        for relation in analysis.relations:
            self._add_relation(relation)
        for event in analysis.events:
            self._add_event(event)

    def _upsert_entity(self, entity: Entity) -> None:
        """One row per entity id across documents: aliases are unioned, the longer name kept."""
        execute = self._conn.execute
        row = execute("SELECT name, geo_lat FROM entities WHERE id = ?", (entity.id,)).fetchone()
        aliases = set(entity.aliases)
        if row is None:
            geo = entity.geo
            execute(
                "INSERT INTO entities (id, type, name, name_key, geo_lat, geo_lon, geo_country, geo_source)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    entity.id,
                    entity.type,
                    entity.name,
                    fold(entity.name),
                    *((geo.lat, geo.lon, geo.country, geo.source) if geo else (None,) * 4),
                ),
            )
            name = entity.name
        else:
            name, lat = row
            if len(entity.name) > len(name):
                execute(
                    "UPDATE entities SET name = ?, name_key = ? WHERE id = ?",
                    (entity.name, fold(entity.name), entity.id),
                )
                aliases.add(name)
                name = entity.name
            else:
                aliases.add(entity.name)
            if lat is None and entity.geo:
                g = entity.geo
                execute(
                    "UPDATE entities SET geo_lat = ?, geo_lon = ?, geo_country = ?, geo_source = ?"
                    " WHERE id = ?",
                    (g.lat, g.lon, g.country, g.source, entity.id),
                )
        self._conn.executemany(
            "INSERT INTO entity_aliases (entity_id, alias, alias_key) VALUES (?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            ((entity.id, a, fold(a)) for a in sorted(aliases) if fold(a) != fold(name)),
        )

    def _add_evidence(self, table: str, key: str, owner: str, evidence: Iterable[Evidence]) -> None:
        self._conn.executemany(
            f"INSERT INTO {table} ({key}, doc_id, start_char, end_char, sentence) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            ((owner, ev.doc, ev.start, ev.end, ev.sentence) for ev in evidence),
        )

    def _add_relation(self, r: Relation) -> None:
        """A relation found again in another document gains that document's evidence."""
        self._conn.execute(
            "INSERT INTO relations (id, type, subject_id, object_id, certainty) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            (r.id, r.type, r.subject, r.object, r.certainty),
        )
        self._add_evidence("relation_evidence", "relation_id", r.id, r.evidence)

    def _add_event(self, v: Event) -> None:
        """An event found again in another document gains its participants and evidence."""
        t = v.time
        self._conn.execute(
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
        self._conn.executemany(
            "INSERT INTO event_participants (event_id, entity_id, position, role, remote)"
            " VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            ((v.id, p.entity, i, p.role, int(p.remote)) for i, p in enumerate(v.participants)),
        )
        self._add_evidence("event_evidence", "event_id", v.id, v.evidence)

    # -- documents ------------------------------------------------------------------------

    def _has_document(self, sha256: str) -> bool:
        return (
            self._conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)).fetchone() is not None
        )

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

    def document(self, doc_id: str) -> Document:
        rows = self._rows(
            "SELECT text, title, source, url, published, language FROM documents WHERE id = ?", (doc_id,)
        )
        if not rows:
            raise NotFound(f"no document {doc_id!r} in the store", source=self.path)
        return _document(rows[0])

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

    # -- entities -------------------------------------------------------------------------

    def _aliases(self, entity_ids: Sequence[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for i in range(0, len(entity_ids), CHUNK):
            chunk = entity_ids[i : i + CHUNK]
            for entity_id, alias in self._rows(
                f"SELECT entity_id, alias FROM entity_aliases WHERE entity_id IN ({_marks(chunk)})"
                " ORDER BY entity_id, alias_key, alias",
                chunk,
            ):
                found.setdefault(entity_id, []).append(alias)
        return found

    def _summaries(self, where: list[str], params: list, limit: int | None = None) -> list[EntitySummary]:
        sql = (
            "SELECT e.id, e.type, e.name,"
            " (SELECT COUNT(DISTINCT m.doc_id) FROM mentions m WHERE m.entity_id = e.id) AS documents,"
            " (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions"
            " FROM entities e"
            + (" WHERE " + " AND ".join(f"({w})" for w in where) if where else "")
            + " ORDER BY mentions DESC, documents DESC, e.name_key, e.id"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params = [*params, limit]
        rows = self._rows(sql, params)
        aliases = self._aliases([r[0] for r in rows])
        return [
            EntitySummary(id_, type_, name, aliases.get(id_, []), docs, mentions)
            for id_, type_, name, docs, mentions in rows
        ]

    def entities(
        self, type: str | None = None, search: str | None = None, limit: int | None = None
    ) -> list[EntitySummary]:
        """Entities, most mentioned first; `search` is a substring of the name or an alias,
        matched without regard to case, accents or punctuation."""
        where: list[str] = []
        params: list = []
        if type is not None:
            where.append("e.type = ?")
            params.append(type)
        if search is not None:
            key = fold(search)
            if not key:
                return []
            # fold() leaves only letters, digits and spaces, so the key holds no LIKE wildcards.
            pattern = f"%{key}%"
            where.append(
                "e.name_key LIKE ? OR e.id IN (SELECT a.entity_id FROM entity_aliases a"
                " WHERE a.alias_key LIKE ?)"
            )
            params += [pattern, pattern]
        return self._summaries(where, params, limit)

    def find_entities(self, name: str) -> list[EntitySummary]:
        """Entities whose id is `name`, or whose name or an alias folds to the same key.

        Several results mean the name is ambiguous; the caller decides what to do.
        """
        key = fold(name)
        return self._summaries(
            [
                (
                    "e.id = ? OR e.name_key = ?"
                    " OR e.id IN (SELECT a.entity_id FROM entity_aliases a WHERE a.alias_key = ?)"
                )
            ],
            [name, key, key],
        )

    def load_entities(self) -> list[Entity]:
        """Every stored entity with aliases and geo but without mentions: what a resolver
        needs to link new mentions to known entities."""
        return [
            Entity(id_, type_, name, aliases, geo=geo)
            for id_, type_, name, aliases, geo in self._entity_rows()
        ]

    def _entity_rows(self) -> Iterator[tuple[str, str, str, list[str], Geo | None]]:
        """(id, type, name, aliases, geo) of every entity in id order, streamed."""
        entities = self._stream(
            "SELECT id, type, name, geo_lat, geo_lon, geo_country, geo_source FROM entities ORDER BY id"
        )
        aliases = _Groups(
            self._stream("SELECT entity_id, alias FROM entity_aliases ORDER BY entity_id, alias_key, alias")
        )
        for id_, type_, name, lat, lon, country, source in entities:
            geo = Geo(lat, lon, country, source) if lat is not None else None
            yield id_, type_, name, [a for _, a in aliases.take(id_)], geo

    def iter_entities(self) -> Iterator[Entity]:
        """Every entity with all its mentions, streamed in id order."""
        mentions = _Groups(
            self._stream(
                f"SELECT entity_id, {_MENTION_COLUMNS} FROM mentions WHERE entity_id IS NOT NULL"
                " ORDER BY entity_id, doc_id, start_char, id"
            )
        )
        for id_, type_, name, aliases, geo in self._entity_rows():
            yield Entity(id_, type_, name, aliases, [_mention(r[1:]) for r in mentions.take(id_)], geo)

    def profile(self, entity_id: str) -> EntityProfile:
        """Everything known about one entity: its mentions in context and who it appears with."""
        rows = self._rows(
            "SELECT type, name, geo_lat, geo_lon, geo_country, geo_source FROM entities WHERE id = ?",
            (entity_id,),
        )
        if not rows:
            raise NotFound(f"no entity {entity_id!r} in the store", source=self.path)
        type_, name, lat, lon, country, source = rows[0]
        mentions = [
            self._in_context(row)
            for row in self._rows(
                "SELECT m.id, m.doc_id, d.title, m.start_char, m.end_char, m.text, m.kind, m.sentence_index,"
                " s.start_char, s.text FROM mentions m JOIN documents d ON d.id = m.doc_id"
                " LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.sentence_index = m.sentence_index"
                " WHERE m.entity_id = ? ORDER BY d.ingested_at, d.id, m.start_char",
                (entity_id,),
            )
        ]
        return EntityProfile(
            id=entity_id,
            type=type_,
            name=name,
            aliases=self._aliases([entity_id]).get(entity_id, []),
            documents=len({m.doc for m in mentions}),
            mentions=mentions,
            co_mentions=self._co_mentions(entity_id),
            geo=Geo(lat, lon, country, source) if lat is not None else None,
        )

    def _in_context(self, row: tuple) -> MentionInContext:
        id_, doc, title, start, end, text, kind, sentence, sentence_start, sentence_text = row
        if sentence_text is None:
            sentence_start = max(0, start - CONTEXT_CHARS)
            (sentence_text,) = self._rows(
                "SELECT SUBSTR(text, ?, ?) FROM documents WHERE id = ?",
                (sentence_start + 1, end + CONTEXT_CHARS - sentence_start, doc),
            )[0]
        return MentionInContext(
            id_, doc, title, start, end, text, kind, sentence, sentence_start, sentence_text
        )

    def _co_mentions(self, entity_id: str) -> list[CoMention]:
        """Entities sharing a document with `entity_id`, with how many sentences and documents
        they share, those sharing most sentences first."""
        rows = self._rows(
            # The entity's own documents and sentences are made distinct first: joining its
            # mentions to every other mention directly grows with the square of a document.
            "SELECT e.id, e.type, e.name, COALESCE(s.shared, 0), d.shared FROM"
            " (SELECT o.entity_id, COUNT(DISTINCT o.doc_id) AS shared FROM"
            "   (SELECT DISTINCT doc_id FROM mentions WHERE entity_id = ?) own"
            "   JOIN mentions o ON o.doc_id = own.doc_id"
            "   WHERE o.entity_id IS NOT NULL AND o.entity_id <> ?"
            "  GROUP BY o.entity_id) d"
            " JOIN entities e ON e.id = d.entity_id"
            " LEFT JOIN"
            " (SELECT pairs.entity_id, COUNT(*) AS shared FROM"
            "   (SELECT DISTINCT o.entity_id, o.doc_id, o.sentence_index FROM"
            "     (SELECT DISTINCT doc_id, sentence_index FROM mentions WHERE entity_id = ?) own"
            "     JOIN mentions o ON o.doc_id = own.doc_id AND o.sentence_index = own.sentence_index"
            "     WHERE o.entity_id IS NOT NULL AND o.entity_id <> ?) pairs"
            "  GROUP BY pairs.entity_id) s ON s.entity_id = d.entity_id"
            " ORDER BY 4 DESC, 5 DESC, e.name_key, e.id",
            (entity_id, entity_id, entity_id, entity_id),
        )
        return [CoMention(*row) for row in rows]

    # -- relations and events -------------------------------------------------------------

    def iter_relations(self) -> Iterator[Relation]:
        evidence = _Groups(
            self._stream(
                "SELECT relation_id, doc_id, start_char, end_char, sentence FROM relation_evidence"
                " ORDER BY relation_id, doc_id, start_char, end_char"
            )
        )
        for id_, type_, subject, object_, certainty in self._stream(
            "SELECT id, type, subject_id, object_id, certainty FROM relations ORDER BY id"
        ):
            yield Relation(
                id_, type_, subject, object_, certainty, [Evidence(*r[1:]) for r in evidence.take(id_)]
            )

    def iter_events(self) -> Iterator[Event]:
        participants = _Groups(
            self._stream(
                "SELECT event_id, entity_id, role, remote FROM event_participants"
                " ORDER BY event_id, position, entity_id"
            )
        )
        evidence = _Groups(
            self._stream(
                "SELECT event_id, doc_id, start_char, end_char, sentence FROM event_evidence"
                " ORDER BY event_id, doc_id, start_char, end_char"
            )
        )
        for row in self._stream(
            "SELECT id, type, place_id, has_time, time_value, time_earliest, time_latest, time_granularity,"
            " time_expression, certainty, modality FROM events ORDER BY id"
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
                evidence=[Evidence(*r[1:]) for r in evidence.take(id_)],
            )

    # -- search ---------------------------------------------------------------------------

    def search(
        self, query: str, limit: int = 20, highlight: tuple[str, str] = ("[", "]")
    ) -> list[SentenceHit]:
        """Sentences matching every word of `query`, best first (bm25), with the entities each
        mentions; `highlight` marks the matched words in the snippet."""
        with self._failures("cannot search the store"):
            found = fts.search_sentences(self._conn, query, limit, highlight)
        hits = []
        for doc, index, text, snippet, score in found:
            title = self._rows("SELECT title FROM documents WHERE id = ?", (doc,))[0][0]
            entities = [
                EntityRef(id_, type_, name)
                for id_, type_, name, _ in self._rows(
                    "SELECT DISTINCT e.id, e.type, e.name, e.name_key FROM mentions m"
                    " JOIN entities e ON e.id = m.entity_id"
                    " WHERE m.doc_id = ? AND m.sentence_index = ? ORDER BY e.name_key, e.id",
                    (doc, index),
                )
            ]
            hits.append(SentenceHit(doc, title, index, text, snippet, score, entities))
        return hits


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


def _statements(script: str) -> Iterator[str]:
    """The statements of an SQL script, split where SQLite's parser says one is complete."""
    pending_text = ""
    for line in script.splitlines(keepends=True):
        pending_text += line
        if sqlite3.complete_statement(pending_text):
            yield pending_text.strip()
            pending_text = ""
    if any(line.strip() and not line.strip().startswith("--") for line in pending_text.splitlines()):
        raise StoreError(
            f"unterminated SQL statement at the end of a migration: {pending_text.strip()[:60]!r}"
        )


def _marks(items: Sequence) -> str:
    return ", ".join("?" * len(items))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _document(row: tuple) -> Document:
    text, title, source, url, published, language = row
    return Document(text, title, source, url, _date(published), language)


def _mention(row: tuple) -> Mention:
    _, doc, start, end, text, type_, kind, sentence, entity, canonical = row
    return Mention(doc, start, end, text, type_, kind, sentence, entity, canonical)


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
