"""How long each format takes on a graph the size of a 2,000-document store (issue 11: under a
minute each). Opt-in (`-m slow`); prints the figures.

The graph is generated, not extracted (extracting 2,000 documents takes far longer than any
export): per document 12 entities of a pool of 2,400 named three times each, 3 relations and 3
events with evidence, the shape of a real store's export at that size.
"""
from __future__ import annotations

import hashlib
import random
import time

import jsonschema
import pytest

from newsgraph.export.formats import FORMATS, write
from newsgraph.model import stable_id

pytestmark = pytest.mark.slow

TYPES = ["person"] * 12 + ["organization"] * 5 + ["place"] * 6 + ["other"]
CERTAINTIES = ["asserted", "asserted", "hedged", "reported", "denied"]


def generated_export(documents: int = 2000, pool: int = 2400, seed: int = 7) -> dict:
    rng = random.Random(seed)
    entities = {}
    for n in range(pool):
        type_ = TYPES[n % len(TYPES)]
        geo = {"lat": rng.uniform(-60, 60), "lon": rng.uniform(-170, 170), "country": "SO", "source": f"geonames:{n}"}
        entities[stable_id("e", n)] = {
            "id": stable_id("e", n), "type": type_, "name": f"{type_.title()} Number {n}", "aliases": [f"N{n}"],
            "mentions": [], "geo": geo if type_ == "place" else None,
        }
    ids = list(entities)
    docs, relations, events = [], [], []
    for d in range(documents):
        cast = rng.sample(ids, 12)
        sentences = [f"{entities[a]['name']} met {entities[b]['name']} and spoke of it at length in the town."
                     for a, b in zip(cast[::2], cast[1::2])]
        text = " ".join(sentences * 5)
        sha = hashlib.sha256(text.encode()).hexdigest()
        doc_id = "d-" + sha[:16]
        docs.append({"id": doc_id, "title": f"Report {d}", "source": f"corpus/{d}.txt", "url": None,
                     "published": f"20{10 + d % 15}-0{1 + d % 9}-1{d % 10}", "sha256": sha, "language": "en",
                     "text": text, "timexes": []})
        for e in cast:
            name = entities[e]["name"]
            start = text.index(name)
            for k in range(3):
                at = text.index(name, start) if k == 0 else text.index(name, start + 1)
                entities[e]["mentions"].append({"doc": doc_id, "start": at, "end": at + len(name), "text": name,
                                                "kind": "name"})
                start = at
        evidence = [{"doc": doc_id, "start": 0, "end": len(sentences[0]), "sentence": sentences[0]}]
        for r in range(3):
            relations.append({"id": stable_id("r", d, r), "type": rng.choice(["member_of", "leader_of", "ally_of"]),
                              "subject": cast[2 * r], "object": cast[2 * r + 1],
                              "certainty": rng.choice(CERTAINTIES), "evidence": evidence})
            events.append({"id": stable_id("v", d, r), "type": rng.choice(["meeting", "rally", "attack"]),
                           "participants": [{"entity": cast[2 * r + 6], "role": "agent", "remote": False},
                                            {"entity": cast[2 * r + 7], "role": "perpetrator", "remote": r == 1}],
                           "place": next((c for c in cast if entities[c]["type"] == "place"), None),
                           "time": {"value": docs[-1]["published"], "earliest": docs[-1]["published"],
                                    "latest": docs[-1]["published"], "granularity": "day", "expression": None},
                           "certainty": rng.choice(CERTAINTIES), "modality": rng.choice(["actual", "planned"]),
                           "evidence": evidence})
    return {"schema": "newsgraph/1", "documents": docs, "entities": list(entities.values()),
            "relations": relations, "events": events}


@pytest.fixture(scope="module")
def large(schema) -> dict:
    export = generated_export()
    jsonschema.validate(export, schema)
    return export


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_2000_document_graph_exports_in_under_a_minute(tmp_path, large, fmt):
    started = time.perf_counter()
    write(large, fmt, tmp_path / f"large.{fmt}")
    seconds = time.perf_counter() - started
    print(f"\n{fmt}: {seconds:.1f} s for {len(large['documents'])} documents, {len(large['entities'])} entities, "
          f"{len(large['relations'])} relations, {len(large['events'])} events")
    assert seconds < 60
