"""`newsgraph dossier` as a user runs it, on a store of the demo corpus."""
from __future__ import annotations

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


def test_one_actor_page_and_every_actor_with_an_index(store, tmp_path):
    page = tmp_path / "esb.html"
    p = run("dossier", "--db", store, "ESB", "-o", page)
    assert p.returncode == 0, p.stderr
    html = page.read_text(encoding="utf-8")
    assert html.lower().startswith("<!doctype html>") and "Eastern Shield Brigades" in html
    p = run("dossier", "--db", store, "--all", "-o", tmp_path / "all")
    assert p.returncode == 0, p.stderr
    assert (tmp_path / "all" / "index.html").is_file()
    pages = list((tmp_path / "all").glob("*.html"))
    assert len(pages) > 5 and f"open {tmp_path / 'all' / 'index.html'}" in p.stdout


def test_an_unknown_actor_is_one_error_line_and_no_file(store, tmp_path):
    page = tmp_path / "nobody.html"
    p = run("dossier", "--db", store, "Nobody Atall", "-o", page)
    assert p.returncode == 1
    assert p.stderr.strip().startswith("newsgraph: error:") and "\n" not in p.stderr.strip()
    assert not page.exists()


def test_name_or_all_not_both(store, tmp_path):
    assert run("dossier", "--db", store, "ESB", "--all", "-o", tmp_path / "x").returncode == 2
