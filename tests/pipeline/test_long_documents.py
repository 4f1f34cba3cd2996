"""A long document with a recurring acronym and names: every occurrence is found and grouped.

Indexes built once per document (not rescans per mention) keep this linear; the assertions
here pin the behaviour those indexes must keep."""
from newsgraph.model import Document
from newsgraph.pipeline import Pipeline

PARAGRAPH = ("The Alpha Group (AG) met in Lagos on Monday. "
             "AG leader John Doe said he would return to Lagos.\n\n")
REPEATS = 300


def test_every_recurrence_in_a_long_document_is_one_entity():
    text = PARAGRAPH * REPEATS
    analysis = Pipeline().analyze(Document(text=text))
    by_name = {e.name: e for e in analysis.entities}
    group = by_name["Alpha Group"]
    assert group.type == "organization" and group.aliases == ["AG"]
    assert sum(m.text == "AG" for m in analysis.mentions_of(group.id)) == 2 * REPEATS
    assert sum(m.text == "Alpha Group" for m in analysis.mentions_of(group.id)) == REPEATS
    doe = by_name["John Doe"]
    assert sorted({m.text for m in analysis.mentions_of(doe.id)}) == ["John Doe", "he"]
    assert len(analysis.mentions_of(doe.id)) == 2 * REPEATS
    assert len(analysis.mentions_of(by_name["Lagos"].id)) == 2 * REPEATS
    assert len(analysis.sentences) == 2 * REPEATS
    assert all(text[m.start:m.end] == m.text for m in analysis.mentions)
