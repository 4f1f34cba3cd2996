"""Read models over the store: what the CLI (and later the web API) shows.

Each view asks the `Store` protocol narrow questions and shapes the answers into the records
of `records.py`; none of them writes.
"""

from newsgraph.views.entities import entities_table, find_entities, find_entity
from newsgraph.views.facts import event_reports, events, place_tree, relations, resolved_events
from newsgraph.views.profile import co_mentions, profile
from newsgraph.views.records import (
    CoMention,
    ConflictItem,
    ConflictSide,
    EntityProfile,
    EntityRef,
    EntitySummary,
    EventItem,
    EventParticipant,
    FactEvidence,
    MentionInContext,
    RelationItem,
    ReportingDocument,
    SentenceHit,
)
from newsgraph.views.search import search

__all__ = [
    "CoMention",
    "ConflictItem",
    "ConflictSide",
    "EntityProfile",
    "EntityRef",
    "EntitySummary",
    "EventItem",
    "EventParticipant",
    "FactEvidence",
    "MentionInContext",
    "RelationItem",
    "ReportingDocument",
    "SentenceHit",
    "co_mentions",
    "entities_table",
    "event_reports",
    "events",
    "find_entities",
    "find_entity",
    "place_tree",
    "profile",
    "relations",
    "resolved_events",
    "search",
]
