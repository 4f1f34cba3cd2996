"""Geo stage: coordinates for the place entities, from the offline gazetteer."""

from __future__ import annotations

import re

from newsgraph.gazetteer import Gazetteer, get_gazetteer
from newsgraph.model import Analysis, Entity, Geo, Mention, fold

_NAME = r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
# "the Eastleigh district of Nairobi": the text says which town a neighbourhood lies in.
_PART_OF = re.compile(
    r"\s+(?:district|neighbou?rhood|suburb|quarter|township|area)\s+(?:of|in)\s+(?:the\s+)?" + _NAME
)
# "Aden's Crater district", "Kano's Sabon Gari"
_OWNED_BY = re.compile(_NAME + r"['’]s\s+$")


class GeoStage:
    """Sets `entity.geo` on every place entity whose name or alias the gazetteer knows.

    Runs after coreference, so an entity named "Kano" with the alias "Kano State" is geocoded
    by its name first and by its aliases only when the name is unknown. A name with readings
    in several countries takes the one in a country the text is about: the countries of its
    places that have a reading in one country only, so a town name shared with towns abroad
    is read in the text's own country. A neighbourhood the text places inside a town of its
    own ("the Eastleigh district of Nairobi") that the gazetteer does not know there gets that
    town's point."""

    name = "geo"
    requires = ("entities",)
    assigns = ("geo",)

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
        towns = {
            fold(name): e
            for e in analysis.entities
            if e.type == "place" and e.geo is not None
            for name in (e.name, *e.aliases)
        }
        mentions = analysis.mentions_by_entity()
        for entity in places:
            town = _containing_town(analysis.document.text, mentions.get(entity.id, []), entity, towns)
            if town is not None and (entity.geo is None or entity.geo.country != town.geo.country):
                entity.geo = Geo(town.geo.lat, town.geo.lon, town.geo.country, f"within:{town.geo.source}")
        return analysis


def _containing_town(
    text: str, mentions: list[Mention], entity: Entity, towns: dict[str, Entity]
) -> Entity | None:
    """The geocoded place (of `towns`, by folded name) that one of `entity`'s `mentions` is
    said to lie in."""
    for mention in mentions:
        after = _PART_OF.match(text, mention.end)
        before = _OWNED_BY.search(text, max(0, mention.start - 60), mention.start)
        for match in (after, before):
            town = towns.get(fold(match.group(1))) if match is not None else None
            if town is not None and town is not entity:
                return town
    return None
