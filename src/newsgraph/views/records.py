"""What the views answer with: plain records for listings, profiles and search hits.

The graph itself comes back from the store as newsgraph.model objects; these records add what
only a stored graph knows (counts across documents, the sentence around a mention, search ranking).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from newsgraph.model import EventTime, Geo


@dataclass
class EntityRef:
    id: str
    type: str
    name: str


@dataclass
class EntitySummary:
    """An entity with how often it occurs: `documents` and `mentions` are counts."""

    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    documents: int = 0
    mentions: int = 0


@dataclass
class MentionInContext:
    """A mention with the sentence it occurs in; `start - sentence_start` indexes `sentence_text`."""

    id: str
    doc: str
    doc_title: str | None
    start: int
    end: int
    text: str
    kind: str
    sentence: int | None
    sentence_start: int
    sentence_text: str


@dataclass
class CoMention:
    """An entity mentioned alongside another: in `count` sentences and `documents` documents."""

    id: str
    type: str
    name: str
    count: int
    documents: int


@dataclass
class FactEvidence:
    """A sentence stating a fact, the document it is in (its title, and where it was first read
    from, which names a document without a title), and who the text says it (`source`)."""

    doc: str
    doc_title: str | None
    doc_source: str | None
    sentence: str
    source: EntityRef | None = None


@dataclass
class RelationItem:
    """A relation with its ends named: `subject` holds `role` ("commander") in `object`."""

    id: str
    type: str
    role: str | None
    subject: EntityRef
    object: EntityRef
    certainty: str
    evidence: list[FactEvidence] = field(default_factory=list)


@dataclass
class EventParticipant:
    entity: EntityRef
    role: str | None
    remote: bool = False


@dataclass
class ReportingDocument:
    """A document reporting an event: its title, where it was first read from, and the earliest
    publication date its sources give (None when none does)."""

    doc: str
    doc_title: str | None
    doc_source: str | None
    published: date | None


@dataclass
class ConflictSide:
    """One value reports of an event give for a field, as it reads ("2023-10-14", a place's name,
    "hedged"), and the documents giving it."""

    value: str
    documents: list[ReportingDocument]


@dataclass
class ConflictItem:
    """A field (time, place, type, certainty, modality) the reports of one event disagree on."""

    field: str
    sides: list[ConflictSide]


@dataclass
class EventItem:
    """An event with its entities named. `when` is how it reads: the time value at its
    granularity ("2024-03"), or "undated" with the bounds the text gives ("undated
    (by 2024-06-12)"). An event is `dated` when it has a value and both bounds;
    `earliest` and `latest` (ISO days) are the interval it is filtered and ordered by.

    One item is one event across documents: `sources` is how many documents report it,
    `reported_by` those documents (first reported first), `first_reported` the earliest
    published of them, and `conflicts` what they disagree on, every side shown."""

    id: str
    type: str
    when: str
    dated: bool
    earliest: str | None
    latest: str | None
    time: EventTime | None
    place: EntityRef | None
    participants: list[EventParticipant]
    certainty: str
    modality: str
    evidence: list[FactEvidence] = field(default_factory=list)
    sources: int = 1
    reported_by: list[ReportingDocument] = field(default_factory=list)
    first_reported: ReportingDocument | None = None
    conflicts: list[ConflictItem] = field(default_factory=list)


@dataclass
class EntityProfile:
    id: str
    type: str
    name: str
    aliases: list[str]
    documents: int
    mentions: list[MentionInContext]
    co_mentions: list[CoMention]
    geo: Geo | None = None
    # Document id -> every source its text was read from, the first first.
    sources: dict[str, list[str | None]] = field(default_factory=dict)
    # Relations the entity is the subject or the object of, and the events it takes part in
    # (or that happen at it, for a place), in timeline order.
    affiliations: list[RelationItem] = field(default_factory=list)
    events: list[EventItem] = field(default_factory=list)


@dataclass
class SentenceHit:
    """A sentence matching a search; `score` is higher for better matches."""

    doc: str
    doc_title: str | None
    sentence: int
    text: str
    snippet: str
    score: float
    entities: list[EntityRef] = field(default_factory=list)
