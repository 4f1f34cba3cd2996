"""Two exports every format test converts: a hand-written one with relations and events, and
the real export of the demo corpus (ingested into a SQLite file by the real pipeline), which
has documents and entities but no relations or events yet."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest
from export_fixture import hand_export

from newsgraph.api import Graph

CORPUS = Path(__file__).resolve().parents[2] / "demo" / "corpus"
SCHEMA_FILE = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "schema" / "newsgraph-1.schema.json"


@pytest.fixture(scope="session")
def schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


@pytest.fixture
def hand(schema) -> dict:
    export = hand_export()
    jsonschema.validate(export, schema)
    return export


@pytest.fixture(scope="session")
def demo_export(tmp_path_factory, schema) -> dict:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    with Graph(db) as graph:
        report = graph.ingest([CORPUS])
        assert (report.added, report.failed) == (11, 0)
        out = io.StringIO()
        graph.export(out)
    export = json.loads(out.getvalue())
    jsonschema.validate(export, schema)
    return export


@pytest.fixture
def demo(demo_export) -> dict:
    return json.loads(json.dumps(demo_export))


@pytest.fixture(params=["hand", "demo"])
def export(request) -> dict:
    """Each of the two exports in turn."""
    return request.getfixturevalue(request.param)
