"""The `newsgraph` click group and what its commands share: one error line per failure, dates,
the store option and plain tables."""
from __future__ import annotations

import csv
import sys
import warnings
from datetime import date

import click

from newsgraph import __version__
from newsgraph.errors import InputWarning, NewsgraphError
from newsgraph.text import parse_day


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """newsgraph's own warnings (a publication date in the future, ...) as one line each."""
    if issubclass(category, InputWarning):
        click.echo(f"newsgraph: warning: {message}", err=True)
    else:
        click.echo(warnings.formatwarning(message, category, filename, lineno, line), err=True, nl=False)


class _Group(click.Group):
    """Turns every NewsgraphError into one line on stderr and exit code 1, every InputWarning
    into one warning line."""

    def invoke(self, ctx):
        with warnings.catch_warnings():
            warnings.simplefilter("always", InputWarning)
            warnings.showwarning = _show_warning
            try:
                return super().invoke(ctx)
            except NewsgraphError as exc:
                click.echo(f"newsgraph: error: {exc}", err=True)
                sys.exit(1)


class IsoDate(click.ParamType):
    """A YYYY-MM-DD option value, rejected with a usage error otherwise."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, date):
            return value
        try:
            return parse_day(value)
        except ValueError:
            self.fail(f"{value!r} is not a date of the form YYYY-MM-DD", param, ctx)


ISO_DATE = IsoDate()

db_option = click.option(
    "--db", type=click.Path(dir_okay=False), envvar="NEWSGRAPH_DB", default=None,
    help="Store file (default: $NEWSGRAPH_DB, else ./newsgraph.db).",
)


def write_csv(fields, rows) -> None:
    """Rows (dicts) as CSV on standard output, a header line first."""
    writer = csv.DictWriter(sys.stdout, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def print_table(rows, header) -> None:
    """A plain aligned table; the last column is left unpadded so long text wraps naturally."""
    if not rows:
        click.echo("(none)")
        return
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    for row in (header, *rows):
        cells = [str(x).ljust(w) for x, w in zip(row[:-1], widths)] + [str(row[-1])]
        click.echo("  ".join(cells).rstrip())


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsgraph")
def main() -> None:
    """Turn news articles into an evidence-backed knowledge graph.

    \b
    Example:
      newsgraph ingest demo/corpus
      newsgraph show "Idris Maleki"
    """
