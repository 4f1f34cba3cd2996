"""Look-ups over one `newsgraph/1` export, built once and shared by every page rendered from it.

Rendering `--all` asks, for each actor, which relations, events and documents concern it;
answering that by scanning the whole export per actor would be quadratic, so the answers are
indexed here in one pass.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from newsgraph.errors import Ambiguous, InputError, NotFound
from newsgraph.model import fold

ACTOR_TYPES = ("person", "organization")

# Where a sentence ends: terminal punctuation followed by space, or a line break.
_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*\s|\n")
CONTEXT_REACH = 240  # characters looked at on each side of a mention for its sentence


@dataclass
class ExportIndex:
    """The export's items by id, and for every entity the facts and documents about it."""

    export: dict
    documents: dict[str, dict] = field(default_factory=dict)
    entities: dict[str, dict] = field(default_factory=dict)
    relations_of: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    events_of: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    # entity id -> document id -> mentions of the entity in that document, in text order
    mentions_of: dict[str, dict[str, list[dict]]] = field(default_factory=dict)
    entities_in: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def build(cls, export: dict) -> ExportIndex:
        if export.get("schema") != "newsgraph/1":
            raise InputError(f"not a newsgraph/1 export (schema {export.get('schema')!r})")
        index = cls(export)
        index.documents = {d["id"]: d for d in export.get("documents", [])}
        index.entities = {e["id"]: e for e in export.get("entities", [])}
        for entity in index.entities.values():
            by_doc: dict[str, list[dict]] = defaultdict(list)
            for mention in entity.get("mentions", []):
                by_doc[mention["doc"]].append(mention)
                index.entities_in[mention["doc"]].add(entity["id"])
            index.mentions_of[entity["id"]] = {
                doc: sorted(found, key=lambda m: m["start"]) for doc, found in by_doc.items()
            }
        for relation in export.get("relations", []):
            for end in {relation["subject"], relation["object"]}:
                index.relations_of[end].append(relation)
        for event in export.get("events", []):
            for entity_id in event_entities(event):
                index.events_of[entity_id].append(event)
        return index

    def actors(self) -> list[dict]:
        """People and organisations, most documented first (the index page's order)."""
        found = [e for e in self.entities.values() if e["type"] in ACTOR_TYPES]
        return sorted(found, key=lambda e: (-len(self.mentions_of[e["id"]]), fold(e["name"]), e["id"]))

    def resolve(self, name: str) -> dict:
        """The one entity called `name` (id, canonical name or alias; case and accents ignored)."""
        if name in self.entities:
            return self.entities[name]
        key = fold(name)
        found = [e for e in self.entities.values() if key in {fold(n) for n in (e["name"], *e.get("aliases", []))}]
        if not found:
            raise NotFound(f"no entity named {name!r}")
        canonical = [e for e in found if fold(e["name"]) == key]
        if len(canonical) == 1:
            return canonical[0]
        if len(found) > 1:
            listing = "; ".join(f"{e['name']} ({e['type']}, {e['id']})" for e in found)
            raise Ambiguous(f"{name!r} matches {len(found)} entities: {listing}", candidates=found)
        return found[0]

    def context(self, mention: dict) -> str:
        """The sentence around a mention; "…" marks where it was cut short of a sentence end."""
        text = self.documents.get(mention["doc"], {}).get("text") or ""
        if not text:
            return mention.get("text", "")
        left, right, cut_left, cut_right = self.sentence_span(mention)
        return ("…" if cut_left else "") + " ".join(text[left:right].split()) + ("…" if cut_right else "")

    def sentence_span(self, mention: dict) -> tuple[int, int, bool, bool]:
        """Offsets of the sentence around a mention, looking at most CONTEXT_REACH characters
        each way, and whether each side was cut there rather than at a sentence end."""
        text = self.documents.get(mention["doc"], {}).get("text") or ""
        start, end = mention["start"], mention["end"]
        reach_left = max(0, start - CONTEXT_REACH)
        ends_before = list(_SENTENCE_END.finditer(text, reach_left, start))
        left = ends_before[-1].end() if ends_before else reach_left
        after = _SENTENCE_END.search(text, end, min(len(text), end + CONTEXT_REACH))
        right = after.start() + 1 if after else min(len(text), end + CONTEXT_REACH)
        return left, right, not ends_before and left > 0, not after and right < len(text)

def event_entities(event: dict) -> set[str]:
    """Every entity an event concerns: its participants and its place."""
    found = {p["entity"] for p in event.get("participants", []) if p.get("entity")}
    if event.get("place"):
        found.add(event["place"])
    return found
