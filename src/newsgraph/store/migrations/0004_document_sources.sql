-- Every source a document was read from, with the metadata that source gave. A document is
-- stored once per text (documents.sha256); the same text read again under another name, or
-- with another title, url or publication date, adds a row here instead of being dropped, and
-- reading the same file again adds nothing. Plain SQL for SQLite and PostgreSQL alike.
CREATE TABLE document_sources (
    doc_id TEXT NOT NULL REFERENCES documents (id),
    source TEXT,
    title TEXT,
    url TEXT,
    published TEXT,
    recorded_at TEXT NOT NULL
);
CREATE INDEX document_sources_doc ON document_sources (doc_id, recorded_at);

-- Stores made before: the source each document was first read from.
INSERT INTO document_sources (doc_id, source, title, url, published, recorded_at)
SELECT id, source, title, url, published, ingested_at FROM documents;
