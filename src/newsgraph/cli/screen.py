"""`newsgraph screen`: the graph's people and organisations found in a watchlist."""
from __future__ import annotations

import json

import click

from newsgraph.cli.app import db_option, main, print_table, write_csv

CSV_FIELDS = ("score", "decision", "entity_id", "entity_type", "entity_name", "matched_name", "list_id",
              "list_schema", "list_name", "listed_name", "evidence", "country", "graph_countries",
              "list_countries", "line", "reasons")


def _row(m) -> dict:
    return {"score": m.score.value, "decision": m.score.decision, "entity_id": m.subject.id,
            "entity_type": m.subject.type, "entity_name": m.subject.names[0], "matched_name": m.subject_name,
            "list_id": m.listed.id, "list_schema": m.listed.schema, "list_name": m.listed.names[0],
            "listed_name": m.listed_name, "evidence": list(m.evidence), "type_agreement": m.type_agreement,
            "country": m.country, "graph_countries": list(m.countries), "list_countries": list(m.listed.countries),
            "line": m.listed.line, "parts": m.score.parts, "reasons": list(m.score.reasons)}


@main.command()
@click.option("--list", "list_path", required=True, type=click.Path(dir_okay=False),
              help="The watchlist: FollowTheMoney entities, one JSON object a line (.json, .jsonl), as "
                   "OpenSanctions publishes them, or CSV (.csv) with the columns name, aliases (';' between), "
                   "type, country.")
@db_option
@click.option("--threshold", type=click.FloatRange(0, 1), default=None,
              help="Lowest score shown (default: the review threshold of data/resolution.json).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def screen(list_path, db, threshold, fmt):
    """Match the graph's people and organisations against a watchlist, best first, with the
    name pair that scored, the evidence and the country agreement.

    \b
    Example:
      newsgraph screen --list targets.ftm.json
      newsgraph screen --list watchlist.csv --threshold 0.9 --format csv
    """
    from newsgraph.api import Graph

    with Graph(db, readonly=True) as graph:
        rows = [_row(m) for m in graph.screen(list_path, threshold)]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        flat = ("evidence", "graph_countries", "list_countries", "reasons")
        write_csv(CSV_FIELDS, ({k: "; ".join(r[k]) if k in flat else r[k] for k in CSV_FIELDS} for r in rows))
    else:
        print_table([(f"{r['score']:.3f}", r["decision"], r["entity_type"], r["entity_name"],
                      f"{r['list_name']} [{r['list_id']}]", ", ".join(r["evidence"]),
                      _country(r), f"{r['matched_name']} ~ {r['listed_name']}") for r in rows],
                    ("SCORE", "DECISION", "TYPE", "ENTITY", "LISTED", "EVIDENCE", "COUNTRY", "NAMES"))


def _country(row: dict) -> str:
    if row["country"] == "unknown":
        return "unknown"
    return f"{row['country']} ({'/'.join(row['graph_countries'])} ~ {'/'.join(row['list_countries'])})"
