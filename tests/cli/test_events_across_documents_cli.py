"""`newsgraph events`, `timeline` and `show` on the demo corpus, where two outlets tell one
Quetta meeting a day apart (demo/README.md): one row, two sources, both dates shown."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))

QUETTA_CHRONICLE = "Banned Group's Commander Seen With Quetta Cleric"
PISHIN_COURIER = "Seminary Chief Held Talks With Banned Group's Leader"


def _ok(*args) -> str:
    p = subprocess.run([NEWSGRAPH, *map(str, args)], capture_output=True, text=True, timeout=600, check=False)
    assert p.returncode == 0, p.stderr
    return p.stdout


def test_events_lists_the_meeting_once_with_its_two_sources_and_both_dates(demo_store):
    items = json.loads(_ok("events", "--db", demo_store, "--entity", "Naveed Zahir", "--type", "meeting",
                           "--format", "json"))
    assert [(i["when"], i["sources"]) for i in items] == [("2024-03", 2), ("2024-04-14", 1)]
    story = items[0]
    assert story["first_reported"]["doc_title"] == QUETTA_CHRONICLE
    assert story["first_reported"]["published"] == "2024-03-12"
    (time,) = [c for c in story["conflicts"] if c["field"] == "time"]
    assert [(s["value"], [d["doc_title"] for d in s["documents"]]) for s in time["sides"]] == [
        ("2024-03-10", [QUETTA_CHRONICLE]), ("2024-03-11", [PISHIN_COURIER])]
    table = _ok("events", "--db", demo_store, "--entity", "Naveed Zaheer", "--type", "meeting").splitlines()
    assert "2024-03-12" in table[1] and "time 2024-03-10 | 2024-03-11" in table[1]
    rows = list(csv.DictReader(io.StringIO(_ok("events", "--db", demo_store, "--entity", "Naveed Zaheer",
                                               "--type", "meeting", "--format", "csv"))))
    assert [(r["sources"], r["first_reported"], r["first_reported_by"]) for r in rows] == [
        ("2", "2024-03-12", QUETTA_CHRONICLE), ("1", "2024-04-16", "Cleric and Militant Leader Meet Again, This Time in Pishin")]


def test_timeline_and_show_name_the_documents_on_each_side(demo_store):
    expected = f"sources disagree on time: 2024-03-10 [{QUETTA_CHRONICLE}]; 2024-03-11 [{PISHIN_COURIER}]"
    timeline = [line.strip() for line in _ok("timeline", "Naveed Zaheer", "--db", demo_store).splitlines()]
    assert f"2 sources, first reported 2024-03-12 [{QUETTA_CHRONICLE}]" in timeline
    assert expected in timeline
    shown = [line.strip() for line in _ok("show", "Tarakzai", "--db", demo_store).splitlines()]
    assert expected in shown
