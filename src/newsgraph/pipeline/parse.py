"""The parse before the stages: batched for speed, chunked for long texts, guarded per document.

spaCy's memory grows with the length of the text it parses at once (a 1 MB text in one call
peaked at 3.35 GB) and it refuses texts over `nlp.max_length` (E088). So a text longer than
`CHUNK_CHARS` is parsed in chunks cut at paragraph, line, sentence or word boundaries, and the
chunk parses are joined into one `Doc` whose text is exactly the document's: offsets stay
exact and every stage (coreference, time anchoring) still sees the whole document at once.
Peak memory is then bounded by the chunk size, not the document size. Short texts are parsed
in batches; when a batch fails, its documents are parsed one by one so that the failure is
reported for the one document that causes it.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

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
        parts = []
        for part in self.nlp.pipe(chunks, batch_size=1):
            # The tok2vec tensor is not read by any stage; joined over a long text it would
            # take more memory than the rest of the parse.
            part.tensor = part.tensor[:0].copy()  # a copy: a slice would keep the whole buffer
            parts.append(part)
        joined = Doc.from_docs(parts, ensure_whitespace=False)
        if joined.text != text:  # the join must keep every offset of the document
            raise ValueError("chunked parse does not reproduce the text")
        return joined
