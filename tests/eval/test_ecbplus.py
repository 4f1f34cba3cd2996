"""ECB+ token XML back to text: a small hand-written file in the corpus format, and the real corpus."""
from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from newsgraph.errors import InputError
from newsgraph.eval.ecbplus import detokenize, is_ecbplus_dir, iter_ecbplus_texts, read_ecbplus_text

ECBPLUS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ecbplus" / "ECB+"

SENTENCES = [
    "http : / / news . example / 2023 / 10 / 14 / port-blast",
    "A 36 - year - old dock worker was killed at 4 : 30 a . m . on Saturday , police said .",
    "`` We didn ’ t hear anything , '' the port 's manager , Ahmed Nur , told reporters .",
    'Officials ( who asked not to be named ) said the damage was worth $ 2 . 6 million .',
    '" It was an accident , " he said ; the inquiry continues ...',
]
EXPECTED = (
    "A 36-year-old dock worker was killed at 4:30 a.m. on Saturday, police said.\n"
    '"We didn’t hear anything," the port\'s manager, Ahmed Nur, told reporters.\n'
    "Officials (who asked not to be named) said the damage was worth $2.6 million.\n"
    '"It was an accident," he said; the inquiry continues...\n'
)


def write_ecbplus_file(path: Path, sentences: list[str], doc_name: str) -> None:
    """Write `sentences` (space-separated tokens) the way ECB+ does, with a trailing annotation section."""
    lines = [f'<Document doc_name="{doc_name}" doc_id="DOC1">']
    t_id = 0
    for s_index, sentence in enumerate(sentences):
        for number, token in enumerate(sentence.split()):
            t_id += 1
            lines.append(f'<token t_id="{t_id}" sentence="{s_index}" number="{number}">{escape(token)}</token>')
    lines += [
        "<Markables>",
        '<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="9"/></ACTION_OCCURRENCE>',
        "</Markables>",
        "<Relations></Relations>",
        "</Document>",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "ECB+"
    write_ecbplus_file(root / "2" / "2_1ecbplus.xml", SENTENCES, "2_1ecbplus.xml")
    write_ecbplus_file(root / "2" / "2_10ecb.xml", ["The port reopened on Monday ."], "2_10ecb.xml")
    write_ecbplus_file(root / "10" / "10_3ecb.xml", ["Talks resumed in Aden ."], "10_3ecb.xml")
    return root


def test_rebuilds_text_and_drops_source_url(corpus: Path) -> None:
    assert read_ecbplus_text(corpus / "2" / "2_1ecbplus.xml") == EXPECTED


def test_iterates_files_in_topic_and_document_order(corpus: Path) -> None:
    assert list(iter_ecbplus_texts(corpus)) == [
        ("2_1ecbplus.xml", EXPECTED),
        ("2_10ecb.xml", "The port reopened on Monday.\n"),
        ("10_3ecb.xml", "Talks resumed in Aden.\n"),
    ]


def test_detects_ecbplus_folders(corpus: Path, tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "a.txt").write_text("Not XML.", encoding="utf-8")
    (plain / "feed.xml").write_text("<rss><channel/></rss>", encoding="utf-8")
    assert is_ecbplus_dir(corpus)
    assert not is_ecbplus_dir(plain)
    assert not is_ecbplus_dir(corpus / "2" / "2_1ecbplus.xml")


def test_malformed_file_raises_input_error_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "1" / "1_1ecb.xml"
    bad.parent.mkdir()
    bad.write_text('<Document><token t_id="1" sentence="0">Broken', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_ecbplus_text(bad)
    assert str(bad) in str(caught.value)


def test_detokenize_leaves_real_dashes_and_quotes_alone() -> None:
    assert detokenize(["He", "left", "--", "quietly", "--", "and", "the", "workers", "’", "union", "objected", "."]) == (
        "He left -- quietly -- and the workers’ union objected."
    )


@pytest.mark.skipif(not ECBPLUS.is_dir(), reason="ECB+ corpus not available")
def test_real_corpus_first_documents() -> None:
    texts = iter_ecbplus_texts(ECBPLUS)
    for _ in range(4):
        name, text = next(texts)
        assert name.endswith(".xml")
        assert len(text.split()) > 20
        assert not text.startswith("http")
        assert " ." not in text and " ," not in text
