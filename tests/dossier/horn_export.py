"""A small hand-written `newsgraph/1` export with the relations and events a dossier must draw.

Four short fictional articles about the demo corpus's actors. Every fact is written out by
hand with its sentence; only offsets are computed (by finding the written strings in the
text), so the export is what a correct extraction of these texts would give: a hedged
relation, a remote participant, a planned visit, a month-dated meeting, a year-dated
funding, an event known only as a range of years, an undated event and a denied meeting.
"""
from __future__ import annotations

import re
from datetime import date

from newsgraph.model import Document, Entity, stable_id

ARTICLES = {
    "mukalla": (
        "Pact sealed in Mukalla", date(2022, 6, 30),
        "Abdirahman Yusuf Warsame, the commander of the Eastern Shield Brigades (ESB), met Salem Awad "
        "bin Humaid in Mukalla in June 2022. Sheikh Mahad Ali Gurey joined the meeting by video link "
        "from Bosaso. Bin Humaid commands the Hadramawt Martyrs Battalion (HMB), which the pact made an "
        "ally of the ESB.",
    ),
    "kismayo": (
        "Rally in Kismayo", date(2023, 10, 20),
        "Warsame addressed a rally in Kismayo on 14 October 2023, according to local officials. "
        "The Horn Renewal Alliance (HRA) is widely believed to be the political wing of the ESB. "
        "Faduma Hassan Abtidoon, spokeswoman of the HRA, said the party had never met ESB commanders. "
        "Warsame is scheduled to visit Garowe in November.",
    ),
    "garowe": (
        "Charity under scrutiny", date(2024, 2, 12),
        "The Tawasul Humanitarian Trust (THT) reportedly funded the ESB in 2021. Khalid Omar Baashir, "
        "director of the THT, rejected the claim. Warsame trained recruits near Dhobley at some time "
        "between 2019 and 2021, a former fighter said.",
    ),
    "bosaso": (
        "Preacher's circle", None,
        "Gurey chairs the Council of Coastal Ulema (CCU) in Bosaso. Warsame is said to have met Gurey "
        "in Bosaso, though no one could say when.",
    ),
}

# name, type, aliases, surface forms searched in the texts, geo
ENTITIES = [
    ("Abdirahman Yusuf Warsame", "person", ["Warsame"], ["Abdirahman Yusuf Warsame", "Warsame"], None),
    ("Eastern Shield Brigades", "organization", ["ESB"], ["Eastern Shield Brigades", "ESB"], None),
    ("Salem Awad bin Humaid", "person", ["Bin Humaid"], ["Salem Awad bin Humaid", "Bin Humaid"], None),
    ("Mahad Ali Gurey", "person", ["Gurey"], ["Mahad Ali Gurey", "Gurey"], None),
    ("Hadramawt Martyrs Battalion", "organization", ["HMB"], ["Hadramawt Martyrs Battalion", "HMB"], None),
    ("Horn Renewal Alliance", "organization", ["HRA"], ["Horn Renewal Alliance", "HRA"], None),
    ("Faduma Hassan Abtidoon", "person", [], ["Faduma Hassan Abtidoon"], None),
    ("Tawasul Humanitarian Trust", "organization", ["THT"], ["Tawasul Humanitarian Trust", "THT"], None),
    ("Khalid Omar Baashir", "person", [], ["Khalid Omar Baashir"], None),
    ("Council of Coastal Ulema", "organization", ["CCU"], ["Council of Coastal Ulema", "CCU"], None),
    ("Mukalla", "place", [], ["Mukalla"], (14.5425, 49.1242, "YE", "geonames:75337", "Hadramawt", "city")),
    ("Bosaso", "place", [], ["Bosaso"], (11.2842, 49.1816, "SO", "geonames:64435", "Bari", "city")),
    ("Kismayo", "place", [], ["Kismayo"], (-0.3582, 42.5454, "SO", "geonames:55671", "Lower Juba", "city")),
    ("Garowe", "place", [], ["Garowe"], (8.4054, 48.4845, "SO", "geonames:58933", "Nugaal", "city")),
    ("Dhobley", "place", [], ["Dhobley"], (0.4081, 41.0081, "SO", "geonames:7870522", "Lower Juba", "city")),
]

# subject, type, object, certainty, role, (article, sentence)
RELATIONS = [
    ("Abdirahman Yusuf Warsame", "member_of", "Eastern Shield Brigades", "asserted", "commander",
     ("mukalla", "Abdirahman Yusuf Warsame, the commander of the Eastern Shield Brigades (ESB), met Salem "
                 "Awad bin Humaid in Mukalla in June 2022.")),
    ("Salem Awad bin Humaid", "member_of", "Hadramawt Martyrs Battalion", "asserted", "commander",
     ("mukalla", "Bin Humaid commands the Hadramawt Martyrs Battalion (HMB), which the pact made an ally of "
                 "the ESB.")),
    ("Hadramawt Martyrs Battalion", "ally_of", "Eastern Shield Brigades", "asserted", None,
     ("mukalla", "Bin Humaid commands the Hadramawt Martyrs Battalion (HMB), which the pact made an ally of "
                 "the ESB.")),
    ("Horn Renewal Alliance", "wing_of", "Eastern Shield Brigades", "hedged", None,
     ("kismayo", "The Horn Renewal Alliance (HRA) is widely believed to be the political wing of the ESB.")),
    ("Faduma Hassan Abtidoon", "member_of", "Horn Renewal Alliance", "asserted", "spokeswoman",
     ("kismayo", "Faduma Hassan Abtidoon, spokeswoman of the HRA, said the party had never met ESB "
                 "commanders.")),
    ("Khalid Omar Baashir", "leader_of", "Tawasul Humanitarian Trust", "asserted", "director",
     ("garowe", "Khalid Omar Baashir, director of the THT, rejected the claim.")),
    ("Mahad Ali Gurey", "leader_of", "Council of Coastal Ulema", "asserted", "chairman",
     ("bosaso", "Gurey chairs the Council of Coastal Ulema (CCU) in Bosaso.")),
]

# type, [(participant, role, remote)], place, time, certainty, modality, (article, sentence)
EVENTS = [
    ("meeting", [("Abdirahman Yusuf Warsame", "agent", False), ("Salem Awad bin Humaid", "counterpart", False),
                 ("Mahad Ali Gurey", "participant", True)],
     "Mukalla", ("2022-06", "2022-06-01", "2022-06-30", "month", "June 2022"), "asserted", "actual",
     [("mukalla", "Abdirahman Yusuf Warsame, the commander of the Eastern Shield Brigades (ESB), met Salem "
                  "Awad bin Humaid in Mukalla in June 2022."),
      ("mukalla", "Sheikh Mahad Ali Gurey joined the meeting by video link from Bosaso.")]),
    ("rally", [("Abdirahman Yusuf Warsame", "speaker", False)],
     "Kismayo", ("2023-10-14", "2023-10-14", "2023-10-14", "day", "14 October 2023"), "reported", "actual",
     [("kismayo", "Warsame addressed a rally in Kismayo on 14 October 2023, according to local officials.")]),
    ("meeting", [("Horn Renewal Alliance", "agent", False), ("Eastern Shield Brigades", "counterpart", False)],
     None, None, "denied", "actual",
     [("kismayo", "Faduma Hassan Abtidoon, spokeswoman of the HRA, said the party had never met ESB "
                  "commanders.")]),
    ("visit", [("Abdirahman Yusuf Warsame", "agent", False)],
     "Garowe", ("2023-11", "2023-11-01", "2023-11-30", "month", "November"), "asserted", "planned",
     [("kismayo", "Warsame is scheduled to visit Garowe in November.")]),
    ("funding", [("Tawasul Humanitarian Trust", "funder", False), ("Eastern Shield Brigades", "recipient", False)],
     None, ("2021", "2021-01-01", "2021-12-31", "year", "2021"), "hedged", "actual",
     [("garowe", "The Tawasul Humanitarian Trust (THT) reportedly funded the ESB in 2021.")]),
    ("training", [("Abdirahman Yusuf Warsame", "trainer", False)],
     "Dhobley", (None, "2019-01-01", "2021-12-31", None, "between 2019 and 2021"), "reported", "actual",
     [("garowe", "Warsame trained recruits near Dhobley at some time between 2019 and 2021, a former fighter "
                 "said.")]),
    ("meeting", [("Abdirahman Yusuf Warsame", "agent", False), ("Mahad Ali Gurey", "counterpart", False)],
     "Bosaso", (None, None, None, None, None), "hedged", "actual",
     [("bosaso", "Warsame is said to have met Gurey in Bosaso, though no one could say when.")]),
]


def horn_export() -> dict:
    """The export, with ids made the way newsgraph makes them."""
    docs = {key: Document(text=text, title=title, source=f"articles/{key}.txt", published=published)
            for key, (title, published, text) in ARTICLES.items()}
    ids = {name: Entity.make_id(type_, name) for name, type_, *_ in ENTITIES}

    def evidence(key: str, sentence: str) -> dict:
        start = docs[key].text.index(sentence)
        return {"doc": docs[key].id, "start": start, "end": start + len(sentence), "sentence": sentence}

    entities = []
    for name, type_, aliases, surfaces, geo in ENTITIES:
        mentions = []
        for doc in docs.values():
            pattern = r"\b(" + "|".join(re.escape(s) for s in surfaces) + r")\b"
            for found in re.finditer(pattern, doc.text):
                kind = "name" if found.group() == surfaces[0] else ("acronym" if found.group().isupper() else "alias")
                mentions.append({"doc": doc.id, "start": found.start(), "end": found.end(),
                                 "text": found.group(), "kind": kind})
        entities.append({
            "id": ids[name], "type": type_, "name": name, "aliases": aliases, "mentions": mentions,
            "geo": dict(zip(("lat", "lon", "country", "source", "region", "precision"), geo)) if geo else None,
        })
    relations = [
        {"id": stable_id("r", subject, type_, obj), "type": type_, "subject": ids[subject], "object": ids[obj],
         "certainty": certainty, "role": role, "evidence": [evidence(*where)]}
        for subject, type_, obj, certainty, role, where in RELATIONS
    ]
    events = []
    for type_, participants, place, time, certainty, modality, where in EVENTS:
        events.append({
            "id": stable_id("v", type_, *(p for p, _, _ in participants), where[0][1]),
            "type": type_,
            "participants": [{"entity": ids[p], "role": role, "remote": remote} for p, role, remote in participants],
            "place": ids[place] if place else None,
            "time": dict(zip(("value", "earliest", "latest", "granularity", "expression"), time)) if time else None,
            "certainty": certainty,
            "modality": modality,
            "evidence": [evidence(*w) for w in where],
        })
    return {
        "schema": "newsgraph/1",
        "documents": [
            {"id": d.id, "title": d.title, "source": d.source, "url": None,
             "published": d.published.isoformat() if d.published else None, "sha256": d.sha256,
             "language": "en", "text": d.text, "timexes": []}
            for d in docs.values()
        ],
        "entities": entities,
        "relations": relations,
        "events": events,
    }
