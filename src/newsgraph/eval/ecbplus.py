"""Read ECB+ token XML (`ECB+/<topic>/<topic>_<n>ecb[plus].xml`) back into plain article texts.

ECB+ stores each article as one `<token t_id sentence number>` element per token, followed by
stand-off mention and coreference annotation. Only the tokens are read here: the texts feed
throughput benchmarks and anything else that needs real news prose. Files are parsed one at a
time and only up to the end of their tokens, so memory stays flat however large the folder.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
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
