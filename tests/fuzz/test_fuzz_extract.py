"""`newsgraph.extract` on random text: a valid `newsgraph/1` export whose every offset slices the
text to what it claims, or one InputError; never another exception."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from fuzz_inputs import articles, fuzz, salted_articles
from hypothesis import given
from hypothesis import strategies as st

import newsgraph
from newsgraph.errors import InputError

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "src/newsgraph/schema/newsgraph-1.schema.json")
                    .read_text(encoding="utf-8"))
# Text as a Python caller may pass it: lone surrogates included.
any_python_text = st.text(st.characters() | st.characters(categories=["Cs"]), max_size=1500)

pytestmark = pytest.mark.filterwarnings("ignore::newsgraph.errors.InputWarning")


def check_offsets(export: dict) -> None:
    """Every mention and time expression is `text[start:end]`; every evidence span lies inside
    an occurrence of its sentence."""
    [document] = export["documents"]
    text = document["text"]
    for timex in document["timexes"]:
        assert text[timex["start"]:timex["end"]] == timex["text"], timex
    for entity in export["entities"]:
        for mention in entity["mentions"]:
            assert mention["doc"] == document["id"]
            assert text[mention["start"]:mention["end"]] == mention["text"], mention
    for fact in export["relations"] + export["events"]:
        for evidence in fact["evidence"]:
            assert evidence["doc"] == document["id"]
            sentence, start, end = evidence["sentence"], evidence["start"], evidence["end"]
            assert start < end, evidence
            assert any(text[at:at + len(sentence)] == sentence
                       for at in range(max(0, end - len(sentence)), start + 1)), evidence


@fuzz(examples=40)
@given(text=any_python_text | salted_articles | articles)
def test_extract_gives_a_valid_export_or_one_input_error(text):
    try:
        export = newsgraph.extract(text)
    except InputError as error:
        assert "\n" not in str(error)
        return
    jsonschema.validate(export, SCHEMA)
    check_offsets(export)


@fuzz(examples=10)
@given(text=articles)
def test_an_article_is_extracted_with_entities_at_their_offsets(text):
    """The other half of the property: good prose is not refused, and yields entities."""
    export = newsgraph.extract(text)
    jsonschema.validate(export, SCHEMA)
    check_offsets(export)
    assert export["entities"]
