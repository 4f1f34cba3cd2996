"""Notices about input as a user sees them: one warning line for a date in the future, and the
same text whichever line ends it came with."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import newsgraph

NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))
ARTICLE = "Amina Wanjiru met Tobias Okello in Mombasa on Tuesday.\n\nWanjiru said the talks went well.\n"


def test_a_publication_date_after_tomorrow_is_kept_with_one_warning_line(tmp_path):
    page = tmp_path / "future.md"
    page.write_text(f"---\ntitle: Talks\npublished: 2999-01-01\n---\n{ARTICLE}", encoding="utf-8")
    p = subprocess.run([NEWSGRAPH, "extract", str(page)], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    [line] = p.stderr.strip().splitlines()
    assert line.startswith("newsgraph: warning:") and "2999-01-01" in line and "future.md" in line
    assert json.loads(p.stdout)["documents"][0]["published"] == "2999-01-01"


def test_extract_from_python_normalises_line_ends_as_ingest_does():
    crlf = newsgraph.extract(ARTICLE.replace("\n", "\r\n"))
    lf = newsgraph.extract(ARTICLE)
    assert crlf["documents"][0]["sha256"] == lf["documents"][0]["sha256"]
    for entity in crlf["entities"]:
        for m in entity["mentions"]:
            assert ARTICLE[m["start"]:m["end"]] == m["text"]
