"""Extraction without a store: text or files in, `newsgraph/1` exports out."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import lru_cache

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.export.json import analyses_export
from newsgraph.model import Analysis, Document


@lru_cache(maxsize=1)
def default_pipeline():
    """The default pipeline, built once per process (loading spaCy takes seconds)."""
    from newsgraph.pipeline import Pipeline

    return Pipeline()


def require_sentences(analysis: Analysis) -> None:
    """A document in which the parser found no sentence holds nothing to extract or store."""
    if not analysis.sentences:
        raise InputError("no sentences in the document", source=analysis.document.source)


def analyze(document: Document) -> Analysis:
    """Run the default pipeline over one document."""
    analysis = default_pipeline().analyze(document)
    require_sentences(analysis)
    return analysis


def extract(text: str, published: date | None = None, title: str | None = None,
            source: str | None = None) -> dict:
    """The `newsgraph/1` export of one text, without storing anything.

    The text is normalised as ingest normalises files (NFC, LF line ends, no BOM), so offsets
    point into the same text whichever way a document comes in; raises InputError."""
    from newsgraph.ingest.documents import make_document

    document = make_document(text, source or "<text>", title=title, published=published)
    if source is None:
        document.source = None
    return analyses_export([analyze(document)])


def extract_files(
    paths: Iterable[str | os.PathLike],
    published: date | None = None,
    on_error: Callable[[NewsgraphError], None] | None = None,
    each: bool = False,
) -> Iterator[dict]:
    """The `newsgraph/1` exports of the documents read from files, directories or "-" (stdin).

    With `each`, one export per document as soon as it is analysed; else one export of all of
    them at the end (none when every input failed). A document that cannot be read or analysed
    goes to `on_error` and the rest goes on.
    """
    from newsgraph.ingest import iter_documents

    analyses: list[Analysis] = []
    failed = False
    for item in iter_documents(paths, published=published):
        try:
            if isinstance(item, InputError):
                raise item
            analysis = analyze(item)
        except NewsgraphError as error:
            failed = True
            if on_error is not None:
                on_error(error)
            continue
        if each:
            yield analyses_export([analysis])
        else:
            analyses.append(analysis)
    if not each and (analyses or not failed):
        yield analyses_export(analyses)
