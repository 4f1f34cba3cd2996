"""Write a text and its time expressions as a TimeML 1.2 document with inline TIMEX3 tags.

Each TIMEX3's `tid` is the Timex id, the DCT is `t0`, and a relative expression names what it
is computed from in `anchorTimeID`. Only what TimeML can hold is written: earliest/latest,
granularity and the anchor's relation/offset have no TIMEX3 attribute and stay in the JSON output.
The text survives a parse unchanged: `\\r` is written as a character reference (a parser would
otherwise fold line ends), and the few characters XML 1.0 cannot carry at all (C0 controls other
than tab and newline, lone surrogates) become U+FFFD, one for one, so offsets still line up.
"""
from __future__ import annotations

import re
from datetime import date
from xml.sax.saxutils import escape, quoteattr

from newsgraph.model import Timex

DCT_TID = "t0"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _xml_text(text: str) -> str:
    return escape(_xml_safe(text), {"\r": "&#13;"})


def _attributes(pairs: list[tuple[str, str | None]]) -> str:
    return "".join(f" {name}={quoteattr(_xml_safe(value))}" for name, value in pairs
                   if value is not None)


def _timex_tag(timex: Timex) -> str:
    anchor_tid = None
    if timex.anchor is not None:
        anchor_tid = timex.anchor.timex or DCT_TID
    return "<TIMEX3" + _attributes([
        ("tid", timex.id),
        ("type", timex.type),
        ("value", timex.value),
        ("mod", timex.mod),
        ("temporalFunction", "true" if anchor_tid else "false"),
        ("functionInDocument", "NONE"),
        ("anchorTimeID", anchor_tid),
    ]) + ">"


def to_timeml(text: str, timexes: list[Timex], dct: date | None, doc_id: str) -> str:
    """The TimeML document; overlapping timexes cannot be tagged inline and raise ValueError."""
    ordered = sorted(timexes, key=lambda t: (t.start, t.end))
    body: list[str] = []
    position = 0
    for timex in ordered:
        if timex.start < position:
            raise ValueError(f"time expressions overlap at offset {timex.start}: {timex.text!r}")
        if not 0 <= timex.start < timex.end <= len(text):
            raise ValueError(f"time expression {timex.text!r} lies outside the text ({timex.start}-{timex.end})")
        body += [_xml_text(text[position:timex.start]), _timex_tag(timex),
                 _xml_text(text[timex.start:timex.end]), "</TIMEX3>"]
        position = timex.end
    body.append(_xml_text(text[position:]))

    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<TimeML>", f"<DOCID>{_xml_text(doc_id)}</DOCID>"]
    if dct is not None:
        dct_attributes = _attributes([("tid", DCT_TID), ("type", "DATE"), ("value", dct.isoformat()),
                                      ("temporalFunction", "false"), ("functionInDocument", "CREATION_TIME")])
        lines.append(f"<DCT><TIMEX3{dct_attributes}>{dct.isoformat()}</TIMEX3></DCT>")
    lines += ["<TEXT>" + "".join(body) + "</TEXT>", "</TimeML>", ""]
    return "\n".join(lines)
