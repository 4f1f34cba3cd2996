"""Read NewsReader MEANTIME CAT XML: the article text, its creation date and the gold entity mentions.

A CAT file stores one `<token t_id sentence number>` per token, then stand-off `<Markables>`
(ENTITY_MENTION anchored on tokens, and unanchored ENTITY instance descriptors carrying
`ent_type`), then `<Relations>` where REFERS_TO links mentions (sources) to their instance
(target). The text is rebuilt from the tokens with the ECB+ detokeniser, one sentence a line,
and a heading (a sentence without final punctuation, such as the title or the dateline) is
followed by a blank line so that it stays out of the first sentence of the body. Each gold
mention gets character offsets into that text; a mention anchored on non-adjacent tokens spans
from its first to its last token.

Events: every anchored EVENT_MENTION, TIMEX3 and VALUE is kept as a `MeantimeMarkable` with its
attributes (an event mention's `pos` and `pred`, a time expression's `type`, `value` and
`functionInDocument`), and the links between markables as `MeantimeLink`s: HAS_PARTICIPANT
(event mention to the entity mention or value taking part, with its `sem_role`) and TLINK
(between events and time expressions, with its `reltype`).

MEANTIME annotates only the first sentences of each article (the title, the dateline and four
more), so `annotated_end` marks where the annotation stops: the end of the last sentence with an
anchored markable of any kind. Scorers should ignore predictions after it.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.eval.ecbplus import detokenize_with_spans, parse_xml
from newsgraph.model import Document
from newsgraph.text import parse_day

CREATION_TIME = "CREATION_TIME"
EVENT_MENTION = "EVENT_MENTION"
MARKABLE_KINDS = (EVENT_MENTION, "TIMEX3", "VALUE")
LINK_KINDS = ("HAS_PARTICIPANT", "TLINK")
_SENTENCE_END = (".", "!", "?", '"', "”", "'", ")")


@dataclass
class MeantimeEntity:
    """An ENTITY instance descriptor: what a group of mentions refers to."""

    m_id: str
    ent_type: str  # PER | ORG | LOC | PRO | FIN | MIX
    descriptor: str  # TAG_DESCRIPTOR, the annotator's name for it
    external_ref: str | None = None  # DBpedia URI when given


@dataclass
class MeantimeMention:
    """A gold ENTITY_MENTION placed on the rebuilt text."""

    m_id: str
    start: int
    end: int
    text: str
    syntactic_type: str  # NAM | PRE.NAM | NOM | PRE.NOM | PRO | APP | CONJ | ... or ""
    instance: MeantimeEntity | None  # None when no REFERS_TO links it

    @property
    def ent_type(self) -> str | None:
        return self.instance.ent_type if self.instance else None


@dataclass(frozen=True)
class MeantimeMarkable:
    """An anchored EVENT_MENTION, TIMEX3 or VALUE placed on the rebuilt text, with its XML attributes."""

    m_id: str
    kind: str  # the element name: EVENT_MENTION | TIMEX3 | VALUE
    start: int
    end: int
    text: str
    attributes: dict[str, str]


@dataclass(frozen=True)
class MeantimeLink:
    """A HAS_PARTICIPANT or TLINK between two markables, by m_id, with its attributes (sem_role, reltype)."""

    kind: str
    source: str
    target: str
    attributes: dict[str, str]


@dataclass
class MeantimeDocument:
    source: str
    doc_id: str
    doc_name: str
    text: str
    dct: date | None
    mentions: list[MeantimeMention]
    entities: dict[str, MeantimeEntity]
    annotated_end: int  # character offset where the annotated sentences end
    markables: dict[str, MeantimeMarkable] = field(default_factory=dict)  # by m_id
    links: list[MeantimeLink] = field(default_factory=list)

    @property
    def event_mentions(self) -> list[MeantimeMarkable]:
        return sorted((m for m in self.markables.values() if m.kind == EVENT_MENTION), key=lambda m: (m.start, m.end))

    def links_of(self, kind: str) -> list[MeantimeLink]:
        return [link for link in self.links if link.kind == kind]


def read_meantime(path: Path | str) -> MeantimeDocument:
    """Parse one MEANTIME `.xml` file; an unreadable or malformed file raises InputError naming it."""
    path = Path(path)
    root = parse_xml(path, "MEANTIME")
    try:
        return _document(root, str(path), default_doc_id=path.stem)
    except (KeyError, ValueError) as exc:
        raise InputError(f"malformed MEANTIME XML: {exc}", source=str(path)) from exc


def _document(root: ET.Element, source: str, default_doc_id: str) -> MeantimeDocument:
    if root.tag != "Document":
        raise InputError(f"not MEANTIME CAT XML: root element is <{root.tag}>", source=source)
    text, token_spans, sentence_end = _text(root, source)
    entities = {
        e.get("m_id", ""): MeantimeEntity(e.get("m_id", ""), e.get("ent_type", ""), e.get("TAG_DESCRIPTOR", ""),
                                           e.get("external_ref") or None)
        for e in root.iter("ENTITY")
    }
    instance_of: dict[str, MeantimeEntity] = {}
    for link in root.iter("REFERS_TO"):
        target = link.find("target")
        entity = entities.get(target.get("m_id", "")) if target is not None else None
        if entity is not None:
            for mention_source in link.iter("source"):
                instance_of[mention_source.get("m_id", "")] = entity
    mentions = []
    for element in root.iter("ENTITY_MENTION"):
        extent = _extent(element, token_spans)
        if extent is not None:
            m_id = element.get("m_id", "")
            mentions.append(MeantimeMention(m_id, *extent, text[slice(*extent)], element.get("syntactic_type", ""),
                                            instance_of.get(m_id)))
    markables = {}
    for kind in MARKABLE_KINDS:
        for element in root.iter(kind):
            extent = _extent(element, token_spans)
            if extent is not None:
                markables[element.get("m_id", "")] = MeantimeMarkable(
                    element.get("m_id", ""), kind, *extent, text[slice(*extent)], dict(element.attrib))
    links = [MeantimeLink(kind, ends[0].get("m_id", ""), ends[1].get("m_id", ""), dict(element.attrib))
             for kind in LINK_KINDS for element in root.iter(kind)
             if None not in (ends := (element.find("source"), element.find("target")))]
    mentions.sort(key=lambda m: (m.start, m.end))
    anchored_ends = [token_spans[a.get("t_id", "")][1] for a in root.iter("token_anchor")]
    last_anchored = max(anchored_ends, default=0)
    annotated_end = next(end for end in sentence_end if end >= last_anchored)
    return MeantimeDocument(
        source=source,
        doc_id=root.get("doc_id") or default_doc_id,
        doc_name=root.get("doc_name") or default_doc_id,
        text=text,
        dct=_dct(root),
        mentions=mentions,
        entities=entities,
        annotated_end=annotated_end,
        markables=markables,
        links=links,
    )


def _extent(element: ET.Element, token_spans: dict[str, tuple[int, int]]) -> tuple[int, int] | None:
    """From the first to the last anchored token (anchors may skip tokens); None when unanchored."""
    anchored = [token_spans[a.get("t_id", "")] for a in element.iter("token_anchor")]
    if not anchored:
        return None
    return min(s for s, _ in anchored), max(e for _, e in anchored)


def _text(root: ET.Element, source: str) -> tuple[str, dict[str, tuple[int, int]], list[int]]:
    """The rebuilt text, each token id's character span in it and where each sentence ends."""
    sentences: dict[int, list[ET.Element]] = {}
    for token in root.iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(token)
    if not sentences:
        raise InputError("MEANTIME file has no tokens", source=source)
    pieces: list[str] = []
    token_spans: dict[str, tuple[int, int]] = {}
    sentence_end: list[int] = []
    offset = 0
    for index in sorted(sentences):
        tokens = sorted(sentences[index], key=lambda t: int(t.get("number", "0")))
        sentence_text, spans = detokenize_with_spans([t.text or "" for t in tokens])
        for token, (start, end) in zip(tokens, spans):
            token_spans[token.get("t_id", "")] = (offset + start, offset + end)
        separator = "\n" if sentence_text.endswith(_SENTENCE_END) else "\n\n"
        pieces.append(sentence_text + separator)
        sentence_end.append(offset + len(sentence_text))
        offset += len(sentence_text) + len(separator)
    return "".join(pieces).rstrip("\n") + "\n", token_spans, sentence_end


def _dct(root: ET.Element) -> date | None:
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == CREATION_TIME:
            try:
                return parse_day((timex.get("value") or "")[:10])
            except ValueError:
                return None
    return None


def meantime_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    """The given files, and every `*.xml` below the given directories, in sorted order."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(path.rglob("*.xml"))
        elif path.exists():
            yield path
        else:
            raise InputError("no such file or directory", source=str(path))


def iter_meantime(paths: Iterable[Path | str]) -> Iterator[MeantimeDocument]:
    """Read the MEANTIME files under `paths` one at a time."""
    for path in meantime_files(paths):
        yield read_meantime(path)


def gold_and_documents(paths: Iterable[Path | str], limit: int | None = None,
                       ) -> Iterator[tuple[MeantimeDocument, Document]]:
    """Each file's gold with the `Document` to run newsgraph on: its rebuilt text, dated by its
    creation time. Paths holding no `.xml` file are refused at once, before anything is read."""
    paths = list(paths)
    if not any(True for _ in meantime_files(paths)):
        raise InputError("no .xml files found", source=", ".join(map(str, paths)))
    return _gold_and_documents(paths, limit)


def _gold_and_documents(paths: list[Path | str], limit: int | None) -> Iterator[tuple[MeantimeDocument, Document]]:
    for index, gold in enumerate(iter_meantime(paths)):
        if limit is not None and index >= limit:
            return
        yield gold, Document(text=gold.text, title=gold.doc_name, source=gold.source, published=gold.dct)
