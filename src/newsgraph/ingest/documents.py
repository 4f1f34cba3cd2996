"""The one door through which every reader makes a Document."""

from __future__ import annotations

from datetime import date

from newsgraph.errors import InputError
from newsgraph.ingest.decode import require_prose
from newsgraph.ingest.normalise import normalise_text
from newsgraph.model import Document


def make_document(
    text: str,
    source: str,
    *,
    title: str | None = None,
    url: str | None = None,
    published: date | None = None,
    line: int | None = None,
    where: str | None = None,
) -> Document:
    """A Document whose text is normalised, valid Unicode and has words; raises InputError.

    Errors name `source` and `line`; the document's own source is `where` when given (a file
    plus the position of a record in it).
    """
    for field, value in (("text", text), ("title", title), ("url", url)):
        if value is not None:
            require_unicode(value, field, source, line)
    text = normalise_text(text)
    require_prose(text, source, line)
    return Document(
        text=text,
        title=normalise_text(title) if title else None,
        source=where or source,
        url=url or None,
        published=published,
    )


def require_unicode(value: str, field: str, source: str, line: int | None) -> None:
    """JSON can carry lone surrogates ("\\ud800"), which no store, hash or terminal can encode."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            f'"{field}" is not valid Unicode (a lone surrogate U+{ord(value[exc.start]):04X}'
            f" at character {exc.start})",
            source=source,
            line=line,
        ) from None
