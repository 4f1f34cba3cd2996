"""What newsgraph can say about the world, as data: entity types and how spaCy's labels map
onto them; relation and event types (with their argument roles, trigger words and CAMEO and
PLOVER codes) as later stages add them.

The definitions live in newsgraph/data/ontology.json, read by `load_ontology`; every stage
asks the `Ontology` rather than keeping its own label table. `read_text` and `read_json` are
the one way any part of newsgraph reads a shipped data file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ontology.data import read_json, read_text

ONTOLOGY_FILE = "ontology.json"
# The entity types code refers to by name; `load_ontology` checks the data defines them.
PERSON, ORGANIZATION, PLACE, OTHER = "person", "organization", "place", "other"

__all__ = [
    "ORGANIZATION",
    "OTHER",
    "PERSON",
    "PLACE",
    "EntityType",
    "EventType",
    "Ontology",
    "RelationType",
    "load_ontology",
    "read_json",
    "read_text",
]


@dataclass(frozen=True)
class EntityType:
    name: str  # "person", "organization", "place", "other"
    spacy_label: str  # the label newsgraph gives this type in a spaCy Doc (e.g. curated patterns)


@dataclass(frozen=True)
class RelationType:
    name: str  # "member_of"
    subject_types: tuple[str, ...]  # entity types the subject may have
    object_types: tuple[str, ...]


@dataclass(frozen=True)
class EventType:
    name: str  # "meeting"
    trigger_verbs: frozenset[str]  # lemmas
    trigger_nouns: frozenset[str]
    roles: tuple[str, ...]  # argument roles: "agent", "counterpart", "place", ...
    cameo: str | None = None  # CAMEO event code
    plover: str | None = None  # PLOVER event category


@dataclass(frozen=True)
class Ontology:
    entity_types: Mapping[str, EntityType]
    spacy_labels: Mapping[str, str]  # spaCy NER label -> entity type; unlisted labels are no mentions
    relation_types: Mapping[str, RelationType]
    event_types: Mapping[str, EventType]

    def type_of_label(self, label: str) -> str | None:
        """The entity type of a spaCy NER label, None for labels that name no entity (DATE)."""
        return self.spacy_labels.get(label)

    def spacy_label(self, entity_type: str) -> str:
        return self.entity_types[entity_type].spacy_label

    def event_types_triggered_by(self, lemma: str, noun: bool) -> list[EventType]:
        """The event types whose trigger verbs (or nouns, with `noun`) include `lemma`."""
        return [
            t for t in self.event_types.values() if lemma in (t.trigger_nouns if noun else t.trigger_verbs)
        ]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], source: str = ONTOLOGY_FILE) -> Ontology:
        """Build and check an ontology from its JSON form; a reference to an unknown entity
        type is an InputError naming `source`."""
        entity_types = {e["name"]: EntityType(e["name"], e["spacy_label"]) for e in data["entity_types"]}

        def known(types: list[str], where: str) -> tuple[str, ...]:
            unknown = [t for t in types if t not in entity_types]
            if unknown:
                raise InputError(f"{where}: unknown entity type {', '.join(unknown)}", source=source)
            return tuple(types)

        spacy_labels = dict(data.get("spacy_labels", {}))
        known(list(spacy_labels.values()), "spacy_labels")
        relation_types = {
            r["name"]: RelationType(
                r["name"],
                known(r["subject_types"], r["name"]),
                known(r["object_types"], r["name"]),
            )
            for r in data.get("relation_types", [])
        }
        event_types = {
            e["name"]: EventType(
                e["name"],
                frozenset(e.get("trigger_verbs", [])),
                frozenset(e.get("trigger_nouns", [])),
                tuple(e.get("roles", [])),
                e.get("cameo"),
                e.get("plover"),
            )
            for e in data.get("event_types", [])
        }
        return cls(entity_types, spacy_labels, relation_types, event_types)


@cache
def load_ontology() -> Ontology:
    """The shipped ontology (newsgraph/data/ontology.json), read once per process."""
    ontology = Ontology.from_dict(read_json(ONTOLOGY_FILE))
    missing = {PERSON, ORGANIZATION, PLACE, OTHER} - set(ontology.entity_types)
    if missing:
        raise InputError(f"entity types {', '.join(sorted(missing))} are missing", source=ONTOLOGY_FILE)
    return ontology
