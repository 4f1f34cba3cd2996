"""Every export format behind one call: `write(export, fmt, path)`.

Each format converts a newsgraph/1 export dict (docs/export.md), so it works on a whole store,
one extraction or a neighbourhood alike. A format writes either one file (to `path`, or to
standard output when `path` is None or "-") or a directory of files; either way the target is
replaced atomically (see `targets`). Formats built on optional libraries (FollowTheMoney,
STIX, networkx) import them only when used, and say how to install them when missing.
"""

from __future__ import annotations

import importlib
import io
import os
import sys
from dataclasses import dataclass
from typing import BinaryIO, Literal

from newsgraph.errors import NewsgraphError
from newsgraph.export.neo4j import NEO4J_FILES
from newsgraph.export.tables import CSV_FILES
from newsgraph.export.targets import atomic_directory, atomic_file

EXTRA = "pip install 'newsgraph[export]'"


@dataclass(frozen=True)
class Format:
    name: str
    writes: Literal["file", "directory"]
    writer: str  # "module:function", imported on use
    summary: str
    files: tuple[str, ...] = ()  # what a directory format writes (a previous export may be replaced)

    def load(self):
        module_name, _, function = self.writer.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ImportError as error:
            raise NewsgraphError(f"the {self.name} format needs {error.name}: {EXTRA}") from error
        return getattr(module, function)


def _write_json(export: dict, out: BinaryIO) -> None:
    from newsgraph.export.json import write_export

    text = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    write_export(text, *(export[key] for key in ("documents", "entities", "relations", "events")))
    text.detach()


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("json", "file", f"{__name__}:_write_json", "newsgraph/1 JSON (docs/export.md)"),
        Format(
            "jsonl",
            "file",
            "newsgraph.export.jsonl:write_jsonl",
            "JSON Lines: a header, then one document/entity/relation/event a line",
        ),
        Format(
            "ftm", "file", "newsgraph.export.ftm:write_ftm", "FollowTheMoney entities, one a line (Aleph)"
        ),
        Format("stix", "file", "newsgraph.export.stix:write_stix", "a STIX 2.1 bundle (OpenCTI, MISP)"),
        Format(
            "graphml", "file", "newsgraph.export.networks:write_graphml", "GraphML (Gephi, Cytoscape, yEd)"
        ),
        Format("gexf", "file", "newsgraph.export.networks:write_gexf", "GEXF (Gephi)"),
        Format(
            "csv",
            "directory",
            "newsgraph.export.tables:write_csv",
            "a directory of CSV tables: documents, nodes, mentions, edges, events, participants, evidence",
            files=CSV_FILES,
        ),
        Format(
            "neo4j",
            "directory",
            "newsgraph.export.neo4j:write_neo4j",
            "CSV files for neo4j-admin import plus a LOAD CSV script (load.cypher)",
            files=NEO4J_FILES,
        ),
    )
}


def get_format(fmt: str) -> Format:
    try:
        return FORMATS[fmt]
    except KeyError:
        raise NewsgraphError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})") from None


def write(export: dict, fmt: str, path: str | os.PathLike | None = None) -> None:
    """Write `export` in format `fmt` to `path` (a file or directory, by format).

    A file format with no path (or "-") writes to standard output. The target is replaced
    only once the whole export is written; an unusable target raises NewsgraphError first.
    """
    spec = get_format(fmt)
    writer = spec.load()
    to_stdout = path is None or os.fspath(path) == "-"
    if spec.writes == "directory":
        if to_stdout:
            raise NewsgraphError(f"the {fmt} format writes a directory: give its path with -o")
        with atomic_directory(path, spec.files) as directory:
            writer(export, directory)
    elif to_stdout:
        writer(export, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    else:
        with atomic_file(path) as out:
            writer(export, out)
