"""Commands over the stored facts: events, relations and the timeline."""
from __future__ import annotations

import json
from dataclasses import asdict

import click

from newsgraph.cli.app import ISO_DATE, db_option, main, print_table, write_csv

FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                      show_default=True, help="table for reading; json (every field, all evidence) or csv "
                      "(one row per fact, its first sentence) for other programs.")
ENTITY = click.option("--entity", help="Only facts about this entity (name, alias or id).")
FROM = click.option("--from", "start", type=ISO_DATE,
                    help="Only events whose time overlaps the range from this day on.")
TO = click.option("--to", "end", type=ISO_DATE, help="Only events whose time overlaps the range up to this day.")

EVENT_FIELDS = ("id", "date", "type", "participants", "place", "certainty", "modality", "earliest", "latest",
                "granularity", "sources", "first_reported", "first_reported_by", "conflicts", "sentence", "document")
RELATION_FIELDS = ("id", "subject", "type", "role", "object", "certainty", "source", "sentence", "document")


def participants(item) -> str:
    """"Name (role, remote), …": who took part and how."""
    def one(p) -> str:
        how = ", ".join(x for x in (p.role, "remote" if p.remote else None) if x)
        return f"{p.entity.name} ({how})" if how else p.entity.name
    return ", ".join(one(p) for p in item.participants)


def marks(item) -> str:
    """How sure the text is and whether the event happened, when not plainly: " [hedged, planned]"."""
    said = [x for x, plain in ((item.certainty, "asserted"), (item.modality, "actual")) if x != plain]
    return f" [{', '.join(said)}]" if said else ""


def event_summary(item) -> str:
    """One line for an event: "meeting: A (participant), B (counterpart) in Lagos [denied]"."""
    place = f" in {item.place.name}" if item.place else ""
    return f"{item.type}: {participants(item)}{place}{marks(item)}"


def document_name(evidence) -> str:
    """The document a sentence is in (or that reports an event): its title, else where it was
    read from, else its id."""
    return evidence.doc_title or evidence.doc_source or evidence.doc


def conflicts_short(item) -> str:
    """What the reports of an event disagree on, each value once: "time 2024-03-10 | 2024-03-11"."""
    return "; ".join(f"{c.field} " + " | ".join(side.value for side in c.sides) for c in item.conflicts)


def first_reported(item) -> str:
    """"2024-03-12 [Title]" of the report published first, "" when no report is dated."""
    first = item.first_reported
    return f"{first.published} [{document_name(first)}]" if first else ""


def sources_lines(item) -> list[str]:
    """For an event reported by several documents: how many and who first, then each
    disagreement with the documents on each side."""
    lines = []
    if item.sources > 1:
        first = f", first reported {first_reported(item)}" if item.first_reported else ""
        lines.append(f"{item.sources} sources{first}")
    for c in item.conflicts:
        sides = "; ".join(f"{side.value} [{', '.join(document_name(d) for d in side.documents)}]"
                          for side in c.sides)
        lines.append(f"sources disagree on {c.field}: {sides}")
    return lines


def cited(evidence) -> str:
    """The first sentence stating a fact, with its document, and how many more there are."""
    if not evidence:
        return ""
    first = evidence[0]
    more = f" (+{len(evidence) - 1} more)" if len(evidence) > 1 else ""
    return f"[{document_name(first)}] {first.sentence}{more}"


def _check_range(start, end) -> None:
    if start and end and start > end:
        raise click.UsageError(f"--from {start} is after --to {end}")


def _first(evidence) -> dict:
    if not evidence:
        return {"sentence": "", "document": ""}
    return {"sentence": evidence[0].sentence, "document": document_name(evidence[0])}


def _event_row(item) -> dict:
    time = item.time
    return {"id": item.id, "date": item.when, "type": item.type, "participants": participants(item),
            "place": item.place.name if item.place else "", "certainty": item.certainty,
            "modality": item.modality, "earliest": item.earliest or "", "latest": item.latest or "",
            "granularity": (time.granularity if time else None) or "", "sources": item.sources,
            "first_reported": str(item.first_reported.published) if item.first_reported else "",
            "first_reported_by": document_name(item.first_reported) if item.first_reported else "",
            "conflicts": conflicts_short(item), **_first(item.evidence)}


def _print_json(items) -> None:
    click.echo(json.dumps([asdict(i) for i in items], ensure_ascii=False, indent=1, default=str))


def _print_events(items, fmt: str, table) -> None:
    if fmt == "json":
        _print_json(items)
    elif fmt == "csv":
        write_csv(EVENT_FIELDS, [_event_row(i) for i in items])
    else:
        table(items)


def _events_table(items) -> None:
    print_table([(i.when, i.type, participants(i), i.place.name if i.place else "",
                  i.certainty + (f", {i.modality}" if i.modality != "actual" else ""), i.sources,
                  i.first_reported.published if i.first_reported else "", conflicts_short(i), cited(i.evidence))
                 for i in items],
                ("DATE", "TYPE", "WHO", "PLACE", "HOW SURE", "SOURCES", "FIRST REPORTED", "CONFLICTS", "SENTENCE"))


def _timeline_text(items) -> None:
    if not items:
        click.echo("(none)")
    width = max((len(i.when) for i in items), default=0)
    for item in items:
        click.echo(f"{item.when.ljust(width)}  {event_summary(item)}")
        for line in sources_lines(item):
            click.echo(f"{'':{width}}    {line}")
        for ev in item.evidence:
            click.echo(f"{'':{width}}    [{document_name(ev)}] {ev.sentence}")


@main.command()
@ENTITY
@click.option("--type", "type_", help="Only events of this type (meeting, visit, rally, …).")
@FROM
@TO
@FORMAT
@db_option
def events(entity, type_, start, end, fmt, db):
    """List the stored events: type, date, participants with roles, place, how sure, sources,
    first report, conflicts, sentence.

    One row is one event across documents: the same event told by several documents is listed
    once, with how many documents report it, the publication date of the first, and what they
    disagree on (a date, a place, hedged against asserted), every value shown
    (`newsgraph timeline` names the documents on each side).

    A date is the time at the granularity the text gives ("2024-03" for March 2024); an
    event the text does not date is "undated", with the bounds the text gives it. Denied and
    planned events are listed and marked. --from/--to keep the events whose time overlaps the
    range; an undated event is kept only when the text bounds it on both sides and those
    bounds overlap the range.

    \b
    Examples:
      newsgraph events --entity "Idris Maleki"
      newsgraph events --type meeting --from 2021-01-01 --to 2021-12-31
      newsgraph events --format csv > events.csv
    """
    from newsgraph.api import Graph

    _check_range(start, end)
    with Graph(db, readonly=True) as graph:
        items = graph.events(entity, type=type_, start=start, end=end)
    _print_events(items, fmt, _events_table)


@main.command()
@ENTITY
@click.option("--type", "type_", help="Only relations of this type (member_of, leader_of, ally_of, …).")
@FORMAT
@db_option
def relations(entity, type_, fmt, db):
    """List the stored relations: subject, type, role, object, how sure, who says so, sentence.

    \b
    Examples:
      newsgraph relations --entity "Harmattan Brotherhood"
      newsgraph relations --type member_of --format json
    """
    from newsgraph.api import Graph

    with Graph(db, readonly=True) as graph:
        items = graph.relations(entity, type=type_)
    if fmt == "json":
        _print_json(items)
        return
    rows = [{"id": r.id, "subject": r.subject.name, "type": r.type, "role": r.role or "", "object": r.object.name,
             "certainty": r.certainty, "source": _sources(r), **_first(r.evidence)} for r in items]
    if fmt == "csv":
        write_csv(RELATION_FIELDS, rows)
    else:
        print_table([(r["subject"], r["type"], r["role"], r["object"], r["certainty"], r["source"],
                      cited(i.evidence)) for r, i in zip(rows, items)],
                    ("SUBJECT", "TYPE", "ROLE", "OBJECT", "HOW SURE", "SAID BY", "SENTENCE"))


def _sources(relation) -> str:
    """Who the text says stated the relation, each once."""
    return ", ".join(dict.fromkeys(ev.source.name for ev in relation.evidence if ev.source))


@main.command()
@click.argument("name", required=False)
@FROM
@TO
@FORMAT
@db_option
def timeline(name, start, end, fmt, db):
    """The events of NAME (of the whole graph without it) in time order, each with its sentences.

    Dated events come first, ordered by the time they cover at its granularity (a month sorts
    as the whole month and reads "2024-03"); undated ones follow with their bounds.

    \b
    Examples:
      newsgraph timeline "Idris Maleki"
      newsgraph timeline --from 2024-01-01 --to 2024-06-30
      newsgraph timeline Maleki --format json
    """
    from newsgraph.api import Graph

    _check_range(start, end)
    with Graph(db, readonly=True) as graph:
        items = graph.timeline(name, start=start, end=end)
    _print_events(items, fmt, _timeline_text)
