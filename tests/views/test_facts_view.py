"""The events and relations views over a store filled by the real pipeline from two short
articles (tests/fixtures/facts): what a reader takes from them, written out by hand.

"Commanders meet in Lagos" (published 2024-06-12): Maleki met Tanko in Lagos on 4 June 2024,
visited Bamako in March 2024; Tanko, a Vanguard commander, is "widely believed" to be a
commander of the Sahel Defence Front and will visit Dakar next month (a plan, July 2024).
"Rally in Kano" (published 2024-05-20): Sule attended a rally in Kano, undated, and did not
meet Maleki there.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsgraph.api import Graph
from newsgraph.model import EventTime
from newsgraph.views import events, find_entity, profile, relations
from newsgraph.views.facts import when

ARTICLES = Path(__file__).parent.parent / "fixtures" / "facts"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Graph(tmp_path_factory.mktemp("facts") / "graph.db") as graph:
        report = graph.ingest([ARTICLES])
        assert (report.added, report.failed) == (2, 0)
        yield graph.store


def entity(store, name: str) -> str:
    return find_entity(store, name).id


def summary(items) -> list[tuple]:
    return [(v.type, v.when, v.place.name if v.place else None, v.certainty, v.modality) for v in items]


def test_events_read_as_a_timeline_dated_at_their_granularity_then_undated(store):
    assert summary(events(store)) == [
        ("visit", "2024-03", "Bamako", "asserted", "actual"),
        ("meeting", "2024-06-04", "Lagos", "asserted", "actual"),
        ("visit", "2024-07", "Dakar", "asserted", "planned"),
        ("meeting", "undated (by 2024-05-20)", "Kano", "denied", "actual"),
        ("rally", "undated (by 2024-05-20)", "Kano", "asserted", "actual"),
    ]
    dated = [v.dated for v in events(store)]
    assert dated == [True, True, True, False, False]


def test_an_event_names_its_participants_roles_and_evidence(store):
    [meeting] = events(store, type="meeting", start=date(2024, 6, 1), end=date(2024, 6, 30))
    assert [(p.entity.name, p.role, p.remote) for p in meeting.participants] == [
        ("Idris Maleki", "participant", False), ("Yusuf Danbaba Tanko", "counterpart", False)]
    [evidence] = meeting.evidence
    assert evidence.doc_title == "Commanders meet in Lagos"
    assert evidence.doc_source.endswith("facts/01_lagos_meeting.md")
    assert evidence.sentence.startswith("Senior Harmattan Brotherhood commander Idris Maleki met")
    assert (meeting.time.granularity, meeting.time.expression) == ("day", "4 June 2024")


def test_an_entity_s_events_are_those_it_takes_part_in_or_that_happen_at_it(store):
    maleki = summary(events(store, entity(store, "Maleki")))
    assert [(t, w) for t, w, *_ in maleki] == [
        ("visit", "2024-03"), ("meeting", "2024-06-04"), ("meeting", "undated (by 2024-05-20)")]
    assert [t for t, *_ in summary(events(store, entity(store, "Kano")))] == ["meeting", "rally"]


def test_a_range_keeps_the_events_whose_time_overlaps_it(store):
    inside_the_month = events(store, start=date(2024, 3, 10), end=date(2024, 3, 12))
    assert summary(inside_the_month) == [("visit", "2024-03", "Bamako", "asserted", "actual")]
    from_june = [v.when for v in events(store, start=date(2024, 6, 1))]
    assert from_june == ["2024-06-04", "2024-07"]  # undated events bounded on one side cannot be placed
    assert events(store, end=date(2023, 12, 31)) == []


def test_relations_name_both_ends_with_role_and_certainty(store):
    found = [(r.subject.name, r.type, r.role, r.object.name, r.certainty) for r in relations(store)]
    assert found == [
        ("Idris Maleki", "member_of", "commander", "Harmattan Brotherhood", "asserted"),
        ("Yusuf Danbaba Tanko", "member_of", "commander", "Sahel Defence Front", "hedged"),
        ("Yusuf Danbaba Tanko", "member_of", "commander", "Vanguard", "asserted"),
    ]
    [hedged] = relations(store, entity(store, "Sahel Defence Front"))
    assert hedged.evidence[0].sentence == "Tanko is widely believed to be a commander of the Sahel Defence Front."
    assert relations(store, type="leader_of") == []


def test_a_profile_has_the_entity_s_affiliations_and_events(store):
    tanko = profile(store, entity(store, "Tanko"))
    assert [(r.object.name, r.certainty) for r in tanko.affiliations] == [
        ("Sahel Defence Front", "hedged"), ("Vanguard", "asserted")]
    assert [(v.type, v.when, v.modality) for v in tanko.events] == [
        ("meeting", "2024-06-04", "actual"), ("visit", "2024-07", "planned")]


def test_an_undated_time_reads_with_the_bounds_it_has():
    assert when(None) == ("undated", False)
    assert when(EventTime("2021-W18", "2021-05-03", "2021-05-09", "week")) == ("2021-W18", True)
    assert when(EventTime(None, "2024-01-01", "2024-03-31")) == ("undated (2024-01-01..2024-03-31)", False)
    assert when(EventTime("PAST_REF", None, "2024-06-12")) == ("undated (by 2024-06-12)", False)
    assert when(EventTime("FUTURE_REF", "2024-06-12", None)) == ("undated (from 2024-06-12)", False)
