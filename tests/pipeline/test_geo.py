"""Geo stage: place entities get coordinates from the offline gazetteer."""

from __future__ import annotations

from newsgraph.model import Analysis, Document, Entity
from newsgraph.pipeline.geo import GeoStage


def near(geo, lat: float, lon: float) -> bool:
    """Within about 20 km at these latitudes."""
    return geo is not None and abs(geo.lat - lat) < 0.2 and abs(geo.lon - lon) < 0.2


def entity(type_: str, name: str, aliases=()) -> Entity:
    return Entity(id=Entity.make_id(type_, name), type=type_, name=name, aliases=list(aliases))


def test_place_entities_are_geocoded_and_others_are_not():
    analysis = Analysis(document=Document(text="unused"))
    analysis.entities = [
        entity("place", "Kaduna"),
        entity("place", "Niamey"),
        entity("place", "Sahel"),
        entity("place", "Zzyzxqua"),
        entity("person", "Kano"),
        entity("place", "Xqzt", aliases=["Diffa"]),
    ]
    GeoStage()(analysis)
    kaduna, niamey, sahel, unknown, person, by_alias = analysis.entities
    assert near(kaduna.geo, 10.52, 7.44) and kaduna.geo.country == "NG"
    assert near(niamey.geo, 13.51, 2.11) and niamey.geo.country == "NE"
    assert sahel.geo is not None and sahel.geo.source == "curated:Sahel"
    assert unknown.geo is None
    assert person.geo is None
    assert near(by_alias.geo, 13.32, 12.61)


def test_a_name_shared_by_towns_abroad_is_read_in_the_texts_country():
    analysis = Analysis(document=Document(text="unused"))
    analysis.entities = [entity("place", "Hamilton"), entity("place", "New Zealand")]
    GeoStage()(analysis)
    assert analysis.entities[0].geo.country == "NZ"  # alone, Hamilton is the Canadian city
    alone = Analysis(document=Document(text="unused"))
    alone.entities = [entity("place", "Hamilton")]
    GeoStage()(alone)
    assert alone.entities[0].geo.country == "CA"


def test_a_province_without_coordinates_gets_its_country():
    analysis = Analysis(document=Document(text="unused"))
    analysis.entities = [entity("place", "Hadramawt")]
    GeoStage()(analysis)
    assert analysis.entities[0].geo.country == "YE"


def test_a_neighbourhood_the_text_puts_in_a_town_gets_that_town():
    from newsgraph.model import Mention

    text = "The trust opened an office in the Eastleigh district of Nairobi. Aden's Crater district was calm."
    analysis = Analysis(document=Document(text=text))

    def place(name: str) -> Entity:
        e = entity("place", name)
        start = text.index(name)
        analysis.mentions.append(
            Mention(doc="d", start=start, end=start + len(name), text=name, type="place", entity=e.id)
        )
        return e

    analysis.entities = [place("Eastleigh"), place("Nairobi"), place("Crater"), place("Aden")]
    GeoStage()(analysis)
    eastleigh, nairobi, crater, aden = analysis.entities
    # alone, Eastleigh is the English town
    assert eastleigh.geo.country == "KE" and near(eastleigh.geo, nairobi.geo.lat, nairobi.geo.lon)
    assert eastleigh.geo.source.startswith("within:")
    assert crater.geo.country == "YE" and not crater.geo.source.startswith("within:")  # known there
