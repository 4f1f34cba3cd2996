"""Read TimeML 1.2 documents (TempEval-3 `.tml`): the creation time, the plain text and its TIMEX3s.

Offsets are character offsets into the text of `<TEXT>` with every tag removed, exactly as an
XML parser delivers it (entities decoded, line ends normalised to `\\n` as XML requires), so a
recogniser run on `TimeMLDocument.text` can be scored against the gold spans directly.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from newsgraph.errors import InputError

CREATION_TIME = "CREATION_TIME"


@dataclass
class TimeMLTimex:
    """One gold TIMEX3 of the text, with all of its TimeML attributes kept in `attributes`."""

    tid: str
    start: int
    end: int
    text: str
    type: str | None
    value: str | None
    mod: str | None = None
    anchor_tid: str | None = None  # anchorTimeID: "t0"-style id of the DCT or another TIMEX3
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass
class TimeMLDocument:
    source: str
    doc_id: str
    text: str
    dct: date | None
    dct_timex: TimeMLTimex | None  # offsets are meaningless for it: it sits outside <TEXT>
    timexes: list[TimeMLTimex]


def read_timeml(path: Path | str) -> TimeMLDocument:
    """Parse one `.tml` file; any unreadable or malformed file raises InputError naming it."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read TimeML file: {exc.strerror or exc}", source=str(path)) from exc
    return parse_timeml(data, source=str(path), default_doc_id=path.name.removesuffix(".tml"))


def parse_timeml(data: str | bytes, source: str = "<string>", default_doc_id: str = "") -> TimeMLDocument:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(f"malformed TimeML: {exc}", source=source, line=exc.position[0]) from exc
    text_element = root.find(".//TEXT")
    if text_element is None:
        raise InputError("malformed TimeML: no <TEXT> element", source=source)

    pieces: list[str] = []
    timexes: list[TimeMLTimex] = []
    _collect(text_element, pieces, timexes, offset=0)
    text = "".join(pieces)
    timexes.sort(key=lambda t: (t.start, t.end))

    in_text = {id(e) for e in text_element.iter("TIMEX3")}
    dct_timex = None
    for element in root.iter("TIMEX3"):
        if id(element) not in in_text and element.get("functionInDocument") == CREATION_TIME:
            dct_timex = _timex(element, 0, 0, "".join(element.itertext()))
            break
    docid_element = root.find("DOCID")
    doc_id = (docid_element.text or "").strip() if docid_element is not None else ""
    return TimeMLDocument(
        source=source,
        doc_id=doc_id or default_doc_id,
        text=text,
        dct=_dct_date(dct_timex.value if dct_timex else None),
        dct_timex=dct_timex,
        timexes=timexes,
    )


def _collect(element: ET.Element, pieces: list[str], timexes: list[TimeMLTimex], offset: int) -> int:
    """Append the element's text to `pieces` depth-first, recording TIMEX3 spans; returns the new offset."""
    start = offset
    if element.text:
        pieces.append(element.text)
        offset += len(element.text)
    for child in element:
        offset = _collect(child, pieces, timexes, offset)
        if child.tail:
            pieces.append(child.tail)
            offset += len(child.tail)
    if element.tag == "TIMEX3":
        # A TIMEX3 is recorded after its content, so nested ones (invalid TimeML) still get offsets.
        timexes.append(_timex(element, start, offset, "".join(element.itertext())))
    return offset


def _timex(element: ET.Element, start: int, end: int, text: str) -> TimeMLTimex:
    return TimeMLTimex(
        tid=element.get("tid", ""),
        start=start,
        end=end,
        text=text,
        type=element.get("type"),
        value=element.get("value"),
        mod=element.get("mod"),
        anchor_tid=element.get("anchorTimeID"),
        attributes=dict(element.attrib),
    )


def _dct_date(value: str | None) -> date | None:
    """The calendar day of a DCT value such as `1998-08-07` or `19980807T06:18:00`."""
    if not value:
        return None
    digits = value.replace("-", "")[:8]
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None
