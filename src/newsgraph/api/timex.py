"""Time expressions of one document, without the rest of the pipeline (`newsgraph timex`)."""
from __future__ import annotations

import os
from datetime import date

from newsgraph.errors import InputError
from newsgraph.export.json import timex_dict
from newsgraph.model import Document, Timex


def _one_document(source: str | os.PathLike, published: date | None) -> Document:
    """The single document in `source` (any input format, or "-" for stdin)."""
    from newsgraph.ingest import iter_documents

    documents = []
    for item in iter_documents([source], published=published):
        if isinstance(item, InputError):
            raise item
        documents.append(item)
    if len(documents) != 1:
        raise InputError(f"holds {len(documents)} documents; `newsgraph extract` handles several",
                         source=os.fspath(source))
    return documents[0]


def _timexes(document: Document) -> list[Timex]:
    from newsgraph.time import find_timexes

    return find_timexes(document.text, document.published, document.id)


def timexes_json(source: str | os.PathLike, published: date | None = None) -> list[dict]:
    """The normalised time expressions of the one document in `source`, as in the export."""
    return [timex_dict(t) for t in _timexes(_one_document(source, published))]


def timexes_timeml(source: str | os.PathLike, published: date | None = None) -> str:
    """The one document in `source` as TimeML, its time expressions as inline TIMEX3 tags."""
    from newsgraph.time.tml import to_timeml

    document = _one_document(source, published)
    return to_timeml(document.text, _timexes(document), document.published, document.id)
