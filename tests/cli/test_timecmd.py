"""`newsgraph timex` and `newsgraph eval timex` as a user runs them: the real script in a subprocess."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.eval.timeml import parse_timeml

NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))
TML_FIXTURE = Path(__file__).parent.parent / "eval" / "fixtures" / "harbour_strike.tml"
TEXT = "The ferry service resumed on Tuesday after a two-month pause, officials said on 4 March 2024.\n"


def run(*args, stdin=None):
    return subprocess.run([NEWSGRAPH, *map(str, args)], input=stdin, capture_output=True, text=True, timeout=300,
                          check=False)


@pytest.mark.parametrize("command", [["timex"], ["eval"], ["eval", "timex"]])
def test_help_shows_an_example(command):
    p = run(*command, "--help")
    assert p.returncode == 0
    assert "Example" in p.stdout
    assert f"newsgraph {' '.join(command)}" in p.stdout.split("Example", 1)[1]


def test_timex_json_lists_expressions_with_offsets_into_the_input(tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(TEXT, encoding="utf-8")
    p = run("timex", path, "--published", "2024-03-07")
    assert p.returncode == 0, p.stderr
    items = json.loads(p.stdout)
    by_text = {item["text"]: item for item in items}
    assert set(by_text) >= {"Tuesday", "two-month", "4 March 2024"}
    for item in items:
        assert TEXT[item["start"]:item["end"]] == item["text"]
        assert set(item) == {"id", "start", "end", "text", "type", "value", "earliest", "latest",
                             "granularity", "mod", "anchor"}
    assert by_text["4 March 2024"]["value"] == "2024-03-04"
    assert by_text["two-month"]["type"] == "DURATION"
    assert by_text["Tuesday"]["value"] == "2024-03-05"
    assert by_text["Tuesday"]["anchor"] is None or isinstance(by_text["Tuesday"]["anchor"], dict)


def test_timex_reads_stdin_and_writes_timeml():
    p = run("timex", "-", "--published", "2024-03-07", "--format", "tml", stdin=TEXT)
    assert p.returncode == 0, p.stderr
    doc = parse_timeml(p.stdout, source="stdout")
    assert doc.text == TEXT
    assert doc.dct.isoformat() == "2024-03-07"
    assert "4 March 2024" in [t.text for t in doc.timexes]


def test_bad_published_date_is_a_usage_error(tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(TEXT, encoding="utf-8")
    p = run("timex", path, "--published", "March 7")
    assert p.returncode == 2
    assert "--published" in p.stderr and "YYYY-MM-DD" in p.stderr


def test_missing_file_is_one_clear_line(tmp_path):
    missing = tmp_path / "nowhere.txt"
    p = run("timex", missing)
    assert p.returncode == 1
    assert p.stderr.strip().splitlines() == [f"newsgraph: error: {missing}: no such file or directory"]
    assert p.stdout == ""


def test_eval_timex_table_has_per_file_and_overall_rows():
    p = run("eval", "timex", TML_FIXTURE, "--errors")
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert lines[0].split()[:3] == ["file", "gold", "pred"]
    assert lines[1].startswith("harbour_strike.tml")
    assert lines[1].split()[1] == "5"  # five gold TIMEX3s in the fixture text
    assert any(line.startswith("OVERALL (1 files)") for line in lines)
    assert any(line.startswith("errors: missed") for line in lines)


def test_eval_timex_json_has_overall_and_file_scores(tmp_path):
    copy = tmp_path / "nested" / "deeper" / "harbour.tml"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(TML_FIXTURE.read_bytes())
    p = run("eval", "timex", tmp_path, "--format", "json")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert [f["source"] for f in data["files"]] == [str(copy)]
    assert data["overall"]["counts"]["gold"] == 5
    assert 0.0 <= data["overall"]["scores"]["value_f1"] <= data["overall"]["scores"]["relaxed_f1"] <= 1.0
    assert "errors" not in data


def test_eval_timex_malformed_file_is_one_line_naming_it(tmp_path):
    broken = tmp_path / "broken.tml"
    broken.write_text("<TimeML><TEXT>Friday</TimeML>", encoding="utf-8")
    p = run("eval", "timex", broken)
    assert p.returncode == 1
    assert len(p.stderr.strip().splitlines()) == 1
    assert str(broken) in p.stderr and "malformed TimeML" in p.stderr


def test_eval_timex_needs_a_path():
    p = run("eval", "timex")
    assert p.returncode == 2
    assert "Missing argument" in p.stderr


def test_timex_reads_html_through_ingest(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Port talks</title>"
        '<meta property="article:published_time" content="2024-03-15T08:00:00Z"></head>'
        "<body><nav>Home | World</nav><article><p>Negotiators met in Mombasa yesterday and agreed"
        " to meet again on 2 April.</p><p>The strike began three weeks ago.</p></article></body></html>",
        encoding="utf-8")
    items = json.loads(run("timex", page).stdout)
    values = {t["text"]: t["value"] for t in items}
    assert values["yesterday"] == "2024-03-14"
    assert values["2 April"] == "2024-04-02"
    assert "Home" not in " ".join(values)
