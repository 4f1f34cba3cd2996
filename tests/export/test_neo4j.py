"""`neo4j`: CSV files in neo4j-admin's import conventions and a LOAD CSV script over the same files."""

from __future__ import annotations

import csv
import re
from datetime import date

import pytest
from export_fixture import ESB, FORUM, MEMBER, NUUR, WARSAME, WING

from newsgraph.export.formats import write
from newsgraph.export.neo4j import NEO4J_TABLES, SCRIPT, entity_label, relationship_type

# neo4j-admin's property types; "[]" after one makes an array.
ADMIN_TYPES = {
    "int",
    "long",
    "float",
    "double",
    "boolean",
    "byte",
    "short",
    "char",
    "string",
    "point",
    "date",
    "localtime",
    "time",
    "localdatetime",
    "datetime",
    "duration",
}
PARSERS = {
    "int": int,
    "float": float,
    "boolean": {"true": True, "false": False}.__getitem__,
    "date": date.fromisoformat,
}


@pytest.fixture
def neo4j(tmp_path, export) -> tuple[dict, dict[str, list[dict]], str]:
    write(export, "neo4j", tmp_path / "neo4j")
    files = {}
    for table in NEO4J_TABLES:
        with open(tmp_path / "neo4j" / table.file, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            files[table.file] = list(reader)
            assert reader.fieldnames == table.columns
    return export, files, (tmp_path / "neo4j" / SCRIPT).read_text(encoding="utf-8")


def test_headers_follow_the_import_conventions_and_values_parse(neo4j):
    _, files, _ = neo4j
    for table in NEO4J_TABLES:
        special = [h for h in table.columns if h.startswith(":")]
        if table.start:
            assert special == [":START_ID", ":END_ID", ":TYPE"], table.file
        else:
            assert special == [":LABEL"] and [h for h in table.columns if h.endswith(":ID")] == ["id:ID"]
        for header in table.columns:
            name, _, kind = header.partition(":")
            if name and kind and kind != "ID":
                assert kind.removesuffix("[]") in ADMIN_TYPES, header
                for row in files[table.file]:
                    if row[header] and kind in PARSERS:
                        PARSERS[kind](row[header])


def test_every_relationship_joins_nodes_of_the_declared_labels(neo4j):
    _, files, _ = neo4j
    labels = {
        row["id:ID"]: set(row[":LABEL"].split(";"))
        for table in NEO4J_TABLES
        if not table.start
        for row in files[table.file]
    }
    for table in (t for t in NEO4J_TABLES if t.start):
        for row in files[table.file]:
            assert table.start in labels[row[":START_ID"]], (table.file, row)
            assert table.end in labels[row[":END_ID"]], (table.file, row)


def test_one_node_or_relationship_per_item(neo4j):
    export, files, _ = neo4j
    assert len(files["documents.csv"]) == len(export["documents"])
    assert len(files["entities.csv"]) == len(export["entities"])
    assert len(files["events.csv"]) == len(export["events"])
    assert len(files["relations.csv"]) == len(export["relations"])
    assert len(files["participants.csv"]) == sum(len(v["participants"]) for v in export["events"])
    assert len(files["places.csv"]) == sum(1 for v in export["events"] if v["place"])
    assert len(files["mentioned_in.csv"]) == len(
        {(e["id"], m["doc"]) for e in export["entities"] for m in e["mentions"]}
    )
    evidence = sum(len(f["evidence"]) for f in export["relations"] + export["events"])
    assert len(files["evidence.csv"]) == len(files["evidence_in.csv"]) == evidence
    assert len(files["supports.csv"]) == sum(len(v["evidence"]) for v in export["events"])


def test_the_script_reads_only_columns_the_files_have_and_creates_every_kind(neo4j):
    _, files, script = neo4j
    headers = {t.file: set(t.columns) for t in NEO4J_TABLES}
    statements = [s for s in script.split(";\n") if "LOAD CSV" in s]
    created = set()
    for statement in statements:
        file = re.search(r"FROM 'file:///([^']+)'", statement).group(1)
        assert set(re.findall(r"row\.`([^`]+)`", statement)) <= headers[file], statement
        kind = re.search(r"WITH row WHERE row\.`:(?:LABEL|TYPE)` = '([^']+)'", statement).group(1)
        created.add((file, kind))
    expected = {
        (t.file, row[":TYPE" if t.start else ":LABEL"]) for t in NEO4J_TABLES for row in files[t.file]
    }
    assert created == expected
    assert script.count("LOAD CSV") == len(expected)
    for table in NEO4J_TABLES:
        assert f"--{'relationships' if table.start else 'nodes'}={table.file}" in script


def test_facts_keep_their_type_certainty_roles_and_evidence(tmp_path, hand):
    write(hand, "neo4j", tmp_path / "g")

    def rows(file):
        with open(tmp_path / "g" / file, encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    member = next(r for r in rows("relations.csv") if r["id"] == MEMBER["id"])
    assert (member[":START_ID"], member[":TYPE"], member[":END_ID"]) == (
        WARSAME["id"],
        "MEMBER_OF",
        ESB["id"],
    )
    assert next(r for r in rows("relations.csv") if r["id"] == WING["id"])["certainty"] == "hedged"
    nuur = next(
        r for r in rows("participants.csv") if r[":START_ID"] == NUUR["id"] and r[":END_ID"] == FORUM["id"]
    )
    assert (nuur["role"], nuur["remote:boolean"]) == ("audience", "true")
    esb = next(r for r in rows("entities.csv") if r["id:ID"] == ESB["id"])
    assert (esb[":LABEL"], esb["aliases:string[]"]) == ("Entity;Organization", "ESB")
    wing_evidence = next(r for r in rows("evidence.csv") if r["fact"] == WING["id"])
    assert wing_evidence["sentence"] == WING["evidence"][0]["sentence"]
    script = (tmp_path / "g" / SCRIPT).read_text(encoding="utf-8")
    assert "CREATE (a)-[:WING_OF {id: row.`id`, certainty: row.`certainty`, " in script
    assert "remote: (row.`remote:boolean` = 'true')" in script


def test_labels_and_types_are_safe_identifiers():
    assert entity_label("organization") == "Organization"
    assert relationship_type("member_of") == "MEMBER_OF"
    assert relationship_type("co-founder of") == "CO_FOUNDER_OF"
    assert relationship_type("1st_cousin") == "_1ST_COUSIN"
