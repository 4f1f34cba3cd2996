"""Checks an analysis against its own document before anything of it is written.

A span that does not fit the text would be stored as a wrong fact, so the whole document is
refused instead; the constraints of the schema catch the rest inside the transaction.
"""

from __future__ import annotations

from newsgraph.errors import StoreError
from newsgraph.model import Analysis, Evidence


def check_analysis(analysis: Analysis) -> None:
    """Raise StoreError naming the first span of `analysis` that does not match its document."""
    document = analysis.document
    text = document.text
    where = document.source or document.id

    def fail(reason: str) -> None:
        raise StoreError(reason, source=where)

    def check_span(what: str, start: int, end: int, expected: str | None) -> None:
        if not (0 <= start <= end <= len(text)):
            fail(f"{what} [{start}:{end}] is outside the document ({len(text)} characters)")
        if expected is not None and text[start:end] != expected:
            fail(f"{what} [{start}:{end}] says {expected!r} but the document has {text[start:end]!r}")

    def check_evidence(what: str, items: list[Evidence]) -> None:
        for ev in items:
            if ev.doc == document.id:
                check_span(f"evidence of {what}", ev.start, ev.end, None)

    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        fail(f"document text is not valid Unicode: {exc.reason} at {exc.start}")
    for s in analysis.sentences:
        check_span(f"sentence {s.index}", s.start, s.end, s.text)
    for mention in analysis.mentions:
        if mention.doc != document.id:
            fail(f"mention {mention.text!r} belongs to document {mention.doc}, not {document.id}")
        check_span(f"mention {mention.text!r}", mention.start, mention.end, mention.text)
    for t in analysis.timexes:
        if t.doc != document.id:
            fail(f"time expression {t.text!r} belongs to document {t.doc}, not {document.id}")
        check_span(f"time expression {t.text!r}", t.start, t.end, t.text)
    for r in analysis.relations:
        check_evidence(f"relation {r.id}", r.evidence)
    for v in analysis.events:
        check_evidence(f"event {v.id}", v.evidence)
