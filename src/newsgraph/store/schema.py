"""Numbered schema migrations, shared by every backend.

`migrations/NNNN_name.sql` is plain SQL for every backend; `NNNN_name.<dialect>.sql` is the
form of step NNNN for one backend only (the full-text index, say). Each backend applies the
steps above its recorded version, in order, and records each in `schema_migrations`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from newsgraph.errors import StoreError

VERSION_TABLE = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""

_FILE_NAME = re.compile(r"^(?P<version>\d{4})_(?P<name>[a-z0-9_]+)(?:\.(?P<dialect>[a-z]+))?\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations_for(dialect: str) -> list[Migration]:
    """Every schema step for `dialect`, in order; the numbering must have no gaps."""
    found: dict[int, Migration] = {}
    for entry in (resources.files("newsgraph.store") / "migrations").iterdir():
        match = _FILE_NAME.match(entry.name)
        if not match or match["dialect"] not in (None, dialect):
            continue
        version = int(match["version"])
        if version in found:
            raise StoreError(f"two schema migrations numbered {version} for {dialect}", source=entry.name)
        found[version] = Migration(version, match["name"], entry.read_text(encoding="utf-8"))
    versions = sorted(found)
    if versions != list(range(1, len(versions) + 1)):
        raise StoreError(f"schema migrations for {dialect} are not numbered 1..n: {versions}")
    return [found[v] for v in versions]


def pending(applied: int, migrations: list[Migration], source: str) -> list[Migration]:
    """The steps after version `applied`; a store newer than this code is refused, not guessed at."""
    latest = migrations[-1].version if migrations else 0
    if applied > latest:
        raise StoreError(
            f"store has schema version {applied}, newer than this newsgraph knows ({latest}); "
            "upgrade newsgraph",
            source=source,
        )
    return [m for m in migrations if m.version > applied]
