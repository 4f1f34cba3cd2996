-- Identity as clusters over stable base entities, and evidence that names its sentence and mentions.
-- Plain SQL for SQLite and PostgreSQL alike.

-- Which resolved entity each base entity belongs to. The resolved id is the id of one of the
-- cluster's base entities (its representative), so the entity rows are never rewritten:
-- a merge or split changes cluster rows only, and undoing it changes them back.
CREATE TABLE entity_clusters (
    entity_id TEXT PRIMARY KEY REFERENCES entities (id),
    cluster_id TEXT NOT NULL REFERENCES entities (id),
    resolver TEXT NOT NULL
);
CREATE INDEX entity_clusters_cluster ON entity_clusters (cluster_id);

-- Stores made before clusters existed: every base entity is its own cluster, as it was.
INSERT INTO entity_clusters (entity_id, cluster_id, resolver)
SELECT id, id, 'same-folded-name' FROM entities;

-- Analysts' judgements (merge, split, not-same) with who, when and why; resolution reads them.
CREATE TABLE entity_judgements (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    left_id TEXT NOT NULL REFERENCES entities (id),
    right_id TEXT REFERENCES entities (id),
    author TEXT NOT NULL,
    made_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    CHECK (kind IN ('merge', 'split', 'not-same')),
    CHECK ((kind = 'split') = (right_id IS NULL))
);
CREATE INDEX entity_judgements_left ON entity_judgements (left_id);
CREATE INDEX entity_judgements_right ON entity_judgements (right_id);

-- Mentions as the views read them: each with the resolved entity it belongs to.
CREATE VIEW resolved_mentions AS
SELECT m.id, m.doc_id, m.start_char, m.end_char, m.text, m.type, m.kind, m.sentence_index,
       m.entity_id AS base_id, c.cluster_id AS entity_id, m.canonical
FROM mentions m JOIN entity_clusters c ON c.entity_id = m.entity_id;

-- Evidence names its sentence by index and the mentions it rests on (ids separated by spaces).
ALTER TABLE relation_evidence ADD COLUMN sentence_index INTEGER;
ALTER TABLE relation_evidence ADD COLUMN mention_ids TEXT NOT NULL DEFAULT '';
ALTER TABLE event_evidence ADD COLUMN sentence_index INTEGER;
ALTER TABLE event_evidence ADD COLUMN mention_ids TEXT NOT NULL DEFAULT '';
