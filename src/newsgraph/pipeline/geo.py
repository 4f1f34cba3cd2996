"""Geo stage: a point, country, first-level region, gazetteer id and precision for every place
entity, read from the offline gazetteer in the light of what the text says."""

from __future__ import annotations

import re
from collections import Counter

from newsgraph.gazetteer import Gazetteer, PlaceHints, get_gazetteer
from newsgraph.lexicons import geo_cues, mention_cues
from newsgraph.model import Analysis, Entity, Evidence, Geo, Mention, Relation, fold
from newsgraph.pipeline.grounding import dateline_end

_NAME = r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
# "the Eastleigh district of Nairobi": the text says which town a neighbourhood lies in.
_PART_OF = re.compile(
    r"\s+(?:district|neighbou?rhood|suburb|quarter|township|area)\s+(?:of|in)\s+(?:the\s+)?" + _NAME
)
# "Aden's Crater district", "Pakistan's Gujranwala"
_OWNED_BY = re.compile(_NAME + r"['’]s\s+$")
# "Quetta, Balochistan", "Tripoli, Lebanon", "Hyderabad in southern Pakistan", "also in Zamfara"
_QUALIFIED_BY = re.compile(r"(?:,\s*|,?\s+(?:also\s+)?in\s+(?:the\s+)?(?:(?P<direction>[a-z]+)\s+)?)" + _NAME)


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


def _qualifiers(text: str, mention: Mention) -> list[tuple[str, int, int]]:
    """The names written next to a mention as the place it lies in, with their spans:
    "Pakistan's X", "X, Balochistan", "X in southern Pakistan" (a direction word of
    generic_place_words may stand between). Whether they are places is for the gazetteer."""
    directions = frozenset(mention_cues()["generic_place_words"]) | {None}
    found = []
    after = _QUALIFIED_BY.match(text, mention.end)
    if after is not None and after.group("direction") in directions:
        found.append((after.group(2), after.start(2), after.end(2)))
    before = _OWNED_BY.search(text, max(0, mention.start - 60), mention.start)
    if before is not None:
        found.append((before.group(1), before.start(1), before.end(1)))
    return found


def _what_the_text_says(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> tuple[tuple[str, ...], bool]:
    """The countries and regions the text puts a place in, next to any of its mentions (see
    `_qualifiers`), and whether it follows a mention with a region word ("the Diffa region")."""
    region_words = frozenset(geo_cues()["region_words"])
    within: list[str] = []
    region_word = False
    for mention in mentions:
        within += [name for name, _, _ in _qualifiers(text, mention)]
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


class PlaceHierarchyStage:
    """Adds `located_in` (X, Y) where the text writes place X next to place Y as the place it
    lies in ("Oldenburg in Lower Saxony", "Quetta, Balochistan", "Pakistan's Gujranwala",
    "Kaura Namoda, also in Zamfara") and the gazetteer agrees: Y is a country or first-level
    region that holds X's reading. The evidence is the sentence saying it.

    Runs after the relations stage, which reads the grammar of such phrases; a relation both
    find is one relation (the same id), with this stage's evidence added to it."""

    name = "place_hierarchy"
    requires = ("sentences", "mentions", "entities", "geo", "relations")
    assigns = ("relations",)

    def __init__(self, gazetteer: Gazetteer | None = None):
        self._gazetteer = gazetteer

    def __call__(self, analysis: Analysis) -> Analysis:
        gazetteer = self._gazetteer or get_gazetteer()
        text = analysis.document.text
        places = [e for e in analysis.entities if e.type == "place"]
        by_name = {fold(name): e for e in places for name in (e.name, *e.aliases)}
        relations = {r.id: r for r in analysis.relations}
        mentions = analysis.mentions_by_entity()
        for entity in places:
            if entity.geo is None or (entity.geo.source or "").startswith("within:"):
                continue
            for mention in mentions.get(entity.id, []):
                for name, start, end in _qualifiers(text, mention):
                    container = by_name.get(fold(name))
                    if container is None or container is entity or not gazetteer.holds(name, entity.geo):
                        continue
                    evidence = _evidence(analysis, mention, start, end)
                    if evidence is None:
                        continue
                    rid = Relation.make_id("located_in", entity.id, container.id)
                    known = relations.get(rid)
                    if known is None:
                        relations[rid] = Relation(rid, "located_in", entity.id, container.id, evidence=[evidence])
                    elif all((e.start, e.end) != (evidence.start, evidence.end) for e in known.evidence):
                        known.evidence.append(evidence)
        analysis.relations = list(relations.values())
        return analysis


def _evidence(analysis: Analysis, mention: Mention, start: int, end: int) -> Evidence | None:
    """The evidence of a place written beside its container (`start`..`end`), when both lie in
    one sentence."""
    span = (min(mention.start, start), max(mention.end, end))
    sentence = analysis.sentence_at(span[0])
    if sentence is None or span[1] > sentence.end:
        return None
    return Evidence(analysis.document.id, span[0], span[1], sentence.text, sentence.index, [mention.id])
