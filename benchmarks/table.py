"""Print the Markdown results table of docs/benchmarks.md from `newsgraph bench --format json` files.

Usage: python benchmarks/table.py benchmarks/results/<date>/*.json
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HEADER = (
    "| run | corpus | docs | words | workers | pipeline docs/s | pipeline words/s | bare docs/s "
    "| bare words/s | ratio | peak RSS MiB | wall s | load avg (1 min) | measured (UTC) |\n"
    "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|"
)


def row(path: Path) -> str:
    result = json.loads(path.read_text(encoding="utf-8"))
    corpus = "ECB+" if result["corpus"].startswith("ECB+") else "demo"
    load = result["machine"].get("load_average_1_5_15min")
    cells = [
        path.stem,
        corpus,
        f"{result['documents']}",
        f"{result['words']:,}",
        f"{result['workers']}",
        f"{result['pipeline']['docs_per_s']:.1f}",
        f"{result['pipeline']['words_per_s']:,.0f}",
        f"{result['bare_spacy']['docs_per_s']:.1f}",
        f"{result['bare_spacy']['words_per_s']:,.0f}",
        f"**{result['ratio']:.2f}**",
        f"{result['peak_rss_bytes'] / 2**20:.0f}",
        f"{result['wall_seconds']:.0f}",
        f"{load[0]:.1f}" if load else "–",
        result["measured_at"].replace("+00:00", "")[:16],
    ]
    return "| " + " | ".join(cells) + " |"


if __name__ == "__main__":
    print(HEADER)
    for name in sys.argv[1:]:
        print(row(Path(name)))
