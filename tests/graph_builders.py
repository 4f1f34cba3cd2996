"""Hand-built analyses for the store, views and resolve tests: a text, and which words of it
are which entities."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from newsgraph.model import Analysis, Document, Entity, Mention, Sentence


@dataclass
class Ref:
    """`surface` (its `nth` occurrence in the text) refers to the entity `name` of `type`."""

    surface: str
    type: str
    name: str
    nth: int = 0
    kind: str = "name"


def sentences_of(text: str) -> list[Sentence]:
    spans = [m.span() for m in re.finditer(r"[^.!?]+[.!?]?", text) if m.group().strip()]
    stripped = []
    for start, end in spans:
        while text[start].isspace():
            start += 1
        stripped.append((start, end))
    return [Sentence(i, s, e, text[s:e]) for i, (s, e) in enumerate(stripped)]


def offset_of(text: str, surface: str, nth: int) -> int:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return start


def analysis(
    text: str,
    refs: list[Ref],
    title: str | None = None,
    aliases: dict[str, list[str]] | None = None,
    published: date | None = None,
    source: str | None = None,
) -> Analysis:
    """An analysis with sentences, mentions resolved to entities, and the entities themselves."""
    document = Document(text=text, title=title, source=source, published=published)
    result = Analysis(document=document, sentences=sentences_of(text))
    entities: dict[str, Entity] = {}
    for ref in refs:
        start = offset_of(text, ref.surface, ref.nth)
        entity_id = Entity.make_id(ref.type, ref.name)
        mention = Mention(
            document.id,
            start,
            start + len(ref.surface),
            ref.surface,
            ref.type,
            ref.kind,
            result.sentence_at(start).index,
            entity_id,
        )
        result.mentions.append(mention)
        entities.setdefault(
            entity_id, Entity(entity_id, ref.type, ref.name, list((aliases or {}).get(ref.name, [])))
        )
    result.entities = list(entities.values())
    return result


PORT_TEXT = (
    "Mayor Lucía Ferrandez opened the new river port in Calverton on Monday. "
    "Ferrandez said the port would bring two hundred jobs. "
    "The Calverton Harbour Authority (CHA) will run it."
)
UNION_TEXT = (
    "Mayor Ferrandez met dock union leaders in Brenmoor on Thursday. "
    "The CHA denied that the talks had failed."
)
PIKE_TEXT = "Jordan Pike flew to Jordan on Tuesday. Elena Pike, her sister, stayed in Amman."


def port_analysis() -> Analysis:
    return analysis(
        PORT_TEXT,
        [
            Ref("Lucía Ferrandez", "person", "Lucía Ferrandez"),
            Ref("Calverton", "place", "Calverton"),
            Ref("Ferrandez", "person", "Lucía Ferrandez", nth=1),
            Ref("Calverton Harbour Authority", "organization", "Calverton Harbour Authority"),
            Ref("CHA", "organization", "Calverton Harbour Authority", kind="acronym"),
        ],
        title="River port opens",
        aliases={"Lucía Ferrandez": ["Ferrandez"], "Calverton Harbour Authority": ["CHA"]},
        published=date(2024, 3, 4),
        source="port.txt",
    )


def union_analysis() -> Analysis:
    return analysis(
        UNION_TEXT,
        [
            Ref("Mayor Ferrandez", "person", "Lucia Ferrandez", kind="alias"),
            Ref("Brenmoor", "place", "Brenmoor"),
            Ref("CHA", "organization", "Calverton Harbour Authority", kind="acronym"),
        ],
        title="Dock talks",
        aliases={"Lucia Ferrandez": ["Mayor Ferrandez"], "Calverton Harbour Authority": ["CHA"]},
        source="union.txt",
    )


def pike_analysis() -> Analysis:
    return analysis(
        PIKE_TEXT,
        [
            Ref("Jordan Pike", "person", "Jordan Pike"),
            Ref("Jordan", "place", "Jordan", nth=1),
            Ref("Elena Pike", "person", "Elena Pike"),
            Ref("Amman", "place", "Amman"),
        ],
        title="Sisters abroad",
        aliases={"Jordan Pike": ["Pike"], "Elena Pike": ["Pike"]},
        source="pike.txt",
    )
