"""Time `--all` dossier rendering over a synthetic export of a 2,000-document store.

    python benchmarks/dossier.py [--documents 2000] [--out DIR] [--seed 7]

The export is made up but shaped like a real one: actors named with a Zipf-like skew (a few
hubs in hundreds of articles, a long tail in one or two), places with coordinates, and per
document a few relations and events with evidence sentences, dated at day, month or year
granularity, some only as ranges and some undated, with every certainty and modality. It
prints the rendering time, the number of pages and their sizes, largest first; the goals are
under a minute for all pages and under 2 MB for any one page.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from newsgraph.dossier import ExportIndex, write_dossiers
from newsgraph.model import Document, Entity, stable_id

CERTAINTIES = ["asserted"] * 6 + ["hedged", "reported", "reported", "denied"]
EVENT_TYPES = ["meeting", "visit", "speech", "rally", "attack", "arrest", "statement", "funding", "training"]
RELATION_TYPES = [("member_of", "commander"), ("member_of", "spokesman"), ("leader_of", "leader"),
                  ("ally_of", None), ("front_of", None)]


def skewed(rng: random.Random, items: list, k: int) -> list:
    """k distinct items, the first of the list far more often than the last (Zipf-like)."""
    weights = [1 / (rank + 1) for rank in range(len(items))]
    chosen: dict[int, None] = {}
    while len(chosen) < min(k, len(items)):
        chosen[rng.choices(range(len(items)), weights)[0]] = None
    return [items[i] for i in chosen]


def time_of(rng: random.Random) -> dict | None:
    year = rng.randint(2015, 2025)
    kind = rng.random()
    if kind < 0.45:
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        iso = f"{year}-{month:02d}-{day:02d}"
        return {"value": iso, "earliest": iso, "latest": iso, "granularity": "day", "expression": iso}
    if kind < 0.7:
        month = rng.randint(1, 12)
        return {"value": f"{year}-{month:02d}", "earliest": f"{year}-{month:02d}-01",
                "latest": f"{year}-{month:02d}-28", "granularity": "month", "expression": f"{month}/{year}"}
    if kind < 0.8:
        return {"value": str(year), "earliest": f"{year}-01-01", "latest": f"{year}-12-31",
                "granularity": "year", "expression": str(year)}
    if kind < 0.9:
        return {"value": None, "earliest": f"{year - 2}-01-01", "latest": f"{year}-12-31",
                "granularity": None, "expression": "in recent years"}
    return None


def synthetic_export(documents: int, seed: int) -> dict:
    rng = random.Random(seed)
    people = [f"Person {i} Example" for i in range(documents // 3)]
    orgs = [f"Organisation {i} Front" for i in range(documents // 6)]
    places = [(f"Town {i}", rng.uniform(-35, 60), rng.uniform(-20, 120)) for i in range(documents // 10)]
    ids = {name: Entity.make_id(t, name) for t, names in (("person", people), ("organization", orgs))
           for name in names}
    ids |= {name: Entity.make_id("place", name) for name, _, _ in places}
    mentions: dict[str, list[dict]] = {eid: [] for eid in ids.values()}
    docs, relations, events = [], [], []
    for n in range(documents):
        actors = skewed(rng, people, 4) + skewed(rng, orgs, 3)
        where = skewed(rng, places, 2)
        sentences = []
        for i in range(12):
            a, b = rng.sample(actors, 2)
            place = where[i % len(where)][0]
            sentences.append(f"{a} and {b} were seen together in {place} according to witnesses number {i}.")
        text = " ".join(sentences)
        doc = Document(text=text, title=f"Report {n}", source=f"synthetic/{n}.txt",
                       published=None if n % 17 == 0 else date(2016 + n % 10, 1 + n % 12, 1))
        docs.append({"id": doc.id, "title": doc.title, "source": doc.source, "url": None,
                     "published": doc.published.isoformat() if doc.published else None,
                     "sha256": doc.sha256, "language": "en", "text": text, "timexes": []})
        for name in actors + [p for p, _, _ in where]:
            start = text.find(name)
            while start >= 0:
                mentions[ids[name]].append({"doc": doc.id, "start": start, "end": start + len(name),
                                            "text": name, "kind": "name"})
                start = text.find(name, start + 1)

        def evidence(sentence: str, doc: Document = doc) -> list[dict]:
            start = doc.text.index(sentence)
            return [{"doc": doc.id, "start": start, "end": start + len(sentence), "sentence": sentence}]

        for i in range(3):
            a, b = rng.sample(actors, 2)
            rtype, role = rng.choice(RELATION_TYPES)
            relations.append({"id": stable_id("r", doc.id, i), "type": rtype, "subject": ids[a], "object": ids[b],
                              "certainty": rng.choice(CERTAINTIES), "role": role,
                              "evidence": evidence(sentences[i])})
        for i in range(4):
            who = rng.sample(actors, rng.randint(1, 3))
            events.append({
                "id": stable_id("v", doc.id, i), "type": rng.choice(EVENT_TYPES),
                "participants": [{"entity": ids[w], "role": "agent", "remote": rng.random() < 0.05} for w in who],
                "place": ids[where[i % len(where)][0]], "time": time_of(rng),
                "certainty": rng.choice(CERTAINTIES), "modality": "planned" if rng.random() < 0.1 else "actual",
                "evidence": evidence(sentences[3 + i]),
            })
    entities = [{"id": ids[name], "type": t, "name": name, "aliases": [], "mentions": mentions[ids[name]], "geo": None}
                for t, names in (("person", people), ("organization", orgs)) for name in names]
    entities += [{"id": ids[name], "type": "place", "name": name, "aliases": [], "mentions": mentions[ids[name]],
                  "geo": {"lat": lat, "lon": lon, "country": None, "source": None}} for name, lat, lon in places]
    return {"schema": "newsgraph/1", "documents": docs, "entities": [e for e in entities if e["mentions"]],
            "relations": relations, "events": events}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, help="where to write the pages (default: a temporary folder)")
    args = parser.parse_args(argv)

    export = synthetic_export(args.documents, args.seed)
    print(f"export: {len(export['documents'])} documents, {len(export['entities'])} entities, "
          f"{len(export['relations'])} relations, {len(export['events'])} events")
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        started = time.perf_counter()
        written = write_dossiers(ExportIndex.build(export), out)
        elapsed = time.perf_counter() - started
        sizes = sorted(((p.stat().st_size, p.name) for p in written.pages), reverse=True)
        total = sum(s for s, _ in sizes) + written.index.stat().st_size
    print(f"--all: {len(sizes)} actor pages + index in {elapsed:.1f} s ({elapsed / len(sizes) * 1000:.1f} ms a page)")
    print(f"page size: largest {sizes[0][0] / 1e6:.2f} MB ({sizes[0][1]}), median "
          f"{statistics.median(s for s, _ in sizes) / 1e3:.0f} kB, total {total / 1e6:.0f} MB")
    ok = elapsed < 60 and sizes[0][0] < 2_000_000
    print("within the goals (< 60 s, every page < 2 MB)" if ok else "OVER THE GOALS (60 s, 2 MB a page)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
