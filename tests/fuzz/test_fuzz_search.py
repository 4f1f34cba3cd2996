"""`Graph.search` with random queries on a store of real articles: it answers, or refuses a
query over the caps with an InputError; every hit holds every word of the query (any case or
accents, word endings aside); and the words of a stored sentence find it."""
from __future__ import annotations

import os
import re

import pytest
from fuzz_inputs import any_text, fuzz, sample_articles, words
from hypothesis import event, example, given
from hypothesis import strategies as st

from newsgraph import Graph
from newsgraph.errors import InputError
from newsgraph.model import fold
from newsgraph.views.search import MAX_QUERY_CHARS, MAX_QUERY_TERMS, query_terms

# FTS5 query syntax, SQL and characters that break quoting, which search must take as words.
SYNTAX = ["AND", "OR", "NOT", "NEAR", "NEAR(", "(", ")", '"', '""', "*", "^", ":", "text:", "doc_id:",
          "{text}", "-", "+", "\x00", "'", "\\", ";", "--", "DROP TABLE documents;", "\u200b", "\ufeff"]
CASES = [str, str.upper, str.lower, str.swapcase]
CAP = re.compile(rf"^search: the query has \d+ (characters; search takes at most {MAX_QUERY_CHARS}"
                 rf"|different words; search takes at most {MAX_QUERY_TERMS})$")

queries = st.one_of(
    st.text(max_size=40),
    st.builds(lambda parts, case: case(" ".join(parts)),
              st.lists(words | st.sampled_from(SYNTAX) | st.text(max_size=6), max_size=40), st.sampled_from(CASES)),
    any_text.map(lambda t: t * 2),  # up to 3,000 characters: past the cap
)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A store of one article per naming tradition, ingested by the real pipeline."""
    folder = tmp_path_factory.mktemp("search")
    for number, text in enumerate(sample_articles()):
        (folder / f"{number:02d}.txt").write_text(text, encoding="utf-8")
    db = folder / "graph.db"
    with Graph(db) as graph:
        report = graph.ingest([folder])
    assert (report.added, report.failed) == (len(sample_articles()), 0)
    with Graph(db, readonly=True) as graph:
        yield graph


def shares_a_stem(word: str, text_words: list[str]) -> bool:
    """`word` is in the text up to its ending: the porter stemmer search uses cuts at most a few
    letters ("cities", "city" -> "citi"), so some word of the text starts as `word` does."""
    return any(os.path.commonprefix([word, other]) and
               len(os.path.commonprefix([word, other])) >= min(len(word), len(other)) - 3 for other in text_words)


def check_hits(hits, query: str, limit: int) -> None:
    assert len(hits) <= limit
    for hit in hits:
        text_words = fold(hit.text).split()
        for term in query_terms(query):
            for word in fold(term).split():
                assert shares_a_stem(word, text_words), (word, hit.text)


@fuzz(examples=150)
@given(query=queries, limit=st.integers(1, 50))
@example(query="0\x00", limit=1)  # FTS5 read a NUL as the end of the query: "unterminated string"
def test_any_query_is_answered_or_refused_over_the_caps(store, query, limit):
    try:
        hits = store.search(query, limit=limit)
    except InputError as error:
        assert CAP.match(str(error)), str(error)
        assert len(query) > MAX_QUERY_CHARS or len(query_terms(query)) > MAX_QUERY_TERMS
        event("refused over the caps")
        return
    event("hits" if hits else "no hit")
    check_hits(hits, query, limit)


@fuzz(examples=40)
@given(data=st.data(), case=st.sampled_from(CASES), punctuation=st.sampled_from(["", ",", ".", "'", "?!"]))
def test_words_of_a_stored_sentence_find_it(store, data, case, punctuation):
    text = data.draw(st.sampled_from(sample_articles()))
    sentence = data.draw(st.sampled_from([s for s in re.split(r"(?<=\.)\s+", text) if s]))
    chosen = data.draw(st.lists(st.sampled_from(sentence.split()), min_size=1, max_size=4))
    query = " ".join(case(word) + punctuation for word in chosen)
    hits = store.search(query, limit=50)
    check_hits(hits, query, 50)
    assert any(hit.text in sentence or sentence in hit.text for hit in hits), (query, sentence)


def test_a_nul_in_a_query_separates_words_as_a_space_does(store):
    """FTS5's query parser stops at a NUL; the tokenizer of the stored text takes it as a space."""
    hits = store.search("ELECTED\x00mayor", limit=50)
    assert hits and [h.text for h in hits] == [h.text for h in store.search("elected mayor", limit=50)]
    assert all("was elected mayor of" in h.text for h in hits)
