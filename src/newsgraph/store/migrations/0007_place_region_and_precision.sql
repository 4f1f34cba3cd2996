-- A place's first-level region (province, state) and how fine its point is (continent,
-- country, region, city, district). Plain SQL for SQLite and PostgreSQL alike.
ALTER TABLE entities ADD COLUMN geo_region TEXT;
ALTER TABLE entities ADD COLUMN geo_precision TEXT;
