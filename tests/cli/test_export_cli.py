"""`newsgraph export --format F` as a user runs it, on a store of the demo corpus."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))


@pytest.fixture
def store(demo_store):
    return demo_store


def run(*args):
    return subprocess.run([NEWSGRAPH, *map(str, args)], capture_output=True, text=True, timeout=600, check=False)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "ftm", "stix", "graphml", "gexf"])
def test_every_file_format_is_written(store, tmp_path, fmt):
    target = tmp_path / f"graph.{fmt}"
    p = run("export", "--db", store, "--format", fmt, "-o", target)
    assert p.returncode == 0, p.stderr
    assert target.stat().st_size > 1000
    assert [x.name for x in tmp_path.iterdir()] == [target.name]  # no scratch file left behind


@pytest.mark.parametrize("fmt", ["csv", "neo4j"])
def test_folder_formats_write_a_folder_and_refuse_stdout(store, tmp_path, fmt):
    p = run("export", "--db", store, "--format", fmt, "-o", tmp_path / fmt)
    assert p.returncode == 0, p.stderr
    assert len(list((tmp_path / fmt).iterdir())) >= 5
    p = run("export", "--db", store, "--format", fmt)
    assert p.returncode == 1 and "-o" in p.stderr


def test_a_directory_given_for_a_file_format_is_one_error_line(store, tmp_path):
    p = run("export", "--db", store, "-o", tmp_path)
    assert p.returncode == 1
    assert p.stderr.strip().startswith("newsgraph: error:") and "directory" in p.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_neighbourhood_holds_the_entity_and_fewer_entities_than_the_graph(store):
    whole = json.loads(run("export", "--db", store).stdout)
    p = run("export", "--db", store, "--entity", "ESB", "--depth", "0")
    assert p.returncode == 0, p.stderr
    part = json.loads(p.stdout)
    assert [e["name"] for e in part["entities"]] == ["Eastern Shield Brigades"]
    assert len(part["entities"]) < len(whole["entities"])
