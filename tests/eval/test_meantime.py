"""MEANTIME CAT XML back to text with gold entity mentions: a hand-written file, malformed input, the real corpus."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.eval.meantime import iter_meantime, meantime_files, read_meantime

FIXTURE = Path(__file__).with_name("fixtures") / "lumora_hires.xml"
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "meantime" / "intra-doc_annotation"

EXPECTED_TEXT = (
    "Lumora Bank hires Dana Whitlock\n"
    "\n"
    "June 3, 2024\n"
    "\n"
    "The Lumora Bank said on Monday that Dana Whitlock will join it in Kestrel.\n"
    "She starts in July.\n"
    "Ms. Whitlock's move surprised analysts.\n"
)


def test_rebuilds_text_with_headings_set_apart():
    document = read_meantime(FIXTURE)
    assert document.text == EXPECTED_TEXT
    assert document.doc_id == "9001"
    assert document.doc_name == "9001_Lumora_Bank_hires_Dana_Whitlock"
    assert document.dct == date(2024, 6, 3)


def test_gold_mentions_get_offsets_types_and_instances():
    document = read_meantime(FIXTURE)
    got = [(m.m_id, m.start, m.end, m.text, m.syntactic_type, m.ent_type) for m in document.mentions]
    assert got == [
        ("1", 0, 11, "Lumora Bank", "NAM", "ORG"),
        ("2", 18, 31, "Dana Whitlock", "NAM", "PER"),
        ("3", 47, 62, "The Lumora Bank", "NAM", "ORG"),
        ("8", 51, 62, "Lumora Bank", "NAM", "ORG"),
        ("4", 83, 96, "Dana Whitlock", "NAM", "PER"),
        ("5", 107, 109, "it", "PRO", "ORG"),
        ("7", 113, 120, "Kestrel", "", None),
        ("6", 122, 125, "She", "PRO", "PER"),
    ]
    for mention in document.mentions:
        assert document.text[mention.start:mention.end] == mention.text
    bank = document.mentions[0].instance
    assert bank is document.mentions[2].instance is document.mentions[3].instance is document.mentions[5].instance
    assert (bank.m_id, bank.descriptor) == ("20", "Lumora Bank")
    assert set(document.entities) == {"20", "21"}


def test_annotation_ends_after_the_last_annotated_sentence():
    document = read_meantime(FIXTURE)
    assert document.text[:document.annotated_end].endswith("She starts in July.")


def test_malformed_file_names_itself(tmp_path: Path):
    broken = tmp_path / "broken.xml"
    broken.write_text('<Document doc_id="1"><token t_id="1" sentence="0" number="0">Hi</token>', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_meantime(broken)
    assert str(broken) in str(caught.value)


def test_anchor_on_unknown_token_is_malformed(tmp_path: Path):
    bad = tmp_path / "bad_anchor.xml"
    bad.write_text(FIXTURE.read_text(encoding="utf-8").replace('<token_anchor t_id="25"/>',
                                                               '<token_anchor t_id="999"/>'), encoding="utf-8")
    with pytest.raises(InputError, match="malformed MEANTIME"):
        read_meantime(bad)


def test_missing_path_is_an_input_error(tmp_path: Path):
    with pytest.raises(InputError):
        list(meantime_files([tmp_path / "nowhere"]))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="MEANTIME not available")
def test_real_corpus_mentions_sit_on_their_tokens():
    documents = list(iter_meantime([CORPUS / "corpus_gm"]))
    assert len(documents) == 30
    for document in documents:
        assert document.mentions and document.annotated_end <= len(document.text)
        for mention in document.mentions:
            assert mention.text == document.text[mention.start:mention.end]
            assert mention.end <= document.annotated_end
            assert mention.text == mention.text.strip() and mention.text
