"""What every scorer shares: one-to-one pairing of gold and predicted spans, P/R/F1, and the table they print."""
from __future__ import annotations

from typing import Protocol, TypeVar


class Span(Protocol):
    start: int
    end: int


G = TypeVar("G", bound=Span)
P = TypeVar("P", bound=Span)


def match_spans(gold: list[G], predicted: list[P]) -> list[tuple[G, P]]:
    """Pair overlapping gold and predicted spans one-to-one: exact extents first, then the
    largest overlap (as the TempEval-3 scorer does), in gold text order."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                exact = (g.start, g.end) == (p.start, p.end)
                candidates.append((not exact, -overlap, g.start, p.start, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for *_, gi, pi in candidates:
        if gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
            pairs.append((gold[gi], predicted[pi]))
    pairs.sort(key=lambda pair: pair[0].start)
    return pairs


def ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator, 0 when there is nothing to divide by (no gold, no prediction)."""
    return numerator / denominator if denominator else 0.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def percent(x: float) -> str:
    return f"{100 * x:.1f}"


def align_table(rows: list[tuple], rule_before_last: bool = False) -> str:
    """Rows as aligned text columns, the first left-aligned, the others right-aligned."""
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]

    def line(cells) -> str:
        return "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    lines = [line(r) for r in rows]
    if rule_before_last:
        lines.insert(len(lines) - 1, "-" * len(lines[0]))
    return "\n".join(lines)
