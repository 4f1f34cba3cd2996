from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import iter_documents
from newsgraph.model import Document

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def read_all(*paths, **options) -> tuple[list[Document], list[InputError]]:
    """Run iter_documents and split what it yields, checking it yields nothing else."""
    items = list(iter_documents(paths, **options))
    documents = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(documents) + len(errors) == len(items)
    return documents, errors


@pytest.fixture
def read():
    return read_all


@pytest.fixture
def good(tmp_path) -> Path:
    """A good document to read around a bad one: the batch must go on and read it."""
    path = tmp_path / "good.txt"
    path.write_text("The mayor of Orlen opened the new library on Saturday.")
    return path
