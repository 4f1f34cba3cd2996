"""The cross-document event matcher on reports written out by hand: what each part of the score
does at the thresholds of data/event_resolution.json, the rules no score overrides, blocking,
stable cluster ids, and how a cluster reads as one event with its conflicts."""
from __future__ import annotations

import random
from datetime import date

import pytest

from newsgraph.model import Event, EventReport, EventTime, Evidence, Participant, Relation
from newsgraph.resolve.events import EventResolver, PlaceTree, candidate_pairs, combine, compare, rules

# Quetta lies in Balochistan, as does Pishin; Karachi does not.
PLACES = PlaceTree.from_relations([
    Relation("r-1", "located_in", "quetta", "balochistan"),
    Relation("r-2", "located_in", "pishin", "balochistan"),
    Relation("r-3", "located_in", "balochistan", "pakistan"),
    Relation("r-4", "located_in", "karachi", "sindh"),
])


def day(iso: str) -> EventTime:
    return EventTime(iso, iso, iso, "day", iso)


MARCH_2024 = EventTime("2024-03", "2024-03-01", "2024-03-31", "month", "March 2024")
RECENTLY = EventTime("PAST_REF", None, "2024-03-20", None, "recently")


def report(id_: str, doc: str, who=("zaheer", "tarakzai"), place: str | None = "quetta",
           time: EventTime | None = None, type_: str = "meeting", certainty: str = "asserted",
           published: str | None = "2024-03-12") -> EventReport:
    time = day("2024-03-10") if time is None else time
    event = Event(id_, type_, [Participant(p) for p in who], place, time, certainty,
                  evidence=[Evidence(doc, 0, 10, f"sentence of {id_}")])
    return EventReport(event, doc, date.fromisoformat(published) if published else None)


def test_the_weights_make_each_kind_of_evidence_count_as_documented():
    r = rules()
    w = r["weights"]
    assert w["participants"] >= r["merge"]  # the same participants, nothing else known
    assert w["place"] + w["time"] >= r["merge"]  # the same place on the same day, no participants
    assert w["place"] + w["time"] / 2 < r["merge"]  # the same place in the same month is not enough
    assert w["participants"] / 2 + w["place"] >= r["merge"]  # half the participants at the same place
    assert r["time_tolerance_days"] >= 1 and r["undated_min_shared_participants"] >= 2


def test_the_same_meeting_a_day_apart_is_one_event_but_a_month_apart_never():
    a = report("v-a", "d-a")
    assert compare(a, report("v-b", "d-b", time=day("2024-03-11")), PLACES).same
    assert compare(a, report("v-b", "d-b", place=None, time=day("2024-03-11")), PLACES).same
    later = compare(a, report("v-c", "d-c", time=day("2024-04-14")), PLACES)
    assert not later.same and later.veto == "times 35 days apart"


def test_reports_of_one_document_are_never_one_event():
    assert compare(report("v-a", "d-a"), report("v-b", "d-a"), PLACES).veto == "one document"


def test_an_undated_report_needs_two_shared_participants():
    dated = report("v-a", "d-a")
    assert compare(dated, report("v-b", "d-b", time=RECENTLY), PLACES).same
    lone = compare(report("v-a", "d-a", who=("zaheer",)), report("v-b", "d-b", who=("zaheer",), time=RECENTLY),
                   PLACES)
    assert lone.veto == "undated, and only 1 participants shared"


def test_places_one_inside_the_other_agree_and_places_apart_cost():
    a = report("v-a", "d-a", who=("zaheer",))
    inside = compare(a, report("v-b", "d-b", who=("zaheer",), place="balochistan"), PLACES)
    assert inside.parts["place"] > 0 and "one place inside the other" in inside.reasons
    # Apart: the same man on the same day is one event whose place the sources dispute...
    apart = compare(a, report("v-b", "d-b", who=("zaheer",), place="karachi"), PLACES)
    assert apart.parts["place"] < 0 and "places differ" in apart.reasons and apart.same
    # ...but not when only the month is shared.
    assert not compare(a, report("v-b", "d-b", who=("zaheer",), place="karachi", time=MARCH_2024), PLACES).same


def test_different_people_at_one_place_and_day_are_different_meetings():
    score = compare(report("v-a", "d-a", who=("zaheer",)), report("v-b", "d-b", who=("shahwani",)), PLACES)
    assert score.parts["participants"] < 0 and not score.same


def test_without_participants_the_same_place_on_the_same_day_is_one_event():
    bombing = report("v-a", "d-a", who=(), type_="attack")
    assert compare(bombing, report("v-b", "d-b", who=(), type_="attack"), PLACES).same
    assert not compare(bombing, report("v-b", "d-b", who=(), type_="attack", time=MARCH_2024), PLACES).same


def test_events_of_different_kinds_are_never_compared_and_kin_types_cost_a_little():
    assert compare(report("v-a", "d-a"), report("v-b", "d-b", type_="attack"), PLACES).veto
    conference = compare(report("v-a", "d-a"), report("v-b", "d-b", type_="conference"), PLACES)
    assert conference.same and conference.parts["type"] < 0


def test_blocking_compares_only_reports_sharing_a_participant_or_a_place():
    reports = [report(f"v-{i}", f"d-{i}", who=(f"person-{i}",), place=None) for i in range(50)]
    assert list(candidate_pairs(reports, PLACES)) == []
    reports.append(report("v-x", "d-x", who=("person-3",), place=None))
    assert list(candidate_pairs(reports, PLACES)) == [(3, 50)]


def test_the_cluster_is_named_by_its_first_report_whatever_the_input_order():
    reports = [report("v-late", "d-late", published="2024-03-13", time=day("2024-03-11")),
               report("v-first", "d-first", published="2024-03-12"),
               report("v-undated-doc", "d-undated", published=None),
               report("v-other", "d-other", who=("someone",), place="karachi")]
    expected = {"v-late": "v-first", "v-first": "v-first", "v-undated-doc": "v-first", "v-other": "v-other"}
    for seed in range(5):
        random.Random(seed).shuffle(reports)
        assert EventResolver().clusters(reports, PLACES) == expected


def test_a_month_never_joins_two_days_that_lie_apart():
    reports = [report("v-10", "d-1"), report("v-20", "d-2", time=day("2024-03-20")),
               report("v-month", "d-3", time=MARCH_2024)]
    clusters = EventResolver().clusters(reports, PLACES)
    assert clusters["v-10"] != clusters["v-20"]
    assert clusters["v-month"] in (clusters["v-10"], clusters["v-20"])


def test_combine_keeps_every_disagreement_side_by_side():
    first = report("v-a", "d-a", certainty="asserted")
    second = report("v-b", "d-b", place="pishin", time=day("2024-03-11"), certainty="hedged",
                    published="2024-03-13", who=("zaheer", "tarakzai", "shahwani"))
    event = combine([second, first], PLACES)
    assert (event.id, event.corroboration, event.first_reported.doc) == ("v-a", 2, "d-a")
    conflicts = {c.field: [(v.value, v.docs) for v in c.values] for c in event.conflicts}
    assert conflicts == {
        "time": [("2024-03-10", ("d-a",)), ("2024-03-11", ("d-b",))],
        "place": [("quetta", ("d-a",)), ("pishin", ("d-b",))],
        "certainty": [("asserted", ("d-a",)), ("hedged", ("d-b",))],
    }
    # What both allow: the month the two days share, bounded by them, and the province holding both towns.
    assert (event.time.value, event.time.earliest, event.time.latest) == ("2024-03", "2024-03-10", "2024-03-11")
    assert event.place == "balochistan"
    assert [p.entity for p in event.participants] == ["zaheer", "tarakzai", "shahwani"]
    assert [ev.doc for ev in event.evidence] == ["d-a", "d-b"]


@pytest.mark.parametrize(("times", "expected"), [
    ([MARCH_2024, day("2024-03-10")], "2024-03-10"),  # a day inside the month: no conflict, the finer
    ([RECENTLY, day("2024-03-10")], "2024-03-10"),
    ([None, MARCH_2024], "2024-03"),
])
def test_times_that_agree_give_the_most_precise_without_a_conflict(times, expected):
    reports = [report(f"v-{i}", f"d-{i}", time=t) for i, t in enumerate(times)]
    for r, t in zip(reports, times):
        r.event.time = t  # None too: a report the text gives no time
    event = combine(reports, PLACES)
    assert event.time.value == expected and not [c for c in event.conflicts if c.field == "time"]
