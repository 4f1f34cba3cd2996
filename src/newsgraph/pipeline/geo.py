"""Geo stage: coordinates for the place entities, from the offline gazetteer."""

from __future__ import annotations

from newsgraph.gazetteer import Gazetteer, get_gazetteer
from newsgraph.model import Analysis


class GeoStage:
    """Sets `entity.geo` on every place entity whose name or alias the gazetteer knows.

    Runs after coreference, so an entity named "Kano" with the alias "Kano State" is geocoded
    by its name first and by its aliases only when the name is unknown. A name with readings
    in several countries takes the one in a country the text is about: the countries of its
    places that have a reading in one country only, so a town name shared with towns abroad
    is read in the text's own country."""

    name = "geo"

    def __init__(self, gazetteer: Gazetteer | None = None):
        self._gazetteer = gazetteer

    def __call__(self, analysis: Analysis) -> Analysis:
        gazetteer = self._gazetteer or get_gazetteer()
        places = [e for e in analysis.entities if e.type == "place" and e.geo is None]
        context = set()
        for entity in places:
            countries = gazetteer.countries_of(entity.name)
            if len(countries) == 1:
                context |= countries
        for entity in places:
            for name in (entity.name, *entity.aliases):
                entity.geo = gazetteer.geocode(name, context)
                if entity.geo is not None:
                    break
        return analysis
