"""The parse before the stages: batched for speed, chunked for long texts, guarded per document.

spaCy's memory grows with the length of the text it parses at once (a 1 MB text in one call
peaked at 3.35 GB) and it refuses texts over `nlp.max_length` (E088). So a text longer than
`CHUNK_CHARS` is parsed in chunks cut at paragraph, line, sentence or word boundaries, and the
chunk parses are joined into one `Doc` whose text is exactly the document's: offsets stay
exact and every stage (coreference, time anchoring) still sees the whole document at once.
The parser's working memory is then bounded by the chunk size; what grows with the document
is the joined `Doc` and, while it is built, one copy of its token attributes (`join_parses`).
Short texts are parsed in batches; when a batch fails, its documents are parsed one by one so
that the failure is reported for the one document that causes it.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsgraph.model import Document

# Longest text parsed in one call: a long news article. Far under spaCy's `max_length`
# (1,000,000); the parser's working memory grows with it (measured over 1 MB of text: +30 MB
# at 10,000 characters a call, +130 MB at 50,000).
CHUNK_CHARS = 10_000
# Boundaries to cut a long text at, best first; each cut falls just after the separator.
_CUT_AFTER = ("\n\n", "\n", ". ", "? ", "! ", " ")


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Consecutive (start, end) spans covering `text`, each at most `size` characters, cut at
    the best boundary in the second half of each window (a hard cut only where none exists)."""
    bounds = []
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = end
        for separator in _CUT_AFTER:
            found = text.rfind(separator, start + size // 2, end)
            if found != -1:
                cut = found + len(separator)
                break
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


class Parser:
    """Parses documents with a spaCy pipeline, yielding `(document, Doc or the exception)`."""

    def __init__(self, nlp: Language, batch_size: int = 16, chunk_chars: int = CHUNK_CHARS):
        self.nlp = nlp
        self.batch_size = batch_size
        self.chunk_chars = chunk_chars

    def parse(self, documents: Iterable[Document]) -> Iterator[tuple[Document, Doc | Exception]]:
        """In input order; a document that cannot be parsed comes with its exception."""
        batch: list[Document] = []
        for document in documents:
            if len(document.text) > self.chunk_chars:
                yield from self._parse_batch(batch)
                batch = []
                yield document, self._guarded(self._parse_long, document)
                continue
            batch.append(document)
            if len(batch) >= self.batch_size:
                yield from self._parse_batch(batch)
                batch = []
        yield from self._parse_batch(batch)

    def _parse_batch(self, batch: list[Document]) -> Iterator[tuple[Document, Doc | Exception]]:
        if not batch:
            return
        try:
            parsed = list(self.nlp.pipe((d.text for d in batch), batch_size=self.batch_size))
        except Exception:  # find the document that fails, parse the others
            for document in batch:
                yield document, self._guarded(lambda d: self.nlp(d.text), document)
            return
        yield from zip(batch, parsed)

    @staticmethod
    def _guarded(parse, document: Document) -> Doc | Exception:
        try:
            return parse(document)
        except Exception as exc:  # any parser failure is this document's, reported, not raised
            return exc

    def _parse_long(self, document: Document) -> Doc:
        text = document.text
        chunks = (text[start:end] for start, end in chunk_bounds(text, self.chunk_chars))
        joined = join_parses(self.nlp.pipe(chunks, batch_size=1), self.nlp.vocab)
        if joined.text != text:  # the join must keep every offset of the document
            raise ValueError("chunked parse does not reproduce the text")
        return joined


def join_parses(parts: Iterable[Doc], vocab: Vocab) -> Doc:
    """One `Doc` of consecutive parses, token for token what
    `Doc.from_docs(parts, ensure_whitespace=False)` builds, without its tensor (no stage reads it).

    `from_docs` needs every part alive at once and makes three full copies of their token
    attributes (the per-part arrays, their concatenation, and `from_array`'s transposed copy):
    joining the parts of a 5 MB text (a million tokens, a 124 MiB `Doc`) needed 631 MiB above
    the loaded model at its peak, against 357 MiB this way. Here each part is dropped as soon
    as its attributes (a column per attribute, as `from_array` reads them) and its words are
    taken, the columns are moved into one array part by part, and that array is handed to
    `from_array` in the layout it reads without copying. Equal words share one string.
    """
    attrs = list(Doc._get_array_attrs())
    words: list[str] = []
    spaces: list[bool] = []
    one_string: dict[str, str] = {}
    part_columns: list[numpy.ndarray] = []
    for part in parts:
        if part.spans or part.user_data:  # from_docs would carry these over; we do not
            raise ValueError("a chunk parse has span groups or user data, which the join drops")
        words.extend(one_string.setdefault(token.text, token.text) for token in part)
        spaces.extend(bool(token.whitespace_) for token in part)
        part_columns.append(numpy.ascontiguousarray(part.to_array(attrs).T))
    columns = numpy.empty((len(attrs), len(words)), dtype=numpy.uint64)
    offset = 0
    part_columns.reverse()
    while part_columns:  # popped as copied, so the parts' columns and the whole are not both held
        block = part_columns.pop()
        columns[:, offset:offset + block.shape[1]] = block
        offset += block.shape[1]
    joined = Doc(vocab, words=words, spaces=spaces)
    del words, spaces
    # A transposed view: from_array transposes it back, which for this layout copies nothing.
    return joined.from_array(attrs, columns.T)
