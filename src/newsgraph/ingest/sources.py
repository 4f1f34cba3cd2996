"""Where documents come from: files, directories walked in a fixed order, and stdin."""

from __future__ import annotations

import errno
import io
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from newsgraph.errors import InputError
from newsgraph.ingest.dates import parse_published
from newsgraph.ingest.decode import BINARY_SNIFF_BYTES, decode, human_size, looks_binary, too_large
from newsgraph.ingest.documents import make_document
from newsgraph.ingest.html import parse_html
from newsgraph.ingest.markdown import parse_markdown
from newsgraph.ingest.names import source_name
from newsgraph.ingest.normalise import normalise_text
from newsgraph.ingest.records import json_documents, jsonl_documents, parse_json
from newsgraph.model import Document

FORMATS = ("txt", "md", "html", "json", "jsonl")
SUFFIX_FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
TEXT_FORMATS = ("txt", "md", "html")
# Bytes read from one file (or one JSON Lines line) at most; a larger file is refused before it
# is read. It bounds ingest's memory, not the text's length for the parser: the pipeline cuts
# long texts into chunks, so a text under this limit is never an ingest problem.
DEFAULT_MAX_BYTES = 10_000_000
STDIN = "-"
STDIN_SOURCE = "<stdin>"
HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)


def iter_documents(
    paths: Iterable[str | os.PathLike],
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fmt: str | None = None,
) -> Iterator[Document | InputError]:
    """Every document in `paths`, streamed; bad input comes out as an InputError, not raised.

    A directory is walked recursively in sorted order, skipping hidden entries and files whose
    extension is not one of SUFFIX_FORMATS; a file named explicitly with an unknown extension
    is read as plain text. "-" is stdin. `fmt` forces the format of every file read.
    `published` overrides any date found in the documents' metadata. `max_bytes` bounds each
    file, checked before reading it, and each line of a JSON Lines file, which is otherwise
    read line by line whatever its size.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if fmt is not None and fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
    return _iter_documents(paths, published, max_bytes, fmt)


def _iter_documents(
    paths: Iterable[str | os.PathLike], published: date | None, max_bytes: int, fmt: str | None
) -> Iterator[Document | InputError]:
    for given in paths:
        if str(given) == STDIN:
            yield from read_stdin(sys.stdin.buffer, published, max_bytes, fmt)
            continue
        path = Path(given)
        try:
            is_dir = stat.S_ISDIR(path.stat().st_mode)
        except OSError as exc:
            yield InputError(os_reason(exc), source=source_name(path))
            continue
        except ValueError:
            yield InputError("invalid file name (it contains a NUL byte)", source=source_name(path))
            continue
        if not is_dir:
            yield from read_file(
                path, fmt or SUFFIX_FORMATS.get(path.suffix.lower(), "txt"), published, max_bytes
            )
            continue
        found = False
        for item in walk(path):
            if isinstance(item, InputError):
                yield item
                continue
            found = True
            yield from read_file(item, fmt or SUFFIX_FORMATS[item.suffix.lower()], published, max_bytes)
        if not found:
            suffixes = ", ".join(sorted(SUFFIX_FORMATS))
            yield InputError(f"no readable documents in the directory ({suffixes})", source=source_name(path))


def walk(directory: Path) -> Iterator[Path | InputError]:
    """Files with a known extension under `directory`, depth first, entries sorted by name.

    Hidden files and directories are skipped; a directory reached twice through symbolic
    links is walked once. An entry with a known extension that is not a readable regular file
    (a broken or looping link, a FIFO) is reported rather than skipped in silence.
    """
    seen: set[Path] = set()

    def visit(folder: Path) -> Iterator[Path | InputError]:
        real = folder.resolve()
        if real in seen:
            return
        seen.add(real)
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as exc:
            yield InputError(os_reason(exc), source=source_name(folder))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child = Path(entry.path)
            try:
                is_dir, is_file = entry.is_dir(), entry.is_file()
            except OSError:  # a symbolic link loop; reported below if its name is a document's
                is_dir = is_file = False
            if is_dir:
                yield from visit(child)
            elif child.suffix.lower() not in SUFFIX_FORMATS:
                continue
            elif is_file:
                yield child
            else:
                yield InputError(not_a_file_reason(child), source=source_name(child))

    return visit(directory)


def read_file(
    path: Path, fmt: str, published: date | None, max_bytes: int
) -> Iterator[Document | InputError]:
    source = source_name(path)
    try:
        if fmt == "jsonl":
            with path.open("rb") as stream:
                if looks_binary(stream.read(BINARY_SNIFF_BYTES)):
                    raise InputError("binary file, not text", source=source)
                stream.seek(0)
                yield from jsonl_documents(stream, source, published, max_bytes)
            return
        info = path.stat()
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            raise InputError(too_large(info.st_size, max_bytes), source=source)
        with path.open("rb") as stream:
            data = read_bounded(stream, source, max_bytes)
        yield from parse_content(decode(data, source), fmt, source, published)
    except InputError as error:
        yield error
    except OSError as exc:
        yield InputError(os_reason(exc), source=source)


def read_stdin(
    stream: BinaryIO, published: date | None, max_bytes: int, fmt: str | None
) -> Iterator[Document | InputError]:
    """Stdin in the format `fmt`, or guessed from its content when `fmt` is None.

    The guess: JSON if the whole input parses as JSON; JSON Lines if it starts with a line that
    is a JSON object (later malformed lines are then reported, not read as prose); HTML if it
    starts with a doctype, <html>, <head> or <body> tag; plain text otherwise. Markdown is never
    guessed, since it reads well enough as plain text; ask for it with fmt="md".
    """
    try:
        if fmt == "jsonl":
            yield from jsonl_documents(stream, STDIN_SOURCE, published, max_bytes)
            return
        data = read_bounded(stream, STDIN_SOURCE, max_bytes)
        text = decode(data, STDIN_SOURCE)
        fmt = fmt or guess_format(text)
        if fmt == "jsonl":
            yield from jsonl_documents(io.BytesIO(data), STDIN_SOURCE, published, max_bytes)
        else:
            yield from parse_content(text, fmt, STDIN_SOURCE, published)
    except InputError as error:
        yield error


def guess_format(text: str) -> str:
    stripped = text.lstrip()
    if stripped[:1] in ("{", "["):
        try:
            parse_json(stripped, STDIN_SOURCE)
            return "json"
        except InputError:
            pass
        try:
            return "jsonl" if isinstance(parse_json(stripped.partition("\n")[0], STDIN_SOURCE, 1), dict) else "txt"
        except InputError:
            return "txt"
    return "html" if HTML_START.match(text) else "txt"


def read_bounded(stream: BinaryIO, source: str, max_bytes: int) -> bytes:
    """At most `max_bytes`; a stream that is longer is refused rather than read whole."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"input too large (more than the {human_size(max_bytes)} limit)", source=source)
    return data


def parse_content(
    text: str, fmt: str, source: str, published: date | None
) -> Iterator[Document | InputError]:
    if fmt == "json":
        yield from json_documents(text, source, published)
    else:
        yield text_document(text, fmt, source, published)


def read_text_document(
    text: str, source: str = STDIN_SOURCE, published: date | None = None, fmt: str = "txt"
) -> Document:
    """One document from text already in memory (stdin, an API call); raises InputError.

    `fmt` is "txt", "md" or "html"; the text is normalised as files are (`normalise_text`).
    """
    source = source_name(source)
    if fmt not in TEXT_FORMATS:
        raise InputError(
            f"unknown text format {fmt!r} (expected one of {', '.join(TEXT_FORMATS)})", source=source
        )
    return text_document(normalise_text(text), fmt, source, published)


def text_document(text: str, fmt: str, source: str, published: date | None) -> Document:
    if fmt == "html":
        page = parse_html(text, source)
        return make_document(
            page.text, source, title=page.title, url=page.url, published=published or page.published
        )
    if fmt == "md":
        markdown = parse_markdown(text)
        meta = markdown.metadata
        return make_document(
            markdown.text,
            source,
            title=markdown.title,
            url=meta.get("url") or None,
            published=published or parse_published(meta.get("published") or meta.get("date"), source),
        )
    return make_document(text, source, published=published)


def os_reason(exc: OSError) -> str:
    """Why a path could not be read, without the path (the error names it, escaped)."""
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    return f"cannot read ({exc.strerror or type(exc).__name__})"


def not_a_file_reason(path: Path) -> str:
    """Why a directory entry with a document's extension is not read as one."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "broken symbolic link (its target does not exist)"
    except OSError as exc:
        return os_reason(exc)
    kinds = {stat.S_ISFIFO: "a FIFO", stat.S_ISSOCK: "a socket", stat.S_ISCHR: "a device", stat.S_ISBLK: "a device"}
    kind = next((name for test, name in kinds.items() if test(mode)), "not a file")
    return f"not a regular file ({kind})"
