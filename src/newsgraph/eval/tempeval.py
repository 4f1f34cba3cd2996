"""Score recognised time expressions against TimeML gold the way TempEval-3 task A does.

Definitions follow the official TE3 toolkit (UzZaman et al. 2013, `TE3-evaluation.py`):
a predicted and a gold TIMEX3 match *relaxed* when their extents overlap and *strict* when the
extents are identical; precision divides by the predicted count, recall by the gold count.
`type` and `value` are compared as exact strings over relaxed-matched pairs; their accuracy is
correct / relaxed matches, and the attribute F1 TE3 ranks systems by is accuracy × relaxed F1
(the same as the F1 of correct/predicted and correct/gold). Every count is summed over all
documents before dividing (micro average), as the toolkit does.

Matching is one-to-one: identical extents pair first, then the largest overlaps, so a
prediction spanning two gold expressions gets credit for one and the other is missed.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.eval.spans import f1, match_spans, ratio
from newsgraph.eval.timeml import TimeMLTimex, read_timeml
from newsgraph.model import Timex

Recogniser = Callable[[str, date | None, str], list[Timex]]

ERROR_KINDS = ("missed", "spurious", "wrong-extent", "wrong-type", "wrong-value")


@dataclass
class TimexCounts:
    """The raw counts behind every TE3 timex score; they add up across documents."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0  # matched pairs with identical extents
    relaxed: int = 0  # matched pairs with overlapping extents (includes strict ones)
    type_correct: int = 0  # among relaxed pairs
    value_correct: int = 0  # among relaxed pairs

    def __add__(self, other: TimexCounts) -> TimexCounts:
        return TimexCounts(*(a + b for a, b in zip(asdict(self).values(), asdict(other).values())))

    @property
    def _nothing_to_find(self) -> bool:
        # TE3 gives full marks when neither side has a timex.
        return self.gold == 0 and self.predicted == 0

    @property
    def strict_precision(self) -> float:
        return 1.0 if self._nothing_to_find else ratio(self.strict, self.predicted)

    @property
    def strict_recall(self) -> float:
        return 1.0 if self._nothing_to_find else ratio(self.strict, self.gold)

    @property
    def strict_f1(self) -> float:
        return f1(self.strict_precision, self.strict_recall)

    @property
    def relaxed_precision(self) -> float:
        return 1.0 if self._nothing_to_find else ratio(self.relaxed, self.predicted)

    @property
    def relaxed_recall(self) -> float:
        return 1.0 if self._nothing_to_find else ratio(self.relaxed, self.gold)

    @property
    def relaxed_f1(self) -> float:
        return f1(self.relaxed_precision, self.relaxed_recall)

    @property
    def type_accuracy(self) -> float:
        return 1.0 if self._nothing_to_find else ratio(self.type_correct, self.relaxed)

    @property
    def value_accuracy(self) -> float:
        return 1.0 if self._nothing_to_find else ratio(self.value_correct, self.relaxed)

    @property
    def type_f1(self) -> float:
        return self.type_accuracy * self.relaxed_f1

    @property
    def value_f1(self) -> float:
        return self.value_accuracy * self.relaxed_f1

    def scores(self) -> dict[str, float]:
        names = ("strict_precision", "strict_recall", "strict_f1", "relaxed_precision", "relaxed_recall",
                 "relaxed_f1", "type_accuracy", "value_accuracy", "type_f1", "value_f1")
        return {name: getattr(self, name) for name in names}


@dataclass
class TimexError:
    """One mistake: a gold timex missed, a prediction with no gold, or a matched pair that differs."""

    kind: str  # one of ERROR_KINDS
    doc: str
    gold: TimeMLTimex | None
    predicted: Timex | None

    def describe(self) -> str:
        gold = f"gold {self.gold.text!r} {self.gold.type} {self.gold.value}" if self.gold else ""
        pred = (f"predicted {self.predicted.text!r} {self.predicted.type} {self.predicted.value}"
                if self.predicted else "")
        where = (self.gold or self.predicted).start
        return f"{self.doc}:{where}: {self.kind}: " + " vs ".join(p for p in (gold, pred) if p)

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "doc": self.doc,
            "gold": None if self.gold is None else {
                "tid": self.gold.tid, "start": self.gold.start, "end": self.gold.end, "text": self.gold.text,
                "type": self.gold.type, "value": self.gold.value},
            "predicted": None if self.predicted is None else {
                "start": self.predicted.start, "end": self.predicted.end, "text": self.predicted.text,
                "type": self.predicted.type, "value": self.predicted.value},
        }


@dataclass
class FileScore:
    source: str
    doc_id: str
    counts: TimexCounts


@dataclass
class TimexReport:
    files: list[FileScore] = field(default_factory=list)
    errors: list[TimexError] = field(default_factory=list)

    @property
    def overall(self) -> TimexCounts:
        return sum((f.counts for f in self.files), TimexCounts())

    def error_counts(self) -> dict[str, int]:
        return {kind: sum(e.kind == kind for e in self.errors) for kind in ERROR_KINDS}

    def format_table(self) -> str:
        header = ("file", "gold", "pred", "strict P", "R", "F1", "relaxed P", "R", "F1",
                  "type acc", "value acc", "value F1")
        rows = [_row(Path(f.source).name, f.counts) for f in self.files]
        rows.append(_row(f"OVERALL ({len(self.files)} files)", self.overall))
        widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

        def line(cells) -> str:
            return "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                             for i, (c, w) in enumerate(zip(cells, widths)))

        return "\n".join([line(header), *(line(r) for r in rows[:-1]), "-" * len(line(header)), line(rows[-1])])

    def to_dict(self) -> dict:
        def entry(counts: TimexCounts) -> dict:
            return {"counts": asdict(counts), "scores": counts.scores()}

        return {
            "overall": entry(self.overall),
            "files": [{"source": f.source, "doc_id": f.doc_id, **entry(f.counts)} for f in self.files],
            "error_counts": self.error_counts(),
            "errors": [e.to_dict() for e in self.errors],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)


def _row(name: str, c: TimexCounts) -> tuple:
    pct = [f"{100 * x:.1f}" for x in (c.strict_precision, c.strict_recall, c.strict_f1, c.relaxed_precision,
                                      c.relaxed_recall, c.relaxed_f1, c.type_accuracy, c.value_accuracy,
                                      c.value_f1)]
    return (name, c.gold, c.predicted, *pct)


def score_document(gold: list[TimeMLTimex], predicted: list[Timex],
                   doc: str = "") -> tuple[TimexCounts, list[TimexError]]:
    """TE3 counts for one document and the list of what went wrong, in text order."""
    pairs = match_spans(gold, predicted)
    counts = TimexCounts(gold=len(gold), predicted=len(predicted), relaxed=len(pairs))
    errors: list[TimexError] = []
    for g, p in pairs:
        if (g.start, g.end) == (p.start, p.end):
            counts.strict += 1
        else:
            errors.append(TimexError("wrong-extent", doc, g, p))
        if g.type == p.type:
            counts.type_correct += 1
        else:
            errors.append(TimexError("wrong-type", doc, g, p))
        if g.value == p.value:
            counts.value_correct += 1
        else:
            errors.append(TimexError("wrong-value", doc, g, p))
    matched_gold = {id(g) for g, _ in pairs}
    matched_predicted = {id(p) for _, p in pairs}
    errors += [TimexError("missed", doc, g, None) for g in gold if id(g) not in matched_gold]
    errors += [TimexError("spurious", doc, None, p) for p in predicted if id(p) not in matched_predicted]
    errors.sort(key=lambda e: ((e.gold or e.predicted).start, ERROR_KINDS.index(e.kind)))
    return counts, errors


def timeml_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    """The given files, and every `*.tml` below the given directories, in sorted order."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(path.rglob("*.tml"))
        elif path.exists():
            yield path
        else:
            raise InputError("no such file or directory", source=str(path))


def evaluate_timex(paths: Iterable[Path | str], recognise: Recogniser | None = None) -> TimexReport:
    """Run the recogniser (default `newsgraph.time.find_timexes`) on each TimeML text and score it."""
    paths = list(paths)
    files = list(timeml_files(paths))
    if not files:
        raise InputError("no .tml files found", source=", ".join(map(str, paths)))
    if recognise is None:
        # Imported on use so the scorer and reader work without loading the recogniser.
        from newsgraph.time import find_timexes as recognise
    report = TimexReport()
    for path in files:
        document = read_timeml(path)
        predicted = sorted(recognise(document.text, document.dct, document.doc_id), key=lambda t: (t.start, t.end))
        counts, errors = score_document(document.timexes, predicted, doc=document.doc_id)
        report.files.append(FileScore(str(path), document.doc_id, counts))
        report.errors += errors
    return report
