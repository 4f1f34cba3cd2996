"""`newsgraph eval names` as a user runs it from the repository: both pair files by default."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))
ROOT = Path(__file__).resolve().parents[2]


def run(*args):
    return subprocess.run([NEWSGRAPH, "eval", "names", *map(str, args)], capture_output=True, text=True,
                          timeout=300, check=False, cwd=ROOT)


def test_by_default_both_pair_files_are_scored_one_report_each():
    p = run()
    assert p.returncode == 0, p.stderr
    assert "== eval/names/pairs.jsonl" in p.stdout
    assert "== eval/names/heldout.jsonl" in p.stdout
    assert p.stdout.count("merge threshold") == 2


def test_json_of_several_files_is_one_object_keyed_by_file_and_of_one_file_the_report():
    both = json.loads(run("eval/names/pairs.jsonl", "eval/names/heldout.jsonl", "--format", "json").stdout)
    assert set(both) == {"eval/names/pairs.jsonl", "eval/names/heldout.jsonl"}
    assert 0 <= both["eval/names/heldout.jsonl"]["recall"] <= 1
    one = json.loads(run("eval/names/pairs.jsonl", "--format", "json").stdout)
    assert one["precision"] >= 0.97


def test_a_missing_default_file_is_one_clear_error_line(tmp_path):
    p = subprocess.run([NEWSGRAPH, "eval", "names"], capture_output=True, text=True, timeout=300, check=False,
                       cwd=tmp_path)
    assert p.returncode != 0
    assert "cannot read name pairs" in p.stderr
    assert "Traceback" not in p.stderr
