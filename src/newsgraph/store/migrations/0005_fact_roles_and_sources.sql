-- What the events and relations stages say beyond the contract's minimum: the role a
-- relation's subject holds ("spokesman", or the kin noun of a family tie), and the entity the
-- text attributes a fact to ("X said"). Plain SQL for SQLite and PostgreSQL alike.
ALTER TABLE relations ADD COLUMN role TEXT;
ALTER TABLE relation_evidence ADD COLUMN source_id TEXT;
ALTER TABLE event_evidence ADD COLUMN source_id TEXT;
