"""`newsgraph eval articles` as a user runs it: the real script on a hand-written gold folder."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))
ARTICLES = Path(__file__).parent.parent / "eval" / "fixtures" / "articles"


def run(*args):
    return subprocess.run([NEWSGRAPH, "eval", "articles", *map(str, args)], capture_output=True, text=True,
                          timeout=300, check=False)


def test_the_table_names_each_article_and_the_overall_line():
    p = run(ARTICLES)
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert lines[0].split()[:4] == ["article", "ent", "R", "ent"]
    assert any(line.startswith("port_talks") for line in lines)
    assert any(line.startswith("overall") for line in lines)
    assert lines[-1].startswith("errors:")


def test_json_with_the_baseline_side_by_side_and_the_errors():
    p = run(ARTICLES, "--baseline", "spacy", "--format", "json", "--errors")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert set(data) == {"newsgraph", "spacy"}
    for report in data.values():
        assert 0.0 <= report["overall"]["entity_f1"] <= 1.0
        assert "port_talks" in report["articles"]
        assert isinstance(report["errors"]["port_talks"], list)


def test_a_gold_file_without_its_text_is_one_error_line(tmp_path):
    (tmp_path / "orphan.gold.json").write_text("{}", encoding="utf-8")
    p = run(tmp_path)
    assert p.returncode == 1
    assert p.stderr.strip().count("\n") == 0 and "orphan.gold.json" in p.stderr and "article text" in p.stderr
