"""Score the name matcher (`newsgraph.resolve.names.compare`) on labelled name pairs.

A pair is predicted the same actor when its score reaches the merge threshold; precision and
recall are over the pairs labelled same, and every category (transliteration, father_son,
acronym, ...) gets its own count of pairs and errors (eval/names/README.md).
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.resolve.names import compare, thresholds


@dataclass(frozen=True)
class NamePair:
    a: str
    b: str
    type: str
    same: bool
    category: str
    why: str = ""


@dataclass(frozen=True)
class PairError:
    """A pair the matcher got wrong: `missed` (same, not merged) or `spurious` (merged, not same)."""

    kind: str
    pair: NamePair
    score: float
    reasons: tuple[str, ...]

    def describe(self) -> str:
        p = self.pair
        return f"{self.kind} [{p.category}] {p.a!r} ~ {p.b!r} ({p.type}): {self.score:.3f}; {'; '.join(self.reasons)}"

    def to_dict(self) -> dict:
        return {"kind": self.kind, **asdict(self.pair), "score": self.score, "reasons": list(self.reasons)}


@dataclass
class CategoryCounts:
    pairs: int = 0
    errors: int = 0


@dataclass
class NameReport:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    true_negatives: int = 0
    categories: dict[str, CategoryCounts] = field(default_factory=dict)
    errors: list[PairError] = field(default_factory=list)

    @property
    def precision(self) -> float:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 0.0

    def error_counts(self) -> dict[str, int]:
        return {"missed": self.false_negatives, "spurious": self.false_positives}

    def format_table(self) -> str:
        lines = [f"merge threshold {thresholds()['merge']}: precision {self.precision:.3f}, "
                 f"recall {self.recall:.3f} ({self.true_positives + self.false_negatives} same, "
                 f"{self.false_positives + self.true_negatives} not same)", "",
                 f"{'CATEGORY':<20} {'PAIRS':>5} {'ERRORS':>6}"]
        for name, counts in sorted(self.categories.items()):
            lines.append(f"{name:<20} {counts.pairs:>5} {counts.errors:>6}")
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {"precision": self.precision, "recall": self.recall, "merge_threshold": thresholds()["merge"],
                **self.error_counts(),
                "categories": {k: asdict(v) for k, v in sorted(self.categories.items())},
                "errors": [e.to_dict() for e in self.errors]}


def read_pairs(path: Path) -> list[NamePair]:
    """The labelled pairs of a JSON Lines file (one object a line, eval/names/README.md)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read name pairs ({exc.__class__.__name__})") from None
    pairs = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            pairs.append(NamePair(**json.loads(line)))
        except (json.JSONDecodeError, TypeError) as exc:
            raise InputError(f"{path}:{number}: not a name pair: {exc}") from exc
    return pairs


def evaluate_names(path: Path) -> NameReport:
    """Precision, recall and per-category errors of the matcher on the pairs in `path`."""
    report = NameReport()
    merge = thresholds()["merge"]
    for pair in read_pairs(path):
        score = compare(pair.a, pair.b, pair.type)
        predicted = score.value >= merge
        counts = report.categories.setdefault(pair.category, CategoryCounts())
        counts.pairs += 1
        if predicted == pair.same:
            if pair.same:
                report.true_positives += 1
            else:
                report.true_negatives += 1
            continue
        counts.errors += 1
        if pair.same:
            report.false_negatives += 1
        else:
            report.false_positives += 1
        report.errors.append(PairError("missed" if pair.same else "spurious", pair, score.value, score.reasons))
    return report
