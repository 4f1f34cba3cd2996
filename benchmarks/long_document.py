"""Time and peak memory of `newsgraph extract` on one long text (issue 7: a 5 MB text must
succeed with peak RSS under 800 MB).

    python benchmarks/long_document.py            # 5 MB, made from the demo corpus's articles
    python benchmarks/long_document.py --mb 1 --keep /tmp/long.txt

The text repeats the demo articles (paragraphs intact) until it reaches the size; the
command runs as a user runs it, in a child process, whose peak RSS the kernel reports.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEMO = Path(__file__).resolve().parents[1] / "demo" / "corpus"


def long_text(megabytes: float) -> str:
    articles = [p.read_text(encoding="utf-8") for p in sorted(DEMO.glob("*.txt"))]
    base = "\n\n".join(articles) + "\n\n"
    copies = int(megabytes * 1_000_000 / len(base.encode("utf-8"))) + 1
    return base * copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of the text in MB (default 5)")
    parser.add_argument("--keep", type=Path, help="write the text here and keep it")
    args = parser.parse_args()

    text = long_text(args.mb)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "long.txt"
        path.write_text(text, encoding="utf-8")
        newsgraph = str(Path(sys.executable).with_name("newsgraph"))
        started = time.perf_counter()
        run = subprocess.run([newsgraph, "extract", str(path), "--published", "2025-02-10"],
                             capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if run.returncode != 0:
        sys.exit(f"extract failed ({run.returncode}): {run.stderr.strip()[-500:]}")
    export = json.loads(run.stdout)
    mentions = sum(len(e["mentions"]) for e in export["entities"])
    print(f"text: {len(text.encode('utf-8')) / 1e6:.2f} MB, {len(text.split()):,} words")
    print(f"extract: {seconds:.1f} s ({len(text.split()) / seconds:,.0f} words/s), peak RSS {peak_mib:,.0f} MiB")
    print(f"found: {len(export['entities'])} entities, {mentions:,} mentions, "
          f"{len(export['events'])} events, {len(export['relations'])} relations")


if __name__ == "__main__":
    main()
