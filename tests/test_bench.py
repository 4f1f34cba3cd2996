"""`newsgraph bench` as a user runs it, on tiny corpora; and how the corpora are streamed.

Nothing here checks speed: the figures depend on the machine. The checks are that they are
measured at all, over the right texts, and consistently with each other.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.bench import DEMO_CORPUS, open_corpus
from newsgraph.errors import InputError

NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))
ECBPLUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ecbplus" / "ECB+"

ARTICLES = {
    "port.txt": "The port of Berbera reopened on Monday after a week of repairs.\n",
    "talks.txt": "Delegates met in Djibouti City. They agreed to meet again in March.\n",
    "drought.md": "# Drought\n\nRains failed again in the Bari region this spring.\n",
}


def run_bench(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSGRAPH, "bench", *args], check=False, capture_output=True, text=True, timeout=600)


def bench(*args: str) -> dict:
    process = run_bench(*args, "--format", "json", "-q")
    assert process.returncode == 0, process.stderr
    return json.loads(process.stdout)


def assert_sane(result: dict) -> None:
    assert result["documents"] > 0 and result["words"] > 0 and result["bytes"] > 0
    for side in ("pipeline", "bare_spacy"):
        figures = result[side]
        assert figures["seconds"] > 0
        assert figures["docs_per_s"] == pytest.approx(result["documents"] / figures["seconds"])
        assert figures["words_per_s"] == pytest.approx(result["words"] / figures["seconds"])
    assert result["ratio"] == pytest.approx(result["pipeline"]["words_per_s"] / result["bare_spacy"]["words_per_s"])
    assert result["ratio"] > 0
    # Both spaCy models are loaded: far more than an empty interpreter's few MiB.
    assert result["peak_rss_bytes"] > 100 * 2**20
    if result["workers"] == 1:  # with workers, the sides' seconds are estimates per worker
        assert result["wall_seconds"] >= result["pipeline"]["seconds"] + result["bare_spacy"]["seconds"]


def test_bench_repeats_the_demo_corpus_to_min_bytes() -> None:
    one_pass = sum(1 for _ in open_corpus(None, min_bytes=0).stream())
    result = bench("--min-bytes", "30000", "--stages", "sentences", "--batch-size", "4")
    assert_sane(result)
    assert result["stages"] == ["sentences"]
    assert result["workers"] == 1 and result["batch_size"] == 4
    assert result["bytes"] >= 30000
    assert result["documents"] > one_pass  # the eight articles did not make 30 kB: repeated
    assert str(DEMO_CORPUS) in result["corpus"]


def test_bench_table_output_names_both_sides(tmp_path: Path) -> None:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    process = run_bench(str(tmp_path), "--stages", "sentences", "-q")
    assert process.returncode == 0, process.stderr
    assert "3 documents" in process.stdout
    assert "bare spaCy" in process.stdout and "ratio pipeline/bare" in process.stdout


def test_bench_rejects_an_unknown_stage_in_one_line() -> None:
    process = run_bench("--stages", "sentences,astrology")
    lines = process.stderr.strip().splitlines()
    assert process.returncode == 1
    assert len(lines) == 1 and "astrology" in lines[0]


def test_folder_corpus_is_one_pass_and_skips_unreadable_files(tmp_path: Path) -> None:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    corpus = open_corpus(tmp_path)
    sources = sorted(Path(d.source).name for d in corpus.stream())
    assert sources == sorted(ARTICLES)
    assert corpus.skipped == 1


def test_min_bytes_repeats_a_folder_and_stops_at_a_document_boundary(tmp_path: Path) -> None:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = open_corpus(tmp_path, min_bytes=500)
    sizes = [len(d.text.encode("utf-8")) for d in corpus.stream()]
    assert sum(sizes) >= 500
    assert sum(sizes[:-1]) < 500
    assert len(sizes) > len(ARTICLES)


def test_ecbplus_folder_is_detected_and_a_broken_file_skipped(tmp_path: Path) -> None:
    tokens = ["Rain", "flooded", "the", "port", "of", "Aden", "on", "Sunday", "."]
    good = "".join(f'<token t_id="{i}" sentence="1" number="{i}">{t}</token>' for i, t in enumerate(tokens, 1))
    (tmp_path / "3").mkdir()
    (tmp_path / "3" / "3_1ecb.xml").write_text(f'<Document doc_name="3_1ecb.xml">{good}</Document>')
    (tmp_path / "3" / "3_2ecb.xml").write_text('<Document doc_name="3_2ecb.xml"><token t_id="1"')
    corpus = open_corpus(tmp_path)
    documents = list(corpus.stream())
    assert corpus.name.startswith("ECB+")
    assert [(d.source, d.text) for d in documents] == [("3_1ecb.xml", "Rain flooded the port of Aden on Sunday.\n")]
    assert corpus.skipped == 1


def test_a_folder_without_documents_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(InputError):
        list(open_corpus(tmp_path).stream())


def test_demo_corpus_leaves_out_its_readme() -> None:
    sources = [d.source for d in open_corpus(None, min_bytes=0).stream()]
    assert len(sources) == 11
    assert not any(s.endswith("README.md") for s in sources)


@pytest.mark.slow
def test_bench_with_two_workers() -> None:
    result = bench("--min-bytes", "40000", "--stages", "sentences", "--workers", "2")
    assert_sane(result)
    assert result["workers"] == 2


@pytest.mark.slow
@pytest.mark.skipif(not ECBPLUS.is_dir(), reason="ECB+ corpus not available")
def test_bench_reads_ecbplus() -> None:
    result = bench(str(ECBPLUS), "--min-bytes", "20000")
    assert_sane(result)
    assert result["corpus"].startswith("ECB+")
    assert result["bytes"] >= 20000
