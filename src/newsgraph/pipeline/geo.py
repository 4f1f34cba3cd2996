"""Geo stage: coordinates for the place entities, from the offline gazetteer."""

from __future__ import annotations

from newsgraph.gazetteer import Gazetteer, get_gazetteer
from newsgraph.model import Analysis


class GeoStage:
    """Sets `entity.geo` on every place entity whose name or alias the gazetteer knows.

    Runs after coreference, so an entity named "Kano" with the alias "Kano State" is geocoded
    by its name first and by its aliases only when the name is unknown."""

    name = "geo"

    def __init__(self, gazetteer: Gazetteer | None = None):
        self._gazetteer = gazetteer

    def __call__(self, analysis: Analysis) -> Analysis:
        gazetteer = self._gazetteer or get_gazetteer()
        for entity in analysis.entities:
            if entity.type != "place" or entity.geo is not None:
                continue
            for name in (entity.name, *entity.aliases):
                entity.geo = gazetteer.geocode(name)
                if entity.geo is not None:
                    break
        return analysis
