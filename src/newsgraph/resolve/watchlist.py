"""Read a watchlist for `newsgraph screen`: FollowTheMoney entities, one JSON object a line, as
OpenSanctions publishes them (`.json`, `.jsonl`, `.ftm.json`), or a CSV file with the columns
name, aliases (separated by ";"), type and country (`.csv`).

Only the entities that can be people or organisations are listed: the FtM schemata Person
(a person), Organization and its descendants such as Company and PublicBody (an
organisation), and LegalEntity, the parent of both, which a list uses when it does not know
which (either). Other schemata of a published file (Sanction, Address, Vessel, ...) are
passed over. A line that cannot be read is an `InputError` naming the file and the line.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pycountry

from newsgraph.errors import InputError

FTM_SUFFIXES = (".json", ".jsonl", ".ndjson")
CSV_COLUMNS = ("name", "aliases", "type", "country")
# CSV `type` values (folded) and the newsgraph entity types they allow.
CSV_TYPES = {
    "person": ("person",),
    "organization": ("organization",), "organisation": ("organization",), "company": ("organization",),
    "legalentity": ("person", "organization"), "entity": ("person", "organization"),
}


@dataclass(frozen=True)
class ListedEntity:
    """One entry of a watchlist: its names (the first is its main name), the newsgraph entity
    types it may be, and its countries as ISO 3166 alpha-2 codes (upper case)."""

    id: str
    schema: str
    types: tuple[str, ...]
    names: tuple[str, ...]
    countries: tuple[str, ...] = ()
    line: int = 0


def read_watchlist(path: str | Path) -> list[ListedEntity]:
    """The people and organisations listed in the file at `path` (format by its suffix)."""
    path = Path(path)
    if not path.is_file():
        raise InputError("no such list file", source=str(path))
    if path.suffix.lower() == ".csv":
        return list(_read_csv(path))
    if path.suffix.lower() in FTM_SUFFIXES:
        return list(_read_ftm(path))
    raise InputError("unknown list format: expected FollowTheMoney JSON lines (.json, .jsonl) or CSV (.csv)",
                     source=str(path))


def _read_ftm(path: Path) -> Iterator[ListedEntity]:
    try:
        from followthemoney import model, registry
    except ImportError as missing:
        raise InputError("reading a FollowTheMoney list needs the followthemoney package "
                         "(pip install 'newsgraph[watchlist]')", source=str(path)) from missing
    person, organization, legal = model.get("Person"), model.get("Organization"), model.get("LegalEntity")
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as bad:
                raise InputError(f"not a JSON object: {bad.msg}", source=str(path), line=number) from bad
            if not isinstance(data, dict) or not isinstance(data.get("properties"), dict):
                raise InputError('not a FollowTheMoney entity (an object with "schema" and "properties")',
                                 source=str(path), line=number)
            schema = model.get(data.get("schema") or "")
            if schema is None:
                raise InputError(f"unknown FollowTheMoney schema {data.get('schema')!r}", source=str(path), line=number)
            if schema.is_a(person):
                types = ("person",)
            elif schema.is_a(organization):
                types = ("organization",)
            elif schema is legal:
                types = ("person", "organization")
            else:
                continue
            proxy = model.get_proxy(data)
            names = _names([*proxy.get("name"), *proxy.get("alias")], path, number)
            countries = tuple(sorted({c.upper() for c in proxy.get_type_values(registry.country) if len(c) == 2}))
            yield ListedEntity(proxy.id or f"{path.name}:{number}", schema.name, types, names, countries, number)


def _read_csv(path: Path) -> Iterator[ListedEntity]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header = [(c or "").strip().lower() for c in reader.fieldnames or ()]
        if "name" not in header:
            raise InputError(f"a CSV list needs a header with the columns {', '.join(CSV_COLUMNS)}",
                             source=str(path), line=1)
        reader.fieldnames = header
        for row in reader:
            number = reader.line_num
            kind = "".join((row.get("type") or "").lower().split())
            if kind not in CSV_TYPES:
                raise InputError(f"unknown type {row.get('type')!r} (person, organization, company or legalentity)",
                                 source=str(path), line=number)
            names = _names([row.get("name") or "", *(row.get("aliases") or "").split(";")], path, number)
            countries = tuple(_country(c, path, number) for c in (row.get("country") or "").split(";") if c.strip())
            yield ListedEntity(f"{path.name}:{number}", kind, CSV_TYPES[kind], names, countries, number)


def _names(names: list[str], path: Path, number: int) -> tuple[str, ...]:
    """The entry's names, main name first, each once (FtM's weak aliases, nicknames such as
    "Abu Ali", are left out: they would match half a list)."""
    found = tuple(dict.fromkeys(n.strip() for n in names if n and n.strip()))
    if not found:
        raise InputError("an entry without a name", source=str(path), line=number)
    return found


def _country(value: str, path: Path, number: int) -> str:
    """ISO alpha-2 code of a country written as a code or a name."""
    try:
        return pycountry.countries.lookup(value.strip()).alpha_2
    except LookupError as unknown:
        raise InputError(f"unknown country {value.strip()!r}", source=str(path), line=number) from unknown
