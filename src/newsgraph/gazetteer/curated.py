"""The curated entity list: well-known regions and organisations the statistical model and the
place index miss or mistype (a region like "Sahel", an alliance like "ECOWAS").

It ships as newsgraph/data/entities.jsonl. Users extend it without touching the package by
pointing the environment variable NEWSGRAPH_ENTITIES at one or more JSON-lines files
(separated by the OS path separator, ":" on Unix). Each line is an object:

    {"name": "Lake Chad Vanguard", "type": "organization", "aliases": ["LCV"]}
    {"name": "Sabon Gari", "type": "place", "country": "NG", "lat": 12.0, "lon": 8.53}

`type` is person | organization | place | other; `aliases`, `country`, `lat`, `lon` are
optional. A user entry with the same name replaces the shipped one. Matching is on the exact
written form, so an alias "UN" does not match "un".
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.model import fold
from newsgraph.ontology import load_ontology, read_text

ENTITIES_ENV = "NEWSGRAPH_ENTITIES"


@dataclass(frozen=True)
class CuratedEntity:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass
class Lexicon:
    """Curated entities by folded written form. An all-capitals form ("UN", "WHO") matches only
    as written, so that ordinary words do not."""

    entities: list[CuratedEntity] = field(default_factory=list)
    by_form: dict[str, tuple[str, CuratedEntity]] = field(default_factory=dict)

    def add(self, entity: CuratedEntity) -> None:
        previous = self.by_form.get(fold(entity.name), (None, None))[1]
        if previous is not None and previous.name == entity.name:
            self.entities.remove(previous)
            for form in previous.forms:
                self.by_form.pop(fold(form), None)
        self.entities.append(entity)
        for form in entity.forms:
            self.by_form[fold(form)] = (form, entity)

    def find(self, text: str) -> CuratedEntity | None:
        form, entity = self.by_form.get(fold(text), (None, None))
        if form is not None and form.isupper() and text != form:
            return None
        return entity


def user_entity_files() -> tuple[str, ...]:
    """The files named by $NEWSGRAPH_ENTITIES, in order."""
    value = os.environ.get(ENTITIES_ENV, "")
    return tuple(p for p in value.split(os.pathsep) if p.strip())


def _parse_line(line: str, source: str, number: int) -> CuratedEntity:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg})", source=source, line=number) from None
    if not isinstance(row, dict) or not isinstance(row.get("name"), str) or not row["name"].strip():
        raise InputError('each line needs an object with a "name"', source=source, line=number)
    entity_types = load_ontology().entity_types
    if row.get("type") not in entity_types:
        raise InputError(f'"type" must be one of {", ".join(entity_types)}', source=source, line=number)
    aliases = row.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise InputError('"aliases" must be a list of names', source=source, line=number)
    try:
        lat = None if row.get("lat") is None else float(row["lat"])
        lon = None if row.get("lon") is None else float(row["lon"])
    except (TypeError, ValueError):
        raise InputError('"lat" and "lon" must be numbers', source=source, line=number) from None
    return CuratedEntity(
        row["name"].strip(), row["type"], tuple(a.strip() for a in aliases), row.get("country"), lat, lon
    )


def _read(text: str, source: str) -> list[CuratedEntity]:
    return [
        _parse_line(line, source, n)
        for n, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


def load_lexicon(user_files: tuple[str, ...] | None = None) -> Lexicon:
    """The shipped list, then each user file (default: $NEWSGRAPH_ENTITIES) on top of it."""
    lexicon = Lexicon()
    for entity in _read(read_text("entities.jsonl"), "entities.jsonl"):
        lexicon.add(entity)
    for path in user_entity_files() if user_files is None else user_files:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read entity list ({exc.__class__.__name__})", source=path) from None
        for entity in _read(text, path):
            lexicon.add(entity)
    return lexicon
