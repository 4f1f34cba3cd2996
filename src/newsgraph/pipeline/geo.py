"""Geo stage: a point, country, first-level region, gazetteer id and precision for every place
entity, read from the offline gazetteer in the light of what the text says."""

from __future__ import annotations

import re
from collections import Counter

from newsgraph.gazetteer import Gazetteer, PlaceHints, get_gazetteer
from newsgraph.lexicons import geo_cues, mention_cues
from newsgraph.model import Analysis, Entity, Geo, Mention, fold
from newsgraph.pipeline.grounding import dateline_end

_NAME = r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
# "the Eastleigh district of Nairobi": the text says which town a neighbourhood lies in.
_PART_OF = re.compile(
    r"\s+(?:district|neighbou?rhood|suburb|quarter|township|area)\s+(?:of|in)\s+(?:the\s+)?" + _NAME
)
# "Aden's Crater district", "Pakistan's Gujranwala"
_OWNED_BY = re.compile(_NAME + r"['’]s\s+$")
# "Quetta, Balochistan", "Tripoli, Lebanon", "Hyderabad in southern Pakistan"
_QUALIFIED_BY = re.compile(r"(?:,\s*|,?\s+in\s+(?:the\s+)?(?:(?P<direction>[a-z]+)\s+)?)" + _NAME)


class GeoStage:
    """Sets `entity.geo` on every place entity whose name or alias the gazetteer knows.

    Runs after coreference, so an entity named "Kano" with the alias "Kano State" is geocoded
    by its name first and by its aliases only when the name is unknown. What the text says
    decides between readings (see `Gazetteer.geocode`): the country or region it puts a
    place in ("Pakistan's Gujranwala", "Quetta, Balochistan", "Tripoli, Lebanon"); whether it
    calls the name a region ("the Diffa region"); and a vote of its places: each place whose
    reading no vote could change votes for its country, the dateline's country counts as
    `dateline_votes` places, and an ambiguous name ("Hyderabad", "Tripoli") takes the reading
    most of the text's places agree with unless a namesake elsewhere is far larger. A
    neighbourhood the text places inside a town of its own ("the Eastleigh district of
    Nairobi") that the gazetteer does not know there gets that town's point, at that town's
    precision. A name the gazetteer does not know gets no point."""

    name = "geo"
    requires = ("entities",)
    assigns = ("geo",)

    def __init__(self, gazetteer: Gazetteer | None = None):
        self._gazetteer = gazetteer

    def __call__(self, analysis: Analysis) -> Analysis:
        gazetteer = self._gazetteer or get_gazetteer()
        text = analysis.document.text
        places = [e for e in analysis.entities if e.type == "place" and e.geo is None]
        mentions = analysis.mentions_by_entity()
        said = {e.id: _what_the_text_says(text, mentions.get(e.id, []), gazetteer) for e in places}
        votes = _votes(places, said, gazetteer, mentions, dateline_end(text))
        for entity in places:
            within, region_word = said[entity.id]
            hints = PlaceHints(votes=votes, within=within, region_word=region_word)
            for name in (entity.name, *entity.aliases):
                entity.geo = gazetteer.geocode(name, hints)
                if entity.geo is not None:
                    break
        towns = {
            fold(name): e
            for e in analysis.entities
            if e.type == "place" and e.geo is not None
            for name in (e.name, *e.aliases)
        }
        for entity in places:
            town = _containing_town(text, mentions.get(entity.id, []), entity, towns)
            if town is not None and (entity.geo is None or entity.geo.country != town.geo.country):
                g = town.geo
                entity.geo = Geo(g.lat, g.lon, g.country, f"within:{g.source}", g.region, g.precision)
        return analysis


def _what_the_text_says(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> tuple[tuple[str, ...], bool]:
    """The countries and regions the text puts a place in, next to any of its mentions
    ("Pakistan's X", "X, Balochistan", "X in southern Pakistan"), and whether it follows a
    mention with a region word ("the Diffa region")."""
    region_words = frozenset(geo_cues()["region_words"])
    directions = frozenset(mention_cues()["generic_place_words"])
    within: list[str] = []
    region_word = False
    for mention in mentions:
        after = _QUALIFIED_BY.match(text, mention.end)
        before = _OWNED_BY.search(text, max(0, mention.start - 60), mention.start)
        if after is not None and (after.group("direction") or "") in directions | {""}:
            within.append(after.group(2))
        if before is not None:
            within.append(before.group(1))
        next_word = text[mention.end:mention.end + 20].split(maxsplit=1)
        region_word |= bool(next_word) and next_word[0].lower().strip(".,;:") in region_words
    return tuple(q for q in dict.fromkeys(within) if gazetteer.containers(q)), region_word


def _votes(places: list[Entity], said: dict, gazetteer: Gazetteer, mentions: dict[str, list[Mention]],
           dateline: int) -> Counter:
    """Country -> how many of the text's places settle in it; the dateline's counts more."""
    votes: Counter = Counter()
    for entity in places:
        within, region_word = said[entity.id]
        if within:
            geo = gazetteer.geocode(entity.name, PlaceHints(within=within, region_word=region_word))
            country = geo.country if geo is not None else None
        else:
            country = gazetteer.settled_country(entity.name)
        if country is None:
            continue
        on_dateline = any(m.end <= dateline for m in mentions.get(entity.id, []))
        votes[country] += geo_cues()["dateline_votes"] if on_dateline else 1
    return votes


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
