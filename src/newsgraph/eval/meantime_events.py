"""Score event mentions, their participants and their times against MEANTIME gold.

- gold event mentions: every anchored EVENT_MENTION (MEANTIME annotates verbs, eventive nouns,
  predicative adjectives and some multi-word expressions, in the annotated sentences only,
  see `MeantimeDocument.annotated_end`; predictions after them are dropped);
- event mentions are matched one-to-one (`newsgraph.eval.spans.match_spans`): *relaxed*
  counts any overlap, *strict* identical extents;
- participants: a gold pair is a HAS_PARTICIPANT link from an event mention to an anchored
  entity mention or value (whatever its semantic role); a predicted pair is an event mention
  and one of its participants. A predicted pair is correct when its event is matched to a
  gold event and its participant overlaps a gold participant of that event (one-to-one within
  the event). P = correct / predicted pairs, R = correct / gold pairs;
- event–time links: the gold time of an event is any TIMEX3 it is tied to by a TLINK (either
  direction, any relation type) other than the document creation time, which is anchored on
  the dateline and tied to nearly every event, so it says nothing about finding the time in
  the text. Of the matched gold events that have such a link, accuracy counts those whose
  predicted time expression overlaps one of them.

Counts are summed over documents before dividing (micro average), per sub-corpus (the
directory a file is in: airbus, apple, gm) and overall. The same scores are computed for a
naive baseline (`every_verb_baseline`) on the same parse and time expressions.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from itertools import tee
from pathlib import Path

from newsgraph.eval.entities import SpanCounts
from newsgraph.eval.meantime import CREATION_TIME, MeantimeDocument, gold_and_documents
from newsgraph.eval.spans import align_table, f1, match_spans, percent, ratio
from newsgraph.model import Timex
from newsgraph.pipeline.event_mentions import EventMention

SYSTEMS = ("newsgraph", "every-verb baseline")
ERROR_KINDS = ("missed", "spurious", "wrong-extent", "missed-participant", "spurious-participant", "wrong-time")
SUBCORPUS_PREFIX = "corpus_"

Detector = Callable[..., list[EventMention]]


@dataclass
class EventCounts:
    """Event mention, participant and time-link counts; they add up across documents."""

    mentions: SpanCounts = field(default_factory=SpanCounts)
    gold_participants: int = 0
    predicted_participants: int = 0
    correct_participants: int = 0
    timed_gold: int = 0  # matched gold events with a time link
    timed_correct: int = 0

    def __add__(self, other: EventCounts) -> EventCounts:
        return EventCounts(self.mentions + other.mentions,
                           *(getattr(self, name) + getattr(other, name) for name in _PAIR_FIELDS))

    def scores(self) -> dict[str, float]:
        p = ratio(self.correct_participants, self.predicted_participants)
        r = ratio(self.correct_participants, self.gold_participants)
        return {**self.mentions.scores(), "participant_precision": p, "participant_recall": r,
                "participant_f1": f1(p, r), "time_accuracy": ratio(self.timed_correct, self.timed_gold)}


_PAIR_FIELDS = ("gold_participants", "predicted_participants", "correct_participants", "timed_gold", "timed_correct")


@dataclass
class EventError:
    """A gold event or participant missed, a prediction with no gold, an extent that differs,
    or a wrong time; `event` names the event a participant or time belongs to."""

    kind: str  # one of ERROR_KINDS
    doc: str
    start: int
    gold: str | None = None
    predicted: str | None = None
    event: str | None = None

    def describe(self) -> str:
        parts = [f"gold {self.gold!r}" if self.gold is not None else "",
                 f"predicted {self.predicted!r}" if self.predicted is not None else ""]
        where = f" (event {self.event!r})" if self.event else ""
        return f"{self.doc}:{self.start}: {self.kind}: " + " vs ".join(p for p in parts if p) + where

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class DocumentScore:
    source: str
    doc_id: str
    subcorpus: str
    systems: dict[str, EventCounts]  # by system name


@dataclass
class EventMentionReport:
    files: list[DocumentScore] = field(default_factory=list)
    errors: list[EventError] = field(default_factory=list)  # newsgraph's
    failed: list[str] = field(default_factory=list)

    def subcorpora(self) -> list[str]:
        return sorted({f.subcorpus for f in self.files})

    def totals(self, system: str, subcorpus: str | None = None) -> EventCounts:
        return sum((f.systems[system] for f in self.files if subcorpus in (None, f.subcorpus)), EventCounts())

    def error_counts(self) -> dict[str, int]:
        return {kind: sum(e.kind == kind for e in self.errors) for kind in ERROR_KINDS}

    def format_table(self) -> str:
        header = ("", "docs", "gold", "pred", "strict P", "R", "F1", "relaxed P", "R", "F1",
                  "part. gold", "pred", "P", "R", "F1", "timed", "time acc")
        blocks = []
        for system in SYSTEMS:
            rows = [self._row(name, system, name) for name in self.subcorpora()]
            rows.append(self._row(f"OVERALL ({len(self.files)} files)", system, None))
            blocks += [system, align_table([header, *rows], rule_before_last=True), ""]
        ours, base = (self.totals(system).scores() for system in SYSTEMS)
        blocks.append("overall, newsgraph vs every-verb baseline: " + "; ".join(
            f"{label} {percent(ours[key])} vs {percent(base[key])}" for label, key in
            (("event mention F1 (relaxed)", "relaxed_f1"), ("strict F1", "strict_f1"),
             ("participant F1", "participant_f1"), ("time link accuracy", "time_accuracy"))))
        return "\n".join(blocks)

    def _row(self, label: str, system: str, subcorpus: str | None) -> tuple:
        counts = self.totals(system, subcorpus)
        s = counts.scores()
        docs = sum(subcorpus in (None, f.subcorpus) for f in self.files)
        return (label, docs, counts.mentions.gold, counts.mentions.predicted,
                *(percent(s[k]) for k in ("strict_precision", "strict_recall", "strict_f1",
                                          "relaxed_precision", "relaxed_recall", "relaxed_f1")),
                counts.gold_participants, counts.predicted_participants,
                *(percent(s[k]) for k in ("participant_precision", "participant_recall", "participant_f1")),
                counts.timed_gold, percent(s["time_accuracy"]))

    def to_dict(self) -> dict:
        def entry(counts: EventCounts) -> dict:
            return {"counts": {"mentions": asdict(counts.mentions),
                               **{name: getattr(counts, name) for name in _PAIR_FIELDS}},
                    "scores": counts.scores()}

        return {
            system: {"overall": entry(self.totals(system)),
                     "subcorpora": {name: entry(self.totals(system, name)) for name in self.subcorpora()},
                     "files": [{"source": f.source, "doc_id": f.doc_id, "subcorpus": f.subcorpus,
                                **entry(f.systems[system])} for f in self.files]}
            for system in SYSTEMS
        } | {"failed": self.failed, "error_counts": self.error_counts(), "errors": [e.to_dict() for e in self.errors]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)


def subcorpus_of(source: str) -> str:
    """The sub-corpus a MEANTIME file belongs to: its directory without the "corpus_" prefix."""
    return Path(source).parent.name.removeprefix(SUBCORPUS_PREFIX)


def _overlaps(a, b) -> bool:
    return min(a.end, b.end) > max(a.start, b.start)


def gold_participants(gold: MeantimeDocument) -> dict[str, list]:
    """Each gold event mention's participants (anchored entity mentions and values), by event m_id."""
    anchored = {m.m_id: m for m in gold.mentions} | gold.markables
    found: dict[str, list] = {}
    for link in gold.links_of("HAS_PARTICIPANT"):
        target = anchored.get(link.target)
        event = gold.markables.get(link.source)
        if target is not None and event is not None and event.kind == "EVENT_MENTION":
            targets = found.setdefault(link.source, [])
            if target not in targets:
                targets.append(target)
    return found


def gold_times(gold: MeantimeDocument) -> dict[str, list]:
    """Each gold event mention's time expressions tied to it by a TLINK, the creation time left out."""
    found: dict[str, list] = {}
    for link in gold.links_of("TLINK"):
        ends = [gold.markables.get(link.source), gold.markables.get(link.target)]
        events = [m for m in ends if m is not None and m.kind == "EVENT_MENTION"]
        times = [m for m in ends if m is not None and m.kind == "TIMEX3"
                 and m.attributes.get("functionInDocument") != CREATION_TIME]
        if len(events) == 1 and len(times) == 1:
            found.setdefault(events[0].m_id, []).append(times[0])
    return found


def score_document(gold: MeantimeDocument, predicted: list[EventMention],
                   timexes: dict[str, Timex]) -> tuple[EventCounts, list[EventError]]:
    """Event mention, participant and time-link counts of one document's predictions, and its errors."""
    doc = gold.doc_id
    golds = gold.event_mentions
    predicted = [p for p in predicted if p.start < gold.annotated_end]
    pairs = match_spans(golds, predicted)
    counts = EventCounts(SpanCounts(gold=len(golds), predicted=len(predicted), relaxed=len(pairs)))
    participants, times = gold_participants(gold), gold_times(gold)
    counts.gold_participants = sum(len(participants.get(g.m_id, [])) for g in golds)
    counts.predicted_participants = sum(len(p.participants) for p in predicted)
    errors = []
    for g, p in pairs:
        exact = (g.start, g.end) == (p.start, p.end)
        counts.mentions.strict += exact
        if not exact:
            errors.append(EventError("wrong-extent", doc, g.start, g.text, p.text))
        errors += _participant_errors(doc, g.text, participants.get(g.m_id, []), list(p.participants), counts)
        if g.m_id in times:
            counts.timed_gold += 1
            predicted_time = timexes.get(p.timex) if p.timex else None
            if predicted_time is not None and any(_overlaps(predicted_time, t) for t in times[g.m_id]):
                counts.timed_correct += 1
            else:
                errors.append(EventError("wrong-time", doc, g.start, " / ".join(t.text for t in times[g.m_id]),
                                         predicted_time.text if predicted_time else None, g.text))
    matched_gold = {g.m_id for g, _ in pairs}
    matched_predicted = {id(p) for _, p in pairs}
    errors += [EventError("missed", doc, g.start, g.text) for g in golds if g.m_id not in matched_gold]
    errors += [EventError("spurious", doc, p.start, predicted=p.text) for p in predicted
               if id(p) not in matched_predicted]
    errors.sort(key=lambda e: (e.start, ERROR_KINDS.index(e.kind)))
    return counts, errors


def _participant_errors(doc: str, event: str, gold: list, predicted: list, counts: EventCounts) -> list[EventError]:
    matched = match_spans(gold, predicted)
    counts.correct_participants += len(matched)
    found_gold = {id(g) for g, _ in matched}
    found_predicted = {id(p) for _, p in matched}
    return ([EventError("missed-participant", doc, g.start, g.text, event=event) for g in gold
             if id(g) not in found_gold]
            + [EventError("spurious-participant", doc, p.start, predicted=p.text, event=event) for p in predicted
               if id(p) not in found_predicted])


def evaluate_event_mentions(paths: Iterable[Path | str], limit: int | None = None,
                            progress=None) -> EventMentionReport:
    """Parse each MEANTIME text, find its time expressions, and score newsgraph's event-mention
    detector and the every-verb baseline on it. `progress` is called once per document."""
    from newsgraph.pipeline.event_mentions import detect_event_mentions, every_verb_baseline
    from newsgraph.pipeline.nlp import load_nlp
    from newsgraph.pipeline.parse import Parser
    from newsgraph.time import find_timexes

    # the parser yields documents in the order it is given them, so gold and parse pair up
    gold_feed, document_feed = tee(gold_and_documents(paths, limit))
    parses = Parser(load_nlp()).parse(document for _, document in document_feed)
    detectors: dict[str, Detector] = {SYSTEMS[0]: detect_event_mentions, SYSTEMS[1]: every_verb_baseline}
    report = EventMentionReport()
    for (gold, _), (document, parsed) in zip(gold_feed, parses):
        if isinstance(parsed, Exception):
            report.failed.append(f"{document.source}: parse failed: {parsed}")
            continue
        timexes = find_timexes(document.text, document.published, document.id)
        by_id = {t.id: t for t in timexes}
        systems = {}
        for system, detect in detectors.items():
            systems[system], errors = score_document(gold, detect(parsed, timexes), by_id)
            if system == SYSTEMS[0]:
                report.errors += errors
        report.files.append(DocumentScore(gold.source, gold.doc_id, subcorpus_of(gold.source), systems))
        if progress is not None:
            progress()
    return report
