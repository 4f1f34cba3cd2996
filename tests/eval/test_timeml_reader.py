"""The TimeML reader: text with tags stripped, gold TIMEX3 offsets, DCT, and errors that name the file."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.eval.timeml import parse_timeml, read_timeml

FIXTURE = Path(__file__).parent / "fixtures" / "harbour_strike.tml"

EXPECTED_TEXT = (
    "\nThe Port of Velmar & its dockworkers agreed on Wednesday to end a strike that had lasted three weeks.\n"
    'Cranes will run "every day" from 6 a.m. Friday, and pay rises by <5% early in the third quarter.\n'
)


def test_text_is_the_text_element_with_tags_stripped_and_entities_decoded():
    doc = read_timeml(FIXTURE)
    assert doc.text == EXPECTED_TEXT
    assert doc.doc_id == "NG_FIXTURE_HARBOUR"


def test_dct_is_read_and_kept_out_of_the_text_timexes():
    doc = read_timeml(FIXTURE)
    assert doc.dct == date(2021, 3, 4)
    assert doc.dct_timex.tid == "t0"
    assert doc.dct_timex.value == "2021-03-04"
    assert "t0" not in [t.tid for t in doc.timexes]


def test_gold_timexes_have_offsets_into_the_stripped_text_and_their_attributes():
    doc = read_timeml(FIXTURE)
    got = [(t.tid, t.start, t.end, t.text, t.type, t.value, t.mod, t.anchor_tid) for t in doc.timexes]
    assert got == [
        ("t1", 48, 57, "Wednesday", "DATE", "2021-03-03", None, "t0"),
        ("t2", 90, 101, "three weeks", "DURATION", "P3W", None, None),
        ("t3", 120, 129, "every day", "SET", "P1D", None, None),
        ("t4", 136, 149, "6 a.m. Friday", "TIME", "2021-03-05T06:00", None, "t0"),
        ("t5", 172, 198, "early in the third quarter", "DATE", "2021-Q3", "START", "t0"),
    ]
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text
    assert doc.timexes[2].attributes["quant"] == "EVERY"


def test_document_without_dct_or_docid_uses_the_given_id():
    doc = parse_timeml("<TimeML><TEXT>Rain <TIMEX3 tid='t1' type='DATE' value='2020'>last year</TIMEX3>.</TEXT>"
                       "</TimeML>", default_doc_id="rain")
    assert (doc.doc_id, doc.dct, doc.dct_timex) == ("rain", None, None)
    assert [(t.start, t.end, t.text) for t in doc.timexes] == [(5, 14, "last year")]


def test_compact_dct_value_gives_its_day():
    doc = parse_timeml('<TimeML><DCT><TIMEX3 tid="t0" type="TIME" value="19980807T06:18:00" '
                       'functionInDocument="CREATION_TIME"/></DCT><TEXT>x</TEXT></TimeML>')
    assert doc.dct == date(1998, 8, 7)


@pytest.mark.parametrize("content, reason", [
    ("<TimeML><TEXT>Monday <TIMEX3 tid='t1'>noon</TEXT></TimeML>", "malformed TimeML"),
    ("<TimeML><DOCID>x</DOCID></TimeML>", "no <TEXT> element"),
    ("", "malformed TimeML"),
])
def test_malformed_file_raises_input_error_naming_the_file(tmp_path, content, reason):
    path = tmp_path / "broken.tml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_timeml(path)
    assert caught.value.source == str(path)
    assert reason in str(caught.value)
    assert str(path) in str(caught.value)


def test_missing_file_raises_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        read_timeml(tmp_path / "absent.tml")


def test_all_tempeval3_training_spans_line_up_with_their_text():
    corpus = Path(__file__).resolve().parents[3] / "shared" / "data" / "tempeval3" / "train"
    if not corpus.is_dir():
        pytest.skip("TempEval-3 training data not available")
    files = sorted(corpus.rglob("*.tml"))
    docs = [read_timeml(f) for f in files]
    assert len(docs) == 256
    assert all(d.dct is not None for d in docs)
    assert sum(len(d.timexes) for d in docs) == 2078 - 256  # the corpus notes count the DCTs too
    assert all(d.text[t.start:t.end] == t.text for d in docs for t in d.timexes)
