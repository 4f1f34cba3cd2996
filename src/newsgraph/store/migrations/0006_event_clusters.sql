-- Events across documents as clusters over the stable per-document events, as entity_clusters
-- is for entities: the cluster id is the id of one of its events (the first reported), so
-- event rows are never rewritten and re-resolving changes cluster rows only.
-- Plain SQL for SQLite and PostgreSQL alike.
CREATE TABLE event_clusters (
    event_id TEXT PRIMARY KEY REFERENCES events (id),
    cluster_id TEXT NOT NULL REFERENCES events (id),
    resolver TEXT NOT NULL
);
CREATE INDEX event_clusters_cluster ON event_clusters (cluster_id);

-- Stores made before: every event is its own, as it was.
INSERT INTO event_clusters (event_id, cluster_id, resolver)
SELECT id, id, 'singleton' FROM events;
