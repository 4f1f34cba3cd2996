"""What CLI tests share: the real `newsgraph` script and one store of the demo corpus."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))
DEMO = Path(__file__).resolve().parents[2] / "demo" / "corpus"


def run_newsgraph(*args) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSGRAPH, *map(str, args)], capture_output=True, text=True, timeout=600, check=False)


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory) -> Path:
    """The demo corpus ingested once, for commands that only read the store."""
    db = tmp_path_factory.mktemp("demo-store") / "demo.db"
    p = run_newsgraph("ingest", "-q", "--db", db, DEMO)
    assert p.returncode == 0, p.stderr
    return db
