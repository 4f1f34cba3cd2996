"""The data model that flows through every stage: document → mentions → entities, events,
relations (each with evidence) → store → views.

Plain dataclasses, importing nothing else of newsgraph. Ids are content hashes so that the
same input gives the same ids on every run and machine.
"""
from newsgraph.model.analysis import Analysis
from newsgraph.model.documents import Document, Sentence
from newsgraph.model.facts import (
    CERTAINTIES,
    ENTITY_TYPES,
    PRECISIONS,
    Entity,
    Event,
    EventTime,
    Evidence,
    Fact,
    Geo,
    Mention,
    Participant,
    Relation,
)
from newsgraph.model.identity import JUDGEMENTS, Judgement
from newsgraph.model.ids import fold, stable_id
from newsgraph.model.reports import CONFLICT_FIELDS, Conflict, ConflictValue, EventReport, ResolvedEvent
from newsgraph.model.timex import Anchor, Timex

__all__ = [
    "CERTAINTIES",
    "CONFLICT_FIELDS",
    "ENTITY_TYPES",
    "JUDGEMENTS",
    "PRECISIONS",
    "Analysis",
    "Anchor",
    "Conflict",
    "ConflictValue",
    "Document",
    "Entity",
    "Event",
    "EventReport",
    "EventTime",
    "Evidence",
    "Fact",
    "Geo",
    "Judgement",
    "Mention",
    "Participant",
    "Relation",
    "ResolvedEvent",
    "Sentence",
    "Timex",
    "fold",
    "stable_id",
]
