"""Read ECB+ token XML (`ECB+/<topic>/<topic>_<n>ecb[plus].xml`): article texts and gold coreference.

ECB+ stores each article as one `<token t_id sentence number>` element per token, followed by
stand-off mention and coreference annotation. `read_ecbplus_text` reads only the tokens, for
throughput benchmarks and anything else that needs real news prose; it parses one file at a time
and only up to the end of its tokens, so memory stays flat however large the folder.
`read_ecb_corpus` also reads the markables and their CROSS_DOC_COREF / INTRA_DOC_COREF chains,
for the cross-document coreference evaluation.
"""
from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import InputError

# Tokens written against the preceding token ("word ," -> "word,").
_ATTACH_LEFT = frozenset([
    ".", ",", ":", ";", "?", "!", ")", "]", "}", "%", "...", "''", "”", "’",
    "'s", "'m", "'re", "'ve", "'ll", "'d", "n't", "’s", "’m", "’re", "’ve", "’ll", "’d", "n’t",
])
# Tokens written against the following token ("( word" -> "(word").
_ATTACH_RIGHT = frozenset(["(", "[", "{", "$", "#", "``", "“", "‘"])
# Tokens split out of one word: "year - old", "and / or", "Gray ’ s", "4 : 59", "2 . 6", "a . m".
_INFIX = frozenset(["-", "/", "’", "'", ":", "."])
_CONTRACTION_TAILS = frozenset(["s", "t", "m", "re", "ve", "ll", "d"])
_QUOTES = {"``": '"', "''": '"'}
_URL_START = re.compile(r"^https?$|^www$", re.IGNORECASE)


def _glues_words(token: str, previous: str, following: str) -> bool:
    """Whether `token` was split out of one word and should be glued to both neighbours."""
    if token not in _INFIX or not (previous[-1:].isalnum() and following[:1].isalnum()):
        return False
    if token in ":.":
        between_digits = previous[-1:].isdigit() and following[:1].isdigit()
        between_initials = token == "." and len(previous) == len(following) == 1
        return between_digits or between_initials
    return token in "-/" or following.casefold() in _CONTRACTION_TAILS


def detokenize(tokens: Iterable[str]) -> str:
    """Rebuild running text from PTB-style tokens: punctuation attached, quotes and hyphens glued."""
    return detokenize_with_spans([t for t in tokens if t])[0]


def detokenize_with_spans(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """`detokenize`, also giving each token's (start, end) in the rebuilt text, so stand-off
    annotation anchored on tokens can be placed on the text."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    glue_next = False
    open_straight_quote = False
    for i, token in enumerate(tokens):
        previous = tokens[i - 1] if i else ""
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        attach = glue_next or not out
        glue_next = False
        if token == '"':
            # A straight quote opens or closes by parity; only its outer side gets a space.
            if open_straight_quote:
                attach = True
            else:
                glue_next = True
            open_straight_quote = not open_straight_quote
        elif _glues_words(token, previous, following):
            attach = True
            glue_next = True
        elif token in _ATTACH_LEFT:
            attach = True
        elif token in _ATTACH_RIGHT:
            glue_next = True
        shown = _QUOTES.get(token, token)
        start = offset if attach else offset + 1
        spans.append((start, start + len(shown)))
        out.append(shown if attach else " " + shown)
        offset = spans[-1][1]
    return "".join(out), spans


def _sentences_of(path: Path) -> list[list[str]]:
    """Token texts grouped by sentence, in document order; stops at the annotation section."""
    sentences: dict[int, list[str]] = {}
    try:
        for _event, element in ET.iterparse(path, events=("end",)):
            if element.tag == "token":
                sentences.setdefault(int(element.get("sentence", "0")), []).append(element.text or "")
            elif element.tag == "Markables":
                break
            element.clear()
    except ET.ParseError as exc:
        raise InputError(f"malformed ECB+ XML: {exc}", source=str(path), line=exc.position[0]) from exc
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read ECB+ file: {exc}", source=str(path)) from exc
    return [sentences[k] for k in sorted(sentences)]


def read_ecbplus_text(path: Path | str) -> str:
    """The article text of one ECB+ file, one sentence per line.

    The 'ecbplus' half of the corpus stores the article's source URL as sentence zero; it is
    not prose and is dropped.
    """
    path = Path(path)
    sentences = _sentences_of(path)
    if sentences and sentences[0] and _URL_START.match(sentences[0][0]):
        sentences = sentences[1:]
    text = "\n".join(detokenize(tokens) for tokens in sentences)
    if not text.strip():
        raise InputError("ECB+ file has no tokens", source=str(path))
    return text + "\n"


def _natural_key(path: Path) -> list:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", path.as_posix())]


def ecbplus_files(root: Path | str) -> list[Path]:
    """Every ECB+ `.xml` file under `root`, in topic and document number order."""
    root = Path(root)
    if not root.is_dir():
        raise InputError("not a directory", source=str(root))
    return sorted(root.rglob("*.xml"), key=_natural_key)


def is_ecbplus_dir(root: Path | str) -> bool:
    """Whether `root` holds ECB+ token XML: its first `.xml` file is a `<Document>` of `<token>`s."""
    root = Path(root)
    if not root.is_dir():
        return False
    first = next(iter(sorted(root.rglob("*.xml"), key=_natural_key)), None)
    if first is None:
        return False
    try:
        for _event, element in ET.iterparse(first, events=("start",)):
            if element.tag != "Document":
                return False
            break
        for _event, element in ET.iterparse(first, events=("end",)):
            if element.tag == "token":
                return True
    except (ET.ParseError, OSError):
        return False
    return False


def iter_ecbplus_texts(root: Path | str) -> Iterator[tuple[str, str]]:
    """Yield `(doc_name, text)` for each ECB+ file under `root`, reading one file at a time."""
    for path in ecbplus_files(root):
        yield path.name, read_ecbplus_text(path)


# The usual split (Cybulska & Vossen 2015; dev as in Kenyon-Dean et al. 2018 and Barhom et al. 2019).
DEV_TOPICS = frozenset({2, 5, 12, 18, 21, 23, 34, 35})
TRAIN_TOPICS = frozenset(range(1, 36)) - DEV_TOPICS
TEST_TOPICS = frozenset(range(36, 46))
EVENT, ENTITY = "event", "entity"
# Markable tag families: ACTION_* and NEG_ACTION_* are events; participants, places and times are
# entities. UNKNOWN_INSTANCE_TAG and anything else is left out.
_FAMILIES = (("NEG_ACTION", EVENT), ("ACTION", EVENT), ("HUMAN_PART", ENTITY), ("NON_HUMAN_PART", ENTITY),
             ("LOC", ENTITY), ("TIME", ENTITY))
VALIDATED_SENTENCES_CSV = "ECBplus_coreference_sentences.csv"


def tag_family(tag: str) -> str | None:
    """The family of a markable tag ("HUMAN_PART_PER" → "HUMAN_PART"), or None when it is no mention."""
    for family, _kind in _FAMILIES:
        if tag == family or tag.startswith(family + "_"):
            return family
    return None


@dataclass(frozen=True)
class EcbMention:
    """A gold mention: its tokens in its sentence, its tag and its gold cluster.

    `gold` is the CROSS_DOC_COREF instance id, a document-scoped id for an INTRA_DOC_COREF chain,
    or the mention's own id when no relation links it (a singleton)."""

    id: str
    doc: str
    sentence: int
    tokens: tuple[int, ...]
    text: str
    tag: str
    gold: str

    @property
    def family(self) -> str:
        return tag_family(self.tag) or ""

    @property
    def kind(self) -> str:
        return dict(_FAMILIES)[self.family]


@dataclass(frozen=True)
class EcbDocument:
    """One ECB+ article: its sentences as token lists (by sentence number), which of them were
    validated for coreference, and its gold mentions in those sentences."""

    name: str
    topic: int
    subtopic: str
    sentences: dict[int, tuple[str, ...]]
    validated: frozenset[int]
    mentions: tuple[EcbMention, ...]

    @property
    def text(self) -> str:
        """The article as running text, one sentence a line, without the 'ecbplus' source URL."""
        kept = [tokens for _n, tokens in sorted(self.sentences.items())
                if not (tokens and _URL_START.match(tokens[0]))]
        return "\n".join(detokenize(tokens) for tokens in kept)


def _document_name(path: Path) -> str:
    return path.stem


def _topic_of(name: str) -> tuple[int, str]:
    """(topic, subtopic) of "36_1ecbplus": 36 and "36ecbplus"; the two halves of a topic are its subtopics."""
    match = re.fullmatch(r"(\d+)_\d+(ecb|ecbplus)", name)
    if not match:
        raise InputError(f"not an ECB+ document name: {name}")
    return int(match.group(1)), match.group(1) + match.group(2)


def read_validated_sentences(path: Path) -> dict[str, frozenset[int]]:
    """Document name → the numbers of its sentences checked for coreference (the ECB+ CSV)."""
    validated: dict[str, set[int]] = {}
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                validated.setdefault(f"{row['Topic']}_{row['File']}", set()).add(int(row["Sentence Number"]))
    except (OSError, KeyError, ValueError) as exc:
        raise InputError(f"cannot read the validated sentences: {exc}", source=str(path)) from exc
    return {name: frozenset(numbers) for name, numbers in validated.items()}


def parse_xml(path: Path, corpus: str) -> ET.Element:
    """The root element of an annotated corpus file; unreadable or malformed, an InputError naming it."""
    try:
        return ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(f"malformed {corpus} XML: {exc}", source=str(path), line=exc.position[0]) from exc
    except OSError as exc:
        raise InputError(f"cannot read {corpus} file: {exc.strerror or exc}", source=str(path)) from exc


def read_ecb_document(path: Path, validated: frozenset[int]) -> EcbDocument:
    """One ECB+ file with its gold mentions in the `validated` sentences."""
    name = _document_name(path)
    topic, subtopic = _topic_of(name)
    root = parse_xml(path, "ECB+")
    sentences: dict[int, list[str]] = {}
    where: dict[str, tuple[int, int]] = {}  # token id → (sentence, index in it)
    for token in root.iter("token"):
        number = int(token.get("sentence", "0"))
        words = sentences.setdefault(number, [])
        where[token.get("t_id", "")] = (number, len(words))
        words.append(token.text or "")
    gold: dict[str, str] = {}
    for relation in root.iter("CROSS_DOC_COREF"):
        for source in relation.iter("source"):
            gold[source.get("m_id", "")] = relation.get("note", "")
    for relation in root.iter("INTRA_DOC_COREF"):
        for source in relation.iter("source"):
            gold.setdefault(source.get("m_id", ""), f"{name}/intra/{relation.get('r_id')}")
    mentions = []
    markables = root.find("Markables")
    for markable in markables if markables is not None else ():
        anchors = [where[a.get("t_id", "")] for a in markable.iter("token_anchor") if a.get("t_id") in where]
        if not anchors or tag_family(markable.tag) is None:
            continue  # an instance descriptor, or no mention
        sentence = anchors[0][0]
        if sentence not in validated or any(s != sentence for s, _ in anchors):
            continue
        indices = tuple(sorted(i for _, i in anchors))
        m_id = markable.get("m_id", "")
        mention_id = f"{name}/{m_id}"
        mentions.append(EcbMention(mention_id, name, sentence, indices,
                                   " ".join(sentences[sentence][i] for i in indices), markable.tag,
                                   gold.get(m_id) or mention_id))
    mentions.sort(key=lambda m: (m.sentence, m.tokens))
    return EcbDocument(name, topic, subtopic, {n: tuple(w) for n, w in sentences.items()}, validated,
                       tuple(mentions))


def read_ecb_corpus(root: Path | str, topics: Iterable[int] = TEST_TOPICS) -> list[EcbDocument]:
    """The ECB+ documents of `topics` under `root` (the folder holding `ECB+/` and the CSV of
    validated sentences, or `ECB+/` itself), each with its gold mentions in validated sentences.
    Documents with no validated sentence are left out, as in the usual setup."""
    root = Path(root)
    folder = root / "ECB+" if (root / "ECB+").is_dir() else root
    csv_path = next((p for p in (root / VALIDATED_SENTENCES_CSV, root.parent / VALIDATED_SENTENCES_CSV)
                     if p.is_file()), None)
    if csv_path is None:
        raise InputError(f"no {VALIDATED_SENTENCES_CSV} beside the documents", source=str(root))
    validated = read_validated_sentences(csv_path)
    wanted = set(topics)
    documents = []
    for path in ecbplus_files(folder):
        name = _document_name(path)
        if name in validated and _topic_of(name)[0] in wanted:
            documents.append(read_ecb_document(path, validated[name]))
    if not documents:
        raise InputError(f"no ECB+ document of topics {sorted(wanted)} with validated sentences", source=str(root))
    return documents
