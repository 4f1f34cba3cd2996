"""`neo4j`: a directory of CSV files for `neo4j-admin database import` and a `load.cypher`
script that builds the same graph with `LOAD CSV` in a running database.

The graph (docs/export.md, "Formats"):
- nodes `Document`, `Entity` with a second label from its type (`Person`, `Organization`,
  `Place`, `Other`), `Event`, and `Evidence` (a sentence that states a relation or event:
  `fact`, `fact_kind`, `doc`, `start`, `end`, `sentence`);
- relationships: each relation as `(:Entity)-[:MEMBER_OF {id, certainty, evidence_count}]->(:Entity)`
  (the type upper-cased); `(:Entity)-[:PARTICIPATED_IN {role, remote}]->(:Event)`;
  `(:Event)-[:TOOK_PLACE_IN]->(:Entity)`; `(:Entity)-[:MENTIONED_IN {mentions}]->(:Document)`;
  `(:Evidence)-[:IN_DOCUMENT]->(:Document)`; `(:Evidence)-[:SUPPORTS]->(:Event)`. A relation's
  evidence names it by `fact` = the relationship's `id` (a relationship cannot be an endpoint).

Every file has its header on the first line, in neo4j-admin's conventions (`id:ID`, `:LABEL`,
`:START_ID`, `:END_ID`, `:TYPE`, `name:int`, `aliases:string[]` split on ";"); `load.cypher`
reads the same files with `LOAD CSV WITH HEADERS`, converting each column by the type in its
header, so both routes give one graph.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.export.tables import (
    Table,
    document_rows,
    entity_rows,
    event_rows,
    evidence_rows,
    participant_rows,
    relation_rows,
    write_tables,
)
from newsgraph.export.view import ExportView, unique

ARRAY_DELIMITER = ";"
SCRIPT = "load.cypher"


def token(text: str, case: Callable[[str], str]) -> str:
    """A Neo4j label or relationship type made of letters, digits and underscores."""
    parts = [case(p) for p in re.split(r"[^A-Za-z0-9]+", text) if p]
    joined = ("_" if case is str.upper else "").join(parts) or "UNKNOWN"
    return joined if not joined[0].isdigit() else "_" + joined


def entity_label(entity_type: str) -> str:
    return token(entity_type, str.capitalize)


def relationship_type(relation_type: str) -> str:
    return token(relation_type, str.upper)


@dataclass
class Neo4jTable(Table):
    """A node table (`start` is None) or a relationship table between `start` and `end` labels."""

    start: str | None = None
    end: str | None = None


def _labelled(rows: Callable[[ExportView], Iterable[dict]], label: Callable[[dict], str]):
    def labelled_rows(view: ExportView) -> Iterator[dict]:
        for row in rows(view):
            yield {**row, ":LABEL": label(row)}

    return labelled_rows


def _relations(view: ExportView) -> Iterator[dict]:
    for row in relation_rows(view):
        yield {
            **row,
            ":START_ID": row["source"],
            ":END_ID": row["target"],
            ":TYPE": relationship_type(row["type"]),
        }


def _participations(view: ExportView) -> Iterator[dict]:
    for row in participant_rows(view):
        yield {**row, ":START_ID": row["entity"], ":END_ID": row["event"], ":TYPE": "PARTICIPATED_IN"}


def _places(view: ExportView) -> Iterator[dict]:
    for v in view.events:
        if v["place"]:
            yield {":START_ID": v["id"], ":END_ID": v["place"], ":TYPE": "TOOK_PLACE_IN"}


def _mentioned_in(view: ExportView) -> Iterator[dict]:
    for e in view.entities.values():
        for doc, count in Counter(m["doc"] for m in e["mentions"]).items():
            yield {":START_ID": e["id"], ":END_ID": doc, ":TYPE": "MENTIONED_IN", "mentions": count}


def _evidence_in(view: ExportView) -> Iterator[dict]:
    for row in evidence_rows(view):
        yield {":START_ID": row["id"], ":END_ID": row["doc"], ":TYPE": "IN_DOCUMENT"}


def _supports(view: ExportView) -> Iterator[dict]:
    for row in evidence_rows(view):
        if row["fact_kind"] == "event":
            yield {":START_ID": row["id"], ":END_ID": row["fact"], ":TYPE": "SUPPORTS"}


NEO4J_TABLES = (
    Neo4jTable(
        "documents.csv",
        ["id:ID", ":LABEL", "title", "source", "url", "published:date", "sha256", "language"],
        _labelled(document_rows, lambda r: "Document"),
    ),
    Neo4jTable(
        "entities.csv",
        [
            "id:ID",
            ":LABEL",
            "name",
            "type",
            "aliases:string[]",
            "lat:float",
            "lon:float",
            "country",
            "geo_source",
            "mentions:int",
            "documents:int",
        ],
        _labelled(entity_rows, lambda r: f"Entity{ARRAY_DELIMITER}{entity_label(r['type'])}"),
    ),
    Neo4jTable(
        "events.csv",
        [
            "id:ID",
            ":LABEL",
            "type",
            "time_value",
            "time_earliest:date",
            "time_latest:date",
            "time_granularity",
            "time_expression",
            "certainty",
            "modality",
            "participants:int",
            "evidence_count:int",
        ],
        _labelled(event_rows, lambda r: "Event"),
    ),
    Neo4jTable(
        "evidence.csv",
        ["id:ID", ":LABEL", "fact", "fact_kind", "doc", "start:int", "end:int", "sentence"],
        _labelled(evidence_rows, lambda r: "Evidence"),
    ),
    Neo4jTable(
        "relations.csv",
        [":START_ID", ":END_ID", ":TYPE", "id", "certainty", "evidence_count:int"],
        _relations,
        start="Entity",
        end="Entity",
    ),
    Neo4jTable(
        "participants.csv",
        [":START_ID", ":END_ID", ":TYPE", "role", "remote:boolean"],
        _participations,
        start="Entity",
        end="Event",
    ),
    Neo4jTable("places.csv", [":START_ID", ":END_ID", ":TYPE"], _places, start="Event", end="Entity"),
    Neo4jTable(
        "mentioned_in.csv",
        [":START_ID", ":END_ID", ":TYPE", "mentions:int"],
        _mentioned_in,
        start="Entity",
        end="Document",
    ),
    Neo4jTable(
        "evidence_in.csv", [":START_ID", ":END_ID", ":TYPE"], _evidence_in, start="Evidence", end="Document"
    ),
    Neo4jTable("supports.csv", [":START_ID", ":END_ID", ":TYPE"], _supports, start="Evidence", end="Event"),
)
NEO4J_FILES = (*(t.file for t in NEO4J_TABLES), SCRIPT)
NODE_LABELS = ("Document", "Entity", "Event", "Evidence")

# Header type -> Cypher turning the CSV string `{}` into that type (null stays null).
CONVERSIONS = {
    "string": "{}",
    "ID": "{}",
    "int": "toInteger({})",
    "long": "toInteger({})",
    "float": "toFloat({})",
    "double": "toFloat({})",
    "boolean": "({} = 'true')",
    "date": "date({})",
    "string[]": f"split({{}}, '{ARRAY_DELIMITER}')",
}


def column(header: str) -> str:
    return "row.`" + header.replace("`", "``") + "`"


def quoted(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def properties(table: Table) -> str:
    """The Cypher map of a row's properties, each column converted by its header type."""
    pairs = []
    for header in table.columns:
        if header.startswith(":"):
            continue
        name, _, kind = header.partition(":")
        pairs.append(f"{name}: {CONVERSIONS[kind or 'string'].format(column(header))}")
    return "{" + ", ".join(pairs) + "}"


def _statements(view: ExportView) -> Iterator[str]:
    for label in NODE_LABELS:
        yield (
            f"CREATE CONSTRAINT newsgraph_{label.lower()}_id IF NOT EXISTS "
            f"FOR (n:{label}) REQUIRE n.id IS UNIQUE;"
        )
    for table in NEO4J_TABLES:
        selector = ":TYPE" if table.start else ":LABEL"
        for kind in unique(row[selector] for row in table.rows(view)):
            head = (
                f"LOAD CSV WITH HEADERS FROM 'file:///{table.file}' AS row\n"
                f"WITH row WHERE {column(selector)} = {quoted(kind)}\n"
            )
            if table.start:
                yield (
                    head + f"MATCH (a:{table.start} {{id: {column(':START_ID')}}}), "
                    f"(b:{table.end} {{id: {column(':END_ID')}}})\n"
                    f"CREATE (a)-[:{kind} {properties(table)}]->(b);"
                )
            else:
                yield head + f"CREATE (:{kind.replace(ARRAY_DELIMITER, ':')} {properties(table)});"


def _admin_command() -> str:
    options = [f"--{'relationships' if t.start else 'nodes'}={t.file}" for t in NEO4J_TABLES]
    return (
        "neo4j-admin database import full neo4j --multiline-fields=true "
        f"--array-delimiter='{ARRAY_DELIMITER}' " + " ".join(options)
    )


def write_neo4j(export: dict, directory: Path) -> None:
    view = ExportView.of(export)
    write_tables(directory, NEO4J_TABLES, view, list_separator=ARRAY_DELIMITER)
    header = [
        "// newsgraph/1 graph for Neo4j, written by `newsgraph export --format neo4j`.",
        "// Either import the CSV files into a new database (run in this directory):",
        f"//   {_admin_command()}",
        "// or copy them into the database's import directory and run this script:",
        "//   cypher-shell -f load.cypher",
        "",
    ]
    (directory / SCRIPT).write_text(
        "\n".join(header) + "\n\n".join(_statements(view)) + "\n", encoding="utf-8"
    )
