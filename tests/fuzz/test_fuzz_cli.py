"""`newsgraph ingest` as a user runs it on a directory of good articles and hostile files (the
cases of issue 7, made in tmp_path since links, FIFOs and odd names cannot live in git): one
`newsgraph: error:` line per bad record and no traceback, exit code 1, every good article
stored once, and the read commands answer from the result. Real script, real SQLite file."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from fuzz_inputs import FORMATS, render, sample_articles

NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))
SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "src/newsgraph/schema/newsgraph-1.schema.json")
                    .read_text(encoding="utf-8"))
LATIN1_PAGE = ('<html><head><meta charset="rot13"><title>Caf\xe9</title></head><body><article><p>'
               "Caf\xe9 owners in Li\xe8ge protested on Monday.</p></article></body></html>")
# (file name, content, the reason its error line gives; None for a good file).
HOSTILE = [
    ("surrogate.json", b'{"text": "Rain \\ud800 in Varna."}', '"text" is not valid Unicode (a lone surrogate'),
    ("rot13.html", LATIN1_PAGE.encode("latin-1"), "the declared charset 'rot13' is not a text encoding"),
    ("empty.txt", b"", "empty document"),
    ("binary.md", b"\x00\x01\x02PK\x03\x04", "binary file, not text"),
    ("deep.json", b"[" * 100_000 + b"]" * 100_000, "malformed JSON: nested too deeply"),
    ("number.json", b'{"text": "Snow in Oslo.", "published": ' + b"9" * 5000 + b"}",
     "malformed JSON: Exceeds the limit (4300 digits)"),
    ("no-text.html", b"<html><body><script>var port = 'Lagos';</script><!-- Cork --></body></html>",
     "no main text found in the HTML page"),
    ("record.json", b'{"title": "Floods", "text": 42}', '"text" is a number, not a string'),
    ("future.md", b"---\ndate: 2999-01-01\n---\nThe fleet sailed from Brest on Monday.\n", None),
    ("rot13-utf8.html", LATIN1_PAGE.replace("\xe9", "é").replace("\xe8", "è").encode(), None),
    ("nested.html", ("<html><body>" + "<div>" * 3000 + "<p>The council of Varna met on Friday to vote on the "
                     "budget.</p>" + "</div>" * 3000 + "</body></html>").encode(), None),
]
# (file name, as its error line shows it, content, reason): names no terminal line should carry.
ODD_NAMES = [
    (os.fsdecode(b"caf\xe9 \xff.txt"), "caf\\xe9 \\xff.txt", b"\x00\x00", "binary file, not text"),
    ("two\nlines\x1b[31m.txt", "two\\nlines\\x1b[31m.txt", b"  \n", "empty document"),
]
# Not regular files, made by the fixture: (file name, reason).
NOT_FILES = [("loop.txt", "symbolic link loop"), ("gone.md", "broken symbolic link (its target does not exist)"),
             ("pipe.txt", "not a regular file (a FIFO)")]
# Good besides the articles: the files of HOSTILE without a reason, and line 1 of feed.jsonl.
OTHER_GOOD = sum(reason is None for _, _, reason in HOSTILE) + 1


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSGRAPH, *map(str, args)], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess, Path]:
    """The store, the ingest run, and the folder it read."""
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "in"
    folder.mkdir()
    for number, text in enumerate(sample_articles()):
        suffix, content = render(text, f"Article {number}", date(2024, 5, 1),
                                 FORMATS[number % len(FORMATS)], ascii_json=bool(number % 2))
        (folder / f"article-{number:02d}{suffix}").write_text(content, encoding="utf-8")
    # The first article again, with a BOM and CRLF line ends: a duplicate, not a second document.
    (folder / "article-00-again.txt").write_bytes(("\ufeff" + sample_articles()[0]).replace("\n", "\r\n").encode())
    for name, content, _ in HOSTILE:
        (folder / name).write_bytes(content)
    for name, _, content, _ in ODD_NAMES:
        (folder / name).write_bytes(content)
    (folder / "feed.jsonl").write_text(json.dumps({"text": "Ferries to Tromsø resumed on Tuesday."}) + "\n"
                                       + '{"text": "Rain \\udc00 in Varna."}\n[1, 2]\n', encoding="utf-8")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "gone.md").symlink_to(folder / "deleted.md")
    os.mkfifo(folder / "pipe.txt")
    db = root / "graph.db"
    return db, run("ingest", "-q", "--db", db, folder), folder


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("newsgraph: error: ")]


def test_each_bad_record_is_one_error_line_and_the_good_ones_are_stored(ingested):
    db, ingest, folder = ingested
    assert ingest.returncode == 1, ingest.stderr
    assert "Traceback" not in ingest.stderr
    lines = error_lines(ingest.stderr)
    expected = {
        **{f"{folder}/{name}: ": reason for name, _, reason in HOSTILE if reason},
        **{f"{folder}/{shown}: ": reason for _, shown, _, reason in ODD_NAMES},
        **{f"{folder}/{name}: ": reason for name, reason in NOT_FILES},
        f"{folder}/feed.jsonl:2: ": '"text" is not valid Unicode (a lone surrogate U+DC00',
        f"{folder}/feed.jsonl:3: ": "expected a JSON object, got an array",
    }
    assert len(lines) == len(expected), ingest.stderr
    for where, reason in expected.items():
        [line] = [line for line in lines if line.startswith(f"newsgraph: error: {where}")]
        assert reason in line, line
    good = len(sample_articles()) + OTHER_GOOD
    assert f"{good} added, 1 skipped as duplicates (1 recorded as another source), {len(expected)} failed" \
        in ingest.stderr
    assert "newsgraph: warning: " in ingest.stderr and "2999-01-01 is after tomorrow" in ingest.stderr


def test_the_read_commands_answer_from_the_result(ingested):
    db, _, _ = ingested
    exported = run("export", "--db", db)
    assert exported.returncode == 0, exported.stderr
    export = json.loads(exported.stdout)
    jsonschema.validate(export, SCHEMA)
    assert len(export["documents"]) == len(sample_articles()) + OTHER_GOOD
    stored = [document["text"] for document in export["documents"]]
    assert all(any(text in document for document in stored) for text in sample_articles())
    found = run("search", "--db", db, "--format", "json", "MAYOR elected")
    assert found.returncode == 0, found.stderr
    assert any("was elected mayor of" in hit["text"] for hit in json.loads(found.stdout))
    entities = run("entities", "--db", db, "--type", "person", "--format", "json")
    assert entities.returncode == 0, entities.stderr
    people = [e["name"] for e in json.loads(entities.stdout)]
    assert people
    shown = run("show", "--db", db, people[0])
    assert shown.returncode == 0, shown.stderr
    assert people[0] in shown.stdout
