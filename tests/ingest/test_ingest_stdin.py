"""Stdin ("-"): the format is guessed from the content unless forced, and JSONL streams."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
from datetime import date

import pytest

from newsgraph.ingest import iter_documents


@pytest.fixture
def stdin(monkeypatch):
    def feed(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))

    return feed


def test_plain_text(stdin, read):
    stdin(b"Prime minister Alva Noor resigned on Tuesday.\r\n")
    [document], _ = read("-")
    assert document.text == "Prime minister Alva Noor resigned on Tuesday.\n"
    assert document.source == "<stdin>"
    assert document.published is None


def test_text_that_merely_starts_with_a_bracket_is_text(stdin, read):
    stdin(b"[Updated] Shares in Norvik Steel fell 8 percent.")
    [document], errors = read("-")
    assert errors == []
    assert document.text == "[Updated] Shares in Norvik Steel fell 8 percent."


def test_json_lines_are_recognised_and_a_bad_line_reported(stdin, read):
    stdin(
        b'{"text": "Flights resumed at Tarsk."}\n{"text": oops}\n{"text": "Roads reopened.", "published": "2024-04-01"}\n'
    )
    documents, [error] = read("-")
    assert [(d.text, d.source, d.published) for d in documents] == [
        ("Flights resumed at Tarsk.", "<stdin>:1", None),
        ("Roads reopened.", "<stdin>:3", date(2024, 4, 1)),
    ]
    assert str(error).startswith("<stdin>:2: malformed JSON")


def test_json_document_is_recognised(stdin, read):
    stdin(b'[{"text": "The summit in Varna ended without a deal.", "title": "No deal"}]')
    [document], _ = read("-")
    assert (document.title, document.text) == ("No deal", "The summit in Varna ended without a deal.")


def test_html_is_recognised(stdin, fixtures, read):
    stdin((fixtures / "harbour_strike.html").read_bytes())
    [document], _ = read("-")
    assert document.published == date(2024, 3, 14)
    assert "Subscribe" not in document.text
    assert document.text.startswith("Harbour strike ends after nine days")


def test_forced_markdown_and_published_override(stdin, read):
    stdin(b"# Drought\n\nWells ran *dry* in Sefra.")
    [document], _ = read("-", fmt="md", published=date(2023, 8, 15))
    assert (document.title, document.text, document.published) == (
        "Drought",
        "Drought\n\nWells ran dry in Sefra.",
        date(2023, 8, 15),
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty document"),
        (b"\x00\x01\x02", "binary file, not text"),
        (b"caf\xe9", "not valid UTF-8 text (byte 0xe9 at offset 3)"),
        (b"... 42 ...", "no sentences"),
        (b"x" * 101, "input too large (more than the 100 bytes limit)"),
    ],
)
def test_bad_stdin(stdin, read, data, reason):
    stdin(data)
    _, [error] = read("-", max_bytes=100)
    assert error.source == "<stdin>"
    assert error.reason.startswith(reason)


def test_json_too_deep_or_too_long_for_python_is_reported_not_raised(stdin, read):
    stdin(b"[" * 100_000 + b"]" * 100_000)
    _, [error] = read("-", fmt="json")
    assert error.reason == "malformed JSON: nested too deeply"
    stdin(b'{"text": "Snow.", "n": ' + b"9" * 5000 + b"}\n" + b'{"text": "Rain in Oslo."}\n')
    [document], [error] = read("-", fmt="jsonl")
    assert (document.source, error.line) == ("<stdin>:2", 1)
    assert error.reason.startswith("malformed JSON: Exceeds the limit (4300 digits)")


def test_guessing_the_format_survives_json_too_deep_for_python(stdin, read):
    stdin(b"[" * 100_000 + b"]" * 100_000)
    _, [error] = read("-")
    assert error.reason == "no sentences (the text has no words)"


def test_forced_jsonl_streams_a_record_before_the_input_ends(monkeypatch):
    """Each record is yielded as soon as its line is in, so a feed of any length can be piped."""
    read_end, write_end = os.pipe()
    with open(read_end, "rb") as reader, open(write_end, "wb", buffering=0) as writer:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(reader))
        documents = iter_documents(["-"], fmt="jsonl")
        writer.write(b'{"text": "First record about Oslo."}\n')
        received = []
        consumer = threading.Thread(target=lambda: received.append(next(documents)))
        consumer.start()
        consumer.join(timeout=5)
        assert not consumer.is_alive(), "the first record waited for the end of the input"
        assert received[0].text == "First record about Oslo."
        writer.write(b'{"text": "Second record about Bergen."}\n')
        writer.close()
        assert [d.text for d in documents] == ["Second record about Bergen."]


def test_real_stdin_of_a_process():
    script = (
        "import json; from newsgraph.ingest import iter_documents\n"
        "for item in iter_documents(['-']):\n"
        "    print(json.dumps(getattr(item, 'text', None) or str(item)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        input=b'{"text": "Fishermen blocked the port of Brava."}\n{broken\n',
        capture_output=True,
        check=True,
    )
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert lines[0] == "Fishermen blocked the port of Brava."
    assert lines[1].startswith("<stdin>:2: malformed JSON")
