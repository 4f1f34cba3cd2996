"""Sentences as the real spaCy parse cuts them fit the store and are found by the search view."""

from __future__ import annotations

from newsgraph.model import Analysis, Document
from newsgraph.pipeline.nlp import load_nlp
from newsgraph.pipeline.sentences import SentenceStage
from newsgraph.store import open_store
from newsgraph.views import search

TEXT = (
    "Flooding closed the ferry terminal at Calverton on Friday.  Officials said repairs "
    "would take a month.\n\nTraders in the old market feared lost income."
)


def test_parsed_sentences_are_stored_and_searchable(tmp_path):
    document = Document(TEXT, title="Terminal closed")
    analysis = SentenceStage()(Analysis(document=document, parsed=load_nlp()(TEXT)))
    with open_store(tmp_path / "graph.db") as store:
        assert store.add(analysis)
        [hit] = search(store, "repairs month")
        [traders] = search(store, "traders")
    assert hit.text.strip() == "Officials said repairs would take a month."
    assert traders.text == "Traders in the old market feared lost income."
    assert hit.sentence < traders.sentence
