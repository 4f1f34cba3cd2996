"""`newsgraph eval`: measure newsgraph's quality against annotated corpora in their native formats.

Scorers are imported inside the commands so that `newsgraph --help` stays fast.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from newsgraph.cli import main


@main.group("eval")
def eval_group() -> None:
    """Measure newsgraph's quality against annotated corpora.

    \b
    Example:
      newsgraph eval timex ../shared/data/tempeval3/train
    """


@eval_group.command("timex")
@click.argument("paths", nargs=-1, required=True, metavar="DIR|FILE.tml...")
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list every missed, spurious or wrong time expression.")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def eval_timex_command(paths: tuple[str, ...], show_errors: bool, output_format: str) -> None:
    """Score the time-expression recogniser on TimeML gold files, as TempEval-3 task A does.

    Directories are searched recursively for *.tml. Per file and overall (micro-averaged):
    strict and relaxed span P/R/F1, type and value accuracy over relaxed matches, and value F1
    (value accuracy x relaxed F1, the TempEval-3 ranking score).

    \b
    Examples:
      newsgraph eval timex ../shared/data/tempeval3/train
      newsgraph eval timex doc1.tml doc2.tml --errors
      newsgraph eval timex ../shared/data/tempeval3/train --format json > timex-eval.json
    """
    from newsgraph.eval.tempeval import evaluate_timex

    report = evaluate_timex([Path(p) for p in paths])
    if output_format == "json":
        data = report.to_dict()
        if not show_errors:
            del data["errors"]
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    click.echo(report.format_table())
    counts = ", ".join(f"{kind} {n}" for kind, n in report.error_counts().items())
    click.echo(f"errors: {counts}")
    if show_errors:
        click.echo("")
        for error in report.errors:
            click.echo(error.describe())
