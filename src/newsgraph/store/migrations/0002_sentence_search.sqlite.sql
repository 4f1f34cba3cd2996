-- Full-text index over sentences: the one SQLite-only part of the schema. It keeps its own
-- copy of the text with the sentence key as unindexed columns, so nothing relies on rowids.
-- Another backend gives its own 0002_sentence_search.<dialect>.sql (a tsvector on PostgreSQL).
-- porter stemming lets "meetings" find "meeting"; remove_diacritics makes search accent-blind.
CREATE VIRTUAL TABLE sentence_search USING fts5 (
    text,
    doc_id UNINDEXED,
    sentence_index UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
