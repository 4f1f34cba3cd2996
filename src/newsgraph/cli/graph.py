"""Commands over documents and the stored graph: extract, ingest, entities, show, search, export."""
from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict

import click

from newsgraph.cli.app import ISO_DATE, db_option, main, print_table
from newsgraph.cli.facts import event_summary, sources_lines

# The export formats by name (newsgraph.export.formats.FORMATS), listed here so --help loads no exporter.
EXPORT_FORMATS = ["json", "jsonl", "ftm", "stix", "graphml", "gexf", "csv", "neo4j"]


def _report(error) -> None:
    click.echo(f"newsgraph: error: {error}", err=True)


@main.command()
@click.argument("source", type=click.Path(allow_dash=True, readable=False))
@click.option("--published", type=ISO_DATE, help="Publication date of the input; overrides metadata.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True,
              help="json: one newsgraph/1 object; jsonl: one object per document, a line each.")
def extract(source, published, fmt):
    """Print the newsgraph/1 JSON of FILE (or - for stdin) without storing anything.

    \b
    Example:
      newsgraph extract article.txt --published 2025-02-10 > article.json
      cat article.txt | newsgraph extract - --format jsonl
    """
    from newsgraph.api import extract_files

    failed = False

    def on_error(error) -> None:
        nonlocal failed
        failed = True
        _report(error)

    for export in extract_files([source], published=published, on_error=on_error, each=fmt == "jsonl"):
        click.echo(json.dumps(export, ensure_ascii=False, indent=None if fmt == "jsonl" else 1))
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True, readable=False))
@click.option("--published", type=ISO_DATE, help="Publication date for every input; overrides metadata.")
@db_option
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def ingest(paths, published, db, quiet):
    """Read files, directories (recursively) or - (stdin) into the store.

    Documents already stored (same content) are skipped; one read from another file, or with
    another title, url or date, is noted and recorded as another source of the stored one.
    Bad files are reported, one line each, and the rest goes on; the exit code is 1 when any
    input failed.

    \b
    Example:
      newsgraph ingest demo/corpus
      newsgraph ingest --db cases.db --published 2025-02-10 report.txt
    """
    from tqdm import tqdm

    from newsgraph.api import Graph

    with Graph(db) as graph, tqdm(unit="doc", desc="ingest", disable=quiet, file=sys.stderr,
                                  dynamic_ncols=True) as bar:
        def on_error(error):
            bar.clear()
            _report(error)
            bar.update(1)

        def on_duplicate(duplicate):
            bar.clear()
            click.echo(f"newsgraph: note: {duplicate.source}: duplicate of {duplicate.first_source};"
                       " recorded as another source of it", err=True)

        report = graph.ingest(paths, published=published, on_error=on_error,
                              on_document=lambda _doc, _what: bar.update(1), on_duplicate=on_duplicate)
    recorded = f" ({len(report.duplicates)} recorded as another source)" if report.duplicates else ""
    click.echo(f"{report.added} added, {report.skipped} skipped as duplicates{recorded}, {report.failed} failed"
               f" → {graph.path}", err=True)
    sys.exit(1 if report.failed else 0)


ENTITY_FIELDS = ("id", "type", "name", "aliases", "documents", "mentions")


@main.command()
@click.option("--type", "type_", type=click.Choice(["person", "organization", "place", "other"]),
              help="Only entities of this type.")
@click.option("--search", help="Only entities whose name or an alias contains this (any case, accents).")
@click.option("--limit", type=int, help="At most this many.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
@db_option
def entities(type_, search, limit, fmt, db):
    """List the stored entities, most mentioned first.

    \b
    Example:
      newsgraph entities --type person
      newsgraph entities --search vanguard --format json
    """
    from newsgraph.api import Graph

    with Graph(db, readonly=True) as graph:
        rows = [_entity_row(e) for e in graph.entities(type=type_, search=search, limit=limit)]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=ENTITY_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({**r, "aliases": "; ".join(r["aliases"])} for r in rows)
    else:
        print_table([(r["name"], r["type"], r["documents"], r["mentions"], ", ".join(r["aliases"]))
                for r in rows], ("NAME", "TYPE", "DOCS", "MENTIONS", "ALIASES"))


def _entity_row(e) -> dict:
    return {"id": e.id, "type": e.type, "name": e.name, "aliases": list(e.aliases),
            "documents": e.documents, "mentions": e.mentions}


@main.command()
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--mentions", "max_mentions", type=int, default=20, show_default=True,
              help="Show at most this many sentences with mentions in text output.")
@db_option
def show(name, fmt, max_mentions, db):
    """Profile of one entity: type, aliases, documents, mentions in context, affiliations, events,
    co-mentioned entities.

    NAME may be any alias, in any case, with or without accents. An ambiguous name lists the
    candidates; pass an id (e-…) to pick one.

    \b
    Example:
      newsgraph show "Idris Maleki"
      newsgraph show hb --format json
    """
    from newsgraph.api import Graph
    from newsgraph.errors import Ambiguous

    with Graph(db, readonly=True) as graph:
        try:
            profile = graph.show(name)
        except Ambiguous as exc:
            click.echo(f"newsgraph: {name!r} is ambiguous; pick one by id:", err=True)
            for e in exc.candidates:
                click.echo(f"  {e.id}  {e.name} ({e.type}; {e.documents} documents, {e.mentions} mentions)",
                           err=True)
            sys.exit(1)
    if fmt == "json":
        click.echo(json.dumps(asdict(profile), ensure_ascii=False, indent=1, default=str))
        return
    _print_profile(profile, max_mentions)


CO_MENTIONS_SHOWN = 15
FACTS_SHOWN = 20  # affiliations, and events, printed by `show`


def _more(items, shown, command: str) -> None:
    if len(items) > len(shown):
        click.echo(f"  … {len(items) - len(shown)} more ({command})")


def _mentions_by_sentence(mentions) -> list[list]:
    """Mentions grouped by the sentence they occur in, so each sentence is printed once."""
    groups: dict[tuple, list] = {}
    for m in mentions:
        groups.setdefault((m.doc, m.sentence_start, m.sentence_text), []).append(m)
    return [sorted(g, key=lambda m: m.start) for g in groups.values()]


def _print_profile(p, max_mentions: int) -> None:
    click.secho(f"{p.name}", bold=True, nl=False)
    click.echo(f"  ({p.type}, {p.id})")
    if p.aliases:
        click.echo("aliases:   " + ", ".join(p.aliases))
    click.echo(f"documents: {p.documents}   mentions: {len(p.mentions)}")
    if p.geo:
        g = p.geo
        where = ", ".join(x for x in (g.region, g.country) if x) or "?"
        click.echo(f"location:  {g.lat:.4f}, {g.lon:.4f} ({where}; {g.precision or '?'} precision; {g.source})")
    click.echo("\nmentions:")
    sentences = _mentions_by_sentence(p.mentions)
    for mentions in sentences[:max_mentions]:
        first = mentions[0]
        line, cut = "", 0
        for m in mentions:
            start, end = m.start - first.sentence_start, m.end - first.sentence_start
            line += first.sentence_text[cut:start] + click.style(m.text, bold=True, underline=True)
            cut = end
        click.echo(f"  [{first.doc_title or first.doc}] " + line + first.sentence_text[cut:])
    if len(sentences) > max_mentions:
        click.echo(f"  … {len(sentences) - max_mentions} more sentences (--mentions N)")
    titles = {m.doc: m.doc_title or m.doc for m in p.mentions}
    several = {doc: sources for doc, sources in p.sources.items() if len(sources) > 1}
    if several:
        click.echo("\ndocuments read more than once:")
        for doc, sources in several.items():
            click.echo(f"  [{titles[doc]}] read from: " + ", ".join(str(s) for s in sources))
    if p.affiliations:
        click.echo("\naffiliations (→ it is the subject, ← the object):")
        shown = p.affiliations[:FACTS_SHOWN]
        print_table([(r.type, r.role or "", ("→ " + r.object.name) if r.subject.id == p.id else ("← " + r.subject.name),
                      r.certainty) for r in shown], ("RELATION", "ROLE", "WITH", "HOW SURE"))
        _more(p.affiliations, shown, f"newsgraph relations --entity {p.id}")
    if p.events:
        click.echo("\nevents:")
        shown = p.events[:FACTS_SHOWN]
        width = max(len(v.when) for v in shown)
        for v in shown:
            click.echo(f"  {v.when.ljust(width)}  {event_summary(v)}")
            for line in sources_lines(v):
                click.echo(f"  {'':{width}}    {line}")
        _more(p.events, shown, f"newsgraph timeline {p.id}")
    if p.co_mentions:
        click.echo("\nmentioned with (same sentence, same document):")
        shown = p.co_mentions[:CO_MENTIONS_SHOWN]
        print_table([(c.name, c.type, c.count, c.documents) for c in shown], ("NAME", "TYPE", "SENTENCES", "DOCS"))
        if len(p.co_mentions) > len(shown):
            click.echo(f"  … {len(p.co_mentions) - len(shown)} more (--format json)")


@main.command()
@click.argument("query")
@click.option("--limit", type=int, default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@db_option
def search(query, limit, fmt, db):
    """Full-text search over stored sentences, best first, with the entities each one mentions.

    A sentence matches when it holds every word of QUERY (any case, accents, word endings);
    a query takes at most 1000 characters and 32 different words.

    \b
    Example:
      newsgraph search "rally Kano"
      newsgraph search "video link" --format json
    """
    from newsgraph.api import Graph

    with Graph(db, readonly=True) as graph:
        hits = graph.search(query, limit=limit)
    if fmt == "json":
        click.echo(json.dumps([asdict(h) for h in hits], ensure_ascii=False, indent=1, default=str))
        return
    if not hits:
        click.echo("(no match)")
    for h in hits:
        click.secho(f"{h.doc_title or h.doc}", bold=True, nl=False)
        click.echo(f"  ({h.doc}, sentence {h.sentence})")
        click.echo("  " + h.snippet)
        if h.entities:
            click.echo("  entities: " + ", ".join(f"{e.name} ({e.type})" for e in h.entities))


@main.command()
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="json", show_default=True,
              help="json: newsgraph/1; jsonl: one item a line; ftm: FollowTheMoney; stix: a STIX 2.1 "
                   "bundle; graphml, gexf: graphs for Gephi/Cytoscape; csv, neo4j: a folder of tables.")
@click.option("-o", "--output", type=click.Path(allow_dash=True), default="-", show_default=True,
              help="File (or folder, for csv and neo4j) to write; - is standard output.")
@click.option("--entity", default=None, help="Only the neighbourhood of this entity (name, alias or id).")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True,
              help="With --entity: how many hops of relations and shared events to include.")
@db_option
def export(fmt, output, entity, depth, db):
    """Export the stored graph (see docs/export.md for every format).

    The target is written in full before it replaces anything; a directory, a device, a FIFO
    or a read-only file given for a file format is refused.

    \b
    Examples:
      newsgraph export -o graph.json
      newsgraph export --format stix -o bundle.json
      newsgraph export --format csv -o tables/
      newsgraph export --format ftm --entity "Eastern Shield Brigades" --depth 2 -o esb.ftm.json
    """
    from newsgraph.api import Graph

    with Graph(db, readonly=True) as graph:
        graph.export_to(fmt, output, entity=entity, depth=depth)


@main.command()
@click.argument("name", required=False)
@click.option("--all", "everyone", is_flag=True, help="Every person and organisation, with an index page.")
@click.option("-o", "--output", type=click.Path(), required=True,
              help="The page to write (with NAME), or the folder to write into (with --all).")
@db_option
def dossier(name, everyone, output, db):
    """Write an offline HTML dossier: profile, link chart, map, timeline and citations.

    The pages make no network request: scripts, styles and the country outlines are inside
    them (docs/dossier.md).

    \b
    Examples:
      newsgraph dossier "Eastern Shield Brigades" -o esb.html
      newsgraph dossier --all -o dossiers/
    """
    from newsgraph.api import Graph

    if bool(name) == everyone:
        raise click.UsageError("give either NAME or --all")
    with Graph(db, readonly=True) as graph:
        if everyone:
            written = graph.write_dossiers(output)
            click.echo(f"{len(written.pages)} actor pages; open {written.index}")
        else:
            graph.write_dossier(name, output)
            click.echo(output)
