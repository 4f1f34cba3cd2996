"""Hostile input: each case is reported in one line naming its file, or read, and the batch goes on.

The files are made in tmp_path by the tests, since symbolic link loops, odd file names and
unreadable files cannot live in git.
"""

from __future__ import annotations

import json
import os
import warnings
from datetime import date

import pytest

from newsgraph.errors import InputError, InputWarning
from newsgraph.ingest import DEFAULT_MAX_BYTES, read_text_document, source_name

PAGE = "<html><head><meta charset=\"{charset}\"><title>Library</title></head><body>{body}</body></html>"
PROSE = "<article><p>{text}</p></article>"


def one_error_between_good_ones(read, good, bad):
    """Read good, bad, good: both good documents come through and the bad one is one error."""
    documents, errors = read(good, bad, good)
    assert [d.text for d in documents] == [good.read_text()] * 2
    [error] = errors
    assert "\n" not in str(error)
    return error


@pytest.mark.parametrize("field", ["text", "title", "url"])
def test_lone_surrogate_in_a_json_field_is_an_error_naming_the_file(tmp_path, good, read, field):
    record = {"text": "The harbour of Brava reopened.", field: "Brava \ud800 harbour"}
    bad = tmp_path / "surrogate.json"
    bad.write_text(json.dumps(record))  # json.dumps writes the surrogate as the escape \ud800
    error = one_error_between_good_ones(read, good, bad)
    assert error.source == str(bad)
    assert error.reason == f'"{field}" is not valid Unicode (a lone surrogate U+D800 at character 6)'


def test_lone_surrogate_in_a_jsonl_line_names_the_line(tmp_path, read):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Fog in Tarsk."}\n{"text": "Rain \\udc00 in Varna."}\n{"text": "Sun in Kiel."}\n')
    documents, [error] = read(path)
    assert [d.text for d in documents] == ["Fog in Tarsk.", "Sun in Kiel."]
    assert str(error) == f'{path}:2: "text" is not valid Unicode (a lone surrogate U+DC00 at character 5)'


@pytest.mark.parametrize("charset", ["rot13", "base64", "zlib", "hex", "no-such-codec", "utf-16", "cp500"])
def test_page_declaring_a_charset_that_cannot_read_it_is_read_as_utf8(tmp_path, read, charset):
    path = tmp_path / "page.html"
    text = "The café in Liège reopened on Monday after the floods."
    path.write_bytes(PAGE.format(charset=charset, body=PROSE.format(text=text)).encode("utf-8"))
    [document], errors = read(path)
    assert errors == []
    assert document.text == text


@pytest.mark.parametrize(
    ("charset", "why"),
    [
        ("rot13", "the declared charset 'rot13' is not a text encoding"),
        ("base64", "the declared charset 'base64' is not a text encoding"),
        ("zlib", "the declared charset 'zlib' is not a text encoding"),
        ("hex", "the declared charset 'hex' is not a text encoding"),
        ("no-such-codec", "the declared charset 'no-such-codec' is unknown"),
        ("utf-16", "the declared charset 'utf-16' does not read ASCII as ASCII"),
        ("undefined", "the declared charset 'undefined' does not read ASCII as ASCII"),
        ("ascii", "nor is it valid in the declared charset 'ascii'"),
    ],
)
def test_page_not_utf8_whose_declared_charset_is_unusable_is_one_clear_error(
    tmp_path, good, read, charset, why
):
    bad = tmp_path / "page.html"
    bad.write_bytes(PAGE.format(charset=charset, body=PROSE.format(text="Caf\xe9 owners protested.")).encode("latin-1"))
    error = one_error_between_good_ones(read, good, bad)
    assert error.reason.startswith("not valid UTF-8 text (byte 0xe9 at offset ")
    assert error.reason.endswith(f"; {why}")


def symlink_or_skip(link, target):
    try:
        link.symlink_to(target)
    except OSError:
        pytest.skip("symbolic links not supported here")


def test_file_symlink_to_itself_named_explicitly_is_one_error(tmp_path, good, read):
    loop = tmp_path / "loop.txt"
    symlink_or_skip(loop, loop)
    error = one_error_between_good_ones(read, good, loop)
    assert str(error) == f"{loop}: symbolic link loop"


def test_broken_and_looping_links_inside_a_directory_are_reported_not_skipped_silently(tmp_path, read, good):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "b_good.txt").write_text(good.read_text())
    symlink_or_skip(corpus / "a_loop.txt", corpus / "a_loop.txt")
    symlink_or_skip(corpus / "c_gone.md", corpus / "deleted.md")
    (corpus / "d_ignored.pdf").symlink_to(corpus / "d_ignored.pdf")
    documents, errors = read(corpus)
    assert [d.text for d in documents] == [good.read_text()]
    assert [str(e) for e in errors] == [
        f"{corpus / 'a_loop.txt'}: symbolic link loop",
        f"{corpus / 'c_gone.md'}: broken symbolic link (its target does not exist)",
    ]


def test_fifo_inside_a_directory_is_reported_instead_of_blocking(tmp_path, read, good):
    os.mkfifo(tmp_path / "pipe.txt")
    documents, [error] = read(tmp_path)
    assert [d.text for d in documents] == [good.read_text()]
    assert error.reason == "not a regular file (a FIFO)"


def test_name_with_a_nul_byte_is_an_error_not_an_exception(good, read):
    error = one_error_between_good_ones(read, good, "bad\0name.txt")
    assert str(error) == "bad\\x00name.txt: invalid file name (it contains a NUL byte)"


def test_file_name_with_bytes_that_are_not_utf8_is_read_and_named_safely(tmp_path, read, good):
    good.rename(tmp_path / os.fsdecode(b"caf\xe9 report.txt"))
    (tmp_path / os.fsdecode(b"bad\xff.txt")).write_bytes(b"\x00\x01")
    [document], [error] = read(tmp_path)
    assert document.source == f"{tmp_path}/caf\\xe9 report.txt"
    assert str(error) == f"{tmp_path}/bad\\xff.txt: binary file, not text"
    assert str(error).encode("utf-8")


def test_control_characters_in_a_file_name_keep_the_error_on_one_line(tmp_path, read):
    name = "two\nlines\t\x1b[31mred\u2028.txt"
    (tmp_path / name).write_text("")
    _, [error] = read(tmp_path)
    assert str(error) == f"{tmp_path}/two\\nlines\\t\\x1b[31mred\\u2028.txt: empty document"


def test_source_name_is_printable_and_idempotent():
    name = "a\nb\r\x7f\x85\u202e" + os.fsdecode(b"\xfe") + "é.txt"
    assert source_name(name) == "a\\nb\\r\\x7f\\x85\\u202e\\xfeé.txt"
    assert source_name(source_name(name)) == source_name(name)
    assert source_name("plain/path.txt") == "plain/path.txt"


@pytest.mark.parametrize("depth", [300, 5000])
def test_deeply_nested_page_is_read(tmp_path, read, depth):
    text = "The council of Varna met on Friday to vote on the budget for the next year."
    path = tmp_path / "deep.html"
    path.write_text(
        "<html><head><title>Budget vote</title></head><body>"
        + "<div>" * depth + f"<p>{text}</p>" + "</div>" * depth + "</body></html>"
    )
    [document], errors = read(path)
    assert errors == []
    assert document.text == text
    assert document.title == "Budget vote"


def test_deeply_nested_page_keeps_scripts_and_styles_out(tmp_path, read):
    path = tmp_path / "deep.html"
    path.write_text(
        "<html><head><style>p {color: red}</style></head><body>" + "<section>" * 3000
        + "<script>var x = 'Hidden';</script><p>Ferries to Skarholm resumed.</p>"
        + "<p>Crews worked overnight.</p>" + "</section>" * 3000 + "</body></html>"
    )
    [document], _ = read(path)
    assert document.text == "Ferries to Skarholm resumed.\n\nCrews worked overnight."


def test_json_nested_too_deeply_is_an_error(tmp_path, good, read):
    bad = tmp_path / "deep.json"
    bad.write_text("[" * 100_000 + "]" * 100_000)
    error = one_error_between_good_ones(read, good, bad)
    assert error.reason == "malformed JSON: nested too deeply"


def test_json_number_too_long_for_python_is_an_error(tmp_path, read):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Snow in Oslo.", "published": ' + "9" * 5000 + "}\n")
    _, [error] = read(path)
    assert error.line == 1
    assert error.reason.startswith("malformed JSON: Exceeds the limit (4300 digits)")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("future.json", '{"text": "The fleet sailed from Brest.", "published": "2999-01-01"}'),
        ("future.jsonl", '{"text": "The fleet sailed from Brest.", "published": "2999-01-01T10:00:00Z"}\n'),
        ("future.md", "---\ndate: 2999-01-01\n---\nThe fleet sailed from Brest.\n"),
    ],
)
def test_published_date_after_tomorrow_is_kept_with_a_warning(tmp_path, read, name, content):
    path = tmp_path / name
    path.write_text(content)
    with pytest.warns(InputWarning) as caught:
        [document], errors = read(path)
    assert errors == []
    assert document.published == date(2999, 1, 1)
    [warning] = [w.message for w in caught if isinstance(w.message, InputWarning)]
    where = f"{path}:1" if name.endswith(".jsonl") else str(path)
    assert str(warning) == f"{where}: published date 2999-01-01 is after tomorrow; kept as given"


def test_published_date_of_tomorrow_and_an_explicit_future_override_do_not_warn(tmp_path, read):
    from datetime import timedelta

    tomorrow = date.today() + timedelta(days=1)
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": "The fleet sailed from Brest.", "published": tomorrow.isoformat()}))
    with warnings.catch_warnings():
        warnings.simplefilter("error", InputWarning)
        [document], _ = read(path)
        [overridden], _ = read(path, published=date(2999, 1, 1))
    assert document.published == tomorrow
    assert overridden.published == date(2999, 1, 1)


def test_text_longer_than_the_parser_takes_is_not_an_ingest_problem(tmp_path, read):
    """The pipeline cuts long texts into chunks; ingest only bounds the bytes it reads."""
    path = tmp_path / "long.txt"
    path.write_text("The harbour of Brava reopened on Monday. " * 30_000)  # 1.2 million characters
    [document], errors = read(path)
    assert errors == []
    assert len(document.text) == 1_230_000
    assert len(document.text.encode()) < DEFAULT_MAX_BYTES


@pytest.mark.parametrize(
    "markdown",
    ["**a " * 50_000, "*a " * 60_000, "_a " * 60_000, "~~a " * 50_000, "[a](" * 50_000, "![a](" * 40_000,
     "~~~ a\n" * 30_000 + "word", "``a`" * 50_000],
    ids=["strong", "emphasis", "underscore", "strike", "link", "image", "fences", "code"],
)
def test_markdown_full_of_unclosed_openers_is_read_in_linear_time(markdown):
    """200 kB of openers took minutes when each one scanned the rest of its line."""
    import time

    started = time.perf_counter()
    try:
        read_text_document("Rain fell. " + markdown, fmt="md")
    except InputError:
        pass
    assert time.perf_counter() - started < 10.0


def test_markdown_fence_left_open_runs_to_the_end_as_in_commonmark():
    document = read_text_document("Rain fell in Oslo.\n\n```\nprint('x')\nmore code", fmt="md")
    assert document.text == "Rain fell in Oslo.\n\n"
