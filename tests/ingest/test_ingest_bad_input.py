"""Bad input: one clear error naming the file and the reason, and the batch goes on."""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import DEFAULT_MAX_BYTES, iter_documents

NOBODY = 65534


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty document"),
        ("blank.md", b"  \n\r\n\t ", "empty document"),
        ("bom_only.txt", b"\xef\xbb\xbf", "empty document"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
        ("controls.txt", b"ab\x01\x02\x03\x04\x05\x06\x07\x08cd", "binary file, not text"),
        (
            "latin1.txt",
            b"Les r\xe9fugi\xe9s sont arriv\xe9s.",
            "not valid UTF-8 text (byte 0xe9 at offset 5)",
        ),
        ("bom_latin1.txt", b"\xef\xbb\xbfNa\xefve.", "not valid UTF-8 text (byte 0xef at offset 5)"),
        ("utf16.txt", "Hello".encode("utf-16"), "UTF-16 text is not supported; save it as UTF-8"),
        ("numbers.txt", b"2024-03-14 12:00 | 4,500 | +3.2% | ---", "no sentences (the text has no words)"),
        ("punct.md", b"# ...\n\n* * *\n\n!!!", "no sentences (the text has no words)"),
        (
            "bad.json",
            b'{"text": "Rain", }',
            "malformed JSON: Expecting property name enclosed in double quotes",
        ),
        ("empty_array.json", b"[]", "empty document (the JSON array has no records)"),
        ("scalar.json", b'"just a string"', "expected a JSON object, got a string"),
        ("blank.jsonl", b"\n\n  \n", "empty document"),
        ("binary.jsonl", b'{"text": "a"}\n\x00\x00\x00\n', "binary file, not text"),
        ("nav_only.html", b"<html><body><nav><ul><li></li></ul></nav></body></html>", "no main text found"),
    ],
)
def test_bad_file_gives_one_error_and_the_batch_goes_on(tmp_path, good, read, name, content, reason):
    bad = tmp_path / name
    bad.write_bytes(content)
    documents, errors = read(good, bad, good)
    assert [d.text for d in documents] == [good.read_text()] * 2
    [error] = errors
    assert error.source == str(bad)
    assert error.line is None
    assert error.reason.startswith(reason)
    assert str(error) == f"{bad}: {error.reason}"


def test_missing_path_is_reported_and_the_batch_goes_on(tmp_path, good, read):
    missing = tmp_path / "nowhere" / "story.txt"
    items, errors = read(missing, good)
    assert [d.text for d in items] == [good.read_text()]
    assert str(errors[0]) == f"{missing}: no such file or directory"


def test_too_large_is_refused_before_reading(tmp_path, good, read):
    big = tmp_path / "big.txt"
    big.write_text("A sentence about the harbour. " * 10)
    documents, [error] = read(big, good, max_bytes=100)
    assert [d.text for d in documents] == [good.read_text()]
    assert error.reason == "file too large (300 bytes > 100 bytes limit)"


def test_fifty_megabyte_file_is_refused_at_the_default_limit_without_reading_it(tmp_path, good, read):
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no disk used, and all NULs if it were read
    started = time.perf_counter()
    documents, [error] = read(big, good)
    assert time.perf_counter() - started < 1.0
    assert DEFAULT_MAX_BYTES == 10_000_000
    assert str(error) == f"{big}: file too large (52.4 MB > 10 MB limit)"
    assert [d.text for d in documents] == [good.read_text()]


def test_an_over_long_jsonl_line_is_skipped_and_the_next_lines_read(tmp_path, read):
    path = tmp_path / "feed.jsonl"
    long_text = "word " * 400
    path.write_text(
        '{"text": "Short one about Malmo."}\n'
        f'{{"text": "{long_text}"}}\n'
        '{"text": "Another about Turku."}\n'
    )
    documents, [error] = read(path, max_bytes=200)
    assert [d.text for d in documents] == ["Short one about Malmo.", "Another about Turku."]
    assert (error.line, error.reason) == (2, "line too large (2 kB > 200 bytes limit)")


def read_without_privileges(*paths) -> list[str]:
    """What iter_documents yields, one line per item, for a user who lacks root's right to read
    any file: as root, the reading happens in a forked child that has given up root."""
    def lines():
        return [str(i) if isinstance(i, InputError) else f"document {i.source}" for i in iter_documents(paths)]

    if os.geteuid() != 0:
        return lines()
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:
        try:
            os.close(read_end)
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            os.write(write_end, json.dumps(lines()).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        output = reader.read()
    os.waitpid(child, 0)
    return json.loads(output)


@pytest.fixture
def shared_dir():
    """A directory any user may enter (pytest's tmp_path is for its owner only)."""
    with tempfile.TemporaryDirectory() as directory:
        os.chmod(directory, 0o755)
        yield Path(directory)


@pytest.mark.parametrize("named", [True, False], ids=["named explicitly", "inside a directory"])
def test_unreadable_file_is_reported_and_the_batch_goes_on(shared_dir, good, named):
    secret, readable = shared_dir / "secret.txt", shared_dir / "readable.txt"
    for path, mode in ((secret, 0), (readable, 0o644)):
        path.write_text(good.read_text())
        path.chmod(mode)
    lines = read_without_privileges(*((secret, readable) if named else (shared_dir,)))
    error, document = f"{secret}: permission denied", f"document {readable}"
    assert lines == ([error, document] if named else [document, error])
