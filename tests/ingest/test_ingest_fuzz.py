"""Fuzzing the readers: whatever the bytes, names or values, `iter_documents` never raises.

Each input comes out as Documents in the normal form (NFC, "\\n" line endings, valid Unicode)
or as InputErrors that print on one line, one per bad input. The default run takes a few
seconds; `HYPOTHESIS_PROFILE=long python -m pytest tests/ingest/test_ingest_fuzz.py` runs a
hundred times more examples (about ten minutes).
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import InputError
from newsgraph.ingest import STDIN_SOURCE, iter_documents
from newsgraph.ingest.sources import read_stdin
from newsgraph.model import Document

# Random dates after tomorrow are kept with an InputWarning, which is expected here.
pytestmark = pytest.mark.filterwarnings("ignore::newsgraph.errors.InputWarning")
LONG = os.environ.get("HYPOTHESIS_PROFILE") == "long"
fuzz = settings(max_examples=4_000 if LONG else 40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SUFFIXES = [".txt", ".md", ".html", ".json", ".jsonl"]
SENTENCE = "The mayor of Orlen opened the library on Saturday."
MARKUP = [
    "<html>", "<head>", "</head>", "<body>", "</body>", "<div>", "</div>", "<p>", "</p>", "<article>",
    "</article>", "<script>", "</script>", "<style>", "</style>", "<title>", "</title>", "<nav>", "<br>",
    "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#xD800;", "&#0;", "&bogus;", '<meta charset="rot13">',
    '<meta charset="utf-16">', '<meta charset="latin-1">', '<meta property="article:published_time" '
    'content="2999-01-01">', "<time datetime=\"0000-00-00\">", "<", ">", "\r\n", "\ufeff", SENTENCE,
]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
records = st.fixed_dictionaries(
    {},
    optional={
        "text": st.one_of(st.text(), st.just(SENTENCE), json_values),
        "title": st.one_of(st.text(max_size=20), json_values),
        "url": st.one_of(st.text(max_size=20), json_values),
        "published": st.one_of(st.dates().map(str), st.text(max_size=20), json_values),
    },
)


def read(path: Path) -> list:
    items = list(iter_documents([path]))
    assert items
    for item in items:
        check(item)
    return items


def check(item: object) -> None:
    """A Document in the normal form, or an error that prints as one line of valid Unicode."""
    assert isinstance(item, (Document, InputError))
    if isinstance(item, Document):
        assert unicodedata.is_normalized("NFC", item.text)
        assert "\r" not in item.text and not item.text.startswith("\ufeff")
        assert any(c.isalpha() for c in item.text)
        item.sha256  # noqa: B018  (hashing is what failed on lone surrogates)
        for value in (item.text, item.title or "", item.url or "", item.source):
            value.encode("utf-8")
        assert "\n" not in item.source
    else:
        line = str(item)
        line.encode("utf-8")
        assert "\n" not in line and "\r" not in line


def written(suffix: str, data: bytes, directory: str) -> Path:
    path = Path(directory) / f"input{suffix}"
    path.write_bytes(data)
    return path


def one_item_per_input(path: Path, items: list) -> None:
    """A text, Markdown or HTML file is one document or one error; JSON Lines, one per line."""
    if path.suffix in (".txt", ".md", ".html"):
        assert len(items) == 1
    elif path.suffix == ".jsonl":
        lines = [item.line if isinstance(item, InputError) else int(item.source.rpartition(":")[2])
                 for item in items]
        assert len(lines) == len(set(lines))


@fuzz
@given(suffix=st.sampled_from(SUFFIXES), data=st.binary(max_size=3000))
def test_random_bytes(suffix, data):
    with tempfile.TemporaryDirectory() as directory:
        path = written(suffix, data, directory)
        one_item_per_input(path, read(path))


@fuzz
@given(suffix=st.sampled_from(SUFFIXES), text=st.text(max_size=1000), encoding=st.sampled_from(["utf-8", "utf-8-sig"]))
def test_random_unicode(suffix, text, encoding):
    with tempfile.TemporaryDirectory() as directory:
        path = written(suffix, text.encode(encoding, "surrogatepass"), directory)
        one_item_per_input(path, read(path))


@fuzz
@given(value=json_values)
def test_random_json_values(value):
    with tempfile.TemporaryDirectory() as directory:
        items = read(written(".json", json.dumps(value).encode(), directory))
        if isinstance(value, list) and value:
            assert len(items) == len(value)
        else:
            assert len(items) == 1


@fuzz
@given(lines=st.lists(records | json_values, min_size=1, max_size=6), ascii_only=st.booleans())
def test_random_json_lines(lines, ascii_only):
    data = "\n".join(json.dumps(line, ensure_ascii=ascii_only) for line in lines)
    with tempfile.TemporaryDirectory() as directory:
        items = read(written(".jsonl", data.encode("utf-8", "surrogatepass"), directory))
        if len(items) == 1 and isinstance(items[0], InputError) and items[0].line is None:
            assert items[0].reason == "binary file, not text"  # control characters dominate
            return
        assert len(items) == len(lines)
        for number, item in enumerate(items, 1):
            where = item.line if isinstance(item, InputError) else int(item.source.rpartition(":")[2])
            assert where == number


@fuzz
@given(parts=st.lists(st.sampled_from(MARKUP) | st.text(max_size=30), max_size=40), depth=st.integers(0, 600))
def test_random_html(parts, depth):
    markup = "<div>" * depth + "".join(parts) + "</div>" * depth
    with tempfile.TemporaryDirectory() as directory:
        one_item_per_input(Path("x.html"), read(written(".html", markup.encode("utf-8", "surrogatepass"), directory)))


@fuzz
@given(data=st.binary(max_size=2000) | st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_random_stdin(data):
    items = list(read_stdin(io.BytesIO(data), None, 10_000, None))
    assert items
    for item in items:
        check(item)
        assert item.source.startswith(STDIN_SOURCE)


@fuzz
@given(name=st.binary(min_size=1, max_size=60).filter(lambda b: b"/" not in b and b"\0" not in b and b not in (b".", b"..")))
def test_random_file_names(name):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / os.fsdecode(name)
        path.write_bytes(SENTENCE.encode() if name[0] % 2 else b"\x00")
        [item] = read(path)
        assert isinstance(item, Document) == bool(name[0] % 2)
