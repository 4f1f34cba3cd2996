from __future__ import annotations

import pytest

from newsgraph.store import open_store


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "graph.db") as s:
        yield s
