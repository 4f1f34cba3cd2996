"""The curated entity list: well-known actors, regions and documents the statistical model and
the place index miss or mistype (a region like "Sahel", an alliance like "ECOWAS", an armed
group like "Lashkar-e-Taiba" with its transliterations).

It ships as two files in newsgraph/data, read in this order: `entities.jsonl` (regions,
country abbreviations, scriptures) and `actors.jsonl`, the reference list of well-known real
actors with their public sources (actors.SOURCES.md). Users extend it without touching the
package by pointing the environment variable NEWSGRAPH_ENTITIES at one or more JSON-lines files
(separated by the OS path separator, ":" on Unix). Each line is an object:

    {"name": "Lake Chad Vanguard", "type": "organization", "aliases": ["LCV"]}
    {"name": "Sabon Gari", "type": "place", "country": "NG", "lat": 12.0, "lon": 8.53}

`type` is person | organization | place | other; `aliases`, `variants` (transliterations),
`country`, `lat`, `lon` and, for a place, `precision` (how fine its point is: continent,
country, region, city or district; default region, as most curated places are areas like
"Sahel") are optional. A user entry with the same name replaces the shipped one,
and a user form ("DW") is taken from whichever shipped entry had it. Within the shipped lists a
form may name two actors ("JEM"); the mention rules decide those from the text.

Matching folds case and accents, except for forms that must be matched as written: all-capital
forms ("UN" does not match "un", "IS" not "is") and forms with capitals inside a word ("LeT"
does not match "let"). A name written all in small letters matches only a form written so.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.model import PRECISIONS, fold
from newsgraph.ontology import load_ontology, read_text

ENTITIES_ENV = "NEWSGRAPH_ENTITIES"
SHIPPED_FILES = ("entities.jsonl", "actors.jsonl")


@dataclass(frozen=True)
class CuratedEntity:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    variants: tuple[str, ...] = ()  # transliterations and spellings ("Lashkar-i-Taiba")
    precision: str = "region"  # of a place's point: one of model.PRECISIONS

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *self.variants)


@dataclass
class Lexicon:
    """Curated entities by folded written form; see the module docstring for which forms match
    only as written."""

    entities: list[CuratedEntity] = field(default_factory=list)
    by_form: dict[str, list[tuple[str, CuratedEntity]]] = field(default_factory=dict)

    def add(self, entity: CuratedEntity, *, takes_forms: bool = False) -> None:
        """Add `entity`, replacing an entry of the same name; with `takes_forms` (a user's
        entry) its forms stop naming any earlier entry."""
        for previous in {id(e): e for _, e in self.by_form.get(fold(entity.name), ()) if e.name == entity.name}.values():
            self._remove(previous)
        self.entities.append(entity)
        for form in entity.forms:
            key = fold(form)
            if takes_forms:
                for _, other in list(self.by_form.get(key, ())):
                    if other is not entity:
                        self._remove(other, only_form=key)
            self.by_form.setdefault(key, []).append((form, entity))

    def _remove(self, entity: CuratedEntity, only_form: str | None = None) -> None:
        for key in [fold(f) for f in entity.forms] if only_form is None else [only_form]:
            owners = [(f, e) for f, e in self.by_form.get(key, []) if e is not entity]
            if owners:
                self.by_form[key] = owners
            else:
                self.by_form.pop(key, None)
        if only_form is None:
            self.entities.remove(entity)

    def find_all(self, text: str) -> list[CuratedEntity]:
        """Every entry `text` names, each once (two for a shared short form like "JEM")."""
        found: list[CuratedEntity] = []
        for form, entity in self.by_form.get(fold(text), ()):
            if entity not in found and matches_as_written(form, text):
                found.append(entity)
        return found

    def find(self, text: str) -> CuratedEntity | None:
        """The one entry `text` names; None when unknown or shared by several entries."""
        found = self.find_all(text)
        return found[0] if len(found) == 1 else None


def matches_as_written(form: str, text: str) -> bool:
    """Whether `text` (equal to `form` once folded) is written in a way `form` allows: an
    acronym-like form only exactly ("UN", "LeT"), a name in small letters only by a form in
    small letters ("dpa")."""
    if must_match_exactly(form):
        return text == form
    return not (text.islower() and not form.islower())


def must_match_exactly(form: str) -> bool:
    """All capitals ("UN", "ECOWAS") or a capital after a small letter inside a word ("LeT",
    "AfDB", "BfV"): such forms stand for ordinary words when read case-blind."""
    if form.isupper():
        return True
    return any(a.islower() and b.isupper() for a, b in zip(form, form[1:], strict=False))


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
    variants = row.get("variants") or []
    if not isinstance(variants, list) or not all(isinstance(v, str) and v.strip() for v in variants):
        raise InputError('"variants" must be a list of names', source=source, line=number)
    precision = row.get("precision", "region")
    if precision not in PRECISIONS:
        raise InputError(f'"precision" must be one of {", ".join(PRECISIONS)}', source=source, line=number)
    return CuratedEntity(
        row["name"].strip(),
        row["type"],
        tuple(a.strip() for a in aliases),
        row.get("country"),
        lat,
        lon,
        tuple(v.strip() for v in variants),
        precision,
    )


def _read(text: str, source: str) -> list[CuratedEntity]:
    return [
        _parse_line(line, source, n)
        for n, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


def load_lexicon(user_files: tuple[str, ...] | None = None) -> Lexicon:
    """The shipped lists, then each user file (default: $NEWSGRAPH_ENTITIES) on top of them."""
    lexicon = Lexicon()
    for name in SHIPPED_FILES:
        for entity in _read(read_text(name), name):
            lexicon.add(entity)
    for path in user_entity_files() if user_files is None else user_files:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read entity list ({exc.__class__.__name__})", source=path) from None
        for entity in _read(text, path):
            lexicon.add(entity, takes_forms=True)
    return lexicon
