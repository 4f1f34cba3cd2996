"""`newsgraph bench`: pipeline throughput and memory against bare spaCy on the same texts."""
from __future__ import annotations

import json

import click

from newsgraph.cli.app import main


def _format_table(result: dict) -> str:
    pipeline, bare = result["pipeline"], result["bare_spacy"]
    rows = [
        ("", "pipeline", "bare spaCy"),
        ("seconds", f"{pipeline['seconds']:.2f}", f"{bare['seconds']:.2f}"),
        ("documents/s", f"{pipeline['docs_per_s']:.1f}", f"{bare['docs_per_s']:.1f}"),
        ("words/s", f"{pipeline['words_per_s']:,.0f}", f"{bare['words_per_s']:,.0f}"),
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    skipped = f" ({result['skipped_inputs']} unreadable inputs skipped)" if result["skipped_inputs"] else ""
    missing = f"  [not installed: {', '.join(result['unavailable_stages'])}]" if result["unavailable_stages"] else ""
    verdict = "meets" if result["ratio"] >= result["target_ratio"] else "BELOW"
    return "\n".join([
        f"corpus:   {result['corpus']}",
        f"texts:    {result['documents']} documents, {result['words']:,} words, {result['bytes']:,} bytes{skipped}",
        f"stages:   {', '.join(result['stages']) or '(parse only)'}{missing}",
        f"workers:  {result['workers']}, batch size {result['batch_size']}",
        f"time:     {result['wall_seconds']:.1f} s measured run, {result['load_seconds']:.1f} s model loading",
        f"peak RSS: {result['peak_rss_bytes'] / 2**20:.0f} MiB (both models loaded"
        + (", all workers)" if result["workers"] > 1 else ")"),
        "",
        *("  ".join(cell.rjust(widths[i]) if i else cell.ljust(widths[i]) for i, cell in enumerate(row))
          for row in rows),
        "",
        f"ratio pipeline/bare: {result['ratio']:.2f} ({verdict} target {result['target_ratio']})",
    ])


@main.command()
@click.argument("corpus", required=False, type=click.Path(exists=True))
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes, each loading the models once.")
@click.option("--min-bytes", type=click.IntRange(min=1), default=None,
              help="Stop after this much text, repeating the corpus if needed "
                   "[default: 1000000 for the demo corpus, one full pass of CORPUS].")
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True,
              help="Documents per spaCy batch (and per chunk sent to a worker).")
@click.option("--stages", default=None, metavar="NAME,...",
              help="Comma-separated pipeline stages [default: every default stage that is installed].")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def bench(corpus, workers, min_bytes, batch_size, stages, fmt, quiet):
    """Measure documents/s, words/s and peak memory of the pipeline over CORPUS, and of bare
    spaCy (the installed model without newsgraph's stages) over the same texts in the same run.

    CORPUS is a folder or file of articles (.txt, .md, .html, .json, .jsonl) or an ECB+ folder
    of token .xml files; without it, the demo corpus repeated to 1 MB. Texts are streamed, so
    memory does not grow with the corpus.

    \b
    Examples:
      newsgraph bench
      newsgraph bench ../shared/data/ecbplus/ECB+ --workers 2 --format json
      newsgraph bench --stages sentences --min-bytes 100000
    """
    from newsgraph.bench import open_corpus, run_bench

    stage_names = [s.strip() for s in stages.split(",") if s.strip()] if stages is not None else None
    result = run_bench(open_corpus(corpus, min_bytes), stages=stage_names, workers=workers,
                       batch_size=batch_size, quiet=quiet).to_dict()
    click.echo(json.dumps(result, indent=1) if fmt == "json" else _format_table(result))
