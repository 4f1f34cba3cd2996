"""TimeML output: well-formed XML that the TimeML reader turns back into the same text and timexes."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.eval.timeml import parse_timeml
from newsgraph.model import Anchor, Timex
from newsgraph.time.tml import to_timeml

TEXT = ('Talks between R&D staff & <management> broke down on Monday.\r\n'
        'Both sides meet again "in two weeks", then every Friday\x0c until 2026.')


def timex_at(phrase, type_, value, *, anchor=None, mod=None):
    start = TEXT.index(phrase)
    return Timex(doc="d-1", start=start, end=start + len(phrase), text=phrase, type=type_, value=value,
                 anchor=anchor, mod=mod)


MONDAY = timex_at("Monday", "DATE", "2025-06-02", anchor=Anchor(timex=None, relation="before"))
TIMEXES = [
    MONDAY,
    timex_at("in two weeks", "DATE", "2025-06-18", anchor=Anchor(timex=MONDAY.id, relation="after", offset="P2W")),
    timex_at("every Friday", "SET", "XXXX-WXX-5"),
    timex_at("until 2026", "DATE", "2026", mod="BEFORE"),
]


def test_round_trip_gives_the_same_text_and_timexes():
    written = to_timeml(TEXT, TIMEXES, date(2025, 6, 4), "d-1")
    doc = parse_timeml(written, source="written.tml")
    assert doc.doc_id == "d-1"
    # The form feed cannot be carried by XML 1.0; it becomes one U+FFFD so offsets stay the same.
    assert doc.text == TEXT.replace("\x0c", "\ufffd")
    assert doc.dct == date(2025, 6, 4)
    assert doc.dct_timex.attributes["functionInDocument"] == "CREATION_TIME"
    got = [(t.tid, t.start, t.end, t.text, t.type, t.value, t.mod, t.anchor_tid) for t in doc.timexes]
    assert got == [(t.id, t.start, t.end, t.text, t.type, t.value, t.mod,
                    (t.anchor.timex or "t0") if t.anchor else None) for t in TIMEXES]
    assert got[1][-1] == MONDAY.id
    assert got[0][-1] == "t0"


def test_output_is_escaped_timeml_with_inline_tags():
    written = to_timeml(TEXT, TIMEXES, date(2025, 6, 4), "d-1")
    assert "R&amp;D staff &amp; &lt;management&gt;" in written
    assert "&#13;" in written
    root = ET.fromstring(written)
    assert root.tag == "TimeML"
    dct = root.find("DCT/TIMEX3")
    assert (dct.get("tid"), dct.get("value"), dct.get("type")) == ("t0", "2025-06-04", "DATE")
    tags = root.findall("TEXT/TIMEX3")
    assert [t.text for t in tags] == ["Monday", "in two weeks", "every Friday", "until 2026"]
    assert tags[0].get("temporalFunction") == "true" and tags[2].get("temporalFunction") == "false"
    assert tags[3].get("mod") == "BEFORE" and tags[2].get("mod") is None


def test_without_dct_or_timexes_the_text_is_still_written():
    doc = parse_timeml(to_timeml("No dates here.", [], None, "plain"))
    assert (doc.text, doc.dct, doc.timexes) == ("No dates here.", None, [])


def test_overlapping_timexes_cannot_be_written_inline():
    with pytest.raises(ValueError, match="overlap"):
        to_timeml(TEXT, [TIMEXES[1], timex_at("two weeks", "DURATION", "P2W")], None, "d-1")


def test_timex_outside_the_text_is_rejected():
    stray = Timex(doc="d", start=5, end=50, text="x", type="DATE", value="2020")
    with pytest.raises(ValueError, match="outside"):
        to_timeml("short", [stray], None, "d")


# Everything XML 1.0 can carry, \r included (the writer must keep it from being folded into \n).
XML_CHARACTERS = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters=[chr(c) for c in range(32) if chr(c) not in "\t\n\r"] + ["\ufffe", "\uffff"],
)


@st.composite
def text_with_spans(draw):
    """Any text (XML-carryable characters) with any non-overlapping, non-empty spans."""
    text = draw(st.text(XML_CHARACTERS, min_size=1, max_size=60))
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=8)))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if a < b]
    return text, spans


@given(text_with_spans(), st.sampled_from(["DATE", "TIME", "DURATION", "SET"]))
def test_any_text_and_spans_survive_the_round_trip(case, type_):
    text, spans = case
    timexes = [Timex(doc="d", start=a, end=b, text=text[a:b], type=type_, value="2020") for a, b in spans]
    doc = parse_timeml(to_timeml(text, timexes, date(2020, 1, 1), "d"))
    assert doc.text == text
    assert [(t.start, t.end, t.text, t.tid) for t in doc.timexes] == [(x.start, x.end, x.text, x.id) for x in timexes]
