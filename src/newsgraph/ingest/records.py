"""JSON and JSON Lines: one document per object with the fields text, title, published, url."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import BinaryIO

from newsgraph.errors import InputError
from newsgraph.ingest.dates import parse_published
from newsgraph.ingest.decode import decode, human_size
from newsgraph.ingest.documents import make_document
from newsgraph.model import Document

SKIP_CHUNK = 1 << 20


def record_document(
    record: object, source: str, published: date | None, line: int | None = None, where: str | None = None
) -> Document:
    """The Document a JSON object describes; `where` is its own source (file plus position)."""
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {json_kind(record)}", source=source, line=line)
    text = record.get("text")
    if not isinstance(text, str):
        reason = 'no "text" field' if text is None else f'"text" is {json_kind(text)}, not a string'
        raise InputError(reason, source=source, line=line)
    fields = {}
    for name in ("title", "url"):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(f'"{name}" is {json_kind(value)}, not a string', source=source, line=line)
        fields[name] = value or None
    return make_document(
        text,
        source,
        published=published or parse_published(record.get("published"), source, line),
        line=line,
        where=where,
        **fields,
    )


def parse_json(text: str, source: str, line: int | None = None) -> object:
    """The JSON value of `text`; anything Python's parser refuses is an InputError.

    The position is the line and column in a .json file, the column in a JSON Lines line.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        position = f"column {exc.colno}" if line is not None else f"line {exc.lineno}, column {exc.colno}"
        reason = f"malformed JSON: {exc.msg} ({position})"
    except RecursionError:
        reason = "malformed JSON: nested too deeply"
    except ValueError as exc:  # an integer longer than Python converts; the advice after ";" is for programmers
        reason = f"malformed JSON: {str(exc).partition(';')[0]}"
    raise InputError(reason, source=source, line=line)


def json_documents(text: str, source: str, published: date | None) -> Iterator[Document | InputError]:
    """A .json file holds one object or an array of them; a bad element spoils only itself."""
    parsed = parse_json(text, source)
    if not isinstance(parsed, list):
        yield record_document(parsed, source, published)
        return
    if not parsed:
        raise InputError("empty document (the JSON array has no records)", source=source)
    for index, record in enumerate(parsed):
        where = f"{source}[{index}]"
        try:
            yield record_document(record, where, published)
        except InputError as error:
            yield error


def jsonl_documents(
    stream: BinaryIO, source: str, published: date | None, max_bytes: int
) -> Iterator[Document | InputError]:
    """One record per line, read line by line so a corpus of any size streams.

    `max_bytes` bounds each line, not the file. Errors carry the 1-based line number, and a
    document's source is "path:line" so that every record can be traced back.
    """
    offset = 0
    found_any = False
    line = 0
    while raw := stream.readline(max_bytes + 1):
        line += 1
        start, offset = offset, offset + len(raw)
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            rest = skip_line(stream)
            offset += rest
            found_any = True
            yield InputError(
                f"line too large ({human_size(len(raw) + rest)} > {human_size(max_bytes)} limit)",
                source=source,
                line=line,
            )
            continue
        if not raw.strip():
            continue
        found_any = True
        try:
            record = parse_json(decode(raw, source, line, base_offset=start), source, line)
            yield record_document(record, source, published, line, where=f"{source}:{line}")
        except InputError as error:
            yield error
    if not found_any:
        raise InputError("empty document", source=source)


def skip_line(stream: BinaryIO) -> int:
    """Read past the rest of an over-long line without holding it; returns the bytes skipped."""
    skipped = 0
    while chunk := stream.readline(SKIP_CHUNK):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def json_kind(value: object) -> str:
    kinds = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return kinds.get(type(value), "a number")
