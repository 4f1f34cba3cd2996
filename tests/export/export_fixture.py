"""A hand-written newsgraph/1 export of two short news texts, with what a reader takes from them.

Offsets are computed from the texts, so every mention and evidence span is exact. The facts:
- document 1 (2021-05-04): Abdi Warsame, a commander of the Eastern Shield Brigades (ESB),
  met the cleric Yusuf Gurey in Kismayo on 3 May 2021; the same day he addressed a forum on
  the Quran where Hassan Nuur joined by video link (remote); the Tawasul Humanitarian Trust
  is "widely believed" to be the ESB's political wing (hedged);
- document 2 (2024-11-18, with a URL): Gurey will visit Dubai next month, according to
  officials (reported, planned); the ESB, designated by the United States, claimed the
  bombing of Kismayo port (undated, the ESB its perpetrator); Warsame denied having met Nuur
  in Berbera (denied).
Kismayo port is a place the gazetteer does not know (no geo); the Quran is an `other` entity.
"""

from __future__ import annotations

import copy
import hashlib

from newsgraph.model import Entity, stable_id

TEXT_1 = (
    "Senior Eastern Shield Brigades (ESB) commander Abdi Warsame met the cleric Yusuf Gurey in "
    "Kismayo on 3 May 2021. The same day, Warsame addressed a forum on the Quran in Kismayo where "
    "Hassan Nuur joined by video link. The Tawasul Humanitarian Trust is widely believed to be the "
    "political wing of the ESB."
)
TEXT_2 = (
    "Gurey will visit Dubai next month, according to officials. The Eastern Shield Brigades, "
    "designated by the United States in 2020, claimed the bombing of Kismayo port. "
    "Warsame denied having met Nuur in Berbera."
)


def _document(text: str, title: str, source: str, url: str | None, published: str) -> dict:
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return {
        "id": "d-" + sha[:16],
        "title": title,
        "source": source,
        "url": url,
        "published": published,
        "sha256": sha,
        "language": "en",
        "text": text,
        "timexes": [],
    }


DOC_1 = _document(
    TEXT_1, "Shield commander meets cleric in Kismayo", "articles/kismayo.txt", None, "2021-05-04"
)
DOC_2 = _document(
    TEXT_2,
    "Shield claims port bombing",
    "https://ledger.example/2024/11/port",
    "https://ledger.example/2024/11/port",
    "2024-11-18",
)


def _span(doc: dict, surface: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = doc["text"].index(surface, start + 1)
    return start, start + len(surface)


def _mention(doc: dict, surface: str, nth: int = 0, kind: str = "name") -> dict:
    start, end = _span(doc, surface, nth)
    return {"doc": doc["id"], "start": start, "end": end, "text": surface, "kind": kind}


def _entity(type_: str, name: str, mentions: list[dict], aliases=(), geo=None) -> dict:
    return {
        "id": Entity.make_id(type_, name),
        "type": type_,
        "name": name,
        "aliases": list(aliases),
        "mentions": mentions,
        "geo": geo,
    }


WARSAME = _entity(
    "person",
    "Abdi Warsame",
    [_mention(DOC_1, "Abdi Warsame"), _mention(DOC_1, "Warsame", 1), _mention(DOC_2, "Warsame")],
    ["Warsame"],
)
GUREY = _entity(
    "person", "Yusuf Gurey", [_mention(DOC_1, "Yusuf Gurey"), _mention(DOC_2, "Gurey")], ["Gurey"]
)
NUUR = _entity("person", "Hassan Nuur", [_mention(DOC_1, "Hassan Nuur"), _mention(DOC_2, "Nuur")], ["Nuur"])
ESB = _entity(
    "organization",
    "Eastern Shield Brigades",
    [
        _mention(DOC_1, "Eastern Shield Brigades"),
        _mention(DOC_1, "ESB", 0, "acronym"),
        _mention(DOC_1, "ESB", 1, "acronym"),
        _mention(DOC_2, "Eastern Shield Brigades"),
    ],
    ["ESB"],
)
TRUST = _entity("organization", "Tawasul Humanitarian Trust", [_mention(DOC_1, "Tawasul Humanitarian Trust")])
KISMAYO = _entity(
    "place",
    "Kismayo",
    [
        _mention(DOC_1, "Kismayo"),
        _mention(DOC_1, "Kismayo", 1),
    ],
    geo={"lat": -0.35817, "lon": 42.54536, "country": "SO", "source": "geonames:55671"},
)
PORT = _entity("place", "Kismayo port", [_mention(DOC_2, "Kismayo port")])
DUBAI = _entity(
    "place",
    "Dubai",
    [_mention(DOC_2, "Dubai")],
    geo={"lat": 25.07725, "lon": 55.30927, "country": "AE", "source": "geonames:292223"},
)
BERBERA = _entity(
    "place",
    "Berbera",
    [_mention(DOC_2, "Berbera")],
    geo={"lat": 10.43959, "lon": 45.01432, "country": "SO", "source": "geonames:64435"},
)
USA = _entity(
    "place",
    "United States",
    [_mention(DOC_2, "United States")],
    geo={"lat": 39.76, "lon": -98.5, "country": "US", "source": "geonames:6252001"},
)
QURAN = _entity("other", "Quran", [_mention(DOC_1, "Quran")])


def sentence(doc: dict, number: int) -> dict:
    """Evidence: the `number`th sentence of `doc` (the texts split cleanly on ". ")."""
    starts = [0] + [i + 2 for i, _ in enumerate(doc["text"]) if doc["text"].startswith(". ", i)]
    start = starts[number]
    end = doc["text"].index(".", start) + 1
    return {"doc": doc["id"], "start": start, "end": end, "sentence": doc["text"][start:end]}


def _relation(type_: str, subject: dict, obj: dict, certainty: str, evidence: list[dict]) -> dict:
    return {
        "id": stable_id("r", type_, subject["id"], obj["id"]),
        "type": type_,
        "subject": subject["id"],
        "object": obj["id"],
        "certainty": certainty,
        "evidence": evidence,
    }


MEMBER = _relation("member_of", WARSAME, ESB, "asserted", [sentence(DOC_1, 0)])
WING = _relation("wing_of", TRUST, ESB, "hedged", [sentence(DOC_1, 2)])
DESIGNATED = _relation("designated_by", ESB, USA, "asserted", [sentence(DOC_2, 1)])
PORT_IN_KISMAYO = _relation("located_in", PORT, KISMAYO, "asserted", [sentence(DOC_2, 1)])


def _time(value, earliest, latest, granularity, expression) -> dict:
    return {
        "value": value,
        "earliest": earliest,
        "latest": latest,
        "granularity": granularity,
        "expression": expression,
    }


def _event(
    type_: str,
    participants: list[tuple[dict, str, bool]],
    place: dict | None,
    time: dict,
    certainty: str,
    modality: str,
    evidence: list[dict],
) -> dict:
    return {
        "id": stable_id("v", type_, evidence[0]["doc"], evidence[0]["start"]),
        "type": type_,
        "participants": [
            {"entity": e["id"], "role": role, "remote": remote} for e, role, remote in participants
        ],
        "place": place["id"] if place else None,
        "time": time,
        "certainty": certainty,
        "modality": modality,
        "evidence": evidence,
    }


MAY_3 = _time("2021-05-03", "2021-05-03", "2021-05-03", "day", "3 May 2021")
MEETING = _event(
    "meeting",
    [(WARSAME, "agent", False), (GUREY, "counterpart", False)],
    KISMAYO,
    MAY_3,
    "asserted",
    "actual",
    [sentence(DOC_1, 0)],
)
FORUM = _event(
    "speech",
    [(WARSAME, "speaker", False), (NUUR, "audience", True)],
    KISMAYO,
    _time("2021-05-03", "2021-05-03", "2021-05-03", "day", "The same day"),
    "asserted",
    "actual",
    [sentence(DOC_1, 1)],
)
VISIT = _event(
    "visit",
    [(GUREY, "agent", False)],
    DUBAI,
    _time("2024-12", "2024-12-01", "2024-12-31", "month", "next month"),
    "reported",
    "planned",
    [sentence(DOC_2, 0)],
)
BOMBING = _event(
    "attack",
    [(ESB, "perpetrator", False)],
    PORT,
    _time(None, None, "2024-11-18", None, None),
    "asserted",
    "actual",
    [sentence(DOC_2, 1)],
)
DENIED_MEETING = _event(
    "meeting",
    [(WARSAME, "agent", False), (NUUR, "counterpart", False)],
    BERBERA,
    _time(None, None, "2024-11-18", None, None),
    "denied",
    "actual",
    [sentence(DOC_2, 2)],
)

ENTITIES = [WARSAME, GUREY, NUUR, ESB, TRUST, KISMAYO, PORT, DUBAI, BERBERA, USA, QURAN]
RELATIONS = [MEMBER, WING, DESIGNATED, PORT_IN_KISMAYO]
EVENTS = [MEETING, FORUM, VISIT, BOMBING, DENIED_MEETING]


def hand_export() -> dict:
    """A fresh copy each time, so no test can change what another sees."""
    return copy.deepcopy(
        {
            "schema": "newsgraph/1",
            "documents": [DOC_1, DOC_2],
            "entities": ENTITIES,
            "relations": RELATIONS,
            "events": EVENTS,
        }
    )
