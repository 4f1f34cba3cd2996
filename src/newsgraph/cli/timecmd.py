"""`newsgraph timex` (find time expressions in a text) and `newsgraph eval` (scores against gold data).

The recogniser and scorer are imported inside the commands so that `newsgraph --help` stays fast.
"""
from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path

import click

from newsgraph.cli import ISO_DATE, main
from newsgraph.errors import InputError
from newsgraph.model import Document


def _read_text(source: str) -> str:
    """The text of a UTF-8 plain-text file, or of stdin for "-"."""
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    if not path.exists():
        raise InputError("no such file", source=source)
    if path.is_dir():
        raise InputError("is a directory, expected a text file", source=source)
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", source=source) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=source) from exc


@main.command("timex")
@click.argument("source", metavar="FILE|-")
@click.option("--published", type=ISO_DATE,
              help="Publication date that relative expressions such as 'yesterday' count from.")
@click.option("--format", "output_format", type=click.Choice(["json", "tml"]), default="json", show_default=True,
              help="json: a list of time expressions; tml: the text as TimeML with inline TIMEX3 tags.")
def timex_command(source: str, published: date | None, output_format: str) -> None:
    """Find the time expressions in a plain-text file (or stdin) and normalise them.

    Offsets (start, end) are character offsets into the input text.

    \b
    Examples:
      newsgraph timex article.txt --published 2024-03-15
      echo "The talks resume next Tuesday." | newsgraph timex - --published 2024-03-15 --format tml
    """
    text = _read_text(source)
    from newsgraph.time import find_timexes
    from newsgraph.time.tml import to_timeml

    doc_id = Document(text=text, published=published).id
    timexes = find_timexes(text, published, doc_id)
    if output_format == "tml":
        click.echo(to_timeml(text, timexes, published, doc_id), nl=False)
        return
    fields = ("id", "start", "end", "text", "type", "value", "earliest", "latest", "granularity", "mod")
    items = [{**{name: getattr(t, name) for name in fields},
              "anchor": asdict(t.anchor) if t.anchor is not None else None} for t in timexes]
    click.echo(json.dumps(items, indent=2, ensure_ascii=False))


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
