"""The parse step: long texts in chunks with exact offsets, a failing document reported alone."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from newsgraph.errors import StageError
from newsgraph.model import Document
from newsgraph.pipeline import Pipeline
from newsgraph.pipeline.nlp import load_model
from newsgraph.pipeline.parse import Parser, chunk_bounds, join_parses

FIXTURES = Path(__file__).parent.parent / "fixtures" / "articles"
ARTICLES = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt")))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n?!"), max_size=400), st.integers(min_value=1, max_value=60))
def test_chunks_cover_the_text_exactly_and_none_is_too_long(text, size):
    bounds = chunk_bounds(text, size)
    assert "".join(text[s:e] for s, e in bounds) == text
    assert all(0 < e - s <= size for s, e in bounds) or text == ""
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))


def test_a_long_text_is_cut_after_a_paragraph_break_when_there_is_one():
    text = "First paragraph, short.\n\nSecond one. It has two sentences.\n\nThird."
    bounds = chunk_bounds(text, 40)
    assert text[bounds[0][0]:bounds[0][1]] == "First paragraph, short.\n\n"


def test_a_text_without_any_boundary_is_cut_hard():
    assert chunk_bounds("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]


def test_chunked_analysis_finds_what_the_whole_text_parse_finds():
    document = Document(text=ARTICLES, published=date(2024, 3, 5))
    whole = Pipeline().analyze(document)
    chunked = Pipeline(chunk_chars=300).analyze(Document(text=ARTICLES, published=date(2024, 3, 5)))
    assert len(chunk_bounds(ARTICLES, 300)) > 2
    key = lambda a: sorted((m.start, m.end, m.type, m.kind, m.entity) for m in a.mentions)  # noqa: E731
    assert key(chunked) == key(whole)
    assert [(t.start, t.value) for t in chunked.timexes] == [(t.start, t.value) for t in whole.timexes]
    # every offset points into the document's own text
    assert all(ARTICLES[m.start:m.end] == m.text for m in chunked.mentions)


def test_the_join_is_token_for_token_what_spacys_from_docs_builds():
    nlp = load_model()
    parts = list(nlp.pipe(ARTICLES[s:e] for s, e in chunk_bounds(ARTICLES, 300)))
    assert len(parts) > 2
    expected = Doc.from_docs(parts, ensure_whitespace=False)
    joined = join_parses(iter(parts), nlp.vocab)
    attrs = Doc._get_array_attrs()
    assert joined.text == expected.text == ARTICLES
    assert (joined.to_array(attrs) == expected.to_array(attrs)).all()
    assert [(t.idx, t.head.i, t.is_sent_start, t.left_edge.i, t.right_edge.i) for t in joined] == \
        [(t.idx, t.head.i, t.is_sent_start, t.left_edge.i, t.right_edge.i) for t in expected]
    assert [(e.start_char, e.end_char, e.label_) for e in joined.ents] == \
        [(e.start_char, e.end_char, e.label_) for e in expected.ents]
    assert [(c.start, c.end) for c in joined.noun_chunks] == [(c.start, c.end) for c in expected.noun_chunks]


def test_names_pronouns_and_dates_are_resolved_across_chunk_boundaries():
    text = ("Amina Wanjiru met Tobias Okello in Mombasa on Tuesday.\n\n"
            "Wanjiru flew to Nairobi a week later.\n\n"
            "She told reporters that Okello had stayed in Mombasa.\n")
    assert chunk_bounds(text, 60) == [(0, 56), (56, 95), (95, 149)]  # one paragraph a chunk
    analysis = Pipeline(chunk_chars=60).analyze(Document(text=text, published=date(2024, 3, 7)))
    names = {e.id: e.name for e in analysis.entities}
    assert [(m.start, m.end, m.text, names[m.entity]) for m in analysis.mentions] == [
        (0, 13, "Amina Wanjiru", "Amina Wanjiru"),
        (18, 31, "Tobias Okello", "Tobias Okello"),
        (35, 42, "Mombasa", "Mombasa"),
        (56, 63, "Wanjiru", "Amina Wanjiru"),
        (72, 79, "Nairobi", "Nairobi"),
        (95, 98, "She", "Amina Wanjiru"),
        (119, 125, "Okello", "Tobias Okello"),
        (140, 147, "Mombasa", "Mombasa"),
    ]
    assert [(s.start, s.end) for s in analysis.sentences] == [(0, 54), (56, 93), (95, 148)]
    tuesday = next(t for t in analysis.timexes if t.text == "Tuesday")
    assert (tuesday.start, tuesday.value) == (46, "2024-03-05")  # the Tuesday before Thursday 7 March


@pytest.fixture(scope="module")
def short_model():
    """A private copy of the model that refuses texts over 2,000 characters, as spaCy refuses
    texts over a million (E088)."""
    nlp = load_model()
    nlp.max_length = 2_000
    return nlp


def test_a_text_over_the_parsers_limit_is_parsed_in_chunks(short_model):
    text = ARTICLES * 3
    assert len(text) > short_model.max_length
    [(document, parsed)] = Parser(short_model, chunk_chars=1_500).parse([Document(text=text)])
    assert not isinstance(parsed, Exception)
    assert parsed.text == text and document.text == text


def test_one_document_the_parser_refuses_is_reported_and_the_rest_of_its_batch_parsed(short_model):
    documents = [Document(text="Amina Wanjiru met Tobias Okello in Mombasa."),
                 Document(text="word " * 600, source="too-long.txt"),
                 Document(text="The Coastal Workers Union said nothing.")]
    errors = []
    pipeline = Pipeline(nlp=short_model, chunk_chars=10_000)
    analyses = list(pipeline.pipe(documents, on_error=errors.append))
    assert [a.document.text for a in analyses] == [documents[0].text, documents[2].text]
    [error] = errors
    assert isinstance(error, StageError) and error.source == "too-long.txt" and "parse failed" in str(error)


def test_every_stage_runs_on_a_text_over_the_parsers_limit(short_model):
    text = ARTICLES * 4
    assert len(text) > short_model.max_length
    analysis = Pipeline(nlp=short_model, chunk_chars=1_500).analyze(Document(text=text, published=date(2024, 3, 5)))
    assert analysis.mentions and analysis.entities and analysis.timexes
    assert all(text[m.start:m.end] == m.text for m in analysis.mentions)
