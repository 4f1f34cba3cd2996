"""Everything the pipeline knows about one document."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from newsgraph.model.documents import Document, Sentence
from newsgraph.model.facts import Entity, Event, Mention, Relation
from newsgraph.model.timex import Timex


@dataclass
class Analysis:
    """Everything the pipeline knows about one document.

    `parsed` holds the NLP parse (a spaCy Doc by default) for stages that need tokens; it
    is never exported or stored. Stages fill the other lists. `mentions` is the one list of
    the document's mentions; each names its base entity, which `entities` describes.
    """

    document: Document
    parsed: Any = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing character `offset`, if any (sentences are in text order)."""
        i = bisect_right(self.sentences, offset, key=lambda s: s.start) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def mentions_of(self, entity_id: str) -> list[Mention]:
        """The mentions of one base entity, in text order."""
        return [m for m in self.mentions if m.entity == entity_id]

    def mentions_by_entity(self) -> dict[str, list[Mention]]:
        """Base entity id → its mentions in text order, in one pass (for every entity at once)."""
        grouped: dict[str, list[Mention]] = {}
        for m in self.mentions:
            if m.entity is not None:
                grouped.setdefault(m.entity, []).append(m)
        return grouped
