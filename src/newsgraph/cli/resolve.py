"""Commands over identity: why, merge, split, not-same, judgements, undo, review."""
from __future__ import annotations

import json
from dataclasses import asdict

import click

from newsgraph.cli.app import db_option, main, print_table

by_option = click.option("--by", "author", envvar="USER", default=None, help="Who judges (default: $USER).")
reason_option = click.option("--reason", default="", help="Why, in a few words; kept with the judgement.")


def _judgement_row(j) -> dict:
    return {"id": j.id, **asdict(j)}


def _print_judgement(j) -> None:
    click.echo(f"{j.kind} {j.left} {j.right or ''} by {j.author} at {j.made_at} (judgement {j.id})")


@main.command()
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def why(a, b, db, fmt):
    """Why the entities A and B are, or are not, one: the name score, its parts and judgements.

    \b
    Example:
      newsgraph why "Abdirahman Yusuf Warsame" "Abdurrahman Yousuf Warsame"
    """
    from newsgraph.api import Graph

    with Graph(db, readonly=True) as graph:
        answer = graph.why(a, b)
    s = answer.score
    if fmt == "json":
        click.echo(json.dumps({"left": answer.left.id, "right": answer.right.id, "score": s.value,
                               "decision": s.decision, "parts": s.parts, "reasons": list(s.reasons),
                               "same_cluster": answer.same_cluster,
                               "judgements": [_judgement_row(j) for j in answer.judgements]}, indent=1))
        return
    click.echo(f"{answer.left.name} ({answer.left.id}) ~ {answer.right.name} ({answer.right.id})")
    click.echo(f"score {s.value:.3f}: {s.decision}; {'one entity' if answer.same_cluster else 'two entities'}")
    for part, value in s.parts.items():
        click.echo(f"  {part}: {value:.3f}")
    for reason in s.reasons:
        click.echo(f"  - {reason}")
    for j in answer.judgements:
        _print_judgement(j)


def _judge_command(kind: str, two: bool, doc: str):
    """A judgement command: parse, call `Graph.judge`, print the judgement."""

    def command(a, db, author, reason, b=None):
        from newsgraph.api import Graph

        with Graph(db) as graph:
            _print_judgement(graph.judge(kind, a, b, author=author, reason=reason))

    command.__doc__ = doc
    command = reason_option(by_option(db_option(command)))
    if two:
        command = click.argument("b")(command)
    command = click.argument("a")(command)
    return main.command(kind)(command)


_judge_command("merge", True, """Record that A and B are one actor, and re-resolve.

    \b
    Example:
      newsgraph merge "Salem Awad bin Humaid" "Salim Awadh bin Humayd" --reason "same commander"
    """)
_judge_command("not-same", True, """Record that A and B are two actors, and re-resolve.

    \b
    Example:
      newsgraph not-same "Saleh al-Amiri" "Ahmed Saleh al-Amiri" --reason "father and son"
    """)
_judge_command("split", False, """Take the base entity named ENTITY out of its cluster, and re-resolve.

    \b
    Example:
      newsgraph split "Abdirahman Warsame" --reason "another man of that name"
    """)


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def judgements(db, fmt):
    """List the recorded judgements, oldest first.

    \b
    Example:
      newsgraph judgements --format json
    """
    from newsgraph.api import Graph

    with Graph(db, readonly=True) as graph:
        rows = [_judgement_row(j) for j in graph.judgements()]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        print_table([(r["id"], r["kind"], r["left"], r["right"] or "", r["author"], r["made_at"], r["reason"])
                for r in rows], ("ID", "KIND", "LEFT", "RIGHT", "BY", "WHEN", "WHY"))


@main.command()
@click.argument("judgement_id")
@db_option
def undo(judgement_id, db):
    """Delete the judgement JUDGEMENT_ID (or a unique prefix of it), and re-resolve.

    \b
    Example:
      newsgraph undo j1a2b3c
    """
    from newsgraph.api import Graph

    with Graph(db) as graph:
        j = graph.undo(judgement_id)
    click.echo(f"undone: {j.kind} {j.left} {j.right or ''} (judgement {j.id})")


@main.command()
@db_option
@click.option("--limit", type=int, default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def review(db, limit, fmt):
    """Pairs the matcher is unsure about, most informative first, for `merge` or `not-same`.

    \b
    Example:
      newsgraph review --limit 10
    """
    from newsgraph.api import Graph

    with Graph(db, readonly=True) as graph:
        rows = [{"left": p.left.name, "right": p.right.name, "type": p.left.type, "score": p.score.value,
                 "reasons": list(p.score.reasons)} for p in graph.review(limit)]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        print_table([(f"{r['score']:.3f}", r["type"], r["left"], r["right"], "; ".join(r["reasons"])) for r in rows],
               ("SCORE", "TYPE", "LEFT", "RIGHT", "WHY"))
