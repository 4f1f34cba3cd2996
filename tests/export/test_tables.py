"""`csv`: a directory of tables a spreadsheet or csv.DictReader reads, one row per item."""

from __future__ import annotations

import csv

import pytest
from export_fixture import BOMBING, ESB, FORUM, KISMAYO, NUUR, VISIT, WING

from newsgraph.export.formats import write
from newsgraph.export.tables import CSV_TABLES


def read_tables(directory) -> dict[str, list[dict]]:
    tables = {}
    for table in CSV_TABLES:
        with open(directory / table.file, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            rows = list(reader)
            assert reader.fieldnames == table.columns, table.file
        tables[table.file] = rows
    return tables


@pytest.fixture
def tables(tmp_path, export) -> tuple[dict, dict[str, list[dict]]]:
    write(export, "csv", tmp_path / "csv")
    return export, read_tables(tmp_path / "csv")


def test_one_row_per_item(tables):
    export, rows = tables
    assert len(rows["documents.csv"]) == len(export["documents"])
    assert len(rows["nodes.csv"]) == len(export["entities"])
    assert len(rows["mentions.csv"]) == sum(len(e["mentions"]) for e in export["entities"])
    assert len(rows["edges.csv"]) == len(export["relations"])
    assert len(rows["events.csv"]) == len(export["events"])
    assert len(rows["event_participants.csv"]) == sum(len(v["participants"]) for v in export["events"])
    assert len(rows["evidence.csv"]) == sum(
        len(f["evidence"]) for f in export["relations"] + export["events"]
    )


def test_mentions_point_at_their_text(tables):
    export, rows = tables
    texts = {d["id"]: d["text"] for d in export["documents"]}
    for row in rows["mentions.csv"]:
        assert texts[row["doc"]][int(row["start"]) : int(row["end"])] == row["text"]


def test_rows_keep_names_coordinates_certainty_and_roles(tmp_path, hand):
    write(hand, "csv", tmp_path / "csv")
    rows = read_tables(tmp_path / "csv")
    kismayo = next(r for r in rows["nodes.csv"] if r["id"] == KISMAYO["id"])
    assert (kismayo["lat"], kismayo["lon"], kismayo["country"]) == ("-0.35817", "42.54536", "SO")
    esb = next(r for r in rows["nodes.csv"] if r["id"] == ESB["id"])
    assert (esb["aliases"], esb["mentions"], esb["documents"]) == ("ESB", "4", "2")
    wing = next(r for r in rows["edges.csv"] if r["id"] == WING["id"])
    assert (wing["source_name"], wing["type"], wing["target_name"], wing["certainty"]) == (
        "Tawasul Humanitarian Trust",
        "wing_of",
        "Eastern Shield Brigades",
        "hedged",
    )
    visit = next(r for r in rows["events.csv"] if r["id"] == VISIT["id"])
    assert (visit["time_value"], visit["time_granularity"], visit["place_name"], visit["modality"]) == (
        "2024-12",
        "month",
        "Dubai",
        "planned",
    )
    bombing = next(r for r in rows["events.csv"] if r["id"] == BOMBING["id"])
    assert (bombing["time_value"], bombing["time_latest"]) == ("", "2024-11-18")
    nuur = next(
        r for r in rows["event_participants.csv"] if r["event"] == FORUM["id"] and r["entity"] == NUUR["id"]
    )
    assert (nuur["name"], nuur["role"], nuur["remote"]) == ("Hassan Nuur", "audience", "true")
    evidence = [r for r in rows["evidence.csv"] if r["fact"] == WING["id"]]
    assert [(r["fact_kind"], r["sentence"]) for r in evidence] == [
        ("relation", WING["evidence"][0]["sentence"])
    ]
