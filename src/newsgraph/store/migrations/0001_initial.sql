-- The graph schema in plain SQL that runs unchanged on SQLite and PostgreSQL.
-- Offsets are Python string indices into documents.text, end exclusive.
-- Column names avoid SQL keywords (start/end/index) so no dialect needs quoting.

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    title TEXT,
    source TEXT,
    url TEXT,
    published TEXT,
    language TEXT NOT NULL,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);

CREATE TABLE sentences (
    doc_id TEXT NOT NULL REFERENCES documents (id),
    sentence_index INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (doc_id, sentence_index),
    CHECK (sentence_index >= 0 AND start_char >= 0 AND end_char >= start_char)
);

-- Entities are shared by all documents; name_key is newsgraph.model.fold(name) so that
-- case- and accent-insensitive matching is a plain equality or LIKE on every backend.
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    geo_lat DOUBLE PRECISION,
    geo_lon DOUBLE PRECISION,
    geo_country TEXT,
    geo_source TEXT,
    CHECK ((geo_lat IS NULL) = (geo_lon IS NULL))
);
CREATE INDEX entities_name_key ON entities (name_key);
CREATE INDEX entities_type ON entities (type);

-- One alias per folded key: "LeT" and "LET" are one alias, spelled as first seen.
CREATE TABLE entity_aliases (
    entity_id TEXT NOT NULL REFERENCES entities (id),
    alias TEXT NOT NULL,
    alias_key TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias_key)
);
CREATE INDEX entity_aliases_key ON entity_aliases (alias_key);

CREATE TABLE mentions (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (id),
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    kind TEXT NOT NULL,
    sentence_index INTEGER,
    entity_id TEXT REFERENCES entities (id),
    canonical TEXT,
    FOREIGN KEY (doc_id, sentence_index) REFERENCES sentences (doc_id, sentence_index),
    CHECK (start_char >= 0 AND end_char > start_char)
);
CREATE INDEX mentions_entity ON mentions (entity_id, doc_id, start_char);
CREATE INDEX mentions_sentence ON mentions (doc_id, sentence_index);

-- anchored distinguishes "no anchor" from "anchored to the document creation time"
-- (an anchor whose anchor_timex is NULL).
CREATE TABLE timexes (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (id),
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT,
    earliest TEXT,
    latest TEXT,
    granularity TEXT,
    mod TEXT,
    anchored INTEGER NOT NULL,
    anchor_timex TEXT,
    anchor_text TEXT,
    anchor_relation TEXT,
    anchor_offset TEXT,
    CHECK (start_char >= 0 AND end_char > start_char),
    CHECK (anchored IN (0, 1))
);
CREATE INDEX timexes_doc ON timexes (doc_id, start_char);

CREATE TABLE relations (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    subject_id TEXT NOT NULL REFERENCES entities (id),
    object_id TEXT NOT NULL REFERENCES entities (id),
    certainty TEXT NOT NULL
);

CREATE TABLE relation_evidence (
    relation_id TEXT NOT NULL REFERENCES relations (id),
    doc_id TEXT NOT NULL REFERENCES documents (id),
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    PRIMARY KEY (relation_id, doc_id, start_char, end_char),
    CHECK (start_char >= 0 AND end_char >= start_char)
);

-- has_time distinguishes "no time known" from a time whose value is NULL but which has
-- bounds or an expression ("recently").
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    place_id TEXT REFERENCES entities (id),
    has_time INTEGER NOT NULL,
    time_value TEXT,
    time_earliest TEXT,
    time_latest TEXT,
    time_granularity TEXT,
    time_expression TEXT,
    certainty TEXT NOT NULL,
    modality TEXT NOT NULL,
    CHECK (has_time IN (0, 1))
);

CREATE TABLE event_participants (
    event_id TEXT NOT NULL REFERENCES events (id),
    entity_id TEXT NOT NULL REFERENCES entities (id),
    position INTEGER NOT NULL,
    role TEXT,
    remote INTEGER NOT NULL,
    PRIMARY KEY (event_id, entity_id),
    CHECK (remote IN (0, 1))
);

CREATE TABLE event_evidence (
    event_id TEXT NOT NULL REFERENCES events (id),
    doc_id TEXT NOT NULL REFERENCES documents (id),
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    PRIMARY KEY (event_id, doc_id, start_char, end_char),
    CHECK (start_char >= 0 AND end_char >= start_char)
);
