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
`:START_ID`, `:END_ID`, `:TYPE`, `mentions:int`, `aliases:string[]` split on ";"); `load.cypher`
reads the same files with `LOAD CSV WITH HEADERS`, converting each column by the type in its
header, so both routes give one graph.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.export.tables import (
    CSV_TABLES,
    Table,
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


@dataclass
class Neo4jTable(Table):
    """A node table (nodes labelled `label`) or a relationship table from `start` to `end` nodes."""

    label: str | None = None
    start: str | None = None
    end: str | None = None


# Column -> neo4j-admin property type; the others are strings.
PROPERTY_TYPES = {
    "published": "date", "time_earliest": "date", "time_latest": "date", "lat": "float", "lon": "float",
    "mentions": "int", "documents": "int", "participants": "int", "evidence_count": "int", "start": "int",
    "end": "int", "aliases": "string[]", "remote": "boolean",
}  # fmt: skip


def typed(column: str) -> str:
    return f"{column}:{PROPERTY_TYPES[column]}" if column in PROPERTY_TYPES else column


def _node_table(file: str, csv_file: str, label: str, sublabel: Callable[[dict], str] | None = None):
    """Nodes from the CSV export's table `csv_file`: its columns typed, `:LABEL` added."""
    source = next(t for t in CSV_TABLES if t.file == csv_file)

    def rows(view: ExportView) -> Iterator[dict]:
        for row in source.rows(view):
            yield {**row, ":LABEL": label + (ARRAY_DELIMITER + sublabel(row) if sublabel else "")}

    columns = ["id:ID", ":LABEL", *(typed(c) for c in source.columns if c != "id")]
    return Neo4jTable(file, columns, rows, label=label)


def _relationship_table(file: str, rows, start: str, end: str, *properties: str) -> Neo4jTable:
    columns = [":START_ID", ":END_ID", ":TYPE", *(typed(p) for p in properties)]
    return Neo4jTable(file, columns, rows, start=start, end=end)


NEO4J_TABLES = (
    _node_table("documents.csv", "documents.csv", "Document"),
    _node_table("entities.csv", "nodes.csv", "Entity", lambda row: entity_label(row["type"])),
    _node_table("events.csv", "events.csv", "Event"),
    _node_table("evidence.csv", "evidence.csv", "Evidence"),
    _relationship_table("relations.csv", _relations, "Entity", "Entity", "id", "certainty", "evidence_count"),
    _relationship_table("participants.csv", _participations, "Entity", "Event", "role", "remote"),
    _relationship_table("places.csv", _places, "Event", "Entity"),
    _relationship_table("mentioned_in.csv", _mentioned_in, "Entity", "Document", "mentions"),
    _relationship_table("evidence_in.csv", _evidence_in, "Evidence", "Document"),
    _relationship_table("supports.csv", _supports, "Evidence", "Event"),
)
NEO4J_FILES = (*(t.file for t in NEO4J_TABLES), SCRIPT)

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
    for label in (t.label for t in NEO4J_TABLES if t.label):
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
