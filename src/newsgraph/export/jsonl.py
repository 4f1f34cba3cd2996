"""`jsonl`: the newsgraph/1 export as JSON Lines, one item a line, for streaming readers.

The first line names the schema (`{"kind": "export", "schema": "newsgraph/1"}`); every other
line is one item of the export exactly as in the JSON, plus `kind`: `document`, `entity`,
`relation` or `event`, in that order. A reader can act on each line as it arrives (`jq`,
`grep`, a queue) and `read_jsonl` rebuilds the very same export.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from newsgraph.errors import NewsgraphError
from newsgraph.export.view import SCHEMA

# kind of a line -> the export's list it belongs to
KINDS = {"document": "documents", "entity": "entities", "relation": "relations", "event": "events"}


def jsonl_items(export: dict) -> Iterator[dict]:
    """The header, then each item of `export` tagged with its kind."""
    yield {"kind": "export", "schema": SCHEMA}
    for kind, key in KINDS.items():
        for item in export[key]:
            yield {"kind": kind, **item}


def write_jsonl(export: dict, out: BinaryIO) -> None:
    for item in jsonl_items(export):
        out.write(json.dumps(item, ensure_ascii=False).encode("utf-8") + b"\n")


def read_jsonl(lines: Iterable[str | bytes]) -> dict:
    """The newsgraph/1 export that `write_jsonl` wrote as `lines`."""
    export: dict = {"schema": None, **{key: [] for key in KINDS.values()}}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        item = json.loads(line)
        kind = item.pop("kind", None)
        if kind == "export":
            export["schema"] = item.get("schema")
        elif kind in KINDS:
            export[KINDS[kind]].append(item)
        else:
            raise NewsgraphError(f"unknown kind {kind!r}", source="jsonl", line=number)
    if export["schema"] != SCHEMA:
        raise NewsgraphError(f"no {SCHEMA} header line", source="jsonl")
    return export
