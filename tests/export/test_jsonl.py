"""`jsonl`: one item a line, each valid against its part of the newsgraph/1 JSON Schema."""

from __future__ import annotations

import io
import json

import jsonschema
import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.export.jsonl import KINDS, read_jsonl, write_jsonl


def lines_of(export: dict) -> list[str]:
    out = io.BytesIO()
    write_jsonl(export, out)
    return out.getvalue().decode("utf-8").splitlines()


def test_every_line_is_one_item_valid_against_the_schema(export, schema):
    lines = lines_of(export)
    assert json.loads(lines[0]) == {"kind": "export", "schema": "newsgraph/1"}
    items = [json.loads(line) for line in lines[1:]]
    assert len(items) == sum(len(export[key]) for key in KINDS.values())
    for item in items:
        kind = item.pop("kind")
        jsonschema.validate(item, schema["properties"][KINDS[kind]]["items"])


def test_items_come_documents_first_then_entities_relations_events(hand):
    kinds = [json.loads(line)["kind"] for line in lines_of(hand)[1:]]
    assert kinds == ["document"] * 2 + ["entity"] * 11 + ["relation"] * 4 + ["event"] * 5


def test_reading_the_lines_gives_back_the_export(export):
    assert read_jsonl(lines_of(export)) == export


def test_a_stream_without_the_header_is_refused(hand):
    with pytest.raises(NewsgraphError, match="no newsgraph/1 header"):
        read_jsonl(lines_of(hand)[1:])


def test_an_unknown_kind_names_its_line(hand):
    lines = lines_of(hand)
    lines.insert(2, '{"kind": "rumour"}')
    with pytest.raises(NewsgraphError, match="jsonl:3: unknown kind 'rumour'"):
        read_jsonl(lines)
