"""`newsgraph timex`: find the time expressions in a text and normalise them.

The recogniser is imported inside the command so that `newsgraph --help` stays fast.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date

import click

from newsgraph.cli import ISO_DATE, main
from newsgraph.errors import InputError


@main.command("timex")
@click.argument("source", metavar="FILE|-")
@click.option("--published", type=ISO_DATE,
              help="Publication date that relative expressions such as 'yesterday' count from.")
@click.option("--format", "output_format", type=click.Choice(["json", "tml"]), default="json", show_default=True,
              help="json: a list of time expressions; tml: the text as TimeML with inline TIMEX3 tags.")
def timex_command(source: str, published: date | None, output_format: str) -> None:
    """Find the time expressions in one document (any input format, or stdin) and normalise them.

    Offsets (start, end) are character offsets into the document text as newsgraph stores it
    (the file itself for plain text; the extracted main text for HTML, JSON and Markdown).

    \b
    Examples:
      newsgraph timex article.txt --published 2024-03-15
      echo "The talks resume next Tuesday." | newsgraph timex - --published 2024-03-15 --format tml
    """
    from newsgraph.ingest import iter_documents
    from newsgraph.time import find_timexes
    from newsgraph.time.tml import to_timeml

    documents = []
    for item in iter_documents([source], published=published):
        if isinstance(item, InputError):
            raise item
        documents.append(item)
    if len(documents) != 1:
        raise InputError(f"holds {len(documents)} documents; `newsgraph extract` handles several",
                         source=source)
    (document,) = documents
    timexes = find_timexes(document.text, document.published, document.id)
    if output_format == "tml":
        click.echo(to_timeml(document.text, timexes, document.published, document.id), nl=False)
        return
    fields = ("id", "start", "end", "text", "type", "value", "earliest", "latest", "granularity", "mod")
    items = [{**{name: getattr(t, name) for name in fields},
              "anchor": asdict(t.anchor) if t.anchor is not None else None} for t in timexes]
    click.echo(json.dumps(items, indent=2, ensure_ascii=False))
