"""Reading documents: .txt, .md, .html, .json and .jsonl files, directories and stdin.

`iter_documents` streams Documents and yields an InputError (instead of raising) for each
piece of bad input, so a batch reports it in one line and goes on.
"""

from newsgraph.ingest.names import source_name
from newsgraph.ingest.normalise import normalise_text
from newsgraph.ingest.sources import (
    DEFAULT_MAX_BYTES,
    FORMATS,
    STDIN_SOURCE,
    SUFFIX_FORMATS,
    iter_documents,
    read_text_document,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "STDIN_SOURCE",
    "SUFFIX_FORMATS",
    "iter_documents",
    "normalise_text",
    "read_text_document",
    "source_name",
]
