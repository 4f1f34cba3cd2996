"""Adds numbered documents to a store, printing each one committed; killed mid-way by a test.

Usage: crash_worker.py DB COUNT SENTENCES
Prints `adding N` just before each add and `added N` (or `skipped N`) once it is committed.
Document i has SENTENCES sentences, each mentioning the shared place Calverton and the
person Witness i, so a partly written document would show as a wrong count of rows.
"""

from __future__ import annotations

import sys

from newsgraph.model import Analysis, Document, Entity, Mention, Sentence
from newsgraph.store import open_store


def numbered_analysis(number: int, sentences: int) -> Analysis:
    lines = [f"Witness {number} saw boat {k} leave Calverton at dawn." for k in range(sentences)]
    document = Document(text=" ".join(lines), title=f"Report {number}")
    analysis = Analysis(document=document)
    place = Entity(Entity.make_id("place", "Calverton"), "place", "Calverton")
    person = Entity(Entity.make_id("person", f"Witness {number}"), "person", f"Witness {number}")
    start = 0
    for k, line in enumerate(lines):
        analysis.sentences.append(Sentence(k, start, start + len(line), line))
        for entity, surface in ((person, f"Witness {number}"), (place, "Calverton")):
            offset = start + line.index(surface)
            mention = Mention(
                document.id, offset, offset + len(surface), surface, entity.type, sentence=k, entity=entity.id
            )
            analysis.mentions.append(mention)
        start += len(line) + 1
    analysis.entities = [place, person]
    return analysis


def main(db: str, count: int, sentences: int) -> None:
    with open_store(db) as store:
        for number in range(count):
            analysis = numbered_analysis(number, sentences)
            print(f"adding {number}", flush=True)
            added = store.add(analysis)
            print(f"{'added' if added else 'skipped'} {number}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
