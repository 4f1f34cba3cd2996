"""The timex pipeline stage fills Analysis.timexes from the document text and publication date."""

from __future__ import annotations

from datetime import date

from newsgraph.model import Analysis, Document
from newsgraph.pipeline import make_stage


def test_stage_uses_the_publication_date_and_document_id():
    document = Document(
        text="The port reopened yesterday after a strike that lasted two weeks.", published=date(2023, 3, 15)
    )
    stage = make_stage("timex")
    assert stage.name == "timex"
    analysis = stage(Analysis(document=document))
    found = {t.text: t for t in analysis.timexes}
    assert found["yesterday"].value == "2023-03-14"
    assert found["two weeks"].value == "P2W"
    assert {t.doc for t in analysis.timexes} == {document.id}


def test_stage_without_publication_date_leaves_relative_values_open():
    analysis = make_stage("timex")(Analysis(document=Document(text="The port reopened yesterday.")))
    [timex] = analysis.timexes
    assert (timex.text, timex.value) == ("yesterday", None)
