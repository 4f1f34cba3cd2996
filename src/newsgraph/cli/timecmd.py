"""`newsgraph timex`: find the time expressions in a text and normalise them.

The API is imported inside the command so that `newsgraph --help` stays fast.
"""
from __future__ import annotations

import json
from datetime import date

import click

from newsgraph.cli.app import ISO_DATE, main


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
    from newsgraph.api import timexes_json, timexes_timeml

    if output_format == "tml":
        click.echo(timexes_timeml(source, published), nl=False)
        return
    click.echo(json.dumps(timexes_json(source, published), indent=2, ensure_ascii=False))
