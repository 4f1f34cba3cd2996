"""`csv`: the graph as a directory of CSV tables, for spreadsheets, pandas and SQL loaders.

| file | one row per | columns |
|---|---|---|
| documents.csv | document | id, title, source, url, published, sha256, language |
| nodes.csv | entity | id, type, name, aliases, lat, lon, country, geo_source, region, precision, mentions, documents |
| mentions.csv | mention of an entity | entity, doc, start, end, text, kind |
| edges.csv | relation | id, source, target, source_name, target_name, type, certainty, evidence_count |
| events.csv | event | id, type, time_value, time_earliest, time_latest, time_granularity, time_expression, place, place_name, certainty, modality, participants, evidence_count |
| event_participants.csv | participant of an event | event, entity, name, role, remote |
| evidence.csv | evidence of a relation or event | fact, fact_kind, doc, start, end, sentence |

Lists (aliases) are joined with " | ", booleans are `true`/`false`, a missing value is an
empty field. The row builders here are shared with the Neo4j export.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.export.view import ExportView


@dataclass
class Table:
    """One CSV file. A column header is `key` or `key:type` (Neo4j) and reads `row[key]`;
    headers that start with ":" (`:LABEL`, `:START_ID`) read `row[header]`."""

    file: str
    columns: list[str]
    rows: Callable[[ExportView], Iterable[dict]]

    @staticmethod
    def key(header: str) -> str:
        return header if header.startswith(":") else header.split(":", 1)[0]


def _cell(value: object, list_separator: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return list_separator.join(str(v) for v in value)
    return str(value)


def write_tables(directory: Path, tables: Iterable[Table], view: ExportView, list_separator: str) -> None:
    for table in tables:
        keys = [Table.key(h) for h in table.columns]
        with open(directory / table.file, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(table.columns)
            for row in table.rows(view):
                writer.writerow([_cell(row.get(k), list_separator) for k in keys])


def document_rows(view: ExportView) -> Iterator[dict]:
    for d in view.documents.values():
        yield {k: d.get(k) for k in ("id", "title", "source", "url", "published", "sha256", "language")}


def entity_rows(view: ExportView) -> Iterator[dict]:
    for e in view.entities.values():
        geo = e.get("geo") or {}
        yield {
            "id": e["id"],
            "type": e["type"],
            "name": e["name"],
            "aliases": e["aliases"],
            "lat": geo.get("lat"),
            "lon": geo.get("lon"),
            "country": geo.get("country"),
            "geo_source": geo.get("source"),
            "region": geo.get("region"),
            "precision": geo.get("precision"),
            "mentions": len(e["mentions"]),
            "documents": len(view.entity_documents(e)),
        }


def mention_rows(view: ExportView) -> Iterator[dict]:
    for e in view.entities.values():
        for m in e["mentions"]:
            yield {
                "entity": e["id"],
                "doc": m["doc"],
                "start": m["start"],
                "end": m["end"],
                "text": m["text"],
                "kind": m.get("kind"),
            }


def relation_rows(view: ExportView) -> Iterator[dict]:
    for r in view.relations:
        yield {
            "id": r["id"],
            "source": r["subject"],
            "target": r["object"],
            "source_name": view.name(r["subject"]),
            "target_name": view.name(r["object"]),
            "type": r["type"],
            "certainty": r["certainty"],
            "evidence_count": len(r["evidence"]),
        }


def event_rows(view: ExportView) -> Iterator[dict]:
    for v in view.events:
        time = v.get("time") or {}
        yield {
            "id": v["id"],
            "type": v["type"],
            **{
                f"time_{k}": time.get(k) for k in ("value", "earliest", "latest", "granularity", "expression")
            },
            "place": v["place"],
            "place_name": view.name(v["place"]) if v["place"] else None,
            "certainty": v["certainty"],
            "modality": v["modality"],
            "participants": len(v["participants"]),
            "evidence_count": len(v["evidence"]),
        }


def participant_rows(view: ExportView) -> Iterator[dict]:
    for v in view.events:
        for p in v["participants"]:
            yield {
                "event": v["id"],
                "entity": p["entity"],
                "name": view.name(p["entity"]),
                "role": p.get("role"),
                "remote": bool(p.get("remote")),
            }


def evidence_rows(view: ExportView) -> Iterator[dict]:
    for kind, facts in (("relation", view.relations), ("event", view.events)):
        for fact in facts:
            for number, ev in enumerate(fact["evidence"]):
                yield {
                    "id": f"{fact['id']}#{number}",
                    "fact": fact["id"],
                    "fact_kind": kind,
                    "doc": ev["doc"],
                    "start": ev["start"],
                    "end": ev["end"],
                    "sentence": ev["sentence"],
                }


CSV_TABLES = (
    Table(
        "documents.csv", ["id", "title", "source", "url", "published", "sha256", "language"], document_rows
    ),
    Table(
        "nodes.csv",
        ["id", "type", "name", "aliases", "lat", "lon", "country", "geo_source", "region", "precision", "mentions",
         "documents"],
        entity_rows,
    ),
    Table("mentions.csv", ["entity", "doc", "start", "end", "text", "kind"], mention_rows),
    Table(
        "edges.csv",
        ["id", "source", "target", "source_name", "target_name", "type", "certainty", "evidence_count"],
        relation_rows,
    ),
    Table(
        "events.csv",
        [
            "id",
            "type",
            "time_value",
            "time_earliest",
            "time_latest",
            "time_granularity",
            "time_expression",
            "place",
            "place_name",
            "certainty",
            "modality",
            "participants",
            "evidence_count",
        ],
        event_rows,
    ),
    Table("event_participants.csv", ["event", "entity", "name", "role", "remote"], participant_rows),
    Table("evidence.csv", ["fact", "fact_kind", "doc", "start", "end", "sentence"], evidence_rows),
)
CSV_FILES = tuple(t.file for t in CSV_TABLES)


def write_csv(export: dict, directory: Path) -> None:
    write_tables(directory, CSV_TABLES, ExportView.of(export), list_separator=" | ")
