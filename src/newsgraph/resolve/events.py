"""Events across documents: which per-document reports tell one real event, and what they say
together (docs/events.md, "Events across documents").

Each document's event keeps its stable id (`Event.make_id`); resolution groups those ids into
clusters, as it does base entities, and never rewrites an event row. Reports are compared only
within blocks (event family and a shared participant or place), scored from their participants,
place, time and type with the weights of `data/event_resolution.json`, and joined best pair
first by a union-find that never puts two reports of one document, or two reports whose times
lie apart, into one event. `combine` then shows a cluster as one `ResolvedEvent`, keeping every
disagreement (a date, a place, hedged against asserted) side by side.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import combinations

from newsgraph.model import (
    CONFLICT_FIELDS,
    Conflict,
    ConflictValue,
    Event,
    EventReport,
    EventTime,
    Participant,
    Relation,
    ResolvedEvent,
)
from newsgraph.ontology import read_json
from newsgraph.text import parse_day

RULES_FILE = "event_resolution.json"
LOCATED_IN = "located_in"
# A calendar value that is a prefix of a day ("2023", "2023-10", "2023-10-14"), by length.
_GRAINS = ((10, "day", re.compile(r"^\d{4}-\d{2}-\d{2}$")), (7, "month", re.compile(r"^\d{4}-\d{2}$")),
           (4, "year", re.compile(r"^\d{4}$")))


@cache
def rules() -> dict:
    """The weights, penalties and thresholds of event resolution (data/event_resolution.json)."""
    return read_json(RULES_FILE)


@cache
def _families() -> dict[str, str]:
    return {name: spec.get("family", name) for name, spec in read_json("event_types.json")["types"].items()}


def family(event_type: str) -> str:
    """The family of an event type (meeting and conference are gatherings); a type the ontology
    does not list is a family of its own."""
    return _families().get(event_type, event_type)


# -- places -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceTree:
    """Which places lie inside which, from the graph's `located_in` relations (transitively)."""

    ancestors: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_relations(cls, relations: Iterable[Relation]) -> PlaceTree:
        """The tree the stated (not denied) `located_in` relations give."""
        parents: dict[str, set[str]] = {}
        for r in relations:
            if r.type == LOCATED_IN and r.certainty != "denied" and r.subject != r.object:
                parents.setdefault(r.subject, set()).add(r.object)
        ancestors: dict[str, frozenset[str]] = {}
        for place in parents:
            seen: set[str] = set()
            todo = list(parents[place])
            while todo:
                up = todo.pop()
                if up not in seen and up != place:
                    seen.add(up)
                    todo.extend(parents.get(up, ()))
            ancestors[place] = frozenset(seen)
        return cls(ancestors)

    def above(self, place: str) -> frozenset[str]:
        return self.ancestors.get(place, frozenset())

    def related(self, a: str, b: str) -> bool:
        """One place, or one inside the other."""
        return a == b or a in self.above(b) or b in self.above(a)

    def narrowest(self, places: Sequence[str]) -> str:
        """Of places related to each other, the one inside all the others (the first on a tie)."""
        return max(places, key=lambda p: sum(q in self.above(p) for q in places))

    def common(self, places: Sequence[str]) -> str | None:
        """The narrowest place that is, or contains, every one of `places`; None if none is known."""
        shared = set.intersection(*({p} | self.above(p) for p in places))
        return self.narrowest(sorted(shared)) if shared else None


# -- time ---------------------------------------------------------------------------------


def dated(time: EventTime | None) -> bool:
    """A calendar value with both bounds, as a timeline reads it ("2023-10", not "recently")."""
    return bool(time and time.value and time.value[0].isdigit() and time.earliest and time.latest)


def _bounds(time: EventTime | None) -> tuple[date | None, date | None]:
    if time is None:
        return None, None
    return (parse_day(time.earliest) if time.earliest else None, parse_day(time.latest) if time.latest else None)


def days_apart(a: EventTime | None, b: EventTime | None) -> int:
    """Days between two times' intervals: 0 when they overlap or a missing bound leaves it open."""
    (a0, a1), (b0, b1) = _bounds(a), _bounds(b)
    if a1 and b0 and a1 < b0:
        return (b0 - a1).days
    if b1 and a0 and b1 < a0:
        return (a0 - b1).days
    return 0


def _length(time: EventTime | None) -> int | None:
    start, end = _bounds(time)
    return (end - start).days + 1 if start and end else None


# -- scoring ------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventScore:
    """How likely two reports tell one event: the sum of `parts` (participants, place, time,
    type), and why; `veto` names the rule that forbids the pair whatever the parts say."""

    value: float
    parts: dict[str, float] = field(default_factory=dict)
    reasons: tuple[str, ...] = ()
    veto: str | None = None

    @property
    def same(self) -> bool:
        return self.veto is None and self.value >= rules()["merge"]


def _participants(event: Event) -> set[str]:
    return {p.entity for p in event.participants}


def compare(a: EventReport, b: EventReport, places: PlaceTree) -> EventScore:
    """Score two reports as tellings of one event (the weights are data: `rules()`)."""
    r = rules()
    weights, penalties = r["weights"], r["penalties"]
    va, vb = a.event, b.event
    if a.doc == b.doc:
        return EventScore(0.0, veto="one document")
    if family(va.type) != family(vb.type):
        return EventScore(0.0, veto=f"{va.type} and {vb.type} are events of different kinds")
    apart = days_apart(va.time, vb.time)
    if apart > r["time_tolerance_days"]:
        return EventScore(0.0, veto=f"times {apart} days apart")
    parts: dict[str, float] = {}
    reasons: list[str] = []
    pa, pb = _participants(va), _participants(vb)
    shared = len(pa & pb)
    if not (dated(va.time) and dated(vb.time)) and shared < r["undated_min_shared_participants"]:
        return EventScore(0.0, veto=f"undated, and only {shared} participants shared")
    if pa and pb:
        overlap = shared / min(len(pa), len(pb))
        parts["participants"] = weights["participants"] * overlap if shared else -penalties["participants_disjoint"]
        reasons.append(f"{shared} of {min(len(pa), len(pb))} participants shared")
    if va.place and vb.place:
        together = places.related(va.place, vb.place)
        parts["place"] = weights["place"] if together else -penalties["place_conflict"]
        reasons.append("same place" if va.place == vb.place else "one place inside the other" if together
                       else "places differ")
    if dated(va.time) and dated(vb.time):
        if apart:
            parts["time"] = 0.0
            reasons.append(f"dates differ by {apart} day{'s' if apart > 1 else ''}")
        else:
            precise = max(_length(va.time), _length(vb.time)) <= r["precise_time_days"]
            parts["time"] = weights["time"] * (1 if precise else 0.5)
            reasons.append("same time" if precise else "times overlap")
    if va.type != vb.type:
        parts["type"] = -penalties["type_differs"]
        reasons.append(f"{va.type} and {vb.type}")
    return EventScore(round(max(0.0, min(1.0, sum(parts.values()))), 4), parts, tuple(reasons))


# -- clustering ---------------------------------------------------------------------------


def report_order(report: EventReport) -> tuple:
    """First reported first: by publication date (undated documents last), document, event id."""
    return (report.published is None, report.published or date.max, report.doc, report.event.id)


def blocking_keys(report: EventReport, places: PlaceTree) -> set[tuple[str, ...]]:
    """The event's family with each participant, and with its place and every place containing it."""
    kind = family(report.event.type)
    keys = {(kind, "participant", p) for p in _participants(report.event)}
    if report.event.place:
        keys |= {(kind, "place", p) for p in {report.event.place} | places.above(report.event.place)}
    return keys


def candidate_pairs(reports: Sequence[EventReport], places: PlaceTree) -> Iterator[tuple[int, int]]:
    """Index pairs of reports sharing a blocking key, each once; a key shared by more than
    `max_block` reports is skipped (the pairs it holds meet under their other keys or not at all)."""
    blocks: dict[tuple[str, ...], list[int]] = {}
    for index, report in enumerate(reports):
        for key in blocking_keys(report, places):
            blocks.setdefault(key, []).append(index)
    seen: set[tuple[int, int]] = set()
    for key in sorted(blocks):
        members = blocks[key]
        if len(members) > rules()["max_block"]:
            continue
        for pair in combinations(members, 2):
            if pair not in seen:
                seen.add(pair)
                yield pair


class _Clusters:
    """Union-find over reports that refuses a union putting two reports of one document, or two
    whose times lie further apart than the tolerance, into one event."""

    def __init__(self, reports: Sequence[EventReport]):
        self.reports = reports
        self.parent = list(range(len(reports)))
        self.members = {i: [i] for i in range(len(reports))}

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or not all(self._compatible(i, j) for i in self.members[ra] for j in self.members[rb]):
            return
        self.parent[rb] = ra
        self.members[ra] += self.members.pop(rb)

    def _compatible(self, i: int, j: int) -> bool:
        a, b = self.reports[i], self.reports[j]
        return a.doc != b.doc and days_apart(a.event.time, b.event.time) <= rules()["time_tolerance_days"]


class EventResolver:
    """Clusters per-document event reports into events across documents."""

    name = "events"

    def clusters(self, reports: Iterable[EventReport], places: PlaceTree = PlaceTree()) -> dict[str, str]:
        """Event id → the id of its cluster's first report, for every report."""
        reports = sorted(reports, key=report_order)
        scored = []
        for i, j in candidate_pairs(reports, places):
            score = compare(reports[i], reports[j], places)
            if score.same:
                scored.append((-score.value, i, j))
        clusters = _Clusters(reports)
        for _, i, j in sorted(scored):
            clusters.union(i, j)
        resolved: dict[str, str] = {}
        for members in clusters.members.values():
            first = reports[min(members)].event.id  # reports are in report order
            resolved.update((reports[m].event.id, first) for m in members)
        return resolved


EVENT_RESOLVER = EventResolver()


# -- one event from its reports -----------------------------------------------------------


def combine(reports: Sequence[EventReport], places: PlaceTree = PlaceTree()) -> ResolvedEvent:
    """One event from the reports of one cluster: participants and evidence of them all; the
    type, certainty and modality most reports give (the first reported's on a tie); the
    narrowest place and time they all allow, or, when they disagree, the place and the span that
    contain them all. Every disagreement is kept in `conflicts` with the documents on each side."""
    reports = sorted(reports, key=report_order)
    events = [r.event for r in reports]
    placed = [v.place for v in events if v.place]
    if not placed:
        place = None
    elif all(places.related(a, b) for a, b in combinations(placed, 2)):
        place = places.narrowest(list(dict.fromkeys(placed)))
    else:
        place = places.common(list(dict.fromkeys(placed)))
    return ResolvedEvent(
        id=events[0].id,
        type=_most_given(v.type for v in events),
        participants=_participants_of(events),
        place=place,
        time=_time_of([v.time for v in events]),
        certainty=_most_given(v.certainty for v in events),
        modality=_most_given(v.modality for v in events),
        evidence=[ev for v in events for ev in v.evidence],
        reports=list(reports),
        conflicts=_conflicts(reports, places),
    )


def _time_value(event: Event) -> str | None:
    """A report's time as a conflict shows it: its calendar value, else its bounds."""
    t = event.time
    if t is None:
        return None
    return t.value if dated(t) else f"{t.earliest or ''}..{t.latest or ''}"


def _conflicts(reports: Sequence[EventReport], places: PlaceTree) -> list[Conflict]:
    """The fields (CONFLICT_FIELDS) on which two reports disagree, each with every value given
    and the reports giving it. Times disagree when their intervals lie apart (a month and a day
    in it agree); places when neither is, or lies inside, the other."""
    fields = {
        "type": (lambda v: v.type, None),
        "time": (_time_value, lambda a, b: days_apart(a.time, b.time) == 0),
        "place": (lambda v: v.place, lambda a, b: places.related(a.place, b.place)),
        "certainty": (lambda v: v.certainty, None),
        "modality": (lambda v: v.modality, None),
    }
    found = []
    for name in CONFLICT_FIELDS:
        value_of, agree = fields[name]
        given = [r for r in reports if value_of(r.event) is not None]
        pairs = combinations(given, 2)
        if all(agree(a.event, b.event) if agree else value_of(a.event) == value_of(b.event) for a, b in pairs):
            continue
        sides: dict[str, list[EventReport]] = {}
        for r in given:
            sides.setdefault(value_of(r.event), []).append(r)
        found.append(Conflict(name, tuple(
            ConflictValue(value, tuple(dict.fromkeys(r.doc for r in side)), tuple(r.event.id for r in side))
            for value, side in sides.items())))
    return found


def _most_given(values: Iterable[str]) -> str:
    """The value most reports give; the first reported's on a tie (values come in report order)."""
    values = list(values)
    counts = Counter(values)
    return max(values, key=lambda v: (counts[v], -values.index(v)))


def _participants_of(events: Sequence[Event]) -> list[Participant]:
    """Every participant once, as the first report naming them gives them (with the role of the
    first report that gives one)."""
    found: dict[str, Participant] = {}
    for v in events:
        for p in v.participants:
            if p.entity not in found:
                found[p.entity] = Participant(p.entity, p.role, p.remote)
            elif found[p.entity].role is None and p.role is not None:
                found[p.entity] = Participant(p.entity, p.role, found[p.entity].remote)
    return list(found.values())


def _time_of(times: Sequence[EventTime | None]) -> EventTime | None:
    """The narrowest time all reports allow; when two lie apart, the span holding them all, at
    the grain their values share ("2023-10" for the 14th and the 15th), with no expression."""
    given = [t for t in times if t is not None]
    if not given:
        return None
    if all(days_apart(a, b) == 0 for a, b in combinations(given, 2)):
        return min(given, key=lambda t: (not dated(t), _length(t) or float("inf")))
    starts = [t.earliest for t in given]
    ends = [t.latest for t in given]
    values = [t.value for t in given if dated(t)]
    value, grain = None, None
    for length, name, pattern in _GRAINS:
        prefixes = {v[:length] for v in values}
        if values and len(prefixes) == 1 and pattern.match(next(iter(prefixes))):
            value, grain = next(iter(prefixes)), name
            break
    return EventTime(value, None if None in starts else min(starts), None if None in ends else max(ends), grain, None)
