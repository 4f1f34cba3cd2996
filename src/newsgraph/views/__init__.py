"""Read models over the store: what the CLI (and later the web API) shows.

Each view asks the `Store` protocol narrow questions and shapes the answers into the records
of `records.py`; none of them writes.
"""

from newsgraph.views.entities import entities_table, find_entities, find_entity
from newsgraph.views.facts import events, relations
from newsgraph.views.profile import co_mentions, profile
from newsgraph.views.records import (
    CoMention,
    EntityProfile,
    EntityRef,
    EntitySummary,
    EventItem,
    EventParticipant,
    FactEvidence,
    MentionInContext,
    RelationItem,
    SentenceHit,
)
from newsgraph.views.search import search

__all__ = [
    "CoMention",
    "EntityProfile",
    "EntityRef",
    "EntitySummary",
    "EventItem",
    "EventParticipant",
    "FactEvidence",
    "MentionInContext",
    "RelationItem",
    "SentenceHit",
    "co_mentions",
    "entities_table",
    "events",
    "find_entities",
    "find_entity",
    "profile",
    "relations",
    "search",
]
