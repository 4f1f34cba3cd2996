"""One entry point for every format: `write(export, fmt, path)`, offline, with optional libraries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import jsonschema
import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.export.formats import FORMATS, write


def test_the_formats_issue_11_asks_for():
    assert set(FORMATS) == {"json", "jsonl", "ftm", "stix", "graphml", "gexf", "csv", "neo4j"}
    assert {f.name for f in FORMATS.values() if f.writes == "directory"} == {"csv", "neo4j"}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_writes_the_demo_corpus(tmp_path, demo, fmt):
    target = tmp_path / f"demo.{fmt}"
    write(demo, fmt, target)
    if FORMATS[fmt].writes == "directory":
        assert sorted(os.listdir(target)) == sorted(FORMATS[fmt].files)
    else:
        assert target.is_file() and target.stat().st_size > 0
    assert sorted(os.listdir(tmp_path)) == [target.name]


def test_json_is_the_newsgraph_export_itself(tmp_path, hand, schema):
    write(hand, "json", tmp_path / "graph.json")
    written = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))
    jsonschema.validate(written, schema)
    assert written == hand


def test_a_missing_optional_library_says_how_to_install_it(monkeypatch, tmp_path, hand):
    monkeypatch.setitem(sys.modules, "stix2", None)
    monkeypatch.delitem(sys.modules, "newsgraph.export.stix", raising=False)
    with pytest.raises(
        NewsgraphError, match=r"the stix format needs stix2: pip install 'newsgraph\[export\]'"
    ):
        write(hand, "stix", tmp_path / "graph.stix")
    assert os.listdir(tmp_path) == []


OFFLINE = textwrap.dedent("""
    import socket, sys
    def refuse(*args, **kwargs):
        raise OSError("network access attempted")
    socket.socket.connect = socket.socket.connect_ex = socket.create_connection = refuse
    socket.getaddrinfo = refuse

    import json
    from followthemoney import model
    from stix2validator import validate_file
    from newsgraph.export.formats import write

    export = json.load(open(sys.argv[1], encoding="utf-8"))
    write(export, "ftm", sys.argv[2] + ".ftm")
    write(export, "stix", sys.argv[2] + ".stix")
    for line in open(sys.argv[2] + ".ftm", encoding="utf-8"):
        model.get_proxy(json.loads(line), cleaned=False)
    assert validate_file(sys.argv[2] + ".stix").is_valid
    print("offline ok")
""")


def test_followthemoney_and_the_stix_validator_need_no_network(tmp_path, hand):
    (tmp_path / "export.json").write_text(json.dumps(hand), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", OFFLINE, str(tmp_path / "export.json"), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "offline ok"
