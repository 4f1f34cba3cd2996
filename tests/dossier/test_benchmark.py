"""The dossier benchmark's synthetic export is a valid export, and a small run of it renders
every actor within the page-size goal (the full 2,000-document run is `benchmarks/dossier.py`)."""
from __future__ import annotations

import json

import jsonschema
from synthetic import ROOT, load_benchmark


def test_synthetic_export_is_valid_and_renders_within_the_goals(tmp_path, capsys):
    benchmark = load_benchmark()
    export = benchmark.synthetic_export(60, seed=3)
    jsonschema.validate(export, json.loads((ROOT / "src/newsgraph/schema/newsgraph-1.schema.json").read_text()))
    assert benchmark.main(["--documents", "60", "--out", str(tmp_path)]) == 0
    report = capsys.readouterr().out
    assert "export: 60 documents" in report and "within the goals" in report
    pages = list(tmp_path.glob("*.html"))
    actors = [e for e in export["entities"] if e["type"] in ("person", "organization")]
    assert len(pages) == len(actors) + 1
