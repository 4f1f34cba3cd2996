"""Events across documents, end to end: small hand-written articles ingested into a real SQLite
store with the real pipeline. Two outlets tell one meeting (one a day later than the other and
without the city), a third tells another meeting of the same men a month later."""
from __future__ import annotations

import io
import json

import pytest

from newsgraph.api import Graph
from newsgraph.api.resolution import reresolve_events

OUTLET_A = """---
published: 2024-03-12
title: Commander Seen With Cleric
---
Naveed Zaheer, the commander of Tehreek-e-Mehwar, met the cleric Aziz-ur-Rehman Tarakzai in Quetta on March 10, 2024.

The two men spoke for several hours, according to a police report.
"""

OUTLET_B = """---
published: 2024-03-13
title: Seminary Chief Held Talks
---
The seminary leader Azizur Rehman Tarakzai met Naveed Zahir, the chief of the outlawed Tehrik-e-Mehwar, on March 11, 2024.

Zahir arrived with a small group of armed guards.
"""

A_MONTH_LATER = """---
published: 2024-04-16
title: Cleric and Commander Meet Again
---
The cleric Aziz-ur-Rahman Tarakzai met Naveed Zaheer again on April 14, 2024, at a seminary in Pishin.
"""


def _meetings(graph: Graph) -> list:
    commander = graph.resolve("Naveed Zaheer").id
    return [v for v in graph.events(type="meeting") if commander in {p.entity.id for p in v.participants}]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("outlets")
    for name, text in (("a.md", OUTLET_A), ("b.md", OUTLET_B), ("c.md", A_MONTH_LATER)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def graph(corpus, tmp_path):
    with Graph(tmp_path / "graph.db") as g:
        report = g.ingest([corpus])
        assert report.added == 3, report.errors
        yield g


def test_two_outlets_give_one_meeting_with_two_sources_and_the_later_meeting_stays_apart(graph):
    meetings = _meetings(graph)
    assert [(m.when, m.sources) for m in meetings] == [("2024-03", 2), ("2024-04-14", 1)]
    story = meetings[0]
    assert {d.doc_title for d in story.reported_by} == {"Commander Seen With Cleric", "Seminary Chief Held Talks"}
    assert story.first_reported.doc_title == "Commander Seen With Cleric"
    assert str(story.first_reported.published) == "2024-03-12"
    assert story.place.name == "Quetta"
    commander, cleric = graph.resolve("Naveed Zaheer"), graph.resolve("Aziz-ur-Rehman Tarakzai")
    assert (graph.resolve("Naveed Zahir"), graph.resolve("Azizur Rehman Tarakzai")) == (commander, cleric)
    assert {p.entity.id for p in story.participants} == {commander.id, cleric.id}
    (time,) = [c for c in story.conflicts if c.field == "time"]
    assert [(s.value, [d.doc_title for d in s.documents]) for s in time.sides] == [
        ("2024-03-10", ["Commander Seen With Cleric"]),
        ("2024-03-11", ["Seminary Chief Held Talks"]),
    ]
    assert story.earliest == "2024-03-10" and story.latest == "2024-03-11"


def test_the_export_carries_the_sources_and_the_conflict_within_newsgraph_1(graph):
    out = io.StringIO()
    graph.export(out)
    export = json.loads(out.getvalue())
    by_title = {d["title"]: d["id"] for d in export["documents"]}
    (story,) = [v for v in export["events"] if v["corroboration"] == 2]
    assert story["first_reported"]["doc"] == by_title["Commander Seen With Cleric"]
    assert story["first_reported"]["published"] == "2024-03-12"
    assert story["id"] == story["first_reported"]["report"]
    assert [r["doc"] for r in story["reports"]] == [by_title["Commander Seen With Cleric"],
                                                   by_title["Seminary Chief Held Talks"]]
    assert {"field": "time", "values": [
        {"value": "2024-03-10", "docs": [by_title["Commander Seen With Cleric"]], "reports": [story["reports"][0]["id"]]},
        {"value": "2024-03-11", "docs": [by_title["Seminary Chief Held Talks"]], "reports": [story["reports"][1]["id"]]},
    ]} in story["conflicts"]
    assert story["time"]["value"] == "2024-03" and story["time"]["granularity"] == "month"
    assert {e["doc"] for e in story["evidence"]} == {by_title["Commander Seen With Cleric"],
                                                     by_title["Seminary Chief Held Talks"]}


def test_re_ingesting_and_re_resolving_change_nothing(graph, corpus):
    clusters = graph.store.event_clusters()
    ids = [v.id for v in graph.events()]
    assert graph.ingest([corpus]).added == 0
    assert reresolve_events(graph.store) == 0
    assert graph.reresolve() == 0
    assert graph.store.event_clusters() == clusters
    assert [v.id for v in graph.events()] == ids


def test_entity_judgements_keep_the_events_consistent(graph):
    """Outlet B names no city, so only its participants tie it to outlet A's meeting: splitting
    its spelling of the commander off parts the two reports, undoing the split joins them again."""
    joined = graph.store.event_clusters()
    split = graph.judge("split", "Naveed Zahir", reason="another man")
    assert [m.sources for m in graph.events(type="meeting")] == [1, 1, 1]
    graph.undo(split.id)
    assert graph.store.event_clusters() == joined
    assert [m.sources for m in graph.events(type="meeting")] == [2, 1]
