"""Sentence spans: from the real parse, split at blank lines, trimmed, offsets exact."""
from newsgraph.model import Document
from newsgraph.pipeline import Pipeline

TEXT = (
    "Port Strike Enters Second Week\n\n"
    "MOMBASA - Dockworkers stayed away on Monday.  Their union said talks had failed.\n"
    " \n"
    "Officials declined to comment.\n"
)


def test_sentences_split_at_blank_lines_and_trimmed():
    analysis = Pipeline(stages=["sentences"]).analyze(Document(text=TEXT))
    assert [s.text for s in analysis.sentences] == [
        "Port Strike Enters Second Week",
        "MOMBASA - Dockworkers stayed away on Monday.",
        "Their union said talks had failed.",
        "Officials declined to comment.",
    ]
    assert [s.index for s in analysis.sentences] == [0, 1, 2, 3]
    for s in analysis.sentences:
        assert TEXT[s.start:s.end] == s.text


def test_a_text_of_white_space_has_no_sentences():
    assert Pipeline(stages=["sentences"]).analyze(Document(text=" \n\n \t")).sentences == []
